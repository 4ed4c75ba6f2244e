//! Contract types and every business rule of Nội bộ.
//!
//! This crate knows nothing of Leptos, HTTP, SQL or the browser: the SPA's
//! demo backend and the reference server both call it, so a rule lives here
//! once and is tested natively.

pub mod audience;
pub mod benefits;
pub mod common;
pub mod company;
pub mod date;
pub mod feedback;
pub mod member;
pub mod offering;
pub mod seed;
pub mod session;
pub mod store;
pub mod training;

pub use audience::{Audience, Check, Condition, Eligibility, Requirement, Segment};
pub use company::{Company, MemberProfile, OfferingStatus, TeamMember};
pub use date::{Date, Period, Timestamp, Weekday};
pub use member::{Department, DepartmentId, EmploymentType, Lang, LocalizedText, Member, MemberId, Role, Site, SiteId};
pub use offering::{Offering, OfferingId, OfferingKind};
pub use session::Credentials;
