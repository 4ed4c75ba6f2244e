//! What handlers take from a request: who is asking (`SignedIn`, `Hr`),
//! the id in the path, a JSON body, a query string and the
//! `Idempotency-Key` header. Every rejection is a `Problem`.

use crate::auth::{session_token, token_hash};
use crate::db;
use crate::problem::Problem;
use crate::state::AppState;
use crate::strict_json;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use domain::common::require_hr;
use domain::store::order::is_valid_key;
use domain::Member;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The signed-in member; handlers that take it answer 401 without a session.
pub struct SignedIn(pub Member);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<SignedIn, Problem> {
        let token = session_token(&parts.headers).ok_or_else(Problem::unauthorized)?;
        let member = db::session_member(&state.pool, &token_hash(&token), state.now().unix_millis() / 1000).await?;
        member.map(SignedIn).ok_or_else(Problem::unauthorized)
    }
}

/// A signed-in member of the people team (401 without a session, 403 for
/// anyone else): the one HR-only check of every `/hr/...` route.
pub struct Hr(pub Member);

impl FromRequestParts<AppState> for Hr {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Hr, Problem> {
        let SignedIn(member) = SignedIn::from_request_parts(parts, state).await?;
        require_hr(&member)?;
        Ok(Hr(member))
    }
}

/// The id in the path. Anything that is not an id names nothing: 404.
pub struct Id(pub u32);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Id, Problem> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state).await.map_err(|_| Problem::not_found())?;
        raw.parse().map(Id).map_err(|_| Problem::not_found())
    }
}

/// The `Idempotency-Key` header, when usable (400 otherwise).
pub struct IdempotencyKey(pub String);

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<IdempotencyKey, Problem> {
        let key = parts.headers.get("idempotency-key").and_then(|v| v.to_str().ok()).filter(|k| is_valid_key(k));
        key.map(|k| IdempotencyKey(k.to_owned())).ok_or_else(Problem::missing_idempotency_key)
    }
}

/// A JSON body; malformed JSON is a 400 (413 too large, 415 not declared
/// as JSON), JSON of the wrong shape a 422 naming the field at fault, as
/// `lines[0].quantity`. It is read strictly (`strict_json`): an unknown key
/// or an array where an object belongs is refused at any depth, as a
/// misspelled key could otherwise change what a request means.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Problem> {
        let axum::Json(value) =
            axum::Json::<Value>::from_request(request, state).await.map_err(|rejection| Problem::unreadable(rejection.status(), rejection.body_text()))?;
        strict_json::from_value(value).map(Body).map_err(|error| {
            let field = match error.path() {
                "" => "body",
                path => path,
            };
            Problem::invalid(field, error.to_string())
        })
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

#[cfg(test)]
mod tests {
    use super::param_named_in;

    #[test]
    fn the_parameter_at_fault_is_named() {
        assert_eq!(param_named_in("Failed to deserialize query string: per_page: invalid digit found in string"), "per_page");
        assert_eq!(param_named_in("Failed to deserialize query string: duplicate field `q`"), "query");
    }
}
