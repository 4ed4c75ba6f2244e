//! Leave is counted in half days: a request starts in the morning or the
//! afternoon of its first day and ends at noon or in the evening of its
//! last, so half days add up exactly and two half days never overlap.

use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Which half of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Half {
    Morning,
    Afternoon,
}

/// One half of one day: the unit leave is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slot {
    pub date: Date,
    pub half: Half,
}

impl Slot {
    fn next(self) -> Slot {
        match self.half {
            Half::Morning => Slot { date: self.date, half: Half::Afternoon },
            Half::Afternoon => Slot { date: self.date.plus_days(1), half: Half::Morning },
        }
    }
}

/// The days a request covers, both ends included: from the morning (a full
/// first day) or the afternoon of `from`, to noon or the evening (a full
/// last day) of `to`. A morning alone is `from == to`, `starts =
/// Morning`, `ends = Morning`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LeaveSpan {
    pub from: Date,
    pub starts: Half,
    pub to: Date,
    pub ends: Half,
}

impl LeaveSpan {
    /// Whole days from `from` to `to`.
    pub fn full_days(from: Date, to: Date) -> LeaveSpan {
        LeaveSpan { from, starts: Half::Morning, to, ends: Half::Afternoon }
    }

    fn first(self) -> Slot {
        Slot { date: self.from, half: self.starts }
    }

    fn last(self) -> Slot {
        Slot { date: self.to, half: self.ends }
    }

    /// False when the end comes before the start.
    pub fn is_ordered(self) -> bool {
        self.first() <= self.last()
    }

    /// Every half day covered, in order (none when not ordered).
    pub fn slots(self) -> impl Iterator<Item = Slot> {
        let last = self.last();
        std::iter::successors(Some(self.first()), |slot| Some(slot.next())).take_while(move |slot| *slot <= last)
    }

    /// True when the two share at least one half day.
    pub fn overlaps(self, other: LeaveSpan) -> bool {
        self.is_ordered() && other.is_ordered() && self.first() <= other.last() && other.first() <= self.last()
    }

    /// True when the span touches `date`.
    pub fn touches(self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }
}

/// A number of leave days kept as half days, so ½ + ½ is exactly 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HalfDays(pub i64);

impl HalfDays {
    pub const ZERO: HalfDays = HalfDays(0);

    pub fn days(days: i64) -> HalfDays {
        HalfDays(days * 2)
    }

    pub fn is_whole(self) -> bool {
        self.0 % 2 == 0
    }
}

impl std::ops::Add for HalfDays {
    type Output = HalfDays;
    fn add(self, other: HalfDays) -> HalfDays {
        HalfDays(self.0 + other.0)
    }
}

impl std::ops::Sub for HalfDays {
    type Output = HalfDays;
    fn sub(self, other: HalfDays) -> HalfDays {
        HalfDays(self.0 - other.0)
    }
}

impl std::iter::Sum for HalfDays {
    fn sum<I: Iterator<Item = HalfDays>>(iter: I) -> HalfDays {
        HalfDays(iter.map(|h| h.0).sum())
    }
}

/// "2", "1.5", "-0.5": days as the number a person reads (the SPA puts the
/// locale's decimal mark).
impl fmt::Display for HalfDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let whole = self.0.abs() / 2;
        if self.is_whole() {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.5")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn a_span_from_an_afternoon_to_a_noon_covers_the_halves_between() {
        let span = LeaveSpan { from: d("2026-12-03"), starts: Half::Afternoon, to: d("2026-12-04"), ends: Half::Morning };
        let slots: Vec<_> = span.slots().collect();
        assert_eq!(slots, vec![Slot { date: d("2026-12-03"), half: Half::Afternoon }, Slot { date: d("2026-12-04"), half: Half::Morning }]);
    }

    #[test]
    fn a_morning_and_an_afternoon_of_one_day_do_not_overlap() {
        let day = d("2026-12-03");
        let morning = LeaveSpan { from: day, starts: Half::Morning, to: day, ends: Half::Morning };
        let afternoon = LeaveSpan { from: day, starts: Half::Afternoon, to: day, ends: Half::Afternoon };
        assert!(!morning.overlaps(afternoon));
        assert!(LeaveSpan::full_days(day, day).overlaps(afternoon));
    }

    #[test]
    fn an_afternoon_that_ends_at_noon_of_the_same_day_is_not_ordered() {
        let day = d("2026-12-03");
        let backwards = LeaveSpan { from: day, starts: Half::Afternoon, to: day, ends: Half::Morning };
        assert!(!backwards.is_ordered());
        assert_eq!(backwards.slots().count(), 0);
    }

    #[test]
    fn half_days_print_as_people_read_them() {
        assert_eq!(HalfDays(3).to_string(), "1.5");
        assert_eq!(HalfDays(-1).to_string(), "-0.5");
        assert_eq!(HalfDays::days(12).to_string(), "12");
    }
}
