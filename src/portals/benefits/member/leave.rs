use crate::browser::app_href;
use crate::components::{EligibilityReasons, Loadable};
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::benefits::labels::{days, span, status_class, status_key};
use crate::portals::benefits::member::AuditTrail;
use crate::portals::benefits::{leave_resource, use_leave as use_leave_api};
use crate::session::use_session;
use domain::benefits::use_cases::{RequestView, TypeBalance};
use domain::benefits::{Balance, Grant, HalfDays};
use domain::{Date, Role};
use leptos::prelude::*;
use leptos_router::components::A;

/// Leave: what the member has of each type (with how it was counted), and
/// their requests.
#[component]
pub fn LeavePage() -> impl IntoView {
    let session = use_session();
    let approver = move || session.member().is_some_and(|m| m.role != Role::Member);
    let year = crate::portals::benefits::today().year();
    let data = leave_resource(move |api| async move { Ok((api.balances(year).await?, api.requests().await?)) });
    view! {
        <h1><Tr key=Key::LeaveTitle/></h1>
        <nav class="actions" aria-label=move || use_i18n().t(Key::LeaveActions)>
            <A href=app_href("/benefits/new") attr:class="button"><Tr key=Key::LeaveAsk/></A>
            {move || approver().then(|| view! {
                <A href=app_href("/benefits/approvals")><Tr key=Key::LeaveApprovals/></A>
                <A href=app_href("/benefits/team")><Tr key=Key::LeaveTeam/></A>
                <A href=app_href("/benefits/delegations")><Tr key=Key::LeaveDelegations/></A>
            })}
        </nav>
        <Loadable resource=data skeleton_lines=8 render=move |(balances, requests)| view! {
            <h2>{move || use_i18n().fill(Key::LeaveBalancesIn, &[("year", &year.to_string())])}</h2>
            <ul class="balances" data-testid="balances">
                {balances.into_iter().map(|b| view! { <BalanceCard balance=b/> }).collect_view()}
            </ul>
            <h2><Tr key=Key::LeaveMyRequests/></h2>
            <RequestList requests/>
        }/>
    }
}

#[component]
fn BalanceCard(balance: TypeBalance) -> impl IntoView {
    let i18n = use_i18n();
    let TypeBalance { leave_type, eligibility, balance } = balance;
    let name = leave_type.name.clone();
    let paid = leave_type.paid;
    let body = match (balance, leave_type.grant) {
        (None, _) => view! {
            <p class="verdict no"><Tr key=Key::LeaveNotForYou/></p>
            <EligibilityReasons reasons=eligibility.unmet().cloned().collect()/>
        }
        .into_any(),
        (Some(b), Grant::Annual { .. }) => view! { <AnnualLines balance=b/> }.into_any(),
        (Some(b), Grant::PerOccasion { days: each }) => view! {
            <p>{move || i18n.fill(Key::LeavePerOccasion, &[("days", &days(HalfDays::days(i64::from(each)), i18n.lang()))])}</p>
            <p class="muted">{move || i18n.fill(Key::LeaveUsedThisYear, &[("days", &days(b.taken + b.pending, i18n.lang()))])}</p>
        }
        .into_any(),
        (Some(b), Grant::ByAgreement) => view! {
            <p><Tr key=Key::LeaveByAgreement/></p>
            <p class="muted">{move || i18n.fill(Key::LeaveUsedThisYear, &[("days", &days(b.taken + b.pending, i18n.lang()))])}</p>
        }
        .into_any(),
    };
    view! {
        <li class="card balance">
            <h3>{move || name.get(i18n.lang()).to_owned()}</h3>
            <p class="muted">{move || i18n.t(if paid { Key::LeavePaid } else { Key::LeaveUnpaid })}</p>
            {body}
        </li>
    }
}

