//! What a leave request costs at an office and at a factory, with the
//! holidays and days in lieu of the Labour Code 2019.

use domain::benefits::{propose, DayOff, Half, HalfDays, HolidayKind, LeaveSpan, SkippedDay, WorkCalendar, WorkWeek};
use domain::Date;
use proptest::prelude::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn calendar(work_week: WorkWeek) -> WorkCalendar {
    WorkCalendar::new(work_week, (2026..=2028).flat_map(propose).collect())
}

fn office() -> WorkCalendar {
    calendar(WorkWeek::MondayToFriday)
}

fn factory() -> WorkCalendar {
    calendar(WorkWeek::MondayToSaturday)
}

fn days(from: &str, to: &str) -> LeaveSpan {
    LeaveSpan::full_days(d(from), d(to))
}

/// Each skipped day as "date reason", e.g. "2027-02-06 tet".
fn skipped(list: &[SkippedDay]) -> Vec<String> {
    list.iter()
        .map(|day| match &day.reason {
            DayOff::WeeklyRest => format!("{} weekly rest", day.date),
            DayOff::Holiday(holiday) => format!("{} {}", day.date, holiday.name.en),
            DayOff::InLieu(holiday) => format!("{} in lieu of {} {}", day.date, holiday.name.en, holiday.date),
        })
        .collect()
}

#[test]
fn friday_to_monday_costs_two_days_at_an_office_and_three_at_a_factory() {
    let span = days("2026-03-06", "2026-03-09");
    let at_office = office().cost(span);
    assert_eq!(at_office.working, HalfDays::days(2));
    assert_eq!(skipped(&at_office.skipped), ["2026-03-07 weekly rest", "2026-03-08 weekly rest"]);
    let at_factory = factory().cost(span);
    assert_eq!(at_factory.working, HalfDays::days(3));
    assert_eq!(skipped(&at_factory.skipped), ["2026-03-08 weekly rest"]);
}

#[test]
fn a_full_day_and_two_half_days_add_up_to_the_span_across_them() {
    let office = office();
    let tuesday_afternoon = LeaveSpan { from: d("2026-03-10"), starts: Half::Afternoon, to: d("2026-03-10"), ends: Half::Afternoon };
    let wednesday = days("2026-03-11", "2026-03-11");
    let thursday_morning = LeaveSpan { from: d("2026-03-12"), starts: Half::Morning, to: d("2026-03-12"), ends: Half::Morning };
    let parts = [tuesday_afternoon, wednesday, thursday_morning].map(|span| office.cost(span).working);
    assert_eq!(parts, [HalfDays(1), HalfDays(2), HalfDays(1)]);
    let whole = LeaveSpan { from: d("2026-03-10"), starts: Half::Afternoon, to: d("2026-03-12"), ends: Half::Morning };
    assert_eq!(office.cost(whole).working, parts.into_iter().sum());
    assert_eq!(office.cost(whole).working.to_string(), "2");
}

#[test]
fn a_request_over_tet_2027_spends_only_the_working_days_and_names_the_rest() {
    // Tết Đinh Mùi: Friday 5 to Tuesday 9 February; Saturday and Sunday are
    // made up on Wednesday 10 and Thursday 11 at an office.
    let cost = office().cost(days("2027-02-01", "2027-02-12"));
    // Monday 1 to Thursday 4, and Friday 12.
    assert_eq!(cost.working, HalfDays::days(5));
    assert_eq!(
        skipped(&cost.skipped),
        [
            "2027-02-05 Lunar New Year (Tết)",
            "2027-02-06 Lunar New Year (Tết)",
            "2027-02-07 Lunar New Year (Tết)",
            "2027-02-08 Lunar New Year (Tết)",
            "2027-02-09 Lunar New Year (Tết)",
            "2027-02-10 in lieu of Lunar New Year (Tết) 2027-02-06",
            "2027-02-11 in lieu of Lunar New Year (Tết) 2027-02-07",
        ]
    );
    let tet = cost.skipped.iter().filter(|day| matches!(&day.reason, DayOff::Holiday(h) if h.kind == HolidayKind::Tet)).count();
    assert_eq!(tet, 5);
}

