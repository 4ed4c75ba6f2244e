//! One module per page.

mod config_error;
mod home;
mod hr;
mod not_found;
mod profile;
mod sign_in;

pub use config_error::ConfigErrorPage;
pub use home::Home;
pub use hr::HrOverview;
pub use not_found::NotFound;
pub use profile::ProfilePage;
pub use sign_in::SignIn;

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
