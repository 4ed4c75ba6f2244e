//! Training's operations, written once: each takes the facts its caller
//! loaded and `now` (and randomness when it may issue a certificate), and
//! returns what to store or why not ([`TrainingError`]). The server and
//! the demo backend's [`TrainingBook`](crate::training::book::TrainingBook)
//! only load, call and save. Decisions map to simple writes:
//! - an [`Enrolment`] from [`enrol`]: insert it (numbered in arrival
//!   order), settle the `Idempotency-Key` on it;
//! - a [`Cancellation`]: replace the cancelled enrolment and each promoted
//!   one (each still where it was: conditional writes);
//! - a [`StepResult`]'s certificate: insert it (its code is unique);
//! - anything else: insert or replace the one value returned.

use crate::audience::Audience;
use crate::common::access::is_hr;
use crate::common::Random;
use crate::common::{Rule, Violation};
use crate::company::Company;
use crate::date::Timestamp;
use crate::member::{LocalizedText, Member};
use crate::training::certificate::{months_after, Certificate, CertificateCheck, CertificateCode, Revocation};
use crate::training::course::{CatalogueQuery, Course, CourseDraft, CourseId, Format};
use crate::training::event::{self, Event, EventDraft, EventId, Rsvp, RsvpAnswer};
use crate::training::fields::check_plain;
use crate::training::lesson::{lessons_of, Lesson, LessonDraft, LessonId};
use crate::training::path::{LearningPath, PathDraft, PathId, PathStep, PathView};
use crate::training::progress::{progress, Content, CourseProgress, Learner, LessonDone, Round};
use crate::training::quiz::{attempt_refusal, Attempt, AttemptId, Quiz, QuizDraft, Submission};
use crate::training::session::{Enrolment, EnrolmentId, EnrolmentStatus, Roster, Session, SessionDraft, SessionId, CAPACITY};
use crate::training::wire::{
    AttemptStart, CatalogueEntry, CertificateQuery, CourseDetail, EnrolRequest, EventView, Expiring, Graded, HrCatalogue, HrCertificate, HrCourse, MyEnrolment,
    NextUp, Promotion, RosterEntry, SessionRoster, SessionView, StepResult, TrainingHome,
};

/// Why a training operation did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrainingError {
    /// No such thing, or not this member's (the same answer, so existence
    /// does not leak).
    NotFound,
    /// HR's pages, for someone else.
    Forbidden,
    /// Rules broken, each at its field (422).
    Rejected(Vec<Violation>),
}

impl From<Violation> for TrainingError {
    fn from(violation: Violation) -> TrainingError {
        TrainingError::Rejected(vec![violation])
    }
}

fn accepted(violations: Vec<Violation>) -> Result<(), TrainingError> {
    if violations.is_empty() {
        Ok(())
    } else {
        Err(TrainingError::Rejected(violations))
    }
}

/// Lets HR through; anyone else is [`TrainingError::Forbidden`].
pub(crate) fn require_hr(actor: &Member) -> Result<(), TrainingError> {
    if is_hr(actor) {
        Ok(())
    } else {
        Err(TrainingError::Forbidden)
    }
}

/// The longest revocation reason.
pub const REASON_MAX: usize = 500;

/// The catalogue as the caller loaded it.
#[derive(Clone, Copy, Debug)]
pub struct TrainingFacts<'a> {
    pub company: &'a Company,
    pub courses: &'a [Course],
    pub lessons: &'a [Lesson],
    pub quizzes: &'a [Quiz],
    pub sessions: &'a [Session],
    pub paths: &'a [LearningPath],
}

