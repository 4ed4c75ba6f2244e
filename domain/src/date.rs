//! Calendar dates in the company's time zone, Asia/Ho_Chi_Minh.
//!
//! Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed
//! offset is exact; this avoids shipping a time-zone database to the phone.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Seconds east of UTC for Asia/Ho_Chi_Minh.
pub const COMPANY_UTC_OFFSET_SECONDS: i64 = 7 * 3600;

/// A calendar date (proleptic Gregorian), serialised as ISO-8601 `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, or `None` when it does not exist (e.g. 31 February).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// The company-local date at a Unix instant given in milliseconds.
    pub fn from_unix_millis(millis: i64) -> Date {
        let local_seconds = millis.div_euclid(1000) + COMPANY_UTC_OFFSET_SECONDS;
        Date::from_days_since_epoch(local_seconds.div_euclid(86_400))
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Inverse of [`Date::days_since_epoch`] (`civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `days` later (earlier when negative).
    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }

    /// Whole months from `self` until `later` (0 when `later` is earlier).
    /// A month is complete on the same day-of-month, or on the last day of
    /// a shorter month (31 Jan → 28 Feb is one month).
    pub fn whole_months_until(self, later: Date) -> u32 {
        if later <= self {
            return 0;
        }
        let mut months = (later.year - self.year) * 12 + i32::from(later.month) - i32::from(self.month);
        let month_end = later.day == days_in_month(later.year, later.month);
        if later.day < self.day && !month_end {
            months -= 1;
        }
        months.max(0) as u32
    }

    /// The date `months` calendar months earlier, clamped to the month's end.
    pub fn months_earlier(self, months: u32) -> Date {
        let index = self.year * 12 + i32::from(self.month) - 1 - months as i32;
        let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }
}

/// A day of the week, Monday first as in Vietnam.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub const ALL: [Weekday; 7] =
        [Weekday::Monday, Weekday::Tuesday, Weekday::Wednesday, Weekday::Thursday, Weekday::Friday, Weekday::Saturday, Weekday::Sunday];
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

/// An instant, kept as Unix milliseconds and written as ISO-8601 in the
/// company's time zone (`2026-11-22T09:05:00+07:00`), so what a member reads
/// is the local wall-clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    pub fn from_unix_millis(millis: i64) -> Timestamp {
        Timestamp(millis)
    }

    pub fn unix_millis(self) -> i64 {
        self.0
    }

    /// The company-local calendar date of this instant.
    pub fn date(self) -> Date {
        Date::from_unix_millis(self.0)
    }

    /// Hours and minutes on the company's wall clock.
    pub fn local_time(self) -> (u8, u8) {
        let seconds = (self.0.div_euclid(1000) + COMPANY_UTC_OFFSET_SECONDS).rem_euclid(86_400);
        ((seconds / 3600) as u8, (seconds / 60 % 60) as u8)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = (self.0.div_euclid(1000) + COMPANY_UTC_OFFSET_SECONDS).rem_euclid(86_400);
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        write!(f, "{}T{h:02}:{m:02}:{s:02}+07:00", self.date())
    }
}

impl std::str::FromStr for Timestamp {
    type Err = String;
    /// Reads what [`Timestamp`]'s `Display` writes (whole seconds, +07:00).
    fn from_str(s: &str) -> Result<Timestamp, String> {
        let bad = || format!("expected a time as YYYY-MM-DDThh:mm:ss+07:00, got {s:?}");
        let (date, rest) = s.split_once('T').ok_or_else(bad)?;
        let time = rest.strip_suffix("+07:00").ok_or_else(bad)?;
        let date: Date = date.parse().map_err(|_| bad())?;
        let mut parts = time.splitn(3, ':').map(|p| digits::<i64>(p, 2));
        let mut next = || parts.next().flatten().ok_or_else(bad);
        let (h, m, sec) = (next()?, next()?, next()?);
        if h > 23 || m > 59 || sec > 59 {
            return Err(bad());
        }
        let local = date.days_since_epoch() * 86_400 + h * 3600 + m * 60 + sec;
        Ok(Timestamp((local - COMPANY_UTC_OFFSET_SECONDS) * 1000))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The first and last day of a period, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// The calendar year that contains `day`.
    pub fn year_of(day: Date) -> Period {
        let first = Date { year: day.year, month: 1, day: 1 };
        Period { from: first, to: Date { year: day.year, month: 12, day: 31 } }
    }

    /// The calendar month that contains `day`.
    pub fn month_of(day: Date) -> Period {
        Period { from: Date { day: 1, ..day }, to: Date { day: days_in_month(day.year, day.month), ..day } }
    }

    pub fn contains(self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("expected a date as YYYY-MM-DD, got {s:?}");
        let mut parts = s.splitn(3, '-');
        let mut next = || parts.next().ok_or_else(bad);
        let (y, m, d) = (next()?, next()?, next()?);
        let (year, month, day) = (digits(y, 4).ok_or_else(bad)?, digits(m, 2).ok_or_else(bad)?, digits(d, 2).ok_or_else(bad)?);
        Date::new(year, month, day).ok_or_else(bad)
    }
}

/// A field of `len` ASCII digits: no sign (Rust's integer parsing takes
/// `+1` and `-1`, which no date or time is written with).
fn digits<T: std::str::FromStr>(text: &str, len: usize) -> Option<T> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_ho_chi_minh_city() {
        // 2026-11-22T17:30:00Z is 00:30 on the 23rd in Vietnam.
        assert_eq!(Date::from_unix_millis(1_795_368_600_000), d("2026-11-23"));
        assert_eq!(Date::from_unix_millis(1_795_363_200_000), d("2026-11-22"));
    }

    #[test]
    fn weekdays_and_day_arithmetic_follow_the_calendar() {
        assert_eq!(d("2026-12-02").weekday(), Weekday::Wednesday);
        assert_eq!(d("2026-04-26").weekday(), Weekday::Sunday);
        assert_eq!(d("2026-12-31").plus_days(1), d("2027-01-01"));
        assert_eq!(d("2024-03-01").plus_days(-1), d("2024-02-29"));
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert!(Date::new(2025, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!("2026-13-01".parse::<Date>().is_err());
        assert!("2026-1-01".parse::<Date>().is_err());
        assert!("yesterday".parse::<Date>().is_err());
    }

    #[test]
    fn tenure_counts_whole_months_only() {
        assert_eq!(d("2023-03-15").whole_months_until(d("2026-03-14")), 35);
        assert_eq!(d("2023-03-15").whole_months_until(d("2026-03-15")), 36);
        assert_eq!(d("2026-01-31").whole_months_until(d("2026-02-28")), 1);
        assert_eq!(d("2026-05-01").whole_months_until(d("2026-04-01")), 0);
    }

    #[test]
    fn months_earlier_clamps_to_the_end_of_a_short_month() {
        assert_eq!(d("2026-03-31").months_earlier(1), d("2026-02-28"));
        assert_eq!(d("2026-01-15").months_earlier(13), d("2024-12-15"));
    }

    #[test]
    fn dates_travel_as_iso_strings() {
        let json = serde_json::to_string(&d("2026-07-04")).unwrap();
        assert_eq!(json, "\"2026-07-04\"");
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
    }

    #[test]
    fn times_are_written_on_the_company_clock() {
        // 2026-11-22T17:30:00Z is 00:30 on the 23rd in Vietnam.
        let late = Timestamp::from_unix_millis(1_795_368_600_000);
        assert_eq!(late.to_string(), "2026-11-23T00:30:00+07:00");
        assert_eq!(late.local_time(), (0, 30));
        assert_eq!("2026-11-23T00:30:00+07:00".parse::<Timestamp>(), Ok(late));
        assert!("2026-11-23T24:00:00+07:00".parse::<Timestamp>().is_err());
        assert!("2026-11-23T00:30:00Z".parse::<Timestamp>().is_err());
        for signed in ["2027-01-05T-1:00:00+07:00", "2027-01-05T09:00:+1+07:00", "2027-+1-05T09:00:00+07:00", "+027-01-05T09:00:00+07:00"] {
            assert!(signed.parse::<Timestamp>().is_err(), "{signed}: signs are not digits");
        }
    }

    #[test]
    fn periods_are_whole_calendar_months_and_years() {
        assert_eq!(Period::month_of(d("2024-02-10")), Period { from: d("2024-02-01"), to: d("2024-02-29") });
        assert_eq!(Period::year_of(d("2026-11-22")), Period { from: d("2026-01-01"), to: d("2026-12-31") });
        assert!(!Period::month_of(d("2026-11-22")).contains(d("2026-12-01")));
    }

    proptest! {
        #[test]
        fn timestamps_round_trip_to_the_second(seconds in -2_000_000_000i64..8_000_000_000) {
            let t = Timestamp::from_unix_millis(seconds * 1000);
            prop_assert_eq!(t.to_string().parse::<Timestamp>().unwrap(), t);
        }

        #[test]
        fn day_numbers_round_trip(days in -700_000i64..2_900_000) {
            let date = Date::from_days_since_epoch(days);
            prop_assert_eq!(date.days_since_epoch(), days);
            prop_assert_eq!(date.to_string().parse::<Date>().unwrap(), date);
        }

        #[test]
        fn going_back_n_months_gives_n_whole_months(days in 0i64..40_000, n in 0u32..600) {
            let today = Date::from_days_since_epoch(days);
            prop_assert_eq!(today.months_earlier(n).whole_months_until(today), n);
        }
    }
}
