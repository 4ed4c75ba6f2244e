use crate::browser::app_href;
use crate::components::Loadable;
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::labels::{room_at_site, span, when};
use crate::portals::training::training_resource;
use domain::training::wire::{NextUp, TrainingHome};
use leptos::prelude::*;
use leptos_router::components::A;

/// The home page's training card: seats that came free from a waitlist,
/// the next session or event, paths' progress, certificates to renew.
#[component]
pub fn HomeCard() -> impl IntoView {
    let home = training_resource(|api| async move { api.home().await });
    view! {
        <section class="card" data-testid="training-card" aria-labelledby="training-card-title">
            <h2 id="training-card-title"><Tr key=Key::TrainingTitle/></h2>
            <Loadable resource=home skeleton_lines=3 render=|home| view! { <CardLines home/> }/>
        </section>
    }
}

#[component]
fn CardLines(home: TrainingHome) -> impl IntoView {
    let i18n = use_i18n();
    let TrainingHome { next, paths, expiring, promotions } = home;
    view! {
        {promotions.into_iter().map(|p| view! {
            <p class="success" data-testid="training-promotion">
                {move || i18n.fill(Key::TrainingCardPromoted, &[("course", p.course_title.get(i18n.lang())), ("when", &when(p.starts, i18n.lang()))])}
            </p>
        }).collect_view()}
        {next.map(|next| match next {
            NextUp::Session { course_title, starts, ends, site, room, .. } => view! {
                <p data-testid="training-next">{move || i18n.fill(Key::TrainingCardNextSession, &[
                    ("course", course_title.get(i18n.lang())), ("when", &span(starts, ends, i18n.lang())), ("place", &room_at_site(&room, &site, i18n.lang())),
                ])}</p>
            }.into_any(),
            NextUp::Event { title, starts, ends, place, .. } => view! {
                <p data-testid="training-next">{move || i18n.fill(Key::TrainingCardNextEvent, &[
                    ("event", title.get(i18n.lang())), ("when", &span(starts, ends, i18n.lang())), ("place", &place),
                ])}</p>
            }.into_any(),
        })}
        {paths.into_iter().map(|p| view! {
            <p>{move || i18n.fill(Key::TrainingCardPath, &[("path", p.path.draft.title.get(i18n.lang())), ("n", &p.percent.to_string())])}</p>
        }).collect_view()}
        {expiring.into_iter().map(|e| view! {
            <p class="warning" data-testid="training-expiring">
                {move || i18n.fill(Key::TrainingCardExpiring, &[("course", e.course_title.get(i18n.lang())), ("day", &date(e.expires_on, i18n.lang())), ("n", &e.days_left.to_string())])}
            </p>
        }).collect_view()}
        <p class="actions">
            <A href=app_href("/training") attr:class="button"><Tr key=Key::TrainingOpen/></A>
        </p>
    }
}