impl<'a> TrainingFacts<'a> {
    pub fn course(&self, id: CourseId) -> Result<&'a Course, TrainingError> {
        self.courses.iter().find(|c| c.id == id).ok_or(TrainingError::NotFound)
    }

    pub fn session(&self, id: SessionId) -> Result<&'a Session, TrainingError> {
        self.sessions.iter().find(|s| s.id == id).ok_or(TrainingError::NotFound)
    }

    pub fn content(&self, course: &'a Course) -> Content<'a> {
        Content { course, lessons: lessons_of(self.lessons, course.id), quiz: self.quizzes.iter().find(|q| q.course == course.id), sessions: self.sessions }
    }

    pub fn progress(&self, course: &'a Course, learner: &Learner, now: Timestamp) -> CourseProgress {
        progress(&self.content(course), learner, now)
    }

    fn admits(&self, audience: &Audience, member: &Member, now: Timestamp) -> bool {
        audience.admits(&self.company.facts(member, now.date()))
    }

    /// The paths meant for `member`.
    pub fn paths_of(&self, member: &Member, now: Timestamp) -> Vec<&'a LearningPath> {
        self.paths.iter().filter(|p| self.admits(&p.draft.audience, member, now)).collect()
    }

    fn complete(&self, learner: &Learner, course: CourseId, now: Timestamp) -> bool {
        self.course(course).is_ok_and(|c| self.progress(c, learner, now).complete)
    }

    /// The course that must come first, on any of the member's paths that
    /// keeps its order.
    pub fn locked_by(&self, learner: &Learner, course: CourseId, now: Timestamp) -> Option<CourseId> {
        self.paths_of(learner.member, now).into_iter().find_map(|p| p.locked_by(course, |c| self.complete(learner, c, now)))
    }

    /// Whether `learner` may work on `course` now: in its audience, and not
    /// locked by a path; the refusal at `field` otherwise.
    fn may_take(&self, course: &Course, learner: &Learner, field: &str, now: Timestamp) -> Result<(), TrainingError> {
        if !self.admits(&course.draft.audience, learner.member, now) {
            return Err(Violation::new(field, Rule::NotInAudience, None).into());
        }
        match self.locked_by(learner, course.id, now) {
            Some(_) => Err(Violation::new(field, Rule::PathLocked, None).into()),
            None => Ok(()),
        }
    }

    fn entry(&self, course: &'a Course, learner: &Learner, now: Timestamp) -> CatalogueEntry {
        let eligibility = self.company.evaluate(&course.draft.audience, learner.member, now.date());
        let on_my_path = self.paths_of(learner.member, now).iter().any(|p| p.draft.courses.contains(&course.id));
        CatalogueEntry {
            for_you: eligibility.eligible && (!course.draft.audience.all_of.is_empty() || on_my_path),
            locked_by: self.locked_by(learner, course.id, now),
            progress: self.progress(course, learner, now),
            eligibility,
            course: course.clone(),
        }
    }

    /// The certificate `learner` earns for `course` now, if this round is
    /// complete and none stands.
    fn earned(&self, course: &'a Course, learner: &Learner, now: Timestamp, rng: &mut impl Random) -> StepResult {
        let progress = self.progress(course, learner, now);
        let certificate = progress.earns_certificate(now).then(|| certificate(course, learner.member, now, rng));
        StepResult { progress, certificate }
    }
}

fn certificate(course: &Course, member: &Member, now: Timestamp, rng: &mut impl Random) -> Certificate {
    Certificate {
        code: CertificateCode::generate(rng),
        member: member.id,
        member_name: member.full_name.clone(),
        course: course.id,
        course_title: course.draft.title.clone(),
        issued_at: now,
        expires_on: course.draft.renewal_months.map(|months| months_after(now.date(), months)),
        revoked: None,
    }
}

// ------------------------------------------------------------------ member

/// The catalogue for `learner`: every course the query matches, meant for
/// them first, each with whether they may take it and why.
pub fn catalogue(facts: &TrainingFacts, learner: &Learner, query: &CatalogueQuery, now: Timestamp) -> Vec<CatalogueEntry> {
    let mut entries: Vec<CatalogueEntry> =
        facts.courses.iter().filter(|c| query.matches(c)).map(|c| facts.entry(c, learner, now)).filter(|e| !query.for_you || e.for_you).collect();
    entries.sort_by_key(|e| (!e.for_you, !e.eligibility.eligible, e.course.id));
    entries
}

