//! What the feedback portal asks of a backend, on both backends in this
//! folder (`demo.rs`, `http.rs`), connected to the chosen one on first use.
//! The anonymous calls carry no credentials: on HTTP no cookie and no
//! header that names the member; on the demo backend they reach the store
//! without the session's member.

use super::demo::DemoFeedback;
use super::http::HttpFeedback;
use crate::api::{resource, Api, ApiError, Chosen};
use async_trait::async_trait;
use domain::company::Directory;
use domain::feedback::anonymous::{AnonymousId, ThreadKey};
use domain::feedback::idea::{Idea, IdeaDraft, IdeaSort, IdeaStatus};
use domain::feedback::results::{ResultsQuery, SurveyResults, SurveySummary};
use domain::feedback::settings::FeedbackSettings;
use domain::feedback::survey::{Survey, SurveyDraft, SurveyId};
use domain::feedback::thread::Thread;
use domain::feedback::token::{BlindedRequest, Issued, PublicKey, Scope};
use domain::feedback::use_cases::NewThread;
use domain::feedback::wire::{AnonymousComment, AnonymousIdea, FeedbackHome, StartedThread, SurveyAnswer, Vote};
use leptos::prelude::*;
use std::rc::Rc;

#[async_trait(?Send)]
pub trait FeedbackApi {
    // Signed-in member.
    async fn home(&self) -> Result<FeedbackHome, ApiError>;
    /// A token for a scope, evaluated blindly (`POST /feedback/tokens`).
    async fn issue(&self, request: &BlindedRequest) -> Result<Issued, ApiError>;
    async fn ideas(&self, sort: IdeaSort) -> Result<Vec<Idea>, ApiError>;
    /// An idea under the member's name.
    async fn post_idea(&self, draft: &IdeaDraft) -> Result<Idea, ApiError>;
    /// A comment under the member's name.
    async fn comment(&self, idea: &AnonymousId, body: &str) -> Result<Idea, ApiError>;

    // Anonymous: no credentials.
    /// A scope's published key, the same for everyone who asks.
    async fn public_key(&self, scope: &Scope) -> Result<PublicKey, ApiError>;
    async fn answer_survey(&self, answer: &SurveyAnswer) -> Result<(), ApiError>;
    async fn vote(&self, vote: &Vote) -> Result<Idea, ApiError>;
    async fn start_thread(&self, new: &NewThread) -> Result<StartedThread, ApiError>;
    async fn open_thread(&self, key: &ThreadKey) -> Result<Thread, ApiError>;
    async fn answer_thread(&self, key: &ThreadKey, body: &str) -> Result<Thread, ApiError>;
    async fn post_anonymous_idea(&self, idea: &AnonymousIdea) -> Result<Idea, ApiError>;
    async fn anonymous_comment(&self, comment: &AnonymousComment) -> Result<Idea, ApiError>;

    // Responders (HR, and a department's leadership) and HR.
    /// The conversations this member answers, those awaiting a reply first.
    async fn threads(&self) -> Result<Vec<Thread>, ApiError>;
    async fn reply(&self, thread: &AnonymousId, body: &str) -> Result<Thread, ApiError>;
    async fn hide_message(&self, thread: &AnonymousId, message: &AnonymousId, reason: &str) -> Result<Thread, ApiError>;
    async fn set_status(&self, idea: &AnonymousId, status: &IdeaStatus) -> Result<Idea, ApiError>;
    async fn hide_idea(&self, idea: &AnonymousId, reason: &str) -> Result<Idea, ApiError>;
    async fn hide_comment(&self, idea: &AnonymousId, comment: &AnonymousId, reason: &str) -> Result<Idea, ApiError>;
    /// Surveys with their response counts (HR and managers).
    async fn surveys(&self) -> Result<Vec<SurveySummary>, ApiError>;
    async fn create_survey(&self, draft: &SurveyDraft) -> Result<Survey, ApiError>;
    async fn update_survey(&self, id: SurveyId, draft: &SurveyDraft) -> Result<Survey, ApiError>;
    async fn results(&self, id: SurveyId, query: &ResultsQuery) -> Result<SurveyResults, ApiError>;
    /// The departments and sites groups are named by (HR and managers).
    async fn directory(&self) -> Result<Directory, ApiError>;
    async fn settings(&self) -> Result<FeedbackSettings, ApiError>;
    async fn save_settings(&self, settings: &FeedbackSettings) -> Result<FeedbackSettings, ApiError>;
}

pub fn connect(chosen: &Chosen) -> Rc<dyn FeedbackApi> {
    match chosen {
        Chosen::Demo(demo) => Rc::new(DemoFeedback::open(demo.core.clone())),
        Chosen::Http(http) => Rc::new(HttpFeedback(http.clone())),
    }
}

pub fn use_feedback() -> Rc<dyn FeedbackApi> {
    expect_context::<Api>().portal(connect)
}

/// A resource that calls the feedback portal, for `<Loadable>` regions.
pub fn feedback_resource<T, Fut>(call: impl Fn(Rc<dyn FeedbackApi>) -> Fut + 'static) -> LocalResource<Result<T, ApiError>>
where
    T: 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    resource(use_feedback(), call)
}