#[test]
fn a_factory_makes_up_only_the_sunday_of_tet_2027() {
    let cost = factory().cost(days("2027-02-01", "2027-02-12"));
    // Mon-Thu 1-4, Thu 11, Fri 12 worked; Wednesday 10 makes up for Sunday 7.
    assert_eq!(cost.working, HalfDays::days(6));
    assert_eq!(skipped(&cost.skipped)[5..], ["2027-02-10 in lieu of Lunar New Year (Tết) 2027-02-07".to_owned()]);
}

#[test]
fn hung_kings_day_on_sunday_26_april_2026_gives_an_office_monday_27_off() {
    let office = office();
    let day_off = office.day_off(d("2026-04-27"));
    match day_off {
        Some(DayOff::InLieu(holiday)) => {
            assert_eq!(holiday.kind, HolidayKind::HungKings);
            assert_eq!(holiday.date, d("2026-04-26"));
        }
        other => panic!("expected a day in lieu, got {other:?}"),
    }
    assert!(matches!(office.day_off(d("2026-04-26")), Some(DayOff::Holiday(_))));
    assert_eq!(office.day_off(d("2026-04-28")), None);
}

#[test]
fn a_saturday_holiday_gives_an_office_a_day_in_lieu_but_not_a_factory() {
    // Labour Day 2027 is a Saturday.
    assert_eq!(d("2027-05-01").weekday(), domain::Weekday::Saturday);
    assert!(matches!(office().day_off(d("2027-05-03")), Some(DayOff::InLieu(h)) if h.kind == HolidayKind::Labour));
    assert_eq!(factory().day_off(d("2027-05-03")), None);
    assert_eq!(office().cost(days("2027-05-03", "2027-05-03")).working, HalfDays::ZERO);
    assert_eq!(factory().cost(days("2027-05-03", "2027-05-03")).working, HalfDays::days(1));
}

#[test]
fn days_in_lieu_queue_up_behind_each_other() {
    let in_lieu: Vec<_> = office().days_in_lieu().into_iter().map(|(day, holiday)| (day.to_string(), holiday.date.to_string())).collect();
    let in_2027: Vec<_> = in_lieu.iter().filter(|(day, _)| day.starts_with("2027")).cloned().collect();
    assert_eq!(
        in_2027,
        [
            ("2027-02-10".to_owned(), "2027-02-06".to_owned()),
            ("2027-02-11".to_owned(), "2027-02-07".to_owned()),
            ("2027-05-03".to_owned(), "2027-05-01".to_owned()),
        ]
    );
}

#[test]
fn a_half_day_on_a_holiday_costs_nothing_and_is_skipped_once() {
    let afternoon_of_new_year = LeaveSpan { from: d("2027-01-01"), starts: Half::Afternoon, to: d("2027-01-01"), ends: Half::Afternoon };
    let cost = office().cost(afternoon_of_new_year);
    assert_eq!(cost.working, HalfDays::ZERO);
    assert_eq!(skipped(&cost.skipped), ["2027-01-01 New Year's Day"]);
}

fn span_in_2026_to_2028() -> impl Strategy<Value = LeaveSpan> {
    let start = d("2026-01-01").days_since_epoch();
    let end = d("2028-12-31").days_since_epoch();
    let half = prop_oneof![Just(Half::Morning), Just(Half::Afternoon)];
    (start..=end, 0i64..90, half.clone(), half).prop_map(move |(from, length, starts, ends)| LeaveSpan {
        from: Date::from_days_since_epoch(from),
        starts,
        to: Date::from_days_since_epoch((from + length).min(end)),
        ends,
    })
}

proptest! {
    #[test]
    fn working_half_days_never_exceed_two_per_calendar_day(span in span_in_2026_to_2028(), factory_site in any::<bool>()) {
        let calendar = if factory_site { factory() } else { office() };
        let cost = calendar.cost(span);
        let calendar_days = span.to.days_since_epoch() - span.from.days_since_epoch() + 1;
        prop_assert!(cost.working.0 <= 2 * calendar_days);
        prop_assert_eq!(cost.working.0 as usize, span.slots().filter(|slot| calendar.day_off(slot.date).is_none()).count());
        prop_assert!(cost.skipped.windows(2).all(|pair| pair[0].date < pair[1].date));
    }
}
