//! Annual leave entitlement: days by kind of work, seniority, and the months
//! of the year a joiner or a leaver works.

use domain::benefits::{annual_entitlement, Entitlement, HalfDays, WorkCategory};
use domain::{Date, Weekday};
use proptest::prelude::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn monday_to_friday(day: Date) -> bool {
    !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
}

fn monday_to_saturday(day: Date) -> bool {
    day.weekday() != Weekday::Sunday
}

fn in_2026(category: WorkCategory, hired_on: &str, leaves_on: Option<&str>) -> Entitlement {
    annual_entitlement(category, d(hired_on), leaves_on.map(d), 2026, monday_to_friday)
}

fn normal_2026(hired_on: &str, leaves_on: Option<&str>) -> Entitlement {
    in_2026(WorkCategory::Normal, hired_on, leaves_on)
}

#[test]
fn a_full_year_gives_12_14_or_16_days_by_the_kind_of_work() {
    let days: Vec<_> = WorkCategory::ALL.iter().map(|&category| in_2026(category, "2024-03-01", None).days).collect();
    assert_eq!(days, [12, 14, 14, 14, 16].map(HalfDays::days));
    let normal = normal_2026("2024-03-01", None);
    assert!(normal.full_year);
    assert_eq!((normal.base_days, normal.seniority_days, normal.months_worked, normal.twelfths), (12, 0, 12, 144));
}

#[test]
fn every_full_five_years_with_the_employer_adds_a_day() {
    assert_eq!(normal_2026("2022-01-01", None).seniority_days, 1);
    assert_eq!(normal_2026("2022-01-01", None).days, HalfDays::days(13));
    assert_eq!(normal_2026("2017-01-01", None).days, HalfDays::days(14));
    assert_eq!(in_2026(WorkCategory::EspeciallyHazardous, "2017-01-01", None).days, HalfDays::days(18));
    // 4 years and 11 months by 31 December 2026.
    assert_eq!(normal_2026("2022-02-01", None).seniority_days, 0);
    assert_eq!(normal_2026("2022-02-01", None).days, HalfDays::days(12));
}

#[test]
fn the_seniority_day_belongs_to_the_whole_year_of_the_anniversary() {
    // Five years on 1 September 2026: the extra day is there from January.
    assert_eq!(normal_2026("2021-09-01", None).days, HalfDays::days(13));
    assert_eq!(normal_2026("2021-09-01", None).seniority_days, 1);
}

#[test]
fn a_leaver_gets_the_seniority_day_only_once_the_five_years_are_complete() {
    // Leaving on Friday 28 August: August counts (20 of 21 working days),
    // but the fifth year is a few days short.
    let short = normal_2026("2021-09-01", Some("2026-08-28"));
    assert_eq!((short.seniority_days, short.months_worked, short.twelfths, short.days), (0, 8, 96, HalfDays::days(8)));
    // Leaving on Monday 31 August completes it: 13 ÷ 12 × 8 = 8.67 ≈ 9.
    let complete = normal_2026("2021-09-01", Some("2026-08-31"));
    assert_eq!((complete.seniority_days, complete.months_worked, complete.twelfths, complete.days), (1, 8, 104, HalfDays::days(9)));
}

#[test]
fn a_joiner_on_1_june_gets_7_days() {
    let joiner = normal_2026("2026-06-01", None);
    assert_eq!((joiner.months_worked, joiner.twelfths, joiner.days), (7, 84, HalfDays::days(7)));
    assert!(!joiner.full_year);
    assert_eq!(joiner.unrounded_hundredths(), 700);
}

#[test]
fn a_joiner_on_20_march_does_not_get_march_with_8_of_its_22_working_days() {
    let joiner = normal_2026("2026-03-20", None);
    assert_eq!((joiner.months_worked, joiner.days), (9, HalfDays::days(9)));
}

#[test]
fn half_of_a_months_working_days_is_enough_for_the_month_to_count() {
    // Tuesday 17 March leaves 11 of March's 22 working days; Wednesday 18, 10.
    assert_eq!(normal_2026("2026-03-17", None).months_worked, 10);
    assert_eq!(normal_2026("2026-03-18", None).months_worked, 9);
}

#[test]
fn the_work_week_decides_whether_a_partial_month_counts() {
    // From 18 March a six-day week leaves 12 of 26 working days: still short.
    let six_days = annual_entitlement(WorkCategory::Normal, d("2026-03-18"), None, 2026, monday_to_saturday);
    assert_eq!(six_days.months_worked, 9);
    // From 17 March it leaves 13 of 26: exactly half.
    let six_days = annual_entitlement(WorkCategory::Normal, d("2026-03-17"), None, 2026, monday_to_saturday);
    assert_eq!(six_days.months_worked, 10);
}

