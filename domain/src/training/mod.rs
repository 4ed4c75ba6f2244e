//! Training (Đào tạo): a catalogue of self-paced and classroom courses for
//! each segment, learning paths that can keep their order, sessions with
//! seats and an automatic waitlist, lessons with progress, quizzes graded
//! here (their answers never reach a member before submitting),
//! certificates anyone can verify by code and that expire when the course
//! needs renewal, and workshops with RSVP and calendar invitations.
//!
//! Values and their rules: `course`, `lesson`, `quiz`, `session` (the
//! waitlist), `progress`, `certificate`, `path`, `event`, `ics`; the
//! operations in `use_cases`; HR's reports and exports in `reports`; the
//! demo backend's store in `book`; request and answer bodies in `wire`.

pub mod book;
pub mod certificate;
pub mod course;
pub mod event;
pub mod fields;
pub mod ics;
pub mod lesson;
pub mod path;
pub mod progress;
pub mod quiz;
pub mod reports;
pub mod session;
pub mod use_cases;
pub mod wire;

pub use book::TrainingBook;
pub use certificate::{Certificate, CertificateCheck, CertificateCode, CertificateStatus};
pub use course::{CatalogueQuery, Course, CourseDraft, CourseId, Format, Topic};
pub use event::{Event, EventDraft, EventId, EventKind, Rsvp, RsvpAnswer};
pub use lesson::{Lesson, LessonDraft, LessonId, Link, LinkKind};
pub use path::{LearningPath, PathDraft, PathId, PathView, StepState};
pub use progress::{CourseProgress, Learner, LessonDone, Records};
pub use quiz::{Attempt, AttemptId, Grade, Quiz, QuizDraft, QuizQuestion, QuizView};
pub use session::{Enrolment, EnrolmentId, EnrolmentStatus, Place, Roster, Session, SessionDraft, SessionId};
pub use use_cases::{TrainingError, TrainingFacts};
