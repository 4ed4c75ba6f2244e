//! Training over HTTP. A read loads training's records into the demo
//! backend's own `TrainingBook` (`db::book`) and asks it, so both backends
//! answer a read with the same code. A write loads the facts, asks its use
//! case in `domain::training::use_cases` and stores the decision. No rule
//! lives here.
//!
//! Nothing relies on being the only server. An enrolment, its cancellation
//! and a change of seats hold the session's row (`db::hold`), so seats and
//! the waitlist are counted after every other change to that session and
//! the database numbers enrolments in the order they were decided. A step
//! that may earn a certificate (a lesson, a quiz attempt, attendance)
//! holds the learner's row; an answer to an event, or a change to it,
//! holds the event's. A revocation is written only over the certificate it
//! judged (`retrying` judges it again otherwise).

use super::db::{self as training_db, Numbered};
use super::VerifyLimit;
use crate::db;
use crate::extract::{Body, Hr, Id, IdempotencyKey, Params, SignedIn};
use crate::problem::{retrying, Problem};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE, RETRY_AFTER};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::training::certificate::CertificateCheck;
use domain::training::event::Attendee;
use domain::training::reports::CourseCompletion;
use domain::training::use_cases::{self as uc, TrainingError};
use domain::training::wire::{
    AttemptStart, AttendanceMark, CatalogueEntry, CertificateQuery, CourseDetail, EnrolAnswer, EnrolRequest, EventView, Graded, HrCatalogue, HrCertificate,
    QuizAnswers, RevokeRequest, RsvpRequest, SessionRoster, StepResult, TrainingHome,
};
use domain::training::{
    Attempt, CatalogueQuery, Certificate, CertificateCode, Course, CourseDraft, CourseId, Enrolment, Event, EventDraft, EventId, LearningPath, Lesson,
    LessonDraft, LessonId, PathDraft, PathId, Quiz, QuizDraft, Roster, Session, SessionDraft, SessionId, TrainingBook,
};
use domain::{Company, Lang, Member, MemberId};
use rand::rngs::OsRng;
use serde::Deserialize;
use sqlx::{AnyConnection, Connection};

impl From<TrainingError> for Problem {
    fn from(error: TrainingError) -> Problem {
        match error {
            TrainingError::NotFound => Problem::not_found(),
            TrainingError::Forbidden => Problem::forbidden(),
            TrainingError::Rejected(violations) => Problem::violations(violations),
        }
    }
}

/// The company and training's records, as a read or a decision needs them
/// (`of`: one learner's records, or everyone's).
async fn load(conn: &mut AnyConnection, of: Option<MemberId>) -> Result<(Company, TrainingBook), Problem> {
    Ok((db::load_company(&mut *conn).await?, training_db::book(&mut *conn, of).await?))
}

/// Answers a read from the book: `ask` gets the company and the book with
/// `of`'s records.
async fn read<T>(state: &AppState, of: Option<MemberId>, ask: impl FnOnce(&Company, &TrainingBook) -> Result<T, TrainingError>) -> Result<T, Problem> {
    let mut conn = state.pool.acquire().await?;
    let (company, book) = load(&mut conn, of).await?;
    Ok(ask(&company, &book)?)
}

/// Stores a certificate a step earned; a code already taken is "changed
/// meanwhile", so `retrying` draws another.
async fn keep_certificate(conn: &mut AnyConnection, result: &StepResult) -> Result<(), Problem> {
    if let Some(certificate) = &result.certificate {
        if !training_db::insert_certificate(&mut *conn, certificate).await? {
            return Err(Problem::changed_meanwhile());
        }
    }
    Ok(())
}

// ------------------------------------------------------------------ member

