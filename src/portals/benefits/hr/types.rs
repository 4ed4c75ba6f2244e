use super::HrLeaveFrame;
use crate::components::{errors_at, ActionError, FieldMessages, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::benefits::{leave_resource, use_leave};
use domain::benefits::leave_type::BACK_DATING_DAYS;
use domain::benefits::{Chain, Grant, LeaveType};
use domain::common::FieldError;
use leptos::prelude::*;

/// The leave types: what each grants, whether it is paid, who approves,
/// how far back a request may start.
#[component]
pub fn HrTypes() -> impl IntoView {
    let types = leave_resource(|api| async move { api.types().await });
    view! {
        <HrLeaveFrame title=Key::HrLeaveTypes>
            <Loadable resource=types skeleton_lines=8 render=|types| view! {
                <ul class="leave-list" data-testid="leave-types">{types.into_iter().map(|t| view! { <TypeCard leave_type=t/> }).collect_view()}</ul>
            }/>
        </HrLeaveFrame>
    }
}

#[component]
fn TypeCard(leave_type: LeaveType) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_leave();
    let current = StoredValue::new(leave_type.clone());
    let two_steps = RwSignal::new(leave_type.chain == Chain::ManagerThenHr);
    let back = RwSignal::new(leave_type.back_dating_days.to_string());
    let save = Action::new_local(move |t: &LeaveType| {
        let (api, t) = (api.clone(), t.clone());
        async move { api.save_type(&t).await }
    });
    let found = RwSignal::new(Vec::<FieldError>::new());
    let failure = move || save.value().get().and_then(Result::err);
    let id = leave_type.id.0;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match BACK_DATING_DAYS.read("back_dating_days", &back.get()) {
            Ok(days) => {
                found.set(vec![]);
                let chain = if two_steps.get() { Chain::ManagerThenHr } else { Chain::Manager };
                save.dispatch(LeaveType { chain, back_dating_days: days as u32, ..current.get_value() });
            }
            Err(v) => found.set(vec![v.into()]),
        }
    };
    let grant = move || match leave_type.grant {
        Grant::Annual { category } => i18n.fill(Key::LeaveGrantAnnual, &[("days", &category.annual_days().to_string())]),
        Grant::PerOccasion { days } => i18n.fill(Key::LeaveGrantOccasion, &[("days", &days.to_string())]),
        Grant::ByAgreement => i18n.t(Key::LeaveByAgreement).to_owned(),
    };
    let name = leave_type.name.clone();
    view! {
        <li class="card">
            <h2 class="h3">{move || name.get(i18n.lang()).to_owned()}</h2>
            <p class="muted">{grant}" · "{move || i18n.t(if leave_type.paid { Key::LeavePaid } else { Key::LeaveUnpaid })}</p>
            <form class="stack" on:submit=submit novalidate>
                <label class="check"><input type="checkbox" prop:checked=move || two_steps.get() on:change=move |ev| two_steps.set(event_target_checked(&ev))/><Tr key=Key::LeaveTwoSteps/></label>
                <div class="field">
                    <label for=format!("back-{id}")><Tr key=Key::LeaveBackDating/></label>
                    <input id=format!("back-{id}") type="text" inputmode="numeric" aria-describedby=format!("back-{id}-error") prop:value=move || back.get() on:input=move |ev| back.set(event_target_value(&ev))/>
                    <FieldMessages errors=Signal::derive(move || found.get().into_iter().chain(errors_at(&failure(), "back_dating_days")).collect::<Vec<_>>()) id=format!("back-{id}-error")/>
                </div>
                {move || failure().filter(|e| !matches!(e, crate::api::ApiError::Invalid { .. })).map(|error| view! { <ActionError error kept=Key::FormKept/> })}
                <button type="submit" class="button" disabled=move || save.pending().get()><Tr key=Key::HrStoreSave/></button>
                <p role="status" class="muted">{move || matches!(save.value().get(), Some(Ok(_))).then(|| i18n.t(Key::HrStoreSaved))}</p>
            </form>
        </li>
    }
}
