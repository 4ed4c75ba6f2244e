use crate::browser::app_href;
use crate::components::{ActionError, ConfirmButton, Loadable};
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::benefits::labels::{days, span, status_class, status_key};
use crate::portals::benefits::use_leave;
use crate::session::use_session;
use domain::benefits::use_cases::RequestView;
use domain::benefits::{Approval, Approver, LeaveRequestId, LeaveStatus};
use domain::Timestamp;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// One request: its days, its approval timeline, and what its member can
/// still do (withdraw it, or ask for the days back).
#[component]
pub fn RequestPage(id: LeaveRequestId) -> impl IntoView {
    let api = use_leave();
    let request = LocalResource::new(move || {
        let api = api.clone();
        async move { api.request(id).await }
    });
    let just_sent = use_query_map().get_untracked().get("sent").is_some();
    Effect::new(move |_| {
        if just_sent {
            crate::browser::replace_query("");
        }
    });
    view! {
        <A href=app_href("/benefits") attr:class="back-link"><Tr key=Key::LeaveBack/></A>
        <Loadable resource=request skeleton_lines=8 page=true render=move |view| view! { <RequestDetails view just_sent/> }/>
    }
}

#[component]
fn RequestDetails(view: RequestView, just_sent: bool) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_leave();
    let session = use_session();
    let current = RwSignal::new(view);
    let mine = move || session.member().is_some_and(|m| current.with(|v| v.request.member == m.id));
    let act = Action::new_local(move |(id, cancel): &(LeaveRequestId, bool)| {
        let (api, id, cancel) = (api.clone(), *id, *cancel);
        async move {
            if cancel {
                api.ask_cancellation(id).await
            } else {
                api.withdraw(id).await
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(view)) = act.value().get() {
            current.set(view);
            request_animation_frame(|| {
                crate::browser::focus_first("[data-testid=request-status]");
            });
        }
    });
    let status = move || current.with(|v| v.status);
    let id = move || current.with_untracked(|v| v.request.id);
    view! {
        {just_sent.then(|| view! {
            <div class="success card" role="status" data-testid="request-sent"><p class="status-title"><Tr key=Key::LeaveSent/></p></div>
        })}
        <h1>{move || i18n.fill(Key::LeaveRequestTitle, &[("id", &current.with(|v| v.request.id.0.to_string()))])}</h1>
        <p><span class=move || status_class(status()) data-testid="request-status">{move || i18n.t(status_key(status()))}</span></p>
        <dl class="facts card">
            {move || (!mine()).then(|| view! { <div class="fact"><dt><Tr key=Key::LeaveWho/></dt><dd>{current.with(|v| v.member_name.clone())}</dd></div> })}
            <div class="fact"><dt><Tr key=Key::LeaveType/></dt><dd>{move || current.with(|v| v.request.leave_type_name.get(i18n.lang()).to_owned())}</dd></div>
            <div class="fact"><dt><Tr key=Key::LeaveDates/></dt><dd>{move || span(current.with(|v| v.request.span), i18n.lang())}</dd></div>
            <div class="fact"><dt><Tr key=Key::LeaveCost/></dt><dd data-testid="request-cost">{move || days(current.with(|v| v.request.working), i18n.lang())}</dd></div>
            {move || current.with(|v| (!v.request.reason.is_empty()).then(|| v.request.reason.clone())).map(|reason| view! {
                <div class="fact"><dt><Tr key=Key::LeaveReason/></dt><dd>{reason}</dd></div>
            })}
        </dl>
        <h2><Tr key=Key::LeaveTimeline/></h2>
        <Timeline view=Signal::derive(move || current.get())/>
        {move || act.value().get().and_then(Result::err).map(|error| view! {
            <ActionError error retry=move || { let cancel = status() == LeaveStatus::Approved; act.dispatch((id(), cancel)); }/>
        })}
        {move || (mine() && status() == LeaveStatus::Pending).then(|| view! {
            <ConfirmButton label=Signal::derive(move || i18n.t(Key::LeaveWithdraw).to_owned()) question=Signal::derive(move || i18n.t(Key::LeaveWithdrawQuestion).to_owned())
                yes=Key::LeaveWithdrawYes no=Key::LeaveKeep pending=act.pending() act=move || { act.dispatch((id(), false)); }/>
        })}
        {move || (mine() && status() == LeaveStatus::Approved).then(|| view! {
            <ConfirmButton label=Signal::derive(move || i18n.t(Key::LeaveCancel).to_owned()) question=Signal::derive(move || i18n.t(Key::LeaveCancelQuestion).to_owned())
                yes=Key::LeaveCancelYes no=Key::LeaveKeep pending=act.pending() act=move || { act.dispatch((id(), true)); }/>
        })}
    }
}

/// Asked, then each step (who decided, for whom, when, what they said, or
/// who it waits for); the same for a cancellation; then taken or withdrawn.
#[component]
fn Timeline(#[prop(into)] view: Signal<RequestView>) -> impl IntoView {
    let i18n = use_i18n();
    let when = move |at: Timestamp| {
        let (h, m) = at.local_time();
        format!("{} {h:02}:{m:02}", date(at.date(), i18n.lang()))
    };
    let steps = move || {
        let v = view.get();
        let mut names = v.approver_names.clone().into_iter();
        let mut lines: Vec<(bool, String, String, String)> = Vec::new();
        let mut approval_lines = |approval: &Approval, asked: Key, asker: &str| {
            lines.push((true, i18n.fill(asked, &[("name", asker)]), when(approval.asked_at), String::new()));
            for step in &approval.steps {
                let approver = names.next().flatten();
                match &step.decision {
                    Some(d) => {
                        let key = if d.approved { Key::LeaveApprovedBy } else { Key::LeaveRejectedBy };
                        let mut who = i18n.fill(key, &[("name", &d.by_name)]);
                        if let Some((_, behalf)) = &d.on_behalf_of {
                            who = i18n.fill(Key::LeaveOnBehalfOf, &[("who", &who), ("name", behalf)]);
                        }
                        lines.push((true, who, when(d.at), d.comment.clone()));
                    }
                    None => {
                        let waiting = match (step.approver, approver) {
                            (Approver::Hr, _) => i18n.t(Key::LeaveWaitingHr).to_owned(),
                            (Approver::Nobody, _) => i18n.t(Key::LeaveWaitingNobody).to_owned(),
                            (_, name) => i18n.fill(Key::LeaveWaitingFor, &[("name", &name.unwrap_or_default())]),
                        };
                        lines.push((false, waiting, String::new(), String::new()));
                    }
                }
            }
        };
        approval_lines(&v.request.approval, Key::LeaveAskedBy, &v.member_name);
        if let Some(cancellation) = &v.request.cancellation {
            approval_lines(cancellation, Key::LeaveCancellationAskedBy, &v.member_name);
        }
        if let Some(at) = v.request.withdrawn_at {
            lines.push((true, i18n.t(Key::LeaveStatusWithdrawn).to_owned(), when(at), String::new()));
        }
        if v.status == LeaveStatus::Taken {
            lines.push((true, i18n.t(Key::LeaveStatusTaken).to_owned(), date(v.request.span.from, i18n.lang()), String::new()));
        }
        lines
    };
    view! {
        <ol class="timeline" data-testid="leave-timeline">
            {move || steps().into_iter().map(|(done, what, at, comment)| view! {
                <li class:done=done>
                    <span class="step">{what}</span>
                    <span class="muted">{at}</span>
                    {(!comment.is_empty()).then(|| view! { <q class="comment">{comment}</q> })}
                </li>
            }).collect_view()}
        </ol>
    }
}
