use crate::browser::app_href;
use crate::components::{form_errors, form_errors_at, ActionError, ErrorSummary, FieldMessages, FieldTarget, Loadable};
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::benefits::{today, use_leave};
use domain::benefits::use_cases::DelegationDraft;
use domain::benefits::Delegation;
use domain::common::{FieldError, Rule, Violation};
use domain::{Date, MemberId, Period, TeamMember};
use leptos::prelude::*;
use leptos_router::components::A;

/// My delegations: while I am away, someone I name decides the requests
/// that wait for me ("approved by X on behalf of me").
#[component]
pub fn DelegationsPage() -> impl IntoView {
    let backend = crate::api::use_api();
    let data = crate::portals::benefits::leave_resource(move |api| {
        let backend = backend.clone();
        async move { Ok((api.delegations().await?, backend.profile().await?.team)) }
    });
    view! {
        <A href=app_href("/benefits") attr:class="back-link"><Tr key=Key::LeaveBack/></A>
        <h1><Tr key=Key::LeaveDelegations/></h1>
        <p class="muted"><Tr key=Key::LeaveDelegationsHint/></p>
        <Loadable resource=data skeleton_lines=5 render=|(given, team)| view! { <Delegations given team/> }/>
    }
}

#[component]
fn Delegations(given: Vec<Delegation>, team: Vec<TeamMember>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_leave();
    let list = RwSignal::new(given);
    let names = StoredValue::new(team.iter().map(|m| (m.id, m.full_name.clone())).collect::<Vec<_>>());
    let name_of = move |id: MemberId| names.with_value(|all| all.iter().find(|(m, _)| *m == id).map(|(_, n)| n.clone())).unwrap_or_default();
    let (delegate, from, to) = (RwSignal::new(String::new()), RwSignal::new(today().to_string()), RwSignal::new(String::new()));
    let send = Action::new_local(move |draft: &DelegationDraft| {
        let (api, draft) = (api.clone(), draft.clone());
        async move { api.delegate(&draft).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(made)) = send.value().get() {
            list.update(|l| l.insert(0, made));
        }
    });
    let found = RwSignal::new(Vec::<FieldError>::new());
    let failure = move || send.value().get().and_then(Result::err);
    let at = move |field: &'static str| Signal::derive(move || form_errors_at(&found.read(), &failure(), field));
    let target = Callback::new(move |field: String| {
        let (id, label) = match field.as_str() {
            "delegate" => ("delegate", Key::LeaveDelegate),
            "period.from" => ("delegate-from", Key::LeaveFrom),
            "period.to" => ("delegate-to", Key::LeaveTo),
            _ => return None,
        };
        Some(FieldTarget { id: id.to_owned(), label: i18n.t(label).to_owned() })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let who = delegate.get().parse().ok().map(MemberId);
        let (start, end): (Option<Date>, Option<Date>) = (from.get().parse().ok(), to.get().parse().ok());
        let mut problems = Vec::new();
        if who.is_none() {
            problems.push(Violation::new("delegate", Rule::Required, None));
        }
        if start.is_none() {
            problems.push(Violation::new("period.from", Rule::Required, None));
        }
        if end.is_none() {
            problems.push(Violation::new("period.to", Rule::Required, None));
        }
        found.set(problems.into_iter().map(FieldError::from).collect());
        if let (Some(delegate), Some(from), Some(to)) = (who, start, end) {
            send.dispatch(DelegationDraft { delegate, period: Period { from, to } });
        }
    };
    view! {
        <ul class="order-list" data-testid="delegations">
            {move || list.get().into_iter().map(|d| view! {
                <li class="card order-row">
                    <span>{name_of(d.delegate)}</span>
                    <span class="muted">{move || format!("{} – {}", date(d.period.from, i18n.lang()), date(d.period.to, i18n.lang()))}</span>
                </li>
            }).collect_view()}
        </ul>
        <h2><Tr key=Key::LeaveNewDelegation/></h2>
        <form class="stack" on:submit=submit novalidate>
            <ErrorSummary errors=Signal::derive(move || form_errors(&found.read(), &failure())) target/>
            <div class="field">
                <label for="delegate"><Tr key=Key::LeaveDelegate/></label>
                <select id="delegate" aria-describedby="delegate-error" prop:value=move || delegate.get() on:change=move |ev| delegate.set(event_target_value(&ev))>
                    <option value="">{move || i18n.t(Key::LeaveChoosePerson)}</option>
                    {team.into_iter().map(|m| view! { <option value=m.id.0.to_string()>{m.full_name}</option> }).collect_view()}
                </select>
                <FieldMessages errors=at("delegate") id="delegate-error".to_owned()/>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="delegate-from"><Tr key=Key::LeaveFrom/></label>
                    <input id="delegate-from" type="date" aria-describedby="delegate-from-error" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
                    <FieldMessages errors=at("period.from") id="delegate-from-error".to_owned()/>
                </div>
                <div class="field">
                    <label for="delegate-to"><Tr key=Key::LeaveTo/></label>
                    <input id="delegate-to" type="date" aria-describedby="delegate-to-error" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
                    <FieldMessages errors=at("period.to") id="delegate-to-error".to_owned()/>
                </div>
            </div>
            {move || failure().filter(|e| !matches!(e, crate::api::ApiError::Invalid { .. })).map(|error| view! { <ActionError error kept=Key::FormKept/> })}
            <button type="submit" class="button" disabled=move || send.pending().get()><Tr key=Key::LeaveDelegateSave/></button>
            <p role="status" class="muted">{move || matches!(send.value().get(), Some(Ok(_))).then(|| i18n.t(Key::LeaveDelegated))}</p>
        </form>
    }
}
