//! Leave's use cases, written once: each takes the facts the caller loaded
//! and `now`, and returns a decision (a request to insert or replace, a
//! delegation, an adjustment) or why not ([`LeaveError`]). The server and
//! the demo backend only load, call and save.

use crate::benefits::approval::{acting_for, route, Delegation};
use crate::benefits::balance::{balance, Adjustment, Allocation, Balance};
use crate::benefits::calendar::Cost;
use crate::benefits::holidays::{CalendarProblem, HolidayCalendar};
use crate::benefits::leave_type::{Grant, LeaveType, LeaveTypeId};
use crate::benefits::request::{Approval, Decision, LeaveDraft, LeaveRequest, LeaveRequestId, LeaveStatus, REASON_MAX};
use crate::benefits::settings::LeaveSettings;
use crate::benefits::span::{HalfDays, LeaveSpan};
use crate::common::access::{is_hr, team_of};
use crate::common::violation::{Rule, Violation};
use crate::company::Company;
use crate::date::{Date, Period, Timestamp};
use crate::member::{Member, MemberId};
use crate::Eligibility;
use serde::{Deserialize, Serialize};

/// Why a leave operation did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeaveError {
    /// No such request, or not one this member may see or act on (the
    /// same answer, so existence does not leak).
    NotFound,
    /// HR's pages, for someone not in HR.
    Forbidden,
    /// Rules broken, each at its field (422).
    Rejected(Vec<Violation>),
}

impl From<Violation> for LeaveError {
    fn from(violation: Violation) -> LeaveError {
        LeaveError::Rejected(vec![violation])
    }
}

fn accepted(violations: Vec<Violation>) -> Result<(), LeaveError> {
    if violations.is_empty() {
        Ok(())
    } else {
        Err(LeaveError::Rejected(violations))
    }
}

/// The company-wide facts leave is judged on.
#[derive(Clone, Copy, Debug)]
pub struct LeaveFacts<'a> {
    pub company: &'a Company,
    pub settings: &'a LeaveSettings,
    pub types: &'a [LeaveType],
}

/// One member's leave: their allocations and requests (any year).
#[derive(Clone, Copy, Debug)]
pub struct Holder<'a> {
    pub member: &'a Member,
    pub allocations: &'a [Allocation],
    pub requests: &'a [LeaveRequest],
}

impl LeaveFacts<'_> {
    fn leave_type(&self, id: LeaveTypeId) -> Option<&LeaveType> {
        self.types.iter().find(|t| t.id == id)
    }

    /// The working days `span` costs `member`, and the days it skips.
    pub fn cost(&self, member: &Member, span: LeaveSpan) -> Cost {
        self.settings.cost(member.site_id, span)
    }

    pub(crate) fn balance_of(&self, holder: &Holder, leave_type: &LeaveType, year: i32, today: Date) -> Balance {
        let allocation = holder.allocations.iter().find(|a| a.leave_type == leave_type.id && a.year == year);
        let site = holder.member.site_id;
        balance(leave_type, holder.member, year, allocation, holder.requests, |day| self.settings.works_on(site, day), today)
    }
}

/// A leave type as one member sees it: whether they may take it (and why
/// not) and, when they may, their balance for the year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeBalance {
    pub leave_type: LeaveType,
    pub eligibility: Eligibility,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<Balance>,
}

/// Every leave type for `holder`, with their balance in `year`.
pub fn balances(facts: &LeaveFacts, holder: &Holder, year: i32, now: Timestamp) -> Vec<TypeBalance> {
    let today = now.date();
    facts
        .types
        .iter()
        .map(|t| {
            let eligibility = facts.company.evaluate(&t.audience, holder.member, today);
            let balance = eligibility.eligible.then(|| facts.balance_of(holder, t, year, today));
            TypeBalance { leave_type: t.clone(), eligibility, balance }
        })
        .collect()
}

/// How far ahead a request may reach: the end of next year.
fn latest_day(today: Date) -> Date {
    Date::new(today.year() + 1, 12, 31).expect("31 December exists")
}

