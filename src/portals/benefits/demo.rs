//! Leave on the embedded backend, loaded with the portal's module. The
//! leave book is the portal's own stored data (its key, its schema
//! version); a damaged or outdated one resets leave only, with a notice.

use super::api::LeaveApi;
use crate::api::demo::DemoBackend;
use crate::api::ApiError;
use crate::browser;
use crate::i18n::Key;
use crate::storage::{self, Problem, StorageNotice, StoredPart};
use async_trait::async_trait;
use domain::benefits::reports::{AuditEntry, FilterChoices, LeaveSummary, MemberAllocation, RequestFilter, TeamCalendar};
use domain::benefits::use_cases::{view, AdjustmentDraft, DelegationDraft, QueueItem, RequestView, TypeBalance, Verdict};
use domain::benefits::{
    Allocation, Delegation, HolidayCalendar, LeaveBook, LeaveDraft, LeaveError, LeaveRequest, LeaveRequestId, LeaveType, LeaveTypeId, WorkCalendar,
};
use domain::{Date, DepartmentId, Lang, MemberId};
use std::cell::RefCell;
use std::rc::Rc;

/// Where leave is stored: `noibo.demo.benefits`.
fn storage_key() -> String {
    storage::portal_key(super::PORTAL.name)
}

/// Bump when `LeaveBook` changes shape, and teach [`load`] the old one.
pub const SCHEMA_VERSION: u32 = 1;

/// The stored leave book; nothing stored is the demo company's.
pub fn load(raw: Option<&str>) -> Result<LeaveBook, Problem> {
    Ok(storage::read(raw, SCHEMA_VERSION)?.unwrap_or_else(domain::seed::demo_leave))
}

pub fn save(book: &LeaveBook) -> String {
    storage::seal(SCHEMA_VERSION, book)
}

pub struct DemoLeave {
    core: Rc<DemoBackend>,
    book: RefCell<LeaveBook>,
}

impl DemoLeave {
    pub fn open(core: Rc<DemoBackend>) -> DemoLeave {
        let book = load(browser::read(&storage_key()).as_deref()).unwrap_or_else(|problem| {
            core.report(StorageNotice { part: StoredPart::Portal(Key::LeaveDataName), problem });
            browser::remove(&storage_key());
            domain::seed::demo_leave()
        });
        DemoLeave { core, book: RefCell::new(book) }
    }

    /// Runs a change and saves the book when it succeeded.
    fn change<T>(&self, change: impl FnOnce(&mut LeaveBook) -> Result<T, LeaveError>) -> Result<T, ApiError> {
        let result = change(&mut self.book.borrow_mut()).map_err(api_error);
        if result.is_ok() {
            browser::write(&storage_key(), &save(&self.book.borrow()));
        }
        result
    }

    fn viewed(&self, request: LeaveRequest) -> RequestView {
        view(&self.core.company, &request, self.core.now().date())
    }
}

/// A leave error as the HTTP backend would report it.
fn api_error(error: LeaveError) -> ApiError {
    match error {
        LeaveError::NotFound => ApiError::NotFound,
        LeaveError::Forbidden => ApiError::Forbidden,
        LeaveError::Rejected(violations) => ApiError::Invalid { fields: violations.into_iter().map(Into::into).collect() },
    }
}

