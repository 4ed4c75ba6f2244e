//! Leave's calls on the REST client, loaded with the portal's module.

use super::api::LeaveApi;
use crate::api::http::{parse, query_string, HttpBackend};
use crate::api::ApiError;
use async_trait::async_trait;
use domain::benefits::reports::{AuditEntry, FilterChoices, LeaveSummary, MemberAllocation, RequestFilter, TeamCalendar};
use domain::benefits::use_cases::{AdjustmentDraft, DelegationDraft, QueueItem, RequestView, TypeBalance, Verdict};
use domain::benefits::{Allocation, Delegation, HolidayCalendar, LeaveDraft, LeaveRequestId, LeaveType, LeaveTypeId, WorkCalendar};
use domain::{Date, DepartmentId, Lang, MemberId};
use gloo_net::http::Method;
use serde::Serialize;
use std::rc::Rc;

pub struct HttpLeave(pub Rc<HttpBackend>);

#[derive(Serialize)]
struct TypeYear {
    leave_type: LeaveTypeId,
    year: i32,
}

#[async_trait(?Send)]
impl LeaveApi for HttpLeave {
    async fn balances(&self, year: i32) -> Result<Vec<TypeBalance>, ApiError> {
        self.0.get(&format!("/leave/balances?year={year}")).await
    }

    async fn work_calendar(&self, from: i32, to: i32) -> Result<WorkCalendar, ApiError> {
        self.0.get(&format!("/leave/work-calendar?from={from}&to={to}")).await
    }

    async fn summary(&self) -> Result<LeaveSummary, ApiError> {
        self.0.get("/leave/summary").await
    }

    async fn requests(&self) -> Result<Vec<RequestView>, ApiError> {
        self.0.get("/leave/requests").await
    }

    async fn submit(&self, key: &str, draft: &LeaveDraft) -> Result<RequestView, ApiError> {
        let text = self.0.request(Method::POST, "/leave/requests", Some(draft), &[("Idempotency-Key", key)]).await?;
        parse(&text)
    }

    async fn request(&self, id: LeaveRequestId) -> Result<RequestView, ApiError> {
        self.0.get(&format!("/leave/requests/{}", id.0)).await
    }

    async fn withdraw(&self, id: LeaveRequestId) -> Result<RequestView, ApiError> {
        self.0.json(Method::POST, &format!("/leave/requests/{}/withdraw", id.0), None::<&()>).await
    }

    async fn ask_cancellation(&self, id: LeaveRequestId) -> Result<RequestView, ApiError> {
        self.0.json(Method::POST, &format!("/leave/requests/{}/cancellation", id.0), None::<&()>).await
    }

    async fn approvals(&self) -> Result<Vec<QueueItem>, ApiError> {
        self.0.get("/leave/approvals").await
    }

    async fn decide(&self, id: LeaveRequestId, verdict: &Verdict) -> Result<RequestView, ApiError> {
        self.0.send(Method::POST, &format!("/leave/approvals/{}", id.0), verdict).await
    }

    async fn delegations(&self) -> Result<Vec<Delegation>, ApiError> {
        self.0.get("/leave/delegations").await
    }

    async fn delegate(&self, draft: &DelegationDraft) -> Result<Delegation, ApiError> {
        self.0.send(Method::POST, "/leave/delegations", draft).await
    }

    async fn team_calendar(&self, day: Date, department: Option<DepartmentId>) -> Result<TeamCalendar, ApiError> {
        #[derive(Serialize)]
        struct Query {
            day: Date,
            #[serde(skip_serializing_if = "Option::is_none")]
            department: Option<DepartmentId>,
        }
        self.0.get(&format!("/leave/team-calendar{}", query_string(&Query { day, department }))).await
    }

    async fn audit(&self, leave_type: LeaveTypeId, year: i32) -> Result<Vec<AuditEntry>, ApiError> {
        self.0.get(&format!("/leave/audit{}", query_string(&TypeYear { leave_type, year }))).await
    }

    async fn hr_requests(&self, filter: &RequestFilter) -> Result<Vec<RequestView>, ApiError> {
        self.0.get(&format!("/hr/leave/requests{}", query_string(filter))).await
    }

    async fn requests_csv(&self, filter: &RequestFilter, year: i32, lang: Lang) -> Result<String, ApiError> {
        #[derive(Serialize)]
        struct CsvQuery<'a> {
            #[serde(flatten)]
            filter: &'a RequestFilter,
            year: i32,
            lang: Lang,
        }
        let path = format!("/hr/leave/requests.csv{}", query_string(&CsvQuery { filter, year, lang }));
        self.0.request(Method::GET, &path, None::<&()>, &[]).await
    }

    async fn filter_choices(&self) -> Result<FilterChoices, ApiError> {
        self.0.get("/hr/leave/filters").await
    }

    async fn types(&self) -> Result<Vec<LeaveType>, ApiError> {
        self.0.get("/hr/leave/types").await
    }

    async fn save_type(&self, leave_type: &LeaveType) -> Result<LeaveType, ApiError> {
        self.0.send(Method::PUT, &format!("/hr/leave/types/{}", leave_type.id.0), leave_type).await
    }

    async fn holidays(&self, year: i32) -> Result<HolidayCalendar, ApiError> {
        self.0.get(&format!("/hr/leave/holidays/{year}")).await
    }

    async fn confirm_holidays(&self, calendar: &HolidayCalendar) -> Result<HolidayCalendar, ApiError> {
        self.0.send(Method::PUT, &format!("/hr/leave/holidays/{}", calendar.year), calendar).await
    }

    async fn allocations(&self, year: i32) -> Result<Vec<MemberAllocation>, ApiError> {
        self.0.get(&format!("/hr/leave/allocations?year={year}")).await
    }

    async fn adjust(&self, member: MemberId, draft: &AdjustmentDraft) -> Result<Allocation, ApiError> {
        self.0.send(Method::POST, &format!("/hr/leave/allocations/{}/adjustments", member.0), draft).await
    }

    async fn member_audit(&self, member: MemberId, leave_type: LeaveTypeId, year: i32) -> Result<Vec<AuditEntry>, ApiError> {
        self.0.get(&format!("/hr/leave/audit/{}{}", member.0, query_string(&TypeYear { leave_type, year }))).await
    }
}
