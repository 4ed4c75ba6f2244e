//! A button for something that cannot be undone (cancelling an order): it
//! asks first, in place, and only the explicit "yes" acts. Focus follows:
//! to the question when it opens, back to the button when it closes.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

#[component]
pub fn ConfirmButton<F>(
    /// What the button says before it is pressed.
    #[prop(into)]
    label: Signal<String>,
    /// The question, then the two answers.
    #[prop(into)]
    question: Signal<String>,
    yes: Key,
    no: Key,
    /// Disables "yes" while the action runs.
    #[prop(into)]
    pending: Signal<bool>,
    /// Runs on "yes".
    act: F,
) -> impl IntoView
where
    F: Fn() + Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let (question_box, button) = (NodeRef::<leptos::html::Div>::new(), NodeRef::<leptos::html::Button>::new());
    // Not on the first draw: only once the member has opened or closed it.
    Effect::new(move |drawn: Option<()>| {
        let asking = asking.get();
        if drawn.is_some() {
            let _ = if asking { question_box.get().map(|q| q.focus()) } else { button.get().map(|b| b.focus()) };
        }
    });
    let question_id = format!("confirm-{}", label.get_untracked().chars().filter(char::is_ascii_alphanumeric).collect::<String>());
    move || {
        if asking.get() {
            let act = act.clone();
            view! {
                <div class="card confirm" role="group" aria-labelledby=question_id.clone() tabindex="-1" node_ref=question_box>
                    <p id=question_id.clone()>{move || question.get()}</p>
                    <div class="actions">
                        <button type="button" class="button danger" disabled=move || pending.get() on:click=move |_| act()>{move || i18n.t(yes)}</button>
                        <button type="button" class="button secondary" on:click=move |_| asking.set(false)>{move || i18n.t(no)}</button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! { <button type="button" class="button secondary" node_ref=button on:click=move |_| asking.set(true)>{move || label.get()}</button> }
                .into_any()
        }
    }
}
