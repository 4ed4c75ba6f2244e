//! Training: a catalogue for each segment, learning paths, classroom
//! sessions with a waitlist that seats people by itself, lessons, quizzes,
//! certificates anyone can verify, and events with calendar invitations.
//!
//! - `handlers`: the HTTP surface: `/training/...` for members,
//!   `/hr/training/...` for HR (and managers' reports), and the public
//!   `/certificates/{code}`;
//! - `db`: training's tables.

pub mod db;
mod handlers;

use crate::state::AppState;
use axum::extract::FromRef;
use axum::routing::{get, post, put};
use axum::Router;
use sqlx::AnyConnection;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/training/home", get(handlers::home))
        .route("/training/courses", get(handlers::catalogue))
        .route("/training/courses/{id}", get(handlers::course))
        .route("/training/courses/{id}/attempts", post(handlers::start_attempt))
        .route("/training/lessons/{id}/complete", post(handlers::complete_lesson))
        .route("/training/attempts/{id}/submit", post(handlers::submit_attempt))
        .route("/training/enrolments", post(handlers::enrol))
        .route("/training/enrolments/{id}", axum::routing::delete(handlers::cancel_enrolment))
        .route("/training/paths", get(handlers::paths))
        .route("/training/events", get(handlers::events))
        .route("/training/events/{id}/rsvp", put(handlers::rsvp))
        .route("/training/events/{id}/calendar.ics", get(handlers::event_ics))
        .route("/training/certificates", get(handlers::my_certificates))
        .route("/hr/training/catalogue", get(handlers::hr_catalogue))
        .route("/hr/training/courses", post(handlers::create_course))
        .route("/hr/training/courses/{id}", put(handlers::update_course))
        .route("/hr/training/courses/{id}/quiz", put(handlers::save_quiz))
        .route("/hr/training/lessons", post(handlers::create_lesson))
        .route("/hr/training/lessons/{id}", put(handlers::update_lesson))
        .route("/hr/training/paths", post(handlers::create_path))
        .route("/hr/training/paths/{id}", put(handlers::update_path))
        .route("/hr/training/sessions", post(handlers::create_session))
        .route("/hr/training/sessions/{id}", put(handlers::update_session))
        .route("/hr/training/sessions/{id}/roster", get(handlers::roster))
        .route("/hr/training/enrolments/{id}/attendance", put(handlers::mark_attendance))
        .route("/hr/training/certificates", get(handlers::hr_certificates))
        .route("/hr/training/certificates/{code}/revoke", post(handlers::revoke))
        .route("/hr/training/events", post(handlers::create_event))
        .route("/hr/training/events/{id}", put(handlers::update_event))
        .route("/hr/training/events/{id}/cancel", post(handlers::cancel_event))
        .route("/hr/training/events/{id}/attendees", get(handlers::attendees))
        .route("/hr/training/completion", get(handlers::completion))
        .route("/hr/training/enrolments.csv", get(handlers::enrolments_csv))
        .route("/hr/training/completions.csv", get(handlers::completions_csv))
}

/// The public check of a certificate: anyone may ask, signed in or not.
pub fn public_router() -> Router<AppState> {
    Router::new().route("/certificates/{code}", get(handlers::verify))
}

/// How many certificate checks the server answers: a burst of
/// `VERIFY_BURST`, then `VERIFY_PER_SECOND`. The budget is the server's,
/// not each caller's, since the server reads no caller's address. A code
/// holds 60 random bits, so guessing one is hopeless at any rate; the
/// limit bounds the load a script can put on the database.
const VERIFY_BURST: f64 = 60.0;
const VERIFY_PER_SECOND: f64 = 20.0;

/// The certificate checks' budget (a token bucket), one per server.
#[derive(Clone)]
pub struct VerifyLimit(Arc<Mutex<Bucket>>);

struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Default for Bucket {
    fn default() -> Bucket {
        Bucket { tokens: VERIFY_BURST, at: Instant::now() }
    }
}

impl FromRef<AppState> for VerifyLimit {
    fn from_ref(app: &AppState) -> VerifyLimit {
        VerifyLimit(app.portal::<Mutex<Bucket>>())
    }
}

impl VerifyLimit {
    /// Takes one check from the budget, or says how long until one is left.
    fn take(&self) -> Result<(), Duration> {
        let mut bucket = self.0.lock().expect("verify budget lock");
        let now = Instant::now();
        bucket.tokens = (bucket.tokens + now.duration_since(bucket.at).as_secs_f64() * VERIFY_PER_SECOND).min(VERIFY_BURST);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / VERIFY_PER_SECOND))
        }
    }
}

/// Loads the demo's training (`domain::seed::demo_training`, its dates
/// around `now`) unless courses exist; `true` when it did.
pub async fn seed_demo(conn: &mut AnyConnection, now: domain::Timestamp) -> Result<bool, sqlx::Error> {
    if db::course_count(&mut *conn).await? > 0 {
        return Ok(false);
    }
    db::seed(conn, &domain::seed::demo_training(now, &mut rand::rngs::OsRng)).await?;
    Ok(true)
}
