//! Training for members: the home card, the catalogue, a course with its
//! lessons, quiz and sessions, a lesson, the quiz, learning paths, events,
//! certificates (a printable one), and the public verification page.

mod card;
mod catalogue;
mod certificates;
mod course;
mod events;
mod lesson;
mod paths;
mod quiz;
mod verify;

pub use card::HomeCard;
pub use catalogue::CataloguePage;
pub use certificates::{CertificatePrint, CertificatesPage};
pub use course::CoursePage;
pub use events::EventsPage;
pub use lesson::LessonPage;
pub use paths::PathsPage;
pub use quiz::QuizPage;
pub use verify::VerifyPage;

use crate::browser::app_href;
use crate::i18n::{use_i18n, Key, Tr};
use crate::session::use_session;
use domain::Role;
use leptos::prelude::*;
use leptos_router::components::A;

/// The member's training pages, as tabs under each page's heading.
#[component]
pub fn TrainingTabs() -> impl IntoView {
    let i18n = use_i18n();
    let tab = |path: &'static str, key: Key| view! { <A href=app_href(path) exact=true><Tr key/></A> };
    view! {
        <nav class="tabs" aria-label=move || i18n.t(Key::TrainingTabsLabel)>
            {tab("/training", Key::TrainingCatalogueTitle)}
            {tab("/training/paths", Key::TrainingPathsTitle)}
            {tab("/training/events", Key::TrainingEventsTitle)}
            {tab("/training/certificates", Key::TrainingCertificatesTitle)}
            // A manager follows their team's progress from here.
            {use_session().member().is_some_and(|m| m.role == Role::Manager).then(|| tab("/training/team", Key::TrainingTeamTab))}
        </nav>
    }
}

/// A progress bar with its percentage in words.
#[component]
fn Progress(percent: u8) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="progress">
            <span>{move || i18n.fill(Key::TrainingPercentDone, &[("n", &percent.to_string())])}</span>
            <span class="bar" aria-hidden="true" style:width=format!("{percent}%")></span>
        </p>
    }
}

/// The address of a course's page.
fn course_path(course: domain::training::CourseId) -> String {
    app_href(&format!("/training/courses/{}", course.0))
}
