use super::reviews::Reviews;
use super::PriceTag;
use crate::browser::app_href;
use crate::components::{EligibilityReasons, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::store::cart::use_cart;
use crate::portals::store::labels::category_key;
use crate::portals::store::use_store;
use domain::store::{ProductDetail, ProductId};
use leptos::prelude::*;
use leptos_router::components::A;

/// One product: what it is, what it costs, whether and how many the
/// member may buy, and what colleagues who bought it say.
#[component]
pub fn ProductPage(id: ProductId) -> impl IntoView {
    let api = use_store();
    let detail = LocalResource::new(move || {
        let api = api.clone();
        async move { api.product(id).await }
    });
    view! {
        <A href=app_href("/store") attr:class="back-link"><Tr key=Key::StoreBackToCatalogue/></A>
        <Loadable resource=detail skeleton_lines=8 page=true render=move |detail| view! { <ProductDetails detail/> }/>
    }
}

#[component]
fn ProductDetails(detail: ProductDetail) -> impl IntoView {
    let i18n = use_i18n();
    let ProductDetail { product, eligibility, quota_left, rating, can_review } = detail;
    let (name, description) = (product.name.clone(), product.description.clone());
    let (id, stock, quota, category) = (product.id, product.stock, product.monthly_quota, product.category);
    let reasons: Vec<_> = eligibility.unmet().cloned().collect();
    let buyable = eligibility.eligible && stock > 0 && quota_left > 0;
    view! {
        <article class="product-detail">
            <h1>{move || name.get(i18n.lang()).to_owned()}</h1>
            <p class="muted">{move || i18n.t(category_key(category))}</p>
            <p>{move || description.get(i18n.lang()).to_owned()}</p>
            {let product = product.clone(); move || view! { <PriceTag product=product.clone() lang=i18n.lang()/> }}
            // Each state said once: "sold out" is the notice below, not also a
            // fact; a monthly limit means nothing to someone who may not buy.
            <dl class="facts">
                {(stock > 0).then(|| view! {
                    <div class="fact">
                        <dt><Tr key=Key::StoreStock/></dt>
                        <dd data-testid="stock">{stock}</dd>
                    </div>
                })}
                {eligibility.eligible.then(|| view! {
                    <div class="fact">
                        <dt><Tr key=Key::StoreQuotaLeft/></dt>
                        <dd data-testid="quota-left">{move || i18n.fill(Key::StoreQuotaOf, &[("left", &quota_left.to_string()), ("quota", &quota.to_string())])}</dd>
                    </div>
                })}
            </dl>
            {if !eligibility.eligible {
                view! {
                    <section class="card" aria-labelledby="not-eligible">
                        <h2 id="not-eligible"><Tr key=Key::StoreNotEligibleTitle/></h2>
                        <EligibilityReasons reasons/>
                    </section>
                }.into_any()
            } else if buyable {
                view! { <AddToCart product=product.clone() max=stock.min(quota_left)/> }.into_any()
            } else {
                let why = if stock == 0 { Key::StoreSoldOut } else { Key::StoreQuotaUsedUp };
                view! { <p class="notice" role="status" data-testid="availability">{move || i18n.t(why)}</p> }.into_any()
            }}
        </article>
        <Reviews product=id rating can_review/>
    }
}

#[component]
fn AddToCart(product: domain::store::Product, max: u32) -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let id = product.id;
    let in_cart = move || cart.quantity_of(id);
    let room = move || max.saturating_sub(in_cart());
    let quantity = RwSignal::new(1u32);
    let added = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = quantity.get().clamp(1, room().max(1));
        cart.add(&product, n);
        added.set(true);
        quantity.set(1);
    };
    view! {
        <form class="add-to-cart" on:submit=add>
            <div class="field">
                <label for="quantity"><Tr key=Key::StoreQuantity/></label>
                <input id="quantity" type="number" inputmode="numeric" min="1" max=move || room().to_string()
                    prop:value=move || quantity.get().to_string()
                    on:input=move |ev| quantity.set(event_target_value(&ev).parse().unwrap_or(1))/>
            </div>
            <button type="submit" class="button" disabled=move || room() == 0><Tr key=Key::StoreAddToCart/></button>
        </form>
        <p role="status" class="muted">
            {move || (room() == 0).then(|| i18n.t(Key::StoreAllInCart))}
            {move || added.get().then(|| view! {
                {i18n.fill(Key::StoreAddedToCart, &[("count", &in_cart().to_string())])}
                " "
                <A href=app_href("/store/cart")>{i18n.t(Key::StoreGoToCart)}</A>
            })}
        </p>
    }
}
