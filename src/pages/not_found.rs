use crate::i18n::{Key, Tr};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <main class="page narrow" id="main">
            <h1><Tr key=Key::NotFoundTitle/></h1>
            <p><Tr key=Key::NotFoundBody/></p>
            <A href=crate::browser::app_href("/") attr:class="button"><Tr key=Key::NotFoundHome/></A>
        </main>
    }
}
