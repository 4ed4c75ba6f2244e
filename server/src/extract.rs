//! What handlers take from a request: who is asking (`SignedIn`, `Hr`),
//! the id in the path, a JSON body, a query string and the
//! `Idempotency-Key` header. Every rejection is a `Problem`.

use crate::auth::{session_token, token_hash};
use crate::db;
use crate::problem::Problem;
use crate::state::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use domain::common::require_hr;
use domain::store::order::is_valid_key;
use domain::Member;
use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::marker::PhantomData;

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
    use super::{field_named_in, param_named_in};

    #[test]
    fn the_parameter_at_fault_is_named() {
        assert_eq!(param_named_in("Failed to deserialize query string: per_page: invalid digit found in string"), "per_page");
        assert_eq!(param_named_in("Failed to deserialize query string: duplicate field `q`"), "query");
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
