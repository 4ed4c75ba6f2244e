//! RFC 9457 problem documents, and a JSON body extractor whose rejections
//! are problems that name the field at fault.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::store::{Rule, Violation};
use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::marker::PhantomData;

/// One field at fault. Broken business rules also say which `rule` (its
/// snake_case name, for the interface to translate) and the number it is
/// about (`limit`: units left, đồng remaining, a maximum).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldProblem {
    pub field: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: &'static str,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

impl Problem {
    fn new(status: StatusCode, title: &'static str) -> Problem {
        Problem { kind: "about:blank", title, status: status.as_u16(), detail: None, errors: Vec::new() }
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
            errors: vec![FieldProblem { field: field.to_owned(), rule: None, limit: None, message: message.clone() }],
            detail: Some(message),
            ..Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "Invalid request")
        }
    }
    /// Business rules broken (422), each at its field, described in English.
    pub fn violations(violations: Vec<Violation>) -> Problem {
        let detail = violations.iter().map(|v| format!("{}: {}", v.field, v.rule.describe())).collect::<Vec<_>>().join("; ");
        let errors = violations
            .into_iter()
            .map(|v| FieldProblem { message: v.rule.describe().to_owned(), field: v.field, rule: Some(v.rule), limit: v.limit })
            .collect();
        Problem { errors, detail: Some(detail), ..Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "Invalid request") }
    }
    /// No usable `Idempotency-Key` header on a request that needs one (400).
    pub fn missing_idempotency_key() -> Problem {
        let message = "send an Idempotency-Key header of 1 to 100 visible ASCII characters, the same on every retry";
        Problem {
            errors: vec![FieldProblem { field: "Idempotency-Key".to_owned(), rule: None, limit: None, message: message.to_owned() }],
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

impl From<sqlx::Error> for Problem {
    fn from(error: sqlx::Error) -> Problem {
        tracing::error!(%error, "database error");
        Problem::internal()
    }
}

/// A JSON body; malformed JSON is a 400, JSON of the wrong shape a 422
/// naming the field. The body must be a JSON object: serde would otherwise
/// read an array as a struct's fields in order (`[null, null]` as a patch).
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        match axum::Json::<ObjectOnly<T>>::from_request(request, state).await {
            Ok(axum::Json(ObjectOnly(value))) => Ok(Body(value)),
            Err(JsonRejection::JsonDataError(error)) => {
                let message = error.body_text();
                Err(Problem::invalid(&field_named_in(&message), message))
            }
            Err(rejection) => Err(Problem::unreadable(rejection.status(), rejection.body_text())),
        }
    }
}

/// `T`, read only from a JSON object.
struct ObjectOnly<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectOnly<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Fields<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }
        deserializer.deserialize_map(Fields(PhantomData)).map(ObjectOnly)
    }
}

/// A query string; values of the wrong shape are a 422 naming the parameter.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Problem> {
        match Query::<T>::try_from_uri(&parts.uri) {
            Ok(Query(value)) => Ok(Params(value)),
            Err(rejection) => {
                let message = rejection.body_text();
                Err(Problem::invalid(&param_named_in(&message), message))
            }
        }
    }
}

/// The parameter a query-string error is about ("...: per_page: invalid
/// digit found in string"); else the whole query.
fn param_named_in(message: &str) -> String {
    let detail = message.strip_prefix("Failed to deserialize query string: ").unwrap_or(message);
    match detail.split_once(": ") {
        Some((path, _)) if !path.is_empty() && !path.contains(' ') => path.to_owned(),
        _ => "query".to_owned(),
    }
}

/// The field a serde error is about: a path before a colon ("password:
/// invalid type ..."), or the name in "missing/unknown field `x`"; else the
/// whole body.
fn field_named_in(message: &str) -> String {
    let detail = message.rsplit("target type: ").next().unwrap_or(message);
    if let Some((path, _)) = detail.split_once(": ") {
        if !path.is_empty() && !path.contains(' ') {
            return path.to_owned();
        }
    }
    ["missing field `", "unknown field `"].iter().find_map(|marker| detail.strip_prefix(marker)?.split('`').next()).unwrap_or("body").to_owned()
}

#[cfg(test)]
mod tests {
    use super::{field_named_in, param_named_in, Problem};
    use domain::store::{Rule, Violation};

    #[test]
    fn the_parameter_at_fault_is_named() {
        assert_eq!(param_named_in("Failed to deserialize query string: per_page: invalid digit found in string"), "per_page");
        assert_eq!(param_named_in("Failed to deserialize query string: duplicate field `q`"), "query");
    }

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

    #[test]
    fn the_field_at_fault_is_named() {
        let prefix = "Failed to deserialize the JSON body into the target type: ";
        assert_eq!(field_named_in(&format!("{prefix}missing field `email` at line 1 column 2")), "email");
        assert_eq!(field_named_in(&format!("{prefix}unknown field `role`, expected `email` or `password`")), "role");
        assert_eq!(field_named_in(&format!("{prefix}password: invalid type: integer `3`, expected a string")), "password");
        assert_eq!(field_named_in(&format!("{prefix}invalid type: integer `3`, expected struct Credentials")), "body");
    }
}
