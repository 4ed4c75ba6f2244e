//! Feedback's calls on the REST client, loaded with the portal's module.
//! The anonymous ones go through [`HttpBackend::anonymous`]: no cookie, no
//! header that could name the member.

use super::api::FeedbackApi;
use crate::api::http::{parse, query_string, HttpBackend};
use crate::api::ApiError;
use async_trait::async_trait;
use domain::company::Directory;
use domain::feedback::anonymous::{AnonymousId, ThreadKey};
use domain::feedback::disclosure::{Dimension, GroupKey};
use domain::feedback::idea::{Idea, IdeaDraft, IdeaSort, IdeaStatus};
use domain::feedback::results::{ResultsQuery, SurveyResults, SurveySummary};
use domain::feedback::settings::FeedbackSettings;
use domain::feedback::survey::{Survey, SurveyDraft, SurveyId};
use domain::feedback::thread::Thread;
use domain::feedback::token::{BlindedRequest, Issued, PublicKey, Scope};
use domain::feedback::use_cases::NewThread;
use domain::feedback::wire::{
    AnonymousComment, AnonymousIdea, CommentDraft, FeedbackHome, Hide, PublishedKey, Reply, StartedThread, SurveyAnswer, ThreadAnswer, ThreadOpen, Vote,
};
use gloo_net::http::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::rc::Rc;

pub struct HttpFeedback(pub Rc<HttpBackend>);

impl HttpFeedback {
    /// An anonymous call and its JSON answer.
    async fn anonymous<T: DeserializeOwned>(&self, path: &str, body: &impl Serialize) -> Result<T, ApiError> {
        parse(&self.0.anonymous(path, body).await?)
    }
}

/// The results query as the contract writes it:
/// `?filter=department:3&breakdown=site`.
pub fn results_query(query: &ResultsQuery) -> String {
    #[derive(Serialize)]
    struct Query {
        #[serde(skip_serializing_if = "Option::is_none")]
        filter: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        breakdown: Option<String>,
    }
    let name = |dimension: Dimension| crate::components::wire_name(&dimension);
    let filter = query.filter.map(|GroupKey { dimension, value }| format!("{}:{value}", name(dimension)));
    query_string(&Query { filter, breakdown: query.breakdown.map(name) })
}

#[async_trait(?Send)]
impl FeedbackApi for HttpFeedback {
    async fn home(&self) -> Result<FeedbackHome, ApiError> {
        self.0.get("/feedback/home").await
    }

    async fn issue(&self, request: &BlindedRequest) -> Result<Issued, ApiError> {
        self.0.send(Method::POST, "/feedback/tokens", request).await
    }

    async fn ideas(&self, sort: IdeaSort) -> Result<Vec<Idea>, ApiError> {
        self.0.get(&format!("/feedback/ideas?sort={}", crate::components::wire_name(&sort))).await
    }

    async fn post_idea(&self, draft: &IdeaDraft) -> Result<Idea, ApiError> {
        self.0.send(Method::POST, "/feedback/ideas", draft).await
    }

    async fn comment(&self, idea: &AnonymousId, body: &str) -> Result<Idea, ApiError> {
        self.0.send(Method::POST, &format!("/feedback/ideas/{idea}/comments"), &CommentDraft { body: body.to_owned() }).await
    }

    async fn public_key(&self, scope: &Scope) -> Result<PublicKey, ApiError> {
        let published: PublishedKey = self.anonymous("/feedback/anonymous/key", scope).await?;
        Ok(published.public_key)
    }

    async fn answer_survey(&self, answer: &SurveyAnswer) -> Result<(), ApiError> {
        self.0.anonymous("/feedback/anonymous/responses", answer).await.map(drop)
    }

    async fn vote(&self, vote: &Vote) -> Result<Idea, ApiError> {
        self.anonymous("/feedback/anonymous/votes", vote).await
    }

    async fn start_thread(&self, new: &NewThread) -> Result<StartedThread, ApiError> {
        self.anonymous("/feedback/anonymous/threads", new).await
    }

    async fn open_thread(&self, key: &ThreadKey) -> Result<Thread, ApiError> {
        self.anonymous("/feedback/anonymous/threads/open", &ThreadOpen { key: *key }).await
    }

    async fn answer_thread(&self, key: &ThreadKey, body: &str) -> Result<Thread, ApiError> {
        self.anonymous("/feedback/anonymous/threads/answer", &ThreadAnswer { key: *key, body: body.to_owned() }).await
    }

    async fn post_anonymous_idea(&self, idea: &AnonymousIdea) -> Result<Idea, ApiError> {
        self.anonymous("/feedback/anonymous/ideas", idea).await
    }

    async fn anonymous_comment(&self, comment: &AnonymousComment) -> Result<Idea, ApiError> {
        self.anonymous("/feedback/anonymous/comments", comment).await
    }

    async fn threads(&self) -> Result<Vec<Thread>, ApiError> {
        self.0.get("/hr/feedback/threads").await
    }

    async fn reply(&self, thread: &AnonymousId, body: &str) -> Result<Thread, ApiError> {
        self.0.send(Method::POST, &format!("/hr/feedback/threads/{thread}/replies"), &Reply { body: body.to_owned() }).await
    }

    async fn hide_message(&self, thread: &AnonymousId, message: &AnonymousId, reason: &str) -> Result<Thread, ApiError> {
        self.0.send(Method::POST, &format!("/hr/feedback/threads/{thread}/messages/{message}/hide"), &Hide { reason: reason.to_owned() }).await
    }

    async fn set_status(&self, idea: &AnonymousId, status: &IdeaStatus) -> Result<Idea, ApiError> {
        self.0.send(Method::PUT, &format!("/hr/feedback/ideas/{idea}/status"), status).await
    }

    async fn hide_idea(&self, idea: &AnonymousId, reason: &str) -> Result<Idea, ApiError> {
        self.0.send(Method::POST, &format!("/hr/feedback/ideas/{idea}/hide"), &Hide { reason: reason.to_owned() }).await
    }

    async fn hide_comment(&self, idea: &AnonymousId, comment: &AnonymousId, reason: &str) -> Result<Idea, ApiError> {
        self.0.send(Method::POST, &format!("/hr/feedback/ideas/{idea}/comments/{comment}/hide"), &Hide { reason: reason.to_owned() }).await
    }

    async fn surveys(&self) -> Result<Vec<SurveySummary>, ApiError> {
        self.0.get("/hr/feedback/surveys").await
    }

    async fn create_survey(&self, draft: &SurveyDraft) -> Result<Survey, ApiError> {
        self.0.send(Method::POST, "/hr/feedback/surveys", draft).await
    }

    async fn update_survey(&self, id: SurveyId, draft: &SurveyDraft) -> Result<Survey, ApiError> {
        self.0.send(Method::PUT, &format!("/hr/feedback/surveys/{}", id.0), draft).await
    }

    async fn results(&self, id: SurveyId, query: &ResultsQuery) -> Result<SurveyResults, ApiError> {
        self.0.get(&format!("/hr/feedback/surveys/{}/results{}", id.0, results_query(query))).await
    }

    async fn directory(&self) -> Result<Directory, ApiError> {
        self.0.get("/hr/feedback/directory").await
    }

    async fn settings(&self) -> Result<FeedbackSettings, ApiError> {
        self.0.get("/hr/feedback/settings").await
    }

    async fn save_settings(&self, settings: &FeedbackSettings) -> Result<FeedbackSettings, ApiError> {
        self.0.send(Method::PUT, "/hr/feedback/settings", settings).await
    }
}
