//! What leave shows beyond one request: the home page's summary, the team
//! calendar, HR's list and payroll export, HR's view of everyone's
//! allocation, and a balance's audit trail.

use crate::benefits::approval::Delegation;
use crate::benefits::balance::{Allocation, Balance};
use crate::benefits::calendar::DayOff;
use crate::benefits::leave_type::{Grant, LeaveTypeId};
use crate::benefits::request::{LeaveRequest, LeaveStatus};
use crate::benefits::span::{HalfDays, LeaveSpan};
use crate::benefits::use_cases::{view, waits_for, Holder, LeaveError, LeaveFacts, RequestView};
use crate::common::access::{is_hr, team_of};
use crate::common::csv;
use crate::company::Company;
use crate::date::{Date, Period, Timestamp};
use crate::member::{Department, DepartmentId, Lang, Member, MemberId, SiteId};
use serde::{Deserialize, Serialize};

/// The leave card on the home page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaveSummary {
    /// Annual days left this year (`None`: no annual leave for this member).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<HalfDays>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_leave: Option<LeaveSpan>,
    /// The member's own requests waiting for a decision.
    pub pending: u32,
    /// Requests waiting for this member to decide.
    pub waiting_for_me: u32,
}

/// `holder`'s summary. `requests`: every request of the company (to count
/// those waiting for them).
pub fn summary(facts: &LeaveFacts, holder: &Holder, delegations: &[Delegation], requests: &[LeaveRequest], now: Timestamp) -> LeaveSummary {
    let today = now.date();
    let annual = facts.types.iter().find(|t| matches!(t.grant, Grant::Annual { .. }) && facts.company.evaluate(&t.audience, holder.member, today).eligible);
    let available = annual.and_then(|t| facts.balance_of(holder, t, today.year(), today).available);
    let next_leave = holder.requests.iter().filter(|r| r.status(today) == LeaveStatus::Approved).map(|r| r.span).min_by_key(|s| s.from);
    let pending = holder.requests.iter().filter(|r| r.status(today) == LeaveStatus::Pending).count() as u32;
    let waiting_for_me = requests.iter().filter(|r| waits_for(r, holder.member, delegations, today)).count() as u32;
    LeaveSummary { available, next_leave, pending, waiting_for_me }
}

/// One person's month in the team calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarRow {
    pub member: MemberId,
    pub name: String,
    /// Their days off this month: weekly rest, holidays, days in lieu.
    pub days_off: Vec<(Date, DayOff)>,
    /// Their leave touching this month, pending or approved.
    pub absences: Vec<Absence>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Absence {
    pub span: LeaveSpan,
    pub leave_type: LeaveTypeId,
    pub pending: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamCalendar {
    pub month: Period,
    /// The department shown to HR (`None` for a manager's team).
    pub department: Option<DepartmentId>,
    /// What HR can choose from (empty for a manager).
    #[serde(default)]
    pub departments: Vec<Department>,
    pub rows: Vec<CalendarRow>,
}

/// The month containing `day` for a team: a manager's own team (and
/// themself); HR's choice of department (default: everyone HR manages
/// nobody of, so its own department). Anyone else is forbidden.
pub fn team_calendar(
    facts: &LeaveFacts,
    requests: &[LeaveRequest],
    viewer: &Member,
    department: Option<DepartmentId>,
    day: Date,
) -> Result<TeamCalendar, LeaveError> {
    let company = facts.company;
    let people: Vec<&Member> = if is_hr(viewer) {
        let department = department.unwrap_or(viewer.department_id);
        company.members.iter().filter(|m| m.department_id == department).collect()
    } else {
        let team = team_of(company, viewer);
        if team.is_empty() {
            return Err(LeaveError::Forbidden);
        }
        std::iter::once(viewer).chain(team).collect()
    };
    let mut people = people;
    people.sort_by_cached_key(|m| crate::common::text::person_order(&m.full_name));
    let month = Period::month_of(day);
    let today = day;
    let rows = people
        .into_iter()
        .map(|member| {
            let calendar = facts.settings.work_calendar(member.site_id, month.from.year(), month.to.year());
            let days_off =
                (0..31).map(|i| month.from.plus_days(i)).filter(|d| month.contains(*d)).filter_map(|d| calendar.day_off(d).map(|off| (d, off))).collect();
            let absences = requests
                .iter()
                .filter(|r| r.member == member.id && r.span.from <= month.to && month.from <= r.span.to)
                .filter(|r| r.status(today).holds_days())
                .map(|r| Absence { span: r.span, leave_type: r.leave_type, pending: r.status(today).is_pending() })
                .collect();
            CalendarRow { member: member.id, name: member.full_name.clone(), days_off, absences }
        })
        .collect();
    let hr = is_hr(viewer);
    let departments = if hr { company.departments.clone() } else { Vec::new() };
    Ok(TeamCalendar { month, department: hr.then_some(department.unwrap_or(viewer.department_id)), departments, rows })
}

/// HR's filters on all requests; each one left out matches everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestFilter {
    #[serde(default)]
    pub status: Option<LeaveStatus>,
    #[serde(default)]
    pub department: Option<DepartmentId>,
    #[serde(default)]
    pub site: Option<SiteId>,
    #[serde(default)]
    pub leave_type: Option<LeaveTypeId>,
    /// Requests touching this period.
    #[serde(default)]
    pub from: Option<Date>,
    #[serde(default)]
    pub to: Option<Date>,
}

