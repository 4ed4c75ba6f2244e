//! The embedded backend: the demo company in the browser, its state kept in
//! local storage. Every rule comes from `domain`, as on the server.

use super::demo_store::{self, DemoData, StoreNotice};
use super::{ApiError, Backend, Credentials, SignInMethod};
use crate::browser;
use async_trait::async_trait;
use domain::company::WorkforceOverview;
use domain::seed::{demo_company, DEMO_PASSWORD, PERSONA_EMAILS};
use domain::store::{
    csv, Actor, Allowance, AllowancePolicy, Listing, Order, OrderFilter, OrderId, OrderRequest, OrderStatus, Page, Product, ProductDetail,
    ProductDraft, ProductId, ProductPatch, ProductQuery, Review, ReviewDraft, StoreError,
};
use domain::{Company, Lang, Member, MemberProfile, OfferingStatus, Role, Site};
use std::cell::{Cell, RefCell};

pub struct DemoBackend {
    company: Company,
    data: RefCell<DemoData>,
    notice: Cell<Option<StoreNotice>>,
}

impl DemoBackend {
    /// Loads the stored state, resetting it (with a notice) if unreadable.
    pub fn load() -> DemoBackend {
        let (data, notice) = demo_store::load(browser::read(demo_store::STORAGE_KEY).as_deref());
        let backend = DemoBackend { company: demo_company(), data: RefCell::new(data), notice: Cell::new(notice) };
        if notice.is_some() {
            backend.persist();
        }
        backend
    }

    /// A notice about stored data that had to be reset, once.
    pub fn take_notice(&self) -> Option<StoreNotice> {
        self.notice.take()
    }

    fn persist(&self) {
        browser::write(demo_store::STORAGE_KEY, &demo_store::save(&self.data.borrow()));
    }

    fn signed_in(&self) -> Result<&Member, ApiError> {
        let id = self.data.borrow().session.ok_or(ApiError::Unauthorized)?;
        self.company.member(id).ok_or(ApiError::Unauthorized)
    }

    fn hr(&self) -> Result<&Member, ApiError> {
        let member = self.signed_in()?;
        if member.role != Role::Hr {
            return Err(ApiError::Forbidden);
        }
        Ok(member)
    }

