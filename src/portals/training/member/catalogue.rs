use super::{course_path, Progress, TrainingTabs};
use crate::components::{from_wire_name, wire_name, EligibilityReasons, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::labels::{format_key, topic_key, FORMATS};
use crate::portals::training::use_training;
use domain::training::course::{CatalogueQuery, Topic};
use domain::training::wire::CatalogueEntry;
use leptos::prelude::*;
use leptos_router::components::A;

/// Every course the member can see, filtered by topic and format, or only
/// those meant for them; a course they may not take says why.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let query = RwSignal::new(CatalogueQuery::default());
    let entries = LocalResource::new(move || {
        let (api, query) = (api.clone(), query.get());
        async move { api.catalogue(&query).await }
    });
    view! {
        <h1><Tr key=Key::TrainingTitle/></h1>
        <TrainingTabs/>
        <div class="filters">
            <div class="field">
                <label for="training-topic"><Tr key=Key::TrainingTopic/></label>
                <select id="training-topic" on:change=move |ev| query.update(|q| q.topic = from_wire_name(&event_target_value(&ev)))>
                    <option value="">{move || i18n.t(Key::TrainingAnyTopic)}</option>
                    {Topic::ALL.into_iter().map(|t| view! { <option value=wire_name(&t)>{move || i18n.t(topic_key(t))}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="training-format"><Tr key=Key::TrainingFormat/></label>
                <select id="training-format" on:change=move |ev| query.update(|q| q.format = from_wire_name(&event_target_value(&ev)))>
                    <option value="">{move || i18n.t(Key::TrainingAnyFormat)}</option>
                    {FORMATS.into_iter().map(|f| view! { <option value=wire_name(&f)>{move || i18n.t(format_key(f))}</option> }).collect_view()}
                </select>
            </div>
            <label class="check">
                <input type="checkbox" data-testid="training-for-you" on:change=move |ev| query.update(|q| q.for_you = event_target_checked(&ev))/>
                <Tr key=Key::TrainingForYouOnly/>
            </label>
        </div>
        <Loadable resource=entries skeleton_lines=8 render=|entries| view! { <Entries entries/> }/>
    }
}

#[component]
fn Entries(entries: Vec<CatalogueEntry>) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="empty"><Tr key=Key::TrainingNoCourses/></p> }.into_any();
    }
    view! {
        <ul class="order-list grid" data-testid="training-catalogue">
            {entries.into_iter().map(|entry| view! { <EntryCard entry/> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn EntryCard(entry: CatalogueEntry) -> impl IntoView {
    let i18n = use_i18n();
    let CatalogueEntry { course, eligibility, for_you, locked_by, progress } = entry;
    let (title, summary) = (course.draft.title.clone(), course.draft.summary.clone());
    let (topic, format) = (course.draft.topic, course.draft.format);
    let reasons: Vec<_> = eligibility.unmet().cloned().collect();
    // One badge: the one that says most.
    let badge = if !eligibility.eligible {
        Some(("badge badge-cancelled", Key::TrainingNotForYou))
    } else if progress.complete {
        Some(("badge badge-done", Key::TrainingComplete))
    } else if locked_by.is_some() {
        Some(("badge", Key::TrainingLocked))
    } else if for_you {
        Some(("badge badge-ready", Key::TrainingForYou))
    } else {
        None
    };
    let started = eligibility.eligible && progress.started() && !progress.complete;
    let title_text = title.clone();
    view! {
        <li class="card" data-testid="training-course">
            <h2><A href=course_path(course.id)>{move || title_text.get(i18n.lang()).to_owned()}</A></h2>
            <p class="muted">{move || format!("{} · {}", i18n.t(topic_key(topic)), i18n.t(format_key(format)))}</p>
            {badge.map(|(class, key)| view! { <p><span class=class data-testid="training-badge"><Tr key/></span></p> })}
            <p>{move || summary.get(i18n.lang()).to_owned()}</p>
            {(!reasons.is_empty()).then(|| view! { <EligibilityReasons reasons/> })}
            {started.then(|| view! { <Progress percent=progress.percent/> })}
        </li>
    }
}
