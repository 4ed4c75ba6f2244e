//! Feedback over HTTP. Each handler loads the facts an operation needs
//! (`db`), asks its use case in `domain::feedback` (the same functions the
//! demo backend's `FeedbackBook` calls) and stores the decision. No rule
//! lives here.
//!
//! The anonymous handlers (`anonymous_*`) take no `SignedIn`: they never
//! read a cookie or a header that could name the sender, and their router
//! has no request log. A spent mark is written in the same transaction as
//! what the token paid for, so a token is spent exactly when its item is
//! stored; an idea or a conversation is written only over the version it
//! was read at, and a write that lost the race is judged again (`retrying`).

use super::db::{self as feedback_db, Stored};
use crate::db;
use crate::extract::{Body, Hr, Id, Params, SignedIn};
use crate::problem::{retrying, Problem};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::common::{Rule, Violation};
use domain::company::Directory;
use domain::feedback::anonymous::AnonymousId;
use domain::feedback::disclosure::{Dimension, GroupKey};
use domain::feedback::idea::{self, Idea, IdeaDraft, IdeaSort, IdeaStatus};
use domain::feedback::results::{self, ResultsQuery, SurveyResults, SurveySummary};
use domain::feedback::settings::FeedbackSettings;
use domain::feedback::survey::{Response as SurveyResponse, Survey, SurveyDraft, SurveyId};
use domain::feedback::thread::Thread;
use domain::feedback::token::{BlindedRequest, Issued, Scope, SpentMark};
use domain::feedback::use_cases::{self as uc, FeedbackError, FeedbackFacts, MasterKey, NewThread, Signer};
use domain::feedback::wire::{
    AnonymousComment, AnonymousIdea, CommentDraft, FeedbackHome, Hide, PublishedKey, Reply, StartedThread, SurveyAnswer, ThreadAnswer, ThreadOpen, Vote,
};
use domain::{Company, Date};
use rand::rngs::OsRng;
use rand::RngCore;
use serde::Deserialize;
use sqlx::AnyConnection;

impl From<FeedbackError> for Problem {
    fn from(error: FeedbackError) -> Problem {
        match error {
            FeedbackError::NotFound => Problem::not_found(),
            FeedbackError::Forbidden => Problem::forbidden(),
            FeedbackError::Rejected(violations) => Problem::violations(violations),
            FeedbackError::Conflict(violation) => Problem { status: StatusCode::CONFLICT.as_u16(), title: "Conflict", ..Problem::violations(vec![violation]) },
        }
    }
}

/// The facts feedback is judged on, owned (`FeedbackFacts` borrows them).
struct Facts {
    company: Company,
    settings: FeedbackSettings,
    surveys: Vec<Survey>,
    ideas: Vec<Idea>,
}

impl Facts {
    fn feedback(&self) -> FeedbackFacts<'_> {
        FeedbackFacts { company: &self.company, settings: &self.settings, surveys: &self.surveys, ideas: &self.ideas }
    }
}

async fn facts(conn: &mut AnyConnection) -> Result<Facts, Problem> {
    Ok(Facts {
        company: db::load_company(&mut *conn).await?,
        settings: feedback_db::settings(&mut *conn).await?,
        surveys: feedback_db::surveys(&mut *conn).await?,
        ideas: feedback_db::ideas(&mut *conn).await?,
    })
}

async fn master(conn: &mut AnyConnection) -> Result<MasterKey, Problem> {
    let mut fresh = [0u8; 32];
    OsRng.fill_bytes(&mut fresh);
    Ok(feedback_db::master(conn, fresh).await?)
}

/// Stores `mark` as spent, or answers that it was spent before.
async fn spend(conn: &mut AnyConnection, mark: &SpentMark) -> Result<(), Problem> {
    if feedback_db::spend(&mut *conn, mark).await? {
        Ok(())
    } else {
        Err(uc::already_spent().into())
    }
}

fn today(state: &AppState) -> Date {
    state.now().date()
}

/// An anonymous id in a path; anything else names nothing (404).
fn path_id(raw: &str) -> Result<AnonymousId, Problem> {
    AnonymousId::try_from(raw.to_owned()).map_err(|_| Problem::not_found())
}

// ------------------------------------------------------------ members

