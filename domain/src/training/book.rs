//! The demo backend's whole training data as one value: it finds the facts
//! in itself, calls the use case and keeps the decision, as the server does
//! with SQL.

use crate::common::Random;
use crate::company::Company;
use crate::date::Timestamp;
use crate::member::{Lang, Member, MemberId};
use crate::training::certificate::{Certificate, CertificateCheck, CertificateCode};
use crate::training::course::{CatalogueQuery, Course, CourseDraft, CourseId};
use crate::training::event::{Attendee, Event, EventDraft, EventId, Rsvp, RsvpAnswer};
use crate::training::ics;
use crate::training::lesson::{Lesson, LessonDraft, LessonId};
use crate::training::path::{LearningPath, PathDraft, PathId, PathView};
use crate::training::progress::{Learner, LessonDone, Records};
use crate::training::quiz::{Attempt, AttemptId, Quiz, QuizDraft};
use crate::training::reports::{self, CourseCompletion};
use crate::training::session::{Enrolment, EnrolmentId, Roster, Session, SessionDraft, SessionId};
use crate::training::use_cases::{self as uc, require_hr, TrainingError, TrainingFacts};
use crate::training::wire::{
    AttemptStart, CatalogueEntry, CertificateQuery, CourseDetail, EnrolAnswer, EnrolRequest, EventView, Graded, HrCatalogue, HrCertificate, SessionRoster,
    StepResult, TrainingHome,
};
use serde::{Deserialize, Serialize};

/// An `Idempotency-Key` a member used, and the enrolment it made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsedKey {
    pub member: MemberId,
    pub key: String,
    pub request: EnrolRequest,
    pub enrolment: EnrolmentId,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingBook {
    pub courses: Vec<Course>,
    pub lessons: Vec<Lesson>,
    pub quizzes: Vec<Quiz>,
    pub sessions: Vec<Session>,
    pub paths: Vec<LearningPath>,
    pub events: Vec<Event>,
    pub enrolments: Vec<Enrolment>,
    pub lessons_done: Vec<LessonDone>,
    pub attempts: Vec<Attempt>,
    pub certificates: Vec<Certificate>,
    pub rsvps: Vec<Rsvp>,
    #[serde(default)]
    pub keys: Vec<UsedKey>,
}

/// The next number after the largest of `ids`.
fn next_id(ids: impl Iterator<Item = u32>) -> u32 {
    ids.max().unwrap_or(0) + 1
}

/// Puts `item` in place of the one `same` finds, or adds it.
fn put<T: Clone>(items: &mut Vec<T>, item: &T, same: impl Fn(&T) -> bool) {
    match items.iter_mut().find(|i| same(i)) {
        Some(slot) => *slot = item.clone(),
        None => items.push(item.clone()),
    }
}

impl TrainingBook {
    pub fn facts<'a>(&'a self, company: &'a Company) -> TrainingFacts<'a> {
        TrainingFacts { company, courses: &self.courses, lessons: &self.lessons, quizzes: &self.quizzes, sessions: &self.sessions, paths: &self.paths }
    }

