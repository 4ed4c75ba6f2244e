//! The store's calls on the REST client, loaded with the store's module.

use super::api::StoreApi;
use crate::api::http::{parse, query_string, HttpBackend};
use crate::api::ApiError;
use async_trait::async_trait;
use domain::common::Page;
use domain::store::{
    Allowance, AllowancePolicy, Listing, Order, OrderFilter, OrderId, OrderRequest, OrderStatus, Product, ProductDetail, ProductDraft, ProductId, ProductPatch,
    ProductQuery, Review, ReviewDraft, StatusRequest,
};
use domain::{Lang, Site};
use gloo_net::http::Method;
use serde::Serialize;
use std::rc::Rc;

pub struct HttpStore(pub Rc<HttpBackend>);

#[derive(Serialize)]
struct Paged<'a, F> {
    #[serde(flatten)]
    filter: &'a F,
    page: u32,
    per_page: u32,
}

#[async_trait(?Send)]
impl StoreApi for HttpStore {
    async fn products(&self, query: &ProductQuery) -> Result<Page<Listing>, ApiError> {
        self.0.get(&format!("/store/products{}", query_string(query))).await
    }

    async fn product(&self, id: ProductId) -> Result<ProductDetail, ApiError> {
        self.0.get(&format!("/store/products/{}", id.0)).await
    }

    async fn pickup_sites(&self) -> Result<Vec<Site>, ApiError> {
        self.0.get("/store/pickup-sites").await
    }

    async fn allowance(&self) -> Result<Allowance, ApiError> {
        self.0.get("/store/allowance").await
    }

    async fn place_order(&self, key: &str, request: &OrderRequest) -> Result<Order, ApiError> {
        let text = self.0.request(Method::POST, "/store/orders", Some(request), &[("Idempotency-Key", key)]).await?;
        parse(&text)
    }

    async fn orders(&self) -> Result<Vec<Order>, ApiError> {
        self.0.get("/store/orders").await
    }

    async fn order(&self, id: OrderId) -> Result<Order, ApiError> {
        self.0.get(&format!("/store/orders/{}", id.0)).await
    }

    async fn cancel_order(&self, id: OrderId) -> Result<Order, ApiError> {
        self.0.json(Method::POST, &format!("/store/orders/{}/cancel", id.0), None::<&()>).await
    }

    async fn my_review(&self, product: ProductId) -> Result<Option<Review>, ApiError> {
        match self.0.get(&format!("/store/products/{}/review", product.0)).await {
            Err(ApiError::NotFound) => Ok(None),
            other => other.map(Some),
        }
    }

    async fn save_review(&self, product: ProductId, draft: &ReviewDraft) -> Result<Review, ApiError> {
        self.0.send(Method::PUT, &format!("/store/products/{}/review", product.0), draft).await
    }

    async fn reviews(&self, product: ProductId) -> Result<Vec<Review>, ApiError> {
        self.0.get(&format!("/store/products/{}/reviews", product.0)).await
    }

    async fn hr_products(&self) -> Result<Vec<Product>, ApiError> {
        self.0.get("/hr/store/products").await
    }

    async fn create_product(&self, draft: &ProductDraft) -> Result<Product, ApiError> {
        self.0.send(Method::POST, "/hr/store/products", draft).await
    }

    async fn update_product(&self, id: ProductId, patch: &ProductPatch) -> Result<Product, ApiError> {
        self.0.send(Method::PATCH, &format!("/hr/store/products/{}", id.0), patch).await
    }

    async fn hr_orders(&self, filter: &OrderFilter, page: u32) -> Result<Page<Order>, ApiError> {
        let query = Paged { filter, page, per_page: domain::store::use_cases::QUEUE_PER_PAGE };
        self.0.get(&format!("/hr/store/orders{}", query_string(&query))).await
    }

    async fn set_order_status(&self, id: OrderId, status: OrderStatus) -> Result<Order, ApiError> {
        self.0.send(Method::POST, &format!("/hr/store/orders/{}/status", id.0), &StatusRequest { status }).await
    }

    async fn orders_csv(&self, filter: &OrderFilter, lang: Lang) -> Result<String, ApiError> {
        #[derive(Serialize)]
        struct CsvQuery<'a> {
            #[serde(flatten)]
            filter: &'a OrderFilter,
            lang: Lang,
        }
        let path = format!("/hr/store/orders.csv{}", query_string(&CsvQuery { filter, lang }));
        self.0.request(Method::GET, &path, None::<&()>, &[]).await
    }

    async fn allowance_policy(&self) -> Result<AllowancePolicy, ApiError> {
        self.0.get("/hr/store/allowance-policy").await
    }

    async fn set_allowance_policy(&self, policy: &AllowancePolicy) -> Result<AllowancePolicy, ApiError> {
        self.0.send(Method::PUT, "/hr/store/allowance-policy", policy).await
    }
}