/// `holder`'s new request, checked, routed and ready to number and save;
/// or every rule it breaks, at its field.
pub fn submit(facts: &LeaveFacts, holder: &Holder, draft: &LeaveDraft, now: Timestamp) -> Result<LeaveRequest, LeaveError> {
    let today = now.date();
    let member = holder.member;
    let leave_type = facts.leave_type(draft.leave_type).ok_or_else(|| Violation::new("leave_type", Rule::UnknownLeaveType, None))?;
    if !facts.company.evaluate(&leave_type.audience, member, today).eligible {
        return Err(Violation::new("leave_type", Rule::Eligibility, None).into());
    }
    let span = draft.span;
    let mut found = Vec::new();
    if draft.reason.chars().count() > REASON_MAX {
        found.push(Violation::new("reason", Rule::TooLong, Some(REASON_MAX as u64)));
    }
    if !span.is_ordered() {
        found.push(Violation::new("span.to", Rule::EndsBeforeStart, None));
        return Err(LeaveError::Rejected(found));
    }
    let earliest = today.plus_days(-i64::from(leave_type.back_dating_days));
    if span.from < earliest {
        found.push(Violation::new("span.from", Rule::TooFarBack, Some(u64::from(leave_type.back_dating_days))));
    }
    if span.to > latest_day(today) {
        found.push(Violation::new("span.to", Rule::TooFarAhead, None));
    }
    if span.from.year() != span.to.year() {
        found.push(Violation::new("span.to", Rule::AcrossYears, None));
    }
    if !found.is_empty() {
        // A span of centuries is refused before anyone counts its days.
        return Err(LeaveError::Rejected(found));
    }
    let working = facts.cost(member, span).working;
    if working == HalfDays::ZERO {
        found.push(Violation::new("span.to", Rule::NoWorkingDays, None));
    }
    if holder.requests.iter().any(|r| r.status(today).holds_days() && r.span.overlaps(span)) {
        found.push(Violation::new("span.from", Rule::Overlap, None));
    }
    found.extend(over_limit(facts, holder, leave_type, span, working, today));
    accepted(found)?;
    Ok(LeaveRequest {
        id: LeaveRequestId(0),
        member: member.id,
        leave_type: leave_type.id,
        leave_type_name: leave_type.name.clone(),
        span,
        working,
        reason: draft.reason.trim().to_owned(),
        approval: Approval::new(now, route(facts.company, member, leave_type.chain)),
        withdrawn_at: None,
        cancellation: None,
    })
}

/// More than the type leaves: the balance on the leave's first day (after
/// carried days expire) for annual leave, the days per occasion for
/// personal leave; unpaid leave is by agreement. `limit` is in half days.
fn over_limit(facts: &LeaveFacts, holder: &Holder, leave_type: &LeaveType, span: LeaveSpan, working: HalfDays, today: Date) -> Option<Violation> {
    if !leave_type.limits_days() {
        return None;
    }
    let left = match leave_type.grant {
        Grant::PerOccasion { days } => HalfDays::days(i64::from(days)),
        _ => {
            let balance = facts.balance_of(holder, leave_type, span.from.year(), today);
            let available = balance.available.unwrap_or_default();
            available.min(balance.projected(span.from).unwrap_or(available)).max(HalfDays::ZERO)
        }
    };
    let rule = if matches!(leave_type.grant, Grant::PerOccasion { .. }) { Rule::PerOccasion } else { Rule::LeaveBalance };
    (working > left).then(|| Violation::new("span.to", rule, Some(left.0 as u64)))
}

fn own<'a>(request: Option<&'a LeaveRequest>, member: &Member) -> Result<&'a LeaveRequest, LeaveError> {
    request.filter(|r| r.member == member.id).ok_or(LeaveError::NotFound)
}

/// The member takes back a request nobody has decided yet.
pub fn withdraw(request: Option<&LeaveRequest>, member: &Member, now: Timestamp) -> Result<LeaveRequest, LeaveError> {
    let request = own(request, member)?;
    if request.status(now.date()) != LeaveStatus::Pending {
        return Err(Violation::new("status", Rule::Transition, None).into());
    }
    Ok(LeaveRequest { withdrawn_at: Some(now), ..request.clone() })
}

/// The member asks for an approved leave's days back, before it begins:
/// a cancellation approved by the same chain as the request.
pub fn ask_cancellation(facts: &LeaveFacts, request: Option<&LeaveRequest>, member: &Member, now: Timestamp) -> Result<LeaveRequest, LeaveError> {
    let request = own(request, member)?;
    match request.status(now.date()) {
        LeaveStatus::Approved => {}
        LeaveStatus::Taken => return Err(Violation::new("status", Rule::LeaveBegun, None).into()),
        _ => return Err(Violation::new("status", Rule::Transition, None).into()),
    }
    let chain = facts.leave_type(request.leave_type).map(|t| t.chain).unwrap_or(crate::benefits::leave_type::Chain::Manager);
    Ok(LeaveRequest { cancellation: Some(Approval::new(now, route(facts.company, member, chain))), ..request.clone() })
}

