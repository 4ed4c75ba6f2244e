//! The store on the embedded backend, loaded with the store's module. The
//! shop is the store's own stored data (its key, its schema version): read
//! on first use, written back after every change. A damaged or outdated
//! shop resets the shop only, with a notice; the session and every other
//! portal's data are kept.

use super::api::StoreApi;
use crate::api::demo::DemoBackend;
use crate::api::ApiError;
use crate::browser;
use crate::i18n::Key;
use crate::storage::{self, Problem, StorageNotice, StoredPart};
use async_trait::async_trait;
use domain::common::Page;
use domain::store::{
    csv, Actor, Allowance, AllowancePolicy, Listing, Order, OrderFilter, OrderId, OrderRequest, OrderStatus, Product, ProductDetail, ProductDraft, ProductId,
    ProductPatch, ProductQuery, Review, ReviewDraft, Shop, StoreError,
};
use domain::{Lang, Site};
use std::cell::RefCell;
use std::rc::Rc;

/// Where the shop is stored: `noibo.demo.store`.
fn storage_key() -> String {
    storage::portal_key(super::PORTAL.name)
}

/// Bump when `Shop` changes shape, and teach [`load`] the old one.
pub const SCHEMA_VERSION: u32 = 1;

/// The stored shop (products, orders, reviews, the allowance policy);
/// nothing stored is the demo company's shop.
pub fn load(raw: Option<&str>) -> Result<Shop, Problem> {
    Ok(storage::read(raw, SCHEMA_VERSION)?.unwrap_or_else(domain::seed::demo_shop))
}

pub fn save(shop: &Shop) -> String {
    storage::seal(SCHEMA_VERSION, shop)
}

pub struct DemoShop {
    core: Rc<DemoBackend>,
    shop: RefCell<Shop>,
}

impl DemoShop {
    /// Reads the stored shop; one that cannot be read is replaced by the
    /// demo company's, and the member is told the store's data was reset.
    pub fn open(core: Rc<DemoBackend>) -> DemoShop {
        let shop = load(browser::read(&storage_key()).as_deref()).unwrap_or_else(|problem| {
            core.report(StorageNotice { part: StoredPart::Portal(Key::StoreDataName), problem });
            browser::remove(&storage_key());
            domain::seed::demo_shop()
        });
        DemoShop { core, shop: RefCell::new(shop) }
    }

    /// Runs a change to the store and saves it when it succeeded.
    fn change<T>(&self, change: impl FnOnce(&mut Shop) -> Result<T, StoreError>) -> Result<T, ApiError> {
        let result = change(&mut self.shop.borrow_mut()).map_err(api_error);
        if result.is_ok() {
            browser::write(&storage_key(), &save(&self.shop.borrow()));
        }
        result
    }
}

/// A store error as the HTTP backend would report it.
fn api_error(error: StoreError) -> ApiError {
    match error {
        StoreError::NotFound => ApiError::NotFound,
        StoreError::InFlight => ApiError::Conflict,
        StoreError::Rejected(violations) => ApiError::Invalid { fields: violations.into_iter().map(Into::into).collect() },
    }
}

#[async_trait(?Send)]
impl StoreApi for DemoShop {
    async fn products(&self, query: &ProductQuery) -> Result<Page<Listing>, ApiError> {
        let member = self.core.signed_in()?;
        self.shop.borrow().catalogue(&self.core.company, member, query, self.core.now()).map_err(api_error)
    }

    async fn product(&self, id: ProductId) -> Result<ProductDetail, ApiError> {
        let member = self.core.signed_in()?;
        self.shop.borrow().product_detail(&self.core.company, member, id, self.core.now()).map_err(api_error)
    }

    async fn pickup_sites(&self) -> Result<Vec<Site>, ApiError> {
        self.core.signed_in()?;
        Ok(self.core.company.sites.clone())
    }

