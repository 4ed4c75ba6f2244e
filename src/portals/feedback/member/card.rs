use super::home::SurveyList;
use crate::browser::app_href;
use crate::components::Loadable;
use crate::i18n::{Key, Tr};
use crate::portals::feedback::feedback_resource;
use leptos::prelude::*;
use leptos_router::components::A;

/// The home page's card: the surveys open to the member, and the way to
/// the portal. It fetches no token: that waits until the portal opens.
#[component]
pub fn HomeCard() -> impl IntoView {
    let home = feedback_resource(|api| async move { api.home().await });
    view! {
        <section class="card" data-testid="feedback-card" aria-labelledby="feedback-card-title">
            <h2 id="feedback-card-title"><Tr key=Key::FeedbackCardTitle/></h2>
            <Loadable resource=home skeleton_lines=2 render=|home| view! { <SurveyList surveys=home.open_surveys/> }/>
            <p class="actions"><A href=app_href("/feedback")><Tr key=Key::FeedbackOpenPortal/></A></p>
        </section>
    }
}