/// A course's page: lessons only for those who may take it, upcoming
/// sessions with the member's place in each.
pub fn course_detail(facts: &TrainingFacts, learner: &Learner, course: CourseId, roster: &[Enrolment], now: Timestamp) -> Result<CourseDetail, TrainingError> {
    let course = facts.course(course)?;
    let entry = facts.entry(course, learner, now);
    let content = facts.content(course);
    let eligible = entry.eligibility.eligible;
    let round = Round::of(learner, course.id, now);
    let used = |quiz: &Quiz| round.attempts(learner, quiz.course).iter().filter(|a| a.submitted.is_some()).count() as u32;
    let mut sessions: Vec<&Session> = facts.sessions.iter().filter(|s| s.draft.course == course.id && s.draft.starts > now).collect();
    sessions.sort_by_key(|s| (s.draft.starts, s.id));
    Ok(CourseDetail {
        lessons: if eligible { content.lessons.iter().map(|l| (*l).clone()).collect() } else { vec![] },
        quiz: content.quiz.filter(|_| eligible).map(|q| q.view(used(q))),
        sessions: sessions.into_iter().map(|s| session_view(facts.company, s, learner, roster, now)).collect(),
        entry,
    })
}

/// A session with its seats and the member's place. `roster`: the
/// enrolments of (at least) this session.
pub fn session_view(company: &Company, session: &Session, learner: &Learner, roster: &[Enrolment], now: Timestamp) -> SessionView {
    let live = Roster::of(session, roster);
    let mine = live.of_member(learner.member.id).and_then(|e| {
        let may_cancel = match e.status {
            EnrolmentStatus::Enrolled => now <= session.draft.cancel_until,
            _ => now < session.draft.starts,
        };
        live.place(e).map(|place| MyEnrolment { enrolment: e.clone(), place, may_cancel })
    });
    SessionView {
        session: session.clone(),
        site_name: site_name(company, session),
        seats_left: live.seats_left(),
        waiting: live.waiting().count() as u32,
        mine,
    }
}

/// The name of the session's site (sessions are saved only at a known one).
fn site_name(company: &Company, session: &Session) -> LocalizedText {
    company.site(session.draft.site).map(|s| s.name.clone()).unwrap_or_default()
}

/// `learner` marks a lesson done (again is no change); the certificate
/// comes with the step that completes the course.
pub fn complete_lesson(
    facts: &TrainingFacts,
    learner: &Learner,
    lesson: LessonId,
    now: Timestamp,
    rng: &mut impl Random,
) -> Result<(Option<LessonDone>, StepResult), TrainingError> {
    let lesson = facts.lessons.iter().find(|l| l.id == lesson).ok_or(TrainingError::NotFound)?;
    let course = facts.course(lesson.draft.course)?;
    facts.may_take(course, learner, "lesson", now)?;
    let before = facts.progress(course, learner, now);
    let done = (!before.done.contains(&lesson.id)).then_some(LessonDone { member: learner.member.id, lesson: lesson.id, at: now });
    // Judged with the new record, as it will be stored.
    let lessons_done: Vec<LessonDone> = learner.lessons_done.iter().chain(&done).cloned().collect();
    let result = facts.earned(course, &Learner { lessons_done: &lessons_done, ..*learner }, now, rng);
    Ok((done, result))
}

/// `learner` begins an attempt at `course`'s quiz, or goes on with the one
/// begun: `new` says whether the attempt is to be stored.
pub fn start_attempt(facts: &TrainingFacts, learner: &Learner, course: CourseId, now: Timestamp) -> Result<(AttemptStart, bool), TrainingError> {
    let course = facts.course(course)?;
    let quiz = facts.quizzes.iter().find(|q| q.course == course.id).ok_or(TrainingError::NotFound)?;
    facts.may_take(course, learner, "course", now)?;
    let progress = facts.progress(course, learner, now);
    if progress.done.len() as u32 != progress.lessons_total {
        return Err(Violation::new("course", Rule::LessonsFirst, None).into());
    }
    let round = Round::of(learner, course.id, now);
    let attempts = round.attempts(learner, course.id);
    if round.standing().is_some() {
        return Err(Violation::new("course", Rule::AlreadyPassed, None).into());
    }
    if let Some(refusal) = attempt_refusal(quiz, &attempts) {
        return Err(refusal.into());
    }
    let used = attempts.iter().filter(|a| a.submitted.is_some()).count() as u32;
    let open = attempts.iter().find(|a| a.submitted.is_none());
    let attempt =
        open.map(|a| (*a).clone()).unwrap_or(Attempt { id: AttemptId(0), member: learner.member.id, course: course.id, started_at: now, submitted: None });
    Ok((AttemptStart { attempt, quiz: quiz.view(used) }, open.is_none()))
}

