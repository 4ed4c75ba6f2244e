use super::TrainingTabs;
use crate::browser;
use crate::components::{form_errors, wire_name, ActionError, FieldMessages, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::labels::{event_kind_key, rsvp_key, span, RSVP_ANSWERS};
use crate::portals::training::{training_resource, use_training};
use domain::training::event::{EventId, RsvpAnswer};
use domain::training::wire::EventView;
use leptos::prelude::*;

/// Workshops and team activities for the member: RSVP going, maybe or not
/// going, and the invitation as a calendar file that updates when the
/// event changes.
#[component]
pub fn EventsPage() -> impl IntoView {
    let events = training_resource(|api| async move { api.events().await });
    view! {
        <h1><Tr key=Key::TrainingEventsTitle/></h1>
        <TrainingTabs/>
        <Loadable resource=events skeleton_lines=8 render=|events| if events.is_empty() {
            view! { <p class="empty"><Tr key=Key::TrainingNoEvents/></p> }.into_any()
        } else {
            view! { <ul class="order-list" data-testid="training-events">{events.into_iter().map(|event| view! { <EventCard event/> }).collect_view()}</ul> }.into_any()
        }/>
    }
}

#[component]
fn EventCard(event: EventView) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let view = RwSignal::new(event);
    let id: EventId = view.with_untracked(|v| v.event.id);
    let answer = {
        let api = api.clone();
        Action::new_local(move |answer: &RsvpAnswer| {
            let (api, answer) = (api.clone(), *answer);
            async move { api.rsvp(id, answer).await }
        })
    };
    Effect::new(move |_| {
        if let Some(Ok(updated)) = answer.value().get() {
            view.set(updated);
        }
    });
    let download = Action::new_local(move |_: &()| {
        let (api, lang) = (api.clone(), i18n.lang());
        async move {
            let ics = api.event_ics(id, lang).await?;
            browser::download(&format!("event-{}.ics", id.0), "text/calendar;charset=utf-8", &ics);
            Ok::<(), crate::api::ApiError>(())
        }
    });
    let failure = move || answer.value().get().and_then(Result::err);
    let read = move |f: fn(&EventView) -> String| move || view.with(f);
    let name = format!("rsvp-{}", id.0);
    view! {
        <li class="card" data-testid="training-event">
            <h2>{move || view.with(|v| v.event.draft.title.get(i18n.lang()).to_owned())}</h2>
            <p class="muted">{move || view.with(|v| format!("{} · {}", i18n.t(event_kind_key(v.event.draft.kind)), span(v.event.draft.starts, v.event.draft.ends, i18n.lang())))}</p>
            <p>{read(|v| v.event.draft.place.clone())}</p>
            <p>{move || view.with(|v| v.event.draft.description.get(i18n.lang()).to_owned())}</p>
            {move || view.with(|v| v.event.cancelled).then(|| view! { <p class="badge badge-cancelled"><Tr key=Key::TrainingEventCancelled/></p> })}
            <p class="muted" data-testid="training-event-counts">{move || view.with(|v| i18n.fill(Key::TrainingEventCounts, &[
                ("going", &v.counts.going.to_string()), ("maybe", &v.counts.maybe.to_string()), ("left", &v.places_left.to_string()),
            ]))}</p>
            <fieldset class="field">
                <legend><Tr key=Key::TrainingRsvp/></legend>
                <div class="choices">
                    {RSVP_ANSWERS.into_iter().map(|choice| {
                        let id = format!("{name}-{}", wire_name(&choice));
                        view! {
                            <label class="check" for=id.clone()>
                                <input type="radio" id=id.clone() name=name.clone() data-testid=format!("training-rsvp-{}", wire_name(&choice))
                                    prop:checked=move || view.with(|v| v.mine == Some(choice)) disabled=move || answer.pending().get() || view.with(|v| v.event.cancelled)
                                    on:change=move |_| { answer.dispatch(choice); }/>
                                <Tr key=rsvp_key(choice)/>
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <FieldMessages errors=Signal::derive(move || form_errors(&[], &failure())) id=format!("{name}-error")/>
            {move || failure().map(|error| view! { <ActionError error/> })}
            <p class="actions">
                <button type="button" class="button secondary" data-testid="training-ics" on:click=move |_| { download.dispatch(()); }><Tr key=Key::TrainingAddToCalendar/></button>
            </p>
            {move || download.value().get().and_then(Result::err).map(|error| view! { <ActionError error retry=move || { download.dispatch(()); }/> })}
        </li>
    }
}