/// An approver's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub approve: bool,
    #[serde(default)]
    pub comment: String,
}

pub const COMMENT_MAX: usize = 500;

/// `actor` decides the open step of `request` (the request's approval, or
/// its cancellation's). Only its approver, their delegate today, or (for
/// an HR step) HR may; never the requester; a rejection needs a reason; a
/// decision is final.
pub fn decide(
    facts: &LeaveFacts,
    delegations: &[Delegation],
    request: Option<&LeaveRequest>,
    actor: &Member,
    verdict: &Verdict,
    now: Timestamp,
) -> Result<LeaveRequest, LeaveError> {
    let request = request.ok_or(LeaveError::NotFound)?;
    let today = now.date();
    let mut decided = request.clone();
    let Some(approval) = decided.open_approval_mut() else {
        // Someone who could never decide it learns nothing more.
        return Err(if may_see(delegations, request, actor, today) {
            Violation::new("approve", Rule::AlreadyDecided, None).into()
        } else {
            LeaveError::NotFound
        });
    };
    let (index, step) = approval.open_step().expect("an open approval has an open step");
    let behalf = acting_for(step.approver, request.member, actor, delegations, today).ok_or(LeaveError::NotFound)?;
    let comment = verdict.comment.trim();
    let mut found = Vec::new();
    if !verdict.approve && comment.is_empty() {
        found.push(Violation::new("comment", Rule::Required, None));
    }
    if comment.chars().count() > COMMENT_MAX {
        found.push(Violation::new("comment", Rule::TooLong, Some(COMMENT_MAX as u64)));
    }
    accepted(found)?;
    let name = |id: MemberId| facts.company.member(id).map(|m| m.full_name.clone()).unwrap_or_default();
    approval.steps[index].decision = Some(Decision {
        by: actor.id,
        by_name: actor.full_name.clone(),
        on_behalf_of: behalf.map(|id| (id, name(id))),
        at: now,
        approved: verdict.approve,
        comment: comment.to_owned(),
    });
    Ok(decided)
}

/// Whether `actor` may read `request`: its member, or someone who could
/// decide (or decided) one of its steps.
pub fn may_read(delegations: &[Delegation], request: &LeaveRequest, actor: &Member, today: Date) -> bool {
    request.member == actor.id || may_see(delegations, request, actor, today)
}

/// Whether `actor` was ever among those who could decide `request`.
fn may_see(delegations: &[Delegation], request: &LeaveRequest, actor: &Member, today: Date) -> bool {
    [Some(&request.approval), request.cancellation.as_ref()]
        .into_iter()
        .flatten()
        .flat_map(|a| &a.steps)
        .any(|s| acting_for(s.approver, request.member, actor, delegations, today).is_some() || s.decision.as_ref().is_some_and(|d| d.by == actor.id))
}

/// Whether `request` waits for `actor` now.
pub fn waits_for(request: &LeaveRequest, actor: &Member, delegations: &[Delegation], today: Date) -> bool {
    request.open_approval().and_then(|a| a.open_step()).is_some_and(|(_, step)| acting_for(step.approver, request.member, actor, delegations, today).is_some())
}

/// A request in an approver's queue: whose, their balance of that type,
/// and who else in their team is off on any of those days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub request: LeaveRequest,
    pub status: LeaveStatus,
    pub requester: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<Balance>,
    /// Team-mates whose leave (pending or approved) touches the same days.
    pub team_off: Vec<String>,
}

