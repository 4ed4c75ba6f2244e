//! What every portal needs: the clock, and (as portals arrive) the shapes
//! they share.

pub mod clock;

pub use clock::{Clock, FixedClock};
