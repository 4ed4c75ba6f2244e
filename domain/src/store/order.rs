//! Orders: what may be ordered, what it costs, and how an order moves from
//! placed to collected (or cancelled).

use crate::common::violation::{Rule, Violation};
use crate::company::Company;
use crate::date::{Period, Timestamp};
use crate::member::{LocalizedText, Member, MemberId, SiteId};
use crate::store::product::{Product, ProductId, Vnd};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OrderId(pub u32);

impl OrderId {
    /// The number a member reads and tells the pickup desk: `SV-000042`.
    pub fn number(self) -> String {
        format!("SV-{:06}", self.0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    Placed,
    ReadyForPickup,
    Collected,
    Cancelled,
}

/// Who asks for a status change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    /// The member who placed the order.
    Buyer,
    /// The people team, who fulfil orders.
    Hr,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 4] = [OrderStatus::Placed, OrderStatus::ReadyForPickup, OrderStatus::Collected, OrderStatus::Cancelled];

    /// The legal transitions: placed → ready → collected, and cancelling
    /// before collection (a buyer only while the order is still placed).
    pub fn can_become(self, next: OrderStatus, actor: Actor) -> bool {
        use OrderStatus::*;
        matches!(
            (self, next, actor),
            (Placed, Cancelled, _) | (Placed, ReadyForPickup, Actor::Hr) | (ReadyForPickup, Collected, Actor::Hr) | (ReadyForPickup, Cancelled, Actor::Hr)
        )
    }

    /// Whether the order still holds stock and allowance.
    pub fn counts(self) -> bool {
        self != OrderStatus::Cancelled
    }
}

/// A status change HR asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    pub status: OrderStatus,
}

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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: OrderStatus,
    pub at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    pub product_id: ProductId,
    /// The name when ordered, so history reads right after HR renames.
    pub name: LocalizedText,
    pub quantity: u32,
    /// The server's internal price when ordered.
    pub unit_price: Vnd,
}

impl OrderLine {
    pub fn total(&self) -> Vnd {
        self.unit_price * Vnd::from(self.quantity)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    pub id: OrderId,
    pub member_id: MemberId,
    /// The buyer's name, for the pickup desk.
    pub buyer_name: String,
    pub pickup_site_id: SiteId,
    pub lines: Vec<OrderLine>,
    pub total: Vnd,
    pub status: OrderStatus,
    pub placed_at: Timestamp,
    /// Every status the order has had, oldest first, starting with `placed`.
    pub history: Vec<StatusChange>,
}

impl Order {
    /// Moves the order on, recording when; refuses illegal transitions.
    pub fn change_status(&mut self, next: OrderStatus, actor: Actor, at: Timestamp) -> Result<(), Violation> {
        if !self.status.can_become(next, actor) {
            return Err(Violation::new("status", Rule::Transition, None));
        }
        self.status = next;
        self.history.push(StatusChange { status: next, at });
        Ok(())
    }

    /// Units of `product` this order holds.
    pub fn units_of(&self, product: ProductId) -> u32 {
        self.lines.iter().filter(|l| l.product_id == product).map(|l| l.quantity).sum()
    }
}

/// Most units of one product in one order line.
pub const MAX_QUANTITY: i64 = 99;
/// Most lines in one order.
pub const MAX_LINES: usize = 50;

/// What a member sends to place an order. Prices are not part of it: the
/// backend prices every line itself, and the server refuses a request that
/// carries any other field (a tampered `unit_price`, say).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRequest {
    pub lines: Vec<LineRequest>,
    pub pickup_site_id: SiteId,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineRequest {
    pub product_id: ProductId,
    /// Signed on purpose, so 0 and -1 are a rule broken, not a parse error.
    pub quantity: i64,
}

/// Units of `product` the member's live orders placed in this calendar
/// month hold (Asia/Ho_Chi_Minh).
pub fn bought_this_month(orders: &[Order], product: ProductId, now: Timestamp) -> u32 {
    let month = Period::month_of(now.date());
    orders.iter().filter(|o| o.status.counts() && month.contains(o.placed_at.date())).map(|o| o.units_of(product)).sum()
}

/// Units of `product` the member may still buy this month.
pub fn quota_left(product: &Product, orders: &[Order], now: Timestamp) -> u32 {
    product.monthly_quota.saturating_sub(bought_this_month(orders, product.id, now))
}

/// Everything the rules look at when one member orders.
pub struct Buyer<'a> {
    pub company: &'a Company,
    pub member: &'a Member,
    /// This member's orders (any status, any time).
    pub orders: &'a [Order],
    /// What the member may still spend this allowance period.
    pub allowance_remaining: Vnd,
    pub now: Timestamp,
}