/// The requests waiting for `actor`, oldest first. `requests`: every
/// request of the company; `allocations` likewise.
pub fn queue(
    facts: &LeaveFacts,
    delegations: &[Delegation],
    requests: &[LeaveRequest],
    allocations: &[Allocation],
    actor: &Member,
    now: Timestamp,
) -> Vec<QueueItem> {
    let today = now.date();
    let mut waiting: Vec<&LeaveRequest> = requests.iter().filter(|r| waits_for(r, actor, delegations, today)).collect();
    waiting.sort_by_key(|r| (r.open_approval().map(|a| a.asked_at), r.id));
    waiting
        .into_iter()
        .filter_map(|request| {
            let requester = facts.company.member(request.member)?;
            let own_requests: Vec<LeaveRequest> = requests.iter().filter(|r| r.member == requester.id).cloned().collect();
            let own_allocations: Vec<Allocation> = allocations.iter().filter(|a| a.member == requester.id).cloned().collect();
            let holder = Holder { member: requester, allocations: &own_allocations, requests: &own_requests };
            let balance = facts.leave_type(request.leave_type).map(|t| facts.balance_of(&holder, t, request.span.from.year(), today));
            let team_off = team_mates(facts.company, requester)
                .filter(|m| requests.iter().any(|r| r.member == m.id && r.status(today).holds_days() && r.span.overlaps(request.span)))
                .map(|m| m.full_name.clone())
                .collect();
            Some(QueueItem { request: request.clone(), status: request.status(today), requester: requester.full_name.clone(), balance, team_off })
        })
        .collect()
}

/// The others who share `member`'s manager (and the manager's own team
/// when `member` is the manager).
fn team_mates<'c>(company: &'c Company, member: &'c Member) -> impl Iterator<Item = &'c Member> {
    let manager = crate::common::access::manager_of(company, member);
    company.members.iter().filter(move |m| m.id != member.id && manager.is_some_and(|boss| crate::common::access::manages(company, boss, m)))
}

/// A new delegation of `actor`'s approvals to `delegate` over `period`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationDraft {
    pub delegate: MemberId,
    pub period: Period,
}

/// `actor` (someone who approves: a manager with a team, or HR) hands
/// their approvals to another member for a while.
pub fn delegate(company: &Company, existing: &[Delegation], actor: &Member, draft: &DelegationDraft, now: Timestamp) -> Result<Delegation, LeaveError> {
    if !is_hr(actor) && team_of(company, actor).is_empty() {
        return Err(LeaveError::Forbidden);
    }
    let today = now.date();
    let mut found = Vec::new();
    match company.member(draft.delegate) {
        None => found.push(Violation::new("delegate", Rule::UnknownMember, None)),
        Some(m) if m.id == actor.id => found.push(Violation::new("delegate", Rule::DelegateSelf, None)),
        Some(_) => {}
    }
    if draft.period.to < draft.period.from {
        found.push(Violation::new("period.to", Rule::EndsBeforeStart, None));
    } else if draft.period.to < today {
        found.push(Violation::new("period.to", Rule::TooFarBack, Some(0)));
    } else if existing.iter().any(|d| d.approver == actor.id && d.period.from <= draft.period.to && draft.period.from <= d.period.to) {
        found.push(Violation::new("period.from", Rule::Overlap, None));
    }
    accepted(found)?;
    Ok(Delegation { id: 0, approver: actor.id, delegate: draft.delegate, period: draft.period, created_at: now })
}

/// HR's change to one balance by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdjustmentDraft {
    pub leave_type: LeaveTypeId,
    pub year: i32,
    pub days: HalfDays,
    pub reason: String,
}

/// The most an adjustment may add or take, in half days (30 days).
const MOST_ADJUSTED: i64 = 60;

/// An adjustment out of range (zero, or more than 30 days either way).
fn adjustment_out_of_range() -> Violation {
    Violation { min: Some(1), ..Violation::new("days", Rule::OutOfRange, Some(MOST_ADJUSTED as u64 / 2)) }
}

/// What HR typed as an adjustment, in days: whole or half ("2", "-1",
/// "0,5"), not zero, at most 30 either way; else the range, at `days`.
pub fn read_adjustment(typed: &str) -> Result<HalfDays, Violation> {
    let days: Option<f64> = typed.trim().replace(',', ".").parse().ok();
    let halves = days.map(|d| d * 2.0).filter(|h| h.fract() == 0.0 && *h != 0.0 && h.abs() <= MOST_ADJUSTED as f64);
    halves.map(|h| HalfDays(h as i64)).ok_or_else(adjustment_out_of_range)
}

