//! The internal store over HTTP: members browse, order, cancel and review;
//! HR runs the catalogue, the order queue and the allowance policy. Each
//! handler loads the facts an operation needs (`db`), asks its use case in
//! `domain::store::use_cases` (the same functions the embedded demo
//! backend's `Shop` calls) and applies the decision with SQL. No rule lives
//! here.
//!
//! Nothing here relies on being the only server: a change holds the rows
//! its rules read (`db::hold`) or writes conditionally (stock, status), and
//! one a concurrent write got in before is judged again on fresh facts
//! (`retrying`).

use super::db::{self as store_db, Orders};
use super::state::StoreState;
use crate::db;
use crate::extract::{Body, Hr, Id, IdempotencyKey, Params, SignedIn};
use crate::problem::{retrying, Problem};
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::common::Page;
use domain::store::use_cases::{self as uc, KeyCheck, OrderDecision, Shopper, StatusDecision, StoreError};
use domain::store::{
    Actor, Allowance, AllowancePolicy, Listing, Order, OrderFilter, OrderId, OrderRequest, OrderStatus, Product, ProductDetail, ProductDraft, ProductId,
    ProductPatch, ProductQuery, Review, ReviewDraft, StatusRequest,
};
use domain::{Company, Lang, Member, Site, SiteId, Timestamp};
use serde::Deserialize;
use sqlx::{AnyConnection, Connection};
use std::time::Duration;

/// A claim on an `Idempotency-Key` older than this belongs to a request that
/// died with its process; a retry may take the key over.
const ABANDONED_CLAIM: Duration = Duration::from_secs(60);

/// Why a store operation did not happen, as the API answers it.
impl From<StoreError> for Problem {
    fn from(error: StoreError) -> Problem {
        match error {
            StoreError::NotFound => Problem::not_found(),
            StoreError::Rejected(violations) => Problem::violations(violations),
            StoreError::InFlight => Problem::in_flight(),
        }
    }
}

/// The facts about a member most store questions need: the company and
/// the member's orders (a `Shopper` borrows them).
async fn shopper_facts(conn: &mut AnyConnection, member: &Member) -> Result<(Company, Vec<Order>), Problem> {
    Ok((db::load_company(&mut *conn).await?, store_db::orders(conn, Orders::Of(member.id)).await?))
}

// ------------------------------------------------------------------ member

pub(super) async fn catalogue(
    State(store): State<StoreState>,
    SignedIn(member): SignedIn,
    Params(query): Params<ProductQuery>,
) -> Result<Json<Page<Listing>>, Problem> {
    let mut conn = store.pool.acquire().await?;
    let company = db::load_company(&mut conn).await?;
    let shelf = store.catalogue().shelf(&mut conn).await?;
    Ok(Json(uc::catalogue(&company, &member, &shelf.products, &query, store.now())?))
}

