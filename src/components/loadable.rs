use crate::api::ApiError;
use crate::components::{Skeleton, StatusMessage};
use crate::i18n::{I18n, Key};
use crate::session::Session;
use leptos::prelude::*;

/// An async region: a skeleton while loading, then the content, or a
/// translated error with a retry button. An expired session sends the
/// member back to sign-in.
#[component]
pub fn Loadable(
    /// Runs the failed request again.
    #[prop(into)]
    retry: Callback<()>,
    /// Lines the loading skeleton sketches.
    #[prop(default = 3)]
    skeleton_lines: usize,
    children: Children,
) -> impl IntoView {
    view! {
        <Transition fallback=move || view! { <Skeleton lines=skeleton_lines/> }>
            <ErrorBoundary fallback=move |errors| view! { <ErrorNotice errors retry/> }>
                {children()}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn ErrorNotice(errors: ArcRwSignal<Errors>, retry: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let session = expect_context::<Session>();
    let first = move || {
        errors.with(|errors| errors.iter().next().and_then(|(_, e)| e.downcast_ref::<ApiError>().cloned()))
            .unwrap_or(ApiError::Server { status: 0 })
    };
    Effect::new({
        let first = first.clone();
        move |_| {
            if first() == ApiError::Unauthorized {
                session.expired();
            }
        }
    });
    move || {
        let error = first();
        view! {
            <StatusMessage title=error.message_key()>
                {error.is_retryable().then(|| view! {
                    <button type="button" class="button" on:click=move |_| retry.run(())>
                        {move || i18n.t(Key::ActionRetry)}
                    </button>
                })}
            </StatusMessage>
        }
    }
}
