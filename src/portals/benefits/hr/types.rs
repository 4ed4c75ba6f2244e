use super::HrLeaveFrame;
use crate::components::{errors_at, from_wire_name, wire_name, ActionError, FieldMessages, Loadable};
use crate::i18n::labels::employment_people_key;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::benefits::{leave_resource, use_leave};
use domain::benefits::leave_type::{BACK_DATING_DAYS, CARRY_OVER_DAYS, GRANT_DAYS};
use domain::benefits::{CarryOver, Chain, Grant, LeaveType, WorkCategory};
use domain::common::{FieldError, Violation};
use domain::{Condition, Date, EmploymentType};
use leptos::prelude::*;

/// The leave types: what each grants (the law's category for annual leave,
/// days each time for personal leave), paid or not, who may take it, who
/// approves, carry-over and how far back a request may start.
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

fn category_key(category: WorkCategory) -> Key {
    match category {
        WorkCategory::Normal => Key::LeaveCategoryNormal,
        WorkCategory::Minor => Key::LeaveCategoryMinor,
        WorkCategory::WithDisability => Key::LeaveCategoryWithDisability,
        WorkCategory::Hazardous => Key::LeaveCategoryHazardous,
        WorkCategory::EspeciallyHazardous => Key::LeaveCategoryEspeciallyHazardous,
    }
}

