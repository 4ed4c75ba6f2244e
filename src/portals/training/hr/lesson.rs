use super::form::{whole, Input, SaveButton, Saving, Summary};
use super::TrainingHrFrame;
use crate::api::ApiError;
use crate::browser::app_href;
use crate::components::Loadable;
use crate::i18n::{Key, Tr};
use crate::portals::training::{training_resource, use_training};
use domain::training::course::CourseId;
use domain::training::lesson::{Lesson, LessonDraft, LessonId, MINUTES, POSITION};
use domain::LocalizedText;
use leptos::prelude::*;
use leptos_router::components::A;

/// Creates or edits a lesson of a course: its place, title, Markdown text
/// and length; its links are kept as they are.
#[component]
pub fn LessonEditor(course: CourseId, id: Option<LessonId>) -> impl IntoView {
    let found = training_resource(move |api| async move {
        let lessons = api.hr_catalogue().await?.courses.into_iter().find(|c| c.course.id == course).ok_or(ApiError::NotFound)?.lessons;
        let next = lessons.iter().map(|l| l.draft.position).max().unwrap_or(0) + 1;
        match id {
            Some(id) => Ok((Some(lessons.into_iter().find(|l| l.id == id).ok_or(ApiError::NotFound)?), next)),
            None => Ok((None, next)),
        }
    });
    // Set once a new lesson is saved: the page is then its edit page.
    let saved = RwSignal::new(id);
    let title = Signal::derive(move || if saved.read().is_some() { Key::TrainingHrEditLesson } else { Key::TrainingHrNewLesson });
    view! {
        <TrainingHrFrame title>
            <p><A href=app_href("/hr/training") attr:class="back-link"><Tr key=Key::TrainingHrBackToCatalogue/></A></p>
            <Loadable resource=found skeleton_lines=10 render=move |(lesson, next)| view! { <LessonForm course lesson next id=saved/> }/>
        </TrainingHrFrame>
    }
}

const FIELDS: [(&str, &str, Key); 6] = [
    ("position", "lesson-position", Key::TrainingHrPosition),
    ("title.vi", "lesson-title-vi", Key::TrainingHrTitleVi),
    ("title.en", "lesson-title-en", Key::TrainingHrTitleEn),
    ("body.vi", "lesson-body-vi", Key::TrainingHrBodyVi),
    ("body.en", "lesson-body-en", Key::TrainingHrBodyEn),
    ("minutes", "lesson-minutes", Key::TrainingHrMinutes),
];

#[component]
fn LessonForm(course: CourseId, lesson: Option<Lesson>, next: u32, id: RwSignal<Option<LessonId>>) -> impl IntoView {
    let api = use_training();
    let draft = lesson.map(|l| l.draft);
    let text = |read: fn(&LessonDraft) -> String, default: String| RwSignal::new(draft.as_ref().map_or(default, read));
    let position = text(|d| d.position.to_string(), next.to_string());
    let (title_vi, title_en) = (text(|d| d.title.vi.clone(), String::new()), text(|d| d.title.en.clone(), String::new()));
    let (body_vi, body_en) = (text(|d| d.body.vi.clone(), String::new()), text(|d| d.body.en.clone(), String::new()));
    let minutes = text(|d| d.minutes.to_string(), "10".to_owned());
    let links = draft.map(|d| d.links).unwrap_or_default();
    let saving = Saving::new(
        move |draft: LessonDraft| {
            let api = api.clone();
            async move { api.save_lesson(id.get_untracked(), &draft).await }
        },
        move |saved: &Lesson| {
            let new = id.get_untracked().is_none();
            id.set(Some(saved.id));
            new.then(|| format!("/hr/training/courses/{}/lessons/{}", course.0, saved.id.0))
        },
    );
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut violations = Vec::new();
        let mut number =
            |field, value: RwSignal<String>, range| whole(field, &value.get_untracked(), range).map_err(|v| violations.push(v)).unwrap_or(range.min as u32);
        let (position, minutes) = (number("position", position, POSITION), number("minutes", minutes, MINUTES));
        let draft = LessonDraft {
            course,
            position,
            title: LocalizedText { vi: title_vi.get_untracked(), en: title_en.get_untracked() },
            body: LocalizedText { vi: body_vi.get_untracked(), en: body_en.get_untracked() },
            links: links.clone(),
            minutes,
        };
        if violations.is_empty() {
            violations = draft.violations();
        }
        saving.submit(violations, draft);
    };
    let fields = FIELDS.iter().map(|(f, i, k)| (f.to_string(), i.to_string(), *k)).collect();
    view! {
        <form class="form" on:submit=send novalidate data-testid="training-lesson-form">
            <Summary saving fields/>
            <Input id="lesson-position".into() label=Key::TrainingHrPosition value=position errors=saving.at("position") numeric=true/>
            <Input id="lesson-title-vi".into() label=Key::TrainingHrTitleVi value=title_vi errors=saving.at("title.vi")/>
            <Input id="lesson-title-en".into() label=Key::TrainingHrTitleEn value=title_en errors=saving.at("title.en")/>
            <Input id="lesson-body-vi".into() label=Key::TrainingHrBodyVi value=body_vi errors=saving.at("body.vi") kind="textarea" hint=Key::TrainingHrMarkdownHint/>
            <Input id="lesson-body-en".into() label=Key::TrainingHrBodyEn value=body_en errors=saving.at("body.en") kind="textarea"/>
            <Input id="lesson-minutes".into() label=Key::TrainingHrMinutes value=minutes errors=saving.at("minutes") numeric=true/>
            <SaveButton saving/>
        </form>
    }
}