    /// Runs a change to the store and saves it when it succeeded.
    fn change<T>(&self, change: impl FnOnce(&mut domain::store::Shop) -> Result<T, StoreError>) -> Result<T, ApiError> {
        let result = change(&mut self.data.borrow_mut().shop).map_err(api_error);
        if result.is_ok() {
            self.persist();
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
impl Backend for DemoBackend {
    fn sign_in_method(&self) -> SignInMethod {
        let today = browser::today();
        let personas = PERSONA_EMAILS
            .iter()
            .filter_map(|email| self.company.member_by_email(email))
            .filter_map(|member| self.company.profile(member.id, today))
            .collect();
        SignInMethod::Personas(personas)
    }

    async fn sign_in(&self, credentials: &Credentials) -> Result<Member, ApiError> {
        let member = self.company.member_by_email(&credentials.email).filter(|_| credentials.password == DEMO_PASSWORD);
        let member = member.ok_or(ApiError::BadCredentials)?.clone();
        self.data.borrow_mut().session = Some(member.id);
        self.persist();
        Ok(member)
    }

    async fn session(&self) -> Result<Option<Member>, ApiError> {
        Ok(self.signed_in().ok().cloned())
    }

    async fn sign_out(&self) -> Result<(), ApiError> {
        self.data.borrow_mut().session = None;
        self.persist();
        Ok(())
    }

    async fn profile(&self) -> Result<MemberProfile, ApiError> {
        let member = self.signed_in()?;
        self.company.profile(member.id, browser::today()).ok_or(ApiError::NotFound)
    }

    async fn offerings(&self) -> Result<Vec<OfferingStatus>, ApiError> {
        let member = self.signed_in()?;
        Ok(self.company.offering_statuses(member.id, browser::today()))
    }

    async fn workforce(&self) -> Result<WorkforceOverview, ApiError> {
        if self.signed_in()?.role != Role::Hr {
            return Err(ApiError::Forbidden);
        }
        Ok(self.company.workforce_overview(browser::today()))
    }

    async fn products(&self, query: &ProductQuery) -> Result<Page<Listing>, ApiError> {
        let member = self.signed_in()?;
        self.data.borrow().shop.catalogue(&self.company, member, query, browser::now()).map_err(api_error)
    }

    async fn product(&self, id: ProductId) -> Result<ProductDetail, ApiError> {
        let member = self.signed_in()?;
        self.data.borrow().shop.product_detail(&self.company, member, id, browser::now()).map_err(api_error)
    }

    async fn pickup_sites(&self) -> Result<Vec<Site>, ApiError> {
        self.signed_in()?;
        Ok(self.company.sites.clone())
    }

    async fn allowance(&self) -> Result<Allowance, ApiError> {
        let member = self.signed_in()?;
        Ok(self.data.borrow().shop.allowance(&self.company, member, browser::now()))
    }

    async fn place_order(&self, key: &str, request: &OrderRequest) -> Result<Order, ApiError> {
        let member = self.signed_in()?;
        self.change(|shop| shop.place_order(&self.company, member, key, request, browser::now()))
    }

    async fn orders(&self) -> Result<Vec<Order>, ApiError> {
        let member = self.signed_in()?;
        Ok(self.data.borrow().shop.my_orders(member.id))
    }

    async fn order(&self, id: OrderId) -> Result<Order, ApiError> {
        let member = self.signed_in()?;
        self.data.borrow().shop.order(member.id, id).map_err(api_error)
    }

    async fn cancel_order(&self, id: OrderId) -> Result<Order, ApiError> {
        let member = self.signed_in()?;
        self.change(|shop| shop.cancel(member.id, id, browser::now()))
    }

    async fn my_review(&self, product: ProductId) -> Result<Option<Review>, ApiError> {
        let member = self.signed_in()?;
        Ok(self.data.borrow().shop.my_review(member.id, product))
    }

    async fn save_review(&self, product: ProductId, draft: &ReviewDraft) -> Result<Review, ApiError> {
        let member = self.signed_in()?;
        self.change(|shop| shop.save_review(&self.company, member, product, draft, browser::now()))
    }

    async fn reviews(&self, product: ProductId) -> Result<Vec<Review>, ApiError> {
        self.signed_in()?;
        self.data.borrow().shop.reviews_of(product).map_err(api_error)
    }

    async fn hr_products(&self) -> Result<Vec<Product>, ApiError> {
        self.hr()?;
        Ok(self.data.borrow().shop.products.to_vec())
    }

    async fn create_product(&self, draft: &ProductDraft) -> Result<Product, ApiError> {
        self.hr()?;
        self.change(|shop| shop.create_product(draft.clone()))
    }

    async fn update_product(&self, id: ProductId, patch: &ProductPatch) -> Result<Product, ApiError> {
        self.hr()?;
        self.change(|shop| shop.update_product(id, patch.clone()))
    }

    async fn hr_orders(&self, filter: &OrderFilter, page: u32) -> Result<Page<Order>, ApiError> {
        self.hr()?;
        Ok(Page::of(self.data.borrow().shop.queue(filter).into_iter(), page, domain::store::shop::QUEUE_PER_PAGE))
    }

    async fn set_order_status(&self, id: OrderId, status: OrderStatus) -> Result<Order, ApiError> {
        self.hr()?;
        self.change(|shop| shop.change_status(id, status, Actor::Hr, browser::now()))
    }

    async fn orders_csv(&self, filter: &OrderFilter, lang: Lang) -> Result<String, ApiError> {
        self.hr()?;
        Ok(csv::orders_csv(&self.data.borrow().shop.queue(filter), &self.company, lang))
    }

    async fn allowance_policy(&self) -> Result<AllowancePolicy, ApiError> {
        self.hr()?;
        Ok(self.data.borrow().shop.policy.clone())
    }

    async fn set_allowance_policy(&self, policy: &AllowancePolicy) -> Result<AllowancePolicy, ApiError> {
        self.hr()?;
        self.change(|shop| shop.set_policy(&self.company, policy.clone()))
    }
}