#[component]
fn TypeCard(leave_type: LeaveType) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_leave();
    let current = StoredValue::new(leave_type.clone());
    let id = leave_type.id.0;
    let field_id = move |name: &str| format!("type-{id}-{name}");
    let paid = RwSignal::new(leave_type.paid);
    let two_steps = RwSignal::new(leave_type.chain == Chain::ManagerThenHr);
    let back = RwSignal::new(leave_type.back_dating_days.to_string());
    let category = RwSignal::new(match leave_type.grant {
        Grant::Annual { category } => category,
        _ => WorkCategory::Normal,
    });
    let each = RwSignal::new(match leave_type.grant {
        Grant::PerOccasion { days } => days.to_string(),
        _ => String::new(),
    });
    let carry = RwSignal::new(leave_type.carry_over.map(|c| c.max_days.to_string()).unwrap_or_default());
    let carry_until = RwSignal::new(leave_type.carry_over.map(|c| format!("2027-{:02}-{:02}", c.until_month, c.until_day)).unwrap_or_default());
    let allowed = RwSignal::new(
        leave_type
            .audience
            .all_of
            .iter()
            .find_map(|c| if let Condition::EmploymentTypeIn(t) = c { Some(t.clone()) } else { None })
            .unwrap_or_else(|| EmploymentType::ALL.to_vec()),
    );
    let save = Action::new_local(move |t: &LeaveType| {
        let (api, t) = (api.clone(), t.clone());
        async move { api.save_type(&t).await }
    });
    let found = RwSignal::new(Vec::<FieldError>::new());
    let failure = move || save.value().get().and_then(Result::err);
    let at = move |field: &'static str| {
        Signal::derive(move || found.read().iter().filter(|e| e.field == field).cloned().chain(errors_at(&failure(), field)).collect::<Vec<_>>())
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let base = current.get_value();
        let mut problems: Vec<Violation> = Vec::new();
        let back_days = BACK_DATING_DAYS.read("back_dating_days", &back.get()).map_err(|v| problems.push(v)).unwrap_or_default();
        let grant = match base.grant {
            Grant::Annual { .. } => Grant::Annual { category: category.get() },
            Grant::PerOccasion { .. } => {
                Grant::PerOccasion { days: GRANT_DAYS.read("grant.days", &each.get()).map_err(|v| problems.push(v)).unwrap_or_default() as u32 }
            }
            Grant::ByAgreement => Grant::ByAgreement,
        };
        let carry_over = match (base.grant, carry.get().trim().is_empty()) {
            (Grant::Annual { .. }, false) => {
                let max_days = CARRY_OVER_DAYS.read("carry_over.max_days", &carry.get()).map_err(|v| problems.push(v)).unwrap_or_default() as u32;
                let until: Option<Date> = carry_until.get().parse().ok();
                if until.is_none() {
                    problems.push(Violation::new("carry_over.until_day", domain::common::Rule::Required, None));
                }
                until.map(|d| CarryOver { max_days, until_month: d.month(), until_day: d.day() })
            }
            _ => None,
        };
        let mut audience = base.audience.clone();
        audience.all_of.retain(|c| !matches!(c, Condition::EmploymentTypeIn(_)));
        let chosen = allowed.get();
        if chosen.len() < EmploymentType::ALL.len() {
            audience.all_of.push(Condition::EmploymentTypeIn(chosen));
        }
        let chain = if two_steps.get() { Chain::ManagerThenHr } else { Chain::Manager };
        found.set(problems.into_iter().map(FieldError::from).collect());
        if found.read_untracked().is_empty() {
            save.dispatch(LeaveType { grant, paid: paid.get(), chain, audience, carry_over, back_dating_days: back_days as u32, ..base });
        }
    };
    let name = leave_type.name.clone();
    let grant = leave_type.grant;
    view! {
        <li class="card">
            <h2 class="h3">{move || name.get(i18n.lang()).to_owned()}</h2>
            <form class="stack" on:submit=submit novalidate>
                {matches!(grant, Grant::Annual { .. }).then(|| view! {
                    <div class="field">
                        <label for=field_id("category")><Tr key=Key::LeaveCategory/></label>
                        <select id=field_id("category") prop:value=move || wire_name(&category.get()) on:change=move |ev| if let Some(c) = from_wire_name(&event_target_value(&ev)) { category.set(c) }>
                            {WorkCategory::ALL.into_iter().map(|c| view! {
                                <option value=wire_name(&c)>{move || i18n.fill(category_key(c), &[("days", &c.annual_days().to_string())])}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field-row">
                        <div class="field">
                            <label for=field_id("carry")><Tr key=Key::LeaveCarryMax/></label>
                            <input id=field_id("carry") type="text" inputmode="numeric" aria-describedby=field_id("carry-error") prop:value=move || carry.get() on:input=move |ev| carry.set(event_target_value(&ev))/>
                            <FieldMessages errors=at("carry_over.max_days") id=field_id("carry-error")/>
                        </div>
                        <div class="field">
                            <label for=field_id("carry-until")><Tr key=Key::LeaveCarryUntil/></label>
                            <input id=field_id("carry-until") type="date" aria-describedby=field_id("carry-until-error") prop:value=move || carry_until.get() on:input=move |ev| carry_until.set(event_target_value(&ev))/>
                            <FieldMessages errors=at("carry_over.until_day") id=field_id("carry-until-error")/>
                        </div>
                    </div>
                })}
                {matches!(grant, Grant::PerOccasion { .. }).then(|| view! {
                    <div class="field">
                        <label for=field_id("each")><Tr key=Key::LeaveDaysEachTime/></label>
                        <input id=field_id("each") type="text" inputmode="numeric" aria-describedby=field_id("each-error") prop:value=move || each.get() on:input=move |ev| each.set(event_target_value(&ev))/>
                        <FieldMessages errors=at("grant.days") id=field_id("each-error")/>
                    </div>
                })}
                <label class="check"><input type="checkbox" prop:checked=move || paid.get() on:change=move |ev| paid.set(event_target_checked(&ev))/><Tr key=Key::LeavePaid/></label>
                <label class="check"><input type="checkbox" prop:checked=move || two_steps.get() on:change=move |ev| two_steps.set(event_target_checked(&ev))/><Tr key=Key::LeaveTwoSteps/></label>
                <fieldset class="stack">
                    <legend><Tr key=Key::LeaveAudience/></legend>
                    {EmploymentType::ALL.into_iter().map(|kind| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || allowed.with(|a| a.contains(&kind))
                                on:change=move |ev| { let on = event_target_checked(&ev); allowed.update(|a| { a.retain(|k| *k != kind); if on { a.push(kind); } }); }/>
                            {move || i18n.t(employment_people_key(kind))}
                        </label>
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for=field_id("back")><Tr key=Key::LeaveBackDating/></label>
                    <input id=field_id("back") type="text" inputmode="numeric" aria-describedby=field_id("back-error") prop:value=move || back.get() on:input=move |ev| back.set(event_target_value(&ev))/>
                    <FieldMessages errors=at("back_dating_days") id=field_id("back-error")/>
                </div>
                {move || failure().filter(|e| !matches!(e, crate::api::ApiError::Invalid { .. })).map(|error| view! { <ActionError error kept=Key::FormKept/> })}
                <button type="submit" class="button" disabled=move || save.pending().get()><Tr key=Key::HrStoreSave/></button>
                <p role="status" class="muted">{move || (found.read().is_empty() && matches!(save.value().get(), Some(Ok(_)))).then(|| i18n.t(Key::HrStoreSaved))}</p>
            </form>
        </li>
    }
}
