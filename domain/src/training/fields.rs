//! The field checks every HR draft of training shares: texts in both
//! languages, and links people will open.

use crate::common::{Rule, Violation};
use crate::member::LocalizedText;

/// The longest title or short text.
pub const MAX_TITLE: usize = 200;
/// The longest lesson body or description, in characters.
pub const MAX_BODY: usize = 20_000;

/// `text` at `field.vi` and `field.en`: both required, at most `max` characters.
pub fn check_text(found: &mut Vec<Violation>, field: &str, text: &LocalizedText, max: usize) {
    for (lang, value) in [("vi", &text.vi), ("en", &text.en)] {
        let field = format!("{field}.{lang}");
        if value.trim().is_empty() {
            found.push(Violation::new(&field, Rule::Required, None));
        } else if value.chars().count() > max {
            found.push(Violation::new(&field, Rule::TooLong, Some(max as u64)));
        }
    }
}

/// Plain text at `field` (a place, a reason): required, at most `max` characters.
pub fn check_plain(found: &mut Vec<Violation>, field: &str, value: &str, max: usize) {
    if value.trim().is_empty() {
        found.push(Violation::new(field, Rule::Required, None));
    } else if value.chars().count() > max {
        found.push(Violation::new(field, Rule::TooLong, Some(max as u64)));
    }
}

/// A link members open: `https://` and a host, with no spaces or quotes
/// (a `javascript:` or `data:` link would run in the portal's page).
pub fn check_link(found: &mut Vec<Violation>, field: &str, url: &str) {
    let host = url.strip_prefix("https://").unwrap_or_default();
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`'));
    if host.is_empty() || host.starts_with('/') || !clean {
        found.push(Violation::new(field, Rule::LinkScheme, None));
    } else if url.len() > 2000 {
        found.push(Violation::new(field, Rule::TooLong, Some(2000)));
    }
}
