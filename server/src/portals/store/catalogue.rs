//! The products in memory, with their search index. A member's search runs
//! on every keystroke; loading and folding thousands of products from SQL
//! each time cost ~55 ms a request at 5,000 products. Products change
//! rarely (HR edits, stock on orders), and every change bumps
//! `catalogue_version` by trigger (migration 0003), so one tiny read tells
//! whether the copy in memory is current.

use super::db;
use domain::store::Catalogue;
use sqlx::{AnyConnection, AnyExecutor, Connection};
use std::sync::{Arc, Mutex};

/// The products at one version of the catalogue.
pub struct Shelf {
    pub products: Catalogue,
    version: i64,
}

#[derive(Default)]
pub struct CatalogueCache {
    current: Mutex<Option<Arc<Shelf>>>,
}

impl CatalogueCache {
    /// The products as the database has them now.
    pub async fn shelf(&self, conn: &mut AnyConnection) -> Result<Arc<Shelf>, sqlx::Error> {
        let now = version(&mut *conn).await?;
        if let Some(shelf) = self.current.lock().expect("not poisoned").as_ref().filter(|s| s.version == now) {
            return Ok(shelf.clone());
        }
        // The version and the products read in one transaction, so the
        // shelf is labelled with the version its products belong to.
        let mut tx = conn.begin().await?;
        let version = version(&mut *tx).await?;
        let products = db::products(&mut *tx).await?;
        tx.commit().await?;
        let shelf = Arc::new(Shelf { products: products.into(), version });
        let mut current = self.current.lock().expect("not poisoned");
        if current.as_ref().is_none_or(|s| s.version < version) {
            *current = Some(shelf.clone());
        }
        Ok(shelf)
    }
}

async fn version(db: impl AnyExecutor<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT version FROM catalogue_version").fetch_one(db).await
}
