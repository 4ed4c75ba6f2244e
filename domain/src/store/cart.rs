//! The cart: kept on the member's device, priced from the backend's current
//! products, and honest about what changed since an item went in.

use crate::common::violation::{Rule, Violation};
use crate::member::SiteId;
use crate::store::order::{LineRequest, OrderRequest};
use crate::store::product::{Product, ProductId, Vnd};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    pub product_id: ProductId,
    pub quantity: u32,
    /// The internal price the member saw when adding it.
    pub price_seen: Vnd,
}

/// Something the member should know before confirming.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CartChange {
    PriceChanged {
        from: Vnd,
        to: Vnd,
    },
    /// Fewer in stock than the quantity in the cart.
    StockShort {
        available: u32,
    },
    /// Hidden or removed since it was added.
    NoLongerSold,
}

impl CartLine {
    /// What changed about this line's product since it was added.
    pub fn changes(&self, current: Option<&Product>) -> Vec<CartChange> {
        let Some(product) = current.filter(|p| !p.hidden) else { return vec![CartChange::NoLongerSold] };
        let mut changes = Vec::new();
        if product.internal_price != self.price_seen {
            changes.push(CartChange::PriceChanged { from: self.price_seen, to: product.internal_price });
        }
        if product.stock < self.quantity {
            changes.push(CartChange::StockShort { available: product.stock });
        }
        changes
    }
}

/// The monthly quota on a cart line, as soon as its quantity passes the
/// units the member may still buy this month (`ProductDetail::quota_left`):
/// the rule placing the order applies, with the same limit, said before the
/// member presses "place order".
pub fn quota_violation(line: &CartLine, quota_left: u32) -> Option<Violation> {
    (line.quantity > quota_left).then(|| Violation::new("quantity", Rule::Quota, Some(u64::from(quota_left))))
}

/// The cart's total at the products' current internal prices, and what it
/// saves against market prices. Lines whose product is gone count nothing.
pub fn cart_total<'p>(lines: &[CartLine], product_of: impl Fn(ProductId) -> Option<&'p Product>) -> (Vnd, Vnd) {
    lines.iter().fold((0, 0), |(total, saving), line| match product_of(line.product_id).filter(|p| !p.hidden) {
        Some(p) => (total + p.internal_price * Vnd::from(line.quantity), saving + p.saving() * Vnd::from(line.quantity)),
        None => (total, saving),
    })
}

/// The order request the cart becomes at checkout. Prices are not sent.
pub fn order_request(lines: &[CartLine], pickup_site_id: SiteId) -> OrderRequest {
    OrderRequest { lines: lines.iter().map(|l| LineRequest { product_id: l.product_id, quantity: i64::from(l.quantity) }).collect(), pickup_site_id }
}
