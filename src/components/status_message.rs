use crate::components::Icon;
use crate::i18n::{I18n, Key};
use leptos::prelude::*;

/// A short titled message with room for actions below it.
#[component]
pub fn StatusMessage(
    /// The headline.
    title: Key,
    /// An optional sentence under the headline.
    #[prop(optional)]
    detail: Option<Key>,
    /// Actions, such as a retry button or a link.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <div class="status-message" role="alert">
            <Icon name="alert"/>
            <div>
                <p class="status-title">{move || i18n.t(title)}</p>
                {detail.map(|key| view! { <p>{move || i18n.t(key)}</p> })}
                {children.map(|c| view! { <div class="actions">{c()}</div> })}
            </div>
        </div>
    }
}
