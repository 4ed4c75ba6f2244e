//! Passwords, session ids and their cookie, the sign-in limiter and the
//! system clock. Who is asking is `extract::SignedIn`, built on these.
//!
//! Checking a password costs the same whether the email names an account
//! or not, runs off the async workers (argon2 takes tens of milliseconds
//! of CPU), and happens only once the attempt is counted.

use crate::db;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::http::header::COOKIE;
use axum::http::HeaderMap;
use domain::common::Clock;
use domain::Timestamp;
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::AnyPool;
use std::sync::LazyLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::Semaphore;

pub const SESSION_COOKIE: &str = "noibo_session";
/// How long a session lives after sign-in.
pub const SESSION_LIFETIME: Duration = Duration::from_secs(12 * 3600);

pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).expect("argon2 accepts any password").to_string()
}

/// What a password is checked against when the email names no account,
/// with the parameters `hash_password` uses: both answers take as long, so
/// the time taken tells nobody whether an account exists.
const NO_ACCOUNT_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$bm9pYm8tbm8tYWNjb3VudA$MLYx8kNtnh4fOaWx7QFoO1H0gbyl2iZfkXLMLBfFb9M";

/// At most this many password checks run at once, on the blocking pool:
/// a burst of sign-ins queues here instead of taking every core.
static CHECKS: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())));

/// Whether `password` matches `hash`, or (with no hash: no such account)
/// `false` after the same work.
pub async fn check_password(password: &str, hash: Option<&str>) -> bool {
    let _turn = CHECKS.acquire().await.expect("never closed");
    let Some(hash) = hash else {
        let password = password.to_owned();
        let _ = tokio::task::spawn_blocking(move || verify_password(&password, NO_ACCOUNT_HASH)).await;
        return false;
    };
    let (password, hash) = (password.to_owned(), hash.to_owned());
    tokio::task::spawn_blocking(move || verify_password(&password, &hash)).await.unwrap_or(false)
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A new random session id (sent to the browser once) and its hash (stored).
pub fn new_session_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let hash = token_hash(&token);
    (token, hash)
}

pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The computer's own clock: what a deployed server runs on.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        let millis = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or_default();
        Timestamp::from_unix_millis(millis)
    }
}

/// The `Set-Cookie` value for a new session, or (with no token) one that
/// removes it. `Secure` unless the server speaks plain HTTP on loopback.
pub fn session_cookie(token: Option<&str>, secure: bool) -> String {
    let (value, max_age) = match token {
        Some(token) => (token, SESSION_LIFETIME.as_secs()),
        None => ("", 0),
    };
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}")
}

/// The session id the browser sent, if any.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers.get_all(COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == SESSION_COOKIE && !value.is_empty()).then(|| value.to_owned())
    })
}

/// Sign-in attempts per email: after `MAX_FAILURES` within `WINDOW`
/// without a right password, that email is refused until the window
/// passes, whatever the password. The count lives in the database, so it
/// holds across every server on it.
const MAX_FAILURES: i64 = 5;
const WINDOW: Duration = Duration::from_secs(15 * 60);

/// When the window of a failure counted now would have started.
fn window_start(now: Timestamp) -> i64 {
    now.unix_millis() - WINDOW.as_millis() as i64
}

/// Counts a sign-in attempt for `email` before its password is checked;
/// `Some(wait)` when the email has had its `MAX_FAILURES` attempts in this
/// window, and this one must not be checked: it may try again once `wait`
/// has passed. Counting first holds under parallel guesses: each is
/// counted in one statement, so at most `MAX_FAILURES` are ever checked. A
/// right password clears the count.
pub async fn claim_sign_in_attempt(pool: &AnyPool, email: &str, now: Timestamp) -> Result<Option<Duration>, sqlx::Error> {
    let (attempts, started) = db::count_sign_in_attempt(pool, email, now.unix_millis(), window_start(now)).await?;
    let ends = started + WINDOW.as_millis() as i64;
    Ok((attempts > MAX_FAILURES).then(|| Duration::from_millis(u64::try_from(ends - now.unix_millis()).unwrap_or(0))))
}

pub async fn record_sign_in_success(pool: &AnyPool, email: &str) -> Result<(), sqlx::Error> {
    db::clear_sign_in_attempts(pool, email).await
}

#[cfg(test)]
mod tests {
    use super::{hash_password, verify_password, NO_ACCOUNT_HASH};
    use argon2::PasswordHash;

    #[test]
    fn the_no_account_hash_costs_what_a_real_one_does() {
        let real = hash_password("demo");
        let (real, stand_in) = (PasswordHash::new(&real).unwrap(), PasswordHash::new(NO_ACCOUNT_HASH).unwrap());
        assert_eq!((real.algorithm, real.version, real.params.clone()), (stand_in.algorithm, stand_in.version, stand_in.params.clone()));
        assert!(!verify_password("", NO_ACCOUNT_HASH));
    }
}
