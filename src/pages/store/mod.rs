//! The internal store, member side: catalogue, product page, cart and
//! checkout, orders. The HR side is in `pages::hr_store`.

mod cart_page;
mod catalogue;
mod orders;
mod product_page;
mod reviews;

pub use cart_page::CartPage;
pub use catalogue::Catalogue;
pub use orders::{OrderPage, OrdersPage};
pub use product_page::ProductPage;

use crate::api::FieldError;
use crate::i18n::format::vnd;
use crate::i18n::{fill, text, use_i18n, Key};
use domain::store::{Category, OrderStatus, Product, Rule, Vnd};
use domain::Lang;
use leptos::prelude::*;

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

/// A serde enum's wire name (`"beverage"`), for URLs and `<option>` values.
pub fn wire_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default().trim_matches('"').to_owned()
}

pub fn from_wire_name<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_str(&format!("\"{name}\"")).ok()
}

pub fn money(amount: Vnd, lang: Lang) -> String {
    vnd(amount as i64, lang)
}

/// A broken rule as a sentence in `lang`, with its number filled in.
pub fn rule_message(error: &FieldError, lang: Lang) -> String {
    let Some(rule) = error.rule else { return error.message.clone() };
    let limit = error.limit.unwrap_or_default();
    let (key, limit) = match rule {
        Rule::Allowance => (Key::StoreRuleAllowance, money(limit, lang)),
        Rule::AboveMarketPrice => (Key::StoreRuleAboveMarketPrice, money(limit, lang)),
        Rule::Quota => (Key::StoreRuleQuota, limit.to_string()),
        Rule::Stock => (Key::StoreRuleStock, limit.to_string()),
        Rule::Eligibility => (Key::StoreRuleEligibility, String::new()),
        Rule::Quantity => (Key::StoreRuleQuantity, limit.to_string()),
        Rule::UnknownProduct => (Key::StoreRuleUnknownProduct, String::new()),
        Rule::UnknownSite => (Key::StoreRuleUnknownSite, String::new()),
        Rule::EmptyOrder => (Key::StoreRuleEmptyOrder, String::new()),
        Rule::Required => (Key::StoreRuleRequired, String::new()),
        Rule::OutOfRange => (Key::StoreRuleOutOfRange, String::new()),
        Rule::TooLong => (Key::StoreRuleTooLong, limit.to_string()),
        Rule::Transition => (Key::StoreRuleTransition, String::new()),
        Rule::NotCollected => (Key::StoreRuleNotCollected, String::new()),
        Rule::KeyReused => (Key::StoreRuleKeyReused, String::new()),
    };
    crate::i18n::fill(key, lang, &[("limit", &limit)])
}

/// The errors of a failed call that concern `field` (exactly, or a field
/// inside it when `field` ends with `.`).
pub fn errors_at(error: &Option<crate::api::ApiError>, field: &str) -> Vec<FieldError> {
    match error {
        Some(crate::api::ApiError::Invalid { fields }) => {
            fields.iter().filter(|f| f.field == field || (field.ends_with('.') && f.field.starts_with(field))).cloned().collect()
        }
        _ => Vec::new(),
    }
}

/// Translated messages under a field, announced when they appear.
#[component]
pub fn FieldMessages(
    /// The errors to show; nothing renders when empty.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// The id the field's `aria-describedby` points at.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field-error" id=id role="alert">
            <For each=move || errors.get() key=|e| format!("{}:{:?}", e.field, e.rule) let:error>
                <p>{move || rule_message(&error, i18n.lang())}</p>
            </For>
        </div>
    }
}

/// Internal price, market price and the saving, as the catalogue and the
/// product page show them. Plain text in `lang`, no reactive parts: the
/// catalogue draws 24 of these a keystroke (and fetches again when the
/// language changes); the product page redraws it itself.
#[component]
pub fn PriceTag(product: Product, lang: Lang) -> impl IntoView {
    let (internal, market, saving, percent) = (product.internal_price, product.market_price, product.saving(), product.saving_percent());
    view! {
        <div class="price-tag">
            <span class="price-internal">{money(internal, lang)}</span>
            <span class="price-market">
                <span class="visually-hidden">{text(Key::StoreMarketPrice, lang)}</span>
                <s>{money(market, lang)}</s>
            </span>
            <span class="price-saving">
                {fill(Key::StoreSaving, lang, &[("percent", &percent.to_string()), ("amount", &money(saving, lang))])}
            </span>
        </div>
    }
}

/// The yearly allowance as a meter: spent, this cart, what remains.
#[component]
pub fn AllowanceMeter(
    allowance: domain::store::Allowance,
    /// The cart's total, shown as part of what would be spent.
    #[prop(into, optional)]
    pending: Signal<Vnd>,
) -> impl IntoView {
    let i18n = use_i18n();
    let domain::store::Allowance { period, limit, spent, remaining } = allowance;
    let after = move || remaining.saturating_sub(pending.get());
    let over = move || pending.get() > remaining;
    view! {
        <div class="allowance" data-testid="allowance">
            <p id="allowance-label">
                {move || i18n.fill(Key::StoreAllowanceLabel, &[("year", &period.from.year().to_string())])}
            </p>
            <meter aria-labelledby="allowance-label" min="0" max=limit.to_string() value=move || (spent + pending.get()).min(limit).to_string()></meter>
            <p class="muted">
                {move || i18n.fill(Key::StoreAllowanceUsed, &[("spent", &money(spent, i18n.lang())), ("limit", &money(limit, i18n.lang()))])}
            </p>
            <p>
                {move || i18n.fill(Key::StoreAllowanceRemaining, &[("amount", &money(if pending.get() == 0 { remaining } else { after() }, i18n.lang()))])}
            </p>
            {move || over().then(|| view! { <p class="warning">{i18n.fill(Key::StoreAllowanceOver, &[("amount", &money(remaining, i18n.lang()))])}</p> })}
        </div>
    }
}
