//! The reference server, in process, on an in-memory database seeded with
//! the demo company.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
mod common;

use common::{seeded, state};
use noibo_server::{app, db, seed};
use serde_json::{json, Value};
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    content_type: String,
    set_cookie: Option<String>,
    body: Value,
}

async fn call(app: &Router, method: &str, path: &str, cookie: Option<&str>, body: Option<&str>) -> Answer {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    if body.is_some() {
        request = request.header(header::CONTENT_TYPE, "application/json");
    }
    let request = request.body(Body::from(body.unwrap_or_default().to_owned())).unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let header_text = |name| response.headers().get(name).map(|v: &header::HeaderValue| v.to_str().unwrap().to_owned());
    let (status, content_type, set_cookie) = (response.status(), header_text(header::CONTENT_TYPE).unwrap_or_default(), header_text(header::SET_COOKIE));
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Answer { status, content_type, set_cookie, body }
}

/// Signs in and returns the `name=value` cookie to send back.
async fn sign_in(app: &Router, email: &str) -> String {
    let answer = call(app, "POST", "/api/v1/session", None, Some(&json!({"email": email, "password": "demo"}).to_string())).await;
    assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.body);
    answer.set_cookie.unwrap().split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn health_says_ok() {
    let (app, _) = seeded().await;
    let answer = call(&app, "GET", "/api/v1/health", None, None).await;
    assert_eq!((answer.status, answer.body), (StatusCode::OK, json!({"status": "ok"})));
}

