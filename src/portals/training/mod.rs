//! Training (Đào tạo): a catalogue for each segment, learning paths,
//! lessons with progress, quizzes graded by the backend, classroom
//! sessions with a waitlist, certificates anyone can verify, and
//! workshops with RSVP and calendar invitations. Everything Training is on
//! this side lives in this folder:
//! - `api.rs`: its calls (`TrainingApi`), and `demo.rs` / `http.rs`, their
//!   two implementations (the demo one with its own stored data);
//! - `markdown.rs`: lessons' Markdown drawn as views, never as HTML;
//! - `member/` and `hr/`: its pages, told apart by `page_at`; `labels.rs`:
//!   its enums' texts, its rules' sentences, times in Vietnam.
//!
//! Its pages are a wasm module of their own (`*-split_training.wasm`),
//! reached only through [`draw`]. `/verify` is public: it opens signed out.

pub mod api;
pub mod demo;
pub mod hr;
pub mod http;
pub mod labels;
pub mod markdown;
pub mod member;

pub use api::{training_resource, use_training, TrainingApi};

use super::lazy::split_module;
use super::{not_found, HrPage, PageAtPath, Portal, SeenBy};
use crate::i18n::Key;
use domain::training::{CourseId, EventId, LessonId, PathId, SessionId};
use leptos::prelude::*;

pub const PORTAL: Portal = Portal {
    name: "training",
    icon: "book",
    label: Key::NavTraining,
    paths: &["/training", "/hr/training"],
    public_paths: &["/verify"],
    seen_by: SeenBy::Members,
    prefetch: || MODULE.prefetch(),
    signed_in: |_| {},
    home_card: Some(|| MODULE.page(TrainingPage::HomeCard)),
    page: || MODULE.page(TrainingPage::AtPath),
    hr_pages: &[
        HrPage { path: "/hr/training", label: Key::HrTrainingCatalogue, summary: Key::HrTrainingCatalogueSummary },
        HrPage { path: "/hr/training/certificates", label: Key::HrTrainingCertificates, summary: Key::HrTrainingCertificatesSummary },
        HrPage { path: "/hr/training/completion", label: Key::HrTrainingCompletion, summary: Key::HrTrainingCompletionSummary },
    ],
};

split_module!(pub MODULE: TrainingPage = training(draw), Key::NavTraining, texts = crate::i18n::portal_texts::TRAINING);

/// What the portal's module draws: the home page's card, or the page at
/// the current path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainingPage {
    HomeCard,
    AtPath,
}

fn draw(page: TrainingPage) -> AnyView {
    crate::i18n::labels::register_rule_messages(labels::rule_message);
    match page {
        TrainingPage::HomeCard => view! { <member::HomeCard/> }.into_any(),
        TrainingPage::AtPath => view! { <PageAtPath page_at/> }.into_any(),
    }
}

/// The portal's pages by the path's segments.
fn page_at(segments: &[&str]) -> AnyView {
    let number = |segment: &str| segment.parse::<u32>().ok();
    let course = |segment: &str| number(segment).map(CourseId);
    match segments {
        ["training"] => view! { <member::CataloguePage/> }.into_any(),
        ["training", "courses", id] => with(course(id), |id| view! { <member::CoursePage id/> }),
        ["training", "courses", id, "lessons", lesson] => match (course(id), number(lesson).map(LessonId)) {
            (Some(course), Some(lesson)) => view! { <member::LessonPage course lesson/> }.into_any(),
            _ => not_found(),
        },
        ["training", "courses", id, "quiz"] => with(course(id), |course| view! { <member::QuizPage course/> }),
        ["training", "paths"] => view! { <member::PathsPage/> }.into_any(),
        ["training", "events"] => view! { <member::EventsPage/> }.into_any(),
        ["training", "certificates"] => view! { <member::CertificatesPage/> }.into_any(),
        ["training", "certificates", code] => {
            let code = (*code).to_owned();
            view! { <member::CertificatePrint code/> }.into_any()
        }
        // A manager reads their team's completion from the member side.
        ["training", "team"] => view! { <hr::Completion team=true/> }.into_any(),
        ["verify"] => view! { <member::VerifyPage code=None/> }.into_any(),
        ["verify", code] => {
            let code = Some((*code).to_owned());
            view! { <member::VerifyPage code/> }.into_any()
        }
        ["hr", "training"] => view! { <hr::CatalogueAdmin/> }.into_any(),
        ["hr", "training", "courses", "new"] => view! { <hr::CourseEditor id=None/> }.into_any(),
        ["hr", "training", "courses", id] => with(course(id), |id| view! { <hr::CourseEditor id=Some(id)/> }),
        ["hr", "training", "courses", id, "lessons", "new"] => with(course(id), |course| view! { <hr::LessonEditor course id=None/> }),
        ["hr", "training", "courses", id, "lessons", lesson] => match (course(id), number(lesson).map(LessonId)) {
            (Some(course), Some(lesson)) => view! { <hr::LessonEditor course id=Some(lesson)/> }.into_any(),
            _ => not_found(),
        },
        ["hr", "training", "courses", id, "quiz"] => with(course(id), |course| view! { <hr::QuizEditor course/> }),
        ["hr", "training", "courses", id, "sessions", "new"] => with(course(id), |course| view! { <hr::SessionEditor course id=None/> }),
        ["hr", "training", "courses", id, "sessions", session] => match (course(id), number(session).map(SessionId)) {
            (Some(course), Some(session)) => view! { <hr::SessionEditor course id=Some(session)/> }.into_any(),
            _ => not_found(),
        },
        ["hr", "training", "paths", "new"] => view! { <hr::PathEditor id=None/> }.into_any(),
        ["hr", "training", "paths", id] => with(number(id).map(PathId), |id| view! { <hr::PathEditor id=Some(id)/> }),
        ["hr", "training", "sessions", id, "roster"] => with(number(id).map(SessionId), |id| view! { <hr::Roster id/> }),
        ["hr", "training", "events", "new"] => view! { <hr::EventEditor id=None/> }.into_any(),
        ["hr", "training", "events", id] => with(number(id).map(EventId), |id| view! { <hr::EventEditor id=Some(id)/> }),
        ["hr", "training", "events", id, "attendees"] => with(number(id).map(EventId), |id| view! { <hr::Attendees id/> }),
        ["hr", "training", "certificates"] => view! { <hr::Certificates/> }.into_any(),
        ["hr", "training", "completion"] => view! { <hr::Completion team=false/> }.into_any(),
        _ => not_found(),
    }
}

/// The page for an id read from the path, or "not found" when it is not one.
fn with<T, V: IntoView + 'static>(id: Option<T>, page: impl FnOnce(T) -> V) -> AnyView {
    match id {
        Some(id) => page(id).into_any(),
        None => not_found(),
    }
}

/// Now on the member's clock (which sessions are still to come, the
/// form's first times); the backend judges with its own.
pub fn now() -> domain::Timestamp {
    use domain::common::Clock;
    crate::browser::BrowserClock.now()
}
