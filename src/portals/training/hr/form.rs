//! What every Training editor shares: the rules' findings before sending,
//! the save, the summary of errors that leads to each field, and a new
//! record's form becoming its edit page (fields are the shared
//! `components::TextField`).

use crate::api::ApiError;
use crate::browser::replace_app_path;
use crate::components::{form_errors, form_errors_at, ActionError, ErrorSummary, FieldTarget};
use crate::i18n::{use_i18n, Key, Tr};
use domain::common::{FieldError, Violation};
use leptos::prelude::*;
use std::future::Future;

/// An editor's save: what the rules found before sending, and the request.
pub struct Saving<D: 'static, T: 'static> {
    pub found: RwSignal<Vec<FieldError>>,
    pub action: Action<D, Result<T, ApiError>>,
}

impl<D: 'static, T: 'static> Clone for Saving<D, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<D: 'static, T: 'static> Copy for Saving<D, T> {}

impl<D: Clone + 'static, T: Clone + 'static> Saving<D, T> {
    /// `save` sends a draft; `edit_path` is the saved record's edit page,
    /// where a new record's form moves (without being drawn afresh).
    pub fn new<F>(save: impl Fn(D) -> F + 'static, edit_path: impl Fn(&T) -> Option<String> + 'static) -> Saving<D, T>
    where
        F: Future<Output = Result<T, ApiError>> + 'static,
    {
        let action = Action::new_local(move |draft: &D| save(draft.clone()));
        Effect::new(move |_| {
            if let Some(Ok(saved)) = action.value().get() {
                if let Some(path) = edit_path(&saved) {
                    replace_app_path(&path);
                }
            }
        });
        Saving { found: RwSignal::new(Vec::new()), action }
    }

    /// Sends `draft` when the rules found nothing in it.
    pub fn submit(self, violations: Vec<Violation>, draft: D) {
        self.submit_found(violations.into_iter().map(Into::into).collect(), draft);
    }

    /// Sends `draft` when nothing was found in it: the rules' findings,
    /// some said in the form's own words.
    pub fn submit_found(self, found: Vec<FieldError>, draft: D) {
        let clean = found.is_empty();
        self.found.set(found);
        if clean {
            self.action.dispatch_local(draft);
        }
    }

    pub fn failure(self) -> Option<ApiError> {
        self.action.value().get().and_then(Result::err)
    }

    pub fn saved(self) -> Option<T> {
        self.action.value().get().and_then(Result::ok)
    }

    /// The messages for one field (or, ending in `.`, the fields under it).
    pub fn at(self, field: &'static str) -> Signal<Vec<FieldError>> {
        Signal::derive(move || form_errors_at(&self.found.read(), &self.failure(), field))
    }

    pub fn all(self) -> Signal<Vec<FieldError>> {
        Signal::derive(move || form_errors(&self.found.read(), &self.failure()))
    }
}

/// The top of a form: its errors, each leading to its field (`fields`:
/// name, input id, label).
#[component]
pub fn Summary<D: Clone + 'static, T: Clone + 'static>(saving: Saving<D, T>, fields: Vec<(String, String, Key)>) -> impl IntoView {
    let i18n = use_i18n();
    let fields = StoredValue::new(fields);
    let target = Callback::new(move |field: String| {
        fields.with_value(|all| {
            all.iter()
                .filter(|(name, _, _)| field == *name || field.starts_with(&format!("{name}.")) || field.starts_with(&format!("{name}[")))
                .max_by_key(|(name, _, _)| name.len())
                .map(|(_, id, label)| FieldTarget { id: id.clone(), label: i18n.t(*label).to_owned() })
        })
    });
    view! { <ErrorSummary errors=saving.all() target/> }
}

/// The bottom of a form: save, "saved", or what went wrong.
#[component]
pub fn SaveButton<D: Clone + 'static, T: Clone + 'static>(saving: Saving<D, T>) -> impl IntoView {
    view! {
        <p class="actions">
            <button type="submit" class="button" data-testid="training-save" disabled=move || saving.action.pending().get()><Tr key=Key::TrainingSave/></button>
        </p>
        {move || saving.saved().map(|_| view! { <p class="success" role="status" data-testid="training-saved"><Tr key=Key::TrainingSaved/></p> })}
        {move || saving.failure().map(|error| view! { <ActionError error kept=Key::FormKept/> })}
    }
}

/// A whole number as typed, or the violation that says what may be typed.
pub fn whole(field: &str, typed: &str, range: domain::common::WholeRange) -> Result<u32, Violation> {
    range.read(field, typed).map(|n| n as u32)
}