/// `learner` submits their answers to an attempt: graded, with the wrong
/// questions named. The same answers sent again (a lost response) get the
/// same grade; the certificate comes when the pass completes the course.
pub fn submit_attempt(
    facts: &TrainingFacts,
    learner: &Learner,
    attempt: AttemptId,
    answers: &[u8],
    now: Timestamp,
    rng: &mut impl Random,
) -> Result<Graded, TrainingError> {
    let attempt = learner.attempts.iter().find(|a| a.id == attempt && a.member == learner.member.id).ok_or(TrainingError::NotFound)?;
    let course = facts.course(attempt.course)?;
    let quiz = facts.quizzes.iter().find(|q| q.course == course.id).ok_or(TrainingError::NotFound)?;
    if let Some(earlier) = &attempt.submitted {
        if earlier.answers == answers {
            return Ok(Graded { attempt: attempt.clone(), result: StepResult { progress: facts.progress(course, learner, now), certificate: None } });
        }
        return Err(Violation::new("answers", Rule::AttemptSubmitted, None).into());
    }
    facts.may_take(course, learner, "course", now)?;
    let round = Round::of(learner, course.id, now);
    if let Some(refusal) = attempt_refusal(quiz, &round.attempts(learner, course.id)) {
        return Err(refusal.into());
    }
    let grade = quiz.grade(answers).map_err(TrainingError::Rejected)?;
    let graded = Attempt { submitted: Some(Submission { at: now, answers: answers.to_vec(), grade }), ..attempt.clone() };
    let attempts: Vec<Attempt> = learner.attempts.iter().map(|a| if a.id == graded.id { graded.clone() } else { a.clone() }).collect();
    let result = facts.earned(course, &Learner { attempts: &attempts, ..*learner }, now, rng);
    Ok(Graded { attempt: graded, result })
}

/// A certificate for `course` if `learner` completed it: the one that
/// stands, or a new one to store.
pub fn issue_certificate(
    facts: &TrainingFacts,
    learner: &Learner,
    course: CourseId,
    now: Timestamp,
    rng: &mut impl Random,
) -> Result<Certificate, TrainingError> {
    let course = facts.course(course)?;
    if let Some(standing) = Round::of(learner, course.id, now).standing() {
        return Ok(standing.clone());
    }
    facts.earned(course, learner, now, rng).certificate.ok_or_else(|| Violation::new("course", Rule::NotCompleted, None).into())
}

/// What an `Idempotency-Key` this member used before says of `request`:
/// `Ok(None)` a new enrolment, `Ok(Some(id))` the same one again (answer
/// with it), an error when the key came with a different request.
pub fn check_key(previous: Option<(&EnrolRequest, EnrolmentId)>, request: &EnrolRequest) -> Result<Option<EnrolmentId>, TrainingError> {
    match previous {
        None => Ok(None),
        Some((used, id)) if used == request => Ok(Some(id)),
        Some(_) => Err(Violation::new("Idempotency-Key", Rule::KeyReused, None).into()),
    }
}

/// `learner` asks for a seat: one if free, else the end of the waitlist.
/// `roster`: the enrolments of (at least) this session. The caller
/// numbers the enrolment in arrival order.
pub fn enrol(facts: &TrainingFacts, learner: &Learner, request: &EnrolRequest, roster: &[Enrolment], now: Timestamp) -> Result<Enrolment, TrainingError> {
    let session = facts.session(request.session)?;
    let course = facts.course(session.draft.course)?;
    facts.may_take(course, learner, "session", now)?;
    if !facts.admits(&session.draft.audience, learner.member, now) {
        return Err(Violation::new("session", Rule::NotInAudience, None).into());
    }
    if now >= session.draft.starts {
        return Err(Violation::new("session", Rule::AlreadyStarted, None).into());
    }
    let holds_a_place = |e: &Enrolment| {
        e.member == learner.member.id && e.is_live() && facts.session(e.session).is_ok_and(|s| s.draft.course == course.id && s.draft.ends > now)
    };
    if learner.enrolments.iter().chain(roster).any(holds_a_place) {
        return Err(Violation::new("session", Rule::AlreadyEnrolled, None).into());
    }
    Ok(Enrolment {
        id: EnrolmentId(0),
        session: session.id,
        member: learner.member.id,
        asked_at: now,
        status: Roster::of(session, roster).arrival_status(),
        promoted_at: None,
        attended: None,
    })
}