#[test]
fn a_leaver_in_mid_may_with_eleven_years_gets_6_days() {
    // Friday 15 May is 11 of May's 21 working days: May counts.
    // (12 + 2) ÷ 12 × 5 = 5.83 ≈ 6.
    let leaver = normal_2026("2015-03-01", Some("2026-05-15"));
    assert_eq!((leaver.seniority_days, leaver.months_worked, leaver.twelfths), (2, 5, 70));
    assert_eq!(leaver.unrounded_hundredths(), 583);
    assert_eq!(leaver.days, HalfDays::days(6));
}

#[test]
fn a_fraction_below_a_half_rounds_down() {
    // (12 + 2) ÷ 12 × 7 = 8.17 ≈ 8.
    let leaver = normal_2026("2015-03-01", Some("2026-07-31"));
    assert_eq!(leaver.unrounded_hundredths(), 817);
    assert_eq!(leaver.days, HalfDays::days(8));
}

#[test]
fn exactly_half_a_day_rounds_up() {
    // 14 ÷ 12 × 3 = 3.5 ≈ 4.
    let joiner = in_2026(WorkCategory::Hazardous, "2026-10-01", None);
    assert_eq!((joiner.twelfths, joiner.unrounded_hundredths(), joiner.days), (42, 350, HalfDays::days(4)));
    // 13 ÷ 12 × 6 = 6.5 ≈ 7.
    let leaver = normal_2026("2021-01-01", Some("2026-06-30"));
    assert_eq!((leaver.twelfths, leaver.days), (78, HalfDays::days(7)));
}

#[test]
fn someone_who_does_not_work_in_the_year_gets_nothing() {
    for nobody in [normal_2026("2027-01-04", None), normal_2026("2015-03-01", Some("2025-12-31"))] {
        assert_eq!((nobody.seniority_days, nobody.months_worked, nobody.twelfths, nobody.days), (0, 0, 0, HalfDays::ZERO));
        assert!(!nobody.full_year);
    }
}

#[test]
fn the_computation_travels_to_the_spa() {
    let json = serde_json::to_value(normal_2026("2026-06-01", None)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "category": "normal", "base_days": 12, "seniority_days": 0, "months_worked": 7,
            "full_year": false, "twelfths": 84, "days": 14
        })
    );
    let category: WorkCategory = serde_json::from_str("\"especially_hazardous\"").unwrap();
    assert_eq!(category, WorkCategory::EspeciallyHazardous);
}

fn any_category() -> impl Strategy<Value = WorkCategory> {
    proptest::sample::select(WorkCategory::ALL.to_vec())
}

fn any_week() -> impl Strategy<Value = fn(Date) -> bool> {
    prop_oneof![Just(monday_to_friday as fn(Date) -> bool), Just(monday_to_saturday as fn(Date) -> bool)]
}

/// A day between 1995 and 2031.
fn any_day() -> impl Strategy<Value = Date> {
    (9_131i64..22_645).prop_map(Date::from_days_since_epoch)
}

proptest! {
    #[test]
    fn a_prorated_year_never_exceeds_a_full_one(
        category in any_category(), week in any_week(), hired_on in any_day(), leaves_on in proptest::option::of(any_day()), year in 2020..2031
    ) {
        let entitlement = annual_entitlement(category, hired_on, leaves_on, year, week);
        prop_assert!((0..=12).contains(&entitlement.months_worked));
        prop_assert!(entitlement.days <= HalfDays::days(entitlement.annual_days()));
        prop_assert!(entitlement.days <= annual_entitlement(category, hired_on, None, year, week).days);
    }

    #[test]
    fn staying_longer_never_earns_less(
        category in any_category(), week in any_week(), hired_on in any_day(), a in any_day(), b in any_day(), year in 2020..2031
    ) {
        let (earlier, later) = (a.min(b), a.max(b));
        let leaves_earlier = annual_entitlement(category, hired_on, Some(earlier), year, week);
        let leaves_later = annual_entitlement(category, hired_on, Some(later), year, week);
        prop_assert!(leaves_earlier.months_worked <= leaves_later.months_worked);
        prop_assert!(leaves_earlier.days <= leaves_later.days);
        let joins_earlier = annual_entitlement(category, earlier, None, year, week);
        let joins_later = annual_entitlement(category, later, None, year, week);
        prop_assert!(joins_earlier.months_worked >= joins_later.months_worked);
        prop_assert!(joins_earlier.days >= joins_later.days);
    }
}
