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
pub use hr_store::{HrOrders, HrPolicy, HrProductForm, HrProducts};
pub use not_found::NotFound;
pub use profile::ProfilePage;
pub use sign_in::SignIn;
pub use store::{CartPage, Catalogue, OrderPage, OrdersPage, ProductPage};

use crate::i18n::Key;
use domain::{EmploymentType, Role};

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
