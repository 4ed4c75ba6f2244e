//! What the server's test files share: the day they live on, a fresh
//! database of the kind the run asks for, and the server on it.
//!
//! By default each test gets SQLite. With `NOIBO_TEST_POSTGRES` set to a
//! PostgreSQL server's URL (`make test` starts a throwaway one), each test
//! gets a new, empty database of its own on that server instead, so the
//! same tests check both.

#![allow(dead_code)] // each test file uses its own part

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use noibo_server::auth;
use noibo_server::{app, db, seed, AppState};
use serde_json::Value;
use sqlx::{AnyPool, Connection};
use std::sync::atomic::{AtomicU32, Ordering};
use tower::ServiceExt;

/// The day these tests live on, whatever day they run.
pub const NOW: &str = "2026-11-20T10:00:00+07:00";

pub fn now() -> domain::Timestamp {
    NOW.parse().unwrap()
}

pub fn state(pool: AnyPool, secure_cookies: bool) -> AppState {
    AppState::new(pool, secure_cookies, std::sync::Arc::new(domain::common::FixedClock(now())))
}

/// A fresh, empty database: in-memory SQLite (one connection), or a new
/// PostgreSQL database.
pub async fn fresh_database() -> String {
    match postgres().await {
        Some(url) => url,
        None => "sqlite::memory:".to_owned(),
    }
}

/// A fresh, empty database that several connections share, so requests
/// really overlap and a reopened pool finds the data: a SQLite file named
/// after `name`, or a new PostgreSQL database.
pub async fn fresh_shared_database(name: &str) -> String {
    match postgres().await {
        Some(url) => url,
        None => {
            let file = std::env::temp_dir().join(format!("noibo-{name}-{}.db", std::process::id()));
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
            }
            format!("sqlite://{}", file.display())
        }
    }
}

/// A new database on the PostgreSQL server `NOIBO_TEST_POSTGRES` names, if
/// it names one.
async fn postgres() -> Option<String> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let server = std::env::var("NOIBO_TEST_POSTGRES").ok().filter(|url| !url.is_empty())?;
    sqlx::any::install_default_drivers();
    let name = format!("test_{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::SeqCst));
    let mut admin = sqlx::AnyConnection::connect(&server).await.expect("NOIBO_TEST_POSTGRES is reachable");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut admin).await.unwrap();
    admin.close().await.unwrap();
    let (base, _) = server.rsplit_once('/').expect("a URL ending in /database");
    Some(format!("{base}/{name}"))
}

/// The server on a fresh database seeded with the demo company and store.
pub async fn seeded() -> (Router, AnyPool) {
    let pool = db::connect(&fresh_database().await).await.unwrap();
    assert!(seed::seed_demo(&pool, now()).await.unwrap());
    (app(state(pool.clone(), false), &[], None).unwrap(), pool)
}

// Requests in process: a session made in SQL, one request, its answer.

pub async fn session(pool: &AnyPool, email: &str) -> String {
    let id: i64 = sqlx::query_scalar("SELECT id FROM members WHERE email = $1").bind(email).fetch_one(pool).await.unwrap();
    let (token, hash) = auth::new_session_token();
    db::create_session(pool, &hash, domain::MemberId(id as u32), now().unix_millis() / 1000 + 3600).await.unwrap();
    format!("{}={token}", auth::SESSION_COOKIE)
}

#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub content_type: String,
    pub disposition: String,
    pub text: String,
    pub body: Value,
}

impl Answer {
    /// The `(field, rule)` of every error in a problem.
    pub fn errors(&self) -> Vec<(String, String)> {
        let errors = self.body["errors"].as_array().cloned().unwrap_or_default();
        errors.iter().map(|e| (e["field"].as_str().unwrap_or("").to_owned(), e["rule"].as_str().unwrap_or("").to_owned())).collect()
    }
}

pub async fn send(app: &Router, method: &str, path: &str, cookie: Option<&str>, key: Option<&str>, body: Option<&str>) -> Answer {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    if body.is_some() {
        request = request.header(header::CONTENT_TYPE, "application/json");
    }
    let request = request.body(Body::from(body.unwrap_or_default().to_owned())).unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let (status, content_type, disposition) = {
        let header_text = |name| response.headers().get(name).map(|v: &header::HeaderValue| v.to_str().unwrap().to_owned()).unwrap_or_default();
        (response.status(), header_text(header::CONTENT_TYPE), header_text(header::CONTENT_DISPOSITION))
    };
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::Null);
    Answer { status, content_type, disposition, text, body }
}
