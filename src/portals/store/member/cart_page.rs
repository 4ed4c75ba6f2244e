use super::AllowanceMeter;
use crate::api::ApiError;
use crate::browser::app_href;
use crate::components::{errors_at, ActionError, FieldMessages, Loadable};
use crate::i18n::format::money;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::store::cart::use_cart;
use crate::portals::store::use_store;
use crate::session::use_session;
use domain::common::FieldError;
use domain::store::cart::{cart_total, order_request, quota_violation};
use domain::store::{CartChange, CartLine, OrderRequest, Product, ProductDetail, ProductId};
use domain::{Site, SiteId};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::sync::Arc;

/// The cart and checkout: quantities, what changed since adding, the
/// allowance, the pickup site, and placing the order.
#[component]
pub fn CartPage() -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let api = use_store();
    let ids = Memo::new(move |_| cart.lines().iter().map(|l| l.product_id).collect::<Vec<_>>());
    // The products as the backend has them now, with what this member may
    // still buy of each this month; a removed one is left out.
    let current = LocalResource::new(move || {
        let (api, ids) = (api.clone(), ids.get());
        async move {
            let mut found = Vec::new();
            for id in ids {
                match api.product(id).await {
                    Ok(detail) => found.push(detail),
                    Err(ApiError::NotFound) => {}
                    Err(error) => return Err(error),
                }
            }
            Ok(found)
        }
    });
    // Only emptiness redraws the page; quantities update rows in place.
    let empty = Memo::new(move |_| cart.count() == 0);
    view! {
        <A href=app_href("/store") attr:class="back-link"><Tr key=Key::StoreBackToCatalogue/></A>
        <h1><Tr key=Key::StoreCartTitle/></h1>
        {move || if empty.get() {
            view! { <p class="empty" data-testid="cart-empty">{i18n.t(Key::StoreCartEmpty)}</p> }.into_any()
        } else {
            view! { <Loadable resource=current skeleton_lines=6 render=|products| view! { <Checkout products/> }/> }.into_any()
        }}
    }
}

#[component]
fn Checkout(products: Vec<ProductDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let api = use_store();
    let quotas: Arc<Vec<(ProductId, u32)>> = Arc::new(products.iter().map(|d| (d.product.id, d.quota_left)).collect());
    // Plain shared data, not a reactive value: closures that run as the
    // cart changes must never find it disposed.
    let products: Arc<Vec<Product>> = Arc::new(products.into_iter().map(|d| d.product).collect());
    let product_of = {
        let products = products.clone();
        move |id: ProductId| products.iter().find(|p| p.id == id).cloned()
    };
    let quota_of = move |id: ProductId| quotas.iter().find(|(p, _)| *p == id).map(|(_, left)| *left);
    let over_quota = {
        let quota_of = quota_of.clone();
        move || cart.lines().iter().any(|l| quota_of(l.product_id).is_some_and(|left| quota_violation(l, left).is_some()))
    };
    let changes = {
        let product_of = product_of.clone();
        move || cart.lines().iter().any(|l| !l.changes(product_of(l.product_id).as_ref()).is_empty())
    };
    let total = {
        let products = products.clone();
        move || cart_total(&cart.lines(), |id| products.iter().find(|p| p.id == id))
    };

    let member_site = use_session().member().map(|m| m.site_id);
    let site = RwSignal::new(member_site);
    let sites = {
        let api = api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            async move { api.pickup_sites().await }
        })
    };
    let allowance = {
        let api = api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            async move { api.allowance().await }
        })
    };

    let place = Action::new_local(move |request: &OrderRequest| {
        let (api, request) = (api.clone(), request.clone());
        let key = cart.key_for(&request);
        async move { api.place_order(&key, &request).await }
    });
    let sent = RwSignal::new(None::<OrderRequest>);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(order)) = place.value().get() {
            navigate(&format!("/store/orders/{}?placed=1", order.id.0), Default::default());
            // Emptied once this page has gone, so nothing on it redraws for it.
            set_timeout(move || cart.checked_out(), std::time::Duration::ZERO);
        }
    });
    let failure = move || place.value().get().and_then(Result::err);
    // A line's errors: the request said which product line `i` was.
    let line_errors = move |product: ProductId| {
        Signal::derive(move || {
            let Some(request) = sent.get() else { return Vec::new() };
            let index = request.lines.iter().position(|l| l.product_id == product);
            index.map(|i| errors_at(&failure(), &format!("lines[{i}]."))).unwrap_or_default()
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(site) = site.get() else { return };
        let request = order_request(&cart.lines(), site);
        sent.set(Some(request.clone()));
        place.dispatch(request);
    };
    let retry = move || {
        if let Some(request) = sent.get_untracked() {
            place.dispatch(request);
        }
    };

    view! {
        <form class="checkout" on:submit=submit>
            <ul class="cart-lines" data-testid="cart-lines">
                <For each=move || cart.lines() key=|line| (line.product_id, line.quantity, line.price_seen) let:line>
                    <CartRow line=line.clone() product=product_of(line.product_id) quota_left=quota_of(line.product_id) errors=line_errors(line.product_id)/>
                </For>
            </ul>
            {let changes = changes.clone(); move || changes().then(|| view! {
                <div class="notice" role="alert" data-testid="cart-changed">
                    <p>{i18n.t(Key::StoreCartChangedIntro)}</p>
                    <button type="button" class="button secondary" on:click={
                        let products = products.clone();
                        move |_| cart.accept_changes(&products)
                    }>
                        {i18n.t(Key::StoreCartAcceptChanges)}
                    </button>
                </div>
            })}
            <div class="totals card">
                <p class="total-row">
                    <span><Tr key=Key::StoreTotal/></span>
                    <strong data-testid="cart-total">{let total = total.clone(); move || money(total().0, i18n.lang())}</strong>
                </p>
                <p class="muted">{let total = total.clone(); move || i18n.fill(Key::StoreYouSave, &[("amount", &money(total().1, i18n.lang()))])}</p>
                <Loadable resource=allowance skeleton_lines=5 render=move |allowance| {
                    let total = total.clone();
                    view! { <AllowanceMeter allowance pending=Signal::derive(move || total().0)/> }
                }/>
                <FieldMessages errors=Signal::derive(move || errors_at(&failure(), "lines")) id="order-error".to_owned()/>
            </div>
            <div class="field">
                <label for="pickup-site"><Tr key=Key::StorePickupSite/></label>
                <Loadable resource=sites skeleton_lines=1 render=move |sites| view! { <SitePicker sites site/> }/>
                <FieldMessages errors=Signal::derive(move || errors_at(&failure(), "pickup_site_id")) id="site-error".to_owned()/>
            </div>
            {move || failure().map(|error| view! { <ActionError error kept=Key::StoreCartKept retry/> })}
            <button type="submit" class="button primary wide" data-testid="place-order"
                disabled=move || place.pending().get() || changes() || over_quota() || site.get().is_none()>
                {move || i18n.t(if place.pending().get() { Key::StorePlacingOrder } else { Key::StorePlaceOrder })}
            </button>
        </form>
    }
}

#[component]
fn SitePicker(sites: Vec<Site>, site: RwSignal<Option<SiteId>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select id="pickup-site" aria-describedby="site-error"
            on:change=move |ev| site.set(event_target_value(&ev).parse().ok().map(SiteId))>
            {sites.into_iter().map(|s| {
                let id = s.id;
                view! { <option value=id.0.to_string() selected=move || site.get() == Some(id)>{move || s.name.get(i18n.lang()).to_owned()}</option> }
            }).collect_view()}
        </select>
    }
}