#[async_trait(?Send)]
impl LeaveApi for DemoLeave {
    async fn balances(&self, year: i32) -> Result<Vec<TypeBalance>, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().balances(&self.core.company, member, year, self.core.now()))
    }

    async fn work_calendar(&self, from: i32, to: i32) -> Result<WorkCalendar, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().work_calendar(member, from, to))
    }

    async fn summary(&self) -> Result<LeaveSummary, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().summary(&self.core.company, member, self.core.now()))
    }

    async fn requests(&self) -> Result<Vec<RequestView>, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().my_requests(&self.core.company, member.id, self.core.now()))
    }

    async fn submit(&self, key: &str, draft: &LeaveDraft) -> Result<RequestView, ApiError> {
        let member = self.core.signed_in()?;
        let request = self.change(|book| book.submit(&self.core.company, member, key, draft, self.core.now()))?;
        Ok(self.viewed(request))
    }

    async fn request(&self, id: LeaveRequestId) -> Result<RequestView, ApiError> {
        let member = self.core.signed_in()?;
        self.book.borrow().request(&self.core.company, member, id, self.core.now()).map_err(api_error)
    }

    async fn withdraw(&self, id: LeaveRequestId) -> Result<RequestView, ApiError> {
        let member = self.core.signed_in()?;
        let request = self.change(|book| book.withdraw(member, id, self.core.now()))?;
        Ok(self.viewed(request))
    }

    async fn ask_cancellation(&self, id: LeaveRequestId) -> Result<RequestView, ApiError> {
        let member = self.core.signed_in()?;
        let request = self.change(|book| book.ask_cancellation(&self.core.company, member, id, self.core.now()))?;
        Ok(self.viewed(request))
    }

    async fn approvals(&self) -> Result<Vec<QueueItem>, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().queue(&self.core.company, member, self.core.now()))
    }

    async fn decide(&self, id: LeaveRequestId, verdict: &Verdict) -> Result<RequestView, ApiError> {
        let member = self.core.signed_in()?;
        let request = self.change(|book| book.decide(&self.core.company, member, id, verdict, self.core.now()))?;
        Ok(self.viewed(request))
    }

    async fn delegations(&self) -> Result<Vec<Delegation>, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().delegations_of(member.id))
    }

    async fn delegate(&self, draft: &DelegationDraft) -> Result<Delegation, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.delegate(&self.core.company, member, draft, self.core.now()))
    }

    async fn team_calendar(&self, day: Date, department: Option<DepartmentId>) -> Result<TeamCalendar, ApiError> {
        let member = self.core.signed_in()?;
        self.book.borrow().team_calendar(&self.core.company, member, department, day).map_err(api_error)
    }

    async fn audit(&self, leave_type: LeaveTypeId, year: i32) -> Result<Vec<AuditEntry>, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().audit_trail(&self.core.company, member, leave_type, year))
    }

    async fn hr_requests(&self, filter: &RequestFilter) -> Result<Vec<RequestView>, ApiError> {
        self.core.hr()?;
        Ok(self.book.borrow().all_requests(&self.core.company, filter, self.core.now()))
    }

    async fn requests_csv(&self, filter: &RequestFilter, year: i32, lang: Lang) -> Result<String, ApiError> {
        self.core.hr()?;
        Ok(self.book.borrow().payroll_csv(&self.core.company, filter, year, lang, self.core.now()))
    }

    async fn filter_choices(&self) -> Result<FilterChoices, ApiError> {
        self.core.hr()?;
        Ok(self.book.borrow().filter_choices(&self.core.company))
    }

    async fn types(&self) -> Result<Vec<LeaveType>, ApiError> {
        self.core.hr()?;
        Ok(self.book.borrow().types.clone())
    }

    async fn save_type(&self, leave_type: &LeaveType) -> Result<LeaveType, ApiError> {
        let hr = self.core.hr()?;
        self.change(|book| book.save_type(hr, leave_type))
    }

    async fn holidays(&self, year: i32) -> Result<HolidayCalendar, ApiError> {
        self.core.hr()?;
        Ok(self.book.borrow().settings.calendar_of(year))
    }

    async fn confirm_holidays(&self, calendar: &HolidayCalendar) -> Result<HolidayCalendar, ApiError> {
        let hr = self.core.hr()?;
        self.change(|book| book.confirm_holidays(hr, calendar))
    }

    async fn allocations(&self, year: i32) -> Result<Vec<MemberAllocation>, ApiError> {
        self.core.hr()?;
        Ok(self.book.borrow().allocations(&self.core.company, year, self.core.now()))
    }

    async fn adjust(&self, member: MemberId, draft: &AdjustmentDraft) -> Result<Allocation, ApiError> {
        let hr = self.core.hr()?;
        let holder = self.core.company.member(member).ok_or(ApiError::NotFound)?;
        self.change(|book| book.adjust(&self.core.company, hr, holder, draft, self.core.now()))
    }

    async fn member_audit(&self, member: MemberId, leave_type: LeaveTypeId, year: i32) -> Result<Vec<AuditEntry>, ApiError> {
        self.core.hr()?;
        let holder = self.core.company.member(member).ok_or(ApiError::NotFound)?;
        Ok(self.book.borrow().audit_trail(&self.core.company, holder, leave_type, year))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_start_opens_the_demo_company_leave() {
        assert_eq!(load(None), Ok(domain::seed::demo_leave()));
    }

    #[test]
    fn saved_leave_survives_a_reload() {
        let mut book = domain::seed::demo_leave();
        book.requests.truncate(2);
        assert_eq!(load(Some(&save(&book))), Ok(book));
    }

    #[test]
    fn damaged_leave_is_reset_alone_with_a_notice() {
        for raw in ["", "not json", r#"{"version":1,"data":{"types":"none"}}"#] {
            assert_eq!(load(Some(raw)), Err(Problem::Corrupt), "{raw:?}");
        }
        assert_eq!(load(Some(r#"{"version":99,"data":{}}"#)), Err(Problem::Incompatible { found: 99 }));
    }
}
