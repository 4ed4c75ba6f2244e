//! Leave over HTTP. Each handler loads the facts an operation needs
//! (`db`), asks its use case in `domain::benefits` (the same functions the
//! embedded demo backend's `LeaveBook` calls) and applies the decision with
//! SQL. No rule lives here.
//!
//! Nothing here relies on being the only server: a submission, an
//! adjustment and a new delegation hold the member's row (`db::hold`) from
//! reading that member's leave to writing it; a decision, a withdrawal and
//! a cancellation write the request only over the version they were judged
//! on; and one a concurrent write got in before is judged again on fresh
//! facts (`retrying`), so the loser hears the rule's 422.

use super::db::{self as leave_db, Stored};
use crate::db;
use crate::extract::{Body, Hr, Id, IdempotencyKey, Params, SignedIn};
use crate::problem::{retrying, Problem};
use crate::state::AppState;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::benefits::reports::{self, AuditEntry, LeaveSummary, MemberAllocation, RequestFilter, TeamCalendar};
use domain::benefits::use_cases::{self as uc, AdjustmentDraft, DelegationDraft, QueueItem, RequestView, TypeBalance, Verdict};
use domain::benefits::{
    Allocation, Delegation, Holder, HolidayCalendar, LeaveDraft, LeaveError, LeaveFacts, LeaveRequest, LeaveRequestId, LeaveSettings, LeaveSpan, LeaveStatus,
    LeaveType, LeaveTypeId, WorkCalendar,
};
use domain::common::{Rule, Violation};
use domain::{Company, Date, DepartmentId, Lang, Member, MemberId, SiteId, Timestamp};
use serde::Deserialize;
use sqlx::{AnyConnection, Connection};

/// Why a leave operation did not happen, as the API answers it.
impl From<LeaveError> for Problem {
    fn from(error: LeaveError) -> Problem {
        match error {
            LeaveError::NotFound => Problem::not_found(),
            LeaveError::Forbidden => Problem::forbidden(),
            LeaveError::Rejected(violations) => Problem::violations(violations),
        }
    }
}

/// The company-wide facts leave is judged on, owned (`LeaveFacts`
/// borrows them).
struct Facts {
    company: Company,
    settings: LeaveSettings,
    types: Vec<LeaveType>,
}

impl Facts {
    fn leave(&self) -> LeaveFacts<'_> {
        LeaveFacts { company: &self.company, settings: &self.settings, types: &self.types }
    }
}

async fn facts(conn: &mut AnyConnection) -> Result<Facts, Problem> {
    Ok(Facts { company: db::load_company(&mut *conn).await?, settings: leave_db::settings(&mut *conn).await?, types: leave_db::types(&mut *conn).await? })
}

/// One member's allocations and requests (every year), the parts of a
/// `Holder`.
async fn holder_parts(conn: &mut AnyConnection, member: MemberId) -> Result<(Vec<Allocation>, Vec<LeaveRequest>), Problem> {
    Ok((leave_db::allocations(&mut *conn, Some(member)).await?, leave_db::requests(&mut *conn, Some(member)).await?))
}

/// The years the API speaks of.
const FIRST_YEAR: i32 = 2000;
const LAST_YEAR: i32 = 2100;

fn year_violation(field: &str, year: i32) -> Option<Violation> {
    (!(FIRST_YEAR..=LAST_YEAR).contains(&year))
        .then(|| Violation { min: Some(FIRST_YEAR as u64), ..Violation::new(field, Rule::OutOfRange, Some(LAST_YEAR as u64)) })
}

/// A leave span's days must be in the API's years: the rules would refuse
/// a span of centuries anyway, but only after counting its every half day
/// against every year's holidays, which takes minutes, with the member's
/// row held.
fn span_violations(span: LeaveSpan) -> Vec<Violation> {
    [year_violation("span.from", span.from.year()), year_violation("span.to", span.to.year())].into_iter().flatten().collect()
}

/// `year`, or this year when left out; one outside the API's years is a
/// 422 at `field`.
fn year_or_this(field: &str, year: Option<i32>, now: Timestamp) -> Result<i32, Problem> {
    let year = year.unwrap_or_else(|| now.date().year());
    match year_violation(field, year) {
        Some(violation) => Err(Problem::violations(vec![violation])),
        None => Ok(year),
    }
}

// ------------------------------------------------------------------ member

/// `?year=`
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct YearQuery {
    year: Option<i32>,
}