pub(super) async fn product_detail(State(store): State<StoreState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<ProductDetail>, Problem> {
    let mut conn = store.pool.acquire().await?;
    let product = store_db::product(&mut *conn, ProductId(id)).await?;
    let (company, orders) = shopper_facts(&mut conn, &member).await?;
    let reviews = store_db::reviews_written(&mut *conn, ProductId(id)).await?;
    let shopper = Shopper { company: &company, member: &member, orders: &orders };
    Ok(Json(uc::product_detail(&shopper, product.as_ref(), reviews.iter().map(|r| r.rating), store.now())?))
}

pub(super) async fn pickup_sites(State(store): State<StoreState>, SignedIn(_): SignedIn) -> Result<Json<Vec<Site>>, Problem> {
    Ok(Json(db::load_company(&mut *store.pool.acquire().await?).await?.sites))
}

pub(super) async fn my_allowance(State(store): State<StoreState>, SignedIn(member): SignedIn) -> Result<Json<Allowance>, Problem> {
    let mut conn = store.pool.acquire().await?;
    let (company, orders) = shopper_facts(&mut conn, &member).await?;
    let policy = store_db::policy(&mut conn).await?;
    Ok(Json(uc::allowance(&Shopper { company: &company, member: &member, orders: &orders }, &policy, store.now())))
}

/// Places an order once per key. The key is claimed (in flight) before the
/// rules run, so a duplicate arriving meanwhile is told 409; a success
/// settles it on the order, a failure releases it so a retry is judged
/// afresh.
pub(super) async fn place_order(
    State(store): State<StoreState>,
    SignedIn(member): SignedIn,
    IdempotencyKey(key): IdempotencyKey,
    Body(request): Body<OrderRequest>,
) -> Result<(StatusCode, Json<Order>), Problem> {
    let now = store.now();
    store_db::release_key(&store.pool, member.id, &key, Timestamp::from_unix_millis(now.unix_millis() - ABANDONED_CLAIM.as_millis() as i64)).await?;
    if let KeyCheck::Repeat(id) = uc::check_key(store_db::key_use(&store.pool, member.id, &key).await?.as_ref(), &request)? {
        return Ok((StatusCode::CREATED, Json(own_order(&store, &member, id).await?)));
    }
    if !store_db::claim_key(&store.pool, member.id, &key, &request, now).await? {
        // A request with the same key claimed it between our look and our
        // claim; a retry gets its answer.
        return Err(Problem::in_flight());
    }
    let placed = retrying(|| place_claimed(&store, &member, &key, &request, now)).await;
    if placed.is_err() {
        // `now + 1 ms`: this claim is released whatever its age.
        store_db::release_key(&store.pool, member.id, &key, Timestamp::from_unix_millis(now.unix_millis() + 1)).await?;
    }
    Ok((StatusCode::CREATED, Json(placed?)))
}

/// Places the order whose key this request has claimed: the key was
/// checked already, so the use case hears of no earlier use. The member's
/// orders are read with their row held, so two orders of one member are
/// judged one after the other (quota, allowance); stock is taken only
/// where it is still there, else the order is judged again.
async fn place_claimed(store: &StoreState, member: &Member, key: &str, request: &OrderRequest, now: Timestamp) -> Result<Order, Problem> {
    let mut conn = store.pool.acquire().await?;
    let company = db::load_company(&mut conn).await?;
    let shelf = store.catalogue().shelf(&mut conn).await?;
    let policy = store_db::policy(&mut conn).await?;
    let mut tx = conn.begin().await?;
    db::hold(&mut tx, "members", member.id.0).await?;
    let orders = store_db::orders(&mut tx, Orders::Of(member.id)).await?;
    let shopper = Shopper { company: &company, member, orders: &orders };
    let OrderDecision::Place(placement) = uc::place_order(&shopper, &policy, &shelf.products, None, request, now)? else {
        // Without an earlier use of the key there is nothing to repeat.
        return Err(Problem::internal());
    };
    let order = store_db::insert_order(&mut tx, placement.order).await?;
    for (product, units) in placement.take_stock {
        if !store_db::take_stock(&mut tx, product, units).await? {
            return Err(Problem::changed_meanwhile()); // dropping `tx` rolls back
        }
    }
    store_db::settle_key(&mut tx, member.id, key, order.id).await?;
    tx.commit().await?;
    Ok(order)
}

/// One of the member's orders; someone else's is "not found" too.
async fn own_order(store: &StoreState, member: &Member, id: OrderId) -> Result<Order, Problem> {
    let order = store_db::order(&mut *store.pool.acquire().await?, id).await?;
    Ok(uc::own_order(member.id, order.as_ref())?.clone())
}

pub(super) async fn my_orders(State(store): State<StoreState>, SignedIn(member): SignedIn) -> Result<Json<Vec<Order>>, Problem> {
    Ok(Json(uc::my_orders(member.id, &store_db::orders(&mut *store.pool.acquire().await?, Orders::Of(member.id)).await?)))
}

pub(super) async fn my_order(State(store): State<StoreState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<Order>, Problem> {
    Ok(Json(own_order(&store, &member, OrderId(id)).await?))
}

pub(super) async fn cancel_order(State(store): State<StoreState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<Order>, Problem> {
    Ok(Json(retrying(|| move_order(&store, OrderId(id), |order| uc::cancel_order(member.id, order, store.now()))).await?))
}

/// Loads an order, asks `decide` where it goes, and writes that: the new
/// status where the order still has the one the decision started from
/// (else "changed meanwhile", so `retrying` judges it again), its history
/// entry, and the stock it gives back.
async fn move_order(store: &StoreState, id: OrderId, decide: impl FnOnce(Option<&Order>) -> Result<StatusDecision, StoreError>) -> Result<Order, Problem> {
    let mut conn = store.pool.acquire().await?;
    let order = store_db::order(&mut conn, id).await?;
    let StatusDecision { order, from, return_stock } = decide(order.as_ref())?;
    let mut tx = conn.begin().await?;
    if !store_db::record_status(&mut tx, &order, from).await? {
        return Err(Problem::changed_meanwhile());
    }
    for (product, units) in return_stock {
        store_db::return_stock(&mut tx, product, units).await?;
    }
    tx.commit().await?;
    Ok(order)
}

pub(super) async fn my_review(State(store): State<StoreState>, SignedIn(member): SignedIn, Id(id): Id) -> Result<Json<Review>, Problem> {
    store_db::review_by(&store.pool, member.id, ProductId(id)).await?.map(Json).ok_or_else(Problem::not_found)
}

pub(super) async fn save_review(
    State(store): State<StoreState>,
    SignedIn(member): SignedIn,
    Id(id): Id,
    Body(draft): Body<ReviewDraft>,
) -> Result<Json<Review>, Problem> {
    let mut conn = store.pool.acquire().await?;
    let product = store_db::product(&mut *conn, ProductId(id)).await?;
    let (company, orders) = shopper_facts(&mut conn, &member).await?;
    let shopper = Shopper { company: &company, member: &member, orders: &orders };
    let stored = uc::save_review(&shopper, product.as_ref(), &draft, store.now())?;
    store_db::put_review(&mut conn, &stored).await?;
    Ok(Json(stored.review))
}

pub(super) async fn reviews(State(store): State<StoreState>, SignedIn(_): SignedIn, Id(id): Id) -> Result<Json<Vec<Review>>, Problem> {
    let mut conn = store.pool.acquire().await?;
    let product = store_db::product(&mut *conn, ProductId(id)).await?;
    let written = store_db::reviews_written(&mut *conn, ProductId(id)).await?;
    Ok(Json(uc::product_reviews(product.as_ref(), written.into_iter())?))
}

// ---------------------------------------------------------------------- HR

pub(super) async fn all_products(State(store): State<StoreState>, _: Hr) -> Result<Json<Vec<Product>>, Problem> {
    Ok(Json(store_db::products(&store.pool).await?))
}

pub(super) async fn create_product(State(store): State<StoreState>, _: Hr, Body(draft): Body<ProductDraft>) -> Result<(StatusCode, Json<Product>), Problem> {
    let draft = uc::create_product(draft)?;
    let id = store_db::insert_product(&mut *store.pool.acquire().await?, None, &draft).await?;
    Ok((StatusCode::CREATED, Json(draft.into_product(id))))
}

pub(super) async fn update_product(State(store): State<StoreState>, _: Hr, Id(id): Id, Body(patch): Body<ProductPatch>) -> Result<Json<Product>, Problem> {
    Ok(Json(retrying(|| edit_product(&store, ProductId(id), patch.clone())).await?))
}

/// Applies HR's edit to the product as it is now: its row is held from
/// the read to the write, so stock an order takes meanwhile is not
/// written back over.
async fn edit_product(store: &StoreState, id: ProductId, patch: ProductPatch) -> Result<Product, Problem> {
    let mut conn = store.pool.acquire().await?;
    let mut tx = conn.begin().await?;
    db::hold(&mut tx, "products", id.0).await?;
    let product = store_db::product(&mut *tx, id).await?;
    let product = uc::update_product(product.as_ref(), patch)?;
    store_db::update_product(&mut tx, &product).await?;
    tx.commit().await?;
    Ok(product)
}

/// `?status=&site=&page=&per_page=`
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct QueueQuery {
    status: Option<OrderStatus>,
    site: Option<SiteId>,
    page: Option<u32>,
    per_page: Option<u32>,
}

pub(super) async fn order_queue(State(store): State<StoreState>, _: Hr, Params(query): Params<QueueQuery>) -> Result<Json<Page<Order>>, Problem> {
    let filter = OrderFilter { status: query.status, site: query.site };
    // Every order is loaded and the domain filters and pages them; a company
    // this size has thousands at most. Pushing the filter and the paging
    // into SQL is the step for a large one.
    let orders = store_db::orders(&mut *store.pool.acquire().await?, Orders::All).await?;
    Ok(Json(uc::order_queue_page(&orders, &filter, query.page, query.per_page)?))
}

/// `?status=&site=&lang=`
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct CsvQuery {
    status: Option<OrderStatus>,
    site: Option<SiteId>,
    lang: Option<Lang>,
}

pub(super) async fn orders_csv(State(store): State<StoreState>, _: Hr, Params(query): Params<CsvQuery>) -> Result<Response, Problem> {
    let filter = OrderFilter { status: query.status, site: query.site };
    let mut conn = store.pool.acquire().await?;
    let company = db::load_company(&mut conn).await?;
    let orders = uc::order_queue(&store_db::orders(&mut conn, Orders::All).await?, &filter);
    let csv = domain::store::csv::orders_csv(&orders, &company, query.lang.unwrap_or_default());
    Ok(([(CONTENT_TYPE, "text/csv; charset=utf-8"), (CONTENT_DISPOSITION, "attachment; filename=\"orders.csv\"")], csv).into_response())
}

pub(super) async fn change_status(State(store): State<StoreState>, _: Hr, Id(id): Id, Body(request): Body<StatusRequest>) -> Result<Json<Order>, Problem> {
    Ok(Json(retrying(|| move_order(&store, OrderId(id), |order| uc::change_status(order, request.status, Actor::Hr, store.now()))).await?))
}

pub(super) async fn allowance_policy(State(store): State<StoreState>, _: Hr) -> Result<Json<AllowancePolicy>, Problem> {
    Ok(Json(store_db::policy(&mut *store.pool.acquire().await?).await?))
}

pub(super) async fn set_allowance_policy(
    State(store): State<StoreState>,
    _: Hr,
    Body(policy): Body<AllowancePolicy>,
) -> Result<Json<AllowancePolicy>, Problem> {
    let mut conn = store.pool.acquire().await?;
    let company = db::load_company(&mut conn).await?;
    let policy = uc::set_policy(&company, policy)?;
    // put_policy writes the policy's one row first: edits arriving
    // together at several servers are written one after the other.
    let mut tx = conn.begin().await?;
    store_db::put_policy(&mut tx, &policy).await?;
    tx.commit().await?;
    Ok(Json(policy))
}
