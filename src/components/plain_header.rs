use crate::components::{Icon, LanguageSwitcher};
use crate::i18n::{Key, Tr};
use leptos::prelude::*;

/// The top bar of pages outside the signed-in shell: the name and the
/// language switcher, so a newcomer can change language before signing in.
#[component]
pub fn PlainHeader() -> impl IntoView {
    view! {
        <header class="topbar plain">
            <span class="brand"><Icon name="leaf"/><Tr key=Key::AppName/></span>
            <LanguageSwitcher/>
        </header>
    }
}
