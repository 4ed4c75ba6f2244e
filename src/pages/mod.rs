//! The shell's own pages (each portal's are in its folder).

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
