//! The store on the embedded backend, loaded with the store portal. The
//! shop is read from the demo's stored state on first use and written
//! back after every change.

use super::demo::DemoBackend;
use super::demo_store::{self, DemoData};
use super::{ApiError, StoreApi};
use async_trait::async_trait;
use domain::store::{
    csv, Actor, Allowance, AllowancePolicy, Listing, Order, OrderFilter, OrderId, OrderRequest, OrderStatus, Page, Product, ProductDetail, ProductDraft,
    ProductId, ProductPatch, ProductQuery, Review, ReviewDraft, Shop, StoreError,
};
use domain::{Lang, Site};
use std::cell::RefCell;
use std::rc::Rc;

pub struct DemoShop {
    core: Rc<DemoBackend>,
    shop: RefCell<Shop>,
}

impl DemoShop {
    /// Reads the stored shop; one that cannot be read is replaced by the
    /// demo company's, with the same notice as damaged storage at start.
    pub fn open(core: Rc<DemoBackend>) -> DemoShop {
        let stored = demo_store::read_shop(&core.data.borrow().shop);
        let shop = stored.unwrap_or_else(|notice| {
            core.report(notice);
            core.data.borrow_mut().shop = DemoData::default().shop;
            core.persist();
            domain::seed::demo_shop()
        });
        DemoShop { core, shop: RefCell::new(shop) }
    }

    /// Runs a change to the store and saves it when it succeeded.
    fn change<T>(&self, change: impl FnOnce(&mut Shop) -> Result<T, StoreError>) -> Result<T, ApiError> {
        let result = change(&mut self.shop.borrow_mut()).map_err(api_error);
        if result.is_ok() {
            self.core.data.borrow_mut().shop = demo_store::write_shop(&self.shop.borrow());
            self.core.persist();
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
        Ok(Page::of(self.shop.borrow().queue(filter).into_iter(), page, domain::store::shop::QUEUE_PER_PAGE))
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
