//! RFC 9457 problem documents, and a JSON body extractor whose rejections
//! are problems that name the field at fault.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldProblem {
    pub field: String,
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
            errors: vec![FieldProblem { field: field.to_owned(), message: message.clone() }],
            detail: Some(message),
            ..Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "Invalid request")
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
/// naming the field.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(Body(value)),
            Err(JsonRejection::JsonDataError(error)) => {
                let message = error.body_text();
                Err(Problem::invalid(&field_named_in(&message), message))
            }
            Err(rejection) => Err(Problem::unreadable(rejection.status(), rejection.body_text())),
        }
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
    ["missing field `", "unknown field `"]
        .iter()
        .find_map(|marker| detail.strip_prefix(marker)?.split('`').next())
        .unwrap_or("body")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::field_named_in;

    #[test]
    fn the_field_at_fault_is_named() {
        let prefix = "Failed to deserialize the JSON body into the target type: ";
        assert_eq!(field_named_in(&format!("{prefix}missing field `email` at line 1 column 2")), "email");
        assert_eq!(field_named_in(&format!("{prefix}unknown field `role`, expected `email` or `password`")), "role");
        assert_eq!(field_named_in(&format!("{prefix}password: invalid type: integer `3`, expected a string")), "password");
        assert_eq!(field_named_in(&format!("{prefix}invalid type: integer `3`, expected struct Credentials")), "body");
    }
}
