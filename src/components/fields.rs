//! Form helpers: enum values as forms and URLs write them, the translated
//! errors under a field, and a text field that shows them.

use crate::api::ApiError;
use crate::i18n::labels::rule_message;
use crate::i18n::{use_i18n, Key, Tr};
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

/// A field's label: a fixed text, or one drawn from values ("Option 2").
#[derive(Clone)]
pub enum FieldLabel {
    Key(Key),
    Text(Signal<String>),
}

impl From<Key> for FieldLabel {
    fn from(key: Key) -> FieldLabel {
        FieldLabel::Key(key)
    }
}

impl<F: Fn() -> String + Send + Sync + 'static> From<F> for FieldLabel {
    fn from(text: F) -> FieldLabel {
        FieldLabel::Text(Signal::derive(text))
    }
}

/// One text input (or text area) with its label, an optional hint, and the
/// messages for its field, which the input is described by.
#[component]
pub fn TextField(
    id: String,
    #[prop(into)] label: FieldLabel,
    value: RwSignal<String>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    /// `text`, `date`, `datetime-local`, `url`, or `textarea`.
    #[prop(default = "text")]
    kind: &'static str,
    /// A whole number, kept as typed and read when the form is sent.
    #[prop(default = false)]
    numeric: bool,
    #[prop(optional)] hint: Option<Key>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() { format!("{hint_id} {error_id}") } else { error_id.clone() };
    let invalid = move || (!errors.read().is_empty()).to_string();
    let control = if kind == "textarea" {
        view! { <textarea id=id.clone() rows="10" aria-describedby=described aria-invalid=invalid prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea> }.into_any()
    } else {
        view! { <input id=id.clone() type=kind inputmode=numeric.then_some("numeric") aria-describedby=described aria-invalid=invalid
        prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/> }
        .into_any()
    };
    let label = match label {
        FieldLabel::Key(key) => view! { <Tr key/> }.into_any(),
        FieldLabel::Text(text) => view! { {move || text.get()} }.into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|key| view! { <p class="muted" id=hint_id.clone()><Tr key/></p> })}
            {control}
            <FieldMessages errors id=error_id/>
        </div>
    }
}