pub(super) async fn home(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<TrainingHome>, Problem> {
    let now = state.now();
    read(&state, Some(member.id), |company, book| Ok(book.home(company, &member, now))).await.map(Json)
}

pub(super) async fn catalogue(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Params(query): Params<CatalogueQuery>,
) -> Result<Json<Vec<CatalogueEntry>>, Problem> {
    let now = state.now();
    read(&state, Some(member.id), |company, book| Ok(book.catalogue(company, &member, &query, now))).await.map(Json)
}

pub(super) async fn course(State(state): State<AppState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<CourseDetail>, Problem> {
    let now = state.now();
    read(&state, Some(member.id), |company, book| book.course_detail(company, &member, CourseId(id), now)).await.map(Json)
}

pub(super) async fn paths(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<Vec<domain::training::PathView>>, Problem> {
    let now = state.now();
    read(&state, Some(member.id), |company, book| Ok(book.paths(company, &member, now))).await.map(Json)
}

pub(super) async fn events(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<Vec<EventView>>, Problem> {
    let now = state.now();
    read(&state, Some(member.id), |company, book| Ok(book.events(company, &member, now))).await.map(Json)
}

pub(super) async fn my_certificates(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<Vec<Certificate>>, Problem> {
    read(&state, Some(member.id), |_, book| Ok(book.my_certificates(&member))).await.map(Json)
}

/// `?lang=`: the language of a download (Vietnamese when left out).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct LangQuery {
    lang: Option<Lang>,
}

pub(super) async fn event_ics(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Id(id): Id,
    Params(query): Params<LangQuery>,
) -> Result<Response, Problem> {
    let now = state.now();
    let ics = read(&state, Some(member.id), |company, book| book.event_ics(company, &member, EventId(id), query.lang.unwrap_or_default(), now)).await?;
    let disposition = format!("attachment; filename=\"event-{id}.ics\"");
    Ok(([(CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()), (CONTENT_DISPOSITION, disposition)], ics).into_response())
}

/// The member's row is held from reading their records to writing the
/// step, so a step sent twice at once is counted once.
pub(super) async fn complete_lesson(State(state): State<AppState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<StepResult>, Problem> {
    let now = state.now();
    let step = retrying(|| async {
        let mut conn = state.pool.acquire().await?;
        let mut tx = conn.begin().await?;
        db::hold(&mut tx, "members", member.id.0).await?;
        let (company, book) = load(&mut tx, Some(member.id)).await?;
        let (done, result) = uc::complete_lesson(&book.facts(&company), &book.records().learner(&member), LessonId(id), now, &mut OsRng)?;
        if let Some(done) = &done {
            training_db::insert_lesson_done(&mut *tx, done).await?;
        }
        keep_certificate(&mut tx, &result).await?;
        tx.commit().await?;
        Ok(result)
    })
    .await?;
    Ok(Json(step))
}

pub(super) async fn start_attempt(State(state): State<AppState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<AttemptStart>, Problem> {
    let now = state.now();
    let mut conn = state.pool.acquire().await?;
    let mut tx = conn.begin().await?;
    db::hold(&mut tx, "members", member.id.0).await?;
    let (company, book) = load(&mut tx, Some(member.id)).await?;
    let (mut start, new) = uc::start_attempt(&book.facts(&company), &book.records().learner(&member), CourseId(id), now)?;
    if new {
        start.attempt = training_db::insert(&mut *tx, &start.attempt).await?;
    }
    tx.commit().await?;
    Ok(Json(start))
}

pub(super) async fn submit_attempt(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Id(id): Id,
    Body(body): Body<QuizAnswers>,
) -> Result<Json<Graded>, Problem> {
    let now = state.now();
    let graded = retrying(|| async {
        let mut conn = state.pool.acquire().await?;
        let mut tx = conn.begin().await?;
        db::hold(&mut tx, "members", member.id.0).await?;
        let (company, book) = load(&mut tx, Some(member.id)).await?;
        let graded =
            uc::submit_attempt(&book.facts(&company), &book.records().learner(&member), domain::training::AttemptId(id), &body.answers, now, &mut OsRng)?;
        training_db::update::<Attempt>(&mut *tx, graded.attempt.id.0, &graded.attempt).await?;
        keep_certificate(&mut tx, &graded.result).await?;
        tx.commit().await?;
        Ok(graded)
    })
    .await?;
    Ok(Json(graded))
}

pub(super) async fn enrol(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    IdempotencyKey(key): IdempotencyKey,
    Body(request): Body<EnrolRequest>,
) -> Result<(StatusCode, Json<EnrolAnswer>), Problem> {
    let answer = retrying(|| enrol_once(&state, &member, &key, &request)).await?;
    Ok((StatusCode::CREATED, Json(answer)))
}

/// The session's row is held first: whoever holds it next reads this
/// enrolment, so seats never exceed capacity and the waitlist keeps the
/// order in which enrolments were decided.
async fn enrol_once(state: &AppState, member: &Member, key: &str, request: &EnrolRequest) -> Result<EnrolAnswer, Problem> {
    let now = state.now();
    let mut conn = state.pool.acquire().await?;
    let mut tx = conn.begin().await?;
    db::hold(&mut tx, "training_sessions", request.session.0).await?;
    let previous = training_db::key_use(&mut *tx, member.id, key).await?;
    let (company, mut book) = load(&mut tx, Some(member.id)).await?;
    let enrolment = match uc::check_key(previous.as_ref().map(|(used, id)| (used, *id)), request)? {
        Some(id) => book.enrolments.iter().find(|e| e.id == id).cloned().ok_or_else(Problem::not_found)?,
        None => {
            let decided = uc::enrol(&book.facts(&company), &book.records().learner(member), request, &book.enrolments, now)?;
            let stored = training_db::insert(&mut *tx, &decided).await?;
            if !training_db::insert_key(&mut *tx, member.id, key, request, stored.id).await? {
                return Err(Problem::changed_meanwhile()); // dropping `tx` rolls back
            }
            tx.commit().await?;
            book.enrolments.push(stored.clone());
            stored
        }
    };
    let session = book.facts(&company).session(enrolment.session)?;
    let place = Roster::of(session, &book.enrolments).place(&enrolment).ok_or_else(Problem::not_found)?;
    Ok(EnrolAnswer { enrolment, place })
}

/// Gives up a seat or a place on the waitlist; a freed seat goes to the
/// first waiting, in the same transaction.
pub(super) async fn cancel_enrolment(State(state): State<AppState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<StatusCode, Problem> {
    let now = state.now();
    let mut conn = state.pool.acquire().await?;
    let found: Enrolment = training_db::one(&mut *conn, id).await?.filter(|e: &Enrolment| e.member == member.id).ok_or_else(Problem::not_found)?;
    let mut tx = conn.begin().await?;
    db::hold(&mut tx, "training_sessions", found.session.0).await?;
    let (company, book) = load(&mut tx, Some(member.id)).await?;
    let decision = uc::cancel_enrolment(&book.facts(&company), &book.records().learner(&member), found.id, &book.enrolments, now)?;
    for changed in std::iter::once(&decision.cancelled).chain(&decision.promoted) {
        training_db::update(&mut *tx, changed.id.0, changed).await?;
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

pub(super) async fn rsvp(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Id(id): Id,
    Body(request): Body<RsvpRequest>,
) -> Result<Json<EventView>, Problem> {
    let now = state.now();
    let mut conn = state.pool.acquire().await?;
    let mut tx = conn.begin().await?;
    db::hold(&mut tx, "training_events", id).await?;
    let (company, mut book) = load(&mut tx, Some(member.id)).await?;
    let event = book.events.iter().find(|e| e.id == EventId(id)).ok_or_else(Problem::not_found)?;
    let answered = uc::rsvp(&book.facts(&company), &member, event, request.answer, &book.rsvps, now)?;
    training_db::put_rsvp(&mut *tx, &answered).await?;
    tx.commit().await?;
    book.rsvps.retain(|r| !(r.event == answered.event && r.member == answered.member));
    book.rsvps.push(answered);
    let event = book.events.iter().find(|e| e.id == EventId(id)).ok_or_else(Problem::not_found)?;
    Ok(Json(uc::event_view(&book.facts(&company), &member, event, &book.rsvps, now)?))
}

// ------------------------------------------------------------------ public

/// The public check of a certificate's code: no credentials, nothing about
/// the person but their name; the server answers a limited number a
/// second (`VerifyLimit`).
pub(super) async fn verify(State(state): State<AppState>, State(limit): State<VerifyLimit>, Path(code): Path<String>) -> Response {
    if let Err(wait) = limit.take() {
        return ([(RETRY_AFTER, wait.as_secs().max(1).to_string())], Problem::too_many_requests()).into_response();
    }
    let checked: Result<CertificateCheck, Problem> = async {
        let code = CertificateCode::parse(&code).ok_or_else(Problem::not_found)?;
        let found = training_db::certificate(&state.pool, &code).await?;
        Ok(uc::verify(found.as_slice(), code.as_str(), state.now())?)
    }
    .await;
    match checked {
        Ok(check) => Json(check).into_response(),
        Err(problem) => problem.into_response(),
    }
}

// ---------------------------------------------------------------------- HR

pub(super) async fn hr_catalogue(State(state): State<AppState>, Hr(actor): Hr) -> Result<Json<HrCatalogue>, Problem> {
    read(&state, Some(actor.id), |company, book| book.hr_catalogue(company, &actor)).await.map(Json)
}

pub(super) async fn create_course(State(state): State<AppState>, Hr(actor): Hr, Body(draft): Body<CourseDraft>) -> Result<(StatusCode, Json<Course>), Problem> {
    let course = uc::save_course(&actor, CourseId(0), &draft)?;
    Ok((StatusCode::CREATED, Json(training_db::insert(&state.pool, &course).await?)))
}

pub(super) async fn update_course(State(state): State<AppState>, Hr(actor): Hr, Id(id): Id, Body(draft): Body<CourseDraft>) -> Result<Json<Course>, Problem> {
    existing::<Course>(&state, id).await?;
    let course = uc::save_course(&actor, CourseId(id), &draft)?;
    training_db::update(&state.pool, id, &course).await?;
    Ok(Json(course))
}

/// An unknown record is not found before its draft is judged, as the demo
/// backend answers.
async fn existing<T: Numbered>(state: &AppState, id: u32) -> Result<(), Problem> {
    match training_db::one::<T>(&state.pool, id).await? {
        Some(_) => Ok(()),
        None => Err(Problem::not_found()),
    }
}

/// A lesson, a quiz or a path is judged against the catalogue as loaded:
/// the course it names must exist.
async fn catalogue_facts(state: &AppState) -> Result<(Company, TrainingBook), Problem> {
    let mut conn = state.pool.acquire().await?;
    load(&mut conn, None).await
}

pub(super) async fn create_lesson(State(state): State<AppState>, Hr(actor): Hr, Body(draft): Body<LessonDraft>) -> Result<(StatusCode, Json<Lesson>), Problem> {
    let (company, book) = catalogue_facts(&state).await?;
    let lesson = uc::save_lesson(&book.facts(&company), &actor, LessonId(0), &draft)?;
    Ok((StatusCode::CREATED, Json(training_db::insert(&state.pool, &lesson).await?)))
}

pub(super) async fn update_lesson(State(state): State<AppState>, Hr(actor): Hr, Id(id): Id, Body(draft): Body<LessonDraft>) -> Result<Json<Lesson>, Problem> {
    existing::<Lesson>(&state, id).await?;
    let (company, book) = catalogue_facts(&state).await?;
    let lesson = uc::save_lesson(&book.facts(&company), &actor, LessonId(id), &draft)?;
    training_db::update(&state.pool, id, &lesson).await?;
    Ok(Json(lesson))
}

pub(super) async fn save_quiz(State(state): State<AppState>, Hr(actor): Hr, Id(id): Id, Body(draft): Body<QuizDraft>) -> Result<Json<Quiz>, Problem> {
    let (company, book) = catalogue_facts(&state).await?;
    let quiz = uc::save_quiz(&book.facts(&company), &actor, CourseId(id), &draft)?;
    training_db::put_quiz(&state.pool, &quiz).await?;
    Ok(Json(quiz))
}

pub(super) async fn create_path(
    State(state): State<AppState>,
    Hr(actor): Hr,
    Body(draft): Body<PathDraft>,
) -> Result<(StatusCode, Json<LearningPath>), Problem> {
    let (company, book) = catalogue_facts(&state).await?;
    let path = uc::save_path(&book.facts(&company), &actor, PathId(0), &draft)?;
    Ok((StatusCode::CREATED, Json(training_db::insert(&state.pool, &path).await?)))
}

pub(super) async fn update_path(State(state): State<AppState>, Hr(actor): Hr, Id(id): Id, Body(draft): Body<PathDraft>) -> Result<Json<LearningPath>, Problem> {
    existing::<LearningPath>(&state, id).await?;
    let (company, book) = catalogue_facts(&state).await?;
    let path = uc::save_path(&book.facts(&company), &actor, PathId(id), &draft)?;
    training_db::update(&state.pool, id, &path).await?;
    Ok(Json(path))
}

pub(super) async fn create_session(
    State(state): State<AppState>,
    Hr(actor): Hr,
    Body(draft): Body<SessionDraft>,
) -> Result<(StatusCode, Json<Session>), Problem> {
    let (company, book) = catalogue_facts(&state).await?;
    let change = uc::save_session(&book.facts(&company), &actor, SessionId(0), None, &draft, &[], state.now())?;
    Ok((StatusCode::CREATED, Json(training_db::insert(&state.pool, &change.session).await?)))
}

/// A session's row is held while it changes: more seats seat the waitlist
/// in order, and fewer than are taken is refused on the enrolments as
/// they are.
pub(super) async fn update_session(
    State(state): State<AppState>,
    Hr(actor): Hr,
    Id(id): Id,
    Body(draft): Body<SessionDraft>,
) -> Result<Json<Session>, Problem> {
    let now = state.now();
    let mut conn = state.pool.acquire().await?;
    let mut tx = conn.begin().await?;
    if !db::hold(&mut tx, "training_sessions", id).await? {
        return Err(Problem::not_found());
    }
    let (company, book) = load(&mut tx, None).await?;
    let facts = book.facts(&company);
    let change = uc::save_session(&facts, &actor, SessionId(id), Some(facts.session(SessionId(id))?), &draft, &book.enrolments, now)?;
    training_db::update(&mut *tx, id, &change.session).await?;
    for seated in &change.promoted {
        training_db::update(&mut *tx, seated.id.0, seated).await?;
    }
    tx.commit().await?;
    Ok(Json(change.session))
}

pub(super) async fn roster(State(state): State<AppState>, Hr(actor): Hr, Id(id): Id) -> Result<Json<SessionRoster>, Problem> {
    read(&state, None, |company, book| book.session_roster(company, &actor, SessionId(id))).await.map(Json)
}

/// The attendee's row is held: attending may complete their course.
pub(super) async fn mark_attendance(
    State(state): State<AppState>,
    Hr(actor): Hr,
    Id(id): Id,
    Body(mark): Body<AttendanceMark>,
) -> Result<Json<StepResult>, Problem> {
    let now = state.now();
    let step = retrying(|| async {
        let mut conn = state.pool.acquire().await?;
        let found: Enrolment = training_db::one(&mut *conn, id).await?.ok_or_else(Problem::not_found)?;
        let mut tx = conn.begin().await?;
        db::hold(&mut tx, "members", found.member.0).await?;
        let (company, book) = load(&mut tx, Some(found.member)).await?;
        let attendee = company.member(found.member).ok_or_else(Problem::not_found)?;
        let (marked, result) = uc::mark_attendance(&book.facts(&company), &actor, &book.records().learner(attendee), found.id, mark.attended, now, &mut OsRng)?;
        training_db::update(&mut *tx, marked.id.0, &marked).await?;
        keep_certificate(&mut tx, &result).await?;
        tx.commit().await?;
        Ok(result)
    })
    .await?;
    Ok(Json(step))
}

/// Every certificate the query asks for, everyone's (HR only).
pub(super) async fn hr_certificates(
    State(state): State<AppState>,
    Hr(actor): Hr,
    Params(query): Params<CertificateQuery>,
) -> Result<Json<Vec<HrCertificate>>, Problem> {
    let now = state.now();
    read(&state, None, |_, book| book.hr_certificates(&actor, &query, now)).await.map(Json)
}

pub(super) async fn revoke(
    State(state): State<AppState>,
    Hr(actor): Hr,
    Path(code): Path<String>,
    Body(request): Body<RevokeRequest>,
) -> Result<Json<Certificate>, Problem> {
    let now = state.now();
    let code = CertificateCode::parse(&code).ok_or_else(Problem::not_found)?;
    let revoked = retrying(|| async {
        let found = training_db::certificate(&state.pool, &code).await?.ok_or_else(Problem::not_found)?;
        let revoked = uc::revoke(&actor, &found, &request.reason, now)?;
        if !training_db::update_certificate(&state.pool, &found, &revoked).await? {
            return Err(Problem::changed_meanwhile());
        }
        Ok(revoked)
    })
    .await?;
    Ok(Json(revoked))
}

pub(super) async fn create_event(State(state): State<AppState>, Hr(actor): Hr, Body(draft): Body<EventDraft>) -> Result<(StatusCode, Json<Event>), Problem> {
    let event = uc::save_event(&actor, EventId(0), None, &draft, state.now())?;
    Ok((StatusCode::CREATED, Json(training_db::insert(&state.pool, &event).await?)))
}

pub(super) async fn update_event(State(state): State<AppState>, Hr(actor): Hr, Id(id): Id, Body(draft): Body<EventDraft>) -> Result<Json<Event>, Problem> {
    let now = state.now();
    change_event(&state, id, |existing| uc::save_event(&actor, EventId(id), Some(existing), &draft, now)).await
}

pub(super) async fn cancel_event(State(state): State<AppState>, Hr(actor): Hr, Id(id): Id) -> Result<Json<Event>, Problem> {
    let now = state.now();
    change_event(&state, id, |existing| uc::cancel_event(&actor, existing, now)).await
}

/// Holds the event's row, asks `decide` what it becomes and stores that:
/// each change raises its sequence once.
async fn change_event(state: &AppState, id: u32, decide: impl FnOnce(&Event) -> Result<Event, TrainingError>) -> Result<Json<Event>, Problem> {
    let mut conn = state.pool.acquire().await?;
    let mut tx = conn.begin().await?;
    if !db::hold(&mut tx, "training_events", id).await? {
        return Err(Problem::not_found());
    }
    let existing: Event = training_db::one(&mut *tx, id).await?.ok_or_else(Problem::not_found)?;
    let changed = decide(&existing)?;
    training_db::update(&mut *tx, id, &changed).await?;
    tx.commit().await?;
    Ok(Json(changed))
}

/// Who answered an event: for HR and its organiser.
pub(super) async fn attendees(State(state): State<AppState>, SignedIn(actor): SignedIn, Id(id): Id) -> Result<Json<Vec<Attendee>>, Problem> {
    read(&state, None, |company, book| book.attendees(company, &actor, EventId(id))).await.map(Json)
}

/// Completion by course, department and segment: HR's for everyone, a
/// manager's for their team.
pub(super) async fn completion(State(state): State<AppState>, SignedIn(viewer): SignedIn) -> Result<Json<Vec<CourseCompletion>>, Problem> {
    let now = state.now();
    read(&state, None, |company, book| book.completion(company, &viewer, now)).await.map(Json)
}

pub(super) async fn enrolments_csv(State(state): State<AppState>, Hr(actor): Hr, Params(query): Params<LangQuery>) -> Result<Response, Problem> {
    let csv = read(&state, None, |company, book| book.enrolments_csv(company, &actor, query.lang.unwrap_or_default())).await?;
    Ok(csv_file("training-enrolments.csv", csv))
}

pub(super) async fn completions_csv(State(state): State<AppState>, Hr(actor): Hr, Params(query): Params<LangQuery>) -> Result<Response, Problem> {
    let now = state.now();
    let csv = read(&state, None, |company, book| book.completions_csv(company, &actor, query.lang.unwrap_or_default(), now)).await?;
    Ok(csv_file("training-completions.csv", csv))
}

fn csv_file(name: &str, csv: String) -> Response {
    ([(CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\""))], csv).into_response()
}
