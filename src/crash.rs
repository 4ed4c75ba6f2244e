//! A panic must never leave a blank page: it replaces the page with a
//! translated "something went wrong — reload" screen.

use crate::i18n::{stored_lang, text, Key};

pub fn install_panic_screen() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_screen();
    }));
}

/// Replaces the whole page with the crash screen.
pub fn show_crash_screen() {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        render_crash_screen(&body);
    }
}

/// Replaces `root`'s content with the crash screen. Plain DOM, no
/// reactivity: after a panic the app's own state cannot be trusted.
pub fn render_crash_screen(root: &web_sys::HtmlElement) {
    let lang = stored_lang().unwrap_or_default();
    let screen = format!(
        r#"<main class="crash" role="alert"><h1>{}</h1><p>{}</p><a class="button" href="">{}</a></main>"#,
        text(Key::CrashTitle, lang),
        text(Key::CrashBody, lang),
        text(Key::CrashReload, lang),
    );
    root.set_inner_html(&screen);
}