pub(super) async fn home(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<FeedbackHome>, Problem> {
    let mut conn = state.pool.acquire().await?;
    let facts = facts(&mut conn).await?;
    let issued = feedback_db::issuances(&mut *conn, member.id).await?;
    Ok(Json(uc::home(&facts.feedback(), &member, &issued, today(&state))))
}

pub(super) async fn issue(State(state): State<AppState>, SignedIn(member): SignedIn, Body(request): Body<BlindedRequest>) -> Result<Json<Issued>, Problem> {
    retrying(|| async {
        let mut tx = state.pool.begin().await?;
        // One issue at a time per member, on any number of servers: two
        // requests at once must not both find no earlier token.
        db::hold(&mut tx, "members", member.id.0).await?;
        let facts = facts(&mut tx).await?;
        let master = master(&mut tx).await?;
        let issued = feedback_db::issuances(&mut *tx, member.id).await?;
        let (answer, record) = uc::issue_token(&facts.feedback(), &master, &member, &request, &issued, today(&state), &mut OsRng)?;
        if let Some(record) = record {
            feedback_db::insert_issuance(&mut *tx, &record).await?;
        }
        tx.commit().await?;
        Ok(Json(answer))
    })
    .await
}

/// `?sort=votes|newest`
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct SortQuery {
    sort: IdeaSort,
}

pub(super) async fn ideas(State(state): State<AppState>, SignedIn(_): SignedIn, Params(query): Params<SortQuery>) -> Result<Json<Vec<Idea>>, Problem> {
    Ok(Json(idea::board(&feedback_db::ideas(&state.pool).await?, query.sort)))
}

pub(super) async fn post_idea(State(state): State<AppState>, SignedIn(member): SignedIn, Body(draft): Body<IdeaDraft>) -> Result<Response, Problem> {
    let mut conn = state.pool.acquire().await?;
    let master = master(&mut conn).await?;
    let (idea, _) = uc::post_idea(&master, &draft, &Signer::Named(&member), today(&state), &mut OsRng)?;
    feedback_db::insert_idea(&mut *conn, &idea).await?;
    Ok((StatusCode::CREATED, Json(idea.shown())).into_response())
}

pub(super) async fn comment(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Path(id): Path<String>,
    Body(draft): Body<CommentDraft>,
) -> Result<Json<Idea>, Problem> {
    let id = path_id(&id)?;
    change_idea(&state, &id, |master, idea| Ok(uc::comment(master, idea, &draft.body, &Signer::Named(&member), today(&state), &mut OsRng)?)).await
}

/// Reads an idea, changes it, and writes it over the version it read, again
/// on fresh facts if another write got there first. A change paid for with
/// a token returns its mark, stored in the same transaction.
async fn change_idea(
    state: &AppState,
    id: &AnonymousId,
    change: impl Fn(&MasterKey, &Idea) -> Result<(Idea, Option<SpentMark>), Problem>,
) -> Result<Json<Idea>, Problem> {
    retrying(|| async {
        let mut tx = state.pool.begin().await?;
        let master = master(&mut tx).await?;
        let Stored { value, version } = feedback_db::idea(&mut *tx, id).await?.ok_or_else(Problem::not_found)?;
        let (changed, mark) = change(&master, &value)?;
        if let Some(mark) = mark {
            spend(&mut tx, &mark).await?;
        }
        if !feedback_db::update_idea(&mut *tx, &changed, version).await? {
            return Err(Problem::changed_meanwhile());
        }
        tx.commit().await?;
        Ok(Json(changed.shown()))
    })
    .await
}

/// A change to an idea that costs no token.
fn free(idea: Idea) -> (Idea, Option<SpentMark>) {
    (idea, None)
}

// ---------------------------------------------------------- anonymous

pub(super) async fn anonymous_key(State(state): State<AppState>, Body(scope): Body<Scope>) -> Result<Json<PublishedKey>, Problem> {
    let mut conn = state.pool.acquire().await?;
    let master = master(&mut conn).await?;
    Ok(Json(PublishedKey { public_key: master.scope_key(&scope).public_key() }))
}

pub(super) async fn anonymous_response(State(state): State<AppState>, Body(answer): Body<SurveyAnswer>) -> Result<StatusCode, Problem> {
    // Judged on facts read in the transaction that writes: a write that
    // lost the race (SQLite) is judged again on fresh ones.
    retrying(|| async {
        let mut tx = state.pool.begin().await?;
        let facts = facts(&mut tx).await?;
        let master = master(&mut tx).await?;
        let (response, mark): (SurveyResponse, SpentMark) =
            uc::answer_survey(&facts.feedback(), &master, answer.survey, &answer.token, &answer.answers, today(&state), &mut OsRng)?;
        spend(&mut tx, &mark).await?;
        feedback_db::insert_response(&mut *tx, &response).await?;
        tx.commit().await?;
        Ok(StatusCode::NO_CONTENT)
    })
    .await
}

pub(super) async fn anonymous_vote(State(state): State<AppState>, Body(vote): Body<Vote>) -> Result<Json<Idea>, Problem> {
    retrying(|| async {
        let mut tx = state.pool.begin().await?;
        let facts = facts(&mut tx).await?;
        let master = master(&mut tx).await?;
        let version = feedback_db::idea(&mut *tx, &vote.idea).await?.ok_or_else(Problem::not_found)?.version;
        let (counted, mark) = uc::vote(&facts.feedback(), &master, &vote.idea, &vote.token)?;
        spend(&mut tx, &mark).await?;
        if !feedback_db::update_idea(&mut *tx, &counted, version).await? {
            return Err(Problem::changed_meanwhile());
        }
        tx.commit().await?;
        Ok(Json(counted.shown()))
    })
    .await
}

pub(super) async fn anonymous_thread(State(state): State<AppState>, Body(new): Body<NewThread>) -> Result<Response, Problem> {
    retrying(|| async {
        let mut tx = state.pool.begin().await?;
        let facts = facts(&mut tx).await?;
        let master = master(&mut tx).await?;
        let (thread, routing, mark) = uc::start_thread(&facts.feedback(), &master, &new, today(&state), &mut OsRng)?;
        spend(&mut tx, &mark).await?;
        if feedback_db::thread_by_access(&mut *tx, &thread.access).await?.is_some() {
            // The browser made the key; one already in use is a second send of
            // the same conversation, or a collision: refused either way.
            return Err(Problem::violations(vec![Violation::new("access", Rule::KeyReused, None)]));
        }
        feedback_db::insert_thread(&mut *tx, &thread).await?;
        tx.commit().await?;
        Ok((StatusCode::CREATED, Json(StartedThread { thread: thread.shown(), routing })).into_response())
    })
    .await
}

pub(super) async fn anonymous_open(State(state): State<AppState>, Body(open): Body<ThreadOpen>) -> Result<Json<Thread>, Problem> {
    let stored = feedback_db::thread_by_access(&state.pool, &open.key.access()).await?.ok_or_else(Problem::not_found)?;
    Ok(Json(stored.value.shown()))
}

pub(super) async fn anonymous_answer(State(state): State<AppState>, Body(answer): Body<ThreadAnswer>) -> Result<Json<Thread>, Problem> {
    retrying(|| async {
        let mut tx = state.pool.begin().await?;
        let Stored { value, version } = feedback_db::thread_by_access(&mut *tx, &answer.key.access()).await?.ok_or_else(Problem::not_found)?;
        let answered = uc::member_answers(&value, &answer.body, today(&state), &mut OsRng)?;
        if !feedback_db::update_thread(&mut *tx, &answered, version).await? {
            return Err(Problem::changed_meanwhile());
        }
        tx.commit().await?;
        Ok(Json(answered.shown()))
    })
    .await
}

pub(super) async fn anonymous_idea(State(state): State<AppState>, Body(posted): Body<AnonymousIdea>) -> Result<Response, Problem> {
    let mut tx = state.pool.begin().await?;
    let master = master(&mut tx).await?;
    let draft = IdeaDraft { title: posted.title, body: posted.body };
    let (idea, mark) = uc::post_idea(&master, &draft, &Signer::Anonymous(&posted.token), today(&state), &mut OsRng)?;
    if let Some(mark) = mark {
        spend(&mut tx, &mark).await?;
    }
    feedback_db::insert_idea(&mut *tx, &idea).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(idea.shown())).into_response())
}

