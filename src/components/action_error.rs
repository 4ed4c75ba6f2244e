//! What a failed action (an order, a save, a cancel) tells the member: what
//! went wrong, what is kept, and what can be done now.

use crate::api::ApiError;
use crate::components::StatusMessage;
use crate::i18n::{use_i18n, Key};
use crate::session::use_session;
use leptos::prelude::*;

/// The failure of an action, with a way on: "try again" when trying again
/// can work, "sign in again" (coming back to this page) when the session
/// has ended. A rule broken (`Invalid`) is shown at its fields instead,
/// so it draws nothing here.
#[component]
pub fn ActionError(
    error: ApiError,
    /// What survived the failure, said when trying again can help (the
    /// cart, what was typed).
    #[prop(optional)]
    kept: Option<Key>,
    /// Sends the same request again.
    #[prop(optional, into)]
    retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    if matches!(error, ApiError::Invalid { .. }) {
        return ().into_any();
    }
    let retryable = error.is_retryable();
    // Sign-in brings the member back to this page; what the page keeps (the
    // cart) is still there.
    let sign_in = (error == ApiError::Unauthorized).then(|| {
        view! { <button type="button" class="button" on:click=move |_| session.expired()>{move || i18n.t(Key::ActionSignInAgain)}</button> }
    });
    let retry = retry.filter(|_| retryable).map(|retry| {
        view! { <button type="button" class="button" on:click=move |_| retry.run(())>{move || i18n.t(Key::ActionRetry)}</button> }
    });
    view! {
        <StatusMessage title=error.message_key() detail=kept.filter(|_| retryable)>
            {sign_in}{retry}
        </StatusMessage>
    }
    .into_any()
}
