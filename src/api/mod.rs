//! The client side of the backend contract, as every portal shares it: the
//! shell's calls (`Backend`), how a call fails (`ApiError`), the chosen
//! backend and how a portal connects its own side to it (`Api::portal`).
//! One backend is chosen at start from `config.json` and shared through
//! context; pages never know which.

pub mod config;
pub mod demo;
pub mod http;

use crate::i18n::Key;
use crate::storage::StorageNotice;
use async_trait::async_trait;
use domain::common::FieldError;
use domain::company::WorkforceOverview;
pub use domain::Credentials;
use domain::{Member, MemberProfile, OfferingStatus};
use leptos::prelude::*;
use std::any::Any;
use std::rc::Rc;

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
    /// The same request is still being processed; trying again shortly helps.
    Conflict,
    /// The request was understood but breaks a rule; shown next to fields.
    Invalid {
        fields: Vec<FieldError>,
    },
    /// Too many sign-in attempts for this email: the backend says how many
    /// seconds to wait (`Retry-After`), when it says.
    TooManyAttempts {
        retry_after: Option<u32>,
    },
    /// The backend could not be reached; retrying may help.
    Network,
    /// The backend failed or answered something we do not understand.
    Server {
        status: u16,
    },
}

impl ApiError {
    /// The translated message a member reads.
    pub fn message_key(&self) -> Key {
        match self {
            ApiError::Unauthorized => Key::ErrorUnauthorized,
            ApiError::BadCredentials => Key::ErrorBadCredentials,
            ApiError::Forbidden => Key::ErrorForbidden,
            ApiError::NotFound => Key::ErrorNotFound,
            ApiError::Conflict => Key::ErrorConflict,
            ApiError::Invalid { .. } => Key::ErrorInvalid,
            ApiError::TooManyAttempts { .. } => Key::ErrorTooManyAttempts,
            ApiError::Network => Key::ErrorNetwork,
            ApiError::Server { .. } => Key::ErrorServer,
        }
    }

    /// Whether trying the same request again can succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, ApiError::Network | ApiError::Conflict | ApiError::Server { .. })
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
    /// An email and password form; the domain, when configured, shapes its hint.
    Password { email_domain: Option<String> },
}

/// What the shell asks of a backend (each portal asks its own trait). Implemented by the embedded
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

/// The backend `config.json` chose, as its concrete type, so that a portal
/// can build its side of the backend (its own trait, implemented by the demo
/// and the HTTP backend in the portal's folder) on the very same instance
/// when its module loads: see [`Api::portal`].
#[derive(Clone)]
pub enum Chosen {
    Demo(demo::Demo),
    Http(Rc<http::HttpBackend>),
}

impl Chosen {
    pub fn backend(&self) -> Rc<dyn Backend> {
        match self {
            Chosen::Demo(demo) => demo.backend(),
            Chosen::Http(http) => http.clone(),
        }
    }

    /// Stored data that had to be reset (only the demo backend stores any).
    fn take_notices(&self) -> Vec<StorageNotice> {
        match self {
            Chosen::Demo(demo) => demo.core.take_notices(),
            Chosen::Http(_) => Vec::new(),
        }
    }
}

/// The chosen backend, in context, with each portal's side once connected.
#[derive(Clone, Copy)]
pub struct Api {
    chosen: StoredValue<Chosen, LocalStorage>,
    /// Every portal's side of the backend connected so far, told apart by type.
    portals: StoredValue<Vec<Rc<dyn Any>>, LocalStorage>,
    notices: RwSignal<Vec<StorageNotice>>,
}

impl Api {
    pub fn provide(chosen: Chosen) -> Api {
        let notices = RwSignal::new(chosen.take_notices());
        let api = Api { chosen: StoredValue::new_local(chosen), portals: StoredValue::new_local(Vec::new()), notices };
        provide_context(api);
        api
    }

    pub fn get(&self) -> Rc<dyn Backend> {
        self.chosen.with_value(Chosen::backend)
    }

    /// A portal's side of the backend (`Rc<dyn StoreApi>`, …), built by
    /// `connect` the first time the portal asks and then shared by all its
    /// pages. Only the portal's own code calls this, so `connect` and
    /// everything it reaches load with the portal's module.
    pub fn portal<P: Clone + 'static>(&self, connect: fn(&Chosen) -> P) -> P {
        if let Some(side) = self.portals.with_value(|sides| sides.iter().find_map(|side| side.downcast_ref::<P>().cloned())) {
            return side;
        }
        let side = self.chosen.with_value(connect);
        self.portals.update_value(|sides| sides.push(Rc::new(side.clone())));
        // Connecting reads the portal's stored data, which may have been reset.
        let found = self.chosen.with_value(Chosen::take_notices);
        if !found.is_empty() {
            self.notices.update(|notices| notices.extend(found));
        }
        side
    }

    /// Stored data that had to be reset, for the member to read: the first
    /// not yet dismissed.
    pub fn notice(&self) -> Option<StorageNotice> {
        self.notices.with(|notices| notices.first().copied())
    }

    /// The member read `notice`.
    pub fn dismiss(&self, notice: StorageNotice) {
        self.notices.update(|notices| notices.retain(|n| *n != notice));
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
    resource(use_api(), call)
}

/// A resource that calls `api` (the shell's backend or a portal's side of
/// it), for `<Loadable>` regions.
pub fn resource<A: Clone + 'static, T: 'static, Fut>(api: A, call: impl Fn(A) -> Fut + 'static) -> LocalResource<Result<T, ApiError>>
where
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    LocalResource::new(move || call(api.clone()))
}
