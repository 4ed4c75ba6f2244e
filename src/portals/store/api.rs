//! What the store asks of a backend: a trait of its own next to the shell's
//! `Backend`, implemented on both backends in this folder (`demo.rs`,
//! `http.rs`) and connected to the chosen one when the store first asks.

use super::demo::DemoShop;
use super::http::HttpStore;
use crate::api::{resource, Api, ApiError, Chosen};
use async_trait::async_trait;
use domain::common::Page;
use domain::store::{
    Allowance, AllowancePolicy, Listing, Order, OrderFilter, OrderId, OrderRequest, OrderStatus, Product, ProductDetail, ProductDraft, ProductId, ProductPatch,
    ProductQuery, Review, ReviewDraft,
};
use domain::Site;
use leptos::prelude::*;
use std::rc::Rc;

/// The internal store, asked of the same backend as the shell's calls.
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

/// The store side of the chosen backend.
pub fn connect(chosen: &Chosen) -> Rc<dyn StoreApi> {
    match chosen {
        Chosen::Demo(demo) => Rc::new(DemoShop::open(demo.core.clone())),
        Chosen::Http(http) => Rc::new(HttpStore(http.clone())),
    }
}

/// The store side of the backend in context, connected on first use and
/// then shared by every store page (the demo backend reads its shop once).
pub fn use_store() -> Rc<dyn StoreApi> {
    expect_context::<Api>().portal(connect)
}

/// A resource that calls the store, for `<Loadable>` regions.
pub fn store_resource<T, Fut>(call: impl Fn(Rc<dyn StoreApi>) -> Fut + 'static) -> LocalResource<Result<T, ApiError>>
where
    T: 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    resource(use_store(), call)
}