#[tokio::test]
async fn signing_in_sets_a_strict_http_only_session_cookie() {
    let (app, _) = seeded().await;
    let answer = call(&app, "POST", "/api/v1/session", None, Some(r#"{"email":"Lan.Tran@noibo.example","password":"demo"}"#)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["full_name"], "Trần Thị Lan");
    let cookie = answer.set_cookie.unwrap();
    assert!(cookie.starts_with("noibo_session="));
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"));
    assert!(!cookie.contains("Secure"), "plain HTTP on loopback cannot carry a Secure cookie");
}

#[tokio::test]
async fn cookies_are_secure_off_loopback() {
    let pool = db::connect(&common::fresh_database().await).await.unwrap();
    seed::seed_demo(&pool, common::now()).await.unwrap();
    let app = app(state(pool, true), &[], None).unwrap();
    let answer = call(&app, "POST", "/api/v1/session", None, Some(r#"{"email":"lan.tran@noibo.example","password":"demo"}"#)).await;
    assert!(answer.set_cookie.unwrap().contains("; Secure"));
}

#[tokio::test]
async fn a_wrong_password_is_a_401_problem() {
    let (app, _) = seeded().await;
    let answer = call(&app, "POST", "/api/v1/session", None, Some(r#"{"email":"lan.tran@noibo.example","password":"nope"}"#)).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(answer.content_type, "application/problem+json");
    assert_eq!(answer.body["status"], 401);
    assert!(answer.set_cookie.is_none());
}

#[tokio::test]
async fn repeated_failures_lock_the_email_for_a_while() {
    let (app, _) = seeded().await;
    for _ in 0..5 {
        let answer = call(&app, "POST", "/api/v1/session", None, Some(r#"{"email":"lan.tran@noibo.example","password":"guess"}"#)).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    let answer = call(&app, "POST", "/api/v1/session", None, Some(r#"{"email":"lan.tran@noibo.example","password":"demo"}"#)).await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS, "even the right password waits");
    let other = call(&app, "POST", "/api/v1/session", None, Some(r#"{"email":"minh.le@noibo.example","password":"demo"}"#)).await;
    assert_eq!(other.status, StatusCode::OK, "other members are not locked out");
}

#[tokio::test]
async fn every_member_endpoint_needs_a_session() {
    let (app, _) = seeded().await;
    for path in ["/api/v1/session", "/api/v1/me", "/api/v1/me/offerings", "/api/v1/hr/workforce"] {
        let answer = call(&app, "GET", path, None, None).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(answer.content_type, "application/problem+json", "{path}");
        let forged = call(&app, "GET", path, Some("noibo_session=forged"), None).await;
        assert_eq!(forged.status, StatusCode::UNAUTHORIZED, "{path} with a forged cookie");
    }
}

#[tokio::test]
async fn a_member_reads_their_profile_and_what_they_can_use() {
    let (app, _) = seeded().await;
    let cookie = sign_in(&app, "tuan.pham@noibo.example").await;
    let profile = call(&app, "GET", "/api/v1/me", Some(&cookie), None).await;
    assert_eq!(profile.status, StatusCode::OK);
    assert_eq!(profile.body["department"]["name"]["en"], "Production");
    let offerings = call(&app, "GET", "/api/v1/me/offerings", Some(&cookie), None).await;
    let usable = offerings.body.as_array().unwrap().iter().filter(|o| o["eligibility"]["eligible"] == true).count();
    assert_eq!(usable, 5);
}

#[tokio::test]
async fn the_workforce_overview_is_for_hr_only() {
    let (app, _) = seeded().await;
    let lan = sign_in(&app, "lan.tran@noibo.example").await;
    let refused = call(&app, "GET", "/api/v1/hr/workforce", Some(&lan), None).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let hoa = sign_in(&app, "hoa.nguyen@noibo.example").await;
    let overview = call(&app, "GET", "/api/v1/hr/workforce", Some(&hoa), None).await;
    assert_eq!(overview.status, StatusCode::OK);
    assert_eq!(overview.body["total"], 43);
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let (app, _) = seeded().await;
    let cookie = sign_in(&app, "minh.le@noibo.example").await;
    assert_eq!(call(&app, "GET", "/api/v1/session", Some(&cookie), None).await.status, StatusCode::OK);
    let out = call(&app, "DELETE", "/api/v1/session", Some(&cookie), None).await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    assert!(out.set_cookie.unwrap().contains("Max-Age=0"));
    assert_eq!(call(&app, "GET", "/api/v1/session", Some(&cookie), None).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_expired_session_is_refused_and_removed() {
    let (app, pool) = seeded().await;
    let cookie = sign_in(&app, "lan.tran@noibo.example").await;
    sqlx::query("UPDATE sessions SET expires_at = 0").execute(&pool).await.unwrap();
    assert_eq!(call(&app, "GET", "/api/v1/me", Some(&cookie), None).await.status, StatusCode::UNAUTHORIZED);
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions").fetch_one(&pool).await.unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn sessions_are_stored_only_as_hashes() {
    let (app, pool) = seeded().await;
    let cookie = sign_in(&app, "lan.tran@noibo.example").await;
    let token = cookie.split_once('=').unwrap().1;
    let stored: String = sqlx::query_scalar("SELECT token_hash FROM sessions").fetch_one(&pool).await.unwrap();
    assert_ne!(stored, token);
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM members WHERE email = 'lan.tran@noibo.example'").fetch_one(&pool).await.unwrap();
    assert!(hash.starts_with("$argon2"), "{hash}");
}

#[tokio::test]
async fn malformed_bodies_get_problems_naming_the_field() {
    let (app, _) = seeded().await;
    let cases = [
        ("{\"email\":", StatusCode::BAD_REQUEST, None),
        (r#"{"email":"lan.tran@noibo.example"}"#, StatusCode::UNPROCESSABLE_ENTITY, Some("password")),
        (r#"{"email":"lan.tran@noibo.example","password":3}"#, StatusCode::UNPROCESSABLE_ENTITY, Some("password")),
        (r#"{"email":"lan.tran@noibo.example","password":"demo","role":"hr"}"#, StatusCode::UNPROCESSABLE_ENTITY, Some("role")),
        (r#"{"email":"  ","password":"demo"}"#, StatusCode::UNPROCESSABLE_ENTITY, Some("email")),
    ];
    for (body, status, field) in cases {
        let answer = call(&app, "POST", "/api/v1/session", None, Some(body)).await;
        assert_eq!(answer.status, status, "{body}");
        assert_eq!(answer.content_type, "application/problem+json", "{body}");
        if let Some(field) = field {
            assert_eq!(answer.body["errors"][0]["field"], field, "{body}: {}", answer.body);
        }
    }
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let (app, _) = seeded().await;
    let huge = format!(r#"{{"email":"{}","password":"demo"}}"#, "a".repeat(100_000));
    let answer = call(&app, "POST", "/api/v1/session", None, Some(&huge)).await;
    assert_eq!((answer.status, answer.content_type.as_str()), (StatusCode::PAYLOAD_TOO_LARGE, "application/problem+json"));
}

#[tokio::test]
async fn unknown_api_paths_are_404_problems() {
    let (app, _) = seeded().await;
    let answer = call(&app, "GET", "/api/v1/nothing-here", None, None).await;
    assert_eq!((answer.status, answer.content_type.as_str()), (StatusCode::NOT_FOUND, "application/problem+json"));
}

#[tokio::test]
async fn seeding_twice_changes_nothing() {
    let (_, pool) = seeded().await;
    assert!(!seed::seed_demo(&pool, common::now()).await.unwrap());
    let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM members").fetch_one(&pool).await.unwrap();
    assert_eq!(members, 43);
}

#[tokio::test]
async fn the_company_loads_back_exactly_as_seeded() {
    let (_, pool) = seeded().await;
    let mut expected = domain::seed::demo_company();
    for m in &mut expected.members {
        m.email = domain::member::normalized_email(&m.email);
    }
    assert_eq!(db::load_company(&mut pool.acquire().await.unwrap()).await.unwrap(), expected);
}

#[tokio::test]
async fn with_static_files_deep_links_get_the_app_under_a_strict_policy() {
    let dist = std::env::temp_dir().join(format!("noibo-static-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<html><head><script type=\"module\">start()</script></head></html>").unwrap();
    std::fs::write(dist.join("app.js"), "export {}").unwrap();
    let pool = db::connect(&common::fresh_database().await).await.unwrap();
    let app = app(state(pool, false), &[], Some(&dist)).unwrap();
    for path in ["/", "/profile", "/hr"] {
        let response = app.clone().oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let policy = response.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
        assert!(policy.contains("'sha256-") && !policy.contains("unsafe-inline"), "{policy}");
        assert_eq!(response.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        let body = response.into_body().collect().await.unwrap().to_bytes();
        assert!(String::from_utf8_lossy(&body).contains("start()"), "{path} serves index.html");
    }
    let script = app.clone().oneshot(Request::get("/app.js").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(script.status(), StatusCode::OK);
    let api = call(&app, "GET", "/api/v1/nope", None, None).await;
    assert_eq!(api.status, StatusCode::NOT_FOUND, "the API keeps its own 404");
    std::fs::remove_dir_all(dist).unwrap();
}

#[tokio::test]
async fn data_and_sessions_survive_a_restart() {
    let url = common::fresh_shared_database("restart").await;
    let cookie = {
        let pool = db::connect(&url).await.unwrap();
        assert!(seed::seed_demo(&pool, common::now()).await.unwrap());
        let app = app(state(pool.clone(), false), &[], None).unwrap();
        let cookie = sign_in(&app, "lan.tran@noibo.example").await;
        pool.close().await;
        cookie
    };
    let pool = db::connect(&url).await.unwrap();
    assert!(!seed::seed_demo(&pool, common::now()).await.unwrap(), "the company is still there");
    let app = app(state(pool.clone(), false), &[], None).unwrap();
    let me = call(&app, "GET", "/api/v1/me", Some(&cookie), None).await;
    assert_eq!(me.status, StatusCode::OK, "the session is still valid");
    pool.close().await;
}

#[tokio::test]
async fn browsers_from_allowed_origins_may_call_with_credentials() {
    let pool = db::connect(&common::fresh_database().await).await.unwrap();
    let app = app(state(pool, false), &["https://portal.example.vn".to_owned()], None).unwrap();
    let preflight = |origin: &'static str| {
        Request::builder()
            .method("OPTIONS")
            .uri("/api/v1/session")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
            .body(Body::empty())
            .unwrap()
    };
    let allowed = app.clone().oneshot(preflight("https://portal.example.vn")).await.unwrap();
    assert_eq!(allowed.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN], "https://portal.example.vn");
    assert_eq!(allowed.headers()[header::ACCESS_CONTROL_ALLOW_CREDENTIALS], "true");
    let other = app.oneshot(preflight("https://evil.example")).await.unwrap();
    assert!(other.headers().get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
}
