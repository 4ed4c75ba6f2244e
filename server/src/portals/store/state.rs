//! The store's sub-state: what its handlers extract as `State<StoreState>`
//! (through `FromRef<AppState>`), so nothing shared knows what the store
//! keeps.

use super::catalogue::CatalogueCache;
use crate::state::AppState;
use axum::extract::FromRef;
use domain::common::Clock;
use domain::Timestamp;
use sqlx::SqlitePool;
use std::sync::Arc;

/// What the store's handlers take as `State<StoreState>`: the database and
/// the clock every portal shares, and the store's own lock and catalogue.
#[derive(Clone)]
pub struct StoreState {
    pub pool: SqlitePool,
    clock: Arc<dyn Clock + Send + Sync>,
    own: Arc<Own>,
}

/// The store's own part of the app's state: one per `AppState`, shared by
/// its clones.
#[derive(Default)]
struct Own {
    /// Taken by every store change for its load → check → write, so the
    /// rules judge the facts the write lands on: stock, quotas and allowances
    /// hold under concurrent orders. This serialises one process only; more
    /// copies behind a load balancer would need row locks (`SELECT … FOR
    /// UPDATE`) or SERIALIZABLE transactions on Postgres instead.
    lock: tokio::sync::Mutex<()>,
    /// The products in memory between changes.
    catalogue: CatalogueCache,
}

impl FromRef<AppState> for StoreState {
    fn from_ref(app: &AppState) -> StoreState {
        StoreState { pool: app.pool.clone(), clock: app.clock.clone(), own: app.portal::<Own>() }
    }
}

impl StoreState {
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// Waits for the store's turn (see `Own::lock`); the change it guards
    /// runs while the returned guard lives.
    pub async fn turn(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.own.lock.lock().await
    }

    pub fn catalogue(&self) -> &CatalogueCache {
        &self.own.catalogue
    }
}
