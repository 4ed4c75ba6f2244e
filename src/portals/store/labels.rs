//! The store's enums as the member reads them.

use crate::i18n::Key;
use domain::store::{Category, OrderStatus};

pub fn category_key(category: Category) -> Key {
    match category {
        Category::Food => Key::StoreCategoryFood,
        Category::Beverage => Key::StoreCategoryBeverage,
        Category::Household => Key::StoreCategoryHousehold,
        Category::Cosmetics => Key::StoreCategoryCosmetics,
    }
}

pub fn status_key(status: OrderStatus) -> Key {
    match status {
        OrderStatus::Placed => Key::StoreStatusPlaced,
        OrderStatus::ReadyForPickup => Key::StoreStatusReadyForPickup,
        OrderStatus::Collected => Key::StoreStatusCollected,
        OrderStatus::Cancelled => Key::StoreStatusCancelled,
    }
}

/// The CSS modifier of a status badge.
pub fn status_class(status: OrderStatus) -> &'static str {
    match status {
        OrderStatus::Placed => "badge badge-placed",
        OrderStatus::ReadyForPickup => "badge badge-ready",
        OrderStatus::Collected => "badge badge-done",
        OrderStatus::Cancelled => "badge badge-cancelled",
    }
}
