//! What HR sets for leave company-wide: each site's work week and each
//! year's holiday calendar.

use crate::benefits::calendar::{Cost, WorkCalendar, WorkWeek};
use crate::benefits::holidays::{Holiday, HolidayCalendar};
use crate::benefits::span::LeaveSpan;
use crate::date::Date;
use crate::member::SiteId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteWorkWeek {
    pub site: SiteId,
    pub work_week: WorkWeek,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaveSettings {
    /// Sites not listed work Monday to Friday.
    pub work_weeks: Vec<SiteWorkWeek>,
    /// HR's calendars; a year without one keeps the proposed holidays.
    pub calendars: Vec<HolidayCalendar>,
}

impl LeaveSettings {
    pub fn work_week(&self, site: SiteId) -> WorkWeek {
        self.work_weeks.iter().find(|w| w.site == site).map_or(WorkWeek::MondayToFriday, |w| w.work_week)
    }

    /// The year's holidays: HR's calendar, else the law's proposal.
    pub fn calendar_of(&self, year: i32) -> HolidayCalendar {
        self.calendars.iter().find(|c| c.year == year).cloned().unwrap_or_else(|| HolidayCalendar::proposed(year))
    }

    /// `site`'s working calendar over the years `from` to `to` (and the
    /// year before, whose late holidays can owe a day in lieu in January).
    pub fn work_calendar(&self, site: SiteId, from: i32, to: i32) -> WorkCalendar {
        let holidays: Vec<Holiday> = (from - 1..=to).flat_map(|year| self.calendar_of(year).holidays).collect();
        WorkCalendar::new(self.work_week(site), holidays)
    }

    /// What `span` costs someone working at `site`.
    pub fn cost(&self, site: SiteId, span: LeaveSpan) -> Cost {
        self.work_calendar(site, span.from.year(), span.to.year()).cost(span)
    }

    /// Whether `day` is a normal working day at `site` (holidays included).
    pub fn works_on(&self, site: SiteId, day: Date) -> bool {
        self.work_week(site).works_on(day.weekday())
    }
}
