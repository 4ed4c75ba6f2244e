//! Public holidays (Labour Code 2019, Art. 112) as versioned data.
//!
//! Each rule names the years it applies, so when the law changes the old
//! row gets an `until_year` and the new one a `from_year`, and past years
//! still compute as they were. The law fixes most dates; for Tết and
//! National Day the Prime Minister decides the days each year (Art. 112(3)),
//! so [`propose`] offers a documented guess that HR confirms or adjusts in a
//! [`HolidayCalendar`].

use super::lunar::{lunar_new_year, lunar_to_solar};
use crate::date::{Date, Weekday};
use crate::member::LocalizedText;
use serde::{Deserialize, Serialize};

/// Which holiday a day belongs to, so the interface can group and explain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    NewYear,
    Tet,
    HungKings,
    Reunification,
    Labour,
    NationalDay,
    /// A holiday a later law adds before it has a kind of its own; the name says which.
    Other,
}

/// One paid day off for everyone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub date: Date,
    pub name: LocalizedText,
    pub kind: HolidayKind,
}

/// Where a rule's days fall in a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayDates {
    /// One Gregorian date.
    Solar { month: u8, day: u8 },
    /// One date of a (non-leap) lunar month.
    Lunar { month: u8, day: u8 },
    /// The last `old_year_days` of the old lunar year, then the first
    /// `new_year_days` of the new one.
    LunarNewYear { old_year_days: u8, new_year_days: u8 },
    /// A Gregorian date and the adjacent day proposed for it: the neighbour
    /// that is a Monday-to-Friday day, preferring one that joins a weekend.
    WithAdjacentDay { month: u8, day: u8 },
}

/// One row of the law: a holiday and the years it applies, both included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HolidayRule {
    pub kind: HolidayKind,
    pub name: LocalizedText,
    pub dates: HolidayDates,
    pub from_year: i32,
    pub until_year: Option<i32>,
}

impl HolidayRule {
    pub fn applies_in(&self, year: i32) -> bool {
        self.from_year <= year && self.until_year.is_none_or(|until| year <= until)
    }

    fn dates_in(&self, year: i32) -> Vec<Date> {
        match self.dates {
            HolidayDates::Solar { month, day } => Date::new(year, month, day).into_iter().collect(),
            HolidayDates::Lunar { month, day } => lunar_to_solar(year, month, day, false).into_iter().collect(),
            HolidayDates::LunarNewYear { old_year_days, new_year_days } => {
                let first = lunar_new_year(year);
                (-i64::from(old_year_days)..i64::from(new_year_days)).map(|offset| first.plus_days(offset)).collect()
            }
            HolidayDates::WithAdjacentDay { month, day } => Date::new(year, month, day).into_iter().flat_map(|date| [date, adjacent_day(date)]).collect(),
        }
    }
}

/// The Labour Code 2019 (in force from 1 January 2021), Art. 112(1): 11 days.
///
/// Tết is proposed as the last day of the old lunar year and the first four
/// of the new, so the first four days of the year are all off: the first of
/// the two splits employers could choose under the 2012 Code (1 + 4 or
/// 2 + 3). Since 2021 the Prime Minister decides (Art. 112(3)); HR moves a
/// day to match.
pub fn labour_code_2019() -> Vec<HolidayRule> {
    let rule = |kind, vi, en, dates| HolidayRule { kind, name: LocalizedText::new(vi, en), dates, from_year: 2021, until_year: None };
    vec![
        rule(HolidayKind::NewYear, "Tết Dương lịch", "New Year's Day", HolidayDates::Solar { month: 1, day: 1 }),
        rule(HolidayKind::Tet, "Tết Nguyên đán", "Lunar New Year (Tết)", HolidayDates::LunarNewYear { old_year_days: 1, new_year_days: 4 }),
        rule(HolidayKind::HungKings, "Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day", HolidayDates::Lunar { month: 3, day: 10 }),
        rule(HolidayKind::Reunification, "Ngày Chiến thắng", "Reunification Day", HolidayDates::Solar { month: 4, day: 30 }),
        rule(HolidayKind::Labour, "Ngày Quốc tế Lao động", "International Labour Day", HolidayDates::Solar { month: 5, day: 1 }),
        rule(HolidayKind::NationalDay, "Quốc khánh", "National Day", HolidayDates::WithAdjacentDay { month: 9, day: 2 }),
    ]
}

