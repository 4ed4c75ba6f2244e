//! The bodies of training's requests and answers that are not a domain
//! value already, shared by the server and the client.

use crate::audience::Eligibility;
use crate::company::Directory;
use crate::date::{Date, Timestamp};
use crate::member::{LocalizedText, MemberId};
use crate::training::certificate::{Certificate, CertificateCode, CertificateStatus};
use crate::training::course::Course;
use crate::training::course::CourseId;
use crate::training::event::{Event, RsvpAnswer, RsvpCounts};
use crate::training::lesson::Lesson;
use crate::training::path::PathView;
use crate::training::progress::CourseProgress;
use crate::training::quiz::{Attempt, QuizView};
use crate::training::session::{Enrolment, Place, Session, SessionId};
use serde::{Deserialize, Serialize};

/// A course in the member's catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    pub course: Course,
    /// Whether the member may take it, and why (or why not).
    pub eligibility: Eligibility,
    /// Meant for the member: an audience they are in, or one of their paths.
    pub for_you: bool,
    /// The course of a path that keeps its order that must come first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked_by: Option<crate::training::course::CourseId>,
    pub progress: CourseProgress,
}

/// A classroom session as a member sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub session: Session,
    /// The name of the session's site.
    pub site_name: LocalizedText,
    pub seats_left: u32,
    pub waiting: u32,
    /// The member's own enrolment and where it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mine: Option<MyEnrolment>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyEnrolment {
    pub enrolment: Enrolment,
    pub place: Place,
    /// Whether cancelling is still allowed.
    pub may_cancel: bool,
}

/// A course's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseDetail {
    #[serde(flatten)]
    pub entry: CatalogueEntry,
    /// In reading order; empty for a member who may not take the course.
    pub lessons: Vec<Lesson>,
    /// The questions without their answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<QuizView>,
    /// Upcoming sessions (classroom courses).
    pub sessions: Vec<SessionView>,
}

/// Enrol in a session (with an `Idempotency-Key`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolRequest {
    pub session: SessionId,
}

/// An enrolment and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolAnswer {
    pub enrolment: Enrolment,
    pub place: Place,
}

/// A quiz attempt begun: the questions without answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptStart {
    pub attempt: Attempt,
    pub quiz: QuizView,
}

/// One option index per question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizAnswers {
    pub answers: Vec<u8>,
}

/// What a step of a course led to: the progress, and the certificate when
/// the step completed the course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepResult {
    pub progress: CourseProgress,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<Certificate>,
}

/// A graded attempt (its submission holds the grade and the wrong questions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Graded {
    pub attempt: Attempt,
    #[serde(flatten)]
    pub result: StepResult,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RsvpRequest {
    pub answer: RsvpAnswer,
}

/// An event as a member sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    pub event: Event,
    pub counts: RsvpCounts,
    pub places_left: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mine: Option<RsvpAnswer>,
}

/// HR revokes a certificate, saying why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokeRequest {
    pub reason: String,
}

/// HR marks whether someone came.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceMark {
    pub attended: bool,
}

/// HR's view of a session: who holds a seat and who waits, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRoster {
    pub session: Session,
    /// The name of the session's site.
    pub site_name: LocalizedText,
    pub enrolled: Vec<RosterEntry>,
    pub waiting: Vec<RosterEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterEntry {
    pub enrolment: Enrolment,
    pub name: String,
}

/// The next thing in the member's calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NextUp {
    Session { session: SessionId, course_title: LocalizedText, starts: Timestamp, ends: Timestamp, site: LocalizedText, room: String },
    Event { event: crate::training::event::EventId, title: LocalizedText, starts: Timestamp, ends: Timestamp, place: String },
}

/// A certificate that expires soon.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expiring {
    pub code: CertificateCode,
    pub course_title: LocalizedText,
    pub expires_on: Date,
    pub days_left: u32,
}

/// "You were moved from the waitlist": a seat came free for the member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promotion {
    pub session: SessionId,
    pub course_title: LocalizedText,
    pub starts: Timestamp,
    pub promoted_at: Timestamp,
}

/// Training on the home page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingHome {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<NextUp>,
    pub paths: Vec<PathView>,
    pub expiring: Vec<Expiring>,
    pub promotions: Vec<Promotion>,
}

/// Someone's progress in a course, for HR's and a manager's report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonProgress {
    pub member: MemberId,
    pub name: String,
    pub percent: u8,
    pub complete: bool,
}

/// A course as HR edits it: its lessons in order, its quiz with the
/// answers, and its sessions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HrCourse {
    pub course: crate::training::course::Course,
    pub lessons: Vec<crate::training::lesson::Lesson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<crate::training::quiz::Quiz>,
    pub sessions: Vec<Session>,
}

/// Everything HR edits: every course (whoever it is for), every path and
/// every event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HrCatalogue {
    pub courses: Vec<HrCourse>,
    pub paths: Vec<crate::training::path::LearningPath>,
    pub events: Vec<crate::training::event::Event>,
    /// The company's departments, sites and segments: where sessions are
    /// held and whom audiences name.
    pub directory: Directory,
}

/// HR's list of certificates: its filters, each left out matching all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateQuery {
    #[serde(default)]
    pub course: Option<CourseId>,
    #[serde(default)]
    pub status: Option<CertificateStatus>,
}

/// A certificate as HR's list shows it: with its status today.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HrCertificate {
    pub certificate: Certificate,
    pub status: CertificateStatus,
}
