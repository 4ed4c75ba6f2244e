use crate::browser::app_href;
use crate::components::Loadable;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::benefits::labels::{day_off, span};
use crate::portals::benefits::{today, use_leave};
use domain::benefits::reports::{CalendarRow, TeamCalendar};
use domain::benefits::DayOff;
use domain::{Date, DepartmentId, Weekday};
use leptos::prelude::*;
use leptos_router::components::A;

/// The team's month: who is off which day (pending marked), holidays and
/// rest days. Managers see their team; HR picks a department.
#[component]
pub fn TeamPage() -> impl IntoView {
    let day = RwSignal::new(today());
    let department = RwSignal::new(None::<DepartmentId>);
    let api = use_leave();
    let month = LocalResource::new(move || {
        let (api, day, department) = (api.clone(), day.get(), department.get());
        async move { api.team_calendar(day, department).await }
    });
    let step = move |months: i32| {
        day.update(|d| {
            let index = d.year() * 12 + i32::from(d.month()) - 1 + months;
            *d = Date::new(index.div_euclid(12), (index.rem_euclid(12) + 1) as u8, 1).expect("the first of a month exists");
        })
    };
    view! {
        <A href=app_href("/benefits") attr:class="back-link"><Tr key=Key::LeaveBack/></A>
        <h1><Tr key=Key::LeaveTeam/></h1>
        <div class="actions month-nav">
            <button class="button secondary" on:click=move |_| step(-1)><Tr key=Key::LeavePreviousMonth/></button>
            <button class="button secondary" on:click=move |_| step(1)><Tr key=Key::LeaveNextMonth/></button>
        </div>
        <Loadable resource=month skeleton_lines=8 render=move |calendar| view! { <Month calendar department/> }/>
    }
}

#[component]
fn Month(calendar: TeamCalendar, department: RwSignal<Option<DepartmentId>>) -> impl IntoView {
    let i18n = use_i18n();
    let TeamCalendar { month, department: shown, departments, rows } = calendar;
    let first = month.from;
    let lead = Weekday::ALL.iter().position(|w| *w == first.weekday()).unwrap_or(0);
    let length = (month.to.days_since_epoch() - month.from.days_since_epoch() + 1) as usize;
    let cells: Vec<Option<Date>> = (0..lead).map(|_| None).chain((0..length).map(|i| Some(first.plus_days(i as i64)))).collect();
    let weeks: Vec<Vec<Option<Date>>> = cells.chunks(7).map(|week| week.to_vec()).collect();
    let rows = StoredValue::new(rows);
    let cell = move |day: Date| {
        let (everyone_off, holiday) = rows.with_value(|rows| {
            let off = !rows.is_empty() && rows.iter().all(|r| r.days_off.iter().any(|(d, _)| *d == day));
            let holiday = rows.iter().flat_map(|r| &r.days_off).find(|(d, why)| *d == day && !matches!(why, DayOff::WeeklyRest)).map(|(_, why)| why.clone());
            (off, holiday)
        });
        let away: Vec<(String, String, bool)> = rows.with_value(|rows| {
            rows.iter().filter_map(|r| r.absences.iter().find(|a| a.span.touches(day)).map(|a| (initials(&r.name), r.name.clone(), a.pending))).collect()
        });
        let is_holiday = holiday.is_some();
        view! {
            <td class:rest=everyone_off class:holiday=is_holiday>
                <span class="day-number">{day.day()}</span>
                {holiday.map(|why| view! { <span class="visually-hidden">{day_off(&why, i18n.lang())}</span> })}
                {away.into_iter().map(|(short, name, pending)| view! {
                    <span class="chip" class:pending=pending title=name.clone()>
                        {let name = name.clone(); view! {
                        <span aria-hidden="true">{short}</span>
                        <span class="visually-hidden">{move || if pending { i18n.fill(Key::LeavePendingName, &[("name", &name)]) } else { name.clone() }}</span>
                        }}
                    </span>
                }).collect_view()}
            </td>
        }
    };
    let weekday_keys = [Key::LeaveMon, Key::LeaveTue, Key::LeaveWed, Key::LeaveThu, Key::LeaveFri, Key::LeaveSat, Key::LeaveSun];
    view! {
        {(!departments.is_empty()).then(|| view! {
            <div class="field">
                <label for="team-department"><Tr key=Key::LeaveDepartment/></label>
                <select id="team-department" prop:value=shown.map(|d| d.0.to_string()).unwrap_or_default()
                    on:change=move |ev| department.set(event_target_value(&ev).parse().ok().map(DepartmentId))>
                    {departments.into_iter().map(|d| view! { <option value=d.id.0.to_string()>{move || d.name.get(i18n.lang()).to_owned()}</option> }).collect_view()}
                </select>
            </div>
        })}
        <table class="month" data-testid="team-calendar">
            <caption>{move || i18n.fill(Key::LeaveMonthOf, &[("month", &first.month().to_string()), ("year", &first.year().to_string())])}</caption>
            <thead><tr>{weekday_keys.into_iter().map(|k| view! { <th scope="col">{move || i18n.t(k)}</th> }).collect_view()}</tr></thead>
            <tbody>
                {weeks.into_iter().map(|week| view! {
                    <tr>{week.into_iter().map(|day| match day {
                        Some(day) => cell(day).into_any(),
                        None => view! { <td class="outside"></td> }.into_any(),
                    }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
        <p class="muted legend"><span class="chip" aria-hidden="true">"AB"</span>" "<Tr key=Key::LeaveLegendApproved/>" · "<span class="chip pending" aria-hidden="true">"AB"</span>" "<Tr key=Key::LeaveLegendPending/>" · "<span class="legend-holiday"></span>" "<Tr key=Key::LeaveLegendHoliday/></p>
        <h2><Tr key=Key::LeaveWhoIsOff/></h2>
        <ul class="leave-list" data-testid="team-absences">
            {rows.get_value().into_iter().filter(|r| !r.absences.is_empty()).map(|row| view! { <PersonAbsences row/> }).collect_view()}
        </ul>
    }
}

#[component]
fn PersonAbsences(row: CalendarRow) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="card">
            <strong>{row.name}</strong>
            <ul>
                {row.absences.into_iter().map(|a| view! {
                    <li>{move || span(a.span, i18n.lang())}{a.pending.then(|| view! { " " <span class="badge badge-placed"><Tr key=Key::LeaveStatusPending/></span> })}</li>
                }).collect_view()}
            </ul>
        </li>
    }
}

/// "Trần Thị Lan" → "TL": family and given name, as a chip in a day cell.
fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    [words.first(), words.last()].into_iter().flatten().filter_map(|w| w.chars().next()).collect()
}
