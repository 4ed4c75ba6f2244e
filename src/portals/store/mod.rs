//! The internal store: members buy the company's products at internal
//! prices within a yearly allowance; HR runs the catalogue, the order queue
//! and the allowance policy. Everything the store is on this side lives in
//! this folder:
//! - `api.rs`: its calls (`StoreApi`), and `demo.rs` / `http.rs`, their two
//!   implementations (the demo one with its own stored data);
//! - `cart.rs`: the member's cart;
//! - `member/` and `hr/`: its pages, told apart by `page_at`; `labels.rs`:
//!   its enums' texts.
//!
//! Its pages are a wasm module of their own (`*-split_store.wasm`): only
//! [`draw`] reaches them, and the backends' store code with them.

pub mod api;
pub mod cart;
pub mod demo;
pub mod hr;
pub mod http;
pub mod labels;
pub mod member;

pub use api::{store_resource, use_store, StoreApi};

use super::lazy::split_module;
use super::{not_found, HrPage, PageAtPath, Portal, SeenBy};
use crate::i18n::Key;
use leptos::prelude::*;

/// The store, as the shell knows it.
pub const PORTAL: Portal = Portal {
    name: "store",
    icon: "bag",
    label: Key::NavStore,
    paths: &["/store", "/hr/store"],
    public_paths: &[],
    seen_by: SeenBy::Members,
    prefetch: || MODULE.prefetch(),
    signed_in: |member| {
        cart::Cart::provide(member);
    },
    home_card: None,
    page: || MODULE.page(()),
    hr_pages: &[
        HrPage { path: "/hr/store", label: Key::HrStoreOrders, summary: Key::HrStoreOrdersSummary },
        HrPage { path: "/hr/store/products", label: Key::HrStoreProducts, summary: Key::HrStoreProductsSummary },
        HrPage { path: "/hr/store/allowance", label: Key::HrStorePolicy, summary: Key::HrStorePolicySummary },
    ],
};

split_module!(pub MODULE: () = store(draw), Key::NavStore);

/// Draws the store's page at the current path; reached only through
/// [`MODULE`], so the store's pages are in its module.
fn draw((): ()) -> AnyView {
    view! { <PageAtPath page_at/> }.into_any()
}

/// The store's pages by the path's segments.
fn page_at(segments: &[&str]) -> AnyView {
    use domain::store::{OrderId, ProductId};
    match segments {
        ["store"] => view! { <member::Catalogue/> }.into_any(),
        ["store", "products", id] => match id.parse() {
            Ok(id) => view! { <member::ProductPage id=ProductId(id)/> }.into_any(),
            Err(_) => not_found(),
        },
        ["store", "cart"] => view! { <member::CartPage/> }.into_any(),
        ["store", "orders"] => view! { <member::OrdersPage/> }.into_any(),
        ["store", "orders", id] => match id.parse() {
            Ok(id) => view! { <member::OrderPage id=OrderId(id)/> }.into_any(),
            Err(_) => not_found(),
        },
        ["hr", "store"] => view! { <hr::HrOrders/> }.into_any(),
        ["hr", "store", "products"] => view! { <hr::HrProducts/> }.into_any(),
        ["hr", "store", "products", "new"] => view! { <hr::HrProductForm id=None/> }.into_any(),
        ["hr", "store", "products", id] => match id.parse() {
            Ok(id) => view! { <hr::HrProductForm id=Some(ProductId(id))/> }.into_any(),
            Err(_) => not_found(),
        },
        ["hr", "store", "allowance"] => view! { <hr::HrPolicy/> }.into_any(),
        _ => not_found(),
    }
}
