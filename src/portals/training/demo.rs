//! Training on the embedded backend, loaded with the portal's module. The
//! training book is the portal's own stored data (its key, its schema
//! version); a damaged or outdated one resets training only, with a
//! notice. Every call is one `TrainingBook` method, as on the server.

use super::api::TrainingApi;
use crate::api::demo::DemoBackend;
use crate::api::ApiError;
use crate::browser;
use crate::i18n::Key;
use crate::storage::{self, Problem, StorageNotice, StoredPart};
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
    AttemptStart, CatalogueEntry, CertificateQuery, CourseDetail, EnrolAnswer, EnrolRequest, EventView, Graded, HrCatalogue, HrCertificate, SessionRoster,
    StepResult, TrainingHome,
};
use domain::training::{TrainingBook, TrainingError};
use domain::{Lang, Timestamp};
use rand_core::OsRng;
use std::cell::RefCell;
use std::rc::Rc;

/// Where training is stored: `noibo.demo.training`.
fn storage_key() -> String {
    storage::portal_key(super::PORTAL.name)
}

/// Bump when `TrainingBook` changes shape, and teach [`load`] the old one.
pub const SCHEMA_VERSION: u32 = 1;

/// The stored training book; nothing stored is the demo company's, made by
/// `fresh` (around the day it is first opened).
pub fn load(raw: Option<&str>, fresh: impl FnOnce() -> TrainingBook) -> Result<TrainingBook, Problem> {
    Ok(storage::read(raw, SCHEMA_VERSION)?.unwrap_or_else(fresh))
}

pub fn save(book: &TrainingBook) -> String {
    storage::seal(SCHEMA_VERSION, book)
}

pub struct DemoTraining {
    core: Rc<DemoBackend>,
    book: RefCell<TrainingBook>,
}

impl DemoTraining {
    pub fn open(core: Rc<DemoBackend>) -> DemoTraining {
        let stored = browser::read(&storage_key());
        let fresh = || domain::seed::demo_training(core.now(), &mut OsRng);
        let book = match load(stored.as_deref(), fresh) {
            Ok(book) if stored.is_some() => book,
            made => {
                if let Err(problem) = made {
                    core.report(StorageNotice { part: StoredPart::Portal(Key::TrainingDataName), problem });
                }
                // Saved at once: the seed is placed around today and its
                // certificate codes are random; tomorrow must find the same.
                let book = made.unwrap_or_else(|_| fresh());
                browser::write(&storage_key(), &save(&book));
                book
            }
        };
        DemoTraining { core, book: RefCell::new(book) }
    }

    /// Runs a change and saves the book when it succeeded.
    fn change<T>(&self, change: impl FnOnce(&mut TrainingBook) -> Result<T, TrainingError>) -> Result<T, ApiError> {
        let result = change(&mut self.book.borrow_mut()).map_err(api_error);
        if result.is_ok() {
            browser::write(&storage_key(), &save(&self.book.borrow()));
        }
        result
    }

    fn now(&self) -> Timestamp {
        self.core.now()
    }
}

/// A training error as the HTTP backend reports it.
fn api_error(error: TrainingError) -> ApiError {
    match error {
        TrainingError::NotFound => ApiError::NotFound,
        TrainingError::Forbidden => ApiError::Forbidden,
        TrainingError::Rejected(violations) => ApiError::Invalid { fields: violations.into_iter().map(Into::into).collect() },
    }
}

