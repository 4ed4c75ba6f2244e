use super::form::{whole, SaveButton, Saving, Summary};
use super::TrainingHrFrame;
use crate::api::ApiError;
use crate::browser::app_href;
use crate::components::{from_wire_name, wire_name, ActionError, AudienceChoice, AudienceEditor, ConfirmButton, Loadable, TextField};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::labels::{event_kind_key, from_input, to_input, EVENT_KINDS};
use crate::portals::training::{now, training_resource, use_training};
use domain::common::{Rule, Violation};
use domain::company::Directory;
use domain::training::event::{Event, EventDraft, EventId, EventKind, CAPACITY};
use domain::LocalizedText;
use leptos::prelude::*;
use leptos_router::components::A;

/// Creates or edits a workshop or team activity (each change raises its
/// invitation's SEQUENCE, so calendars update), whom it is for, or
/// cancels it.
#[component]
pub fn EventEditor(id: Option<EventId>) -> impl IntoView {
    let found = training_resource(move |api| async move {
        let catalogue = api.hr_catalogue().await?;
        let event = match id {
            Some(id) => Some(catalogue.events.into_iter().find(|e| e.id == id).ok_or(ApiError::NotFound)?),
            None => None,
        };
        Ok((event, catalogue.directory))
    });
    // Set once a new event is saved: the page is then its edit page.
    let saved = RwSignal::new(id);
    let title = Signal::derive(move || if saved.read().is_some() { Key::TrainingHrEditEvent } else { Key::TrainingHrNewEvent });
    view! {
        <TrainingHrFrame title>
            <p><A href=app_href("/hr/training") attr:class="back-link"><Tr key=Key::TrainingHrBackToCatalogue/></A></p>
            <Loadable resource=found skeleton_lines=10 render=move |(event, directory)| view! { <EventForm event directory id=saved/> }/>
        </TrainingHrFrame>
    }
}

const FIELDS: [(&str, &str, Key); 8] = [
    ("title.vi", "event-title-vi", Key::TrainingHrTitleVi),
    ("title.en", "event-title-en", Key::TrainingHrTitleEn),
    ("description.vi", "event-description-vi", Key::TrainingHrDescriptionVi),
    ("description.en", "event-description-en", Key::TrainingHrDescriptionEn),
    ("place", "event-place", Key::TrainingHrPlace),
    ("starts", "event-starts", Key::TrainingHrStarts),
    ("ends", "event-ends", Key::TrainingHrEnds),
    ("capacity", "event-capacity", Key::TrainingHrCapacity),
];

