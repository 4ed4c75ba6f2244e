use super::HrLeaveFrame;
use crate::components::{errors_at, ActionError, FieldMessages};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::benefits::{today, use_leave};
use domain::benefits::HolidayCalendar;
use leptos::prelude::*;

/// A year's public holidays: proposed from the law and the lunar calendar,
/// moved where the company chooses (its 5 Tết days), then confirmed.
#[component]
pub fn HrHolidays() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_leave();
    let year = RwSignal::new(today().year() + 1);
    let calendar = {
        let api = api.clone();
        LocalResource::new(move || {
            let (api, year) = (api.clone(), year.get());
            async move { api.holidays(year).await }
        })
    };
    let edited = RwSignal::new(None::<HolidayCalendar>);
    Effect::new(move |_| edited.set(calendar.get().and_then(Result::ok)));
    let confirm = Action::new_local(move |c: &HolidayCalendar| {
        let (api, c) = (api.clone(), c.clone());
        async move { api.confirm_holidays(&c).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(c)) = confirm.value().get() {
            edited.set(Some(c));
        }
    });
    let failure = move || confirm.value().get().and_then(Result::err);
    view! {
        <HrLeaveFrame title=Key::HrLeaveHolidays>
            <div class="field">
                <label for="holiday-year"><Tr key=Key::LeaveYear/></label>
                <select id="holiday-year" prop:value=move || year.get().to_string() on:change=move |ev| if let Ok(y) = event_target_value(&ev).parse() { year.set(y) }>
                    {(today().year()..=today().year() + 1).map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                </select>
            </div>
            {move || edited.get().map(|c| view! {
                <p class="badge" class:badge-done=c.confirmed data-testid="holidays-state">{move || i18n.t(if c.confirmed { Key::LeaveHolidaysConfirmed } else { Key::LeaveHolidaysProposed })}</p>
            })}
            <FieldMessages errors=Signal::derive(move || errors_at(&failure(), "holidays")) id="holidays-error".to_owned()/>
            <ul class="leave-list" data-testid="holidays">
                {move || edited.get().map(|c| c.holidays.into_iter().enumerate().map(|(i, h)| {
                    let id = format!("holiday-{i}");
                    let field = format!("holidays[{i}].date");
                    view! {
                        <li class="field">
                            <label for=id.clone()>{move || h.name.get(i18n.lang()).to_owned()}</label>
                            <input id=id.clone() type="date" prop:value=h.date.to_string() aria-describedby=format!("{id}-error")
                                on:change=move |ev| if let Ok(d) = event_target_value(&ev).parse() { edited.update(|c| if let Some(c) = c { c.holidays[i].date = d; c.confirmed = false; }) }/>
                            <FieldMessages errors=Signal::derive(move || errors_at(&failure(), &field)) id=format!("{id}-error")/>
                        </li>
                    }
                }).collect_view())}
            </ul>
            {move || failure().filter(|e| !matches!(e, crate::api::ApiError::Invalid { .. })).map(|error| view! { <ActionError error kept=Key::FormKept/> })}
            <button class="button" disabled=move || confirm.pending().get() on:click=move |_| { if let Some(c) = edited.get_untracked() { confirm.dispatch(c); } }><Tr key=Key::LeaveHolidaysConfirm/></button>
        </HrLeaveFrame>
    }
}