/// A cancelled enrolment and the waiting members a freed seat went to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cancellation {
    pub cancelled: Enrolment,
    pub promoted: Vec<Enrolment>,
}

/// `learner` gives up their seat (until the session's deadline) or their
/// place on the waitlist (until it starts); the first waiting member gets
/// a freed seat.
pub fn cancel_enrolment(
    facts: &TrainingFacts,
    learner: &Learner,
    enrolment: EnrolmentId,
    roster: &[Enrolment],
    now: Timestamp,
) -> Result<Cancellation, TrainingError> {
    let mine = roster.iter().find(|e| e.id == enrolment && e.member == learner.member.id && e.is_live()).ok_or(TrainingError::NotFound)?;
    let session = facts.session(mine.session)?;
    match mine.status {
        EnrolmentStatus::Enrolled if now > session.draft.cancel_until => return Err(Violation::new("enrolment", Rule::CancellationClosed, None).into()),
        EnrolmentStatus::Waiting if now >= session.draft.starts => return Err(Violation::new("enrolment", Rule::AlreadyStarted, None).into()),
        _ => {}
    }
    let promoted = Roster::of(session, roster).promotions(Some(mine.id), session.draft.capacity, now);
    Ok(Cancellation { cancelled: Enrolment { status: EnrolmentStatus::Cancelled, ..mine.clone() }, promoted })
}

/// An event as `member` sees it, or not found when it is not for them.
pub fn event_view(facts: &TrainingFacts, member: &Member, event: &Event, rsvps: &[Rsvp], now: Timestamp) -> Result<EventView, TrainingError> {
    if !facts.admits(&event.draft.audience, member, now) && !is_hr(member) {
        return Err(TrainingError::NotFound);
    }
    let counts = event::counts(event.id, rsvps);
    let mine = rsvps.iter().find(|r| r.event == event.id && r.member == member.id).map(|r| r.answer);
    Ok(EventView { event: event.clone(), counts, places_left: event.draft.capacity.saturating_sub(counts.going), mine })
}

/// `member` answers an event: going only while there is room.
/// `rsvps`: the answers to (at least) this event.
pub fn rsvp(facts: &TrainingFacts, member: &Member, event: &Event, answer: RsvpAnswer, rsvps: &[Rsvp], now: Timestamp) -> Result<Rsvp, TrainingError> {
    if !facts.admits(&event.draft.audience, member, now) {
        return Err(TrainingError::NotFound);
    }
    if event.cancelled {
        return Err(Violation::new("answer", Rule::EventCancelled, None).into());
    }
    if now >= event.draft.starts {
        return Err(Violation::new("answer", Rule::AlreadyStarted, None).into());
    }
    let others_going = rsvps.iter().filter(|r| r.event == event.id && r.member != member.id && r.answer == RsvpAnswer::Going).count() as u32;
    if answer == RsvpAnswer::Going && others_going >= event.draft.capacity {
        return Err(Violation::new("answer", Rule::EventFull, Some(u64::from(event.draft.capacity))).into());
    }
    Ok(Rsvp { event: event.id, member: member.id, answer, at: now })
}

/// A path as `learner` walks it.
pub fn path_view(facts: &TrainingFacts, learner: &Learner, path: &LearningPath, now: Timestamp) -> PathView {
    let percent_of = |course: CourseId| facts.course(course).map(|c| facts.progress(c, learner, now));
    let steps: Vec<PathStep> = path
        .states(|c| percent_of(c).is_ok_and(|p| p.complete))
        .into_iter()
        .filter_map(|(course, state)| {
            let title = facts.course(course).ok()?.draft.title.clone();
            Some(PathStep { course, title, percent: percent_of(course).map(|p| p.percent).unwrap_or(0), state })
        })
        .collect();
    let complete = steps.iter().filter(|s| s.state == crate::training::path::StepState::Complete).count() as u32;
    let total = steps.len() as u32;
    PathView { path: path.clone(), steps, complete, total, percent: (complete * 100 / total.max(1)) as u8 }
}

