//! Training's calls on the REST client, loaded with the portal's module:
//! each is one route of the contract, through the shared request function.
//! The public certificate check goes without credentials.

use super::api::TrainingApi;
use crate::api::http::{parse, query_string, HttpBackend};
use crate::api::ApiError;
use crate::components::wire_name;
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
    AttemptStart, AttendanceMark, CatalogueEntry, CertificateQuery, CourseDetail, EnrolAnswer, EnrolRequest, EventView, Graded, HrCatalogue, HrCertificate,
    QuizAnswers, RevokeRequest, RsvpRequest, SessionRoster, StepResult, TrainingHome,
};
use domain::Lang;
use gloo_net::http::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::rc::Rc;

pub struct HttpTraining(pub Rc<HttpBackend>);

/// `?lang=vi`, for the files written in the member's language.
fn in_lang(lang: Lang) -> String {
    format!("?lang={}", lang.tag())
}

/// A segment of a path, as typed (a certificate code) and URL-encoded.
fn segment(typed: &str) -> String {
    String::from(js_sys::encode_uri_component(typed.trim()))
}

impl HttpTraining {
    /// Creates (`POST new`) or replaces (`PUT edit`) an HR record.
    async fn save<T: DeserializeOwned>(&self, new: &str, edit: Option<String>, draft: &impl Serialize) -> Result<T, ApiError> {
        match edit {
            Some(path) => self.0.send(Method::PUT, &path, draft).await,
            None => self.0.send(Method::POST, new, draft).await,
        }
    }

    /// A file the backend writes (a CSV, an invitation), as text.
    async fn file(&self, path: &str) -> Result<String, ApiError> {
        self.0.request(Method::GET, path, None::<&()>, &[]).await
    }
}

#[async_trait(?Send)]
impl TrainingApi for HttpTraining {
    async fn home(&self) -> Result<TrainingHome, ApiError> {
        self.0.get("/training/home").await
    }

    async fn catalogue(&self, query: &CatalogueQuery) -> Result<Vec<CatalogueEntry>, ApiError> {
        #[derive(Serialize)]
        struct Query {
            #[serde(skip_serializing_if = "Option::is_none")]
            topic: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            format: Option<String>,
            for_you: &'static str,
        }
        let query = Query {
            topic: query.topic.map(|t| wire_name(&t)),
            format: query.format.map(|f| wire_name(&f)),
            for_you: if query.for_you { "true" } else { "false" },
        };
        self.0.get(&format!("/training/courses{}", query_string(&query))).await
    }

    async fn course(&self, id: CourseId) -> Result<CourseDetail, ApiError> {
        self.0.get(&format!("/training/courses/{}", id.0)).await
    }

    async fn complete_lesson(&self, id: LessonId) -> Result<StepResult, ApiError> {
        self.0.json(Method::POST, &format!("/training/lessons/{}/complete", id.0), None::<&()>).await
    }

    async fn start_attempt(&self, course: CourseId) -> Result<AttemptStart, ApiError> {
        self.0.json(Method::POST, &format!("/training/courses/{}/attempts", course.0), None::<&()>).await
    }

    async fn submit_attempt(&self, attempt: AttemptId, answers: &[u8]) -> Result<Graded, ApiError> {
        self.0.send(Method::POST, &format!("/training/attempts/{}/submit", attempt.0), &QuizAnswers { answers: answers.to_vec() }).await
    }

    async fn enrol(&self, key: &str, session: SessionId) -> Result<EnrolAnswer, ApiError> {
        let text = self.0.request(Method::POST, "/training/enrolments", Some(&EnrolRequest { session }), &[("Idempotency-Key", key)]).await?;
        parse(&text)
    }

    async fn cancel_enrolment(&self, id: EnrolmentId) -> Result<(), ApiError> {
        self.0.request(Method::DELETE, &format!("/training/enrolments/{}", id.0), None::<&()>, &[]).await.map(drop)
    }

    async fn paths(&self) -> Result<Vec<PathView>, ApiError> {
        self.0.get("/training/paths").await
    }

    async fn events(&self) -> Result<Vec<EventView>, ApiError> {
        self.0.get("/training/events").await
    }

