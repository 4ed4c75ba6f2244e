//! Annual leave entitlement (nghỉ hằng năm): the days a person may take in
//! one calendar year, by the kind of work they do, their seniority with the
//! employer and the months they work in that year.
//!
//! Labour Code 2019, Art. 113 and 114, and Decree 145/2020/NĐ-CP, Art. 66.
//! The result carries every step, so the SPA can show the sum rather than
//! a bare number.

use super::span::HalfDays;
use crate::date::{Date, Period};
use serde::{Deserialize, Serialize};

/// The kind of work, which sets the days for 12 months of work
/// (Labour Code 2019, Art. 113(1)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkCategory {
    /// Work in normal conditions: 12 days.
    Normal,
    /// A worker under 18 (lao động chưa thành niên): 14 days.
    Minor,
    /// A worker with a disability (lao động là người khuyết tật): 14 days.
    WithDisability,
    /// Heavy, hazardous or dangerous work (nặng nhọc, độc hại, nguy hiểm)
    /// on the ministry's list (Circular 11/2020/TT-BLĐTBXH): 14 days.
    Hazardous,
    /// Especially heavy, hazardous or dangerous work (đặc biệt nặng nhọc,
    /// độc hại, nguy hiểm) on the ministry's list: 16 days.
    EspeciallyHazardous,
}

impl WorkCategory {
    pub const ALL: [WorkCategory; 5] =
        [WorkCategory::Normal, WorkCategory::Minor, WorkCategory::WithDisability, WorkCategory::Hazardous, WorkCategory::EspeciallyHazardous];

    /// Working days of leave for 12 months of work, before seniority.
    pub const fn annual_days(self) -> i64 {
        match self {
            WorkCategory::Normal => 12,
            WorkCategory::Minor | WorkCategory::WithDisability | WorkCategory::Hazardous => 14,
            WorkCategory::EspeciallyHazardous => 16,
        }
    }
}

/// A year's entitlement and how it was reached:
/// `(base_days + seniority_days) ÷ 12 × months_worked`, rounded to `days`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entitlement {
    pub category: WorkCategory,
    /// Days for 12 months of this kind of work (Art. 113(1)).
    pub base_days: i64,
    /// One day for every full 5 years with the employer (Art. 114).
    pub seniority_days: i64,
    /// Months of the calendar year that count as worked, 0 to 12.
    pub months_worked: i64,
    /// All 12 months count, so nothing is prorated.
    pub full_year: bool,
    /// The exact, unrounded entitlement in twelfths of a day:
    /// `(base_days + seniority_days) × months_worked`.
    pub twelfths: i64,
    /// The days granted: `twelfths ÷ 12` rounded to a whole day, half up.
    pub days: HalfDays,
}

impl Entitlement {
    /// Days for 12 months of work, seniority included.
    pub fn annual_days(&self) -> i64 {
        self.base_days + self.seniority_days
    }

    /// The unrounded entitlement in hundredths of a day (half up), for the
    /// "14 ÷ 12 × 7 = 8.17 ≈ 8" a person checks by hand.
    pub fn unrounded_hundredths(&self) -> i64 {
        (self.twelfths * 100 + 6) / 12
    }
}

/// What `category` work earns in calendar `year` for someone hired on
/// `hired_on` (the first day that counts as time with the employer:
/// probation and training count when the person stays on, Decree 145 Art.
/// 65) whose last day of employment is `leaves_on`, if any.
/// `is_working_day` says which days are normal working days of their work
/// week, public holidays on them included: a paid day off counts as worked.
///
/// Months are counted from the later of `hired_on` and 1 January to the
/// earlier of `leaves_on` and 31 December. A month worked only in part
/// counts whole when its working days from the start, or up to the end, of
/// employment are at least half its normal working days (Decree 145 Art.
/// 66(2)); otherwise it does not count.
///
/// Seniority counts the full 5-year blocks reached by the last day worked
/// in the year, so the extra day belongs to the whole year in which the
/// anniversary falls. Art. 114 grants the day once 5 years are "đủ" and
/// says nothing of splitting a year, and this reading never grants less
/// than any other.
///
/// Rounding is to a whole day, half up: Decree 45/2013 Art. 7 said so
/// (MOLISA letter 2387/LĐTBXH-ATLĐ of 2019 restated it), and Decree 145
/// Art. 66(1), which replaced it, keeps the formula but says nothing of
/// rounding. `twelfths` keeps the exact value should a company round
/// otherwise.
pub fn annual_entitlement(category: WorkCategory, hired_on: Date, leaves_on: Option<Date>, year: i32, is_working_day: impl Fn(Date) -> bool) -> Entitlement {
    let calendar_year = Period::year_of(Date::new(year, 1, 1).expect("every year has a 1 January"));
    let from = hired_on.max(calendar_year.from);
    let to = leaves_on.map_or(calendar_year.to, |last| last.min(calendar_year.to));
    let worked = (from <= to).then_some(Period { from, to });

    let seniority_days = worked.map_or(0, |worked| i64::from(hired_on.whole_months_until(worked.to.plus_days(1)) / 60));
    let months_worked = worked.map_or(0, |worked| months_counted(worked, &is_working_day));
    let base_days = category.annual_days();
    let twelfths = (base_days + seniority_days) * months_worked;
    Entitlement { category, base_days, seniority_days, months_worked, full_year: months_worked == 12, twelfths, days: HalfDays::days((twelfths + 6) / 12) }
}

/// Calendar months of `worked` (within one year) where the working days
/// worked are at least half the month's normal working days; a month
/// worked whole always passes.
fn months_counted(worked: Period, is_working_day: &impl Fn(Date) -> bool) -> i64 {
    let months = worked.from.month()..=worked.to.month();
    let counted = months.filter(|&month| {
        let month = Period::month_of(Date::new(worked.from.year(), month, 1).expect("the 1st of every month exists"));
        let in_employment = Period { from: month.from.max(worked.from), to: month.to.min(worked.to) };
        2 * working_days(in_employment, is_working_day) >= working_days(month, is_working_day)
    });
    counted.count() as i64
}

fn working_days(period: Period, is_working_day: &impl Fn(Date) -> bool) -> i64 {
    let days = std::iter::successors(Some(period.from), |day| Some(day.plus_days(1))).take_while(|day| *day <= period.to);
    days.filter(|day| is_working_day(*day)).count() as i64
}
