//! The internal store, member side: catalogue, product page, cart and
//! checkout, orders. The HR side is in `../hr`.

mod cart_page;
mod catalogue;
mod orders;
mod product_page;
mod reviews;

pub use cart_page::CartPage;
pub use catalogue::Catalogue;
pub use orders::{OrderPage, OrdersPage};
pub use product_page::ProductPage;

use crate::i18n::format::money;
use crate::i18n::{fill, text, use_i18n, Key};
use domain::store::{Product, Vnd};
use domain::Lang;
use leptos::prelude::*;

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
    let domain::store::Allowance { period, limit, segment, spent, remaining } = allowance;
    // Which rule set the limit, so a smaller one than a colleague's is explained.
    let basis = move || match &segment {
        Some(name) => i18n.fill(Key::StoreAllowanceBasisSegment, &[("name", name.get(i18n.lang())), ("amount", &money(limit, i18n.lang()))]),
        None => i18n.fill(Key::StoreAllowanceBasisDefault, &[("amount", &money(limit, i18n.lang()))]),
    };
    let after = move || remaining.saturating_sub(pending.get());
    let over = move || pending.get() > remaining;
    view! {
        <div class="allowance" data-testid="allowance">
            <p id="allowance-label">
                {move || i18n.fill(Key::StoreAllowanceLabel, &[("year", &period.from.year().to_string())])}
            </p>
            <meter aria-labelledby="allowance-label" min="0" max=limit.to_string() value=move || (spent + pending.get()).min(limit).to_string()></meter>
            <p class="muted" data-testid="allowance-basis">{basis}</p>
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
