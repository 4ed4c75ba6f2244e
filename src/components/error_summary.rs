//! A form's errors gathered at its top. On a long form on a phone, errors
//! under fields can be off screen while the member looks at the button
//! they pressed: the summary takes focus when errors appear, and each entry
//! leads to its field.

use crate::i18n::labels::rule_message;
use crate::i18n::{use_i18n, Key};
use domain::common::FieldError;
use leptos::html::Div;
use leptos::prelude::*;

/// Where a field's errors point: its input's id and its label, in the
/// interface language.
pub struct FieldTarget {
    pub id: String,
    pub label: String,
}

#[component]
pub fn ErrorSummary(
    /// Every error the form shows; nothing renders when empty. Each new
    /// set (a submit, an answer) moves focus here.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// The field an error's `field` names, when the form shows it.
    target: Callback<String, Option<FieldTarget>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let summary = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if !errors.read().is_empty() {
            if let Some(summary) = summary.get() {
                let _ = summary.focus();
            }
        }
    });
    move || {
        let errors = errors.get();
        (!errors.is_empty()).then(|| {
            let count = errors.len();
            view! {
                <div class="error-summary" role="alert" tabindex="-1" node_ref=summary aria-labelledby="error-summary-title">
                    <p class="status-title" id="error-summary-title">
                        {move || i18n.fill(if count == 1 { Key::FormErrorCountOne } else { Key::FormErrorCountMany }, &[("n", &count.to_string())])}
                    </p>
                    <ul>
                        {errors.into_iter().map(|error| {
                            let field = error.field.clone();
                            let message = move || rule_message(&error, i18n.lang());
                            match target.run(field) {
                                Some(FieldTarget { id, label }) => {
                                    let href = format!("#{id}");
                                    let go = move |ev: leptos::ev::MouseEvent| {
                                        ev.prevent_default();
                                        crate::browser::focus_first(&format!("#{id}"));
                                    };
                                    view! { <li><a href=href on:click=go>{label}": "{message}</a></li> }.into_any()
                                }
                                None => view! { <li>{message}</li> }.into_any(),
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
