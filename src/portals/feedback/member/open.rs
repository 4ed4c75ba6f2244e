use super::BackLink;
use crate::api::ApiError;
use crate::components::ActionError;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::feedback::keeper::use_keeper;
use domain::feedback::anonymous::ThreadKey;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Opening a conversation with its recovery code, as a page of its own.
#[component]
pub fn OpenPage() -> impl IntoView {
    view! {
        <BackLink/>
        <h1><Tr key=Key::FeedbackOpenTitle/></h1>
        <OpenForm/>
    }
}

/// The recovery code's form: it opens the conversation and keeps its key
/// in this browser (on a second device too).
#[component]
pub fn OpenForm() -> impl IntoView {
    let i18n = use_i18n();
    let keeper = use_keeper();
    let typed = RwSignal::new(String::new());
    // Why what was typed is not a code, before anything is sent.
    let unreadable = RwSignal::new(false);
    let open = Action::new_local(move |key: &ThreadKey| {
        let (keeper, key) = (keeper.clone(), *key);
        async move { keeper.open_with(key).await }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(thread)) = open.value().get() {
            navigate(&format!("/feedback/threads/{}", thread.id), Default::default());
        }
    });
    let failure = move || open.value().get().and_then(Result::err);
    let problem = move || {
        if unreadable.get() {
            Some(Key::FeedbackCodeUnreadable)
        } else {
            match failure() {
                Some(ApiError::NotFound) => Some(Key::FeedbackCodeUnknown),
                _ => None,
            }
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match ThreadKey::from_recovery_code(&typed.get_untracked()) {
            Some(key) => {
                unreadable.set(false);
                open.dispatch(key);
            }
            None => {
                unreadable.set(true);
                crate::browser::focus_first("#feedback-code");
            }
        }
    };
    view! {
        <form class="stack" on:submit=submit novalidate data-testid="open-thread">
            <div class="field">
                <label for="feedback-code"><Tr key=Key::FeedbackCode/></label>
                <input id="feedback-code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false"
                    aria-describedby="feedback-code-hint feedback-code-error" aria-invalid=move || problem().is_some().to_string()
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                <p class="muted" id="feedback-code-hint"><Tr key=Key::FeedbackCodeHint/></p>
                <div class="field-error" id="feedback-code-error" role="alert">
                    {move || problem().map(|key| view! { <p>{i18n.t(key)}</p> })}
                </div>
            </div>
            {move || failure().filter(|e| !matches!(e, ApiError::NotFound | ApiError::Invalid { .. })).map(|error| view! {
                <ActionError error kept=Key::FormKept retry=move || { if let Some(key) = ThreadKey::from_recovery_code(&typed.get_untracked()) { open.dispatch(key); } }/>
            })}
            <button type="submit" class="button" disabled=move || open.pending().get()><Tr key=Key::FeedbackOpen/></button>
        </form>
    }
}
