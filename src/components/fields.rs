//! Form helpers: enum values as forms and URLs write them, and the
//! translated errors under a field.

use crate::api::ApiError;
use crate::i18n::labels::rule_message;
use crate::i18n::use_i18n;
use domain::common::FieldError;
use leptos::prelude::*;

/// A serde enum's wire name (`"beverage"`), for URLs and `<option>` values.
pub fn wire_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default().trim_matches('"').to_owned()
}

pub fn from_wire_name<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_str(&format!("\"{name}\"")).ok()
}

/// The errors of a failed call that concern `field` (exactly, or a field
/// inside it when `field` ends with `.`).
pub fn errors_at(error: &Option<ApiError>, field: &str) -> Vec<FieldError> {
    match error {
        Some(ApiError::Invalid { fields }) => at(fields, field),
        _ => Vec::new(),
    }
}

/// A form's errors at `field`: what the form found before sending (the
/// domain's rules on what was typed) when it found anything, else what the
/// failed call said.
pub fn form_errors_at(found: &[FieldError], failure: &Option<ApiError>, field: &str) -> Vec<FieldError> {
    at(&form_errors(found, failure), field)
}

/// All of a form's errors, chosen as [`form_errors_at`] chooses them.
pub fn form_errors(found: &[FieldError], failure: &Option<ApiError>) -> Vec<FieldError> {
    match failure {
        Some(ApiError::Invalid { fields }) if found.is_empty() => fields.clone(),
        _ => found.to_vec(),
    }
}

fn at(errors: &[FieldError], field: &str) -> Vec<FieldError> {
    errors.iter().filter(|f| f.field == field || (field.ends_with('.') && f.field.starts_with(field))).cloned().collect()
}

/// Translated messages under a field, announced when they appear.
#[component]
pub fn FieldMessages(
    /// The errors to show; nothing renders when empty.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// The id the field's `aria-describedby` points at.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field-error" id=id role="alert">
            <For each=move || errors.get() key=|e| format!("{}:{:?}", e.field, e.rule) let:error>
                <p>{move || rule_message(&error, i18n.lang())}</p>
            </For>
        </div>
    }
}
