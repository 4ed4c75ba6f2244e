use super::TrainingHrFrame;
use crate::browser::app_href;
use crate::components::{form_errors, ActionError, FieldMessages, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::labels::{room_at_site, span};
use crate::portals::training::{training_resource, use_training};
use domain::training::session::{EnrolmentId, SessionId};
use domain::training::wire::{RosterEntry, SessionRoster};
use leptos::prelude::*;
use leptos_router::components::A;

/// A session's roster: who holds a seat (attendance marked from the
/// session's start) and who waits, in the order they asked.
#[component]
pub fn Roster(id: SessionId) -> impl IntoView {
    let roster = training_resource(move |api| async move { api.roster(id).await });
    view! {
        <TrainingHrFrame title=Key::TrainingHrRoster>
            <p><A href=app_href("/hr/training") attr:class="back-link"><Tr key=Key::TrainingHrBackToCatalogue/></A></p>
            <Loadable resource=roster skeleton_lines=8 render=|roster| view! { <RosterView roster/> }/>
        </TrainingHrFrame>
    }
}

#[component]
fn RosterView(roster: SessionRoster) -> impl IntoView {
    let i18n = use_i18n();
    let SessionRoster { session, site_name, enrolled, waiting } = roster;
    let room = session.draft.room.clone();
    let (starts, ends) = (session.draft.starts, session.draft.ends);
    let seats = (enrolled.len().to_string(), session.draft.capacity.to_string());
    view! {
        <p class="status-title">{move || format!("{} · {}", span(starts, ends, i18n.lang()), room_at_site(&room, &site_name, i18n.lang()))}</p>
        <p class="muted">{move || i18n.fill(Key::TrainingHrSeatsTaken, &[("n", &seats.0), ("capacity", &seats.1)])}</p>
        <h2><Tr key=Key::TrainingEnrolled/></h2>
        {if enrolled.is_empty() {
            view! { <p class="empty"><Tr key=Key::TrainingHrNobody/></p> }.into_any()
        } else {
            view! { <ul class="order-list" data-testid="training-roster">{enrolled.into_iter().map(|entry| view! { <Attendance entry/> }).collect_view()}</ul> }.into_any()
        }}
        <h2><Tr key=Key::TrainingHrWaitlist/></h2>
        {if waiting.is_empty() {
            view! { <p class="empty"><Tr key=Key::TrainingHrNobody/></p> }.into_any()
        } else {
            view! { <ol data-testid="training-waitlist">{waiting.into_iter().map(|entry| view! { <li>{entry.name}</li> }).collect_view()}</ol> }.into_any()
        }}
    }
}

/// One seat holder, and whether they came.
#[component]
fn Attendance(entry: RosterEntry) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let id: EnrolmentId = entry.enrolment.id;
    let attended = RwSignal::new(entry.enrolment.attended);
    let mark = Action::new_local(move |came: &bool| {
        let (api, came) = (api.clone(), *came);
        async move { api.mark_attendance(id, came).await.map(|_| came) }
    });
    Effect::new(move |_| {
        if let Some(Ok(came)) = mark.value().get() {
            attended.set(Some(came));
        }
    });
    let failure = move || mark.value().get().and_then(Result::err);
    let name = format!("attended-{}", id.0);
    let choice = move |came: bool, key: Key| {
        let input_id = format!("{name}-{came}");
        view! {
            <label class="check" for=input_id.clone()>
                <input type="radio" id=input_id.clone() name=name.clone() prop:checked=move || attended.get() == Some(came) disabled=move || mark.pending().get()
                    on:change=move |_| { mark.dispatch(came); }/>
                <Tr key/>
            </label>
        }
    };
    view! {
        <li class="card" data-testid="training-roster-entry">
            <fieldset class="field">
                <legend>{entry.name.clone()}</legend>
                <div class="choices">
                    {choice(true, Key::TrainingHrCame)}
                    {choice(false, Key::TrainingHrDidNotCome)}
                </div>
            </fieldset>
            <FieldMessages errors=Signal::derive(move || form_errors(&[], &failure())) id=format!("attendance-{}-error", id.0)/>
            {move || failure().map(|error| view! { <ActionError error/> })}
            {move || (attended.get() == Some(true)).then(|| view! { <span class="muted">{move || i18n.t(Key::TrainingHrMarked)}</span> })}
        </li>
    }
}