/// Every request `filter` admits, newest first.
pub fn all_requests(company: &Company, requests: &[LeaveRequest], filter: &RequestFilter, today: Date) -> Vec<RequestView> {
    let mut found: Vec<RequestView> = requests
        .iter()
        .filter(|r| {
            let member = company.member(r.member);
            filter.status.is_none_or(|s| r.status(today) == s)
                && filter.department.is_none_or(|d| member.is_some_and(|m| m.department_id == d))
                && filter.site.is_none_or(|s| member.is_some_and(|m| m.site_id == s))
                && filter.leave_type.is_none_or(|t| r.leave_type == t)
                && filter.from.is_none_or(|from| r.span.to >= from)
                && filter.to.is_none_or(|to| r.span.from <= to)
        })
        .map(|r| view(company, r, today))
        .collect();
    found.sort_by_key(|v| std::cmp::Reverse((v.request.span.from, v.request.id)));
    found
}

/// One member's annual allocation as HR reviews it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberAllocation {
    pub member: MemberId,
    pub name: String,
    pub department: DepartmentId,
    pub balance: Balance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaves_on: Option<Date>,
}

/// Everyone's annual leave in `year`, by given name.
pub fn allocations(facts: &LeaveFacts, allocations: &[Allocation], requests: &[LeaveRequest], year: i32, today: Date) -> Vec<MemberAllocation> {
    let Some(annual) = facts.types.iter().find(|t| matches!(t.grant, Grant::Annual { .. })) else { return vec![] };
    let mut members: Vec<&Member> = facts.company.members.iter().filter(|m| facts.company.evaluate(&annual.audience, m, today).eligible).collect();
    members.sort_by_cached_key(|m| crate::common::text::person_order(&m.full_name));
    members
        .into_iter()
        .map(|member| {
            let own_allocations: Vec<Allocation> = allocations.iter().filter(|a| a.member == member.id).cloned().collect();
            let own_requests: Vec<LeaveRequest> = requests.iter().filter(|r| r.member == member.id).cloned().collect();
            let holder = Holder { member, allocations: &own_allocations, requests: &own_requests };
            let leaves_on = own_allocations.iter().find(|a| a.year == year && a.leave_type == annual.id).and_then(|a| a.leaves_on);
            MemberAllocation {
                member: member.id,
                name: member.full_name.clone(),
                department: member.department_id,
                balance: facts.balance_of(&holder, annual, year, today),
                leaves_on,
            }
        })
        .collect()
}

/// One change to a balance, for the audit trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: Timestamp,
    pub by_name: String,
    pub change: AuditChange,
    /// What it did to what is left (negative: fewer days).
    pub days: HalfDays,
    #[serde(default)]
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditChange {
    Requested,
    Rejected,
    Withdrawn,
    Cancelled,
    Adjusted,
}

/// Every change to `holder`'s balance of `leave_type` in `year`, oldest
/// first: requests that held days and gave them back, and HR's
/// adjustments. (Approval moves days from pending to taken; what is left
/// does not change.)
pub fn audit_trail(company: &Company, holder: &Holder, leave_type: LeaveTypeId, year: i32) -> Vec<AuditEntry> {
    let name = |id: MemberId| company.member(id).map(|m| m.full_name.clone()).unwrap_or_default();
    let mut entries = Vec::new();
    for a in holder.allocations.iter().filter(|a| a.leave_type == leave_type && a.year == year) {
        entries.extend(a.adjustments.iter().map(|x| AuditEntry {
            at: x.at,
            by_name: x.by_name.clone(),
            change: AuditChange::Adjusted,
            days: x.days,
            reason: x.reason.clone(),
        }));
    }
    for r in holder.requests.iter().filter(|r| r.leave_type == leave_type && r.span.from.year() == year) {
        let back = r.working;
        entries.push(AuditEntry {
            at: r.approval.asked_at,
            by_name: name(r.member),
            change: AuditChange::Requested,
            days: HalfDays::ZERO - back,
            reason: r.reason.clone(),
        });
        if let Some(d) = r.approval.steps.iter().filter_map(|s| s.decision.as_ref()).find(|d| !d.approved) {
            entries.push(AuditEntry { at: d.at, by_name: d.by_name.clone(), change: AuditChange::Rejected, days: back, reason: d.comment.clone() });
        }
        if let Some(at) = r.withdrawn_at {
            entries.push(AuditEntry { at, by_name: name(r.member), change: AuditChange::Withdrawn, days: back, reason: String::new() });
        }
        let cancelled = r.cancellation.as_ref().filter(|c| c.outcome() == crate::benefits::request::Outcome::Approved);
        if let Some(last) = cancelled.and_then(|c| c.steps.last()).and_then(|s| s.decision.as_ref()) {
            entries.push(AuditEntry { at: last.at, by_name: last.by_name.clone(), change: AuditChange::Cancelled, days: back, reason: last.comment.clone() });
        }
    }
    entries.sort_by_key(|e| e.at);
    entries
}