/// Training on `learner`'s home page: the next session or event, their
/// paths, certificates expiring within the warning, and the seats a
/// waitlist gave them.
pub fn home(facts: &TrainingFacts, learner: &Learner, events: &[Event], rsvps: &[Rsvp], now: Timestamp) -> TrainingHome {
    let member = learner.member;
    let title_of = |course: CourseId| facts.course(course).map(|c| c.draft.title.clone()).unwrap_or_default();
    let my_sessions = learner
        .enrolments
        .iter()
        .filter(|e| e.member == member.id && e.status == EnrolmentStatus::Enrolled)
        .filter_map(|e| facts.session(e.session).ok().map(|s| (e, s)));
    let sessions = my_sessions.clone().filter(|(_, s)| s.draft.ends > now).map(|(_, s)| NextUp::Session {
        session: s.id,
        course_title: title_of(s.draft.course),
        starts: s.draft.starts,
        ends: s.draft.ends,
        site: site_name(facts.company, s),
        room: s.draft.room.clone(),
    });
    let going = rsvps.iter().filter(|r| r.member == member.id && r.answer == RsvpAnswer::Going).filter_map(|r| events.iter().find(|e| e.id == r.event));
    let events = going.filter(|e| !e.cancelled && e.draft.ends > now).map(|e| NextUp::Event {
        event: e.id,
        title: e.draft.title.clone(),
        starts: e.draft.starts,
        ends: e.draft.ends,
        place: e.draft.place.clone(),
    });
    let starts = |next: &NextUp| match next {
        NextUp::Session { starts, .. } | NextUp::Event { starts, .. } => *starts,
    };
    let next = sessions.chain(events).min_by_key(starts);
    let mut expiring: Vec<Expiring> = facts
        .courses
        .iter()
        .filter_map(|c| Round::of(learner, c.id, now).latest)
        .filter_map(|cert| {
            let days_left = cert.expires_within_warning(now)?;
            Some(Expiring { code: cert.code.clone(), course_title: cert.course_title.clone(), expires_on: cert.expires_on?, days_left: days_left as u32 })
        })
        .collect();
    expiring.sort_by_key(|e| e.expires_on);
    let promotions = my_sessions
        .filter(|(_, s)| s.draft.starts > now)
        .filter_map(|(e, s)| Some(Promotion { session: s.id, course_title: title_of(s.draft.course), starts: s.draft.starts, promoted_at: e.promoted_at? }))
        .collect();
    let paths = facts.paths_of(member, now).into_iter().map(|p| path_view(facts, learner, p, now)).collect();
    TrainingHome { next, paths, expiring, promotions }
}

/// What the public verification page shows for a typed code.
pub fn verify(certificates: &[Certificate], typed: &str, now: Timestamp) -> Result<CertificateCheck, TrainingError> {
    let code = CertificateCode::parse(typed).ok_or(TrainingError::NotFound)?;
    certificates.iter().find(|c| c.code == code).map(|c| c.check(now)).ok_or(TrainingError::NotFound)
}

// ---------------------------------------------------------------------- HR

/// What HR edits, all of it: the catalogue with lessons, quizzes (answers
/// included: HR writes them) and sessions, the paths and the events.
pub fn hr_catalogue(facts: &TrainingFacts, actor: &Member, events: &[Event]) -> Result<HrCatalogue, TrainingError> {
    require_hr(actor)?;
    let courses = facts
        .courses
        .iter()
        .map(|course| HrCourse {
            course: course.clone(),
            lessons: lessons_of(facts.lessons, course.id).into_iter().cloned().collect(),
            quiz: facts.quizzes.iter().find(|q| q.course == course.id).cloned(),
            sessions: facts.sessions.iter().filter(|s| s.draft.course == course.id).cloned().collect(),
        })
        .collect();
    Ok(HrCatalogue { courses, paths: facts.paths.to_vec(), events: events.to_vec(), directory: facts.company.directory() })
}