/// The holidays `rules` give in `year`, by date.
pub fn holidays_in(rules: &[HolidayRule], year: i32) -> Vec<Holiday> {
    let mut holidays: Vec<Holiday> = rules
        .iter()
        .filter(|rule| rule.applies_in(year))
        .flat_map(|rule| rule.dates_in(year).into_iter().map(|date| Holiday { date, name: rule.name.clone(), kind: rule.kind }))
        .collect();
    holidays.sort_by_key(|holiday| holiday.date);
    holidays
}

/// The holidays the current law gives in `year`, by date, for HR to confirm.
pub fn propose(year: i32) -> Vec<Holiday> {
    holidays_in(&labour_code_2019(), year)
}

/// The day proposed next to `day` (2 September): the neighbour that is a
/// Monday-to-Friday day, preferring one that joins a weekend, else the day
/// before. It matches the decisions of 2021-2025 (3/9, 1/9, 1/9, 3/9, 1/9).
fn adjacent_day(day: Date) -> Date {
    let (before, after) = (day.plus_days(-1), day.plus_days(1));
    let preference = |date: Date| match date.weekday() {
        Weekday::Saturday | Weekday::Sunday => 0,
        Weekday::Monday | Weekday::Friday => 2,
        _ => 1,
    };
    if preference(after) > preference(before) {
        after
    } else {
        before
    }
}

/// A year's holidays as HR keeps them: proposed from the law, adjusted to
/// the Prime Minister's decision, then confirmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayCalendar {
    pub year: i32,
    pub holidays: Vec<Holiday>,
    pub confirmed: bool,
}

/// Why HR cannot confirm a holiday calendar as it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum CalendarProblem {
    OutsideYear {
        date: Date,
    },
    DateTwice {
        date: Date,
    },
    /// HR may move a holiday's days, not add or drop them: Tết needs 5.
    WrongNumberOfDays {
        kind: HolidayKind,
        expected: usize,
        found: usize,
    },
}

impl HolidayCalendar {
    /// The law's days for `year`, not yet confirmed.
    pub fn proposed(year: i32) -> HolidayCalendar {
        HolidayCalendar { year, holidays: propose(year), confirmed: false }
    }

    /// What stops this calendar being confirmed under the current law.
    pub fn validate(&self) -> Vec<CalendarProblem> {
        self.validate_under(&labour_code_2019())
    }

    /// What stops this calendar being confirmed under `rules`.
    pub fn validate_under(&self, rules: &[HolidayRule]) -> Vec<CalendarProblem> {
        let mut problems = Vec::new();
        let mut seen: Vec<Date> = Vec::new();
        for holiday in &self.holidays {
            if holiday.date.year() != self.year {
                problems.push(CalendarProblem::OutsideYear { date: holiday.date });
            }
            if seen.contains(&holiday.date) {
                problems.push(CalendarProblem::DateTwice { date: holiday.date });
            }
            seen.push(holiday.date);
        }
        let law = holidays_in(rules, self.year);
        let mut kinds: Vec<HolidayKind> = law.iter().chain(&self.holidays).map(|holiday| holiday.kind).collect();
        kinds.sort();
        kinds.dedup();
        for kind in kinds {
            let count = |holidays: &[Holiday]| holidays.iter().filter(|holiday| holiday.kind == kind).count();
            let (expected, found) = (count(&law), count(&self.holidays));
            if expected != found {
                problems.push(CalendarProblem::WrongNumberOfDays { kind, expected, found });
            }
        }
        problems
    }

