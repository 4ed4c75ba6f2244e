//! The store's use cases, written once. Each operation is one function
//! that takes facts (plain data the caller loaded: the company, the
//! member, their orders, the products it needs, the policy, an earlier use
//! of an idempotency key, …) and `now`, and returns a decision: what to
//! write, or why not ([`StoreError`]).
//!
//! Both backends only load facts, call these, and apply the decision: the
//! demo backend's [`Shop`](crate::store::Shop) in memory, the server with
//! SQL. Decisions map to simple writes:
//! - [`OrderPlacement`]: insert `order` (the store numbers it), take each
//!   `take_stock` (a conditional `stock >= n` update that fails the whole
//!   placement if someone took the stock meanwhile), settle the key on it;
//! - [`StatusDecision`]: set `order`'s status where it is still `from`,
//!   append its last history entry, give back each `return_stock`;
//! - a [`StoredReview`]: put it as the member's one review of the product;
//! - a checked [`ProductDraft`], a patched [`Product`], an
//!   [`AllowancePolicy`]: insert, replace, replace.
//!
//! "Not found" is a rule too (a hidden product, someone else's order), so
//! a use case takes what the caller found as an `Option` and says
//! [`StoreError::NotFound`] itself.

use crate::common::page::{paging_violations, Page};
use crate::common::violation::{Rule, Violation};
use crate::company::Company;
use crate::date::Timestamp;
use crate::member::{LocalizedText, Member, MemberId};
use crate::store::allowance::{self, Allowance, AllowancePolicy};
use crate::store::order::{check_order, quota_left, replay, Actor, Buyer, KeyUse, Order, OrderFilter, OrderId, OrderLine, OrderRequest, OrderStatus, Replay};
use crate::store::product::{Listing, Product, ProductDetail, ProductDraft, ProductId, ProductPatch, ProductQuery, RatingSummary};
use crate::store::review::{can_review, Review, ReviewDraft, StoredReview};
use crate::store::search::Catalogue;
use std::cmp::Reverse;

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

fn accepted(violations: Vec<Violation>) -> Result<(), StoreError> {
    if violations.is_empty() {
        Ok(())
    } else {
        Err(violations.into())
    }
}

/// HR's order queue shows this many orders a page unless asked otherwise.
pub const QUEUE_PER_PAGE: u32 = 50;

/// The member a store question is about, and what the store holds on them.
#[derive(Clone, Copy, Debug)]
pub struct Shopper<'a> {
    pub company: &'a Company,
    pub member: &'a Member,
    /// This member's orders: any status, any time, in any order.
    pub orders: &'a [Order],
}

// ------------------------------------------------------------------ member

/// The catalogue page `query` asks for, each product marked with whether
/// `member` may buy it.
pub fn catalogue(company: &Company, member: &Member, products: &Catalogue, query: &ProductQuery, now: Timestamp) -> Result<Page<Listing>, StoreError> {
    accepted(query.violations())?;
    let page = products.search(query);
    let items = page.items.into_iter().map(|p| Listing { eligible: company.evaluate(&p.audience, member, now.date()).eligible, product: p.clone() }).collect();
    Ok(Page { items, total: page.total })
}

/// The product page: a hidden or unknown product is not found.
/// `ratings`: the stars of every review of the product.
pub fn product_detail(
    shopper: &Shopper,
    product: Option<&Product>,
    ratings: impl IntoIterator<Item = u8>,
    now: Timestamp,
) -> Result<ProductDetail, StoreError> {
    let product = visible(product)?;
    Ok(ProductDetail {
        eligibility: shopper.company.evaluate(&product.audience, shopper.member, now.date()),
        quota_left: quota_left(product, shopper.orders, now),
        rating: RatingSummary::of(ratings),
        can_review: can_review(shopper.orders, product.id),
        product: product.clone(),
    })
}

/// A product members may see and buy: not hidden.
fn visible(product: Option<&Product>) -> Result<&Product, StoreError> {
    product.filter(|p| !p.hidden).ok_or(StoreError::NotFound)
}

/// Where the member stands against their yearly allowance today.
pub fn allowance(shopper: &Shopper, policy: &AllowancePolicy, now: Timestamp) -> Allowance {
    let today = now.date();
    allowance::allowance(policy.applied(shopper.company, shopper.member, today), shopper.orders, today)
}

