//! Benefits (Phúc lợi): leave that follows Vietnamese labour law.
//!
//! The law is data plus rules: holidays with the years they apply
//! (`holidays`), the lunar calendar they follow (`lunar`), the site's work
//! week and the days a request costs (`calendar`), annual entitlement
//! (`entitlement`). On them: leave types (`leave_type`), requests and their
//! approvals (`request`, `approval`), balances (`balance`), what HR sets
//! company-wide (`settings`) and the operations (`use_cases`).

pub mod approval;
pub mod balance;
pub mod book;
pub mod calendar;
pub mod entitlement;
pub mod holidays;
pub mod leave_type;
pub mod lunar;
pub mod reports;
pub mod request;
pub mod settings;
pub mod span;
pub mod use_cases;

pub use approval::{Approver, Delegation};
pub use balance::{Adjustment, Allocation, Balance};
pub use book::LeaveBook;
pub use calendar::{Cost, DayOff, SkippedDay, WorkCalendar, WorkWeek};
pub use entitlement::{annual_entitlement, Entitlement, WorkCategory};
pub use holidays::{holidays_in, labour_code_2019, propose, CalendarProblem, Holiday, HolidayCalendar, HolidayDates, HolidayKind, HolidayRule};
pub use leave_type::{CarryOver, Chain, Grant, LeaveType, LeaveTypeId};
pub use lunar::{lunar_new_year, lunar_to_solar};
pub use request::{Approval, Decision, LeaveDraft, LeaveRequest, LeaveRequestId, LeaveStatus, Step};
pub use settings::{LeaveSettings, SiteWorkWeek};
pub use span::{Half, HalfDays, LeaveSpan, Slot};
pub use use_cases::{Holder, LeaveError, LeaveFacts};
