//! Anonymous feedback: conversations with HR or a department's leadership,
//! an ideas board and pulse surveys, anonymous in what is stored.
//!
//! - `handlers`: the HTTP surface: `/feedback/...` for signed-in members,
//!   `/feedback/anonymous/...` for calls that carry no credentials, and
//!   `/hr/feedback/...` for responders and HR;
//! - `db`: feedback's tables.
//!
//! Two routers: [`router`] goes behind the request log like every portal's;
//! [`anonymous_router`] is merged after it (`app.rs`), so nothing records
//! when, or from where, an anonymous call came.

pub mod db;
mod handlers;

use crate::state::AppState;
use axum::routing::{get, post, put};
use axum::Router;
use sqlx::AnyConnection;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/feedback/home", get(handlers::home))
        .route("/feedback/tokens", post(handlers::issue))
        .route("/feedback/ideas", get(handlers::ideas).post(handlers::post_idea))
        .route("/feedback/ideas/{id}/comments", post(handlers::comment))
        .route("/hr/feedback/threads", get(handlers::threads))
        .route("/hr/feedback/threads/{id}/replies", post(handlers::reply))
        .route("/hr/feedback/threads/{id}/messages/{message}/hide", post(handlers::hide_message))
        .route("/hr/feedback/ideas/{id}/status", put(handlers::set_status))
        .route("/hr/feedback/ideas/{id}/hide", post(handlers::hide_idea))
        .route("/hr/feedback/ideas/{id}/comments/{comment}/hide", post(handlers::hide_comment))
        .route("/hr/feedback/surveys", get(handlers::surveys).post(handlers::create_survey))
        .route("/hr/feedback/surveys/{id}", put(handlers::update_survey))
        .route("/hr/feedback/surveys/{id}/results", get(handlers::survey_results))
        .route("/hr/feedback/directory", get(handlers::directory))
        .route("/hr/feedback/settings", get(handlers::settings).put(handlers::save_settings))
}

/// The anonymous calls: no handler here reads a cookie or names a member.
pub fn anonymous_router() -> Router<AppState> {
    Router::new()
        .route("/feedback/anonymous/key", post(handlers::anonymous_key))
        .route("/feedback/anonymous/responses", post(handlers::anonymous_response))
        .route("/feedback/anonymous/votes", post(handlers::anonymous_vote))
        .route("/feedback/anonymous/threads", post(handlers::anonymous_thread))
        .route("/feedback/anonymous/threads/open", post(handlers::anonymous_open))
        .route("/feedback/anonymous/threads/answer", post(handlers::anonymous_answer))
        .route("/feedback/anonymous/ideas", post(handlers::anonymous_idea))
        .route("/feedback/anonymous/comments", post(handlers::anonymous_comment))
}

/// Loads the demo's feedback (`domain::seed::demo_feedback`) unless surveys
/// exist; `true` when it did.
pub async fn seed_demo(conn: &mut AnyConnection) -> Result<bool, sqlx::Error> {
    if db::survey_count(&mut *conn).await? > 0 {
        return Ok(false);
    }
    db::seed(conn, &domain::seed::demo_feedback(&mut rand::rngs::OsRng)).await?;
    Ok(true)
}