    pub fn records(&self) -> Records<'_> {
        Records { lessons_done: &self.lessons_done, attempts: &self.attempts, enrolments: &self.enrolments, certificates: &self.certificates }
    }

    fn learner<'a>(&'a self, member: &'a Member) -> Learner<'a> {
        self.records().learner(member)
    }

    fn event(&self, id: EventId) -> Result<&Event, TrainingError> {
        self.events.iter().find(|e| e.id == id).ok_or(TrainingError::NotFound)
    }

    /// Keeps the certificate a step earned.
    fn keep(&mut self, result: StepResult) -> StepResult {
        self.certificates.extend(result.certificate.clone());
        result
    }

    fn replace_enrolments(&mut self, changed: &[Enrolment]) {
        for e in changed {
            put(&mut self.enrolments, e, |old| old.id == e.id);
        }
    }

    // ------------------------------------------------------------ member

    pub fn catalogue(&self, company: &Company, member: &Member, query: &CatalogueQuery, now: Timestamp) -> Vec<CatalogueEntry> {
        uc::catalogue(&self.facts(company), &self.learner(member), query, now)
    }

    pub fn course_detail(&self, company: &Company, member: &Member, course: CourseId, now: Timestamp) -> Result<CourseDetail, TrainingError> {
        uc::course_detail(&self.facts(company), &self.learner(member), course, &self.enrolments, now)
    }

    pub fn complete_lesson(
        &mut self,
        company: &Company,
        member: &Member,
        lesson: LessonId,
        now: Timestamp,
        rng: &mut impl Random,
    ) -> Result<StepResult, TrainingError> {
        let (done, result) = uc::complete_lesson(&self.facts(company), &self.learner(member), lesson, now, rng)?;
        self.lessons_done.extend(done);
        Ok(self.keep(result))
    }

    pub fn start_attempt(&mut self, company: &Company, member: &Member, course: CourseId, now: Timestamp) -> Result<AttemptStart, TrainingError> {
        let (mut start, new) = uc::start_attempt(&self.facts(company), &self.learner(member), course, now)?;
        if new {
            start.attempt.id = AttemptId(next_id(self.attempts.iter().map(|a| a.id.0)));
            self.attempts.push(start.attempt.clone());
        }
        Ok(start)
    }

    pub fn submit_attempt(
        &mut self,
        company: &Company,
        member: &Member,
        attempt: AttemptId,
        answers: &[u8],
        now: Timestamp,
        rng: &mut impl Random,
    ) -> Result<Graded, TrainingError> {
        let graded = uc::submit_attempt(&self.facts(company), &self.learner(member), attempt, answers, now, rng)?;
        put(&mut self.attempts, &graded.attempt, |a| a.id == graded.attempt.id);
        let result = self.keep(graded.result);
        Ok(Graded { attempt: graded.attempt, result })
    }

    fn enrol_answer(&self, session: SessionId, enrolment: &Enrolment) -> Result<EnrolAnswer, TrainingError> {
        let session = self.sessions.iter().find(|s| s.id == session).ok_or(TrainingError::NotFound)?;
        let place = Roster::of(session, &self.enrolments).place(enrolment).ok_or(TrainingError::NotFound)?;
        Ok(EnrolAnswer { enrolment: enrolment.clone(), place })
    }

    pub fn enrol(&mut self, company: &Company, member: &Member, key: &str, request: &EnrolRequest, now: Timestamp) -> Result<EnrolAnswer, TrainingError> {
        let previous = self.keys.iter().find(|k| k.member == member.id && k.key == key).map(|k| (&k.request, k.enrolment));
        if let Some(id) = uc::check_key(previous, request)? {
            let earlier = self.enrolments.iter().find(|e| e.id == id).ok_or(TrainingError::NotFound)?;
            return self.enrol_answer(earlier.session, earlier);
        }
        let mut enrolment = uc::enrol(&self.facts(company), &self.learner(member), request, &self.enrolments, now)?;
        enrolment.id = EnrolmentId(next_id(self.enrolments.iter().map(|e| e.id.0)));
        self.keys.push(UsedKey { member: member.id, key: key.to_owned(), request: request.clone(), enrolment: enrolment.id });
        self.enrolments.push(enrolment.clone());
        self.enrol_answer(enrolment.session, &enrolment)
    }

    /// Cancels the member's enrolment; returns those a freed seat went to.
    pub fn cancel_enrolment(&mut self, company: &Company, member: &Member, enrolment: EnrolmentId, now: Timestamp) -> Result<Vec<Enrolment>, TrainingError> {
        let decision = uc::cancel_enrolment(&self.facts(company), &self.learner(member), enrolment, &self.enrolments, now)?;
        self.replace_enrolments(std::slice::from_ref(&decision.cancelled));
        self.replace_enrolments(&decision.promoted);
        Ok(decision.promoted)
    }

    pub fn paths(&self, company: &Company, member: &Member, now: Timestamp) -> Vec<PathView> {
        let facts = self.facts(company);
        facts.paths_of(member, now).into_iter().map(|p| uc::path_view(&facts, &self.learner(member), p, now)).collect()
    }

    pub fn events(&self, company: &Company, member: &Member, now: Timestamp) -> Vec<EventView> {
        let facts = self.facts(company);
        let mut views: Vec<EventView> = self.events.iter().filter_map(|e| uc::event_view(&facts, member, e, &self.rsvps, now).ok()).collect();
        views.sort_by_key(|v| (v.event.draft.starts, v.event.id));
        views
    }

    pub fn rsvp(&mut self, company: &Company, member: &Member, event: EventId, answer: RsvpAnswer, now: Timestamp) -> Result<EventView, TrainingError> {
        let found = self.event(event)?;
        let answered = uc::rsvp(&self.facts(company), member, found, answer, &self.rsvps, now)?;
        put(&mut self.rsvps, &answered, |r| r.event == event && r.member == member.id);
        uc::event_view(&self.facts(company), member, self.event(event)?, &self.rsvps, now)
    }

    /// The event's invitation, for those it is for.
    pub fn event_ics(&self, company: &Company, member: &Member, event: EventId, lang: Lang, now: Timestamp) -> Result<String, TrainingError> {
        let view = uc::event_view(&self.facts(company), member, self.event(event)?, &self.rsvps, now)?;
        Ok(ics::event_ics(&view.event, lang))
    }

    pub fn home(&self, company: &Company, member: &Member, now: Timestamp) -> TrainingHome {
        uc::home(&self.facts(company), &self.learner(member), &self.events, &self.rsvps, now)
    }

    /// The member's own certificates, latest first.
    pub fn my_certificates(&self, member: &Member) -> Vec<Certificate> {
        let mut mine: Vec<Certificate> = self.certificates.iter().filter(|c| c.member == member.id).cloned().collect();
        mine.sort_by_key(|c| std::cmp::Reverse(c.issued_at));
        mine
    }

    /// The public answer for a typed code: no sign-in.
    pub fn verify(&self, typed: &str, now: Timestamp) -> Result<CertificateCheck, TrainingError> {
        uc::verify(&self.certificates, typed, now)
    }

    // ---------------------------------------------------------------- HR

    /// Saves HR's course: a new one when `id` is `None`.
    pub fn hr_catalogue(&self, company: &Company, actor: &Member) -> Result<HrCatalogue, TrainingError> {
        uc::hr_catalogue(&self.facts(company), actor, &self.events)
    }

    pub fn save_course(&mut self, actor: &Member, id: Option<CourseId>, draft: &CourseDraft) -> Result<Course, TrainingError> {
        let id = match id {
            Some(id) => self.courses.iter().find(|c| c.id == id).map(|c| c.id).ok_or(TrainingError::NotFound)?,
            None => CourseId(next_id(self.courses.iter().map(|c| c.id.0))),
        };
        let course = uc::save_course(actor, id, draft)?;
        put(&mut self.courses, &course, |c| c.id == id);
        Ok(course)
    }

    pub fn save_lesson(&mut self, company: &Company, actor: &Member, id: Option<LessonId>, draft: &LessonDraft) -> Result<Lesson, TrainingError> {
        let id = match id {
            Some(id) => self.lessons.iter().find(|l| l.id == id).map(|l| l.id).ok_or(TrainingError::NotFound)?,
            None => LessonId(next_id(self.lessons.iter().map(|l| l.id.0))),
        };
        let lesson = uc::save_lesson(&self.facts(company), actor, id, draft)?;
        put(&mut self.lessons, &lesson, |l| l.id == id);
        Ok(lesson)
    }

    pub fn save_quiz(&mut self, company: &Company, actor: &Member, course: CourseId, draft: &QuizDraft) -> Result<Quiz, TrainingError> {
        let quiz = uc::save_quiz(&self.facts(company), actor, course, draft)?;
        put(&mut self.quizzes, &quiz, |q| q.course == course);
        Ok(quiz)
    }

    pub fn save_path(&mut self, company: &Company, actor: &Member, id: Option<PathId>, draft: &PathDraft) -> Result<LearningPath, TrainingError> {
        let id = match id {
            Some(id) => self.paths.iter().find(|p| p.id == id).map(|p| p.id).ok_or(TrainingError::NotFound)?,
            None => PathId(next_id(self.paths.iter().map(|p| p.id.0))),
        };
        let path = uc::save_path(&self.facts(company), actor, id, draft)?;
        put(&mut self.paths, &path, |p| p.id == id);
        Ok(path)
    }

    /// Saves HR's session: a new one when `id` is `None`; more seats seat
    /// the waitlist.
    pub fn save_session(
        &mut self,
        company: &Company,
        actor: &Member,
        id: Option<SessionId>,
        draft: &SessionDraft,
        now: Timestamp,
    ) -> Result<Session, TrainingError> {
        let existing = match id {
            Some(id) => Some(self.sessions.iter().find(|s| s.id == id).ok_or(TrainingError::NotFound)?),
            None => None,
        };
        let id = id.unwrap_or(SessionId(next_id(self.sessions.iter().map(|s| s.id.0))));
        let change = uc::save_session(&self.facts(company), actor, id, existing, draft, &self.enrolments, now)?;
        put(&mut self.sessions, &change.session, |s| s.id == id);
        self.replace_enrolments(&change.promoted);
        Ok(change.session)
    }

    pub fn session_roster(&self, company: &Company, actor: &Member, session: SessionId) -> Result<SessionRoster, TrainingError> {
        let session = self.sessions.iter().find(|s| s.id == session).ok_or(TrainingError::NotFound)?;
        uc::session_roster(company, actor, session, &self.enrolments)
    }

    pub fn mark_attendance(
        &mut self,
        company: &Company,
        actor: &Member,
        enrolment: EnrolmentId,
        attended: bool,
        now: Timestamp,
        rng: &mut impl Random,
    ) -> Result<StepResult, TrainingError> {
        let found = self.enrolments.iter().find(|e| e.id == enrolment).ok_or(TrainingError::NotFound)?;
        let attendee = company.member(found.member).ok_or(TrainingError::NotFound)?;
        let (marked, result) = uc::mark_attendance(&self.facts(company), actor, &self.learner(attendee), enrolment, attended, now, rng)?;
        self.replace_enrolments(&[marked]);
        Ok(self.keep(result))
    }

    pub fn hr_certificates(&self, actor: &Member, query: &CertificateQuery, now: Timestamp) -> Result<Vec<HrCertificate>, TrainingError> {
        uc::hr_certificates(actor, &self.certificates, query, now)
    }

    pub fn revoke(&mut self, actor: &Member, code: &str, reason: &str, now: Timestamp) -> Result<Certificate, TrainingError> {
        let code = CertificateCode::parse(code).ok_or(TrainingError::NotFound)?;
        let found = self.certificates.iter().find(|c| c.code == code).ok_or(TrainingError::NotFound)?;
        let revoked = uc::revoke(actor, found, reason, now)?;
        put(&mut self.certificates, &revoked, |c| c.code == code);
        Ok(revoked)
    }

    /// Saves HR's event: a new one when `id` is `None`.
    pub fn save_event(&mut self, actor: &Member, id: Option<EventId>, draft: &EventDraft, now: Timestamp) -> Result<Event, TrainingError> {
        let existing = match id {
            Some(id) => Some(self.event(id)?),
            None => None,
        };
        let id = id.unwrap_or(EventId(next_id(self.events.iter().map(|e| e.id.0))));
        let saved = uc::save_event(actor, id, existing, draft, now)?;
        put(&mut self.events, &saved, |e| e.id == id);
        Ok(saved)
    }

    pub fn cancel_event(&mut self, actor: &Member, event: EventId, now: Timestamp) -> Result<Event, TrainingError> {
        let cancelled = uc::cancel_event(actor, self.event(event)?, now)?;
        put(&mut self.events, &cancelled, |e| e.id == event);
        Ok(cancelled)
    }

    pub fn attendees(&self, company: &Company, actor: &Member, event: EventId) -> Result<Vec<Attendee>, TrainingError> {
        uc::attendees(company, actor, self.event(event)?, &self.rsvps)
    }

    pub fn completion(&self, company: &Company, viewer: &Member, now: Timestamp) -> Result<Vec<CourseCompletion>, TrainingError> {
        reports::completion(&self.facts(company), self.records(), viewer, now)
    }

    pub fn enrolments_csv(&self, company: &Company, actor: &Member, lang: Lang) -> Result<String, TrainingError> {
        require_hr(actor)?;
        Ok(reports::enrolments_csv(&self.facts(company), &self.enrolments, lang))
    }

    pub fn completions_csv(&self, company: &Company, actor: &Member, lang: Lang, now: Timestamp) -> Result<String, TrainingError> {
        require_hr(actor)?;
        Ok(reports::completions_csv(company, &self.certificates, lang, now))
    }
}