/// The column names; the export is written by the backend, which has no
/// locale files, so its words live here in both languages.
fn header(lang: Lang) -> [&'static str; 10] {
    match lang {
        Lang::Vi => ["Mã đơn", "Nhân viên", "Phòng ban", "Nơi làm việc", "Loại nghỉ", "Có lương", "Từ ngày", "Đến ngày", "Ngày làm việc", "Trạng thái"],
        Lang::En => ["Request", "Member", "Department", "Site", "Leave type", "Paid", "From", "To", "Working days", "Status"],
    }
}

fn status_name(status: LeaveStatus, lang: Lang) -> &'static str {
    let (vi, en) = match status {
        LeaveStatus::Pending => ("Chờ duyệt", "Pending"),
        LeaveStatus::Approved => ("Đã duyệt", "Approved"),
        LeaveStatus::Taken => ("Đã nghỉ", "Taken"),
        LeaveStatus::Rejected => ("Bị từ chối", "Rejected"),
        LeaveStatus::Withdrawn => ("Đã rút", "Withdrawn"),
        LeaveStatus::CancellationPending => ("Chờ duyệt hủy", "Cancellation pending"),
        LeaveStatus::Cancelled => ("Đã hủy", "Cancelled"),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// Payroll's export: one row per request `views` holds, then one row per
/// leaver with the annual days they did not take (paid out when they go).
/// Days are numbers a spreadsheet sums ("1.5").
pub fn payroll_csv(facts: &LeaveFacts, views: &[RequestView], leavers: &[MemberAllocation], lang: Lang) -> String {
    let company = facts.company;
    let mut out = format!("{}{}", csv::BOM, csv::row(&header(lang)));
    let yes_no = |paid: bool| match (paid, lang) {
        (true, Lang::Vi) => "Có",
        (false, Lang::Vi) => "Không",
        (true, Lang::En) => "Yes",
        (false, Lang::En) => "No",
    };
    let place = |member: Option<&Member>| {
        let department = member.and_then(|m| company.department(m.department_id)).map(|d| d.name.get(lang).to_owned()).unwrap_or_default();
        let site = member.and_then(|m| company.site(m.site_id)).map(|s| s.name.get(lang).to_owned()).unwrap_or_default();
        (department, site)
    };
    for v in views {
        let leave_type = facts.types.iter().find(|t| t.id == v.request.leave_type);
        let (department, site) = place(company.member(v.request.member));
        out.push_str(&csv::row(&[
            v.request.id.0.to_string(),
            v.member_name.clone(),
            department,
            site,
            leave_type.map(|t| t.name.get(lang).to_owned()).unwrap_or_default(),
            yes_no(leave_type.is_some_and(|t| t.paid)).to_owned(),
            v.request.span.from.to_string(),
            v.request.span.to.to_string(),
            v.request.working.to_string(),
            status_name(v.status, lang).to_owned(),
        ]));
    }
    let untaken = match lang {
        Lang::Vi => "Phép năm chưa nghỉ khi nghỉ việc",
        Lang::En => "Annual leave untaken on leaving",
    };
    for leaver in leavers.iter().filter(|a| a.leaves_on.is_some()) {
        let (department, site) = place(company.member(leaver.member));
        let last_day = leaver.leaves_on.map(|d| d.to_string()).unwrap_or_default();
        let left = leaver.balance.available.unwrap_or_default().max(HalfDays::ZERO);
        out.push_str(&csv::row(&[
            String::new(),
            leaver.name.clone(),
            department,
            site,
            untaken.to_owned(),
            yes_no(true).to_owned(),
            last_day.clone(),
            last_day,
            left.to_string(),
            String::new(),
        ]));
    }
    out
}

/// What HR's request filters offer: the company's departments and sites,
/// and the leave types.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterChoices {
    pub departments: Vec<Department>,
    pub sites: Vec<crate::member::Site>,
    pub types: Vec<TypeChoice>,
}

/// A leave type as a filter offers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeChoice {
    pub id: LeaveTypeId,
    pub name: crate::member::LocalizedText,
}

pub fn filter_choices(company: &Company, types: &[crate::benefits::leave_type::LeaveType]) -> FilterChoices {
    FilterChoices {
        departments: company.departments.clone(),
        sites: company.sites.clone(),
        types: types.iter().map(|t| TypeChoice { id: t.id, name: t.name.clone() }).collect(),
    }
}
