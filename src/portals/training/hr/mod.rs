//! Training for HR: the catalogue and its editors (courses, lessons,
//! quizzes, sessions, learning paths, events), a session's roster with
//! attendance, an event's attendees, the certificates to revoke from, and
//! completion by department and segment (HR, and a manager for their
//! team) with the CSV exports.

mod attendees;
mod catalogue;
mod certificates;
mod completion;
mod course;
mod event;
mod form;
mod lesson;
mod path;
mod quiz;
mod roster;
mod session;

pub use attendees::Attendees;
pub use catalogue::CatalogueAdmin;
pub use certificates::Certificates;
pub use completion::Completion;
pub use course::CourseEditor;
pub use event::EventEditor;
pub use lesson::LessonEditor;
pub use path::PathEditor;
pub use quiz::QuizEditor;
pub use roster::Roster;
pub use session::SessionEditor;

use crate::i18n::Key;
use crate::portals::hr_frame::HrFrame;
use leptos::prelude::*;

/// An HR page of Training, in the shared HR frame.
#[component]
fn TrainingHrFrame(#[prop(into)] title: Signal<Key>, children: ChildrenFn) -> impl IntoView {
    view! { <HrFrame portal=&super::PORTAL title children/> }
}