    /// The calendar marked confirmed, or why it cannot be.
    pub fn confirm(mut self) -> Result<HolidayCalendar, Vec<CalendarProblem>> {
        let problems = self.validate();
        if !problems.is_empty() {
            return Err(problems);
        }
        self.holidays.sort_by_key(|holiday| holiday.date);
        self.confirmed = true;
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn dates(holidays: &[Holiday]) -> Vec<String> {
        holidays.iter().map(|holiday| holiday.date.to_string()).collect()
    }

    #[test]
    fn the_2026_proposal_has_the_eleven_days_of_article_112_in_date_order() {
        let holidays = propose(2026);
        assert_eq!(
            dates(&holidays),
            [
                "2026-01-01",
                "2026-02-16",
                "2026-02-17",
                "2026-02-18",
                "2026-02-19",
                "2026-02-20",
                "2026-04-26",
                "2026-04-30",
                "2026-05-01",
                "2026-09-01",
                "2026-09-02"
            ]
        );
        assert_eq!(holidays[1].kind, HolidayKind::Tet);
        assert_eq!(holidays[6].name.vi, "Giỗ Tổ Hùng Vương");
    }

    #[test]
    fn tet_2027_starts_on_the_last_day_of_the_old_year() {
        let tet: Vec<_> = propose(2027).into_iter().filter(|holiday| holiday.kind == HolidayKind::Tet).collect();
        assert_eq!(dates(&tet), ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"]);
    }

    #[test]
    fn the_day_next_to_national_day_matches_the_governments_recent_choices() {
        let chosen = |year| propose(year).into_iter().filter(|h| h.kind == HolidayKind::NationalDay).map(|h| h.date).collect::<Vec<_>>();
        assert_eq!(chosen(2021), [d("2021-09-02"), d("2021-09-03")]);
        assert_eq!(chosen(2022), [d("2022-09-01"), d("2022-09-02")]);
        assert_eq!(chosen(2023), [d("2023-09-01"), d("2023-09-02")]);
        assert_eq!(chosen(2024), [d("2024-09-02"), d("2024-09-03")]);
        assert_eq!(chosen(2025), [d("2025-09-01"), d("2025-09-02")]);
    }

    #[test]
    fn a_new_holiday_is_a_new_row_and_earlier_years_are_unchanged() {
        let mut rules = labour_code_2019();
        rules.push(HolidayRule {
            kind: HolidayKind::Other,
            name: LocalizedText::new("Ngày Văn hóa Việt Nam", "Vietnamese Culture Day"),
            dates: HolidayDates::Solar { month: 11, day: 24 },
            from_year: 2027,
            until_year: None,
        });
        assert_eq!(holidays_in(&rules, 2026), propose(2026));
        let holidays_2027 = holidays_in(&rules, 2027);
        assert_eq!(holidays_2027.len(), 12);
        assert_eq!(holidays_2027.last().map(|h| (h.date, h.kind)), Some((d("2027-11-24"), HolidayKind::Other)));
    }

    #[test]
    fn a_rule_ends_with_its_until_year() {
        let mut rules = labour_code_2019();
        rules.iter_mut().filter(|rule| rule.kind == HolidayKind::NationalDay).for_each(|rule| rule.until_year = Some(2026));
        assert_eq!(holidays_in(&rules, 2026).len(), 11);
        assert_eq!(holidays_in(&rules, 2027).len(), 9);
        assert!(propose(2020).is_empty());
    }

    #[test]
    fn hr_confirms_the_proposal_or_hears_what_is_wrong() {
        let confirmed = HolidayCalendar::proposed(2026).confirm().unwrap();
        assert!(confirmed.confirmed);

        let mut adjusted = HolidayCalendar::proposed(2026);
        adjusted.holidays.retain(|holiday| holiday.date != d("2026-02-20"));
        adjusted.holidays[0].date = d("2025-12-31");
        adjusted.holidays[8].date = d("2026-09-02");
        assert_eq!(
            adjusted.confirm(),
            Err(vec![
                CalendarProblem::OutsideYear { date: d("2025-12-31") },
                CalendarProblem::DateTwice { date: d("2026-09-02") },
                CalendarProblem::WrongNumberOfDays { kind: HolidayKind::Tet, expected: 5, found: 4 },
            ])
        );
    }

    #[test]
    fn hr_may_move_a_day_the_government_moved() {
        let mut calendar = HolidayCalendar::proposed(2026);
        let national_day = calendar.holidays.iter_mut().find(|holiday| holiday.date == d("2026-09-01")).unwrap();
        national_day.date = d("2026-09-03");
        assert_eq!(calendar.validate(), []);
    }

    #[test]
    fn holiday_kinds_travel_in_snake_case() {
        assert_eq!(serde_json::to_string(&HolidayKind::HungKings).unwrap(), "\"hung_kings\"");
        let problem = CalendarProblem::WrongNumberOfDays { kind: HolidayKind::Tet, expected: 5, found: 4 };
        assert_eq!(serde_json::to_string(&problem).unwrap(), r#"{"problem":"wrong_number_of_days","kind":"tet","expected":5,"found":4}"#);
    }
}
