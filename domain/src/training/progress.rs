//! A member's progress in a course: lessons done, the percentage, where
//! to resume, the quiz, the classroom session, and whether the course is
//! complete.
//!
//! Progress is counted in rounds: a certificate that no longer stands
//! (revoked, expired, or within its renewal warning) starts a new round,
//! in which only what was done after it was issued counts, so a renewal
//! means doing the course again.

use crate::date::Timestamp;
use crate::member::{Member, MemberId};
use crate::training::certificate::{Certificate, CertificateStatus};
use crate::training::course::{Course, CourseId, Format};
use crate::training::lesson::{Lesson, LessonId};
use crate::training::quiz::{Attempt, Grade, Quiz};
use crate::training::session::{Enrolment, Session};
use serde::{Deserialize, Serialize};

/// That a member finished a lesson, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonDone {
    pub member: MemberId,
    pub lesson: LessonId,
    pub at: Timestamp,
}

/// One member and their training records, as the caller loaded them (any
/// course; records of other members among them are ignored).
#[derive(Clone, Copy, Debug)]
pub struct Learner<'a> {
    pub member: &'a Member,
    pub lessons_done: &'a [LessonDone],
    pub attempts: &'a [Attempt],
    pub enrolments: &'a [Enrolment],
    pub certificates: &'a [Certificate],
}

/// Everyone's training records, for reports over many members.
#[derive(Clone, Copy, Debug, Default)]
pub struct Records<'a> {
    pub lessons_done: &'a [LessonDone],
    pub attempts: &'a [Attempt],
    pub enrolments: &'a [Enrolment],
    pub certificates: &'a [Certificate],
}

impl<'a> Records<'a> {
    pub fn learner(self, member: &'a Member) -> Learner<'a> {
        Learner { member, lessons_done: self.lessons_done, attempts: self.attempts, enrolments: self.enrolments, certificates: self.certificates }
    }
}

/// A course with what it is made of, in order.
#[derive(Clone, Debug)]
pub struct Content<'a> {
    pub course: &'a Course,
    pub lessons: Vec<&'a Lesson>,
    pub quiz: Option<&'a Quiz>,
    /// Any sessions: those of this course are picked out.
    pub sessions: &'a [Session],
}

/// Which of a member's records count for a course now.
#[derive(Clone, Copy, Debug)]
pub struct Round<'a> {
    /// The member's latest certificate for the course.
    pub latest: Option<&'a Certificate>,
    /// Records count when made after this (`None`: all of them).
    pub since: Option<Timestamp>,
}

impl<'a> Round<'a> {
    pub fn of(learner: &Learner<'a>, course: CourseId, now: Timestamp) -> Round<'a> {
        let latest = learner.certificates.iter().filter(|c| c.member == learner.member.id && c.course == course).max_by_key(|c| c.issued_at);
        Round { latest, since: latest.filter(|c| !c.stands(now)).map(|c| c.issued_at) }
    }

    pub fn counts(&self, at: Timestamp) -> bool {
        self.since.is_none_or(|since| at > since)
    }

    /// The certificate that makes the course complete without a new round.
    pub fn standing(&self) -> Option<&'a Certificate> {
        self.latest.filter(|_| self.since.is_none())
    }

    /// The member's attempts at `course`'s quiz in this round.
    pub fn attempts(&self, learner: &Learner<'a>, course: CourseId) -> Vec<&'a Attempt> {
        learner.attempts.iter().filter(|a| a.member == learner.member.id && a.course == course && self.counts(a.started_at)).collect()
    }
}

/// The quiz part of a member's progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizProgress {
    pub attempts_used: u32,
    pub attempts_left: u32,
    pub passed: bool,
    /// The latest graded attempt of this round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Grade>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseProgress {
    pub course: CourseId,
    pub lessons_total: u32,
    /// The lessons done in this round.
    pub done: Vec<LessonId>,
    /// Steps done of all steps (lessons, the quiz, a classroom session), in percent.
    pub percent: u8,
    /// The first lesson, in order, not done yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume: Option<LessonId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<QuizProgress>,
    /// Classroom courses: whether a session was attended this round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attended: Option<bool>,
    /// A valid certificate, or every step done this round.
    pub complete: bool,
    /// When this round's last step was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Timestamp>,
    /// Valid, but within its warning: doing the course again renews it.
    pub renewal_due: bool,
    /// The member's latest certificate for the course, in any status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<Certificate>,
}