/// HR's course (`id` is the caller's to give: a new one, or the one replaced).
pub fn save_course(actor: &Member, id: CourseId, draft: &CourseDraft) -> Result<Course, TrainingError> {
    require_hr(actor)?;
    accepted(draft.violations())?;
    Ok(Course { id, draft: draft.clone() })
}

pub fn save_lesson(facts: &TrainingFacts, actor: &Member, id: LessonId, draft: &LessonDraft) -> Result<Lesson, TrainingError> {
    require_hr(actor)?;
    let mut found = draft.violations();
    if facts.course(draft.course).is_err() {
        found.push(Violation::new("course", Rule::UnknownCourse, None));
    }
    accepted(found)?;
    Ok(Lesson { id, draft: draft.clone() })
}

pub fn save_quiz(facts: &TrainingFacts, actor: &Member, course: CourseId, draft: &QuizDraft) -> Result<Quiz, TrainingError> {
    require_hr(actor)?;
    facts.course(course)?;
    accepted(draft.violations())?;
    Ok(Quiz { course, draft: draft.clone() })
}

pub fn save_path(facts: &TrainingFacts, actor: &Member, id: PathId, draft: &PathDraft) -> Result<LearningPath, TrainingError> {
    require_hr(actor)?;
    accepted(draft.violations(|c| facts.course(c).is_ok()))?;
    Ok(LearningPath { id, draft: draft.clone() })
}

/// A session saved, and the waiting members seated by a larger capacity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionChange {
    pub session: Session,
    pub promoted: Vec<Enrolment>,
}

/// HR's session: a new one (`existing` is `None`) or a change to one not
/// yet begun. Fewer seats than are taken is refused; more seat the
/// waitlist. `roster`: the enrolments of (at least) this session.
pub fn save_session(
    facts: &TrainingFacts,
    actor: &Member,
    id: SessionId,
    existing: Option<&Session>,
    draft: &SessionDraft,
    roster: &[Enrolment],
    now: Timestamp,
) -> Result<SessionChange, TrainingError> {
    require_hr(actor)?;
    if existing.is_some_and(|s| now >= s.draft.starts) {
        return Err(Violation::new("starts", Rule::AlreadyStarted, None).into());
    }
    let mut found = draft.violations();
    match facts.course(draft.course) {
        Err(_) => found.push(Violation::new("course", Rule::UnknownCourse, None)),
        Ok(course) if course.draft.format != Format::Classroom => found.push(Violation::new("course", Rule::ClassroomOnly, None)),
        Ok(_) => {}
    }
    if facts.company.site(draft.site).is_none() {
        found.push(Violation::new("site", Rule::UnknownSite, None));
    }
    if draft.starts <= now {
        found.push(Violation::new("starts", Rule::TooFarBack, Some(0)));
    }
    let session = Session { id, draft: draft.clone() };
    let live = Roster::of(&session, roster);
    let taken = live.seats_taken();
    if draft.capacity < taken {
        found.push(Violation::out_of_range("capacity", u64::from(taken), CAPACITY.max));
    }
    accepted(found)?;
    let promoted = live.promotions(None, draft.capacity, now);
    Ok(SessionChange { session, promoted })
}

/// Who holds a seat and who waits, for HR.
pub fn session_roster(company: &Company, actor: &Member, session: &Session, roster: &[Enrolment]) -> Result<SessionRoster, TrainingError> {
    require_hr(actor)?;
    let live = Roster::of(session, roster);
    let entry = |e: &Enrolment| RosterEntry { enrolment: e.clone(), name: company.member(e.member).map(|m| m.full_name.clone()).unwrap_or_default() };
    let mut enrolled: Vec<RosterEntry> = live.enrolled().map(entry).collect();
    enrolled.sort_by_cached_key(|e| crate::common::text::person_order(&e.name));
    Ok(SessionRoster { session: session.clone(), site_name: site_name(company, session), enrolled, waiting: live.waiting().map(entry).collect() })
}

