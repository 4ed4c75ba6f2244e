//! The member's cart, kept on this device per member so a reload (or a
//! failed checkout) loses nothing. It also keeps the `Idempotency-Key` of
//! the checkout in progress, so a retry after a lost answer reuses it and
//! the order is never placed twice.

use crate::browser;
use domain::store::{CartLine, OrderRequest, Product, ProductId};
use domain::MemberId;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A checkout that was sent and may have reached the backend.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct PendingCheckout {
    key: String,
    request: OrderRequest,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Saved {
    lines: Vec<CartLine>,
    pending: Option<PendingCheckout>,
}

/// Lives as long as the signed-in member, not a page: checkout empties it
/// after the page that placed the order has gone.
#[derive(Clone, Copy)]
pub struct Cart {
    saved: RwSignal<Saved>,
    /// Whether `saved` holds what storage had. Read on first use, so the
    /// reading is loaded with the store portal, not at start.
    read: StoredValue<bool>,
    storage_key: StoredValue<String>,
}

impl Cart {
    /// The cart of `member` on this device, in context.
    pub fn provide(member: MemberId) -> Cart {
        let storage_key = StoredValue::new(format!("noibo.cart.{}", member.0));
        let cart = Cart { saved: RwSignal::new(Saved::default()), read: StoredValue::new(false), storage_key };
        provide_context(cart);
        cart
    }

    fn saved(&self) -> RwSignal<Saved> {
        if !self.read.get_value() {
            self.read.set_value(true);
            // An unreadable cart is dropped: it holds nothing that cannot be re-added.
            let stored = browser::read(&self.storage_key.get_value()).and_then(|raw| serde_json::from_str(&raw).ok()).unwrap_or_default();
            self.saved.update_untracked(|saved| *saved = stored);
        }
        self.saved
    }

    fn update(&self, change: impl FnOnce(&mut Saved)) {
        self.saved().update(change);
        let json = serde_json::to_string(&self.saved.get_untracked()).unwrap_or_default();
        browser::write(&self.storage_key.get_value(), &json);
    }

    pub fn lines(&self) -> Vec<CartLine> {
        self.saved().with(|s| s.lines.clone())
    }

    /// Units in the cart, for the badge.
    pub fn count(&self) -> u32 {
        self.saved().with(|s| s.lines.iter().map(|l| l.quantity).sum())
    }

    pub fn quantity_of(&self, product: ProductId) -> u32 {
        self.saved().with(|s| s.lines.iter().find(|l| l.product_id == product).map_or(0, |l| l.quantity))
    }

    /// Adds units of `product` at the price shown now.
    pub fn add(&self, product: &Product, quantity: u32) {
        self.update(|s| match s.lines.iter_mut().find(|l| l.product_id == product.id) {
            Some(line) => {
                line.quantity += quantity;
                line.price_seen = product.internal_price;
            }
            None => s.lines.push(CartLine { product_id: product.id, quantity, price_seen: product.internal_price }),
        });
    }

    pub fn set_quantity(&self, product: ProductId, quantity: u32) {
        self.update(|s| {
            if let Some(line) = s.lines.iter_mut().find(|l| l.product_id == product) {
                line.quantity = quantity;
            }
        });
    }

    pub fn remove(&self, product: ProductId) {
        self.update(|s| s.lines.retain(|l| l.product_id != product));
    }

    /// The member has read what changed: the cart now takes the current
    /// prices and no more than what is in stock.
    pub fn accept_changes(&self, current: &[Product]) {
        self.update(|s| {
            s.lines.retain(|line| current.iter().any(|p| p.id == line.product_id && !p.hidden && p.stock > 0));
            for line in &mut s.lines {
                if let Some(p) = current.iter().find(|p| p.id == line.product_id) {
                    line.price_seen = p.internal_price;
                    line.quantity = line.quantity.min(p.stock);
                }
            }
        });
    }

    /// The key for sending `request`: the pending one when this is a retry
    /// of the same request, else a fresh one, remembered before sending.
    pub fn key_for(&self, request: &OrderRequest) -> String {
        if let Some(pending) = self.saved().with_untracked(|s| s.pending.clone()).filter(|p| p.request == *request) {
            return pending.key;
        }
        let key = browser::new_request_key();
        let pending = PendingCheckout { key: key.clone(), request: request.clone() };
        self.update(|s| s.pending = Some(pending));
        key
    }

    /// The order is placed: empty the cart and forget the key.
    pub fn checked_out(&self) {
        self.update(|s| *s = Saved::default());
    }
}

pub fn use_cart() -> Cart {
    expect_context::<Cart>()
}
