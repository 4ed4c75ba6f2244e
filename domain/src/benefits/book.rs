//! The demo backend's whole leave data as one value: it finds the facts in
//! itself, calls the use case and applies the decision, as the server does
//! with SQL.

use crate::benefits::approval::Delegation;
use crate::benefits::balance::Allocation;
use crate::benefits::calendar::WorkCalendar;
use crate::benefits::holidays::HolidayCalendar;
use crate::benefits::leave_type::LeaveType;
use crate::benefits::leave_type::LeaveTypeId;
use crate::benefits::reports::{self, AuditEntry, FilterChoices, LeaveSummary, MemberAllocation, RequestFilter, TeamCalendar};
use crate::benefits::request::{LeaveDraft, LeaveRequest, LeaveRequestId};
use crate::benefits::settings::LeaveSettings;
use crate::benefits::use_cases::{self as uc, AdjustmentDraft, DelegationDraft, Holder, LeaveError, LeaveFacts, QueueItem, RequestView, TypeBalance, Verdict};
use crate::company::Company;
use crate::date::{Date, Timestamp};
use crate::member::{DepartmentId, Lang, Member, MemberId};
use serde::{Deserialize, Serialize};

/// An `Idempotency-Key` a member used, and the request it made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsedKey {
    pub member: MemberId,
    pub key: String,
    pub draft: LeaveDraft,
    pub request: LeaveRequestId,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaveBook {
    pub settings: LeaveSettings,
    pub types: Vec<LeaveType>,
    pub allocations: Vec<Allocation>,
    pub requests: Vec<LeaveRequest>,
    pub delegations: Vec<Delegation>,
    #[serde(default)]
    pub keys: Vec<UsedKey>,
}

impl LeaveBook {
    fn facts<'a>(&'a self, company: &'a Company) -> LeaveFacts<'a> {
        LeaveFacts { company, settings: &self.settings, types: &self.types }
    }

    fn holder_parts(&self, member: MemberId) -> (Vec<Allocation>, Vec<LeaveRequest>) {
        let allocations = self.allocations.iter().filter(|a| a.member == member).cloned().collect();
        let requests = self.requests.iter().filter(|r| r.member == member).cloned().collect();
        (allocations, requests)
    }

    fn find(&self, id: LeaveRequestId) -> Option<&LeaveRequest> {
        self.requests.iter().find(|r| r.id == id)
    }

    fn replace(&mut self, request: LeaveRequest) -> LeaveRequest {
        if let Some(slot) = self.requests.iter_mut().find(|r| r.id == request.id) {
            *slot = request.clone();
        }
        request
    }

    pub fn balances(&self, company: &Company, member: &Member, year: i32, now: Timestamp) -> Vec<TypeBalance> {
        let (allocations, requests) = self.holder_parts(member.id);
        uc::balances(&self.facts(company), &Holder { member, allocations: &allocations, requests: &requests }, year, now)
    }

    pub fn submit(&mut self, company: &Company, member: &Member, key: &str, draft: &LeaveDraft, now: Timestamp) -> Result<LeaveRequest, LeaveError> {
        let previous = self.keys.iter().find(|k| k.member == member.id && k.key == key).map(|k| (&k.draft, k.request));
        if let Some(id) = uc::check_key(previous, draft)? {
            return self.find(id).cloned().ok_or(LeaveError::NotFound);
        }
        let (allocations, requests) = self.holder_parts(member.id);
        let mut request = uc::submit(&self.facts(company), &Holder { member, allocations: &allocations, requests: &requests }, draft, now)?;
        request.id = LeaveRequestId(self.requests.iter().map(|r| r.id.0).max().unwrap_or(0) + 1);
        self.keys.push(UsedKey { member: member.id, key: key.to_owned(), draft: draft.clone(), request: request.id });
        self.requests.push(request.clone());
        Ok(request)
    }

    pub fn my_requests(&self, company: &Company, member: MemberId, now: Timestamp) -> Vec<RequestView> {
        let mut mine: Vec<RequestView> = self.requests.iter().filter(|r| r.member == member).map(|r| uc::view(company, r, now.date())).collect();
        mine.sort_by_key(|v| std::cmp::Reverse(v.request.span.from));
        mine
    }

    /// One request, for its member or anyone who decides or decided it.
    pub fn request(&self, company: &Company, actor: &Member, id: LeaveRequestId, now: Timestamp) -> Result<RequestView, LeaveError> {
        let request = self.find(id).ok_or(LeaveError::NotFound)?;
        uc::may_read(&self.delegations, request, actor, now.date()).then(|| uc::view(company, request, now.date())).ok_or(LeaveError::NotFound)
    }

    pub fn withdraw(&mut self, member: &Member, id: LeaveRequestId, now: Timestamp) -> Result<LeaveRequest, LeaveError> {
        let request = uc::withdraw(self.find(id), member, now)?;
        Ok(self.replace(request))
    }