#[component]
fn CartRow(line: CartLine, product: Option<Product>, quota_left: Option<u32>, errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let cart = use_cart();
    let changes = line.changes(product.as_ref());
    // Past the monthly quota, the line says so at once; else what the last
    // attempt to order said about it.
    let over_quota: Vec<FieldError> = quota_left.and_then(|left| quota_violation(&line, left)).map(FieldError::from).into_iter().collect();
    let errors = Signal::derive(move || if over_quota.is_empty() { errors.get() } else { over_quota.clone() });
    let id = line.product_id;
    let quantity = line.quantity;
    let Some(product) = product else {
        return view! {
            <li class="cart-line">
                <p><Tr key=Key::StoreNoLongerSold/></p>
                <button type="button" class="button secondary" on:click=move |_| cart.remove(id)><Tr key=Key::StoreRemove/></button>
            </li>
        }
        .into_any();
    };
    let max = product.stock.clamp(1, domain::store::order::MAX_QUANTITY as u32);
    let name = product.name.clone();
    let label_id = format!("line-{}", id.0);
    let input_id = format!("qty-{}", id.0);
    let error_id = format!("line-error-{}", id.0);
    let unit = product.internal_price;
    view! {
        <li class="cart-line" data-testid="cart-line">
            <A href=app_href(&format!("/store/products/{}", id.0)) attr:id=label_id.clone()>{move || name.get(i18n.lang()).to_owned()}</A>
            <span class="muted">{move || i18n.fill(Key::StoreUnitPrice, &[("price", &money(unit, i18n.lang()))])}</span>
            <div class="stepper">
                <button type="button" class="button secondary" aria-label=move || i18n.t(Key::StoreQuantityLess)
                    disabled={quantity <= 1} on:click=move |_| cart.set_quantity(id, quantity - 1)>"−"</button>
                <label class="visually-hidden" for=input_id.clone()><Tr key=Key::StoreQuantity/></label>
                <input id=input_id type="number" inputmode="numeric" min="1" max=max.to_string() value=quantity.to_string()
                    aria-describedby=error_id.clone()
                    on:change=move |ev| {
                        // The field always shows what will be ordered: a number
                        // past the limits is brought within them, and anything
                        // else (empty, 0, not a number) puts back the quantity.
                        let typed = event_target_value(&ev).trim().parse::<u32>().ok().filter(|n| *n >= 1);
                        let next = typed.map_or(quantity, |n| n.min(max));
                        event_target::<web_sys::HtmlInputElement>(&ev).set_value(&next.to_string());
                        cart.set_quantity(id, next);
                    }/>
                <button type="button" class="button secondary" aria-label=move || i18n.t(Key::StoreQuantityMore)
                    disabled={quantity >= max} on:click=move |_| cart.set_quantity(id, quantity + 1)>"+"</button>
            </div>
            <strong>{move || money(unit * u64::from(quantity), i18n.lang())}</strong>
            <button type="button" class="link-button" on:click=move |_| cart.remove(id)><Tr key=Key::StoreRemove/></button>
            <div class="line-notes">
                {changes.into_iter().map(|change| view! { <p class="warning">{move || change_message(change, i18n.lang())}</p> }).collect_view()}
            </div>
            <FieldMessages errors id=error_id/>
        </li>
    }
    .into_any()
}

fn change_message(change: CartChange, lang: domain::Lang) -> String {
    match change {
        CartChange::PriceChanged { from, to } => crate::i18n::fill(Key::StoreChangePrice, lang, &[("from", &money(from, lang)), ("to", &money(to, lang))]),
        CartChange::StockShort { available } => crate::i18n::fill(Key::StoreChangeStock, lang, &[("available", &available.to_string())]),
        CartChange::NoLongerSold => crate::i18n::text(Key::StoreNoLongerSold, lang).to_owned(),
    }
}