/// Annual leave: available, and every number it comes from, with the
/// law's computation and what carried days did; a projection on any date.
#[component]
fn AnnualLines(balance: Balance) -> impl IntoView {
    let i18n = use_i18n();
    let b = StoredValue::new(balance);
    let row = move |label: Key, amount: HalfDays, testid: &'static str| {
        view! {
            <div class="fact" data-testid=testid>
                <dt>{move || i18n.t(label)}</dt>
                <dd>{move || days(amount, i18n.lang())}</dd>
            </div>
        }
    };
    let get = move || b.get_value();
    let computation = move || {
        let b = get();
        let e = b.entitlement?;
        let lang = i18n.lang();
        let base = if e.seniority_days > 0 {
            i18n.fill(Key::LeaveWithSeniority, &[("base", &e.base_days.to_string()), ("seniority", &e.seniority_days.to_string())])
        } else {
            e.base_days.to_string()
        };
        Some(if e.full_year {
            i18n.fill(Key::LeaveComputationFull, &[("base", &base), ("days", &days(e.days, lang))])
        } else {
            i18n.fill(Key::LeaveComputationPart, &[("base", &base), ("months", &e.months_worked.to_string()), ("days", &days(e.days, lang))])
        })
    };
    let projected_on = RwSignal::new(String::new());
    let projection = move || {
        let on: Date = projected_on.get().parse().ok()?;
        let b = get();
        (on.year() == b.year && on >= b.as_of).then(|| b.projected(on)).flatten()
    };
    let b0 = get();
    let carried_note = move || {
        let b = get();
        let until = b.carried_until?;
        (b.carried > HalfDays::ZERO).then(|| {
            let lost = b.carried_lost(b.as_of);
            if lost > HalfDays::ZERO {
                i18n.fill(Key::LeaveCarriedLost, &[("date", &date(until, i18n.lang())), ("lost", &days(lost, i18n.lang()))])
            } else {
                i18n.fill(Key::LeaveCarriedUntil, &[("date", &date(until, i18n.lang()))])
            }
        })
    };
    view! {
        <p class="leave-left" data-testid="available">{move || i18n.fill(Key::LeaveAvailable, &[("days", &days(get().available.unwrap_or_default(), i18n.lang()))])}</p>
        <dl class="facts">
            {row(Key::LeaveEntitled, b0.entitled, "entitled")}
            {row(Key::LeaveCarried, b0.carried, "carried")}
            {(b0.adjusted != HalfDays::ZERO).then(|| row(Key::LeaveAdjusted, b0.adjusted, "adjusted"))}
            {row(Key::LeaveTaken, b0.taken, "taken")}
            {row(Key::LeavePending, b0.pending, "pending")}
        </dl>
        <p class="muted" data-testid="computation">{computation}</p>
        {move || carried_note().map(|note| view! { <p class="muted">{note}</p> })}
        <AuditTrail load=|_, year, kind| { let api = use_leave_api(); Box::pin(async move { api.audit(domain::benefits::LeaveTypeId(kind), year).await }) } member=0 year=b0.year leave_type=b0.leave_type.0/>
        <div class="field projection">
            <label for="projected-on"><Tr key=Key::LeaveProjectOn/></label>
            <input id="projected-on" type="date" prop:value=move || projected_on.get() on:input=move |ev| projected_on.set(event_target_value(&ev))/>
            <p role="status" class="muted">{move || projection().map(|left| i18n.fill(Key::LeaveProjected, &[("days", &days(left, i18n.lang()))]))}</p>
        </div>
    }
}

#[component]
pub fn RequestList(requests: Vec<RequestView>) -> impl IntoView {
    let i18n = use_i18n();
    if requests.is_empty() {
        return view! { <p class="empty"><Tr key=Key::LeaveNoRequests/></p> }.into_any();
    }
    view! {
        <ul class="order-list" data-testid="leave-requests">
            {requests.into_iter().map(|v| {
                let (id, status, when, working, kind) = (v.request.id, v.status, v.request.span, v.request.working, v.request.leave_type_name);
                view! {
                    <li class="card order-row">
                        <A href=app_href(&format!("/benefits/requests/{}", id.0))>{move || span(when, i18n.lang())}</A>
                        <span class=status_class(status)>{move || i18n.t(status_key(status))}</span>
                        <span class="muted">{move || format!("{} · {}", kind.get(i18n.lang()), days(working, i18n.lang()))}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