#[component]
fn EventForm(event: Option<Event>, directory: Directory, id: RwSignal<Option<EventId>>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let cancelled = RwSignal::new(event.as_ref().is_some_and(|e| e.cancelled));
    let draft = event.map(|e| e.draft);
    let week = now().date().plus_days(7);
    let text = |read: fn(&EventDraft) -> String, default: String| RwSignal::new(draft.as_ref().map_or(default, read));
    let (title_vi, title_en) = (text(|d| d.title.vi.clone(), String::new()), text(|d| d.title.en.clone(), String::new()));
    let (description_vi, description_en) = (text(|d| d.description.vi.clone(), String::new()), text(|d| d.description.en.clone(), String::new()));
    let place = text(|d| d.place.clone(), String::new());
    let starts = text(|d| to_input(d.starts), format!("{week}T14:00"));
    let ends = text(|d| to_input(d.ends), format!("{week}T16:00"));
    let capacity = text(|d| d.capacity.to_string(), "40".to_owned());
    let kind = RwSignal::new(draft.as_ref().map_or(EventKind::Workshop, |d| d.kind));
    let audience = AudienceChoice::new(&draft.map(|d| d.audience).unwrap_or_default());
    let saving = {
        let api = api.clone();
        Saving::new(
            move |draft: EventDraft| {
                let api = api.clone();
                async move { api.save_event(id.get_untracked(), &draft).await }
            },
            move |saved: &Event| {
                let new = id.get_untracked().is_none();
                id.set(Some(saved.id));
                new.then(|| format!("/hr/training/events/{}", saved.id.0))
            },
        )
    };
    let cancel = Action::new_local(move |_: &()| {
        let api = api.clone();
        async move { api.cancel_event(id.get_untracked().ok_or(ApiError::NotFound)?).await }
    });
    Effect::new(move |_| {
        if cancel.value().with(|v| matches!(v, Some(Ok(_)))) {
            cancelled.set(true);
        }
    });
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut violations = Vec::new();
        let mut time = |field: &str, typed: RwSignal<String>| {
            from_input(&typed.get_untracked()).unwrap_or_else(|| {
                violations.push(Violation::new(field, Rule::Required, None));
                now()
            })
        };
        let (starts, ends) = (time("starts", starts), time("ends", ends));
        let capacity = whole("capacity", &capacity.get_untracked(), CAPACITY).map_err(|v| violations.push(v)).unwrap_or(1);
        let draft = EventDraft {
            kind: kind.get_untracked(),
            title: LocalizedText { vi: title_vi.get_untracked(), en: title_en.get_untracked() },
            description: LocalizedText { vi: description_vi.get_untracked(), en: description_en.get_untracked() },
            place: place.get_untracked(),
            starts,
            ends,
            capacity,
            audience: audience.audience(),
        };
        if violations.is_empty() {
            violations = draft.violations();
        }
        saving.submit(violations, draft);
    };
    let fields = FIELDS.iter().map(|(f, i, k)| (f.to_string(), i.to_string(), *k)).collect();
    view! {
        {move || cancelled.get().then(|| view! { <p class="badge badge-cancelled"><Tr key=Key::TrainingEventCancelled/></p> })}
        <form class="form" on:submit=send novalidate data-testid="training-event-form">
            <Summary saving fields/>
            <div class="field">
                <label for="event-kind"><Tr key=Key::TrainingHrKind/></label>
                <select id="event-kind" on:change=move |ev| { if let Some(k) = from_wire_name(&event_target_value(&ev)) { kind.set(k) } }>
                    {EVENT_KINDS.into_iter().map(|k| view! { <option value=wire_name(&k) selected=move || kind.get() == k>{move || i18n.t(event_kind_key(k))}</option> }).collect_view()}
                </select>
            </div>
            <TextField id="event-title-vi".into() label=Key::TrainingHrTitleVi value=title_vi errors=saving.at("title.vi")/>
            <TextField id="event-title-en".into() label=Key::TrainingHrTitleEn value=title_en errors=saving.at("title.en")/>
            <TextField id="event-description-vi".into() label=Key::TrainingHrDescriptionVi value=description_vi errors=saving.at("description.vi") kind="textarea"/>
            <TextField id="event-description-en".into() label=Key::TrainingHrDescriptionEn value=description_en errors=saving.at("description.en") kind="textarea"/>
            <TextField id="event-place".into() label=Key::TrainingHrPlace value=place errors=saving.at("place")/>
            <TextField id="event-starts".into() label=Key::TrainingHrStarts value=starts errors=saving.at("starts") kind="datetime-local"/>
            <TextField id="event-ends".into() label=Key::TrainingHrEnds value=ends errors=saving.at("ends") kind="datetime-local"/>
            <TextField id="event-capacity".into() label=Key::TrainingHrCapacity value=capacity errors=saving.at("capacity") numeric=true/>
            <AudienceEditor legend=Key::TrainingHrEventAudience choice=audience directory/>
            <SaveButton saving/>
        </form>
        {move || id.get().filter(|_| !cancelled.get()).map(|event| view! {
            <p><A href=app_href(&format!("/hr/training/events/{}/attendees", event.0))><Tr key=Key::TrainingHrAttendees/></A></p>
            <ConfirmButton label=Signal::derive(move || i18n.t(Key::TrainingHrCancelEvent)) question=Signal::derive(move || i18n.t(Key::TrainingHrCancelEventQuestion))
                yes=Key::TrainingHrCancelEventYes no=Key::TrainingCancelNo pending=cancel.pending() act=move || { cancel.dispatch(()); }/>
        })}
        {move || cancel.value().get().and_then(Result::err).map(|error| view! { <ActionError error retry=move || { cancel.dispatch(()); }/> })}
    }
}
