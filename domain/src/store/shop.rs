//! The whole store as one value: products, orders, reviews, the allowance
//! policy and the idempotency keys. The embedded demo backend keeps a
//! `Shop`. Each operation loads its facts from the shop, asks the use case
//! (`store::use_cases`, which the reference server calls too with facts
//! from SQL) and applies the decision; no rule lives here.

use crate::common::page::Page;
use crate::company::Company;
use crate::date::Timestamp;
use crate::member::{Member, MemberId};
use crate::store::allowance::{Allowance, AllowancePolicy};
use crate::store::order::{Actor, KeyUse, Order, OrderFilter, OrderId, OrderRequest, OrderStatus};
use crate::store::product::{Listing, Product, ProductDetail, ProductDraft, ProductId, ProductPatch, ProductQuery};
use crate::store::review::{Review, ReviewDraft, StoredReview};
use crate::store::search::Catalogue;
use crate::store::use_cases::{self as uc, OrderDecision, Shopper, StatusDecision, StoreError};
use serde::{Deserialize, Serialize};

/// A member's idempotency key and what it was used for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredKey {
    pub member_id: MemberId,
    pub key: String,
    pub used: KeyUse,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shop {
    pub products: Catalogue,
    pub orders: Vec<Order>,
    pub reviews: Vec<StoredReview>,
    pub policy: AllowancePolicy,
    pub keys: Vec<StoredKey>,
}

impl Shop {
    pub fn new(products: Vec<Product>, policy: AllowancePolicy) -> Shop {
        Shop { products: products.into(), orders: Vec::new(), reviews: Vec::new(), policy, keys: Vec::new() }
    }

