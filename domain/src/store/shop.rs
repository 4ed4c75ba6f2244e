//! The whole store as one value: products, orders, reviews, the allowance
//! policy and the idempotency keys. The embedded demo backend keeps a
//! `Shop`; the reference server keeps the same facts in SQL and calls the
//! same rules (`check_order`, `replay`, `change_status`, …) itself.

use crate::company::Company;
use crate::date::Timestamp;
use crate::member::{Member, MemberId, SiteId};
use crate::store::allowance::{allowance, Allowance, AllowancePolicy};
use crate::store::order::{check_order, quota_left, replay, Actor, Buyer, KeyUse, Order, OrderId, OrderRequest, OrderStatus, Replay};
use crate::store::product::{Listing, Page, Product, ProductDetail, ProductDraft, ProductId, ProductPatch, ProductQuery, RatingSummary};
use crate::store::review::{can_review, Review, ReviewDraft, StoredReview};
use crate::store::rule::{Rule, Violation};
use crate::store::search::Catalogue;
use serde::{Deserialize, Serialize};

/// Why a store operation did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No such thing, or not this member's (the same answer, so existence
    /// does not leak).
    NotFound,
    /// Rules broken, each at its field (422).
    Rejected(Vec<Violation>),
    /// The same `Idempotency-Key` is being processed (409).
    InFlight,
}

impl From<Vec<Violation>> for StoreError {
    fn from(violations: Vec<Violation>) -> StoreError {
        StoreError::Rejected(violations)
    }
}

impl From<Violation> for StoreError {
    fn from(violation: Violation) -> StoreError {
        StoreError::Rejected(vec![violation])
    }
}

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

/// HR's order queue shows this many orders a page unless asked otherwise.
pub const QUEUE_PER_PAGE: u32 = 50;

/// HR's order queue filter: `?status=&site=`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderFilter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<OrderStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<SiteId>,
}

impl OrderFilter {
    pub fn admits(&self, order: &Order) -> bool {
        self.status.is_none_or(|s| s == order.status) && self.site.is_none_or(|s| s == order.pickup_site_id)
    }
}

