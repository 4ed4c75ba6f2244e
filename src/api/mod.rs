//! The client side of the backend contract. One `Backend` is chosen at start
//! from `config.json` and shared through context; pages never know which.

pub mod config;
pub mod demo;
pub mod demo_shop;
pub mod demo_store;
pub mod http;
pub mod http_store;

use crate::i18n::Key;
use async_trait::async_trait;
use domain::company::WorkforceOverview;
use domain::store::{
    Allowance, AllowancePolicy, Listing, Order, OrderFilter, OrderId, OrderRequest, OrderStatus, Page, Product, ProductDetail, ProductDraft, ProductId,
    ProductPatch, ProductQuery, Review, ReviewDraft, Rule, Violation,
};
pub use domain::Credentials;
use domain::{Member, MemberProfile, OfferingStatus, Site};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// A problem with one field of a request, from a 422 answer. Store rules
/// also say which `rule` broke and the number it is about, so the
/// interface can say it in the member's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub rule: Option<Rule>,
    #[serde(default)]
    pub limit: Option<u64>,
}

impl From<Violation> for FieldError {
    fn from(v: Violation) -> FieldError {
        FieldError { message: v.rule.describe().to_owned(), field: v.field, rule: Some(v.rule), limit: v.limit }
    }
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
    /// The same request is still being processed; trying again shortly helps.
    Conflict,
    /// The request was understood but breaks a rule; shown next to fields.
    Invalid {
        fields: Vec<FieldError>,
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

/// The internal store, asked of the same backend. A separate trait, so
/// that its implementations (and everything only they use) are loaded with
/// the store's pages, not at start: see `crate::portal`.
#[async_trait(?Send)]
pub trait StoreApi {
    // Member side.
    async fn products(&self, query: &ProductQuery) -> Result<Page<Listing>, ApiError>;
    async fn product(&self, id: ProductId) -> Result<ProductDetail, ApiError>;
    async fn pickup_sites(&self) -> Result<Vec<Site>, ApiError>;
    async fn allowance(&self) -> Result<Allowance, ApiError>;
    /// Places an order once per `key`: a retry with the same key and
    /// request answers with the first order.
    async fn place_order(&self, key: &str, request: &OrderRequest) -> Result<Order, ApiError>;
    /// My orders, newest first.
    async fn orders(&self) -> Result<Vec<Order>, ApiError>;
    async fn order(&self, id: OrderId) -> Result<Order, ApiError>;
    async fn cancel_order(&self, id: OrderId) -> Result<Order, ApiError>;
    /// My review of a product, if I wrote one.
    async fn my_review(&self, product: ProductId) -> Result<Option<Review>, ApiError>;
    async fn save_review(&self, product: ProductId, draft: &ReviewDraft) -> Result<Review, ApiError>;
    async fn reviews(&self, product: ProductId) -> Result<Vec<Review>, ApiError>;

    // HR side.
    async fn hr_products(&self) -> Result<Vec<Product>, ApiError>;
    async fn create_product(&self, draft: &ProductDraft) -> Result<Product, ApiError>;
    async fn update_product(&self, id: ProductId, patch: &ProductPatch) -> Result<Product, ApiError>;
    async fn hr_orders(&self, filter: &OrderFilter, page: u32) -> Result<Page<Order>, ApiError>;
    async fn set_order_status(&self, id: OrderId, status: OrderStatus) -> Result<Order, ApiError>;
    /// The orders `filter` admits as CSV, names in the interface language.
    async fn orders_csv(&self, filter: &OrderFilter, lang: domain::Lang) -> Result<String, ApiError>;
    async fn allowance_policy(&self) -> Result<AllowancePolicy, ApiError>;
    async fn set_allowance_policy(&self, policy: &AllowancePolicy) -> Result<AllowancePolicy, ApiError>;
}

/// The backend `config.json` chose, as its concrete type, so that the store
/// portal can build its [`StoreApi`] on the very same instance when it loads.
#[derive(Clone)]
pub enum Chosen {
    Demo(Rc<demo::DemoBackend>),
    Http(Rc<http::HttpBackend>),
}

impl Chosen {
    pub fn backend(&self) -> Rc<dyn Backend> {
        match self {
            Chosen::Demo(demo) => demo.clone(),
            Chosen::Http(http) => http.clone(),
        }
    }

    /// Whether stored data had to be reset (only the demo backend stores any).
    fn take_notice(&self) -> Option<demo_store::StoreNotice> {
        match self {
            Chosen::Demo(demo) => demo.take_notice(),
            Chosen::Http(_) => None,
        }
    }
}

/// The store side of a backend. Only the store portal's code reaches this
/// function, so the two implementations load with it.
pub fn connect_store(chosen: &Chosen) -> Rc<dyn StoreApi> {
    match chosen {
        Chosen::Demo(demo) => Rc::new(demo_shop::DemoShop::open(demo.clone())),
        Chosen::Http(http) => Rc::new(http_store::HttpStore(http.clone())),
    }
}

/// The chosen backend, in context, with its store side once connected.
#[derive(Clone, Copy)]
pub struct Api {
    chosen: StoredValue<Chosen, LocalStorage>,
    store: StoredValue<Option<Rc<dyn StoreApi>>, LocalStorage>,
    notice: RwSignal<Option<demo_store::StoreNotice>>,
}

impl Api {
    pub fn provide(chosen: Chosen) -> Api {
        let notice = RwSignal::new(chosen.take_notice());
        let api = Api { chosen: StoredValue::new_local(chosen), store: StoredValue::new_local(None), notice };
        provide_context(api);
        api
    }

    pub fn get(&self) -> Rc<dyn Backend> {
        self.chosen.with_value(Chosen::backend)
    }

    /// The store side, connected on first use and then shared by every page
    /// (the demo backend reads its whole shop once).
    pub fn store(&self) -> Rc<dyn StoreApi> {
        if let Some(store) = self.store.get_value() {
            return store;
        }
        let store = self.chosen.with_value(connect_store);
        self.store.set_value(Some(store.clone()));
        if let Some(notice) = self.chosen.with_value(Chosen::take_notice) {
            self.notice.set(Some(notice));
        }
        store
    }

    /// Stored data that had to be reset, for the member to read.
    pub fn notice(&self) -> Option<demo_store::StoreNotice> {
        self.notice.get()
    }
}

pub fn use_api() -> Rc<dyn Backend> {
    expect_context::<Api>().get()
}

pub fn use_store() -> Rc<dyn StoreApi> {
    expect_context::<Api>().store()
}

/// A resource that calls the backend, for `<Loadable>` regions.
pub fn api_resource<T, Fut>(call: impl Fn(Rc<dyn Backend>) -> Fut + 'static) -> LocalResource<Result<T, ApiError>>
where
    T: 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    resource(use_api(), call)
}

/// [`api_resource`] for the store side.
pub fn store_resource<T, Fut>(call: impl Fn(Rc<dyn StoreApi>) -> Fut + 'static) -> LocalResource<Result<T, ApiError>>
where
    T: 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    resource(use_store(), call)
}

fn resource<A: Clone + 'static, T: 'static, Fut>(api: A, call: impl Fn(A) -> Fut + 'static) -> LocalResource<Result<T, ApiError>>
where
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    LocalResource::new(move || call(api.clone()))
}