/// What an `Idempotency-Key` allows a request to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyCheck {
    /// Never used: go on and place the order.
    Fresh,
    /// The same request succeeded before: answer with this order again.
    Repeat(OrderId),
}

/// The key's earlier use (`previous`, this member's) against this request:
/// the same request again is a repeat, a different one is refused
/// ([`Rule::KeyReused`]), one still being processed is [`StoreError::InFlight`].
pub fn check_key(previous: Option<&KeyUse>, request: &OrderRequest) -> Result<KeyCheck, StoreError> {
    match replay(previous, request) {
        Replay::Fresh => Ok(KeyCheck::Fresh),
        Replay::Repeat(id) => Ok(KeyCheck::Repeat(id)),
        Replay::Mismatch => Err(Violation::new("Idempotency-Key", Rule::KeyReused, None).into()),
        Replay::InFlight => Err(StoreError::InFlight),
    }
}

/// What placing an order decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrderDecision {
    /// A retry of an order already placed with this key: answer with it.
    Repeat(OrderId),
    /// A new order to store.
    Place(OrderPlacement),
}

/// The id of an order not stored yet; the store numbers it on insert.
pub const UNNUMBERED: OrderId = OrderId(0);

/// A new order that passed every rule, and the stock it takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderPlacement {
    /// Priced by the backend, `placed` now; its id is [`UNNUMBERED`].
    pub order: Order,
    /// Units to take from each product, one entry per product, in the
    /// order the products first appear in the order's lines.
    pub take_stock: Vec<(ProductId, u32)>,
}

/// Places `request` for the shopper, once per key: a retry with the same
/// key and request repeats the first order, a different request with the
/// key is refused; otherwise every rule is checked against `products`
/// (the store's current ones: prices, stock, audiences), the shopper's
/// orders and the allowance `policy`, and every broken rule is reported.
pub fn place_order(
    shopper: &Shopper,
    policy: &AllowancePolicy,
    products: &[Product],
    previous: Option<&KeyUse>,
    request: &OrderRequest,
    now: Timestamp,
) -> Result<OrderDecision, StoreError> {
    if let KeyCheck::Repeat(id) = check_key(previous, request)? {
        return Ok(OrderDecision::Repeat(id));
    }
    let buyer =
        Buyer { company: shopper.company, member: shopper.member, orders: shopper.orders, allowance_remaining: allowance(shopper, policy, now).remaining, now };
    let placement = check_order(&buyer, |id| products.iter().find(|p| p.id == id), request)?;
    let order = placement.into_order(UNNUMBERED, shopper.member, request, now);
    Ok(OrderDecision::Place(OrderPlacement { take_stock: units_by_product(&order.lines), order }))
}

fn units_by_product(lines: &[OrderLine]) -> Vec<(ProductId, u32)> {
    let mut units: Vec<(ProductId, u32)> = Vec::new();
    for line in lines {
        match units.iter_mut().find(|(id, _)| *id == line.product_id) {
            Some((_, n)) => *n += line.quantity,
            None => units.push((line.product_id, line.quantity)),
        }
    }
    units
}

/// One of the member's orders; someone else's is not found, so existence
/// does not leak.
pub fn own_order(member: MemberId, order: Option<&Order>) -> Result<&Order, StoreError> {
    order.filter(|o| o.member_id == member).ok_or(StoreError::NotFound)
}

/// A member's orders, newest first.
pub fn my_orders(member: MemberId, orders: &[Order]) -> Vec<Order> {
    newest_first(orders.iter().filter(|o| o.member_id == member))
}

fn newest_first<'o>(orders: impl Iterator<Item = &'o Order>) -> Vec<Order> {
    let mut orders: Vec<Order> = orders.cloned().collect();
    orders.sort_by_key(|o| Reverse(o.id));
    orders
}

/// What a status change decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusDecision {
    /// The order with its new status and that change last in its history.
    pub order: Order,
    /// The status it had: write only if it still has it.
    pub from: OrderStatus,
    /// Units to put back on each product's stock (one entry per product):
    /// everything the order held, when it stops counting. The allowance
    /// comes back with it by itself, since spending counts only orders
    /// that count ([`OrderStatus::counts`]); there is nothing to write.
    pub return_stock: Vec<(ProductId, u32)>,
}

