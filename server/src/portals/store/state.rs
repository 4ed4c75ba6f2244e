//! The store's sub-state: what its handlers extract as `State<StoreState>`
//! (through `FromRef<AppState>`), so nothing shared knows what the store
//! keeps.

use super::catalogue::CatalogueCache;
use crate::state::AppState;
use axum::extract::FromRef;
use domain::common::Clock;
use domain::Timestamp;
use sqlx::AnyPool;
use std::sync::Arc;

/// What the store's handlers take as `State<StoreState>`: the database and
/// the clock every portal shares, and the store's own catalogue.
#[derive(Clone)]
pub struct StoreState {
    pub pool: AnyPool,
    clock: Arc<dyn Clock + Send + Sync>,
    own: Arc<Own>,
}

/// The store's own part of the app's state: one per `AppState`, shared by
/// its clones.
#[derive(Default)]
struct Own {
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

    pub fn catalogue(&self) -> &CatalogueCache {
        &self.own.catalogue
    }
}
