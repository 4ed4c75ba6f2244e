//! Feedback, HR and responder side: the inbox of anonymous conversations
//! (HR, and a department's leadership), the ideas board's moderation,
//! surveys (the list, the editor, the results) and the settings.
//!
//! Pages HR and managers share (the inbox, the surveys, the results) sit
//! in the portal's HR frame for HR and stand on their own for a manager
//! ([`ResponderFrame`]); anyone else reads "not for your role".

mod directory;
mod editor;
mod figures;
mod ideas;
mod inbox;
mod labels;
mod moderate;
mod results;
mod settings;
mod surveys;

pub use editor::SurveyEditor;
pub use ideas::IdeasAdmin;
pub use inbox::Inbox;
pub use results::Results;
pub use settings::Settings;
pub use surveys::Surveys;

use crate::browser::app_href;
use crate::components::StatusMessage;
use crate::i18n::{use_i18n, Key};
use crate::portals::hr_frame::HrFrame;
use crate::session::use_session;
use domain::feedback::survey::SurveyId;
use domain::Role;
use leptos::prelude::*;
use leptos_router::components::A;

/// The portal's HR pages share the HR frame, with the portal's tabs.
#[component]
fn FeedbackHrFrame(#[prop(into)] title: Signal<Key>, children: ChildrenFn) -> impl IntoView {
    view! { <HrFrame portal=&super::PORTAL title children/> }
}

/// A page HR and a department's leadership both use: HR reads it in the
/// HR frame, among the portal's HR tabs (which a manager may not open); a
/// manager reads it with tabs of their own (the inbox, the surveys'
/// results); anyone else is refused.
#[component]
fn ResponderFrame(title: Key, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        let children = children.clone();
        if session.is_hr() {
            view! { <FeedbackHrFrame title children/> }.into_any()
        } else if session.member().is_some_and(|m| m.role == Role::Manager) {
            view! {
                <h1>{move || i18n.t(title)}</h1>
                <nav class="tabs" aria-label=move || i18n.t(Key::FeedbackHrManagerTabs)>
                    <A href=app_href(INBOX_PATH) exact=true>{move || i18n.t(Key::FeedbackHrInboxTitle)}</A>
                    <A href=app_href(surveys_path(false))>{move || i18n.t(Key::FeedbackHrSurveysTitle)}</A>
                </nav>
                {children()}
            }
            .into_any()
        } else {
            view! { <StatusMessage title=Key::ErrorForbidden page=true/> }.into_any()
        }
    }
}

/// Today on the member's clock (what "open" and "closed" mean in lists);
/// the backend judges with its own.
fn today() -> domain::Date {
    use domain::common::Clock;
    crate::browser::BrowserClock.now().date()
}

/// A manager's inbox (HR's is the portal's first HR page, `/hr/feedback`).
pub const INBOX_PATH: &str = "/feedback/inbox";

/// The surveys' list: HR's among the HR pages; a manager's lists the
/// surveys whose results they read, beside those results.
pub fn surveys_path(hr: bool) -> &'static str {
    if hr {
        "/hr/feedback/surveys"
    } else {
        "/feedback/results"
    }
}

/// A survey's results: HR's page, or a manager's (their own department).
pub fn results_path(id: SurveyId, hr: bool) -> String {
    if hr {
        format!("/hr/feedback/surveys/{}/results", id.0)
    } else {
        format!("/feedback/results/{}", id.0)
    }
}

/// HR's editor of a survey, or of a new one.
pub fn editor_path(id: Option<SurveyId>) -> String {
    match id {
        Some(id) => format!("/hr/feedback/surveys/{}", id.0),
        None => "/hr/feedback/surveys/new".to_owned(),
    }
}