/// Moves an order on as [`OrderStatus::can_become`] allows `actor`; an
/// order that stops counting (cancelled) gives back its stock and, with
/// it, its allowance. An unknown order is not found.
pub fn change_status(order: Option<&Order>, next: OrderStatus, actor: Actor, now: Timestamp) -> Result<StatusDecision, StoreError> {
    let mut order = order.cloned().ok_or(StoreError::NotFound)?;
    let from = order.status;
    order.change_status(next, actor, now)?;
    let return_stock = if from.counts() && !order.status.counts() { units_by_product(&order.lines) } else { Vec::new() };
    Ok(StatusDecision { order, from, return_stock })
}

/// A member cancels one of their own orders (someone else's is not found).
pub fn cancel_order(member: MemberId, order: Option<&Order>, now: Timestamp) -> Result<StatusDecision, StoreError> {
    change_status(Some(own_order(member, order)?), OrderStatus::Cancelled, Actor::Buyer, now)
}

/// The member's review of a product they collected, to put in place of
/// any earlier one of theirs: signed with their name and department,
/// dated today. A hidden or unknown product is not found.
pub fn save_review(shopper: &Shopper, product: Option<&Product>, draft: &ReviewDraft, now: Timestamp) -> Result<StoredReview, StoreError> {
    let product = visible(product)?;
    let rating = draft.check(shopper.orders, product.id)?;
    let (company, member) = (shopper.company, shopper.member);
    let review = Review {
        product_id: product.id,
        reviewer_name: member.full_name.clone(),
        department: company.department(member.department_id).map(|d| d.name.clone()).unwrap_or_else(|| LocalizedText::new("", "")),
        rating,
        comment: draft.stored_comment().to_owned(),
        updated_on: now.date(),
    };
    Ok(StoredReview { member_id: member.id, review })
}

/// A product's reviews, most recently written first. `written`: its
/// reviews in the order they were (last) written, oldest first. A hidden
/// or unknown product is not found.
pub fn product_reviews(product: Option<&Product>, written: impl DoubleEndedIterator<Item = Review>) -> Result<Vec<Review>, StoreError> {
    visible(product)?;
    let mut reviews: Vec<Review> = written.rev().collect();
    reviews.sort_by_key(|r| Reverse(r.updated_on));
    Ok(reviews)
}

// ---------------------------------------------------------------------- HR

/// HR's order queue: the orders `filter` admits, newest first.
pub fn order_queue<'o>(orders: impl IntoIterator<Item = &'o Order>, filter: &OrderFilter) -> Vec<Order> {
    newest_first(orders.into_iter().filter(|o| filter.admits(o)))
}

/// One page of HR's order queue (`per_page` defaults to
/// [`QUEUE_PER_PAGE`]); out-of-range paging is refused.
pub fn order_queue_page<'o>(
    orders: impl IntoIterator<Item = &'o Order>,
    filter: &OrderFilter,
    page: Option<u32>,
    per_page: Option<u32>,
) -> Result<Page<Order>, StoreError> {
    let (page, per_page) = (page.unwrap_or(1), per_page.unwrap_or(QUEUE_PER_PAGE));
    accepted(paging_violations(page, per_page))?;
    Ok(Page::of(order_queue(orders, filter).into_iter(), page, per_page))
}

/// A new product, checked: the store numbers it on insert
/// ([`ProductDraft::into_product`]).
pub fn create_product(draft: ProductDraft) -> Result<ProductDraft, StoreError> {
    accepted(draft.violations())?;
    Ok(draft)
}

/// The product as HR's `patch` leaves it, to replace the stored one; a
/// patch that would break a rule changes nothing. Hidden products are
/// HR's to edit too; an unknown one is not found.
pub fn update_product(product: Option<&Product>, patch: ProductPatch) -> Result<Product, StoreError> {
    Ok(product.ok_or(StoreError::NotFound)?.patched(patch)?)
}

/// HR's new allowance policy, checked against the company's segments.
pub fn set_policy(company: &Company, policy: AllowancePolicy) -> Result<AllowancePolicy, StoreError> {
    accepted(policy.violations(company))?;
    Ok(policy)
}
