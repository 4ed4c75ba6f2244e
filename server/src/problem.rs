//! RFC 9457 problem documents: every error the API answers with.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::common::{FieldError, Forbidden, Violation};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: &'static str,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The fields at fault, in the one wire shape of a field error
    /// (`domain::common::FieldError`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl Problem {
    fn new(status: StatusCode, title: &'static str) -> Problem {
        Problem { kind: "about:blank", title, status: status.as_u16(), detail: None, errors: Vec::new() }
    }

    /// A problem with nothing to say but its status (`405 Method Not
    /// Allowed`, `408 Request Timeout`).
    pub fn of_status(status: StatusCode) -> Problem {
        Problem::new(status, status.canonical_reason().unwrap_or("Error"))
    }
    pub fn unauthorized() -> Problem {
        Problem::new(StatusCode::UNAUTHORIZED, "Not signed in")
    }
    pub fn bad_credentials() -> Problem {
        Problem::new(StatusCode::UNAUTHORIZED, "Wrong email or password")
    }
    pub fn forbidden() -> Problem {
        Problem::new(StatusCode::FORBIDDEN, "Not allowed for your role")
    }
    pub fn not_found() -> Problem {
        Problem::new(StatusCode::NOT_FOUND, "Not found")
    }
    pub fn too_many_attempts() -> Problem {
        Problem::new(StatusCode::TOO_MANY_REQUESTS, "Too many attempts; wait a few minutes")
    }
    pub fn too_many_requests() -> Problem {
        Problem::new(StatusCode::TOO_MANY_REQUESTS, "Too many requests; wait a moment")
    }
    pub fn internal() -> Problem {
        Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "Internal error")
    }
    /// A body that could not be read as JSON: malformed (400), too large
    /// (413) or not declared as JSON (415), as the rejection says.
    pub fn unreadable(status: StatusCode, detail: String) -> Problem {
        let title = match status {
            StatusCode::PAYLOAD_TOO_LARGE => "Request body too large",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "Request body must be application/json",
            _ => "Malformed request body",
        };
        Problem { detail: Some(detail), ..Problem::new(status, title) }
    }
    pub fn invalid(field: &str, message: String) -> Problem {
        Problem {
            errors: vec![FieldError::unreadable(field, &message)],
            detail: Some(message),
            ..Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "Invalid request")
        }
    }
    /// Business rules broken (422), each at its field, described in English.
    pub fn violations(violations: Vec<Violation>) -> Problem {
        let detail = violations.iter().map(|v| format!("{}: {}", v.field, v.rule.describe())).collect::<Vec<_>>().join("; ");
        let errors = violations.into_iter().map(FieldError::from).collect();
        Problem { errors, detail: Some(detail), ..Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "Invalid request") }
    }
    /// No usable `Idempotency-Key` header on a request that needs one (400).
    pub fn missing_idempotency_key() -> Problem {
        let message = "send an Idempotency-Key header of 1 to 100 visible ASCII characters, the same on every retry";
        Problem {
            errors: vec![FieldError::unreadable("Idempotency-Key", message)],
            detail: Some(message.to_owned()),
            ..Problem::new(StatusCode::BAD_REQUEST, "Missing or invalid Idempotency-Key")
        }
    }
    /// The same `Idempotency-Key` is being processed right now (409).
    pub fn in_flight() -> Problem {
        Problem {
            detail: Some("wait a moment, then retry with the same key to get its result".to_owned()),
            ..Problem::new(StatusCode::CONFLICT, "A request with this Idempotency-Key is still being processed")
        }
    }
    /// Someone else changed what this request was about meanwhile (409).
    pub fn changed_meanwhile() -> Problem {
        Problem {
            detail: Some("the store changed while this request was processed; try again".to_owned()),
            ..Problem::new(StatusCode::CONFLICT, "Changed meanwhile")
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_string(&self).unwrap_or_default();
        (status, [(header::CONTENT_TYPE, "application/problem+json")], body).into_response()
    }
}

impl From<Forbidden> for Problem {
    fn from(_: Forbidden) -> Problem {
        Problem::forbidden()
    }
}

impl From<sqlx::Error> for Problem {
    fn from(error: sqlx::Error) -> Problem {
        if crate::db::is_contention(&error) {
            tracing::info!(%error, "a concurrent write won");
            return Problem::changed_meanwhile();
        }
        tracing::error!(%error, "database error");
        Problem::internal()
    }
}

/// How many times an operation runs before a conflict is the answer.
const ATTEMPTS: u32 = 8;

/// Runs a load → decide → write operation again while it answers
/// "changed meanwhile" (a concurrent write got there first), up to
/// `ATTEMPTS` times. Each attempt loads fresh facts, so the answer is the
/// rules' verdict on the data as it now is: a sold-out product is the stock
/// rule's 422, not a 409.
pub async fn retrying<T, F, Fut>(mut attempt: F) -> Result<T, Problem>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, Problem>>,
{
    for retry in 0..ATTEMPTS - 1 {
        match attempt().await {
            Err(problem) if problem == Problem::changed_meanwhile() => tokio::time::sleep(backoff(retry)).await,
            answer => return answer,
        }
    }
    attempt().await
}

/// The pause before retry `n` (from 0): a random part of a window that
/// doubles from 8 ms, so that writers that collided do not meet again in
/// step. Retried at once, a SQLite writer kept busy by a longer write lost
/// all its attempts within a millisecond (an HR reply, in e2e, while other
/// scenarios wrote to the same database).
fn backoff(n: u32) -> std::time::Duration {
    use rand::Rng;
    let window = 8u64 << n;
    std::time::Duration::from_millis(rand::thread_rng().gen_range(1..=window))
}

#[cfg(test)]
mod tests {
    use super::Problem;
    use domain::common::{Rule, Violation};

    #[test]
    fn broken_rules_name_the_rule_and_its_limit() {
        let problem = Problem::violations(vec![Violation::new("lines[0].quantity", Rule::Quota, Some(2)), Violation::new("lines", Rule::EmptyOrder, None)]);
        let json = serde_json::to_value(&problem).unwrap();
        assert_eq!(json["status"], 422);
        assert_eq!(json["errors"][0], serde_json::json!({"field": "lines[0].quantity", "rule": "quota", "limit": 2, "message": Rule::Quota.describe()}));
        assert_eq!(json["errors"][1], serde_json::json!({"field": "lines", "rule": "empty_order", "message": Rule::EmptyOrder.describe()}));
        let plain = serde_json::to_value(Problem::invalid("email", "bad".into())).unwrap();
        assert_eq!(plain["errors"][0], serde_json::json!({"field": "email", "message": "bad"}));
    }
}
