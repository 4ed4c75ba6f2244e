//! Benefits' route group, in the first load (the router must know it): one
//! route a side, whatever the number of pages; the module draws the page at
//! the path (`page_at` in `mod.rs`).

use super::{BenefitsPage, MODULE};
use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes};

#[component(transparent)]
pub fn BenefitsRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("benefits/*rest") view=|| MODULE.page(BenefitsPage::AtPath)/>
        <Route path=path!("hr/benefits/*rest") view=|| MODULE.page(BenefitsPage::AtPath)/>
    }
    .into_inner()
}