    async fn allowance(&self) -> Result<Allowance, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.shop.borrow().allowance(&self.core.company, member, self.core.now()))
    }

    async fn place_order(&self, key: &str, request: &OrderRequest) -> Result<Order, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|shop| shop.place_order(&self.core.company, member, key, request, self.core.now()))
    }

    async fn orders(&self) -> Result<Vec<Order>, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.shop.borrow().my_orders(member.id))
    }

    async fn order(&self, id: OrderId) -> Result<Order, ApiError> {
        let member = self.core.signed_in()?;
        self.shop.borrow().order(member.id, id).map_err(api_error)
    }

    async fn cancel_order(&self, id: OrderId) -> Result<Order, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|shop| shop.cancel(member.id, id, self.core.now()))
    }

    async fn my_review(&self, product: ProductId) -> Result<Option<Review>, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.shop.borrow().my_review(member.id, product))
    }

    async fn save_review(&self, product: ProductId, draft: &ReviewDraft) -> Result<Review, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|shop| shop.save_review(&self.core.company, member, product, draft, self.core.now()))
    }

    async fn reviews(&self, product: ProductId) -> Result<Vec<Review>, ApiError> {
        self.core.signed_in()?;
        self.shop.borrow().reviews_of(product).map_err(api_error)
    }

    async fn hr_products(&self) -> Result<Vec<Product>, ApiError> {
        self.core.hr()?;
        Ok(self.shop.borrow().products.to_vec())
    }

    async fn create_product(&self, draft: &ProductDraft) -> Result<Product, ApiError> {
        self.core.hr()?;
        self.change(|shop| shop.create_product(draft.clone()))
    }

    async fn update_product(&self, id: ProductId, patch: &ProductPatch) -> Result<Product, ApiError> {
        self.core.hr()?;
        self.change(|shop| shop.update_product(id, patch.clone()))
    }

    async fn hr_orders(&self, filter: &OrderFilter, page: u32) -> Result<Page<Order>, ApiError> {
        self.core.hr()?;
        self.shop.borrow().queue_page(filter, page).map_err(api_error)
    }

    async fn set_order_status(&self, id: OrderId, status: OrderStatus) -> Result<Order, ApiError> {
        self.core.hr()?;
        self.change(|shop| shop.change_status(id, status, Actor::Hr, self.core.now()))
    }

    async fn orders_csv(&self, filter: &OrderFilter, lang: Lang) -> Result<String, ApiError> {
        self.core.hr()?;
        Ok(csv::orders_csv(&self.shop.borrow().queue(filter), &self.core.company, lang))
    }

    async fn allowance_policy(&self) -> Result<AllowancePolicy, ApiError> {
        self.core.hr()?;
        Ok(self.shop.borrow().policy.clone())
    }

    async fn set_allowance_policy(&self, policy: &AllowancePolicy) -> Result<AllowancePolicy, ApiError> {
        self.core.hr()?;
        self.change(|shop| shop.set_policy(&self.core.company, policy.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_start_opens_the_demo_company_shop() {
        assert_eq!(load(None), Ok(domain::seed::demo_shop()));
    }

    #[test]
    fn a_saved_shop_survives_a_reload() {
        let mut shop = domain::seed::demo_shop();
        shop.products[0].stock = 3;
        assert_eq!(load(Some(&save(&shop))), Ok(shop));
    }

    #[test]
    fn a_shop_moved_out_of_the_legacy_envelope_opens() {
        // What `api::demo` moves here from the single envelope of before (data version 2).
        let mut shop = domain::seed::demo_shop();
        shop.products[0].stock = 3;
        let legacy = serde_json::json!({ "version": 2, "data": { "session": 3, "shop": shop } }).to_string();
        let loaded = crate::api::demo::load_session(None, Some(&legacy));
        assert_eq!(loaded.moved.len(), 1);
        let (key, raw) = &loaded.moved[0];
        assert_eq!(key, &storage_key());
        assert_eq!(load(Some(raw)), Ok(shop));
    }

    #[test]
    fn a_damaged_shop_is_reset_alone_with_a_notice() {
        for raw in ["", "not json", r#"{"version":1,"data":{"products":"none"}}"#, r#"{"version":1}"#] {
            assert_eq!(load(Some(raw)), Err(Problem::Corrupt), "{raw:?}");
        }
    }

    #[test]
    fn a_shop_from_an_unknown_version_is_reset_with_a_notice() {
        assert_eq!(load(Some(r#"{"version":99,"data":{}}"#)), Err(Problem::Incompatible { found: 99 }));
    }
}