pub(super) async fn balances(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Params(query): Params<YearQuery>,
) -> Result<Json<Vec<TypeBalance>>, Problem> {
    let now = state.now();
    let year = year_or_this("year", query.year, now)?;
    let mut conn = state.pool.acquire().await?;
    let facts = facts(&mut conn).await?;
    let (allocations, requests) = holder_parts(&mut conn, member.id).await?;
    Ok(Json(uc::balances(&facts.leave(), &Holder { member: &member, allocations: &allocations, requests: &requests }, year, now)))
}

/// `?from=&to=`: years, `from` this year and `to` the same year when left
/// out.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct YearsQuery {
    from: Option<i32>,
    to: Option<i32>,
}

/// How many years after `from` a work calendar reaches at most.
const CALENDAR_YEARS: i32 = 2;

pub(super) async fn work_calendar(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Params(query): Params<YearsQuery>,
) -> Result<Json<WorkCalendar>, Problem> {
    let from = query.from.unwrap_or_else(|| state.now().date().year());
    let to = query.to.unwrap_or(from);
    let mut found: Vec<Violation> = [year_violation("from", from), year_violation("to", to)].into_iter().flatten().collect();
    if found.is_empty() {
        if to < from {
            found.push(Violation::new("to", Rule::EndsBeforeStart, None));
        } else if to - from > CALENDAR_YEARS {
            found.push(Violation::new("to", Rule::OutOfRange, Some((from + CALENDAR_YEARS) as u64)));
        }
    }
    if !found.is_empty() {
        return Err(Problem::violations(found));
    }
    let settings = leave_db::settings(&mut *state.pool.acquire().await?).await?;
    Ok(Json(settings.work_calendar(member.site_id, from, to)))
}

