//! The REST client for `api/openapi.yaml`: one private request function
//! that maps statuses to [`ApiError`], and a thin typed call per resource.

use super::{ApiError, Backend, Credentials, FieldError, SignInMethod};
use async_trait::async_trait;
use domain::company::WorkforceOverview;
use domain::store::{
    Allowance, AllowancePolicy, Listing, Order, OrderFilter, OrderId, OrderRequest, OrderStatus, Page, Product, ProductDetail, ProductDraft,
    ProductId, ProductPatch, ProductQuery, Review, ReviewDraft, StatusRequest,
};
use domain::{Lang, Member, MemberProfile, OfferingStatus, Site};
use gloo_net::http::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use web_sys::{AbortController, RequestCredentials};

pub struct HttpBackend {
    /// Prefix for `/api/v1/...`; empty for the app's own origin.
    base_url: String,
}

/// Aborts the fetch when the future that owns it is dropped, so a page that
/// goes away takes its requests with it.
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}

/// The per-field part of an RFC 9457 problem document.
#[derive(Deserialize)]
struct Problem {
    #[serde(default)]
    errors: Vec<FieldError>,
}

impl HttpBackend {
    pub fn new(base_url: &str) -> HttpBackend {
        HttpBackend { base_url: base_url.trim_end_matches('/').to_owned() }
    }

    /// Sends one request and reads its whole body, mapping the status to
    /// an [`ApiError`]. The abort guard lives until the body is read.
    async fn request(&self, method: Method, path: &str, body: Option<&(impl Serialize + ?Sized)>, headers: &[(&str, &str)]) -> Result<String, ApiError> {
        let guard = AbortOnDrop(AbortController::new().ok());
        let mut builder = RequestBuilder::new(&format!("{}/api/v1{path}", self.base_url))
            .method(method)
            .credentials(RequestCredentials::Include)
            .header("Accept", "application/json")
            .abort_signal(guard.0.as_ref().map(|c| c.signal()).as_ref());
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        let request = match body {
            Some(body) => builder.json(body),
            None => builder.build(),
        }
        .map_err(|_| ApiError::Network)?;
        let response = request.send().await.map_err(|_| ApiError::Network)?;
        let status = response.status();
        let text = response.text().await.map_err(|_| ApiError::Network)?;
        drop(guard);
        match status {
            200..=299 => Ok(text),
            401 => Err(ApiError::Unauthorized),
            403 => Err(ApiError::Forbidden),
            404 => Err(ApiError::NotFound),
            409 => Err(ApiError::Conflict),
            400 | 422 => {
                let fields = serde_json::from_str::<Problem>(&text).map(|p| p.errors).unwrap_or_default();
                Err(ApiError::Invalid { fields })
            }
            status => Err(ApiError::Server { status }),
        }
    }

    async fn json<T: DeserializeOwned>(&self, method: Method, path: &str, body: Option<&(impl Serialize + ?Sized)>) -> Result<T, ApiError> {
        let text = self.request(method, path, body, &[]).await?;
        parse(&text)
    }

    async fn send<T: DeserializeOwned>(&self, method: Method, path: &str, body: &(impl Serialize + ?Sized)) -> Result<T, ApiError> {
        self.json(method, path, Some(body)).await
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        self.json(Method::GET, path, None::<&()>).await
    }
}

/// A 2xx answer we cannot read is the server's fault, not the member's.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|_| ApiError::Server { status: 200 })
}

/// `?name=value&…` from a query struct's fields, URL-encoded; `""` if none.
fn query_string(query: &impl Serialize) -> String {
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(query) else { return String::new() };
    let pairs: Vec<String> = fields
        .iter()
        .filter_map(|(name, value)| {
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => return None,
            };
            Some(format!("{name}={}", js_sys::encode_uri_component(&text)))
        })
        .collect();
    if pairs.is_empty() { String::new() } else { format!("?{}", pairs.join("&")) }
}

#[derive(Serialize)]
struct Paged<'a, F> {
    #[serde(flatten)]
    filter: &'a F,
    page: u32,
    per_page: u32,
}

#[async_trait(?Send)]
impl Backend for HttpBackend {
    fn sign_in_method(&self) -> SignInMethod {
        SignInMethod::Password
    }

    async fn sign_in(&self, credentials: &Credentials) -> Result<Member, ApiError> {
        match self.json(Method::POST, "/session", Some(credentials)).await {
            Err(ApiError::Unauthorized) => Err(ApiError::BadCredentials),
            other => other,
        }
    }