/// An order that passed every rule, priced by the backend, ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    pub lines: Vec<OrderLine>,
    pub total: Vnd,
}

impl Placement {
    pub fn into_order(self, id: OrderId, buyer: &Member, request: &OrderRequest, now: Timestamp) -> Order {
        Order {
            id,
            member_id: buyer.id,
            buyer_name: buyer.full_name.clone(),
            pickup_site_id: request.pickup_site_id,
            lines: self.lines,
            total: self.total,
            status: OrderStatus::Placed,
            placed_at: now,
            history: vec![StatusChange { status: OrderStatus::Placed, at: now }],
        }
    }
}

/// Checks an order against every rule and prices it from `product_of`
/// (the backend's own products). Every broken rule is reported, each at
/// its field, so the member can fix them all at once.
pub fn check_order<'p>(buyer: &Buyer, product_of: impl Fn(ProductId) -> Option<&'p Product>, request: &OrderRequest) -> Result<Placement, Vec<Violation>> {
    let mut violations = Vec::new();
    if request.lines.is_empty() {
        violations.push(Violation::new("lines", Rule::EmptyOrder, None));
    }
    if request.lines.len() > MAX_LINES {
        violations.push(Violation::new("lines", Rule::OutOfRange, Some(MAX_LINES as u64)));
    }
    if buyer.company.site(request.pickup_site_id).is_none() {
        violations.push(Violation::new("pickup_site_id", Rule::UnknownSite, None));
    }
    let today = buyer.now.date();
    let mut lines: Vec<OrderLine> = Vec::new();
    for (index, line) in request.lines.iter().enumerate() {
        let field = |name: &str| format!("lines[{index}].{name}");
        let mut broken = |name: &str, rule: Rule, limit: Option<u64>| violations.push(Violation::new(&field(name), rule, limit));
        let Some(product) = product_of(line.product_id).filter(|p| !p.hidden) else {
            broken("product_id", Rule::UnknownProduct, None);
            continue;
        };
        if !(1..=MAX_QUANTITY).contains(&line.quantity) {
            broken("quantity", Rule::Quantity, Some(MAX_QUANTITY as u64));
            continue;
        }
        if !buyer.company.evaluate(&product.audience, buyer.member, today).eligible {
            broken("product_id", Rule::Eligibility, None);
            continue;
        }
        // Earlier lines of the same product count towards stock and quota.
        let earlier: u32 = lines.iter().filter(|l| l.product_id == product.id).map(|l| l.quantity).sum();
        let quantity = line.quantity as u32;
        let stock_left = product.stock.saturating_sub(earlier);
        let quota = quota_left(product, buyer.orders, buyer.now).saturating_sub(earlier);
        if quantity > stock_left {
            broken("quantity", Rule::Stock, Some(u64::from(stock_left)));
        } else if quantity > quota {
            broken("quantity", Rule::Quota, Some(u64::from(quota)));
        } else {
            lines.push(OrderLine { product_id: product.id, name: product.name.clone(), quantity, unit_price: product.internal_price });
        }
    }
    let total: Vnd = lines.iter().map(OrderLine::total).sum();
    if total > buyer.allowance_remaining {
        violations.push(Violation::new("lines", Rule::Allowance, Some(buyer.allowance_remaining)));
    }
    if violations.is_empty() {
        Ok(Placement { lines, total })
    } else {
        Err(violations)
    }
}

/// Longest accepted `Idempotency-Key`.
pub const MAX_KEY_LENGTH: usize = 100;

/// Whether an `Idempotency-Key` header value is usable: 1–100 visible ASCII
/// characters (a UUID fits).
pub fn is_valid_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= MAX_KEY_LENGTH && key.bytes().all(|b| b.is_ascii_graphic())
}

/// What a member's earlier use of an `Idempotency-Key` says about a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Replay {
    /// Never seen: place the order.
    Fresh,
    /// The same request succeeded before: answer with that order again.
    Repeat(OrderId),
    /// The same key is being processed right now (409).
    InFlight,
    /// The key was used for a different request (422).
    Mismatch,
}

/// A member's use of a key: the request, and its order once placed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyUse {
    pub request: OrderRequest,
    /// `None` while the first request is still being processed.
    pub order: Option<OrderId>,
}

pub fn replay(previous: Option<&KeyUse>, request: &OrderRequest) -> Replay {
    match previous {
        None => Replay::Fresh,
        Some(used) if used.request != *request => Replay::Mismatch,
        Some(KeyUse { order: Some(id), .. }) => Replay::Repeat(*id),
        Some(KeyUse { order: None, .. }) => Replay::InFlight,
    }
}
