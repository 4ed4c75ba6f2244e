use crate::components::{Icon, LanguageSwitcher};
use crate::i18n::{I18n, Key};
use leptos::prelude::*;

/// The top bar of pages outside the signed-in shell: the name and the
/// language switcher, so a newcomer can change language before signing in.
#[component]
pub fn PlainHeader() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <header class="topbar plain">
            <span class="brand"><Icon name="leaf"/>{move || i18n.t(Key::AppName)}</span>
            <LanguageSwitcher/>
        </header>
    }
}
