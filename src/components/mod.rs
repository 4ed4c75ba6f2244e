//! Shared UI pieces.

mod confirm_button;
mod eligibility;
mod fields;
mod icon;
mod language_switcher;
mod loadable;
mod notice_banner;
mod plain_header;
mod skeleton;
mod status_message;

pub use confirm_button::ConfirmButton;
pub use eligibility::EligibilityReasons;
pub use fields::{errors_at, form_errors_at, from_wire_name, wire_name, FieldMessages};
pub use icon::Icon;
pub use language_switcher::LanguageSwitcher;
pub use loadable::Loadable;
pub use notice_banner::NoticeBanner;
pub use plain_header::PlainHeader;
pub use skeleton::Skeleton;
pub use status_message::StatusMessage;
