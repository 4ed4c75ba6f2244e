use crate::api::ApiError;
use crate::components::{Skeleton, StatusMessage};
use crate::i18n::{Key, Tr};
use crate::session::Session;
use leptos::either::Either;
use leptos::prelude::*;

/// An async region: a skeleton while loading, then the content, or a
/// translated error with a retry button. An expired session sends the
/// member back to sign-in.
///
/// The region renders its own `Result` rather than throwing into an
/// `<ErrorBoundary>`: in Leptos 0.8.23 an error that resolves after a
/// sibling region has rendered never reaches its boundary (see the
/// component test `a_failed_region_beside_a_loaded_one_still_shows_its_error`).
#[component]
pub fn Loadable<T, V, R>(
    /// The backend call this region shows.
    resource: LocalResource<Result<T, ApiError>>,
    /// Draws the loaded data.
    render: R,
    /// Lines the loading skeleton sketches.
    #[prop(default = 3)]
    skeleton_lines: usize,
    /// What loads is the whole page, its `<h1>` included: an error in its
    /// place is then the page's heading.
    #[prop(optional)]
    page: bool,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    view! {
        <Transition fallback=move || view! { <Skeleton lines=skeleton_lines/> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => Either::Left(render(data)),
                        Err(error) => Either::Right(view! { <ErrorNotice error page retry=move || resource.refetch()/> }),
                    }
                })
            }}
        </Transition>
    }
}

#[component]
fn ErrorNotice(error: ApiError, page: bool, retry: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    if error == ApiError::Unauthorized {
        let session = expect_context::<Session>();
        Effect::new(move |_| session.expired());
    }
    view! {
        <StatusMessage title=error.message_key() page>
            {error.is_retryable().then(|| view! {
                <button type="button" class="button" on:click=move |_| retry()>
                    <Tr key=Key::ActionRetry/>
                </button>
            })}
        </StatusMessage>
    }
}
