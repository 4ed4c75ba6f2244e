use crate::api::ApiError;
use crate::browser::{self, app_href};
use crate::components::{form_errors, form_errors_at, ActionError, ErrorSummary, FieldMessages, FieldTarget, Loadable};
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::benefits::labels::{day_off, days};
use crate::portals::benefits::{leave_resource, today, use_leave};
use crate::session::use_session;
use domain::benefits::use_cases::TypeBalance;
use domain::benefits::{Half, LeaveDraft, LeaveSpan, LeaveTypeId, WorkCalendar};
use domain::common::{FieldError, Rule, Violation};
use domain::Date;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use serde::{Deserialize, Serialize};

/// What the member typed, kept across a reload until it is sent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Typed {
    leave_type: String,
    from: String,
    afternoon_start: bool,
    to: String,
    morning_end: bool,
    reason: String,
}

fn draft_key() -> String {
    let member = use_session().member().map(|m| m.id.0).unwrap_or_default();
    format!("noibo.draft.benefits.{member}")
}

/// Asking for leave: the type, the days (each end whole or half), a
/// reason; while the dates are picked, the working days it costs and the
/// days it skips and why, counted by the same rules as the backend.
#[component]
pub fn RequestForm() -> impl IntoView {
    let year = today().year();
    let data = leave_resource(move |api| async move { Ok((api.balances(year).await?, api.work_calendar(year, year + 1).await?)) });
    view! {
        <A href=app_href("/benefits") attr:class="back-link"><Tr key=Key::LeaveBack/></A>
        <h1><Tr key=Key::LeaveAskTitle/></h1>
        <Loadable resource=data skeleton_lines=8 render=|(balances, calendar)| view! { <Form balances calendar/> }/>
    }
}

