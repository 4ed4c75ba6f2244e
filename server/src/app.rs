//! The whole server: the API under `/api/v1` as `api/openapi.yaml`
//! describes it (the shell's routes and one router per portal), the built
//! app when asked, and the layers around them.

use crate::problem::Problem;
use crate::state::AppState;
use crate::{portals, shell};
use axum::extract::DefaultBodyLimit;
use axum::http::header::{ACCEPT, CONTENT_LENGTH, CONTENT_TYPE, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::{middleware, Router};
use std::io;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Request bodies larger than this are refused (413) before parsing.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// The whole server: the API, and the built app when `static_dir` is set.
/// A CORS origin that could not work or would be unsafe is an error here,
/// not a panic later.
pub fn app(state: AppState, cors_origins: &[String], static_dir: Option<&std::path::Path>) -> io::Result<Router> {
    let cors = cors(cors_origins)?;
    // Request logs (method, path, status, latency; never the peer's address
    // or user agent) cover the member API only. Routes that must leave no
    // trace (signing in, anonymous feedback) are merged in after the
    // layer, so no log at any level records when or from where they came.
    let logged = Router::new()
        .merge(shell::router())
        .merge(portals::store::router())
        .merge(portals::benefits::router())
        .merge(portals::feedback::router())
        .merge(portals::training::router())
        .layer(TraceLayer::new_for_http());
    let v1 = logged.merge(shell::unlogged_router()).merge(portals::feedback::anonymous_router()).merge(portals::training::public_router());
    let not_found = || async { Problem::not_found() };
    let router = Router::new()
        .nest("/api/v1", v1)
        // Any other path under /api, even with `--static`, is the API's 404.
        .route("/api", any(not_found))
        .route("/api/", any(not_found))
        .route("/api/{*rest}", any(not_found))
        // A request still unanswered after this (a body that trickles in,
        // or never ends) is cut with 408.
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, state.request_timeout))
        .layer(middleware::map_response(problem_for_bare_errors))
        .layer(SetResponseHeaderLayer::overriding(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(REFERRER_POLICY, HeaderValue::from_static("no-referrer")));
    let router = match static_dir {
        Some(dir) => crate::static_site::serve_app(router, dir)?,
        None => router,
    };
    Ok(router.layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES)).layer(cors).with_state(state))
}

/// Every API error is problem+json: an error answered by the framework with
/// no body (405 with its `Allow` header, 408) gets the problem document for
/// its status, keeping its headers.
async fn problem_for_bare_errors(response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || response.headers().contains_key(CONTENT_TYPE) {
        return response;
    }
    let mut answer = Problem::of_status(status).into_response();
    for (name, value) in response.headers().iter().filter(|(name, _)| *name != CONTENT_LENGTH) {
        answer.headers_mut().insert(name.clone(), value.clone());
    }
    answer
}

fn cors(origins: &[String]) -> io::Result<CorsLayer> {
    let origins = origins.iter().map(|o| cors_origin(o).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))).collect::<io::Result<Vec<_>>>()?;
    Ok(CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_credentials(true)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE])
        .allow_headers([CONTENT_TYPE, ACCEPT, HeaderName::from_static("idempotency-key")]))
}

/// An origin allowed to call the API with its visitors' sessions, exactly
/// as a browser sends it in `Origin`: `https://host` or `http://host:port`,
/// no path, no trailing slash (a browser never sends one, so it would never
/// match).
pub fn cors_origin(origin: &str) -> Result<HeaderValue, String> {
    let origin = origin.trim();
    let refuse = |why: &str| Err(format!("CORS origin {origin:?}: {why}"));
    match origin {
        "*" => return refuse("a wildcard would let every website call the API with its visitors' sessions; list each origin instead"),
        "null" => return refuse("\"null\" is the origin of sandboxed frames and local files, which any page can make; it cannot be trusted"),
        _ => {}
    }
    let Some((scheme, host)) = origin.split_once("://") else {
        return refuse("write it as https://host or http://host:port");
    };
    if !matches!(scheme, "http" | "https") {
        return refuse("the scheme must be http or https");
    }
    if host.ends_with('/') {
        return refuse("remove the trailing slash: browsers send origins without one, so this would never match");
    }
    if host.is_empty() || host.contains(['/', '?', '#', '@', '*']) || host.contains(char::is_whitespace) {
        return refuse("an origin is a scheme, a host and an optional port: no path, query, user or wildcard");
    }
    HeaderValue::from_str(origin).map_err(|_| format!("CORS origin {origin:?}: not a valid header value"))
}

#[cfg(test)]
mod tests {
    use super::cors_origin;

    #[test]
    fn cors_origins_that_could_never_match_or_would_be_unsafe_are_refused_with_a_reason() {
        for (origin, reason) in [
            ("*", "wildcard"),
            ("null", "sandboxed"),
            ("https://portal.example.vn/", "trailing slash"),
            ("portal.example.vn", "https://host"),
            ("ftp://portal.example.vn", "http or https"),
            ("https://portal.example.vn/app", "no path"),
            ("https://*.example.vn", "wildcard"),
        ] {
            let error = cors_origin(origin).unwrap_err();
            assert!(error.contains(reason), "{origin}: {error}");
        }
        assert_eq!(cors_origin("https://portal.example.vn").unwrap(), "https://portal.example.vn");
        assert_eq!(cors_origin(" http://127.0.0.1:8080 ").unwrap(), "http://127.0.0.1:8080");
    }
}
