use super::HrLeaveFrame;
use crate::components::{errors_at, ActionError, FieldMessages, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::benefits::labels::days;
use crate::portals::benefits::member::AuditTrail;
use crate::portals::benefits::{leave_resource, today, use_leave};
use domain::benefits::reports::MemberAllocation;
use domain::benefits::use_cases::{read_adjustment, AdjustmentDraft};
use domain::benefits::LeaveTypeId;
use domain::common::FieldError;
use leptos::prelude::*;

/// Everyone's annual leave this year, as the law computes it, with HR's
/// adjustments (a reason each, kept in the audit trail).
#[component]
pub fn HrAllocations() -> impl IntoView {
    let year = today().year();
    let list = leave_resource(move |api| async move { api.allocations(year).await });
    view! {
        <HrLeaveFrame title=Key::HrLeaveAllocations>
            <Loadable resource=list skeleton_lines=10 render=|rows| view! {
                <ul class="leave-list" data-testid="allocations">
                    {rows.into_iter().map(|row| view! { <AllocationRow row/> }).collect_view()}
                </ul>
            }/>
        </HrLeaveFrame>
    }
}

#[component]
fn AllocationRow(row: MemberAllocation) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_leave();
    let balance = RwSignal::new(row.balance.clone());
    let open = RwSignal::new(false);
    let (amount, reason) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let member = row.member;
    let adjust = Action::new_local(move |draft: &AdjustmentDraft| {
        let (api, draft) = (api.clone(), draft.clone());
        async move {
            api.adjust(member, &draft).await?;
            api.allocations(draft.year).await
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(all)) = adjust.value().get() {
            if let Some(mine) = all.into_iter().find(|a| a.member == member) {
                balance.set(mine.balance);
                open.set(false);
            }
        }
    });
    let found = RwSignal::new(Vec::<FieldError>::new());
    let failure = move || adjust.value().get().and_then(Result::err);
    let errors = move |field: &'static str| {
        Signal::derive(move || found.read().iter().filter(|e| e.field == field).cloned().chain(errors_at(&failure(), field)).collect::<Vec<_>>())
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match read_adjustment(&amount.get()) {
            Ok(days) => {
                found.set(vec![]);
                adjust.dispatch(AdjustmentDraft {
                    leave_type: LeaveTypeId(balance.get_untracked().leave_type.0),
                    year: balance.get_untracked().year,
                    days,
                    reason: reason.get(),
                });
            }
            Err(refused) => found.set(vec![refused.into()]),
        }
    };
    let id = format!("adjust-{}", member.0);
    view! {
        <li class="card" data-testid="allocation">
            <strong>{row.name.clone()}</strong>
            <p>{move || i18n.fill(Key::LeaveAvailable, &[("days", &days(balance.get().available.unwrap_or_default(), i18n.lang()))])}</p>
            <p class="muted">{move || {
                let b = balance.get();
                let e = b.entitlement;
                let computed = e.map(|e| if e.full_year {
                    i18n.fill(Key::LeaveComputationFull, &[("base", &e.annual_days().to_string()), ("days", &days(e.days, i18n.lang()))])
                } else {
                    i18n.fill(Key::LeaveComputationPart, &[("base", &e.annual_days().to_string()), ("months", &e.months_worked.to_string()), ("days", &days(e.days, i18n.lang()))])
                }).unwrap_or_default();
                format!("{computed} {}", i18n.fill(Key::LeaveAllocationLine, &[
                    ("carried", &days(b.carried, i18n.lang())), ("adjusted", &days(b.adjusted, i18n.lang())),
                    ("taken", &days(b.taken, i18n.lang())), ("pending", &days(b.pending, i18n.lang())),
                ]))
            }}</p>
            <AuditTrail load=|member, year, kind| { let api = use_leave(); Box::pin(async move { api.member_audit(domain::MemberId(member), LeaveTypeId(kind), year).await }) }
                member=member.0 year=row.balance.year leave_type=row.balance.leave_type.0/>
            <button class="button secondary" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)><Tr key=Key::LeaveAdjust/></button>
            <Show when=move || open.get()>
                <form class="stack" on:submit=submit novalidate>
                    <div class="field">
                        <label for=format!("{id}-days")><Tr key=Key::LeaveAdjustDays/></label>
                        <input id=format!("{id}-days") type="text" inputmode="decimal" aria-describedby=format!("{id}-days-error") prop:value=move || amount.get() on:input=move |ev| amount.set(event_target_value(&ev))/>
                        <FieldMessages errors=errors("days") id=format!("{id}-days-error")/>
                    </div>
                    <div class="field">
                        <label for=format!("{id}-reason")><Tr key=Key::LeaveReason/></label>
                        <input id=format!("{id}-reason") type="text" maxlength="500" aria-describedby=format!("{id}-reason-error") prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                        <FieldMessages errors=errors("reason") id=format!("{id}-reason-error")/>
                    </div>
                    {move || failure().filter(|e| !matches!(e, crate::api::ApiError::Invalid { .. })).map(|error| view! { <ActionError error kept=Key::FormKept/> })}
                    <button type="submit" class="button" disabled=move || adjust.pending().get()><Tr key=Key::LeaveAdjustSave/></button>
                </form>
            </Show>
        </li>
    }
}
