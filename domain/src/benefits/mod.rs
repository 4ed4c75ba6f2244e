//! Benefits (Phúc lợi): leave that follows Vietnamese labour law.
//!
//! The law is data plus rules: holidays with the years they apply
//! (`holidays`), the lunar calendar they follow (`lunar`), the site's work
//! week and the days a request costs (`calendar`), annual entitlement
//! (`entitlement`), and the leave types, requests, approvals and balances
//! built on them.

pub mod span;

pub use span::{Half, HalfDays, LeaveSpan, Slot};
