use crate::i18n::{Key, Tr};
use leptos::prelude::*;

/// Grey bars shaped like the content that is loading, so nothing jumps
/// when it arrives; screen readers hear "loading" once.
#[component]
pub fn Skeleton(
    /// How many text lines to sketch.
    #[prop(default = 3)]
    lines: usize,
) -> impl IntoView {
    view! {
        <div class="skeleton" role="status">
            <span class="visually-hidden"><Tr key=Key::StatusLoading/></span>
            {(0..lines).map(|_| view! { <div class="skeleton-line" aria-hidden="true"></div> }).collect_view()}
        </div>
    }
}
