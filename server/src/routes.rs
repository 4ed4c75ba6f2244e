//! The HTTP surface: `/api/v1/...` as `api/openapi.yaml` describes it.

use crate::auth::{self, SignInLimiter, SignedIn};
use crate::problem::{Body, Problem};
use crate::store;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::{ACCEPT, CONTENT_TYPE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use domain::common::Clock;
use domain::company::WorkforceOverview;
use domain::{Credentials, Member, MemberProfile, OfferingStatus, Role, Timestamp};
use sqlx::SqlitePool;
use std::sync::Arc;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

/// Request bodies larger than this are refused (413) before parsing.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub pool: SqlitePool,
    pub limiter: Arc<SignInLimiter>,
    /// Whether the session cookie carries `Secure`.
    pub secure_cookies: bool,
    /// Taken by every store change for its load → check → write, so the
    /// rules judge the facts the write lands on: stock, quotas and allowances
    /// hold under concurrent orders. This serialises one process only; more
    /// copies behind a load balancer would need row locks (`SELECT … FOR
    /// UPDATE`) or SERIALIZABLE transactions on Postgres instead.
    pub store_lock: Arc<tokio::sync::Mutex<()>>,
    /// The products in memory between changes.
    pub catalogue: Arc<crate::catalogue::CatalogueCache>,
    /// Where every rule's `now` comes from.
    pub clock: Arc<dyn Clock + Send + Sync>,
}

impl AppState {
    pub fn new(pool: SqlitePool, secure_cookies: bool, clock: Arc<dyn Clock + Send + Sync>) -> AppState {
        AppState { pool, limiter: Arc::default(), secure_cookies, store_lock: Arc::default(), catalogue: Arc::default(), clock }
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }
}

/// The whole server: the API, and the built app when `static_dir` is set.
pub fn app(state: AppState, cors_origins: &[String], static_dir: Option<&std::path::Path>) -> std::io::Result<Router> {
    let api = Router::new()
        .route("/health", get(health))
        .route("/session", get(current_session).post(sign_in).delete(sign_out))
        .route("/me", get(my_profile))
        .route("/me/offerings", get(my_offerings))
        .route("/hr/workforce", get(workforce))
        .merge(crate::store_routes::routes())
        .fallback(|| async { Problem::not_found() })
        // Request logs (method, path, status, latency; never IP or user
        // agent) cover the member API only. Anonymous routes must go in a
        // sibling router without this layer, so nothing records when or
        // from where an anonymous message came.
        .layer(TraceLayer::new_for_http());
    let router = Router::new().nest("/api/v1", api);
    let router = match static_dir {
        Some(dir) => crate::static_site::serve_app(router, dir)?,
        None => router,
    };
    Ok(router.layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES)).layer(cors(cors_origins)).with_state(state))
}

fn cors(origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = origins.iter().filter_map(|o| HeaderValue::from_str(o.trim()).ok()).collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_credentials(true)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE])
        .allow_headers([CONTENT_TYPE, ACCEPT, HeaderName::from_static("idempotency-key")])
}

async fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

async fn sign_in(State(state): State<AppState>, Body(credentials): Body<Credentials>) -> Result<Response, Problem> {
    if credentials.email.trim().is_empty() {
        return Err(Problem::invalid("email", "email must not be empty".into()));
    }
    if state.limiter.is_blocked(&credentials.email) {
        return Err(Problem::too_many_attempts());
    }
    let found = store::member_for_sign_in(&state.pool, &credentials.email).await?;
    let member = match found {
        Some((member, hash)) if auth::verify_password(&credentials.password, &hash) => member,
        _ => {
            state.limiter.record_failure(&credentials.email);
            return Err(Problem::bad_credentials());
        }
    };
    state.limiter.record_success(&credentials.email);
    let (token, token_hash) = auth::new_session_token();
    let expires_at = state.now().unix_millis() / 1000 + auth::SESSION_LIFETIME.as_secs() as i64;
    store::create_session(&state.pool, &token_hash, member.id, expires_at).await?;
    let cookie = auth::session_cookie(Some(&token), state.secure_cookies);
    Ok(([(SET_COOKIE, cookie)], Json(member)).into_response())
}

async fn current_session(SignedIn(member): SignedIn) -> Json<Member> {
    Json(member)
}

async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, Problem> {
    if let Some(token) = auth::session_token(&headers) {
        store::delete_session(&state.pool, &auth::token_hash(&token)).await?;
    }
    let cookie = auth::session_cookie(None, state.secure_cookies);
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, cookie)]).into_response())
}

async fn my_profile(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<MemberProfile>, Problem> {
    let company = store::load_company(&state.pool).await?;
    company.profile(member.id, state.now().date()).map(Json).ok_or_else(Problem::not_found)
}

async fn my_offerings(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<Vec<OfferingStatus>>, Problem> {
    let company = store::load_company(&state.pool).await?;
    Ok(Json(company.offering_statuses(member.id, state.now().date())))
}

async fn workforce(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<WorkforceOverview>, Problem> {
    if member.role != Role::Hr {
        return Err(Problem::forbidden());
    }
    let company = store::load_company(&state.pool).await?;
    Ok(Json(company.workforce_overview(state.now().date())))
}