#[async_trait(?Send)]
impl TrainingApi for DemoTraining {
    async fn home(&self) -> Result<TrainingHome, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().home(&self.core.company, member, self.now()))
    }

    async fn catalogue(&self, query: &CatalogueQuery) -> Result<Vec<CatalogueEntry>, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().catalogue(&self.core.company, member, query, self.now()))
    }

    async fn course(&self, id: CourseId) -> Result<CourseDetail, ApiError> {
        let member = self.core.signed_in()?;
        self.book.borrow().course_detail(&self.core.company, member, id, self.now()).map_err(api_error)
    }

    async fn complete_lesson(&self, id: LessonId) -> Result<StepResult, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.complete_lesson(&self.core.company, member, id, self.now(), &mut OsRng))
    }

    async fn start_attempt(&self, course: CourseId) -> Result<AttemptStart, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.start_attempt(&self.core.company, member, course, self.now()))
    }

    async fn submit_attempt(&self, attempt: AttemptId, answers: &[u8]) -> Result<Graded, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.submit_attempt(&self.core.company, member, attempt, answers, self.now(), &mut OsRng))
    }

    async fn enrol(&self, key: &str, session: SessionId) -> Result<EnrolAnswer, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.enrol(&self.core.company, member, key, &EnrolRequest { session }, self.now()))
    }

    async fn cancel_enrolment(&self, id: EnrolmentId) -> Result<(), ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.cancel_enrolment(&self.core.company, member, id, self.now())).map(drop)
    }

    async fn paths(&self) -> Result<Vec<PathView>, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().paths(&self.core.company, member, self.now()))
    }

    async fn events(&self) -> Result<Vec<EventView>, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().events(&self.core.company, member, self.now()))
    }

    async fn rsvp(&self, event: EventId, answer: RsvpAnswer) -> Result<EventView, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.rsvp(&self.core.company, member, event, answer, self.now()))
    }

    async fn event_ics(&self, event: EventId, lang: Lang) -> Result<String, ApiError> {
        let member = self.core.signed_in()?;
        self.book.borrow().event_ics(&self.core.company, member, event, lang, self.now()).map_err(api_error)
    }

    async fn certificates(&self) -> Result<Vec<Certificate>, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().my_certificates(member))
    }

    async fn verify(&self, code: &str) -> Result<CertificateCheck, ApiError> {
        self.book.borrow().verify(code, self.now()).map_err(api_error)
    }

    async fn hr_catalogue(&self) -> Result<HrCatalogue, ApiError> {
        let member = self.core.signed_in()?;
        self.book.borrow().hr_catalogue(&self.core.company, member).map_err(api_error)
    }

    async fn save_course(&self, id: Option<CourseId>, draft: &CourseDraft) -> Result<Course, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.save_course(member, id, draft))
    }

    async fn save_lesson(&self, id: Option<LessonId>, draft: &LessonDraft) -> Result<Lesson, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.save_lesson(&self.core.company, member, id, draft))
    }

    async fn save_quiz(&self, course: CourseId, draft: &QuizDraft) -> Result<Quiz, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.save_quiz(&self.core.company, member, course, draft))
    }

    async fn save_path(&self, id: Option<PathId>, draft: &PathDraft) -> Result<LearningPath, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.save_path(&self.core.company, member, id, draft))
    }

    async fn save_session(&self, id: Option<SessionId>, draft: &SessionDraft) -> Result<Session, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.save_session(&self.core.company, member, id, draft, self.now()))
    }

    async fn roster(&self, session: SessionId) -> Result<SessionRoster, ApiError> {
        let member = self.core.signed_in()?;
        self.book.borrow().session_roster(&self.core.company, member, session).map_err(api_error)
    }

    async fn mark_attendance(&self, enrolment: EnrolmentId, attended: bool) -> Result<StepResult, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.mark_attendance(&self.core.company, member, enrolment, attended, self.now(), &mut OsRng))
    }

    async fn hr_certificates(&self, query: &CertificateQuery) -> Result<Vec<HrCertificate>, ApiError> {
        let member = self.core.signed_in()?;
        self.book.borrow().hr_certificates(member, query, self.now()).map_err(api_error)
    }

    async fn revoke(&self, code: &CertificateCode, reason: &str) -> Result<Certificate, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.revoke(member, code.as_str(), reason, self.now()))
    }

    async fn save_event(&self, id: Option<EventId>, draft: &EventDraft) -> Result<Event, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.save_event(member, id, draft, self.now()))
    }

    async fn cancel_event(&self, id: EventId) -> Result<Event, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.cancel_event(member, id, self.now()))
    }

    async fn attendees(&self, event: EventId) -> Result<Vec<Attendee>, ApiError> {
        let member = self.core.signed_in()?;
        self.book.borrow().attendees(&self.core.company, member, event).map_err(api_error)
    }

    async fn completion(&self) -> Result<Vec<CourseCompletion>, ApiError> {
        let member = self.core.signed_in()?;
        self.book.borrow().completion(&self.core.company, member, self.now()).map_err(api_error)
    }

    async fn enrolments_csv(&self, lang: Lang) -> Result<String, ApiError> {
        let member = self.core.signed_in()?;
        self.book.borrow().enrolments_csv(&self.core.company, member, lang).map_err(api_error)
    }

    async fn completions_csv(&self, lang: Lang) -> Result<String, ApiError> {
        let member = self.core.signed_in()?;
        self.book.borrow().completions_csv(&self.core.company, member, lang, self.now()).map_err(api_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;

    fn seeded() -> TrainingBook {
        let now: Timestamp = "2026-11-20T09:00:00+07:00".parse().unwrap();
        domain::seed::demo_training(now, &mut rand_chacha::ChaCha8Rng::seed_from_u64(7))
    }

    #[test]
    fn a_fresh_start_opens_the_demo_company_training() {
        assert_eq!(load(None, seeded), Ok(seeded()));
    }

    #[test]
    fn saved_training_survives_a_reload() {
        let mut book = seeded();
        book.events.truncate(1);
        assert_eq!(load(Some(&save(&book)), seeded), Ok(book));
    }

    #[test]
    fn damaged_training_is_reset_alone_with_a_notice() {
        for raw in ["", "not json", r#"{"version":1,"data":{"courses":"none"}}"#] {
            assert_eq!(load(Some(raw), seeded), Err(Problem::Corrupt), "{raw:?}");
        }
        assert_eq!(load(Some(r#"{"version":99,"data":{}}"#), seeded), Err(Problem::Incompatible { found: 99 }));
    }
}
