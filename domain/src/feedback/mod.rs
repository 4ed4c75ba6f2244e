//! Anonymous feedback (Góp ý ẩn danh): conversations with HR or a
//! department's leadership, an ideas board and pulse surveys, with
//! anonymity that survives a read of the database:
//! - `token`: unlinkable one-time tokens (VOPRF, RFC 9497) that prove a
//!   member may act in a scope (answer a survey, vote on an idea, send a
//!   month's messages) without saying who they are;
//! - `disclosure`: which groups' results may be shown, so that no group
//!   under the threshold can be computed from what is shown.

pub mod anonymous;
pub mod book;
pub mod disclosure;
pub mod idea;
pub mod profile;
pub mod results;
pub mod settings;
pub mod survey;
pub mod thread;
pub mod token;
pub mod use_cases;
pub mod wire;