    pub fn ask_cancellation(&mut self, company: &Company, member: &Member, id: LeaveRequestId, now: Timestamp) -> Result<LeaveRequest, LeaveError> {
        let request = uc::ask_cancellation(&self.facts(company), self.find(id), member, now)?;
        Ok(self.replace(request))
    }

    pub fn decide(&mut self, company: &Company, actor: &Member, id: LeaveRequestId, verdict: &Verdict, now: Timestamp) -> Result<LeaveRequest, LeaveError> {
        let request = uc::decide(&self.facts(company), &self.delegations, self.find(id), actor, verdict, now)?;
        Ok(self.replace(request))
    }

    pub fn queue(&self, company: &Company, actor: &Member, now: Timestamp) -> Vec<QueueItem> {
        uc::queue(&self.facts(company), &self.delegations, &self.requests, &self.allocations, actor, now)
    }

    pub fn delegate(&mut self, company: &Company, actor: &Member, draft: &DelegationDraft, now: Timestamp) -> Result<Delegation, LeaveError> {
        let mut delegation = uc::delegate(company, &self.delegations, actor, draft, now)?;
        delegation.id = self.delegations.iter().map(|d| d.id).max().unwrap_or(0) + 1;
        self.delegations.push(delegation.clone());
        Ok(delegation)
    }

    pub fn adjust(&mut self, company: &Company, actor: &Member, member: &Member, draft: &AdjustmentDraft, now: Timestamp) -> Result<Allocation, LeaveError> {
        let (allocations, requests) = self.holder_parts(member.id);
        let allocation = uc::adjust(&self.facts(company), &Holder { member, allocations: &allocations, requests: &requests }, actor, draft, now)?;
        self.allocations.retain(|a| !(a.member == allocation.member && a.leave_type == allocation.leave_type && a.year == allocation.year));
        self.allocations.push(allocation.clone());
        Ok(allocation)
    }
}

impl LeaveBook {
    pub fn summary(&self, company: &Company, member: &Member, now: Timestamp) -> LeaveSummary {
        let (allocations, requests) = self.holder_parts(member.id);
        reports::summary(&self.facts(company), &Holder { member, allocations: &allocations, requests: &requests }, &self.delegations, &self.requests, now)
    }

    pub fn team_calendar(&self, company: &Company, viewer: &Member, department: Option<DepartmentId>, day: Date) -> Result<TeamCalendar, LeaveError> {
        reports::team_calendar(&self.facts(company), &self.requests, viewer, department, day)
    }

    /// The delegations `member` gave, latest first.
    pub fn delegations_of(&self, member: MemberId) -> Vec<Delegation> {
        let mut given: Vec<Delegation> = self.delegations.iter().filter(|d| d.approver == member).cloned().collect();
        given.sort_by_key(|d| std::cmp::Reverse(d.period.from));
        given
    }

    pub fn audit_trail(&self, company: &Company, member: &Member, leave_type: LeaveTypeId, year: i32) -> Vec<AuditEntry> {
        let (allocations, requests) = self.holder_parts(member.id);
        reports::audit_trail(company, &Holder { member, allocations: &allocations, requests: &requests }, leave_type, year)
    }

    pub fn all_requests(&self, company: &Company, filter: &RequestFilter, now: Timestamp) -> Vec<RequestView> {
        reports::all_requests(company, &self.requests, filter, now.date())
    }

    pub fn filter_choices(&self, company: &Company) -> FilterChoices {
        reports::filter_choices(company, &self.types)
    }

    pub fn allocations(&self, company: &Company, year: i32, now: Timestamp) -> Vec<MemberAllocation> {
        reports::allocations(&self.facts(company), &self.allocations, &self.requests, year, now.date())
    }

    pub fn payroll_csv(&self, company: &Company, filter: &RequestFilter, year: i32, lang: Lang, now: Timestamp) -> String {
        let views = self.all_requests(company, filter, now);
        reports::payroll_csv(&self.facts(company), &views, &self.allocations(company, year, now), lang)
    }

    pub fn save_type(&mut self, actor: &Member, edited: &LeaveType) -> Result<LeaveType, LeaveError> {
        let saved = uc::save_type(&self.types, actor, edited)?;
        if let Some(slot) = self.types.iter_mut().find(|t| t.id == saved.id) {
            *slot = saved.clone();
        }
        Ok(saved)
    }

    pub fn confirm_holidays(&mut self, actor: &Member, calendar: &HolidayCalendar) -> Result<HolidayCalendar, LeaveError> {
        let confirmed = uc::confirm_holidays(actor, calendar)?;
        self.settings.calendars.retain(|c| c.year != confirmed.year);
        self.settings.calendars.push(confirmed.clone());
        Ok(confirmed)
    }

    /// The calendar a member's site keeps over `from`..=`to` years: what the
    /// request form computes costs with, as the backend does.
    pub fn work_calendar(&self, member: &Member, from: i32, to: i32) -> WorkCalendar {
        self.settings.work_calendar(member.site_id, from, to)
    }
}
