use super::{AllowanceMeter, PriceTag};
use crate::browser::{self, app_href};
use crate::components::{from_wire_name, wire_name, Loadable};
use crate::i18n::{fill, text, use_i18n, Key, Tr};
use crate::portals::store::cart::use_cart;
use crate::portals::store::labels::category_key;
use crate::portals::store::{store_resource, use_store};
use domain::common::Page;
use domain::store::product::DEFAULT_PER_PAGE;
use domain::store::{Category, Listing, ProductQuery, Sort};
use domain::Lang;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// How long typing must pause before the query is written to the URL.
const URL_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

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
    // What the backend is asked: a space typed between words asks nothing new.
    let asked = Memo::new(move |_| query.read().settled());
    let api = use_store();
    let products = LocalResource::new(move || {
        let (api, query) = (api.clone(), asked.get());
        async move { api.products(&query).await }
    });
    // The URL is written once typing pauses, and at once when the search
    // field loses focus: `history.replaceState` on every keystroke cost a
    // slow phone more than the search itself.
    let pending_url = StoredValue::new(None::<TimeoutHandle>);
    // Cancels a pending write; says whether there was one.
    let cancel_url = move || pending_url.try_update_value(Option::take).flatten().map(|waiting| waiting.clear()).is_some();
    let write_url = move || {
        if cancel_url() {
            if let Some(query) = params.try_with_untracked(|p| p.to_query_string()) {
                browser::replace_query(&query);
            }
        }
    };
    on_cleanup(move || {
        cancel_url();
    });
    // Every change but paging starts again at page 1.
    let set = move |name: &'static str, value: String| {
        params.update(|next| {
            if value.is_empty() {
                next.remove(name);
            } else {
                next.replace(name, value);
            }
            if name != "page" {
                next.remove("page");
            }
        });
        cancel_url();
        let waiting = set_timeout_with_handle(write_url, URL_DELAY).ok();
        pending_url.try_set_value(waiting);
    };
    let (set_q, set_category, set_sort) = (set, set, set);
    let cart = use_cart();
    let allowance = store_resource(|api| async move { api.allowance().await });
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
            <Loadable resource=allowance skeleton_lines=5 render=|allowance| view! { <AllowanceMeter allowance/> }/>
        </div>
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field grow">
                <label for="store-q"><Tr key=Key::StoreSearchLabel/></label>
                <input id="store-q" type="search" autocomplete="off" prop:value=move || query.read().q.clone()
                    placeholder=move || i18n.t(Key::StoreSearchPlaceholder)
                    on:input=move |ev| set_q("q", event_target_value(&ev)) on:blur=move |_| write_url()/>
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

/// One page of results, drawn as plain text in the current language like its
/// cards: every fetch (a keystroke, or a change of language) draws it anew,
/// so reactive parts would only be torn down and rebuilt each time.
#[component]
fn Results(page: Page<Listing>, current: u32, set_page: impl Fn(&'static str, String) + Copy + 'static) -> impl IntoView {
    let lang = untrack(|| use_i18n().lang());
    let total = page.total;
    let pages = total.div_ceil(DEFAULT_PER_PAGE).max(1);
    let go = move |n: u32| move |_| set_page("page", n.to_string());
    view! {
        <p class="muted" role="status" data-testid="result-count">{if total == 1 { text(Key::StoreResultCountOne, lang).to_owned() } else { fill(Key::StoreResultCount, lang, &[("count", &total.to_string())]) }}</p>
        {(total == 0).then(|| view! { <p class="empty">{text(Key::StoreNoResults, lang)}</p> })}
        <ul class="product-grid" data-testid="product-list">
            {page.items.into_iter().map(|listing| view! { <ProductCard listing lang/> }).collect_view()}
        </ul>
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label=text(Key::StorePagerLabel, lang)>
                <button type="button" class="button secondary" disabled={current <= 1} on:click=go(current.saturating_sub(1))>
                    {text(Key::StorePagerPrevious, lang)}
                </button>
                <span>{fill(Key::StorePagerPosition, lang, &[("page", &current.to_string()), ("pages", &pages.to_string())])}</span>
                <button type="button" class="button secondary" disabled={current >= pages} on:click=go(current + 1)>
                    {text(Key::StorePagerNext, lang)}
                </button>
            </nav>
        })}
    }
}

/// One product in the results, drawn as plain text in `lang`: the results
/// are fetched again when the language changes, so a card needs no
/// reactive parts, which keeps a keystroke's 24 new cards cheap.
#[component]
fn ProductCard(listing: Listing, lang: Lang) -> impl IntoView {
    let Listing { product, eligible } = listing;
    let href = app_href(&format!("/store/products/{}", product.id.0));
    let name = product.name.get(lang).to_owned();
    let (category, stock) = (product.category, product.stock);
    view! {
        <li class="product-card">
            // A plain link (the router still handles it): `<A>` would track
            // the location for `aria-current` in every card.
            <a href=href class="product-name">{name}</a>
            <span class="muted">{text(category_key(category), lang)}</span>
            <PriceTag product lang/>
            // One badge: "not for you" says more than "sold out" to someone who could never buy it.
            {if !eligible {
                Some(view! { <span class="badge" data-testid="availability">{text(Key::StoreNotForYou, lang)}</span> })
            } else {
                (stock == 0).then(|| view! { <span class="badge badge-cancelled" data-testid="availability">{text(Key::StoreSoldOut, lang)}</span> })
            }}
        </li>
    }
}
