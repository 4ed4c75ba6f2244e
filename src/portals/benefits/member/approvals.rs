use crate::browser::app_href;
use crate::components::{errors_at, ActionError, FieldMessages, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::benefits::labels::{days, span};
use crate::portals::benefits::{leave_resource, use_leave};
use domain::benefits::use_cases::{QueueItem, Verdict};
use domain::benefits::LeaveStatus;
use leptos::prelude::*;
use leptos_router::components::A;

/// The requests waiting for me (as approver, delegate or HR), each with
/// the requester's balance and who else in the team is off then.
#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let queue = leave_resource(|api| async move { api.approvals().await });
    view! {
        <A href=app_href("/benefits") attr:class="back-link"><Tr key=Key::LeaveBack/></A>
        <h1><Tr key=Key::LeaveApprovals/></h1>
        <Loadable resource=queue skeleton_lines=6 render=|items| view! { <Queue items/> }/>
    }
}

#[component]
fn Queue(items: Vec<QueueItem>) -> impl IntoView {
    let i18n = use_i18n();
    let left = RwSignal::new(items);
    let decided = RwSignal::new(None::<String>);
    view! {
        <p class="muted" tabindex="-1" data-testid="approvals-count">{move || i18n.fill(Key::LeaveWaitingCount, &[("n", &left.with(Vec::len).to_string())])}</p>
        <p role="status">{move || decided.get()}</p>
        <ul class="approvals" data-testid="approvals">
            <For each=move || left.get() key=|item| item.request.id let:item>
                <QueueCard item left decided/>
            </For>
        </ul>
    }
}

#[component]
fn QueueCard(item: QueueItem, left: RwSignal<Vec<QueueItem>>, decided: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_leave();
    let id = item.request.id;
    let comment = RwSignal::new(String::new());
    let decide = Action::new_local(move |approve: &bool| {
        let (api, verdict) = (api.clone(), Verdict { approve: *approve, comment: comment.get_untracked() });
        async move { api.decide(id, &verdict).await.map(|view| (view, verdict.approve)) }
    });
    let requester = item.requester.clone();
    Effect::new(move |_| {
        if let Some(Ok((_, approved))) = decide.value().get() {
            let key = if approved { Key::LeaveDecidedApproved } else { Key::LeaveDecidedRejected };
            decided.set(Some(i18n.fill(key, &[("name", &requester)])));
            left.update(|items| items.retain(|i| i.request.id != id));
            request_animation_frame(|| {
                crate::browser::focus_first("[data-testid=approvals-count]");
            });
        }
    });
    let failure = move || decide.value().get().and_then(Result::err);
    let comment_id = format!("comment-{}", id.0);
    let error_id = format!("comment-{}-error", id.0);
    let QueueItem { request, status, requester, balance, team_off } = item;
    let cancellation = status == LeaveStatus::CancellationPending;
    view! {
        <li class="card" data-testid="approval">
            <h2 class="h3"><A href=app_href(&format!("/benefits/requests/{}", id.0))>{requester.clone()}</A></h2>
            <p>{let kind = request.leave_type_name.clone(); move || kind.get(i18n.lang()).to_owned()}</p>
            <p>{move || span(request.span, i18n.lang())}" · "{move || days(request.working, i18n.lang())}</p>
            {cancellation.then(|| view! { <p class="badge badge-placed"><Tr key=Key::LeaveStatusCancellationPending/></p> })}
            {(!request.reason.is_empty()).then(|| view! { <q class="comment">{request.reason.clone()}</q> })}
            {balance.and_then(|b| b.available).map(|left| view! { <p class="muted">{move || i18n.fill(Key::LeaveTheirBalance, &[("days", &days(left, i18n.lang()))])}</p> })}
            <p class="muted" data-testid="team-off">{move || if team_off.is_empty() { i18n.t(Key::LeaveNobodyElseOff).to_owned() } else { i18n.fill(Key::LeaveAlsoOff, &[("names", &team_off.join(", "))]) }}</p>
            <div class="field">
                <label for=comment_id.clone()><Tr key=Key::LeaveComment/></label>
                <textarea id=comment_id rows="2" maxlength="500" aria-describedby=error_id.clone() prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                <FieldMessages errors=Signal::derive(move || errors_at(&failure(), "comment")) id=error_id/>
            </div>
            {move || failure().filter(|e| errors_at(&Some(e.clone()), "comment").is_empty()).map(|error| view! {
                <ActionError error kept=Key::FormKept/>
            })}
            <div class="actions">
                <button class="button" disabled=move || decide.pending().get() on:click=move |_| { decide.dispatch(true); }><Tr key=Key::LeaveApprove/></button>
                <button class="button secondary" disabled=move || decide.pending().get() on:click=move |_| { decide.dispatch(false); }><Tr key=Key::LeaveReject/></button>
            </div>
        </li>
    }
}
