//! The server's front door, as an attacker on the same network would try
//! it: sign-in guesses, unknown emails, floods of huge emails, slow
//! clients, wrong methods and paths, and what the logs keep. In process
//! where the app alone answers; through the real binary where the
//! connection handling or the logs are the point.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use common::{now, state};
use domain::common::Clock;
use domain::Timestamp;
use http_body_util::BodyExt;
use noibo_server::{app, db, seed};
use serde_json::{json, Value};
use sqlx::AnyPool;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    headers: header::HeaderMap,
    body: Value,
}

async fn call(app: &Router, method: &str, path: &str, body: Option<Value>) -> Answer {
    let mut request = Request::builder().method(method).uri(path);
    if body.is_some() {
        request = request.header(header::CONTENT_TYPE, "application/json");
    }
    let request = request.body(Body::from(body.map(|b| b.to_string()).unwrap_or_default())).unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer { status, headers, body: serde_json::from_slice(&bytes).unwrap_or(Value::Null) }
}

async fn sign_in(app: &Router, email: &str, password: &str) -> Answer {
    call(app, "POST", "/api/v1/session", Some(json!({"email": email, "password": password}))).await
}

/// The server on a seeded database that several connections share, so
/// parallel requests really overlap.
async fn shared(name: &str) -> (Router, AnyPool) {
    let pool = db::connect(&common::fresh_shared_database(name).await).await.unwrap();
    seed::seed_demo(&pool, common::now()).await.unwrap();
    (app(state(pool.clone(), false), &[], None).unwrap(), pool)
}

async fn demo_emails(pool: &AnyPool) -> Vec<String> {
    sqlx::query_scalar("SELECT email FROM members ORDER BY id").fetch_all(pool).await.unwrap()
}

async fn attempts_kept(pool: &AnyPool) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM sign_in_attempts").fetch_one(pool).await.unwrap()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

// ----------------------------------------------------------------- sign-in

#[tokio::test]
async fn an_email_longer_than_any_address_is_refused_and_nothing_is_kept() {
    let (app, pool) = common::seeded().await;
    let answer = sign_in(&app, &format!("{}@noibo.example", "x".repeat(60 * 1024)), "guess").await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!((answer.body["errors"][0]["field"].clone(), answer.body["errors"][0]["rule"].clone()), (json!("email"), json!("too_long")));
    assert_eq!(answer.body["errors"][0]["limit"], 254);
    assert_eq!(attempts_kept(&pool).await, 0);
}

/// A clock the test moves on.
struct MovingClock(AtomicI64);

impl Clock for MovingClock {
    fn now(&self) -> Timestamp {
        Timestamp::from_unix_millis(self.0.load(Ordering::SeqCst))
    }
}

