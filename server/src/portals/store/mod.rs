//! The internal store: members browse, order, cancel and review; HR runs
//! the catalogue, the order queue and the allowance policy.
//!
//! - `handlers`: the HTTP surface (`/store/...`, `/hr/store/...`);
//! - `db`: the store's tables (products, orders, reviews, the allowance
//!   policy, idempotency keys);
//! - `catalogue`: the products in memory between changes;
//! - `state`: `StoreState`, what the handlers take as `State<StoreState>`.

pub mod catalogue;
pub mod db;
mod handlers;
mod state;

pub use state::StoreState;

use crate::state::AppState;
use axum::routing::{get, patch, post};
use axum::Router;
use sqlx::AnyConnection;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/store/products", get(handlers::catalogue))
        .route("/store/products/{id}", get(handlers::product_detail))
        .route("/store/products/{id}/review", get(handlers::my_review).put(handlers::save_review))
        .route("/store/products/{id}/reviews", get(handlers::reviews))
        .route("/store/pickup-sites", get(handlers::pickup_sites))
        .route("/store/allowance", get(handlers::my_allowance))
        .route("/store/orders", get(handlers::my_orders).post(handlers::place_order))
        .route("/store/orders/{id}", get(handlers::my_order))
        .route("/store/orders/{id}/cancel", post(handlers::cancel_order))
        .route("/hr/store/products", get(handlers::all_products).post(handlers::create_product))
        .route("/hr/store/products/{id}", patch(handlers::update_product))
        .route("/hr/store/orders", get(handlers::order_queue))
        .route("/hr/store/orders.csv", get(handlers::orders_csv))
        .route("/hr/store/orders/{id}/status", post(handlers::change_status))
        .route("/hr/store/allowance-policy", get(handlers::allowance_policy).put(handlers::set_allowance_policy))
}

/// Loads the demo store (`domain::seed::demo_shop`) unless products exist;
/// `true` when it did.
pub async fn seed_demo(conn: &mut AnyConnection) -> Result<bool, sqlx::Error> {
    let products: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products").fetch_one(&mut *conn).await?;
    if products > 0 {
        return Ok(false);
    }
    db::seed(conn, &domain::seed::demo_shop()).await?;
    Ok(true)
}
