//! Leave for members and approvers: the home card, balances and requests,
//! the request form, one request with its timeline, the approval queue,
//! the team calendar and delegations.

mod approvals;
mod audit;
mod card;
mod delegations;
mod form;
mod leave;
mod request;
mod team;

pub use approvals::ApprovalsPage;
pub use audit::AuditTrail;
pub use card::HomeCard;
pub use delegations::DelegationsPage;
pub use form::RequestForm;
pub use leave::LeavePage;
pub use request::RequestPage;
pub use team::TeamPage;
