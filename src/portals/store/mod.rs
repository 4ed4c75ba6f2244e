//! The internal store: members buy the company's products at internal
//! prices within a yearly allowance; HR runs the catalogue, the order queue
//! and the allowance policy. Everything the store is on this side lives in
//! this folder:
//! - `api.rs`: its calls (`StoreApi`), and `demo.rs` / `http.rs`, their two
//!   implementations (the demo one with its own stored data);
//! - `cart.rs`: the member's cart;
//! - `member/` and `hr/`: its pages; `labels.rs`: its enums' texts;
//! - `routes.rs`: its route group.
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
mod routes;

pub use api::{store_resource, use_store, StoreApi};
pub use routes::StoreRoutes;

use super::lazy::split_module;
use super::{HrPage, Portal, SeenBy};
use crate::i18n::Key;
use leptos::prelude::*;

/// The store, as the shell knows it.
pub const PORTAL: Portal = Portal {
    name: "store",
    icon: "bag",
    label: Key::NavStore,
    paths: &["/store", "/hr/store"],
    seen_by: SeenBy::Members,
    prefetch: || MODULE.prefetch(),
    signed_in: |member| {
        cart::Cart::provide(member);
    },
    home_card: None,
    hr_pages: &[
        HrPage { path: "/hr/store", label: Key::HrStoreOrders, summary: Key::HrStoreOrdersSummary },
        HrPage { path: "/hr/store/products", label: Key::HrStoreProducts, summary: Key::HrStoreProductsSummary },
        HrPage { path: "/hr/store/allowance", label: Key::HrStorePolicy, summary: Key::HrStorePolicySummary },
    ],
};

split_module!(pub MODULE: StorePage = store(draw), Key::NavStore);

/// A page of the store, as its routes name it.
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

/// Draws a page of the store; reached only through [`MODULE`], so the
/// pages load with the store's module.
fn draw(page: StorePage) -> AnyView {
    match page {
        StorePage::Catalogue => view! { <member::Catalogue/> }.into_any(),
        StorePage::Product => view! { <member::ProductPage/> }.into_any(),
        StorePage::Cart => view! { <member::CartPage/> }.into_any(),
        StorePage::Orders => view! { <member::OrdersPage/> }.into_any(),
        StorePage::Order => view! { <member::OrderPage/> }.into_any(),
        StorePage::HrOrders => view! { <hr::HrOrders/> }.into_any(),
        StorePage::HrProducts => view! { <hr::HrProducts/> }.into_any(),
        StorePage::HrProductForm => view! { <hr::HrProductForm/> }.into_any(),
        StorePage::HrPolicy => view! { <hr::HrPolicy/> }.into_any(),
    }
}
