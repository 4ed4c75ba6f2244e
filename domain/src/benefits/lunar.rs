//! The Vietnamese lunar calendar (âm lịch), which places Tết and the Hùng
//! Kings' day.
//!
//! Hồ Ngọc Đức's algorithm (informatik.uni-leipzig.de/~duc/amlich), with
//! the astronomy of Meeus' "Astronomical Algorithms": a month starts on the
//! local day of a new moon, month 11 holds the winter solstice, and a year
//! with 13 months repeats the first month that holds no major solar term.
//! Days are counted at UTC+7, which is why Vietnam's Tết can differ from
//! China's (UTC+8): a month earlier in 1985, a day earlier in 2007 and 2030.

use crate::date::{Date, COMPANY_UTC_OFFSET_SECONDS};
use std::f64::consts::PI;

/// UTC+7 as a fraction of a day.
const TIME_ZONE: f64 = COMPANY_UTC_OFFSET_SECONDS as f64 / 86_400.0;
/// Julian day number of 1970-01-01, to step between `Date` and astronomy.
const UNIX_EPOCH_JDN: i64 = 2_440_588;
/// Julian day of the new moon of 1900-01-01, new moon number 0.
const FIRST_NEW_MOON: f64 = 2_415_021.076_998_695;
const SYNODIC_MONTH: f64 = 29.530_588_853;
const RADIAN: f64 = PI / 180.0;

/// The solar date of a lunar date, or `None` when it does not exist: a
/// 30th in a 29-day month, or a leap month the year does not have.
pub fn lunar_to_solar(year: i32, month: u8, day: u8, leap: bool) -> Option<Date> {
    let (start, length) = month_start(year, month, leap)?;
    (1..=length).contains(&i64::from(day)).then(|| date_of(start + i64::from(day) - 1))
}

/// The first day of the lunar year that mostly overlaps `year`.
pub fn lunar_new_year(year: i32) -> Date {
    lunar_to_solar(year, 1, 1, false).expect("every lunar year has a first month")
}

/// The Julian day number the month starts on and its length in days.
fn month_start(year: i32, month: u8, leap: bool) -> Option<(i64, i64)> {
    if !(1..=12).contains(&month) {
        return None;
    }
    // Months 11 and 12 follow the solstice of `year`; the rest precede it.
    let (a11, b11) = if month < 11 { (month_11_start(year - 1), month_11_start(year)) } else { (month_11_start(year), month_11_start(year + 1)) };
    let k = ((a11 as f64 - FIRST_NEW_MOON) / SYNODIC_MONTH + 0.5).floor() as i64;
    let mut offset = (i64::from(month) - 11).rem_euclid(12);
    let has_leap_month = b11 - a11 > 365;
    if has_leap_month {
        let leap_offset = leap_month_offset(a11);
        // The leap month repeats the name of the month before it.
        let leap_month = (leap_offset + 9).rem_euclid(12) + 1;
        if leap && i64::from(month) != leap_month {
            return None;
        }
        if leap || offset >= leap_offset {
            offset += 1;
        }
    } else if leap {
        return None;
    }
    let start = new_moon_day(k + offset);
    Some((start, new_moon_day(k + offset + 1) - start))
}

/// The Julian day number that starts lunar month 11 (the one holding the
/// winter solstice) near the end of `year`.
fn month_11_start(year: i32) -> i64 {
    let december_31 = jdn(Date::new(year, 12, 31).expect("31 December exists"));
    let k = ((december_31 as f64 - FIRST_NEW_MOON) / SYNODIC_MONTH).floor() as i64;
    let new_moon = new_moon_day(k);
    // Past 270° the solstice came before this month began.
    if major_term(new_moon) >= 9 {
        new_moon_day(k - 1)
    } else {
        new_moon
    }
}

/// Which month after the month 11 starting on `a11` is the leap month: the
/// first with no major term, seen as the same sector at both its ends.
fn leap_month_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - FIRST_NEW_MOON) / SYNODIC_MONTH + 0.5).floor() as i64;
    (1..13).find(|i| major_term(new_moon_day(k + i)) == major_term(new_moon_day(k + i + 1))).unwrap_or(13)
}

/// The local (UTC+7) Julian day number of the `k`-th new moon after 1900-01-01.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k) + 0.5 + TIME_ZONE).floor() as i64
}

/// Which 30° sector of the sun's path (0 from the March equinox) the sun is
/// in at local midnight starting the day `jdn`.
fn major_term(jdn: i64) -> i64 {
    (sun_longitude(jdn as f64 - 0.5 - TIME_ZONE) / PI * 6.0).floor() as i64
}