/// A status change HR asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    pub status: OrderStatus,
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

    pub fn catalogue(&self, company: &Company, member: &Member, query: &ProductQuery, now: Timestamp) -> Result<Page<Listing>, StoreError> {
        let violations = query.violations();
        if !violations.is_empty() {
            return Err(violations.into());
        }
        let page = self.products.search(query);
        let items =
            page.items.into_iter().map(|p| Listing { eligible: company.evaluate(&p.audience, member, now.date()).eligible, product: p.clone() }).collect();
        Ok(Page { items, total: page.total })
    }

    pub fn product_detail(&self, company: &Company, member: &Member, id: ProductId, now: Timestamp) -> Result<ProductDetail, StoreError> {
        let product = self.product(id).filter(|p| !p.hidden).ok_or(StoreError::NotFound)?;
        let orders = self.orders_of(member.id);
        Ok(ProductDetail {
            eligibility: company.evaluate(&product.audience, member, now.date()),
            quota_left: quota_left(product, &orders, now),
            rating: RatingSummary::of(self.reviews.iter().filter(|r| r.review.product_id == id).map(|r| r.review.rating)),
            can_review: can_review(&orders, id),
            product: product.clone(),
        })
    }

    pub fn allowance(&self, company: &Company, member: &Member, now: Timestamp) -> Allowance {
        let today = now.date();
        allowance(self.policy.limit_for(company, member, today), &self.orders_of(member.id), today)
    }

    /// Places an order once per key: a repeat of the same request returns
    /// the first order; the key with a different request is refused.
    pub fn place_order(&mut self, company: &Company, member: &Member, key: &str, request: &OrderRequest, now: Timestamp) -> Result<Order, StoreError> {
        let previous = self.keys.iter().find(|k| k.member_id == member.id && k.key == key).map(|k| &k.used);
        match replay(previous, request) {
            Replay::Repeat(id) => return self.order(member.id, id),
            Replay::Mismatch => return Err(Violation::new("Idempotency-Key", Rule::KeyReused, None).into()),
            Replay::InFlight => return Err(StoreError::InFlight),
            Replay::Fresh => {}
        }
        let orders = self.orders_of(member.id);
        let buyer = Buyer { company, member, orders: &orders, allowance_remaining: self.allowance(company, member, now).remaining, now };
        let placement = check_order(&buyer, |id| self.product(id), request)?;
        let id = OrderId(self.orders.iter().map(|o| o.id.0).max().unwrap_or(0) + 1);
        let order = placement.into_order(id, member, request, now);
        for line in &order.lines {
            self.adjust_stock(line.product_id, |stock| stock - line.quantity);
        }
        self.orders.push(order.clone());
        self.keys.push(StoredKey { member_id: member.id, key: key.to_owned(), used: KeyUse { request: request.clone(), order: Some(id) } });
        Ok(order)
    }

    fn adjust_stock(&mut self, id: ProductId, change: impl Fn(u32) -> u32) {
        if let Some(product) = self.products.iter_mut().find(|p| p.id == id) {
            product.stock = change(product.stock);
        }
    }

    /// The member's orders, newest first.
    pub fn my_orders(&self, member: MemberId) -> Vec<Order> {
        let mut orders = self.orders_of(member);
        orders.reverse();
        orders
    }

    /// One of the member's orders; someone else's is "not found".
    pub fn order(&self, member: MemberId, id: OrderId) -> Result<Order, StoreError> {
        self.orders.iter().find(|o| o.id == id && o.member_id == member).cloned().ok_or(StoreError::NotFound)
    }

    /// Moves an order on; cancelling gives its stock back (and, since spent
    /// counts live orders only, its allowance).
    pub fn change_status(&mut self, id: OrderId, next: OrderStatus, actor: Actor, now: Timestamp) -> Result<Order, StoreError> {
        let order = self.orders.iter_mut().find(|o| o.id == id).ok_or(StoreError::NotFound)?;
        order.change_status(next, actor, now)?;
        let order = order.clone();
        if next == OrderStatus::Cancelled {
            for line in &order.lines {
                self.adjust_stock(line.product_id, |stock| stock.saturating_add(line.quantity));
            }
        }
        Ok(order)
    }

    /// A member cancels one of their own orders.
    pub fn cancel(&mut self, member: MemberId, id: OrderId, now: Timestamp) -> Result<Order, StoreError> {
        self.order(member, id)?;
        self.change_status(id, OrderStatus::Cancelled, Actor::Buyer, now)
    }

    /// HR's queue, newest first.
    pub fn queue(&self, filter: &OrderFilter) -> Vec<Order> {
        self.orders.iter().rev().filter(|o| filter.admits(o)).cloned().collect()
    }

    pub fn my_review(&self, member: MemberId, product: ProductId) -> Option<Review> {
        self.reviews.iter().find(|r| r.member_id == member && r.review.product_id == product).map(|r| r.review.clone())
    }

    /// Creates or replaces the member's one review of a product they collected.
    pub fn save_review(&mut self, company: &Company, member: &Member, product: ProductId, draft: &ReviewDraft, now: Timestamp) -> Result<Review, StoreError> {
        self.product(product).filter(|p| !p.hidden).ok_or(StoreError::NotFound)?;
        let rating = draft.check(&self.orders_of(member.id), product)?;
        let review = Review {
            product_id: product,
            reviewer_name: member.full_name.clone(),
            department: company.department(member.department_id).map(|d| d.name.clone()).unwrap_or_else(|| crate::member::LocalizedText::new("", "")),
            rating,
            comment: draft.stored_comment().to_owned(),
            updated_on: now.date(),
        };
        self.reviews.retain(|r| !(r.member_id == member.id && r.review.product_id == product));
        self.reviews.push(StoredReview { member_id: member.id, review: review.clone() });
        Ok(review)
    }

    /// A product's reviews, most recently written first.
    pub fn reviews_of(&self, product: ProductId) -> Result<Vec<Review>, StoreError> {
        self.product(product).filter(|p| !p.hidden).ok_or(StoreError::NotFound)?;
        let mut reviews: Vec<Review> = self.reviews.iter().rev().filter(|r| r.review.product_id == product).map(|r| r.review.clone()).collect();
        reviews.sort_by(|a, b| b.updated_on.cmp(&a.updated_on));
        Ok(reviews)
    }

    pub fn create_product(&mut self, draft: ProductDraft) -> Result<Product, StoreError> {
        let violations = draft.violations();
        if !violations.is_empty() {
            return Err(violations.into());
        }
        let id = ProductId(self.products.iter().map(|p| p.id.0).max().unwrap_or(0) + 1);
        let product = draft.into_product(id);
        self.products.push(product.clone());
        Ok(product)
    }

    pub fn update_product(&mut self, id: ProductId, patch: ProductPatch) -> Result<Product, StoreError> {
        let product = self.products.iter_mut().find(|p| p.id == id).ok_or(StoreError::NotFound)?;
        *product = product.patched(patch)?;
        Ok(product.clone())
    }

    pub fn set_policy(&mut self, company: &Company, policy: AllowancePolicy) -> Result<AllowancePolicy, StoreError> {
        let violations = policy.violations(company);
        if !violations.is_empty() {
            return Err(violations.into());
        }
        self.policy = policy.clone();
        Ok(policy)
    }
}