impl CourseProgress {
    /// Whether anything was done this round.
    pub fn started(&self) -> bool {
        !self.done.is_empty() || self.quiz.as_ref().is_some_and(|q| q.attempts_used > 0) || self.attended == Some(true)
    }

    /// Done this round and no certificate stands for it: one is to be issued.
    pub fn earns_certificate(&self, now: Timestamp) -> bool {
        self.completed_at.is_some() && !self.certificate.as_ref().is_some_and(|c| c.stands(now))
    }
}

/// `learner`'s progress in `content` at `now`.
pub fn progress(content: &Content, learner: &Learner, now: Timestamp) -> CourseProgress {
    let course = content.course.id;
    let round = Round::of(learner, course, now);
    let done_at = |lesson: &Lesson| {
        learner.lessons_done.iter().filter(|d| d.member == learner.member.id && d.lesson == lesson.id && round.counts(d.at)).map(|d| d.at).max()
    };
    let lessons: Vec<(LessonId, Option<Timestamp>)> = content.lessons.iter().map(|l| (l.id, done_at(l))).collect();
    let quiz = content.quiz.map(|quiz| {
        let attempts = round.attempts(learner, course);
        let graded: Vec<_> = attempts.iter().filter_map(|a| a.submitted.as_ref()).collect();
        let used = graded.len() as u32;
        let passed_at = graded.iter().filter(|s| s.grade.passed).map(|s| s.at).min();
        let last = graded.iter().max_by_key(|s| s.at).map(|s| s.grade.clone());
        (QuizProgress { attempts_used: used, attempts_left: quiz.draft.max_attempts.saturating_sub(used), passed: passed_at.is_some(), last }, passed_at)
    });
    let attended_at = (content.course.draft.format == Format::Classroom).then(|| {
        learner
            .enrolments
            .iter()
            .filter(|e| e.member == learner.member.id && e.attended == Some(true))
            .filter_map(|e| content.sessions.iter().find(|s| s.id == e.session && s.draft.course == course))
            .map(|s| s.draft.ends)
            .filter(|ends| round.counts(*ends))
            .max()
    });
    // Every step and when it was done (`None`: not yet).
    let steps: Vec<Option<Timestamp>> = lessons.iter().map(|(_, at)| *at).chain(quiz.as_ref().map(|(_, passed_at)| *passed_at)).chain(attended_at).collect();
    let steps_done = steps.iter().filter(|s| s.is_some()).count();
    let completed_at = if !steps.is_empty() && steps_done == steps.len() { steps.iter().flatten().max().copied() } else { None };
    let standing = round.standing();
    let latest_valid = round.latest.is_some_and(|c| c.status(now) == CertificateStatus::Valid);
    CourseProgress {
        course,
        lessons_total: lessons.len() as u32,
        done: lessons.iter().filter(|(_, at)| at.is_some() || standing.is_some()).map(|(id, _)| *id).collect(),
        percent: if standing.is_some() { 100 } else { (steps_done * 100 / steps.len().max(1)) as u8 },
        resume: if standing.is_some() { None } else { lessons.iter().find(|(_, at)| at.is_none()).map(|(id, _)| *id) },
        quiz: quiz.map(|(progress, _)| progress),
        attended: attended_at.map(|at| at.is_some()),
        complete: latest_valid || completed_at.is_some(),
        completed_at,
        renewal_due: latest_valid && standing.is_none() && completed_at.is_none(),
        certificate: round.latest.cloned(),
    }
}