/// HR adjusts `holder`'s balance: a reason is required, the change is
/// not zero, and what is left never goes below zero.
pub fn adjust(facts: &LeaveFacts, holder: &Holder, actor: &Member, draft: &AdjustmentDraft, now: Timestamp) -> Result<Allocation, LeaveError> {
    if !is_hr(actor) {
        return Err(LeaveError::Forbidden);
    }
    let leave_type = facts.leave_type(draft.leave_type).filter(|t| matches!(t.grant, Grant::Annual { .. }));
    let leave_type = leave_type.ok_or_else(|| Violation::new("leave_type", Rule::UnknownLeaveType, None))?;
    let mut found = Vec::new();
    let reason = draft.reason.trim();
    if reason.is_empty() {
        found.push(Violation::new("reason", Rule::Required, None));
    } else if reason.chars().count() > REASON_MAX {
        found.push(Violation::new("reason", Rule::TooLong, Some(REASON_MAX as u64)));
    }
    if draft.days == HalfDays::ZERO || draft.days.0.unsigned_abs() > MOST_ADJUSTED as u64 {
        // Refused before any sum sees a number near i64's limits.
        found.push(adjustment_out_of_range());
        return Err(LeaveError::Rejected(found));
    }
    let available = facts.balance_of(holder, leave_type, draft.year, now.date()).available.unwrap_or_default();
    if available + draft.days < HalfDays::ZERO {
        found.push(Violation::new("days", Rule::LeaveBalance, Some(available.0.max(0) as u64)));
    }
    accepted(found)?;
    let mut allocation = holder.allocations.iter().find(|a| a.leave_type == leave_type.id && a.year == draft.year).cloned().unwrap_or(Allocation {
        member: holder.member.id,
        leave_type: leave_type.id,
        year: draft.year,
        carried: HalfDays::ZERO,
        adjustments: vec![],
        leaves_on: None,
    });
    allocation.adjustments.push(Adjustment { days: draft.days, reason: reason.to_owned(), by: actor.id, by_name: actor.full_name.clone(), at: now });
    Ok(allocation)
}

/// A request as the member and approvers read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestView {
    pub request: LeaveRequest,
    pub status: LeaveStatus,
    pub member_name: String,
    /// The names of the people the steps wait for (`None` for HR or nobody).
    pub approver_names: Vec<Option<String>>,
}

pub fn view(company: &Company, request: &LeaveRequest, today: Date) -> RequestView {
    let name = |id: MemberId| company.member(id).map(|m| m.full_name.clone());
    let approver_names = request
        .approval
        .steps
        .iter()
        .chain(request.cancellation.iter().flat_map(|c| &c.steps))
        .map(|s| match s.approver {
            crate::benefits::approval::Approver::Member(id) => name(id),
            _ => None,
        })
        .collect();
    RequestView { request: request.clone(), status: request.status(today), member_name: name(request.member).unwrap_or_default(), approver_names }
}

/// What an `Idempotency-Key` this member used before says of `draft`:
/// `Ok(None)` a new request, `Ok(Some(id))` the same request again (answer
/// with it), an error when the key came with a different request.
pub fn check_key(previous: Option<(&LeaveDraft, LeaveRequestId)>, draft: &LeaveDraft) -> Result<Option<LeaveRequestId>, LeaveError> {
    match previous {
        None => Ok(None),
        Some((used, id)) if used == draft => Ok(Some(id)),
        Some(_) => Err(Violation::new("Idempotency-Key", Rule::KeyReused, None).into()),
    }
}

/// HR's edit of a leave type (`id` names the one replaced), checked.
pub fn save_type(types: &[LeaveType], actor: &Member, edited: &LeaveType) -> Result<LeaveType, LeaveError> {
    if !is_hr(actor) {
        return Err(LeaveError::Forbidden);
    }
    if !types.iter().any(|t| t.id == edited.id) {
        return Err(LeaveError::NotFound);
    }
    accepted(edited.violations())?;
    Ok(edited.clone())
}

/// HR confirms a year's holidays (the proposal, or its own dates): each
/// problem at the holiday it is about.
pub fn confirm_holidays(actor: &Member, calendar: &HolidayCalendar) -> Result<HolidayCalendar, LeaveError> {
    if !is_hr(actor) {
        return Err(LeaveError::Forbidden);
    }
    let at = |date: Date| calendar.holidays.iter().position(|h| h.date == date).map_or("holidays".to_owned(), |i| format!("holidays[{i}].date"));
    calendar.clone().confirm().map_err(|problems| {
        LeaveError::Rejected(
            problems
                .into_iter()
                .map(|problem| match problem {
                    CalendarProblem::OutsideYear { date } => Violation::new(&at(date), Rule::OutOfRange, None),
                    CalendarProblem::DateTwice { date } => Violation::new(&at(date), Rule::Overlap, None),
                    CalendarProblem::WrongNumberOfDays { expected, .. } => Violation::new("holidays", Rule::HolidayCount, Some(expected as u64)),
                })
                .collect(),
        )
    })
}
