//! The client side of the backend contract. One `Backend` is chosen at start
//! from `config.json` and shared through context; pages never know which.

pub mod config;
pub mod demo;
pub mod demo_store;
pub mod http;

use crate::i18n::Key;
use async_trait::async_trait;
use domain::company::WorkforceOverview;
pub use domain::Credentials;
use domain::{Member, MemberProfile, OfferingStatus};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// A problem with one field of a request, from a 422 answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// Why a backend call failed, in terms the interface can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No valid session: the member must sign in (again).
    Unauthorized,
    /// Signing in failed: unknown email or wrong password.
    BadCredentials,
    /// Signed in, but this is not for your role.
    Forbidden,
    NotFound,
    /// The request was understood but breaks a rule; shown next to fields.
    Invalid { fields: Vec<FieldError> },
    /// The backend could not be reached; retrying may help.
    Network,
    /// The backend failed or answered something we do not understand.
    Server { status: u16 },
}

impl ApiError {
    /// The translated message a member reads.
    pub fn message_key(&self) -> Key {
        match self {
            ApiError::Unauthorized => Key::ErrorUnauthorized,
            ApiError::BadCredentials => Key::ErrorBadCredentials,
            ApiError::Forbidden => Key::ErrorForbidden,
            ApiError::NotFound => Key::ErrorNotFound,
            ApiError::Invalid { .. } => Key::ErrorInvalid,
            ApiError::Network => Key::ErrorNetwork,
            ApiError::Server { .. } => Key::ErrorServer,
        }
    }

    /// Whether trying the same request again can succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, ApiError::Network | ApiError::Server { .. })
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for ApiError {}

/// How members sign in on this backend.
#[derive(Clone, Debug, PartialEq)]
pub enum SignInMethod {
    /// The demo company's people, one tap each.
    Personas(Vec<MemberProfile>),
    /// An email and password form.
    Password,
}

/// Everything the portal asks of a backend. Implemented by the embedded
/// demo backend and by the REST client; both must behave the same.
#[async_trait(?Send)]
pub trait Backend {
    fn sign_in_method(&self) -> SignInMethod;
    async fn sign_in(&self, credentials: &Credentials) -> Result<Member, ApiError>;
    /// The signed-in member, or `None` when nobody is.
    async fn session(&self) -> Result<Option<Member>, ApiError>;
    async fn sign_out(&self) -> Result<(), ApiError>;
    async fn profile(&self) -> Result<MemberProfile, ApiError>;
    /// What the member may use, with the reasons for what they may not.
    async fn offerings(&self) -> Result<Vec<OfferingStatus>, ApiError>;
    /// HR only.
    async fn workforce(&self) -> Result<WorkforceOverview, ApiError>;
}

/// The chosen backend, in context.
#[derive(Clone, Copy)]
pub struct Api(StoredValue<Rc<dyn Backend>, LocalStorage>);

impl Api {
    pub fn provide(backend: Rc<dyn Backend>) -> Api {
        let api = Api(StoredValue::new_local(backend));
        provide_context(api);
        api
    }

    pub fn get(&self) -> Rc<dyn Backend> {
        self.0.get_value()
    }
}

pub fn use_api() -> Rc<dyn Backend> {
    expect_context::<Api>().get()
}

/// A resource that calls the backend, for `<Loadable>` regions.
pub fn api_resource<T, Fut>(call: impl Fn(Rc<dyn Backend>) -> Fut + 'static) -> LocalResource<Result<T, ApiError>>
where
    T: 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    let api = use_api();
    LocalResource::new(move || call(api.clone()))
}
