use crate::components::Icon;
use crate::i18n::{I18n, Key};
use leptos::prelude::*;

/// A short titled message with room for actions below it.
#[component]
pub fn StatusMessage(
    /// The headline.
    title: Key,
    /// An optional sentence under the headline.
    #[prop(optional_no_strip)]
    detail: Option<Key>,
    /// Actions, such as a retry button or a link.
    #[prop(optional)]
    children: Option<Children>,
    /// The message is the whole page (nothing else could be shown): its
    /// headline is the page's `<h1>`.
    #[prop(optional)]
    page: bool,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <div class="status-message" role="alert">
            <Icon name="alert"/>
            <div>
                {if page {
                    view! { <h1 class="status-title">{move || i18n.t(title)}</h1> }.into_any()
                } else {
                    view! { <p class="status-title">{move || i18n.t(title)}</p> }.into_any()
                }}
                {detail.map(|key| view! { <p>{move || i18n.t(key)}</p> })}
                {children.map(|c| view! { <div class="actions">{c()}</div> })}
            </div>
        </div>
    }
}
