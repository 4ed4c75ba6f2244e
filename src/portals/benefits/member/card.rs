use crate::browser::app_href;
use crate::components::Loadable;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::benefits::labels::{days, span};
use crate::portals::benefits::leave_resource;
use domain::benefits::reports::LeaveSummary;
use leptos::prelude::*;
use leptos_router::components::A;

/// The home page's leave card: days left, the next leave, the member's
/// requests waiting, and for approvers the requests waiting for them.
#[component]
pub fn HomeCard() -> impl IntoView {
    let summary = leave_resource(|api| async move { api.summary().await });
    view! {
        <section class="card leave-card" data-testid="leave-card" aria-labelledby="leave-card-title">
            <h2 id="leave-card-title"><Tr key=Key::LeaveTitle/></h2>
            <Loadable resource=summary skeleton_lines=3 render=|summary| view! { <SummaryLines summary/> }/>
        </section>
    }
}

#[component]
fn SummaryLines(summary: LeaveSummary) -> impl IntoView {
    let i18n = use_i18n();
    let LeaveSummary { available, next_leave, pending, waiting_for_me } = summary;
    view! {
        {available.map(|left| view! { <p class="leave-left">{move || i18n.fill(Key::LeaveCardAvailable, &[("days", &days(left, i18n.lang()))])}</p> })}
        {next_leave.map(|next| view! { <p>{move || i18n.fill(Key::LeaveCardNext, &[("span", &span(next, i18n.lang()))])}</p> })}
        {(pending > 0).then(|| view! { <p>{move || i18n.fill(Key::LeaveCardPending, &[("n", &pending.to_string())])}</p> })}
        {(waiting_for_me > 0).then(|| view! {
            <p><A href=app_href("/benefits/approvals") attr:data-testid="leave-waiting">{move || i18n.fill(Key::LeaveCardWaiting, &[("n", &waiting_for_me.to_string())])}</A></p>
        })}
        <p class="actions">
            <A href=app_href("/benefits/new") attr:class="button"><Tr key=Key::LeaveAsk/></A>
            <A href=app_href("/benefits")><Tr key=Key::LeaveOpen/></A>
        </p>
    }
}
