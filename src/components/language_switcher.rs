use crate::i18n::{I18n, Key};
use domain::Lang;
use leptos::prelude::*;

/// Two toggle buttons, VI and EN. The choice is remembered on this device.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let button = move |lang: Lang, short: Key, name: Key| {
        view! {
            <button
                type="button"
                class="lang-option"
                lang=lang.tag()
                aria-pressed=move || (i18n.lang() == lang).to_string()
                on:click=move |_| i18n.set_lang(lang)
            >
                <span aria-hidden="true">{move || i18n.t(short)}</span>
                <span class="visually-hidden">{move || i18n.t(name)}</span>
            </button>
        }
    };
    view! {
        <div class="lang-switcher" role="group" aria-label=move || i18n.t(Key::LangLabel)>
            {button(Lang::Vi, Key::LangViShort, Key::LangVi)}
            {button(Lang::En, Key::LangEnShort, Key::LangEn)}
        </div>
    }
}
