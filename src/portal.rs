//! The store portal is its own wasm module, fetched the first time a store
//! page opens (or sooner, see [`prefetch`]), so that the app's first load
//! does not grow with it. Everything only the store uses lands there: its
//! pages, and both backends' store calls (reached only through
//! [`crate::api::connect_store`]). The `split` feature (on by default) makes
//! this a split point; without it (wasm-bindgen tests) it is a plain call.

use crate::components::{Skeleton, StatusMessage};
use crate::i18n::{Key, Tr};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::cell::Cell;

/// A page of the store portal, as the router names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorePage {
    Catalogue,
    Product,
    Cart,
    Orders,
    Order,
    HrOrders,
    HrProducts,
    HrProductForm,
    HrPolicy,
}

/// What the store's module gives the app.
#[derive(Clone, Copy)]
struct StorePortal {
    render: fn(StorePage) -> AnyView,
}

thread_local! {
    static LOADED: Cell<Option<StorePortal>> = const { Cell::new(None) };
}

fn portal() -> Result<StorePortal, SplitLoaderError> {
    Ok(StorePortal { render: crate::pages::store_page })
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(store, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load_portal() -> Result<StorePortal, SplitLoaderError> {
    portal()
}

#[cfg(not(feature = "split"))]
async fn load_portal() -> Result<StorePortal, SplitLoaderError> {
    portal()
}

/// Fetches the store's module once; a failed fetch is not remembered, so
/// asking again retries.
async fn load() -> Result<StorePortal, SplitLoaderError> {
    if let Some(portal) = LOADED.get() {
        return Ok(portal);
    }
    let portal = load_portal().await?;
    LOADED.set(Some(portal));
    Ok(portal)
}

/// Fetches the store's module in the background, so that opening the store
/// later does not wait for the network.
pub fn prefetch() {
    leptos::task::spawn_local(async {
        let _ = load().await;
    });
}

/// Whether `page` (an app-relative path) is one of the store's.
pub fn is_store_page(page: &str) -> bool {
    ["/store", "/hr/store"].iter().any(|root| page.strip_prefix(root).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')))
}

/// A store page: at once when the store's module is loaded, else after
/// fetching it, with a retry if that fails.
#[component]
pub fn StoreRoute(page: StorePage) -> impl IntoView {
    if let Some(portal) = LOADED.get() {
        return (portal.render)(page);
    }
    let portal = LocalResource::new(|| async { load().await.ok() });
    view! {
        <Suspense fallback=|| view! { <Skeleton lines=4/> }>
            {move || Suspend::new(async move {
                match portal.await {
                    Some(portal) => (portal.render)(page),
                    None => view! {
                        <h1><Tr key=Key::NavStore/></h1>
                        <StatusMessage title=Key::ErrorPortalDownload>
                            <button class="button" on:click=move |_| portal.refetch()><Tr key=Key::ActionRetry/></button>
                        </StatusMessage>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::is_store_page;

    #[test]
    fn store_pages_are_told_from_others() {
        for page in ["/store", "/store/cart", "/store/products/3", "/hr/store", "/hr/store/allowance"] {
            assert!(is_store_page(page), "{page}");
        }
        for page in ["/", "/profile", "/hr", "/storefront", "/hr/stores"] {
            assert!(!is_store_page(page), "{page}");
        }
    }
}
