use super::{category_key, from_wire_name, wire_name, AllowanceMeter, PriceTag};
use crate::api::use_api;
use crate::browser::{self, app_href};
use crate::cart::use_cart;
use crate::components::Loadable;
use crate::i18n::{use_i18n, Key, Tr};
use domain::store::product::DEFAULT_PER_PAGE;
use domain::store::{Category, Listing, Page, ProductQuery, Sort};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The catalogue: search as you type, filter by category, sort, page.
/// The query is written to the URL, so a reload or a shared link keeps it;
/// it is written without a router navigation, which would cost every
/// keystroke a pass over every link on the page.
#[component]
pub fn Catalogue() -> impl IntoView {
    let i18n = use_i18n();
    let params = RwSignal::new(use_query_map().get_untracked());
    let query = Memo::new(move |_| {
        let params = params.read();
        ProductQuery {
            q: params.get("q").unwrap_or_default(),
            category: params.get("category").and_then(|c| from_wire_name(&c)),
            sort: params.get("sort").and_then(|s| from_wire_name(&s)).unwrap_or_default(),
            page: params.get("page").and_then(|p| p.parse().ok()).filter(|p| *p > 0),
            per_page: None,
            lang: Some(i18n.lang()),
        }
    });
    let api = use_api();
    let products = LocalResource::new(move || {
        let (api, query) = (api.clone(), query.get());
        async move { api.products(&query).await }
    });
    // Every change but paging starts again at page 1.
    let set = move |name: &'static str, value: String| {
        params.update(|next| {
            if value.is_empty() { next.remove(name); } else { next.replace(name, value); }
            if name != "page" {
                next.remove("page");
            }
        });
        browser::replace_query(&params.with_untracked(|p| p.to_query_string()));
    };
    let (set_q, set_category, set_sort) = (set, set, set);
    let cart = use_cart();
    let allowance = crate::api::api_resource(|api| async move { api.allowance().await });
    view! {
        <div class="page-head">
            <h1><Tr key=Key::StoreTitle/></h1>
            <nav class="head-links" aria-label=move || i18n.t(Key::StoreLinksLabel)>
                <A href=app_href("/store/orders") attr:class="button secondary"><Tr key=Key::StoreMyOrders/></A>
                <A href=app_href("/store/cart") attr:class="button">
                    {move || i18n.fill(Key::StoreCartWithCount, &[("count", &cart.count().to_string())])}
                </A>
            </nav>
        </div>
        <div class="card allowance-card">
            <Loadable resource=allowance skeleton_lines=2 render=|allowance| view! { <AllowanceMeter allowance/> }/>
        </div>
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field grow">
                <label for="store-q"><Tr key=Key::StoreSearchLabel/></label>
                <input id="store-q" type="search" autocomplete="off" prop:value=move || query.read().q.clone()
                    placeholder=move || i18n.t(Key::StoreSearchPlaceholder)
                    on:input=move |ev| set_q("q", event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="store-category"><Tr key=Key::StoreCategoryLabel/></label>
                <select id="store-category" on:change=move |ev| set_category("category", event_target_value(&ev))>
                    <option value="" selected=move || query.read().category.is_none()><Tr key=Key::StoreCategoryAll/></option>
                    {Category::ALL.into_iter().map(|c| view! {
                        <option value=wire_name(&c) selected=move || query.read().category == Some(c)>{move || i18n.t(category_key(c))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="store-sort"><Tr key=Key::StoreSortLabel/></label>
                <select id="store-sort" on:change=move |ev| set_sort("sort", event_target_value(&ev))>
                    {[(Sort::Name, Key::StoreSortName), (Sort::Price, Key::StoreSortPrice), (Sort::Saving, Key::StoreSortSaving)].into_iter().map(|(s, key)| view! {
                        <option value=wire_name(&s) selected=move || query.read().sort == s>{move || i18n.t(key)}</option>
                    }).collect_view()}
                </select>
            </div>
        </form>
        <Loadable resource=products skeleton_lines=8 render=move |page| view! { <Results page current=query.get_untracked().page() set_page=set/> }/>
    }
}

#[component]
fn Results(page: Page<Listing>, current: u32, set_page: impl Fn(&'static str, String) + Copy + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let total = page.total;
    let pages = total.div_ceil(DEFAULT_PER_PAGE).max(1);
    let go = move |n: u32| move |_| set_page("page", n.to_string());
    view! {
        <p class="muted" role="status" data-testid="result-count">{move || i18n.fill(Key::StoreResultCount, &[("count", &total.to_string())])}</p>
        {(total == 0).then(|| view! { <p class="empty"><Tr key=Key::StoreNoResults/></p> })}
        <ul class="product-grid" data-testid="product-list">
            {page.items.into_iter().map(|listing| view! { <ProductCard listing/> }).collect_view()}
        </ul>
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label=move || i18n.t(Key::StorePagerLabel)>
                <button type="button" class="button secondary" disabled={current <= 1} on:click=go(current.saturating_sub(1))>
                    <Tr key=Key::StorePagerPrevious/>
                </button>
                <span>{move || i18n.fill(Key::StorePagerPosition, &[("page", &current.to_string()), ("pages", &pages.to_string())])}</span>
                <button type="button" class="button secondary" disabled={current >= pages} on:click=go(current + 1)>
                    <Tr key=Key::StorePagerNext/>
                </button>
            </nav>
        })}
    }
}

#[component]
fn ProductCard(listing: Listing) -> impl IntoView {
    let i18n = use_i18n();
    let Listing { product, eligible } = listing;
    let href = app_href(&format!("/store/products/{}", product.id.0));
    let name = product.name.clone();
    let (category, stock) = (product.category, product.stock);
    view! {
        <li class="product-card">
            // A plain link (the router still handles it): `<A>` would track
            // the location for `aria-current` in every card.
            <a href=href class="product-name">{move || name.get(i18n.lang()).to_owned()}</a>
            <span class="muted">{move || i18n.t(category_key(category))}</span>
            <PriceTag product/>
            {(stock == 0).then(|| view! { <span class="badge badge-cancelled"><Tr key=Key::StoreSoldOut/></span> })}
            {(!eligible).then(|| view! { <span class="badge"><Tr key=Key::StoreNotForYou/></span> })}
        </li>
    }
}
