//! HR hides a message, an idea or a comment, with the reason readers see
//! in its place.

use crate::api::ApiError;
use crate::browser::focus_first;
use crate::components::{form_errors_at, ActionError, FieldMessages};
use crate::i18n::{use_i18n, Key};
use domain::common::FieldError;
use domain::feedback::thread::read_body;
use leptos::prelude::*;
use std::future::Future;

/// A button that asks first, in place, with a field for the reason (as
/// `ConfirmButton` asks, focus going to the question and back to the
/// button on "keep it"). Once hidden, `done` gets the changed item and
/// focus goes to the element with the id `{id}-hidden`, which the caller
/// draws in the item's place.
#[component]
pub fn HideWithReason<F, Fut, T>(
    /// Unique on the page; the question's and the field's ids derive from it.
    id: String,
    /// What the button says.
    label: Key,
    /// The question, saying what readers will see.
    question: Key,
    /// Hides the item with the reason typed (checked, trimmed).
    hide: F,
    /// The item as it is now.
    done: Callback<T>,
) -> impl IntoView
where
    F: Fn(String) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
    T: Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let found = RwSignal::new(Vec::<FieldError>::new());
    let action = Action::new_local(move |reason: &String| hide(reason.clone()));
    let failure = move || action.value().get().and_then(Result::err);
    let (question_box, button) = (NodeRef::<leptos::html::Form>::new(), NodeRef::<leptos::html::Button>::new());
    // Not on the first draw: only once HR has opened or closed it.
    Effect::new(move |drawn: Option<()>| {
        let asking = asking.get();
        if drawn.is_some() {
            let _ = if asking { question_box.get().map(|q| q.focus()) } else { button.get().map(|b| b.focus()) };
        }
    });
    let hidden_id = format!("#{id}-hidden");
    Effect::new(move |_| {
        if let Some(Ok(item)) = action.value().get() {
            done.run(item);
            let hidden_id = hidden_id.clone();
            request_animation_frame(move || {
                focus_first(&hidden_id);
            });
        }
    });
    let field_id = format!("{id}-reason");
    let send = {
        let field_id = field_id.clone();
        move || match read_body("reason", &reason.get_untracked()) {
            Ok(reason) => {
                found.set(Vec::new());
                action.dispatch(reason);
            }
            Err(violation) => {
                found.set(vec![FieldError::from(violation)]);
                focus_first(&format!("#{field_id}"));
            }
        }
    };
    let question_id = format!("{id}-question");
    let error_id = format!("{id}-reason-error");
    let errors = Signal::derive(move || form_errors_at(&found.read(), &failure(), "reason"));
    move || {
        if !asking.get() {
            return view! {
                <button type="button" class="button secondary" node_ref=button on:click=move |_| asking.set(true)>{move || i18n.t(label)}</button>
            }
            .into_any();
        }
        let (send, retry) = (send.clone(), send.clone());
        view! {
            <form class="card confirm stack" aria-labelledby=question_id.clone() tabindex="-1" node_ref=question_box novalidate
                on:submit=move |ev| { ev.prevent_default(); send(); }>
                <p id=question_id.clone()>{move || i18n.t(question)}</p>
                <div class="field">
                    <label for=field_id.clone()>{move || i18n.t(Key::FeedbackHrReasonLabel)}</label>
                    <textarea id=field_id.clone() rows="3" aria-describedby=error_id.clone() aria-invalid=move || (!errors.read().is_empty()).to_string()
                        prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    <FieldMessages errors id=error_id.clone()/>
                </div>
                {move || failure().map(|error| {
                    let retry = retry.clone();
                    view! { <ActionError error kept=Key::FormKept retry=Callback::new(move |_| retry())/> }
                })}
                <div class="actions">
                    <button type="submit" class="button danger" disabled=move || action.pending().get()>{move || i18n.t(Key::FeedbackHrHideYes)}</button>
                    <button type="button" class="button secondary" on:click=move |_| asking.set(false)>{move || i18n.t(Key::FeedbackHrHideNo)}</button>
                </div>
            </form>
        }
        .into_any()
    }
}
