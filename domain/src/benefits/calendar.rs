//! Which days a member works, and what a leave request costs.
//!
//! A request only spends working days: weekly rest, holidays and days in
//! lieu are skipped, and the member is told which and why. A holiday that
//! falls on the weekly rest gives a day off on the next working day (Labour
//! Code 2019, Art. 111(3)), so the same holiday can move an office's week
//! and not a factory's.

use super::holidays::Holiday;
use super::span::{HalfDays, LeaveSpan};
use crate::date::{Date, Period, Weekday};
use serde::{Deserialize, Serialize};

/// The days a site works each week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkWeek {
    /// Offices.
    MondayToFriday,
    /// Factory sites.
    MondayToSaturday,
}

impl WorkWeek {
    pub fn works_on(self, day: Weekday) -> bool {
        match day {
            Weekday::Sunday => false,
            Weekday::Saturday => self == WorkWeek::MondayToSaturday,
            _ => true,
        }
    }

    /// The days in `period` this week works, holidays and days in lieu
    /// included: annual leave is prorated on days worked, and paid holidays
    /// count as worked.
    pub fn working_days_in(self, period: Period) -> u32 {
        let days = (period.to.days_since_epoch() - period.from.days_since_epoch() + 1).max(0);
        (0..days).filter(|&offset| self.works_on(period.from.plus_days(offset).weekday())).count() as u32
    }
}

/// Why a member does not work on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "holiday", rename_all = "snake_case")]
pub enum DayOff {
    WeeklyRest,
    Holiday(Holiday),
    /// The day off owed for this holiday, which fell on the weekly rest.
    InLieu(Holiday),
}

/// A day a request covers but does not spend.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedDay {
    pub date: Date,
    pub reason: DayOff,
}

/// What a request spends: its half days on working days, and the days it
/// skips, each once, in date order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cost {
    pub working: HalfDays,
    pub skipped: Vec<SkippedDay>,
}

/// A site's work week with the holidays it keeps (for every year a request
/// may touch, so a day in lieu can cross into January).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCalendar {
    pub work_week: WorkWeek,
    pub holidays: Vec<Holiday>,
}

impl WorkCalendar {
    pub fn new(work_week: WorkWeek, holidays: Vec<Holiday>) -> WorkCalendar {
        WorkCalendar { work_week, holidays }
    }

    /// Each day in lieu and the holiday it makes up for, in holiday order: the
    /// first working day after the holiday that is neither a holiday nor
    /// already given for an earlier one.
    pub fn days_in_lieu(&self) -> Vec<(Date, &Holiday)> {
        let mut holidays: Vec<&Holiday> = self.holidays.iter().collect();
        holidays.sort_by_key(|holiday| holiday.date);
        let mut given: Vec<(Date, &Holiday)> = Vec::new();
        for holiday in holidays.into_iter().filter(|holiday| !self.work_week.works_on(holiday.date.weekday())) {
            let taken = |day: Date| !self.work_week.works_on(day.weekday()) || self.holiday_on(day).is_some() || given.iter().any(|(d, _)| *d == day);
            let day = (1..).map(|offset| holiday.date.plus_days(offset)).find(|&day| !taken(day)).expect("endless days hold a working day");
            given.push((day, holiday));
        }
        given
    }

    /// Why the member does not work on `date`, or `None` on a working day.
    pub fn day_off(&self, date: Date) -> Option<DayOff> {
        self.day_off_given(date, &self.days_in_lieu())
    }

    /// The half days `span` spends and the days it skips.
    pub fn cost(&self, span: LeaveSpan) -> Cost {
        let in_lieu = self.days_in_lieu();
        let mut working = HalfDays::ZERO;
        let mut skipped: Vec<SkippedDay> = Vec::new();
        for slot in span.slots() {
            match self.day_off_given(slot.date, &in_lieu) {
                None => working = working + HalfDays(1),
                Some(reason) if skipped.last().is_none_or(|last| last.date != slot.date) => skipped.push(SkippedDay { date: slot.date, reason }),
                Some(_) => {}
            }
        }
        Cost { working, skipped }
    }

    fn day_off_given(&self, date: Date, in_lieu: &[(Date, &Holiday)]) -> Option<DayOff> {
        if let Some(holiday) = self.holiday_on(date) {
            return Some(DayOff::Holiday(holiday.clone()));
        }
        if let Some((_, holiday)) = in_lieu.iter().find(|(day, _)| *day == date) {
            return Some(DayOff::InLieu((*holiday).clone()));
        }
        (!self.work_week.works_on(date.weekday())).then_some(DayOff::WeeklyRest)
    }

    fn holiday_on(&self, date: Date) -> Option<&Holiday> {
        self.holidays.iter().find(|holiday| holiday.date == date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::benefits::HolidayKind;
    use crate::member::LocalizedText;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn offices_rest_on_saturday_and_factories_only_on_sunday() {
        assert!(!WorkWeek::MondayToFriday.works_on(Weekday::Saturday));
        assert!(WorkWeek::MondayToSaturday.works_on(Weekday::Saturday));
        assert!(!WorkWeek::MondayToSaturday.works_on(Weekday::Sunday));
        assert!(WorkWeek::MondayToFriday.works_on(Weekday::Monday));
    }

    #[test]
    fn working_days_count_holidays_as_worked() {
        // January 2026: 22 weekdays including New Year's Day, plus 5 Saturdays.
        let january = Period::month_of(d("2026-01-15"));
        assert_eq!(WorkWeek::MondayToFriday.working_days_in(january), 22);
        assert_eq!(WorkWeek::MondayToSaturday.working_days_in(january), 27);
        assert_eq!(WorkWeek::MondayToFriday.working_days_in(Period { from: d("2026-01-02"), to: d("2026-01-01") }), 0);
    }

    #[test]
    fn skipped_days_tell_the_interface_why() {
        let holiday = Holiday { date: d("2026-04-26"), name: LocalizedText::new("Giỗ Tổ Hùng Vương", "Hùng Kings"), kind: HolidayKind::HungKings };
        let json = serde_json::to_value(SkippedDay { date: d("2026-04-27"), reason: DayOff::InLieu(holiday) }).unwrap();
        assert_eq!(json["reason"]["kind"], "in_lieu");
        assert_eq!(json["reason"]["holiday"]["kind"], "hung_kings");
        assert_eq!(json["reason"]["holiday"]["date"], "2026-04-26");
        assert_eq!(serde_json::to_string(&DayOff::WeeklyRest).unwrap(), r#"{"kind":"weekly_rest"}"#);
    }
}
