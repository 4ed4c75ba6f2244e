//! Interface language: compile-time-checked keys, the chosen language in
//! context, and formatting of money and dates.

pub mod format;
pub mod labels;

use crate::browser;
use domain::Lang;
use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

const LANG_STORAGE_KEY: &str = "noibo.lang";

/// One portal's texts (`locales/<portal>.*.json`): they download with its
/// module, which registers them when it loads.
pub struct PortalTexts {
    pub index: usize,
    /// Where its keys start in [`Key`].
    pub first: usize,
    pub vi: &'static [&'static str],
    pub en: &'static [&'static str],
}

/// The portal texts registered so far, by portal index.
static LOADED: [std::sync::OnceLock<&'static PortalTexts>; PORTAL_RANGES.len()] = [const { std::sync::OnceLock::new() }; PORTAL_RANGES.len()];

/// Makes a portal's texts available; its module calls this as it loads.
pub fn register(texts: &'static PortalTexts) {
    let _ = LOADED[texts.index].set(texts);
}

/// The text of `key` in `lang`. A portal's text before its module has
/// loaded is empty: only the module's own code names those keys (the build
/// checks), and it runs after the registration.
pub fn text(key: Key, lang: Lang) -> &'static str {
    let index = key as usize;
    let Some(portal) = PORTAL_RANGES.iter().position(|&(first, end)| (first..end).contains(&index)) else {
        return match lang {
            Lang::Vi => VI[index],
            Lang::En => EN[index],
        };
    };
    let Some(texts) = LOADED[portal].get() else { return "" };
    let table = match lang {
        Lang::Vi => texts.vi,
        Lang::En => texts.en,
    };
    table[index - texts.first]
}

/// The text of `key` with each `{name}` replaced by its value.
pub fn fill(key: Key, lang: Lang, values: &[(&str, &str)]) -> String {
    values.iter().fold(text(key, lang).to_owned(), |acc, (name, value)| acc.replace(&format!("{{{name}}}"), value))
}

/// The language the member chose on this device, if any.
pub fn stored_lang() -> Option<Lang> {
    browser::read(LANG_STORAGE_KEY).as_deref().and_then(Lang::from_tag)
}

/// The interface language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// Picks the stored choice, else the browser's language when it is
    /// English, else Vietnamese; keeps `<html lang>` and storage in step.
    pub fn provide() -> I18n {
        let initial = stored_lang().or_else(browser::preferred_language).unwrap_or_default();
        let i18n = I18n { lang: RwSignal::new(initial) };
        Effect::new(move |_| browser::set_document_lang(i18n.lang.get().tag()));
        provide_context(i18n);
        i18n
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn set_lang(&self, lang: Lang) {
        browser::write(LANG_STORAGE_KEY, lang.tag());
        self.lang.set(lang);
    }

    /// Reactive text of `key` in the current language.
    pub fn t(&self, key: Key) -> &'static str {
        text(key, self.lang.get())
    }

    /// Reactive text of `key` with placeholders filled.
    pub fn fill(&self, key: Key, values: &[(&str, &str)]) -> String {
        fill(key, self.lang.get(), values)
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The text of `key`, following the language switch. One component for
/// every translated text node keeps the wasm small: a closure per text
/// would each compile its own copy of the rendering code.
#[component]
pub fn Tr(key: Key) -> impl IntoView {
    let i18n = use_i18n();
    move || i18n.t(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_text_in_both_languages() {
        for (lang, table) in [(Lang::Vi, &VI), (Lang::En, &EN)] {
            assert!(table.iter().all(|t| !t.trim().is_empty()), "{lang:?} has an empty string");
        }
        assert_eq!(text(Key::NavHome, Lang::Vi), "Trang chủ");
        assert_eq!(text(Key::NavHome, Lang::En), "Home");
    }

    #[test]
    fn the_yearly_money_allowance_and_the_monthly_item_limit_have_different_words() {
        let says = |key, word: &str| text(key, Lang::Vi).to_lowercase().contains(word);
        for key in [Key::StoreAllowanceLabel, Key::HrStorePolicy, Key::HrStoreDefaultLimit, Key::StoreRuleAllowance] {
            assert!(says(key, "hạn mức"), "{key:?} is about the yearly allowance");
        }
        for key in [Key::HrStoreQuota, Key::StoreQuotaLeft, Key::StoreQuotaUsedUp, Key::StoreRuleQuota] {
            assert!(!says(key, "hạn mức") && says(key, "tháng"), "{key:?} is about the monthly limit: {}", text(key, Lang::Vi));
        }
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        assert_eq!(fill(Key::HomeGreeting, Lang::En, &[("name", "Lan")]), "Hello, Lan");
        assert_eq!(fill(Key::HomeGreeting, Lang::Vi, &[("name", "Lan")]), "Xin chào, Lan");
    }
}
