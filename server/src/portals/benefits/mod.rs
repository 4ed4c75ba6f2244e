//! Benefits: leave that follows Vietnamese labour law. Members see their
//! balances, ask for leave, withdraw it or ask to cancel it, approve their
//! team's and hand their approvals to a stand-in; HR lists and exports
//! every request, edits leave types, confirms each year's holidays and
//! adjusts balances.
//!
//! - `handlers`: the HTTP surface (`/leave/...`, `/hr/leave/...`);
//! - `db`: leave's tables (types, work weeks, holiday calendars,
//!   allocations, requests, idempotency keys, delegations).

pub mod db;
mod handlers;

use crate::state::AppState;
use axum::routing::{get, post};
use axum::Router;
use sqlx::AnyConnection;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/leave/balances", get(handlers::balances))
        .route("/leave/work-calendar", get(handlers::work_calendar))
        .route("/leave/summary", get(handlers::summary))
        .route("/leave/requests", get(handlers::my_requests).post(handlers::submit))
        .route("/leave/requests/{id}", get(handlers::request))
        .route("/leave/requests/{id}/withdraw", post(handlers::withdraw))
        .route("/leave/requests/{id}/cancellation", post(handlers::ask_cancellation))
        .route("/leave/approvals", get(handlers::approvals))
        .route("/leave/approvals/{id}", post(handlers::decide))
        .route("/leave/delegations", get(handlers::my_delegations).post(handlers::delegate))
        .route("/leave/team-calendar", get(handlers::team_calendar))
        .route("/leave/audit", get(handlers::my_audit))
        .route("/hr/leave/requests", get(handlers::all_requests))
        .route("/hr/leave/requests.csv", get(handlers::payroll_csv))
        .route("/hr/leave/types", get(handlers::types))
        .route("/hr/leave/filters", get(handlers::filter_choices))
        .route("/hr/leave/types/{id}", axum::routing::put(handlers::save_type))
        .route("/hr/leave/holidays/{year}", get(handlers::holidays).put(handlers::confirm_holidays))
        .route("/hr/leave/allocations", get(handlers::allocations))
        .route("/hr/leave/allocations/{id}/adjustments", post(handlers::adjust))
        .route("/hr/leave/audit/{id}", get(handlers::audit))
}

/// Loads the demo's leave (`domain::seed::demo_leave`) unless leave types
/// exist; `true` when it did.
pub async fn seed_demo(conn: &mut AnyConnection) -> Result<bool, sqlx::Error> {
    if db::type_count(&mut *conn).await? > 0 {
        return Ok(false);
    }
    db::seed(conn, &domain::seed::demo_leave()).await?;
    Ok(true)
}
