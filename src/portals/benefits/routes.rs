//! Benefits' route group: in the first load (the router must know it);
//! each page draws through the portal's module.

use super::{BenefitsPage, MODULE};
use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes};

#[component(transparent)]
pub fn BenefitsRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("benefits") view=|| MODULE.page(BenefitsPage::Leave)/>
        <Route path=path!("benefits/new") view=|| MODULE.page(BenefitsPage::NewRequest)/>
        <Route path=path!("benefits/requests/:id") view=|| MODULE.page(BenefitsPage::Request)/>
        <Route path=path!("benefits/approvals") view=|| MODULE.page(BenefitsPage::Approvals)/>
        <Route path=path!("benefits/team") view=|| MODULE.page(BenefitsPage::Team)/>
        <Route path=path!("benefits/delegations") view=|| MODULE.page(BenefitsPage::Delegations)/>
        <Route path=path!("hr/benefits") view=|| MODULE.page(BenefitsPage::HrRequests)/>
        <Route path=path!("hr/benefits/allocations") view=|| MODULE.page(BenefitsPage::HrAllocations)/>
        <Route path=path!("hr/benefits/holidays") view=|| MODULE.page(BenefitsPage::HrHolidays)/>
        <Route path=path!("hr/benefits/types") view=|| MODULE.page(BenefitsPage::HrTypes)/>
    }
    .into_inner()
}