    async fn session(&self) -> Result<Option<Member>, ApiError> {
        match self.get("/session").await {
            Ok(member) => Ok(Some(member)),
            Err(ApiError::Unauthorized) => Ok(None),
            Err(other) => Err(other),
        }
    }

    async fn sign_out(&self) -> Result<(), ApiError> {
        self.request(Method::DELETE, "/session", None::<&()>, &[]).await.map(drop)
    }

    async fn profile(&self) -> Result<MemberProfile, ApiError> {
        self.get("/me").await
    }

    async fn offerings(&self) -> Result<Vec<OfferingStatus>, ApiError> {
        self.get("/me/offerings").await
    }

    async fn workforce(&self) -> Result<WorkforceOverview, ApiError> {
        self.get("/hr/workforce").await
    }

    async fn products(&self, query: &ProductQuery) -> Result<Page<Listing>, ApiError> {
        self.get(&format!("/store/products{}", query_string(query))).await
    }

    async fn product(&self, id: ProductId) -> Result<ProductDetail, ApiError> {
        self.get(&format!("/store/products/{}", id.0)).await
    }

    async fn pickup_sites(&self) -> Result<Vec<Site>, ApiError> {
        self.get("/store/pickup-sites").await
    }

    async fn allowance(&self) -> Result<Allowance, ApiError> {
        self.get("/store/allowance").await
    }

    async fn place_order(&self, key: &str, request: &OrderRequest) -> Result<Order, ApiError> {
        let text = self.request(Method::POST, "/store/orders", Some(request), &[("Idempotency-Key", key)]).await?;
        parse(&text)
    }

    async fn orders(&self) -> Result<Vec<Order>, ApiError> {
        self.get("/store/orders").await
    }

    async fn order(&self, id: OrderId) -> Result<Order, ApiError> {
        self.get(&format!("/store/orders/{}", id.0)).await
    }

    async fn cancel_order(&self, id: OrderId) -> Result<Order, ApiError> {
        self.json(Method::POST, &format!("/store/orders/{}/cancel", id.0), None::<&()>).await
    }

    async fn my_review(&self, product: ProductId) -> Result<Option<Review>, ApiError> {
        match self.get(&format!("/store/products/{}/review", product.0)).await {
            Err(ApiError::NotFound) => Ok(None),
            other => other.map(Some),
        }
    }

    async fn save_review(&self, product: ProductId, draft: &ReviewDraft) -> Result<Review, ApiError> {
        self.send(Method::PUT, &format!("/store/products/{}/review", product.0), draft).await
    }

    async fn reviews(&self, product: ProductId) -> Result<Vec<Review>, ApiError> {
        self.get(&format!("/store/products/{}/reviews", product.0)).await
    }

    async fn hr_products(&self) -> Result<Vec<Product>, ApiError> {
        self.get("/hr/store/products").await
    }

    async fn create_product(&self, draft: &ProductDraft) -> Result<Product, ApiError> {
        self.send(Method::POST, "/hr/store/products", draft).await
    }

    async fn update_product(&self, id: ProductId, patch: &ProductPatch) -> Result<Product, ApiError> {
        self.send(Method::PATCH, &format!("/hr/store/products/{}", id.0), patch).await
    }

    async fn hr_orders(&self, filter: &OrderFilter, page: u32) -> Result<Page<Order>, ApiError> {
        let query = Paged { filter, page, per_page: domain::store::shop::QUEUE_PER_PAGE };
        self.get(&format!("/hr/store/orders{}", query_string(&query))).await
    }

    async fn set_order_status(&self, id: OrderId, status: OrderStatus) -> Result<Order, ApiError> {
        self.send(Method::POST, &format!("/hr/store/orders/{}/status", id.0), &StatusRequest { status }).await
    }

    async fn orders_csv(&self, filter: &OrderFilter, lang: Lang) -> Result<String, ApiError> {
        #[derive(Serialize)]
        struct CsvQuery<'a> {
            #[serde(flatten)]
            filter: &'a OrderFilter,
            lang: Lang,
        }
        let path = format!("/hr/store/orders.csv{}", query_string(&CsvQuery { filter, lang }));
        self.request(Method::GET, &path, None::<&()>, &[]).await
    }

    async fn allowance_policy(&self) -> Result<AllowancePolicy, ApiError> {
        self.get("/hr/store/allowance-policy").await
    }

    async fn set_allowance_policy(&self, policy: &AllowancePolicy) -> Result<AllowancePolicy, ApiError> {
        self.send(Method::PUT, "/hr/store/allowance-policy", policy).await
    }
}
