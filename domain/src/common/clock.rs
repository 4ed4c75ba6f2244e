//! Where "now" comes from. Every rule takes `now` as a parameter; the
//! server and the demo backend get it from a `Clock` they were given, so a
//! test pins the date instead of depending on the day it runs.

use crate::date::Timestamp;

/// A source of the current instant.
pub trait Clock {
    fn now(&self) -> Timestamp;
}

/// A clock that always reads the same instant: tests, demos, and a server
/// started with `--now`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedClock(pub Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_reads_the_instant_it_was_given() {
        let at: Timestamp = "2026-11-20T10:00:00+07:00".parse().unwrap();
        assert_eq!(FixedClock(at).now(), at);
        assert_eq!(FixedClock(at).now().date().to_string(), "2026-11-20");
    }
}
