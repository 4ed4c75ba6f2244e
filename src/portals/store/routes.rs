//! The store's route group. The routes are in the first load (the router
//! must know them); each page draws through the store's module.

use super::{StorePage, MODULE};
use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes};

#[component(transparent)]
pub fn StoreRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("store") view=|| MODULE.page(StorePage::Catalogue)/>
        <Route path=path!("store/products/:id") view=|| MODULE.page(StorePage::Product)/>
        <Route path=path!("store/cart") view=|| MODULE.page(StorePage::Cart)/>
        <Route path=path!("store/orders") view=|| MODULE.page(StorePage::Orders)/>
        <Route path=path!("store/orders/:id") view=|| MODULE.page(StorePage::Order)/>
        <Route path=path!("hr/store") view=|| MODULE.page(StorePage::HrOrders)/>
        <Route path=path!("hr/store/products") view=|| MODULE.page(StorePage::HrProducts)/>
        <Route path=path!("hr/store/products/:id") view=|| MODULE.page(StorePage::HrProductForm)/>
        <Route path=path!("hr/store/allowance") view=|| MODULE.page(StorePage::HrPolicy)/>
    }
    .into_inner()
}
