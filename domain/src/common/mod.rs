//! What every portal needs: rule violations and the one wire shape of a
//! field error, paging, access (who is HR, who manages whom), the clock
//! and randomness.

pub mod access;
pub mod clock;
pub mod csv;
pub mod page;
pub mod random;
pub mod text;
pub mod violation;

pub use access::{is_hr, manager_of, manages, require_hr, require_manager_of, Forbidden};
pub use clock::{Clock, FixedClock};
pub use page::{paging_violations, Page, MAX_PER_PAGE};
pub use random::Random;
pub use violation::{FieldError, Rule, Violation, WholeRange};