    pub fn product(&self, id: ProductId) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
    }

    fn orders_of(&self, member: MemberId) -> Vec<Order> {
        self.orders.iter().filter(|o| o.member_id == member).cloned().collect()
    }

    fn find_order(&self, id: OrderId) -> Option<&Order> {
        self.orders.iter().find(|o| o.id == id)
    }

    pub fn catalogue(&self, company: &Company, member: &Member, query: &ProductQuery, now: Timestamp) -> Result<Page<Listing>, StoreError> {
        uc::catalogue(company, member, &self.products, query, now)
    }

    pub fn product_detail(&self, company: &Company, member: &Member, id: ProductId, now: Timestamp) -> Result<ProductDetail, StoreError> {
        let orders = self.orders_of(member.id);
        let ratings = self.reviews.iter().filter(|r| r.review.product_id == id).map(|r| r.review.rating);
        uc::product_detail(&Shopper { company, member, orders: &orders }, self.product(id), ratings, now)
    }

    pub fn allowance(&self, company: &Company, member: &Member, now: Timestamp) -> Allowance {
        uc::allowance(&Shopper { company, member, orders: &self.orders_of(member.id) }, &self.policy, now)
    }

    /// Places an order once per key: a repeat of the same request returns
    /// the first order; the key with a different request is refused.
    pub fn place_order(&mut self, company: &Company, member: &Member, key: &str, request: &OrderRequest, now: Timestamp) -> Result<Order, StoreError> {
        let previous = self.keys.iter().find(|k| k.member_id == member.id && k.key == key).map(|k| &k.used);
        let orders = self.orders_of(member.id);
        let shopper = Shopper { company, member, orders: &orders };
        let mut placement = match uc::place_order(&shopper, &self.policy, &self.products, previous, request, now)? {
            OrderDecision::Repeat(id) => return self.order(member.id, id),
            OrderDecision::Place(placement) => placement,
        };
        placement.order.id = OrderId(self.orders.iter().map(|o| o.id.0).max().unwrap_or(0) + 1);
        for &(product, units) in &placement.take_stock {
            self.adjust_stock(product, |stock| stock - units);
        }
        self.orders.push(placement.order.clone());
        self.keys.push(StoredKey { member_id: member.id, key: key.to_owned(), used: KeyUse { request: request.clone(), order: Some(placement.order.id) } });
        Ok(placement.order)
    }

    fn adjust_stock(&mut self, id: ProductId, change: impl Fn(u32) -> u32) {
        if let Some(product) = self.products.iter_mut().find(|p| p.id == id) {
            product.stock = change(product.stock);
        }
    }

    /// The member's orders, newest first.
    pub fn my_orders(&self, member: MemberId) -> Vec<Order> {
        uc::my_orders(member, &self.orders)
    }

    /// One of the member's orders; someone else's is "not found".
    pub fn order(&self, member: MemberId, id: OrderId) -> Result<Order, StoreError> {
        uc::own_order(member, self.find_order(id)).cloned()
    }

    /// Moves an order on; cancelling gives its stock back (and, since spent
    /// counts live orders only, its allowance).
    pub fn change_status(&mut self, id: OrderId, next: OrderStatus, actor: Actor, now: Timestamp) -> Result<Order, StoreError> {
        let decision = uc::change_status(self.find_order(id), next, actor, now)?;
        Ok(self.apply_status(decision))
    }

    /// A member cancels one of their own orders.
    pub fn cancel(&mut self, member: MemberId, id: OrderId, now: Timestamp) -> Result<Order, StoreError> {
        let decision = uc::cancel_order(member, self.find_order(id), now)?;
        Ok(self.apply_status(decision))
    }

    fn apply_status(&mut self, decision: StatusDecision) -> Order {
        let StatusDecision { order, return_stock, .. } = decision;
        if let Some(stored) = self.orders.iter_mut().find(|o| o.id == order.id) {
            *stored = order.clone();
        }
        for (product, units) in return_stock {
            self.adjust_stock(product, |stock| stock.saturating_add(units));
        }
        order
    }

    /// HR's queue, newest first.
    pub fn queue(&self, filter: &OrderFilter) -> Vec<Order> {
        uc::order_queue(&self.orders, filter)
    }

    /// One page of HR's queue, [`uc::QUEUE_PER_PAGE`] orders long.
    pub fn queue_page(&self, filter: &OrderFilter, page: u32) -> Result<Page<Order>, StoreError> {
        uc::order_queue_page(&self.orders, filter, Some(page), None)
    }

    pub fn my_review(&self, member: MemberId, product: ProductId) -> Option<Review> {
        self.reviews.iter().find(|r| r.member_id == member && r.review.product_id == product).map(|r| r.review.clone())
    }

    /// Creates or replaces the member's one review of a product they collected.
    pub fn save_review(&mut self, company: &Company, member: &Member, product: ProductId, draft: &ReviewDraft, now: Timestamp) -> Result<Review, StoreError> {
        let orders = self.orders_of(member.id);
        let stored = uc::save_review(&Shopper { company, member, orders: &orders }, self.product(product), draft, now)?;
        self.reviews.retain(|r| !(r.member_id == stored.member_id && r.review.product_id == stored.review.product_id));
        self.reviews.push(stored.clone());
        Ok(stored.review)
    }

    /// A product's reviews, most recently written first.
    pub fn reviews_of(&self, product: ProductId) -> Result<Vec<Review>, StoreError> {
        let written = self.reviews.iter().filter(|r| r.review.product_id == product).map(|r| r.review.clone());
        uc::product_reviews(self.product(product), written)
    }

    pub fn create_product(&mut self, draft: ProductDraft) -> Result<Product, StoreError> {
        let draft = uc::create_product(draft)?;
        let product = draft.into_product(ProductId(self.products.iter().map(|p| p.id.0).max().unwrap_or(0) + 1));
        self.products.push(product.clone());
        Ok(product)
    }

    pub fn update_product(&mut self, id: ProductId, patch: ProductPatch) -> Result<Product, StoreError> {
        let product = uc::update_product(self.product(id), patch)?;
        if let Some(stored) = self.products.iter_mut().find(|p| p.id == id) {
            *stored = product.clone();
        }
        Ok(product)
    }

    pub fn set_policy(&mut self, company: &Company, policy: AllowancePolicy) -> Result<AllowancePolicy, StoreError> {
        self.policy = uc::set_policy(company, policy)?;
        Ok(self.policy.clone())
    }
}
