use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <main class="page narrow" id="main">
            <h1>{move || i18n.t(Key::NotFoundTitle)}</h1>
            <p>{move || i18n.t(Key::NotFoundBody)}</p>
            <A href=crate::browser::app_href("/") attr:class="button">{move || i18n.t(Key::NotFoundHome)}</A>
        </main>
    }
}
