//! The internal store over HTTP: members browse, order, cancel and review;
//! HR runs the catalogue, the order queue and the allowance policy. Each
//! handler loads the facts a question needs, asks `domain::store` (the same
//! functions the embedded demo backend's `Shop` calls) and writes what it
//! decided. No rule lives here.

use crate::auth::SignedIn;
use crate::problem::{Body, Params, Problem};
use crate::routes::AppState;
use crate::shop::{self, Orders};
use crate::store;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use axum::{Json, Router};
use domain::store::allowance::allowance;
use domain::store::order::{check_order, is_valid_key, quota_left, replay, Buyer, Replay};
use domain::store::review::can_review;
use domain::store::{
    Actor, Allowance, AllowancePolicy, Listing, Order, OrderFilter, OrderId, OrderRequest, OrderStatus, Page, Product, ProductDetail, ProductDraft, ProductId,
    ProductPatch, ProductQuery, RatingSummary, Review, ReviewDraft, Rule, StatusRequest, Violation,
};
use domain::{Lang, Member, Role, Site, SiteId, Timestamp};
use serde::Deserialize;
use std::time::Duration;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/store/products", get(catalogue))
        .route("/store/products/{id}", get(product_detail))
        .route("/store/products/{id}/review", get(my_review).put(save_review))
        .route("/store/products/{id}/reviews", get(reviews))
        .route("/store/pickup-sites", get(pickup_sites))
        .route("/store/allowance", get(my_allowance))
        .route("/store/orders", get(my_orders).post(place_order))
        .route("/store/orders/{id}", get(my_order))
        .route("/store/orders/{id}/cancel", post(cancel_order))
        .route("/hr/store/products", get(all_products).post(create_product))
        .route("/hr/store/products/{id}", patch(update_product))
        .route("/hr/store/orders", get(order_queue))
        .route("/hr/store/orders.csv", get(orders_csv))
        .route("/hr/store/orders/{id}/status", post(change_status))
        .route("/hr/store/allowance-policy", get(allowance_policy).put(set_allowance_policy))
}

/// A claim on an `Idempotency-Key` older than this belongs to a request that
/// died with its process; a retry may take the key over.
const ABANDONED_CLAIM: Duration = Duration::from_secs(60);

/// The id in the path. Anything that is not an id names nothing: 404.
struct Id(u32);

impl FromRequestParts<AppState> for Id {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Id, Problem> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state).await.map_err(|_| Problem::not_found())?;
        raw.parse().map(Id).map_err(|_| Problem::not_found())
    }
}

/// A signed-in member of the people team (401 without a session, 403 for
/// anyone else).
struct Hr;

impl FromRequestParts<AppState> for Hr {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Hr, Problem> {
        let SignedIn(member) = SignedIn::from_request_parts(parts, state).await?;
        if member.role != Role::Hr {
            return Err(Problem::forbidden());
        }
        Ok(Hr)
    }
}

/// The `Idempotency-Key` header, when usable (400 otherwise).
struct IdempotencyKey(String);

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<IdempotencyKey, Problem> {
        let key = parts.headers.get("idempotency-key").and_then(|v| v.to_str().ok()).filter(|k| is_valid_key(k));
        key.map(|k| IdempotencyKey(k.to_owned())).ok_or_else(Problem::missing_idempotency_key)
    }
}

/// A visible product, or 404: hidden products are not for sale.
async fn visible_product(state: &AppState, id: u32) -> Result<Product, Problem> {
    shop::product(&state.pool, ProductId(id)).await?.filter(|p| !p.hidden).ok_or_else(Problem::not_found)
}

/// One of the member's orders; someone else's is "not found" too, so
/// existence does not leak.
async fn own_order(state: &AppState, member: &Member, id: u32) -> Result<Order, Problem> {
    shop::order(&state.pool, OrderId(id)).await?.filter(|o| o.member_id == member.id).ok_or_else(Problem::not_found)
}

