use crate::browser::app_href;
use crate::components::{form_errors, ActionError, FieldMessages, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::markdown::Markdown;
use crate::portals::training::{training_resource, use_training};
use domain::training::course::CourseId;
use domain::training::lesson::{LessonId, LinkKind};
use domain::training::wire::CourseDetail;
use leptos::prelude::*;
use leptos_router::components::A;

/// One lesson: its text (Markdown, drawn safely), its videos and
/// documents, and "mark complete", then on to the next lesson or the quiz.
#[component]
pub fn LessonPage(course: CourseId, lesson: LessonId) -> impl IntoView {
    let detail = training_resource(move |api| async move { api.course(course).await });
    view! {
        <p><A href=app_href(&format!("/training/courses/{}", course.0)) attr:class="back-link"><Tr key=Key::TrainingBackToCourse/></A></p>
        <Loadable resource=detail page=true skeleton_lines=10 render=move |detail| view! { <LessonView detail lesson/> }/>
    }
}

#[component]
fn LessonView(detail: CourseDetail, lesson: LessonId) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let course = detail.entry.course.id;
    let Some(position) = detail.lessons.iter().position(|l| l.id == lesson) else {
        return view! { <crate::pages::NotFound/> }.into_any();
    };
    let this = detail.lessons[position].clone();
    let next = detail.lessons.get(position + 1).map(|l| l.id);
    let has_quiz = detail.quiz.is_some();
    let done = RwSignal::new(detail.entry.progress.done.contains(&lesson));
    let complete = Action::new_local(move |_: &()| {
        let api = api.clone();
        async move { api.complete_lesson(lesson).await }
    });
    Effect::new(move |_| {
        if complete.value().with(|v| matches!(v, Some(Ok(_)))) {
            done.set(true);
        }
    });
    let failure = move || complete.value().get().and_then(Result::err);
    let (title, body) = (this.draft.title.clone(), this.draft.body.clone());
    let next_href = match next {
        Some(next) => Some((app_href(&format!("/training/courses/{}/lessons/{}", course.0, next.0)), Key::TrainingNextLesson)),
        None if has_quiz => Some((app_href(&format!("/training/courses/{}/quiz", course.0)), Key::TrainingTakeQuiz)),
        None => None,
    };
    view! {
        <h1>{move || title.get(i18n.lang()).to_owned()}</h1>
        <p class="muted">{move || i18n.fill(Key::TrainingLessonOf, &[("n", &(position + 1).to_string()), ("total", &detail.lessons.len().to_string())])}</p>
        <article data-testid="training-lesson-body">
            <Markdown source=Signal::derive(move || body.get(i18n.lang()).to_owned())/>
        </article>
        {(!this.draft.links.is_empty()).then(|| view! {
            <section class="section" aria-labelledby="materials-title">
                <h2 id="materials-title"><Tr key=Key::TrainingMaterials/></h2>
                <ul class="stack">
                    {this.draft.links.into_iter().map(|link| {
                        let kind = match link.kind { LinkKind::Video => Key::TrainingVideo, LinkKind::Document => Key::TrainingDocument };
                        let title = link.title.clone();
                        view! {
                            <li><a href=link.url rel="noopener noreferrer" target="_blank">{move || title.get(i18n.lang()).to_owned()}</a>" "<span class="muted">"("<Tr key=kind/>")"</span></li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        <div class="actions section">
            {move || if done.get() {
                view! { <p class="success" data-testid="training-lesson-done"><Tr key=Key::TrainingLessonDone/></p> }.into_any()
            } else {
                view! {
                    <button type="button" class="button" data-testid="training-complete-lesson" disabled=move || complete.pending().get()
                        on:click=move |_| { complete.dispatch(()); }><Tr key=Key::TrainingMarkComplete/></button>
                }.into_any()
            }}
            {next_href.map(|(href, key)| view! { <A href attr:class="button secondary" attr:data-testid="training-next"><Tr key/></A> })}
        </div>
        <FieldMessages errors=Signal::derive(move || form_errors(&[], &failure())) id="lesson-error".to_owned()/>
        {move || failure().map(|error| view! { <ActionError error retry=move || { complete.dispatch(()); }/> })}
    }
    .into_any()
}
