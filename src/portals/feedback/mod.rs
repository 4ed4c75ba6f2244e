//! Anonymous feedback (Góp ý ẩn danh): conversations with HR or a
//! department's leadership that stay anonymous, an ideas board with votes
//! and comments, and pulse surveys. Everything feedback is on this side
//! lives in this folder:
//! - `api.rs`: its calls (`FeedbackApi`), and `demo.rs` / `http.rs`, their
//!   two implementations (the demo one with its own stored data; the HTTP
//!   one sends the anonymous calls without credentials);
//! - `wallet.rs`: what only the member's browser holds (conversation keys,
//!   one-time tokens), and `keeper.rs`, which fetches and spends tokens;
//! - `member/` and `hr/`: its pages, told apart by `page_at`; `labels.rs`:
//!   its enums' texts and rules.
//!
//! Its pages are a wasm module of their own (`*-split_feedback.wasm`),
//! reached only through [`draw`]: the token cryptography loads with it.

pub mod api;
pub mod demo;
pub mod hr;
pub mod http;
pub mod keeper;
pub mod labels;
pub mod member;
pub mod wallet;

pub use api::{feedback_resource, use_feedback, FeedbackApi};

use super::lazy::split_module;
use super::{not_found, HrPage, PageAtPath, Portal, SeenBy};
use crate::i18n::Key;
use domain::feedback::anonymous::AnonymousId;
use domain::feedback::survey::SurveyId;
use leptos::prelude::*;

pub const PORTAL: Portal = Portal {
    name: "feedback",
    icon: "chat",
    label: Key::NavFeedback,
    paths: &["/feedback", "/hr/feedback"],
    public_paths: &[],
    seen_by: SeenBy::Members,
    prefetch: || MODULE.prefetch(),
    signed_in: |_| {},
    home_card: Some(|| MODULE.page(FeedbackPage::HomeCard)),
    page: || MODULE.page(FeedbackPage::AtPath),
    hr_pages: &[
        HrPage { path: "/hr/feedback", label: Key::HrFeedbackConversations, summary: Key::HrFeedbackConversationsSummary },
        HrPage { path: "/hr/feedback/ideas", label: Key::HrFeedbackIdeas, summary: Key::HrFeedbackIdeasSummary },
        HrPage { path: "/hr/feedback/surveys", label: Key::HrFeedbackSurveys, summary: Key::HrFeedbackSurveysSummary },
        HrPage { path: "/hr/feedback/settings", label: Key::HrFeedbackSettings, summary: Key::HrFeedbackSettingsSummary },
    ],
};

split_module!(pub MODULE: FeedbackPage = feedback(draw), Key::NavFeedback, texts = crate::i18n::portal_texts::FEEDBACK);

/// What the portal's module draws: the home page's card, or the page at
/// the current path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedbackPage {
    HomeCard,
    AtPath,
}

fn draw(page: FeedbackPage) -> AnyView {
    crate::i18n::labels::register_rule_messages(labels::rule_message);
    match page {
        FeedbackPage::HomeCard => view! { <member::HomeCard/> }.into_any(),
        FeedbackPage::AtPath => view! { <PageAtPath page_at/> }.into_any(),
    }
}

/// The portal's pages by the path's segments.
fn page_at(segments: &[&str]) -> AnyView {
    match segments {
        ["feedback"] => view! { <member::FeedbackHomePage/> }.into_any(),
        ["feedback", "threads", id] => match AnonymousId::try_from((*id).to_owned()) {
            Ok(id) => view! { <member::ThreadPage id/> }.into_any(),
            Err(_) => not_found(),
        },
        ["feedback", "open"] => view! { <member::OpenPage/> }.into_any(),
        ["feedback", "ideas"] => view! { <member::IdeasPage/> }.into_any(),
        ["feedback", "surveys", id] => match survey_id(id) {
            Some(id) => view! { <member::SurveyPage id/> }.into_any(),
            None => not_found(),
        },
        // A department's leadership answers its conversations and reads its
        // surveys' results from the member side.
        ["feedback", "inbox"] => view! { <hr::Inbox/> }.into_any(),
        ["feedback", "results"] => view! { <hr::Surveys/> }.into_any(),
        ["feedback", "results", id] => match survey_id(id) {
            Some(id) => view! { <hr::Results id/> }.into_any(),
            None => not_found(),
        },
        ["hr", "feedback"] => view! { <hr::Inbox/> }.into_any(),
        ["hr", "feedback", "ideas"] => view! { <hr::IdeasAdmin/> }.into_any(),
        ["hr", "feedback", "surveys"] => view! { <hr::Surveys/> }.into_any(),
        ["hr", "feedback", "surveys", "new"] => view! { <hr::SurveyEditor id=None/> }.into_any(),
        ["hr", "feedback", "surveys", id] => match survey_id(id) {
            Some(id) => view! { <hr::SurveyEditor id=Some(id)/> }.into_any(),
            None => not_found(),
        },
        ["hr", "feedback", "surveys", id, "results"] => match survey_id(id) {
            Some(id) => view! { <hr::Results id/> }.into_any(),
            None => not_found(),
        },
        ["hr", "feedback", "settings"] => view! { <hr::Settings/> }.into_any(),
        _ => not_found(),
    }
}

fn survey_id(segment: &str) -> Option<SurveyId> {
    segment.parse().ok().map(SurveyId)
}

/// Today on the member's clock (the day a conversation begins, as the
/// wallet notes it); the backend judges with its own.
pub fn today() -> domain::Date {
    use domain::common::Clock;
    crate::browser::BrowserClock.now().date()
}

/// Now on the member's clock, in Unix milliseconds (when a token was
/// finalised, and when it may be spent).
pub fn now_millis() -> i64 {
    js_sys::Date::now() as i64
}