pub(super) async fn anonymous_comment(State(state): State<AppState>, Body(posted): Body<AnonymousComment>) -> Result<Json<Idea>, Problem> {
    let today = today(&state);
    change_idea(&state, &posted.idea, |master, idea| Ok(uc::comment(master, idea, &posted.body, &Signer::Anonymous(&posted.token), today, &mut OsRng)?)).await
}

// ------------------------------------------------ responders and HR

pub(super) async fn threads(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<Vec<Thread>>, Problem> {
    let mut conn = state.pool.acquire().await?;
    let company = db::load_company(&mut conn).await?;
    Ok(Json(uc::threads_for(&company, &member, &feedback_db::threads(&mut *conn).await?)))
}

/// Reads a conversation, changes it, and writes it over the version it read.
async fn change_thread(state: &AppState, id: &str, change: impl Fn(&Company, &Thread) -> Result<Thread, Problem>) -> Result<Json<Thread>, Problem> {
    let id = path_id(id)?;
    retrying(|| async {
        let mut tx = state.pool.begin().await?;
        let company = db::load_company(&mut tx).await?;
        let Stored { value, version } = feedback_db::thread(&mut *tx, &id).await?.ok_or_else(Problem::not_found)?;
        let changed = change(&company, &value)?;
        if !feedback_db::update_thread(&mut *tx, &changed, version).await? {
            return Err(Problem::changed_meanwhile());
        }
        tx.commit().await?;
        Ok(Json(changed.shown()))
    })
    .await
}

pub(super) async fn reply(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Path(id): Path<String>,
    Body(reply): Body<Reply>,
) -> Result<Json<Thread>, Problem> {
    let today = today(&state);
    change_thread(&state, &id, |company, thread| Ok(uc::respond(company, &member, thread, &reply.body, today, &mut OsRng)?)).await
}

pub(super) async fn hide_message(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Path((thread, message)): Path<(String, String)>,
    Body(hide): Body<Hide>,
) -> Result<Json<Thread>, Problem> {
    let message = path_id(&message)?;
    let moderation = uc::moderation(&member, &hide.reason, today(&state))?;
    change_thread(&state, &thread, |_, found| {
        let mut hidden = found.clone();
        hidden.messages.iter_mut().find(|m| m.id == message).ok_or_else(Problem::not_found)?.hidden = Some(moderation.clone());
        Ok(hidden)
    })
    .await
}

pub(super) async fn set_status(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Path(id): Path<String>,
    Body(status): Body<IdeaStatus>,
) -> Result<Json<Idea>, Problem> {
    let id = path_id(&id)?;
    change_idea(&state, &id, |_, idea| Ok(free(uc::set_status(&member, idea, &status)?))).await
}

pub(super) async fn hide_idea(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Path(id): Path<String>,
    Body(hide): Body<Hide>,
) -> Result<Json<Idea>, Problem> {
    let id = path_id(&id)?;
    let moderation = uc::moderation(&member, &hide.reason, today(&state))?;
    change_idea(&state, &id, |_, idea| Ok(free(Idea { hidden: Some(moderation.clone()), ..idea.clone() }))).await
}

pub(super) async fn hide_comment(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Path((idea, comment)): Path<(String, String)>,
    Body(hide): Body<Hide>,
) -> Result<Json<Idea>, Problem> {
    let (idea, comment) = (path_id(&idea)?, path_id(&comment)?);
    let moderation = uc::moderation(&member, &hide.reason, today(&state))?;
    change_idea(&state, &idea, |_, found| {
        let mut hidden = found.clone();
        hidden.comments.iter_mut().find(|c| c.id == comment).ok_or_else(Problem::not_found)?.hidden = Some(moderation.clone());
        Ok(free(hidden))
    })
    .await
}

pub(super) async fn surveys(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<Vec<SurveySummary>>, Problem> {
    let mut conn = state.pool.acquire().await?;
    let surveys = feedback_db::surveys(&mut *conn).await?;
    let responses = feedback_db::responses(&mut *conn, None).await?;
    Ok(Json(results::survey_list(&member, &surveys, &responses)?))
}

pub(super) async fn create_survey(State(state): State<AppState>, Hr(member): Hr, Body(draft): Body<SurveyDraft>) -> Result<Response, Problem> {
    // Checked before an id is taken; `save_survey` is the rule.
    uc::save_survey(&member, SurveyId(0), &draft)?;
    let id = feedback_db::insert_survey(&state.pool, &draft).await?;
    Ok((StatusCode::CREATED, Json(Survey { id, draft })).into_response())
}

pub(super) async fn update_survey(State(state): State<AppState>, Hr(member): Hr, Id(id): Id, Body(draft): Body<SurveyDraft>) -> Result<Json<Survey>, Problem> {
    retrying(|| async {
        let mut tx = state.pool.begin().await?;
        if !feedback_db::surveys(&mut *tx).await?.iter().any(|s| s.id == SurveyId(id)) {
            return Err(Problem::not_found());
        }
        let survey = uc::save_survey(&member, SurveyId(id), &draft)?;
        feedback_db::put_survey(&mut *tx, &survey).await?;
        tx.commit().await?;
        Ok(Json(survey))
    })
    .await
}

/// `?filter=<dimension>:<value>&breakdown=<dimension>`
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct ResultsParams {
    filter: Option<String>,
    breakdown: Option<Dimension>,
}

/// A filter as `department:3`; anything else is a 422 at `filter`. The
/// value is a number as results write it (no sign, no leading zero), so
/// each group has one spelling.
fn group_key(text: &str) -> Result<GroupKey, Problem> {
    let invalid = || Problem::invalid("filter", "write the filter as <dimension>:<value>, e.g. department:3".to_owned());
    let (dimension, value) = text.split_once(':').ok_or_else(invalid)?;
    let dimension: Dimension = serde_json::from_value(serde_json::Value::String(dimension.to_owned())).map_err(|_| invalid())?;
    let canonical = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) && (value == "0" || !value.starts_with('0'));
    if !canonical {
        return Err(invalid());
    }
    Ok(GroupKey { dimension, value: value.parse().map_err(|_| invalid())? })
}

pub(super) async fn survey_results(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Id(id): Id,
    Params(params): Params<ResultsParams>,
) -> Result<Json<SurveyResults>, Problem> {
    let query = ResultsQuery { filter: params.filter.as_deref().map(group_key).transpose()?, breakdown: params.breakdown };
    let mut conn = state.pool.acquire().await?;
    let surveys = feedback_db::surveys(&mut *conn).await?;
    let responses = feedback_db::responses(&mut *conn, None).await?;
    Ok(Json(results::survey_results(&member, &surveys, &responses, SurveyId(id), query, today(&state))?))
}

/// The names of departments and sites, for HR's and managers' pages.
pub(super) async fn directory(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<Directory>, Problem> {
    let mut conn = state.pool.acquire().await?;
    let company = db::load_company(&mut conn).await?;
    Ok(Json(uc::directory(&company, &member)?))
}

pub(super) async fn settings(State(state): State<AppState>, Hr(_): Hr) -> Result<Json<FeedbackSettings>, Problem> {
    Ok(Json(feedback_db::settings(&state.pool).await?))
}

pub(super) async fn save_settings(
    State(state): State<AppState>,
    Hr(member): Hr,
    Body(settings): Body<FeedbackSettings>,
) -> Result<Json<FeedbackSettings>, Problem> {
    let settings = uc::save_settings(&member, &settings)?;
    feedback_db::put_settings(&state.pool, &settings).await?;
    Ok(Json(settings))
}

#[cfg(test)]
mod tests {
    use super::group_key;
    use domain::feedback::disclosure::{Dimension, GroupKey};

    #[test]
    fn a_results_filter_has_one_spelling_per_group() {
        assert_eq!(group_key("department:3").unwrap(), GroupKey { dimension: Dimension::Department, value: 3 });
        assert_eq!(group_key("tenure:0").unwrap(), GroupKey { dimension: Dimension::Tenure, value: 0 });
        assert_eq!(group_key("site:4294967295").unwrap(), GroupKey { dimension: Dimension::Site, value: u32::MAX });
        for wrong in
            ["department:+3", "department:03", "department:", "department:4294967296", "department: 3", "floor:3", "department", ":3", "department:3:4"]
        {
            let problem = group_key(wrong).unwrap_err();
            assert_eq!((problem.status, problem.errors[0].field.as_str()), (422, "filter"), "{wrong}");
        }
    }
}
