//! What Benefits asks of a backend: leave, on both backends in this folder
//! (`demo.rs`, `http.rs`), connected to the chosen one on first use.

use super::demo::DemoLeave;
use super::http::HttpLeave;
use crate::api::{resource, Api, ApiError, Chosen};
use async_trait::async_trait;
use domain::benefits::reports::{AuditEntry, FilterChoices, LeaveSummary, MemberAllocation, RequestFilter, TeamCalendar};
use domain::benefits::use_cases::{AdjustmentDraft, DelegationDraft, QueueItem, RequestView, TypeBalance, Verdict};
use domain::benefits::{Allocation, Delegation, HolidayCalendar, LeaveDraft, LeaveRequestId, LeaveType, LeaveTypeId, WorkCalendar};
use domain::{Date, DepartmentId, Lang, MemberId};
use leptos::prelude::*;
use std::rc::Rc;

#[async_trait(?Send)]
pub trait LeaveApi {
    // Member side.
    async fn balances(&self, year: i32) -> Result<Vec<TypeBalance>, ApiError>;
    /// The member's site's work week and holidays over the years `from`..=`to`:
    /// the request form counts a request's cost with it, as the backend does.
    async fn work_calendar(&self, from: i32, to: i32) -> Result<WorkCalendar, ApiError>;
    async fn summary(&self) -> Result<LeaveSummary, ApiError>;
    /// My requests, latest first.
    async fn requests(&self) -> Result<Vec<RequestView>, ApiError>;
    /// Asks once per `key`: a retry with the same key and draft answers
    /// with the first request.
    async fn submit(&self, key: &str, draft: &LeaveDraft) -> Result<RequestView, ApiError>;
    async fn request(&self, id: LeaveRequestId) -> Result<RequestView, ApiError>;
    async fn withdraw(&self, id: LeaveRequestId) -> Result<RequestView, ApiError>;
    async fn ask_cancellation(&self, id: LeaveRequestId) -> Result<RequestView, ApiError>;
    async fn approvals(&self) -> Result<Vec<QueueItem>, ApiError>;
    async fn decide(&self, id: LeaveRequestId, verdict: &Verdict) -> Result<RequestView, ApiError>;
    async fn delegations(&self) -> Result<Vec<Delegation>, ApiError>;
    async fn delegate(&self, draft: &DelegationDraft) -> Result<Delegation, ApiError>;
    async fn team_calendar(&self, day: Date, department: Option<DepartmentId>) -> Result<TeamCalendar, ApiError>;
    async fn audit(&self, leave_type: LeaveTypeId, year: i32) -> Result<Vec<AuditEntry>, ApiError>;

    // HR side.
    async fn hr_requests(&self, filter: &RequestFilter) -> Result<Vec<RequestView>, ApiError>;
    async fn requests_csv(&self, filter: &RequestFilter, year: i32, lang: Lang) -> Result<String, ApiError>;
    async fn filter_choices(&self) -> Result<FilterChoices, ApiError>;
    async fn types(&self) -> Result<Vec<LeaveType>, ApiError>;
    async fn save_type(&self, leave_type: &LeaveType) -> Result<LeaveType, ApiError>;
    async fn holidays(&self, year: i32) -> Result<HolidayCalendar, ApiError>;
    async fn confirm_holidays(&self, calendar: &HolidayCalendar) -> Result<HolidayCalendar, ApiError>;
    async fn allocations(&self, year: i32) -> Result<Vec<MemberAllocation>, ApiError>;
    async fn adjust(&self, member: MemberId, draft: &AdjustmentDraft) -> Result<Allocation, ApiError>;
    async fn member_audit(&self, member: MemberId, leave_type: LeaveTypeId, year: i32) -> Result<Vec<AuditEntry>, ApiError>;
}

pub fn connect(chosen: &Chosen) -> Rc<dyn LeaveApi> {
    match chosen {
        Chosen::Demo(demo) => Rc::new(DemoLeave::open(demo.core.clone())),
        Chosen::Http(http) => Rc::new(HttpLeave(http.clone())),
    }
}

pub fn use_leave() -> Rc<dyn LeaveApi> {
    expect_context::<Api>().portal(connect)
}

/// A resource that calls leave, for `<Loadable>` regions.
pub fn leave_resource<T, Fut>(call: impl Fn(Rc<dyn LeaveApi>) -> Fut + 'static) -> LocalResource<Result<T, ApiError>>
where
    T: 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    resource(use_leave(), call)
}
