use super::TrainingHrFrame;
use crate::browser::app_href;
use crate::components::Loadable;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::labels::{format_key, span, topic_key};
use crate::portals::training::training_resource;
use domain::training::course::Format;
use domain::training::wire::{HrCatalogue, HrCourse};
use leptos::prelude::*;
use leptos_router::components::A;

/// Everything HR edits: each course with its lessons, quiz and sessions
/// (and their rosters), the learning paths, and the events (and who
/// answered).
#[component]
pub fn CatalogueAdmin() -> impl IntoView {
    let catalogue = training_resource(|api| async move { api.hr_catalogue().await });
    view! {
        <TrainingHrFrame title=Key::HrTrainingCatalogue>
            <p class="actions">
                <A href=app_href("/hr/training/courses/new") attr:class="button" attr:data-testid="training-new-course"><Tr key=Key::TrainingHrNewCourse/></A>
                <A href=app_href("/hr/training/events/new") attr:class="button secondary"><Tr key=Key::TrainingHrNewEvent/></A>
            </p>
            <Loadable resource=catalogue skeleton_lines=12 render=|catalogue| view! { <CatalogueView catalogue/> }/>
        </TrainingHrFrame>
    }
}

#[component]
fn CatalogueView(catalogue: HrCatalogue) -> impl IntoView {
    let i18n = use_i18n();
    let HrCatalogue { courses, paths, events, .. } = catalogue;
    view! {
        <section class="section" aria-labelledby="hr-courses-title">
            <h2 id="hr-courses-title"><Tr key=Key::TrainingHrCourses/></h2>
            <ul class="order-list" data-testid="training-hr-courses">{courses.into_iter().map(|course| view! { <CourseCard course/> }).collect_view()}</ul>
        </section>
        <section class="section" aria-labelledby="hr-paths-title">
            <h2 id="hr-paths-title"><Tr key=Key::TrainingPathsTitle/></h2>
            <ul class="stack">
                {paths.into_iter().map(|path| {
                    let title = path.draft.title.clone();
                    let count = path.draft.courses.len().to_string();
                    view! {
                        <li>
                            <A href=app_href(&format!("/hr/training/paths/{}", path.id.0))>{move || title.get(i18n.lang()).to_owned()}</A>
                            " "<span class="muted">{move || i18n.fill(Key::TrainingHrPathCourses, &[("n", &count)])}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p><A href=app_href("/hr/training/paths/new") attr:data-testid="training-new-path"><Tr key=Key::TrainingHrNewPath/></A></p>
        </section>
        <section class="section" aria-labelledby="hr-events-title">
            <h2 id="hr-events-title"><Tr key=Key::TrainingEventsTitle/></h2>
            <ul class="order-list" data-testid="training-hr-events">
                {events.into_iter().map(|event| {
                    let title = event.draft.title.clone();
                    let (starts, ends, id, cancelled) = (event.draft.starts, event.draft.ends, event.id, event.cancelled);
                    view! {
                        <li class="card">
                            <A href=app_href(&format!("/hr/training/events/{}", id.0))>{move || title.get(i18n.lang()).to_owned()}</A>
                            <p class="muted">{move || span(starts, ends, i18n.lang())}</p>
                            {cancelled.then(|| view! { <p class="badge badge-cancelled"><Tr key=Key::TrainingEventCancelled/></p> })}
                            <p><A href=app_href(&format!("/hr/training/events/{}/attendees", id.0))><Tr key=Key::TrainingHrAttendees/></A></p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn CourseCard(course: HrCourse) -> impl IntoView {
    let i18n = use_i18n();
    let HrCourse { course, lessons, quiz, sessions } = course;
    let id = course.id;
    let title = course.draft.title.clone();
    let (topic, format) = (course.draft.topic, course.draft.format);
    let base = format!("/hr/training/courses/{}", id.0);
    view! {
        <li class="card" data-testid="training-hr-course">
            <h3><A href=app_href(&base)>{move || title.get(i18n.lang()).to_owned()}</A></h3>
            <p class="muted">{move || format!("{} · {}", i18n.t(topic_key(topic)), i18n.t(format_key(format)))}</p>
            <p class="status-title"><Tr key=Key::TrainingLessons/></p>
            <ol>
                {lessons.into_iter().map(|lesson| {
                    let title = lesson.draft.title.clone();
                    view! { <li><A href=app_href(&format!("{base}/lessons/{}", lesson.id.0))>{move || title.get(i18n.lang()).to_owned()}</A></li> }
                }).collect_view()}
            </ol>
            <p class="actions">
                <A href=app_href(&format!("{base}/lessons/new")) attr:data-testid="training-new-lesson"><Tr key=Key::TrainingHrNewLesson/></A>
                <A href=app_href(&format!("{base}/quiz"))>
                    {move || match &quiz { Some(q) => i18n.fill(Key::TrainingHrQuizQuestions, &[("n", &q.draft.questions.len().to_string())]), None => i18n.t(Key::TrainingHrAddQuiz).to_owned() }}
                </A>
            </p>
            {(format == Format::Classroom).then(|| view! {
                <p class="status-title"><Tr key=Key::TrainingSessions/></p>
                <ul>
                    {sessions.into_iter().map(|session| {
                        let (starts, ends, sid) = (session.draft.starts, session.draft.ends, session.id);
                        view! {
                            <li>
                                <A href=app_href(&format!("{base}/sessions/{}", sid.0))>{move || span(starts, ends, i18n.lang())}</A>
                                " · "<A href=app_href(&format!("/hr/training/sessions/{}/roster", sid.0)) attr:data-testid="training-roster-link"><Tr key=Key::TrainingHrRoster/></A>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p><A href=app_href(&format!("{base}/sessions/new"))><Tr key=Key::TrainingHrNewSession/></A></p>
            })}
        </li>
    }
}
