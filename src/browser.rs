//! The few browser facilities the app needs, each failing soft: private
//! browsing or a locked-down WebView must never crash the portal.

use domain::common::Clock;
use domain::{Lang, Timestamp};

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Best effort: a full or disabled storage loses the value, not the page.
pub fn write(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Best effort, like [`write`].
pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// The first of the browser's preferred languages that we speak.
pub fn preferred_language() -> Option<Lang> {
    let navigator = web_sys::window()?.navigator();
    let languages = navigator.languages();
    let listed = languages.iter().filter_map(|tag| tag.as_string());
    listed.chain(navigator.language()).find_map(|tag| Lang::from_tag(&tag))
}

pub fn set_document_lang(tag: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", tag);
    }
}

/// The browser's clock: what the demo backend runs on.
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now(&self) -> Timestamp {
        Timestamp::from_unix_millis(js_sys::Date::now() as i64)
    }
}

/// A fresh random `Idempotency-Key` (128 bits as hex). It only has to be
/// unique per member, not secret.
pub fn new_request_key() -> String {
    let half = || (js_sys::Math::random() * 2f64.powi(53)) as u64;
    format!("{:016x}{:016x}", half(), half())
}

/// The path the app is served under, from `<base href>` (Trunk's
/// `--public-url`), without a trailing slash: `""` at the root.
/// Read once: it cannot change while the page lives, and every link needs it.
pub fn base_path() -> String {
    thread_local! {
        static BASE_PATH: String = {
            let base_uri = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten());
            let path = base_uri.and_then(|uri| web_sys::Url::new(&uri).ok()).map(|url| url.pathname()).unwrap_or_default();
            path.trim_end_matches('/').to_owned()
        };
    }
    BASE_PATH.with(Clone::clone)
}

/// An app path (`/profile`) as a link target under the base path. The
/// router's `<A>` leaves absolute paths alone, so links go through this.
pub fn app_href(path: &str) -> String {
    let href = format!("{}{path}", base_path());
    if href.is_empty() {
        "/".to_owned()
    } else {
        href
    }
}

/// Saves `text` as a file download. A byte-order mark goes first so that
/// spreadsheet programs read Vietnamese names as UTF-8.
pub fn download_text(file_name: &str, mime: &str, text: &str) {
    // One byte order mark, whether or not the text came with one: the demo
    // backend's export has it, and `Response::text` strips the server's.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    download(file_name, mime, &format!("\u{FEFF}{text}"));
}

/// Saves `text` exactly as it is as a file download (a calendar invitation,
/// which must not start with a byte order mark).
pub fn download(file_name: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let link = web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("a").ok());
    if let Some(link) = link.and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Replaces the current URL with an app path (`/hr/store/products/7`)
/// without a navigation: no history entry, no router work.
pub fn replace_app_path(path: &str) {
    replace_url(&app_href(path));
}

/// Replaces the query string of the current URL (`?q=tea`, or `""`)
/// without a navigation: no history entry, no router work.
pub fn replace_query(search: &str) {
    let Some(window) = web_sys::window() else { return };
    let path = window.location().pathname().unwrap_or_default();
    replace_url(&format!("{path}{search}"));
}

fn replace_url(url: &str) {
    if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// Focuses the first element matching `selector`, making it focusable
/// first if it is not (a heading, a summary); whether there was one.
pub fn focus_first(selector: &str) -> bool {
    use wasm_bindgen::JsCast;
    let found = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten());
    let Some(element) = found.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    element.focus().is_ok()
}

/// Scrolls the first element matching `container` sideways, as little as
/// needed, to show the first element inside it matching `entry`.
pub fn reveal_sideways(container: &str, entry: &str) {
    use wasm_bindgen::JsCast;
    let bar = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(container).ok().flatten());
    let Some(bar) = bar else { return };
    let found = bar.query_selector(entry).ok().flatten().and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(found) = found else { return };
    // offsetLeft counts from the bar's start, whatever it is scrolled to: the
    // bar is positioned, so it is its entries' offset parent.
    let (left, right) = (found.offset_left(), found.offset_left() + found.offset_width());
    let (shown_from, shown_to) = (bar.scroll_left(), bar.scroll_left() + bar.client_width());
    if left < shown_from {
        bar.set_scroll_left(left);
    } else if right > shown_to {
        bar.set_scroll_left(right - bar.client_width());
    }
}

/// The element that has focus, if any but the page itself.
pub fn focused() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let body: Option<web_sys::Element> = document.body().map(Into::into);
    document.active_element().filter(|el| Some(el) != body.as_ref())
}

/// A fetch the boot script (`web/boot.js`) started and left on `window`
/// under `name`, if it did: its response, or `Err` for a network error.
pub fn started_fetch(name: &str) -> Option<impl std::future::Future<Output = Result<gloo_net::http::Response, wasm_bindgen::JsValue>>> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let promise = js_sys::Reflect::get(&window, &name.into()).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    Some(async move {
        let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(promise).await?.dyn_into()?;
        Ok(gloo_net::http::Response::from(response))
    })
}