#[tokio::test]
async fn failed_sign_ins_are_forgotten_once_their_window_has_passed() {
    let pool = db::connect(&common::fresh_database().await).await.unwrap();
    seed::seed_demo(&pool, common::now()).await.unwrap();
    let clock = Arc::new(MovingClock(AtomicI64::new(now().unix_millis())));
    let app = app(noibo_server::AppState::new(pool.clone(), false, clock.clone()), &[], None).unwrap();
    for n in 0..20 {
        sign_in(&app, &format!("nobody{n}@noibo.example"), "guess").await;
    }
    assert_eq!(attempts_kept(&pool).await, 20);
    clock.0.fetch_add(16 * 60 * 1000, Ordering::SeqCst);
    sign_in(&app, "someone.else@noibo.example", "guess").await;
    assert_eq!(attempts_kept(&pool).await, 1, "only the last window's email is kept");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_parallel_guesses_get_only_five_passwords_checked() {
    let (app, _pool) = shared("guesses").await;
    let guesses: Vec<_> = (0..50)
        .map(|n| {
            let app = app.clone();
            tokio::spawn(async move { sign_in(&app, "lan.tran@noibo.example", &format!("guess-{n}")).await.status })
        })
        .collect();
    let mut statuses = Vec::new();
    for guess in guesses {
        statuses.push(guess.await.unwrap());
    }
    let checked = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!((checked, refused), (5, 45), "{statuses:?}");
    let locked = sign_in(&app, "lan.tran@noibo.example", "demo").await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(locked.headers[header::RETRY_AFTER], "900", "the window of 15 minutes began with the first guess");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_email_takes_as_long_as_a_wrong_password() {
    let (app, pool) = shared("timing").await;
    let known = demo_emails(&pool).await;
    let (mut known_times, mut unknown_times) = (Vec::new(), Vec::new());
    // Interleaved, each email once, so neither the lock nor a warm cache
    // favours one side.
    for (n, email) in known.iter().take(9).enumerate() {
        let started = Instant::now();
        assert_eq!(sign_in(&app, email, "wrong").await.status, StatusCode::UNAUTHORIZED);
        known_times.push(started.elapsed());
        let started = Instant::now();
        assert_eq!(sign_in(&app, &format!("nobody{n}@noibo.example"), "wrong").await.status, StatusCode::UNAUTHORIZED);
        unknown_times.push(started.elapsed());
    }
    let (known, unknown) = (median(known_times), median(unknown_times));
    // Checking a password dominates both; without the stand-in check an
    // unknown email answered ~60× sooner.
    assert!(unknown * 2 >= known && known * 2 >= unknown, "known email {known:?}, unknown {unknown:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_stays_responsive_during_a_burst_of_sign_ins() {
    let (app, pool) = shared("burst").await;
    let started = Instant::now();
    let burst: Vec<_> = demo_emails(&pool)
        .await
        .into_iter()
        .take(40)
        .map(|email| {
            let app = app.clone();
            tokio::spawn(async move { sign_in(&app, &email, "wrong").await.status })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(20)).await;
    let asked = Instant::now();
    assert_eq!(call(&app, "GET", "/api/v1/health", None).await.status, StatusCode::OK);
    let health = asked.elapsed();
    for sign_in in burst {
        assert_eq!(sign_in.await.unwrap(), StatusCode::UNAUTHORIZED);
    }
    let whole = started.elapsed();
    // Password checks queue on the blocking pool; the async workers stay free.
    assert!(health * 5 < whole, "health took {health:?} of a {whole:?} burst");
}

// ------------------------------------------------------------- the API door

#[tokio::test]
async fn a_wrong_method_is_a_405_problem_that_says_which_are_allowed() {
    let (app, _) = common::seeded().await;
    let answer = call(&app, "PUT", "/api/v1/session", None).await;
    assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(answer.headers[header::CONTENT_TYPE], "application/problem+json");
    assert_eq!(answer.body["status"], 405);
    let allow = answer.headers[header::ALLOW].to_str().unwrap().to_owned();
    for method in ["GET", "POST", "DELETE"] {
        assert!(allow.contains(method), "{allow}");
    }
}

#[tokio::test]
async fn unknown_api_paths_are_problems_even_when_the_app_is_served_too() {
    let dist = std::env::temp_dir().join(format!("noibo-front-door-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<html></html>").unwrap();
    let pool = db::connect(&common::fresh_database().await).await.unwrap();
    let app = app(state(pool, false), &[], Some(&dist)).unwrap();
    for path in ["/api/v2/store/products", "/api", "/api/", "/api/v1/nope"] {
        let answer = call(&app, "GET", path, None).await;
        assert_eq!((answer.status, answer.headers[header::CONTENT_TYPE].to_str().unwrap()), (StatusCode::NOT_FOUND, "application/problem+json"), "{path}");
    }
    std::fs::remove_dir_all(dist).unwrap();
}

#[tokio::test]
async fn api_answers_forbid_sniffing_and_referrers_without_the_app_too() {
    let (app, _) = common::seeded().await;
    for answer in [call(&app, "GET", "/api/v1/health", None).await, call(&app, "GET", "/api/v1/me", None).await] {
        assert_eq!(answer.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(answer.headers[header::REFERRER_POLICY], "no-referrer");
    }
}

#[tokio::test]
async fn a_wildcard_cors_origin_is_an_error_not_a_panic() {
    let pool = db::connect("sqlite::memory:").await.unwrap();
    let error = app(state(pool, false), &["*".to_owned()], None).unwrap_err();
    assert!(error.to_string().contains("wildcard"), "{error}");
}

// ------------------------------------------------- the binary, on a socket

/// The real server on a free port and a fresh database, logging at TRACE;
/// killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    async fn start(extra: &[&str]) -> Server {
        let database = common::fresh_shared_database(&format!("door-{}", extra.join("").replace('-', ""))).await;
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(env!("CARGO_BIN_EXE_noibo-server"))
            .args(["--listen", &format!("127.0.0.1:{port}"), "--database", &database, "--seed", "demo", "--now", common::NOW])
            .args(extra)
            .env("RUST_LOG", "trace")
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let server = Server { child, port };
        for _ in 0..100 {
            if server.ask("GET /api/v1/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").is_some_and(|a| a.starts_with("HTTP/1.1 200")) {
                return server;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the server did not start");
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        stream
    }

    /// Sends `request` and reads until the server closes; `None` if it
    /// could not connect.
    fn ask(&self, request: &str) -> Option<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        stream.write_all(request.as_bytes()).ok()?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer).ok()?;
        Some(answer)
    }

    /// Stops the server and returns everything it logged.
    fn logs(mut self) -> String {
        self.child.kill().unwrap();
        let mut output = String::new();
        self.child.stdout.take().unwrap().read_to_string(&mut output).unwrap();
        self.child.stderr.take().unwrap().read_to_string(&mut output).unwrap();
        output
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Reads what the server sends until it closes the connection, and how long
/// that took; fails if it is still open after the read timeout.
fn until_closed(mut stream: TcpStream) -> (String, Duration) {
    let started = Instant::now();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("the server closes the connection");
    (String::from_utf8_lossy(&answer).into_owned(), started.elapsed())
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    let server = Server::start(&["--header-timeout", "1"]).await;
    let mut slow = server.connect();
    slow.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: t\r\n").unwrap();
    let (_, took) = until_closed(slow);
    assert!(took < Duration::from_secs(5), "closed after {took:?}");
    let (_, took) = until_closed(server.connect());
    assert!(took < Duration::from_secs(5), "a silent connection too, after {took:?}");
}

#[tokio::test]
async fn a_body_that_never_arrives_is_answered_408() {
    let server = Server::start(&["--request-timeout", "1"]).await;
    let mut slow = server.connect();
    slow.write_all(b"POST /api/v1/session HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\"").unwrap();
    let (answer, took) = until_closed(slow);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
    assert!(took < Duration::from_secs(5), "answered after {took:?}");
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_for_a_free_one() {
    let server = Server::start(&["--max-connections", "2", "--header-timeout", "2"]).await;
    let idle = [server.connect(), server.connect()];
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let answer = server.ask("GET /api/v1/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // Answered only once the idle ones were closed by the header timeout.
    assert!(started.elapsed() >= Duration::from_millis(1500), "answered after {:?}", started.elapsed());
    drop(idle);
}

#[tokio::test]
async fn logs_at_trace_record_neither_sign_ins_nor_anonymous_calls_nor_where_requests_come_from() {
    let server = Server::start(&[]).await;
    let mut client = server.connect();
    let port = client.local_addr().unwrap().port();
    let body = r#"{"email":"lan.tran@noibo.example","password":"guess"}"#;
    write!(client, "POST /api/v1/session HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    let mut answer = [0u8; 12];
    client.read_exact(&mut answer).unwrap();
    assert_eq!(&answer, b"HTTP/1.1 401");
    // An anonymous feedback call, with a cookie it ignores.
    let body = r#"{"key":"00000-0000-0000-0000-0000-00000"}"#;
    write!(
        client,
        "POST /api/v1/feedback/anonymous/threads/open HTTP/1.1\r\nHost: t\r\nCookie: noibo_session=abc\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    write!(client, "GET /api/v1/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").unwrap();
    let (rest, _) = until_closed(client);
    assert!(rest.contains("200 OK"), "{rest}");
    std::thread::sleep(Duration::from_millis(200));
    let logs = server.logs();
    assert!(logs.contains("uri=/health"), "the member API is logged: {logs}");
    assert!(rest.contains("404 Not Found"), "the anonymous call was answered: {rest}");
    for trace in ["/session", "lan.tran", "sign_in_attempts", "/feedback", "feedback_threads", "noibo_session"] {
        assert!(!logs.contains(trace), "a sign-in or an anonymous call left a trace ({trace}): {logs}");
    }
    assert!(!logs.contains(&format!(":{port}")) && !logs.contains(&format!("port={port}")), "the peer's address was logged: {logs}");
}