/// HR marks whether an enrolled member came, from the session's start;
/// attending may complete the course. `attendee`: the member's records.
pub fn mark_attendance(
    facts: &TrainingFacts,
    actor: &Member,
    attendee: &Learner,
    enrolment: EnrolmentId,
    attended: bool,
    now: Timestamp,
    rng: &mut impl Random,
) -> Result<(Enrolment, StepResult), TrainingError> {
    require_hr(actor)?;
    let found = attendee.enrolments.iter().find(|e| e.id == enrolment && e.member == attendee.member.id).ok_or(TrainingError::NotFound)?;
    let session = facts.session(found.session)?;
    if found.status != EnrolmentStatus::Enrolled {
        return Err(Violation::new("enrolment", Rule::NotEnrolled, None).into());
    }
    if now < session.draft.starts {
        return Err(Violation::new("attended", Rule::NotStarted, None).into());
    }
    let marked = Enrolment { attended: Some(attended), ..found.clone() };
    let enrolments: Vec<Enrolment> = attendee.enrolments.iter().map(|e| if e.id == marked.id { marked.clone() } else { e.clone() }).collect();
    let result = facts.earned(facts.course(session.draft.course)?, &Learner { enrolments: &enrolments, ..*attendee }, now, rng);
    Ok((marked, result))
}

/// HR revokes a certificate, with its reason; the verification page then
/// says so.
pub fn revoke(actor: &Member, certificate: &Certificate, reason: &str, now: Timestamp) -> Result<Certificate, TrainingError> {
    require_hr(actor)?;
    if certificate.revoked.is_some() {
        return Err(Violation::new("code", Rule::AlreadyRevoked, None).into());
    }
    let mut found = Vec::new();
    check_plain(&mut found, "reason", reason, REASON_MAX);
    accepted(found)?;
    Ok(Certificate { revoked: Some(Revocation { at: now, by: actor.id, reason: reason.trim().to_owned() }), ..certificate.clone() })
}

/// Every certificate `query` asks for, for HR to revoke from: latest
/// issued first, each with its status at `now`.
pub fn hr_certificates(actor: &Member, certificates: &[Certificate], query: &CertificateQuery, now: Timestamp) -> Result<Vec<HrCertificate>, TrainingError> {
    require_hr(actor)?;
    let mut listed: Vec<HrCertificate> = certificates
        .iter()
        .filter(|c| query.course.is_none_or(|course| course == c.course))
        .map(|c| HrCertificate { certificate: c.clone(), status: c.status(now) })
        .filter(|c| query.status.is_none_or(|status| status == c.status))
        .collect();
    listed.sort_by(|a, b| b.certificate.issued_at.cmp(&a.certificate.issued_at).then_with(|| a.certificate.code.cmp(&b.certificate.code)));
    Ok(listed)
}

/// HR's event: a new one (`existing` is `None`, `actor` its organiser) or
/// a change, which raises its sequence. A past event is not changed.
pub fn save_event(actor: &Member, id: EventId, existing: Option<&Event>, draft: &EventDraft, now: Timestamp) -> Result<Event, TrainingError> {
    require_hr(actor)?;
    if existing.is_some_and(|e| now >= e.draft.starts) {
        return Err(Violation::new("starts", Rule::AlreadyStarted, None).into());
    }
    accepted(draft.violations())?;
    Ok(match existing {
        Some(event) => event.changed(draft.clone(), event.cancelled, now),
        None => Event { id, draft: draft.clone(), organiser: actor.id, sequence: 0, cancelled: false, updated_at: now },
    })
}

/// HR cancels an event: its invitation then says `STATUS:CANCELLED`.
pub fn cancel_event(actor: &Member, event: &Event, now: Timestamp) -> Result<Event, TrainingError> {
    require_hr(actor)?;
    if event.cancelled {
        return Err(Violation::new("cancelled", Rule::EventCancelled, None).into());
    }
    Ok(event.changed(event.draft.clone(), true, now))
}

/// Who answered an event: for HR and its organiser.
pub fn attendees(company: &Company, actor: &Member, event: &Event, rsvps: &[Rsvp]) -> Result<Vec<event::Attendee>, TrainingError> {
    if !is_hr(actor) && actor.id != event.organiser {
        return Err(TrainingError::Forbidden);
    }
    Ok(event::attendees(company, event.id, rsvps))
}