/// The Julian day (UT) of the `k`-th new moon after 1900-01-01.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3) = (t * t, t * t * t);
    let mean =
        2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3 + 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * RADIAN).sin();
    let sun = (359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3) * RADIAN;
    let moon = (306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3) * RADIAN;
    let latitude = (21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3) * RADIAN;
    let correction = (0.1734 - 0.000_393 * t) * sun.sin() + 0.0021 * (2.0 * sun).sin() - 0.4068 * moon.sin() + 0.0161 * (2.0 * moon).sin()
        - 0.0004 * (3.0 * moon).sin()
        + 0.0104 * (2.0 * latitude).sin()
        - 0.0051 * (sun + moon).sin()
        - 0.0074 * (sun - moon).sin()
        + 0.0004 * (2.0 * latitude + sun).sin()
        - 0.0004 * (2.0 * latitude - sun).sin()
        - 0.0006 * (2.0 * latitude + moon).sin()
        + 0.0010 * (2.0 * latitude - moon).sin()
        + 0.0005 * (2.0 * moon + sun).sin();
    // Terrestrial time runs ahead of the Earth's rotation (ΔT).
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    mean + correction - delta_t
}

/// The sun's longitude in radians, in [0, 2π), at Julian day `jd`.
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0;
    let t2 = t * t;
    let anomaly = (357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2) * RADIAN;
    let mean = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let centre =
        (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * anomaly.sin() + (0.019_993 - 0.000_101 * t) * (2.0 * anomaly).sin() + 0.000_290 * (3.0 * anomaly).sin();
    ((mean + centre) * RADIAN).rem_euclid(2.0 * PI)
}

fn jdn(date: Date) -> i64 {
    date.days_since_epoch() + UNIX_EPOCH_JDN
}

fn date_of(jdn: i64) -> Date {
    Date::from_days_since_epoch(jdn - UNIX_EPOCH_JDN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn tet_falls_on_the_dates_vietnam_celebrated() {
        let years = [
            (2023, "2023-01-22"),
            (2024, "2024-02-10"),
            (2025, "2025-01-29"),
            (2026, "2026-02-17"),
            (2027, "2027-02-06"),
            (2028, "2028-01-26"),
            (2029, "2029-02-13"),
        ];
        for (year, date) in years {
            assert_eq!(lunar_new_year(year), d(date), "Tết {year}");
        }
    }

    #[test]
    fn tet_follows_the_new_moon_at_utc_plus_7_even_when_china_differs() {
        // China (UTC+8) celebrated on 1985-02-20 and 2007-02-18, and will on
        // 2030-02-03: that new moon comes just after 23:00 in Hà Nội, after midnight
        // in Beijing.
        assert_eq!(lunar_new_year(1985), d("1985-01-21"));
        assert_eq!(lunar_new_year(2007), d("2007-02-17"));
        assert_eq!(lunar_new_year(2030), d("2030-02-02"));
    }

    #[test]
    fn hung_kings_day_is_the_tenth_of_the_third_lunar_month() {
        assert_eq!(lunar_to_solar(2024, 3, 10, false), Some(d("2024-04-18")));
        assert_eq!(lunar_to_solar(2025, 3, 10, false), Some(d("2025-04-07")));
        assert_eq!(lunar_to_solar(2026, 3, 10, false), Some(d("2026-04-26")));
        assert_eq!(lunar_to_solar(2027, 3, 10, false), Some(d("2027-04-16")));
    }

    #[test]
    fn a_leap_month_exists_only_in_its_year_and_pushes_the_later_months() {
        // Quý Mão 2023 repeated its second month; Ất Tỵ 2025 its sixth.
        assert_eq!(lunar_to_solar(2023, 2, 1, true), Some(d("2023-03-22")));
        assert_eq!(lunar_to_solar(2023, 3, 1, false), Some(d("2023-04-20")));
        assert_eq!(lunar_to_solar(2025, 6, 1, true), Some(d("2025-07-25")));
        assert_eq!(lunar_to_solar(2024, 2, 1, true), None);
        assert_eq!(lunar_to_solar(2023, 3, 1, true), None);
    }

    #[test]
    fn impossible_lunar_dates_have_no_solar_date() {
        assert_eq!(lunar_to_solar(2026, 13, 1, false), None);
        assert_eq!(lunar_to_solar(2026, 1, 0, false), None);
        assert_eq!(lunar_to_solar(2026, 1, 31, false), None);
        // The last month of Ất Tỵ has 29 days: Tết Bính Ngọ follows its 29th.
        assert_eq!(lunar_to_solar(2025, 12, 29, false), Some(d("2026-02-16")));
        assert_eq!(lunar_to_solar(2025, 12, 30, false), None);
    }
}
