//! The whole server: the API under `/api/v1` as `api/openapi.yaml`
//! describes it (the shell's routes and one router per portal), the built
//! app when asked, and the layers around them.

use crate::problem::Problem;
use crate::state::AppState;
use crate::{portals, shell};
use axum::extract::DefaultBodyLimit;
use axum::http::header::{ACCEPT, CONTENT_TYPE};
use axum::http::{HeaderName, HeaderValue, Method};
use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

/// Request bodies larger than this are refused (413) before parsing.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// The whole server: the API, and the built app when `static_dir` is set.
pub fn app(state: AppState, cors_origins: &[String], static_dir: Option<&std::path::Path>) -> std::io::Result<Router> {
    let api = Router::new()
        .merge(shell::router())
        .merge(portals::store::router())
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
