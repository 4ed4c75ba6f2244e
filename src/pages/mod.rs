//! One module per page.

mod config_error;
mod home;
mod hr;
mod hr_store;
mod not_found;
mod profile;
mod sign_in;
mod store;

pub use config_error::ConfigErrorPage;
pub use home::Home;
pub use hr::HrOverview;
pub use not_found::NotFound;
pub use profile::ProfilePage;
pub use sign_in::SignIn;

use crate::i18n::Key;
use crate::portal::StorePage;
use domain::{EmploymentType, Role};
use leptos::prelude::*;

/// A page of the store portal. Reached only from the store's split point
/// (`crate::portal`), so the store's pages load with its module.
pub fn store_page(page: StorePage) -> AnyView {
    match page {
        StorePage::Catalogue => view! { <store::Catalogue/> }.into_any(),
        StorePage::Product => view! { <store::ProductPage/> }.into_any(),
        StorePage::Cart => view! { <store::CartPage/> }.into_any(),
        StorePage::Orders => view! { <store::OrdersPage/> }.into_any(),
        StorePage::Order => view! { <store::OrderPage/> }.into_any(),
        StorePage::HrOrders => view! { <hr_store::HrOrders/> }.into_any(),
        StorePage::HrProducts => view! { <hr_store::HrProducts/> }.into_any(),
        StorePage::HrProductForm => view! { <hr_store::HrProductForm/> }.into_any(),
        StorePage::HrPolicy => view! { <hr_store::HrPolicy/> }.into_any(),
    }
}

pub fn employment_type_key(kind: EmploymentType) -> Key {
    match kind {
        EmploymentType::FullTime => Key::EmploymentFullTime,
        EmploymentType::PartTime => Key::EmploymentPartTime,
        EmploymentType::Seasonal => Key::EmploymentSeasonal,
        EmploymentType::Collaborator => Key::EmploymentCollaborator,
        EmploymentType::PartnerSupplier => Key::EmploymentPartnerSupplier,
    }
}

pub fn role_key(role: Role) -> Key {
    match role {
        Role::Member => Key::RoleMember,
        Role::Manager => Key::RoleManager,
        Role::Hr => Key::RoleHr,
    }
}
