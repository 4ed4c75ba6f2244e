//! Shared UI pieces.

mod action_error;
mod audience;
mod confirm_button;
mod eligibility;
mod error_summary;
mod fields;
mod icon;
mod language_switcher;
mod loadable;
mod notice_banner;
mod plain_header;
mod skeleton;
mod status_message;

pub use action_error::ActionError;
pub use audience::{AudienceChoice, AudienceEditor};
pub use confirm_button::ConfirmButton;
pub use eligibility::EligibilityReasons;
pub use error_summary::{ErrorSummary, FieldTarget};
pub use fields::{errors_at, form_errors, form_errors_at, from_wire_name, wire_name, FieldLabel, FieldMessages, TextField};
pub use icon::Icon;
pub use language_switcher::LanguageSwitcher;
pub use loadable::Loadable;
pub use notice_banner::NoticeBanner;
pub use plain_header::PlainHeader;
pub use skeleton::Skeleton;
pub use status_message::StatusMessage;
