//! What the shell around every portal asks: health, the session, the
//! member's profile and offerings, and HR's workforce overview.

use crate::auth;
use crate::db;
use crate::extract::{Body, Hr, SignedIn};
use crate::problem::Problem;
use crate::state::AppState;
use axum::extract::State;
use axum::http::header::{RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use domain::company::WorkforceOverview;
use domain::{Credentials, Member, MemberProfile, OfferingStatus};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/session", get(current_session).delete(sign_out))
        .route("/me", get(my_profile))
        .route("/me/offerings", get(my_offerings))
        .route("/hr/workforce", get(workforce))
}

/// Routes whose requests are never logged (`app` keeps them out of the
/// request log): an attempt to sign in names an email, and whether it came
/// and failed is nobody's business.
pub fn unlogged_router() -> Router<AppState> {
    Router::new().route("/session", post(sign_in))
}

async fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

/// The attempt is counted before the password is checked, and an unknown
/// email costs the same check as a known one.
async fn sign_in(State(state): State<AppState>, Body(credentials): Body<Credentials>) -> Result<Response, Problem> {
    let violations = credentials.violations();
    if !violations.is_empty() {
        return Err(Problem::violations(violations));
    }
    if let Some(wait) = auth::claim_sign_in_attempt(&state.pool, &credentials.email, state.now()).await? {
        // Whole seconds, rounded up: a client that waits that long may try.
        let seconds = wait.as_millis().div_ceil(1000).max(1);
        return Ok(([(RETRY_AFTER, seconds.to_string())], Problem::too_many_attempts()).into_response());
    }
    let found = db::member_for_sign_in(&state.pool, &credentials.email).await?;
    let matches = auth::check_password(&credentials.password, found.as_ref().map(|(_, hash)| hash.as_str())).await;
    let (member, _) = found.filter(|_| matches).ok_or_else(Problem::bad_credentials)?;
    auth::record_sign_in_success(&state.pool, &credentials.email).await?;
    let (token, token_hash) = auth::new_session_token();
    let expires_at = state.now().unix_millis() / 1000 + auth::SESSION_LIFETIME.as_secs() as i64;
    db::create_session(&state.pool, &token_hash, member.id, expires_at).await?;
    let cookie = auth::session_cookie(Some(&token), state.secure_cookies);
    Ok(([(SET_COOKIE, cookie)], Json(member)).into_response())
}

async fn current_session(SignedIn(member): SignedIn) -> Json<Member> {
    Json(member)
}

async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, Problem> {
    if let Some(token) = auth::session_token(&headers) {
        db::delete_session(&state.pool, &auth::token_hash(&token)).await?;
    }
    let cookie = auth::session_cookie(None, state.secure_cookies);
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, cookie)]).into_response())
}

async fn my_profile(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<MemberProfile>, Problem> {
    let company = db::load_company(&mut *state.pool.acquire().await?).await?;
    company.profile(member.id, state.now().date()).map(Json).ok_or_else(Problem::not_found)
}

async fn my_offerings(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<Vec<OfferingStatus>>, Problem> {
    let company = db::load_company(&mut *state.pool.acquire().await?).await?;
    Ok(Json(company.offering_statuses(member.id, state.now().date())))
}

async fn workforce(State(state): State<AppState>, _: Hr) -> Result<Json<WorkforceOverview>, Problem> {
    let company = db::load_company(&mut *state.pool.acquire().await?).await?;
    Ok(Json(company.workforce_overview(state.now().date())))
}