    async fn rsvp(&self, event: EventId, answer: RsvpAnswer) -> Result<EventView, ApiError> {
        self.0.send(Method::PUT, &format!("/training/events/{}/rsvp", event.0), &RsvpRequest { answer }).await
    }

    async fn event_ics(&self, event: EventId, lang: Lang) -> Result<String, ApiError> {
        self.file(&format!("/training/events/{}/calendar.ics{}", event.0, in_lang(lang))).await
    }

    async fn certificates(&self) -> Result<Vec<Certificate>, ApiError> {
        self.0.get("/training/certificates").await
    }

    async fn verify(&self, code: &str) -> Result<CertificateCheck, ApiError> {
        parse(&self.0.public_get(&format!("/certificates/{}", segment(code))).await?)
    }

    async fn hr_catalogue(&self) -> Result<HrCatalogue, ApiError> {
        self.0.get("/hr/training/catalogue").await
    }

    async fn save_course(&self, id: Option<CourseId>, draft: &CourseDraft) -> Result<Course, ApiError> {
        self.save("/hr/training/courses", id.map(|id| format!("/hr/training/courses/{}", id.0)), draft).await
    }

    async fn save_lesson(&self, id: Option<LessonId>, draft: &LessonDraft) -> Result<Lesson, ApiError> {
        self.save("/hr/training/lessons", id.map(|id| format!("/hr/training/lessons/{}", id.0)), draft).await
    }

    async fn save_quiz(&self, course: CourseId, draft: &QuizDraft) -> Result<Quiz, ApiError> {
        self.0.send(Method::PUT, &format!("/hr/training/courses/{}/quiz", course.0), draft).await
    }

    async fn save_path(&self, id: Option<PathId>, draft: &PathDraft) -> Result<LearningPath, ApiError> {
        self.save("/hr/training/paths", id.map(|id| format!("/hr/training/paths/{}", id.0)), draft).await
    }

    async fn save_session(&self, id: Option<SessionId>, draft: &SessionDraft) -> Result<Session, ApiError> {
        self.save("/hr/training/sessions", id.map(|id| format!("/hr/training/sessions/{}", id.0)), draft).await
    }

    async fn roster(&self, session: SessionId) -> Result<SessionRoster, ApiError> {
        self.0.get(&format!("/hr/training/sessions/{}/roster", session.0)).await
    }

    async fn mark_attendance(&self, enrolment: EnrolmentId, attended: bool) -> Result<StepResult, ApiError> {
        self.0.send(Method::PUT, &format!("/hr/training/enrolments/{}/attendance", enrolment.0), &AttendanceMark { attended }).await
    }

    async fn hr_certificates(&self, query: &CertificateQuery) -> Result<Vec<HrCertificate>, ApiError> {
        self.0.get(&format!("/hr/training/certificates{}", query_string(query))).await
    }

    async fn revoke(&self, code: &CertificateCode, reason: &str) -> Result<Certificate, ApiError> {
        let body = RevokeRequest { reason: reason.to_owned() };
        self.0.send(Method::POST, &format!("/hr/training/certificates/{}/revoke", segment(code.as_str())), &body).await
    }

    async fn save_event(&self, id: Option<EventId>, draft: &EventDraft) -> Result<Event, ApiError> {
        self.save("/hr/training/events", id.map(|id| format!("/hr/training/events/{}", id.0)), draft).await
    }

    async fn cancel_event(&self, id: EventId) -> Result<Event, ApiError> {
        self.0.json(Method::POST, &format!("/hr/training/events/{}/cancel", id.0), None::<&()>).await
    }

    async fn attendees(&self, event: EventId) -> Result<Vec<Attendee>, ApiError> {
        self.0.get(&format!("/hr/training/events/{}/attendees", event.0)).await
    }

    async fn completion(&self) -> Result<Vec<CourseCompletion>, ApiError> {
        self.0.get("/hr/training/completion").await
    }

    async fn enrolments_csv(&self, lang: Lang) -> Result<String, ApiError> {
        self.file(&format!("/hr/training/enrolments.csv{}", in_lang(lang))).await
    }

    async fn completions_csv(&self, lang: Lang) -> Result<String, ApiError> {
        self.file(&format!("/hr/training/completions.csv{}", in_lang(lang))).await
    }
}