pub(super) async fn summary(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<LeaveSummary>, Problem> {
    let mut conn = state.pool.acquire().await?;
    let facts = facts(&mut conn).await?;
    let (allocations, own) = holder_parts(&mut conn, member.id).await?;
    let delegations = leave_db::delegations(&mut *conn, None).await?;
    let everyone = leave_db::requests(&mut *conn, None).await?;
    let holder = Holder { member: &member, allocations: &allocations, requests: &own };
    Ok(Json(reports::summary(&facts.leave(), &holder, &delegations, &everyone, state.now())))
}

/// The member's own requests, the latest leave first.
pub(super) async fn my_requests(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<Vec<RequestView>>, Problem> {
    let mut conn = state.pool.acquire().await?;
    let company = db::load_company(&mut conn).await?;
    let today = state.now().date();
    let mut mine: Vec<RequestView> = leave_db::requests(&mut *conn, Some(member.id)).await?.iter().map(|r| uc::view(&company, r, today)).collect();
    mine.sort_by_key(|v| std::cmp::Reverse(v.request.span.from));
    Ok(Json(mine))
}

/// Asks for leave once per `Idempotency-Key`: the same key with the same
/// draft answers with the request it made; with another draft, 422.
pub(super) async fn submit(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    IdempotencyKey(key): IdempotencyKey,
    Body(draft): Body<LeaveDraft>,
) -> Result<(StatusCode, Json<RequestView>), Problem> {
    let out_of_range = span_violations(draft.span);
    if !out_of_range.is_empty() {
        return Err(Problem::violations(out_of_range));
    }
    let view = retrying(|| submit_once(&state, &member, &key, &draft)).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// The member's row is held first, so the key, the overlap and the balance
/// are read after any other submission of theirs has been written, and the
/// request and its key are written together.
async fn submit_once(state: &AppState, member: &Member, key: &str, draft: &LeaveDraft) -> Result<RequestView, Problem> {
    let now = state.now();
    let mut conn = state.pool.acquire().await?;
    let facts = facts(&mut conn).await?;
    let mut tx = conn.begin().await?;
    db::hold(&mut tx, "members", member.id.0).await?;
    let previous = leave_db::key_use(&mut *tx, member.id, key).await?;
    let request = match uc::check_key(previous.as_ref().map(|(used, id)| (used, *id)), draft)? {
        Some(id) => leave_db::request(&mut *tx, id).await?.ok_or_else(Problem::not_found)?.request,
        None => {
            let (allocations, requests) = holder_parts(&mut tx, member.id).await?;
            let request = uc::submit(&facts.leave(), &Holder { member, allocations: &allocations, requests: &requests }, draft, now)?;
            let request = leave_db::insert_request(&mut tx, request, false).await?;
            if !leave_db::insert_key(&mut *tx, member.id, key, draft, request.id).await? {
                return Err(Problem::changed_meanwhile()); // dropping `tx` rolls back
            }
            tx.commit().await?;
            request
        }
    };
    Ok(uc::view(&facts.company, &request, now.date()))
}

/// One request, for its member or anyone who decides or decided it;
/// anyone else hears "not found".
pub(super) async fn request(State(state): State<AppState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<RequestView>, Problem> {
    let mut conn = state.pool.acquire().await?;
    let today = state.now().date();
    let stored = leave_db::request(&mut *conn, LeaveRequestId(id)).await?.ok_or_else(Problem::not_found)?;
    let delegations = leave_db::delegations(&mut *conn, None).await?;
    if !uc::may_read(&delegations, &stored.request, &member, today) {
        return Err(Problem::not_found());
    }
    let company = db::load_company(&mut conn).await?;
    Ok(Json(uc::view(&company, &stored.request, today)))
}

pub(super) async fn withdraw(State(state): State<AppState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<RequestView>, Problem> {
    let now = state.now();
    Ok(Json(retrying(|| change(&state, LeaveRequestId(id), |_, _, request| uc::withdraw(request, &member, now))).await?))
}

pub(super) async fn ask_cancellation(State(state): State<AppState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<RequestView>, Problem> {
    let now = state.now();
    Ok(Json(retrying(|| change(&state, LeaveRequestId(id), |facts, _, request| uc::ask_cancellation(facts, request, &member, now))).await?))
}

pub(super) async fn decide(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Id(id): Id,
    Body(verdict): Body<Verdict>,
) -> Result<Json<RequestView>, Problem> {
    let now = state.now();
    Ok(Json(
        retrying(|| change(&state, LeaveRequestId(id), |facts, delegations, request| uc::decide(facts, delegations, request, &member, &verdict, now))).await?,
    ))
}

/// Loads a request (and the delegations), asks `decide` what it becomes,
/// and writes that where the request is still the version it was judged
/// on (else "changed meanwhile", so `retrying` judges it again).
async fn change(
    state: &AppState,
    id: LeaveRequestId,
    decide: impl FnOnce(&LeaveFacts, &[Delegation], Option<&LeaveRequest>) -> Result<LeaveRequest, LeaveError>,
) -> Result<RequestView, Problem> {
    let mut conn = state.pool.acquire().await?;
    let facts = facts(&mut conn).await?;
    let delegations = leave_db::delegations(&mut *conn, None).await?;
    let stored = leave_db::request(&mut *conn, id).await?;
    let changed = decide(&facts.leave(), &delegations, stored.as_ref().map(|s| &s.request))?;
    let Some(Stored { version, .. }) = stored else { return Err(Problem::not_found()) };
    if !leave_db::replace_request(&mut *conn, &changed, version).await? {
        return Err(Problem::changed_meanwhile());
    }
    Ok(uc::view(&facts.company, &changed, state.now().date()))
}

/// The requests waiting for the member to decide, oldest first.
pub(super) async fn approvals(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<Vec<QueueItem>>, Problem> {
    let mut conn = state.pool.acquire().await?;
    let facts = facts(&mut conn).await?;
    let delegations = leave_db::delegations(&mut *conn, None).await?;
    let requests = leave_db::requests(&mut *conn, None).await?;
    let allocations = leave_db::allocations(&mut *conn, None).await?;
    Ok(Json(uc::queue(&facts.leave(), &delegations, &requests, &allocations, &member, state.now())))
}

/// The delegations the member gave, latest first.
pub(super) async fn my_delegations(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<Vec<Delegation>>, Problem> {
    let mut given = leave_db::delegations(&state.pool, Some(member.id)).await?;
    given.sort_by_key(|d| std::cmp::Reverse(d.period.from));
    Ok(Json(given))
}

pub(super) async fn delegate(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Body(draft): Body<DelegationDraft>,
) -> Result<(StatusCode, Json<Delegation>), Problem> {
    Ok((StatusCode::CREATED, Json(retrying(|| delegate_once(&state, &member, &draft)).await?)))
}

/// The approver's row is held, so two delegations of theirs are checked
/// for overlap one after the other.
async fn delegate_once(state: &AppState, member: &Member, draft: &DelegationDraft) -> Result<Delegation, Problem> {
    let mut conn = state.pool.acquire().await?;
    let company = db::load_company(&mut conn).await?;
    let mut tx = conn.begin().await?;
    db::hold(&mut tx, "members", member.id.0).await?;
    let existing = leave_db::delegations(&mut *tx, Some(member.id)).await?;
    let delegation = uc::delegate(&company, &existing, member, draft, state.now())?;
    let delegation = leave_db::insert_delegation(&mut tx, delegation, false).await?;
    tx.commit().await?;
    Ok(delegation)
}

/// `?day=&department=`: the month of `day` (today when left out).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct TeamQuery {
    day: Option<Date>,
    department: Option<DepartmentId>,
}

pub(super) async fn team_calendar(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Params(query): Params<TeamQuery>,
) -> Result<Json<TeamCalendar>, Problem> {
    let day = query.day.unwrap_or_else(|| state.now().date());
    if let Some(violation) = year_violation("day", day.year()) {
        return Err(Problem::violations(vec![violation]));
    }
    let mut conn = state.pool.acquire().await?;
    let facts = facts(&mut conn).await?;
    let requests = leave_db::requests(&mut *conn, None).await?;
    Ok(Json(reports::team_calendar(&facts.leave(), &requests, &member, query.department, day)?))
}

/// `?leave_type=&year=`: one balance, this year's when `year` is left out.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct AuditQuery {
    /// Required; optional here so that its absence is a 422 naming it.
    leave_type: Option<LeaveTypeId>,
    year: Option<i32>,
}

pub(super) async fn my_audit(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    Params(query): Params<AuditQuery>,
) -> Result<Json<Vec<AuditEntry>>, Problem> {
    Ok(Json(audit_of(&state, &member, &query).await?))
}

async fn audit_of(state: &AppState, member: &Member, query: &AuditQuery) -> Result<Vec<AuditEntry>, Problem> {
    let leave_type = query.leave_type.ok_or_else(|| Problem::violations(vec![Violation::new("leave_type", Rule::Required, None)]))?;
    let year = year_or_this("year", query.year, state.now())?;
    let mut conn = state.pool.acquire().await?;
    let company = db::load_company(&mut conn).await?;
    let (allocations, requests) = holder_parts(&mut conn, member.id).await?;
    Ok(reports::audit_trail(&company, &Holder { member, allocations: &allocations, requests: &requests }, leave_type, year))
}

// ---------------------------------------------------------------------- HR

/// `?status=&department=&site=&leave_type=&from=&to=`
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct FilterQuery {
    status: Option<LeaveStatus>,
    department: Option<DepartmentId>,
    site: Option<SiteId>,
    leave_type: Option<LeaveTypeId>,
    from: Option<Date>,
    to: Option<Date>,
}

impl FilterQuery {
    fn filter(&self) -> RequestFilter {
        RequestFilter { status: self.status, department: self.department, site: self.site, leave_type: self.leave_type, from: self.from, to: self.to }
    }
}

pub(super) async fn all_requests(State(state): State<AppState>, _: Hr, Params(query): Params<FilterQuery>) -> Result<Json<Vec<RequestView>>, Problem> {
    let mut conn = state.pool.acquire().await?;
    let company = db::load_company(&mut conn).await?;
    // Every request is loaded and the domain filters them; a company this
    // size has thousands at most.
    let requests = leave_db::requests(&mut *conn, None).await?;
    Ok(Json(reports::all_requests(&company, &requests, &query.filter(), state.now().date())))
}

/// The filters of `all_requests`, and `?year=&lang=`: the year whose
/// leavers' untaken days close the export, and its language.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct CsvQuery {
    status: Option<LeaveStatus>,
    department: Option<DepartmentId>,
    site: Option<SiteId>,
    leave_type: Option<LeaveTypeId>,
    from: Option<Date>,
    to: Option<Date>,
    year: Option<i32>,
    lang: Option<Lang>,
}

pub(super) async fn payroll_csv(State(state): State<AppState>, _: Hr, Params(query): Params<CsvQuery>) -> Result<Response, Problem> {
    let now = state.now();
    let year = year_or_this("year", query.year, now)?;
    let filter =
        FilterQuery { status: query.status, department: query.department, site: query.site, leave_type: query.leave_type, from: query.from, to: query.to }
            .filter();
    let mut conn = state.pool.acquire().await?;
    let facts = facts(&mut conn).await?;
    let requests = leave_db::requests(&mut *conn, None).await?;
    let allocations = leave_db::allocations(&mut *conn, None).await?;
    let views = reports::all_requests(&facts.company, &requests, &filter, now.date());
    let leavers = reports::allocations(&facts.leave(), &allocations, &requests, year, now.date());
    let csv = reports::payroll_csv(&facts.leave(), &views, &leavers, query.lang.unwrap_or_default());
    Ok(([(CONTENT_TYPE, "text/csv; charset=utf-8"), (CONTENT_DISPOSITION, "attachment; filename=\"leave-requests.csv\"")], csv).into_response())
}

/// What HR's request filters offer: departments, sites, leave types.
pub(super) async fn filter_choices(State(state): State<AppState>, _: Hr) -> Result<Json<reports::FilterChoices>, Problem> {
    let mut conn = state.pool.acquire().await?;
    let company = db::load_company(&mut conn).await?;
    Ok(Json(reports::filter_choices(&company, &leave_db::types(&mut *conn).await?)))
}

pub(super) async fn types(State(state): State<AppState>, _: Hr) -> Result<Json<Vec<LeaveType>>, Problem> {
    Ok(Json(leave_db::types(&state.pool).await?))
}

/// HR's edit of the leave type the path names (the body's `id` must be it).
pub(super) async fn save_type(State(state): State<AppState>, Hr(actor): Hr, Id(id): Id, Body(edited): Body<LeaveType>) -> Result<Json<LeaveType>, Problem> {
    if edited.id != LeaveTypeId(id) {
        return Err(Problem::invalid("id", format!("the leave type's id must be the one in the path ({id})")));
    }
    let types = leave_db::types(&state.pool).await?;
    let saved = uc::save_type(&types, &actor, &edited)?;
    if !leave_db::put_type(&state.pool, &saved).await? {
        return Err(Problem::not_found());
    }
    Ok(Json(saved))
}

/// A year in the path; one outside the API's years is a 422.
fn path_year(year: u32) -> Result<i32, Problem> {
    let year = i32::try_from(year).unwrap_or(i32::MAX);
    match year_violation("year", year) {
        Some(violation) => Err(Problem::violations(vec![violation])),
        None => Ok(year),
    }
}

/// The year's holidays: HR's calendar, else the law's proposal.
pub(super) async fn holidays(State(state): State<AppState>, _: Hr, Id(year): Id) -> Result<Json<HolidayCalendar>, Problem> {
    let year = path_year(year)?;
    Ok(Json(leave_db::calendar(&state.pool, year).await?.unwrap_or_else(|| HolidayCalendar::proposed(year))))
}

pub(super) async fn confirm_holidays(
    State(state): State<AppState>,
    Hr(actor): Hr,
    Id(year): Id,
    Body(calendar): Body<HolidayCalendar>,
) -> Result<Json<HolidayCalendar>, Problem> {
    let year = path_year(year)?;
    if calendar.year != year {
        return Err(Problem::invalid("year", format!("the calendar's year must be the one in the path ({year})")));
    }
    let confirmed = uc::confirm_holidays(&actor, &calendar)?;
    leave_db::put_calendar(&state.pool, &confirmed).await?;
    Ok(Json(confirmed))
}

pub(super) async fn allocations(State(state): State<AppState>, _: Hr, Params(query): Params<YearQuery>) -> Result<Json<Vec<MemberAllocation>>, Problem> {
    let now = state.now();
    let year = year_or_this("year", query.year, now)?;
    let mut conn = state.pool.acquire().await?;
    let facts = facts(&mut conn).await?;
    let allocations = leave_db::allocations(&mut *conn, None).await?;
    let requests = leave_db::requests(&mut *conn, None).await?;
    Ok(Json(reports::allocations(&facts.leave(), &allocations, &requests, year, now.date())))
}

pub(super) async fn adjust(State(state): State<AppState>, Hr(actor): Hr, Id(id): Id, Body(draft): Body<AdjustmentDraft>) -> Result<Json<Allocation>, Problem> {
    if let Some(violation) = year_violation("year", draft.year) {
        return Err(Problem::violations(vec![violation]));
    }
    Ok(Json(retrying(|| adjust_once(&state, &actor, MemberId(id), &draft)).await?))
}

/// The member's row is held, so what is left is read after any other
/// change to their leave has been written.
async fn adjust_once(state: &AppState, actor: &Member, member: MemberId, draft: &AdjustmentDraft) -> Result<Allocation, Problem> {
    let mut conn = state.pool.acquire().await?;
    let facts = facts(&mut conn).await?;
    let member = facts.company.member(member).ok_or_else(Problem::not_found)?;
    let mut tx = conn.begin().await?;
    db::hold(&mut tx, "members", member.id.0).await?;
    let (allocations, requests) = holder_parts(&mut tx, member.id).await?;
    let allocation = uc::adjust(&facts.leave(), &Holder { member, allocations: &allocations, requests: &requests }, actor, draft, state.now())?;
    leave_db::put_allocation(&mut *tx, &allocation).await?;
    tx.commit().await?;
    Ok(allocation)
}

pub(super) async fn audit(State(state): State<AppState>, _: Hr, Id(id): Id, Params(query): Params<AuditQuery>) -> Result<Json<Vec<AuditEntry>>, Problem> {
    let company = db::load_company(&mut *state.pool.acquire().await?).await?;
    let member = company.member(MemberId(id)).ok_or_else(Problem::not_found)?;
    Ok(Json(audit_of(&state, member, &query).await?))
}