#[component]
fn Form(balances: Vec<TypeBalance>, calendar: WorkCalendar) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_leave();
    let storage = draft_key();
    let kept: Typed = browser::read(&storage).and_then(|raw| serde_json::from_str(&raw).ok()).unwrap_or_default();
    let typed = RwSignal::new(kept);
    let storage_for_effect = storage.clone();
    Effect::new(move |_| {
        if let Ok(raw) = serde_json::to_string(&typed.get()) {
            browser::write(&storage_for_effect, &raw);
        }
    });
    let eligible: Vec<TypeBalance> = balances.into_iter().filter(|b| b.eligibility.eligible).collect();
    let types = StoredValue::new(eligible);
    let draft = move || -> Result<LeaveDraft, Vec<Violation>> {
        let t = typed.get();
        let mut found = Vec::new();
        let leave_type = t.leave_type.parse().ok().map(LeaveTypeId);
        if leave_type.is_none() {
            found.push(Violation::new("leave_type", Rule::Required, None));
        }
        let from: Option<Date> = t.from.parse().ok();
        let to: Option<Date> = t.to.parse().ok();
        if from.is_none() {
            found.push(Violation::new("span.from", Rule::Required, None));
        }
        if to.is_none() {
            found.push(Violation::new("span.to", Rule::Required, None));
        }
        match (leave_type, from, to) {
            (Some(leave_type), Some(from), Some(to)) if found.is_empty() => {
                let starts = if t.afternoon_start { Half::Afternoon } else { Half::Morning };
                let ends = if t.morning_end { Half::Morning } else { Half::Afternoon };
                Ok(LeaveDraft { leave_type, span: LeaveSpan { from, starts, to, ends }, reason: t.reason.clone() })
            }
            _ => Err(found),
        }
    };
    let cost = Memo::new(move |_| draft().ok().filter(|d| d.span.is_ordered()).map(|d| calendar.cost(d.span)));
    let selected = move || {
        let id = typed.with(|t| t.leave_type.parse().ok().map(LeaveTypeId))?;
        types.with_value(|all| all.iter().find(|b| b.leave_type.id == id).cloned())
    };
    // One key per draft: a retry of the same draft cannot ask twice.
    let sent_with = StoredValue::new(None::<(LeaveDraft, String)>);
    let send = Action::new_local(move |draft: &LeaveDraft| {
        let (api, draft) = (api.clone(), draft.clone());
        let key = sent_with.with_value(|last| last.as_ref().filter(|(d, _)| *d == draft).map(|(_, k)| k.clone())).unwrap_or_else(browser::new_request_key);
        sent_with.set_value(Some((draft.clone(), key.clone())));
        async move { api.submit(&key, &draft).await }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(view)) = send.value().get() {
            browser::remove(&storage);
            navigate(&format!("/benefits/requests/{}?sent=1", view.request.id.0), Default::default());
        }
    });
    let found = RwSignal::new(Vec::<FieldError>::new());
    let failure = move || send.value().get().and_then(Result::err);
    let at = move |field: &'static str| Signal::derive(move || form_errors_at(&found.read(), &failure(), field));
    let target = Callback::new(move |field: String| {
        let (id, label) = match field.as_str() {
            "leave_type" => ("leave-type", Key::LeaveType),
            "span.from" => ("leave-from", Key::LeaveFrom),
            "span.to" => ("leave-to", Key::LeaveTo),
            "reason" => ("leave-reason", Key::LeaveReason),
            _ => return None,
        };
        Some(FieldTarget { id: id.to_owned(), label: i18n.t(label).to_owned() })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft() {
            Ok(d) => {
                found.set(vec![]);
                send.dispatch(d);
            }
            Err(problems) => found.set(problems.into_iter().map(FieldError::from).collect()),
        }
    };
    let set = move |apply: fn(&mut Typed, String)| move |ev: leptos::ev::Event| typed.update(|t| apply(t, event_target_value(&ev)));
    let check = move |apply: fn(&mut Typed, bool)| move |ev: leptos::ev::Event| typed.update(|t| apply(t, event_target_checked(&ev)));
    view! {
        <form class="stack" on:submit=submit novalidate>
            <ErrorSummary errors=Signal::derive(move || form_errors(&found.read(), &failure())) target/>
            <div class="field">
                <label for="leave-type"><Tr key=Key::LeaveType/></label>
                <select id="leave-type" aria-describedby="leave-type-error" prop:value=move || typed.with(|t| t.leave_type.clone()) on:change=set(|t, v| t.leave_type = v)>
                    <option value="">{move || i18n.t(Key::LeaveChooseType)}</option>
                    {types.get_value().into_iter().map(|b| {
                        let (id, name) = (b.leave_type.id.0.to_string(), b.leave_type.name.clone());
                        view! { <option value=id>{move || name.get(i18n.lang()).to_owned()}</option> }
                    }).collect_view()}
                </select>
                <FieldMessages errors=at("leave_type") id="leave-type-error".to_owned()/>
                <p class="muted" data-testid="type-available">{move || selected().and_then(|b| b.balance).and_then(|b| b.available).map(|left| i18n.fill(Key::LeaveAvailable, &[("days", &days(left, i18n.lang()))]))}</p>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="leave-from"><Tr key=Key::LeaveFrom/></label>
                    <input id="leave-from" type="date" aria-describedby="leave-from-error" prop:value=move || typed.with(|t| t.from.clone()) on:input=set(|t, v| t.from = v)/>
                    <label class="check"><input type="checkbox" prop:checked=move || typed.with(|t| t.afternoon_start) on:change=check(|t, v| t.afternoon_start = v)/><Tr key=Key::LeaveFromAfternoon/></label>
                    <FieldMessages errors=at("span.from") id="leave-from-error".to_owned()/>
                </div>
                <div class="field">
                    <label for="leave-to"><Tr key=Key::LeaveTo/></label>
                    <input id="leave-to" type="date" aria-describedby="leave-to-error" prop:value=move || typed.with(|t| t.to.clone()) on:input=set(|t, v| t.to = v)/>
                    <label class="check"><input type="checkbox" prop:checked=move || typed.with(|t| t.morning_end) on:change=check(|t, v| t.morning_end = v)/><Tr key=Key::LeaveToNoon/></label>
                    <FieldMessages errors=at("span.to") id="leave-to-error".to_owned()/>
                </div>
            </div>
            <div class="card cost" role="status" data-testid="leave-cost">
                {move || match cost.get() {
                    None => view! { <p class="muted"><Tr key=Key::LeavePickDates/></p> }.into_any(),
                    Some(cost) => view! {
                        <p class="status-title">{i18n.fill(Key::LeaveCosts, &[("days", &days(cost.working, i18n.lang()))])}</p>
                        {(!cost.skipped.is_empty()).then(|| view! {
                            <p><Tr key=Key::LeaveSkips/></p>
                            <ul class="skipped" data-testid="skipped-days">
                                {cost.skipped.iter().map(|s| view! { <li>{format!("{}: {}", date(s.date, i18n.lang()), day_off(&s.reason, i18n.lang()))}</li> }).collect_view()}
                            </ul>
                        })}
                    }.into_any(),
                }}
            </div>
            <div class="field">
                <label for="leave-reason"><Tr key=Key::LeaveReason/></label>
                <textarea id="leave-reason" rows="3" maxlength="500" aria-describedby="leave-reason-error" prop:value=move || typed.with(|t| t.reason.clone()) on:input=set(|t, v| t.reason = v)></textarea>
                <FieldMessages errors=at("reason") id="leave-reason-error".to_owned()/>
            </div>
            {move || failure().filter(|e| !matches!(e, ApiError::Invalid { .. })).map(|error| view! {
                <ActionError error kept=Key::FormKept retry=move || { if let Ok(d) = draft() { send.dispatch(d); } }/>
            })}
            <button type="submit" class="button" disabled=move || send.pending().get()><Tr key=Key::LeaveSend/></button>
        </form>
    }
}
