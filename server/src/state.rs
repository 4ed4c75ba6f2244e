//! What every handler can reach: the database, the cookie policy and the
//! clock. A portal keeps what only it needs (the store's catalogue cache)
//! in a state of its own, which its
//! handlers extract as `State<ItsState>` through axum's `FromRef`; this file
//! never names a portal's state or its fields.

use domain::common::Clock;
use domain::Timestamp;
use sqlx::AnyPool;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// `--request-timeout`'s default.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Clone)]
pub struct AppState {
    pub pool: AnyPool,
    /// Whether the session cookie carries `Secure`.
    pub secure_cookies: bool,
    /// Where every rule's `now` comes from.
    pub clock: Arc<dyn Clock + Send + Sync>,
    /// How long a request may take, body included, before it is cut (408).
    pub request_timeout: Duration,
    /// Each portal's own part, by type.
    portals: PortalParts,
}

impl AppState {
    pub fn new(pool: AnyPool, secure_cookies: bool, clock: Arc<dyn Clock + Send + Sync>) -> AppState {
        AppState { pool, secure_cookies, clock, request_timeout: DEFAULT_REQUEST_TIMEOUT, portals: PortalParts::default() }
    }

    pub fn with_request_timeout(self, request_timeout: Duration) -> AppState {
        AppState { request_timeout, ..self }
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// A portal's own part of the state, of a type only that portal names:
    /// made on first use, then the same one for this state and every clone
    /// of it (as a field of `AppState` would be). A portal's `FromRef` impl
    /// calls this.
    pub fn portal<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        let mut parts = self.portals.0.lock().expect("portal parts lock");
        let part = parts.entry(TypeId::of::<T>()).or_insert_with(|| Arc::new(T::default()));
        part.clone().downcast::<T>().expect("stored under its own type id")
    }
}

/// The portals' parts, keyed by their types.
#[derive(Clone, Default)]
struct PortalParts(Arc<Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>>);

#[cfg(test)]
mod tests {
    use super::AppState;
    use domain::common::FixedClock;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::Arc;

    #[derive(Default)]
    struct Counter(AtomicU32);

    #[tokio::test]
    async fn a_portal_part_is_made_once_and_shared_by_every_clone() {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect_lazy("sqlite::memory:").unwrap();
        let state = AppState::new(pool, false, Arc::new(FixedClock("2026-11-20T10:00:00+07:00".parse().unwrap())));
        state.portal::<Counter>().0.fetch_add(1, Ordering::SeqCst);
        let clone = state.clone();
        assert_eq!(clone.portal::<Counter>().0.load(Ordering::SeqCst), 1);
        assert!(Arc::ptr_eq(&state.portal::<Counter>(), &clone.portal::<Counter>()));
    }
}