fn rejected(violations: Vec<Violation>) -> Result<(), Problem> {
    if violations.is_empty() {
        Ok(())
    } else {
        Err(Problem::violations(violations))
    }
}

// ------------------------------------------------------------------ member

async fn catalogue(State(state): State<AppState>, SignedIn(member): SignedIn, Params(query): Params<ProductQuery>) -> Result<Json<Page<Listing>>, Problem> {
    rejected(query.violations())?;
    let company = store::load_company(&state.pool).await?;
    let shelf = state.catalogue.shelf(&state.pool).await?;
    let today = state.now().date();
    let page = shelf.products.search(&query);
    let items = page.items.into_iter().map(|p| Listing { eligible: company.evaluate(&p.audience, &member, today).eligible, product: p.clone() }).collect();
    Ok(Json(Page { items, total: page.total }))
}

async fn product_detail(State(state): State<AppState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<ProductDetail>, Problem> {
    let product = visible_product(&state, id).await?;
    let company = store::load_company(&state.pool).await?;
    let orders = shop::orders(&state.pool, Orders::Of(member.id)).await?;
    let reviews = shop::reviews_of(&state.pool, product.id).await?;
    let now = state.now();
    Ok(Json(ProductDetail {
        eligibility: company.evaluate(&product.audience, &member, now.date()),
        quota_left: quota_left(&product, &orders, now),
        rating: RatingSummary::of(reviews.iter().map(|r| r.rating)),
        can_review: can_review(&orders, product.id),
        product,
    }))
}

async fn pickup_sites(State(state): State<AppState>, SignedIn(_): SignedIn) -> Result<Json<Vec<Site>>, Problem> {
    Ok(Json(store::load_company(&state.pool).await?.sites))
}

async fn my_allowance(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<Allowance>, Problem> {
    let company = store::load_company(&state.pool).await?;
    let policy = shop::policy(&state.pool).await?;
    let orders = shop::orders(&state.pool, Orders::Of(member.id)).await?;
    let today = state.now().date();
    Ok(Json(allowance(policy.limit_for(&company, &member, today), &orders, today)))
}

/// Places an order once per key. The key is claimed (in flight) before the
/// rules run, so a duplicate arriving meanwhile is told 409; a success
/// settles it on the order, a failure releases it so a retry is judged
/// afresh.
async fn place_order(
    State(state): State<AppState>,
    SignedIn(member): SignedIn,
    IdempotencyKey(key): IdempotencyKey,
    Body(request): Body<OrderRequest>,
) -> Result<(StatusCode, Json<Order>), Problem> {
    let now = state.now();
    shop::release_key(&state.pool, member.id, &key, Timestamp::from_unix_millis(now.unix_millis() - ABANDONED_CLAIM.as_millis() as i64)).await?;
    match replay(shop::key_use(&state.pool, member.id, &key).await?.as_ref(), &request) {
        Replay::Repeat(id) => return Ok((StatusCode::CREATED, Json(own_order(&state, &member, id.0).await?))),
        Replay::Mismatch => return Err(Problem::violations(vec![Violation::new("Idempotency-Key", Rule::KeyReused, None)])),
        Replay::InFlight => return Err(Problem::in_flight()),
        Replay::Fresh => {}
    }
    if !shop::claim_key(&state.pool, member.id, &key, &request, now).await? {
        // A request with the same key claimed it between our look and our
        // claim; a retry gets its answer.
        return Err(Problem::in_flight());
    }
    let placed = place_claimed(&state, &member, &key, &request, now).await;
    if placed.is_err() {
        // `now + 1 ms`: this claim is released whatever its age.
        shop::release_key(&state.pool, member.id, &key, Timestamp::from_unix_millis(now.unix_millis() + 1)).await?;
    }
    Ok((StatusCode::CREATED, Json(placed?)))
}

async fn place_claimed(state: &AppState, member: &Member, key: &str, request: &OrderRequest, now: Timestamp) -> Result<Order, Problem> {
    let _turn = state.store_lock.lock().await;
    let company = store::load_company(&state.pool).await?;
    let products = &state.catalogue.shelf(&state.pool).await?.products;
    let orders = shop::orders(&state.pool, Orders::Of(member.id)).await?;
    let policy = shop::policy(&state.pool).await?;
    let today = now.date();
    let remaining = allowance(policy.limit_for(&company, member, today), &orders, today).remaining;
    let buyer = Buyer { company: &company, member, orders: &orders, allowance_remaining: remaining, now };
    let placement = check_order(&buyer, |id| products.iter().find(|p| p.id == id), request).map_err(Problem::violations)?;
    let mut tx = state.pool.begin().await?;
    let order = shop::insert_order(&mut tx, placement.into_order(OrderId(0), member, request, now)).await?;
    for line in &order.lines {
        if !shop::take_stock(&mut tx, line.product_id, line.quantity).await? {
            return Err(Problem::changed_meanwhile()); // dropping `tx` rolls back
        }
    }
    shop::settle_key(&mut tx, member.id, key, order.id).await?;
    tx.commit().await?;
    Ok(order)
}

async fn my_orders(State(state): State<AppState>, SignedIn(member): SignedIn) -> Result<Json<Vec<Order>>, Problem> {
    Ok(Json(shop::orders(&state.pool, Orders::Of(member.id)).await?))
}

async fn my_order(State(state): State<AppState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<Order>, Problem> {
    Ok(Json(own_order(&state, &member, id).await?))
}

async fn cancel_order(State(state): State<AppState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<Order>, Problem> {
    let _turn = state.store_lock.lock().await;
    let order = own_order(&state, &member, id).await?;
    Ok(Json(move_order(&state, order, OrderStatus::Cancelled, Actor::Buyer).await?))
}

/// Moves an order on as `Order::change_status` allows; an order that stops
/// counting (cancelled) gives its stock back, and its allowance with it,
/// since spending counts live orders only. Call with the store lock held.
async fn move_order(state: &AppState, mut order: Order, next: OrderStatus, actor: Actor) -> Result<Order, Problem> {
    let from = order.status;
    order.change_status(next, actor, state.now()).map_err(|v| Problem::violations(vec![v]))?;
    let mut tx = state.pool.begin().await?;
    if !shop::record_status(&mut tx, &order, from).await? {
        return Err(Problem::changed_meanwhile());
    }
    if from.counts() && !order.status.counts() {
        for line in &order.lines {
            shop::return_stock(&mut tx, line.product_id, line.quantity).await?;
        }
    }
    tx.commit().await?;
    Ok(order)
}

async fn my_review(State(state): State<AppState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<Review>, Problem> {
    shop::review_by(&state.pool, member.id, ProductId(id)).await?.map(Json).ok_or_else(Problem::not_found)
}

async fn save_review(State(state): State<AppState>, SignedIn(member): SignedIn, Id(id): Id, Body(draft): Body<ReviewDraft>) -> Result<Json<Review>, Problem> {
    let _turn = state.store_lock.lock().await;
    let product = visible_product(&state, id).await?;
    let orders = shop::orders(&state.pool, Orders::Of(member.id)).await?;
    let rating = draft.check(&orders, product.id).map_err(Problem::violations)?;
    let mut tx = state.pool.begin().await?;
    shop::put_review(&mut tx, member.id, product.id, rating, draft.stored_comment(), state.now().date()).await?;
    tx.commit().await?;
    shop::review_by(&state.pool, member.id, product.id).await?.map(Json).ok_or_else(Problem::internal)
}

async fn reviews(State(state): State<AppState>, SignedIn(_): SignedIn, Id(id): Id) -> Result<Json<Vec<Review>>, Problem> {
    let product = visible_product(&state, id).await?;
    Ok(Json(shop::reviews_of(&state.pool, product.id).await?))
}

// ---------------------------------------------------------------------- HR

async fn all_products(State(state): State<AppState>, _: Hr) -> Result<Json<Vec<Product>>, Problem> {
    Ok(Json(shop::products(&state.pool).await?))
}

async fn create_product(State(state): State<AppState>, _: Hr, Body(draft): Body<ProductDraft>) -> Result<(StatusCode, Json<Product>), Problem> {
    rejected(draft.violations())?;
    let mut tx = state.pool.begin().await?;
    let id = shop::insert_product(&mut tx, None, &draft).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(draft.into_product(id))))
}

async fn update_product(State(state): State<AppState>, _: Hr, Id(id): Id, Body(patch): Body<ProductPatch>) -> Result<Json<Product>, Problem> {
    let _turn = state.store_lock.lock().await;
    let product = shop::product(&state.pool, ProductId(id)).await?.ok_or_else(Problem::not_found)?;
    let product = product.patched(patch).map_err(Problem::violations)?;
    let mut tx = state.pool.begin().await?;
    shop::update_product(&mut tx, &product).await?;
    tx.commit().await?;
    Ok(Json(product))
}

/// `?status=&site=&page=&per_page=`
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct QueueQuery {
    status: Option<OrderStatus>,
    site: Option<SiteId>,
    page: Option<u32>,
    per_page: Option<u32>,
}

async fn order_queue(State(state): State<AppState>, _: Hr, Params(query): Params<QueueQuery>) -> Result<Json<Page<Order>>, Problem> {
    // The catalogue's paging bounds (page from 1, at most 100 a page), which
    // the domain keeps on `ProductQuery`.
    let paging = ProductQuery { page: query.page, per_page: Some(query.per_page.unwrap_or(domain::store::shop::QUEUE_PER_PAGE)), ..ProductQuery::default() };
    rejected(paging.violations())?;
    let filter = OrderFilter { status: query.status, site: query.site };
    // Every order is loaded and filtered by the domain's `OrderFilter`; a
    // company this size has thousands at most. Pushing the filter and the
    // paging into SQL is the step for a large one.
    let admitted: Vec<Order> = shop::orders(&state.pool, Orders::All).await?.into_iter().filter(|o| filter.admits(o)).collect();
    Ok(Json(Page::of(admitted.into_iter(), paging.page(), paging.per_page())))
}

/// `?status=&site=&lang=`
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CsvQuery {
    status: Option<OrderStatus>,
    site: Option<SiteId>,
    lang: Option<Lang>,
}

async fn orders_csv(State(state): State<AppState>, _: Hr, Params(query): Params<CsvQuery>) -> Result<Response, Problem> {
    let filter = OrderFilter { status: query.status, site: query.site };
    let company = store::load_company(&state.pool).await?;
    let orders: Vec<Order> = shop::orders(&state.pool, Orders::All).await?.into_iter().filter(|o| filter.admits(o)).collect();
    let csv = domain::store::csv::orders_csv(&orders, &company, query.lang.unwrap_or_default());
    Ok(([(CONTENT_TYPE, "text/csv; charset=utf-8"), (CONTENT_DISPOSITION, "attachment; filename=\"orders.csv\"")], csv).into_response())
}

async fn change_status(State(state): State<AppState>, _: Hr, Id(id): Id, Body(request): Body<StatusRequest>) -> Result<Json<Order>, Problem> {
    let _turn = state.store_lock.lock().await;
    let order = shop::order(&state.pool, OrderId(id)).await?.ok_or_else(Problem::not_found)?;
    Ok(Json(move_order(&state, order, request.status, Actor::Hr).await?))
}

async fn allowance_policy(State(state): State<AppState>, _: Hr) -> Result<Json<AllowancePolicy>, Problem> {
    Ok(Json(shop::policy(&state.pool).await?))
}

async fn set_allowance_policy(State(state): State<AppState>, _: Hr, Body(policy): Body<AllowancePolicy>) -> Result<Json<AllowancePolicy>, Problem> {
    let company = store::load_company(&state.pool).await?;
    rejected(policy.violations(&company))?;
    let mut tx = state.pool.begin().await?;
    shop::put_policy(&mut tx, &policy).await?;
    tx.commit().await?;
    Ok(Json(policy))
}
