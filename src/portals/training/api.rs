//! What Training asks of a backend, on both backends in this folder
//! (`demo.rs`, `http.rs`), connected to the chosen one on first use. Each
//! call is one route of the contract (`/training/…`, `/hr/training/…`, and
//! the public `/certificates/{code}`).

use super::demo::DemoTraining;
use super::http::HttpTraining;
use crate::api::{resource, Api, ApiError, Chosen};
use async_trait::async_trait;
use domain::training::certificate::{Certificate, CertificateCheck, CertificateCode};
use domain::training::course::{CatalogueQuery, Course, CourseDraft, CourseId};
use domain::training::event::{Attendee, Event, EventDraft, EventId, RsvpAnswer};
use domain::training::lesson::{Lesson, LessonDraft, LessonId};
use domain::training::path::{LearningPath, PathDraft, PathId, PathView};
use domain::training::quiz::{AttemptId, Quiz, QuizDraft};
use domain::training::reports::CourseCompletion;
use domain::training::session::{EnrolmentId, Session, SessionDraft, SessionId};
use domain::training::wire::{
    AttemptStart, CatalogueEntry, CertificateQuery, CourseDetail, EnrolAnswer, EventView, Graded, HrCatalogue, HrCertificate, SessionRoster, StepResult,
    TrainingHome,
};
use domain::Lang;
use leptos::prelude::*;
use std::rc::Rc;

#[async_trait(?Send)]
pub trait TrainingApi {
    // Member side.
    async fn home(&self) -> Result<TrainingHome, ApiError>;
    async fn catalogue(&self, query: &CatalogueQuery) -> Result<Vec<CatalogueEntry>, ApiError>;
    async fn course(&self, id: CourseId) -> Result<CourseDetail, ApiError>;
    async fn complete_lesson(&self, id: LessonId) -> Result<StepResult, ApiError>;
    /// Begins an attempt at the course's quiz, or resumes the open one.
    async fn start_attempt(&self, course: CourseId) -> Result<AttemptStart, ApiError>;
    async fn submit_attempt(&self, attempt: AttemptId, answers: &[u8]) -> Result<Graded, ApiError>;
    /// Asks once per `key`: a retry with the same key answers with the
    /// first enrolment.
    async fn enrol(&self, key: &str, session: SessionId) -> Result<EnrolAnswer, ApiError>;
    async fn cancel_enrolment(&self, id: EnrolmentId) -> Result<(), ApiError>;
    async fn paths(&self) -> Result<Vec<PathView>, ApiError>;
    async fn events(&self) -> Result<Vec<EventView>, ApiError>;
    async fn rsvp(&self, event: EventId, answer: RsvpAnswer) -> Result<EventView, ApiError>;
    /// The event's invitation (RFC 5545) in `lang`.
    async fn event_ics(&self, event: EventId, lang: Lang) -> Result<String, ApiError>;
    /// The member's own certificates, latest first.
    async fn certificates(&self) -> Result<Vec<Certificate>, ApiError>;

    // Anyone, signed in or not.
    async fn verify(&self, code: &str) -> Result<CertificateCheck, ApiError>;

    // HR (completion: HR and managers).
    async fn hr_catalogue(&self) -> Result<HrCatalogue, ApiError>;
    /// A new course when `id` is `None`.
    async fn save_course(&self, id: Option<CourseId>, draft: &CourseDraft) -> Result<Course, ApiError>;
    async fn save_lesson(&self, id: Option<LessonId>, draft: &LessonDraft) -> Result<Lesson, ApiError>;
    async fn save_quiz(&self, course: CourseId, draft: &QuizDraft) -> Result<Quiz, ApiError>;
    async fn save_path(&self, id: Option<PathId>, draft: &PathDraft) -> Result<LearningPath, ApiError>;
    async fn save_session(&self, id: Option<SessionId>, draft: &SessionDraft) -> Result<Session, ApiError>;
    async fn roster(&self, session: SessionId) -> Result<SessionRoster, ApiError>;
    async fn mark_attendance(&self, enrolment: EnrolmentId, attended: bool) -> Result<StepResult, ApiError>;
    /// Everyone's certificates that `query` asks for, latest first.
    async fn hr_certificates(&self, query: &CertificateQuery) -> Result<Vec<HrCertificate>, ApiError>;
    async fn revoke(&self, code: &CertificateCode, reason: &str) -> Result<Certificate, ApiError>;
    async fn save_event(&self, id: Option<EventId>, draft: &EventDraft) -> Result<Event, ApiError>;
    async fn cancel_event(&self, id: EventId) -> Result<Event, ApiError>;
    async fn attendees(&self, event: EventId) -> Result<Vec<Attendee>, ApiError>;
    async fn completion(&self) -> Result<Vec<CourseCompletion>, ApiError>;
    async fn enrolments_csv(&self, lang: Lang) -> Result<String, ApiError>;
    async fn completions_csv(&self, lang: Lang) -> Result<String, ApiError>;
}

pub fn connect(chosen: &Chosen) -> Rc<dyn TrainingApi> {
    match chosen {
        Chosen::Demo(demo) => Rc::new(DemoTraining::open(demo.core.clone())),
        Chosen::Http(http) => Rc::new(HttpTraining(http.clone())),
    }
}

pub fn use_training() -> Rc<dyn TrainingApi> {
    expect_context::<Api>().portal(connect)
}

/// A resource that calls Training, for `<Loadable>` regions.
pub fn training_resource<T, Fut>(call: impl Fn(Rc<dyn TrainingApi>) -> Fut + 'static) -> LocalResource<Result<T, ApiError>>
where
    T: 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    resource(use_training(), call)
}
