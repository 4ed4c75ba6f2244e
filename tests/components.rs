//! Component tests in headless Chromium: mount, click, read the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use noibo::api::config::{Config, ConfigError};
use noibo::app::Configured;
use noibo::components::LanguageSwitcher;
use noibo::i18n::I18n;
use noibo::pages::ConfigErrorPage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A clean device whose member chose Vietnamese (the test browser is English).
fn fresh_storage_in_vietnamese() {
    storage().clear().unwrap();
    storage().set_item("noibo.lang", "vi").unwrap();
}

/// A fresh element to mount into, so tests do not see each other's DOM.
fn container() -> web_sys::HtmlElement {
    let div: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets effects, tasks and microtasks run.
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `ready` holds, for up to two seconds.
async fn eventually(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..100 {
        if ready() {
            return;
        }
        settle(20).await;
    }
    panic!("timed out waiting for {what}");
}

fn click(root: &web_sys::HtmlElement, selector: &str) {
    let element: web_sys::HtmlElement = root.query_selector(selector).unwrap().expect(selector).unchecked_into();
    element.click();
}

#[wasm_bindgen_test]
async fn the_language_switcher_changes_the_language_and_remembers_it() {
    fresh_storage_in_vietnamese();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        I18n::provide();
        view! { <LanguageSwitcher/> }
    });
    settle(0).await;
    let pressed = |lang: &str| root.query_selector(&format!("button[lang={lang}]")).unwrap().unwrap().get_attribute("aria-pressed");
    assert_eq!(pressed("vi").as_deref(), Some("true"), "the stored choice wins over the browser");

    click(&root, "button[lang=en]");
    settle(0).await;
    assert_eq!(pressed("en").as_deref(), Some("true"));
    assert_eq!(pressed("vi").as_deref(), Some("false"));
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(storage().get_item("noibo.lang").unwrap().as_deref(), Some("en"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_broken_config_explains_itself_to_the_operator() {
    fresh_storage_in_vietnamese();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        I18n::provide();
        let error = Config::parse(r#"{"backend":"ftp"}"#).unwrap_err();
        assert!(matches!(error, ConfigError::Invalid { .. }));
        view! { <ConfigErrorPage error/> }
    });
    settle(0).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Cổng thông tin chưa được cấu hình đúng"), "{text}");
    assert!(text.contains("unknown variant `ftp`"), "the parser's detail is shown: {text}");
    assert!(text.contains(r#"{"backend":"demo"}"#), "an example is shown: {text}");
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_shell_shows_a_member_their_navigation_but_not_the_hr_area() {
    fresh_storage_in_vietnamese();
    // Lan (member 1) signed in earlier: the session survives.
    storage().set_item("noibo.demo", r#"{"version":1,"data":{"session":1}}"#).unwrap();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        I18n::provide();
        let demo = noibo::api::demo::Demo::new(noibo::api::demo::DemoBackend::load(std::rc::Rc::new(noibo::browser::BrowserClock)));
        view! { <Configured chosen=noibo::api::Chosen::Demo(demo)/> }
    });
    eventually("the shell", || root.query_selector("nav").unwrap().is_some()).await;
    eventually("the greeting", || root.text_content().unwrap().contains("Xin chào, Lan")).await;
    let nav = root.query_selector("nav").unwrap().unwrap().text_content().unwrap();
    assert!(nav.contains("Trang chủ") && nav.contains("Hồ sơ"), "{nav}");
    assert!(!nav.contains("Nhân sự"), "a member must not see the HR area: {nav}");

    click(&root, "button[lang=en]");
    eventually("English", || root.text_content().unwrap().contains("Hello, Lan")).await;
    let nav = root.query_selector("nav").unwrap().unwrap().text_content().unwrap();
    assert!(nav.contains("Home") && nav.contains("Profile"), "{nav}");
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_panic_replaces_the_page_with_a_reload_screen() {
    storage().clear().unwrap();
    storage().set_item("noibo.lang", "en").unwrap();
    let body = container();
    noibo::crash::render_crash_screen(&body);
    let text = body.text_content().unwrap();
    assert!(text.contains("Something went wrong"), "{text}");
    let reload = body.query_selector("a.button").unwrap().expect("a reload link");
    assert_eq!(reload.get_attribute("href").as_deref(), Some(""));
}

/// Provides what `Loadable` needs outside the app: language and a session.
fn provide_app_context() {
    I18n::provide();
    noibo::api::Api::provide(noibo::api::Chosen::Demo(noibo::api::demo::Demo::new(noibo::api::demo::DemoBackend::load(std::rc::Rc::new(
        noibo::browser::BrowserClock,
    )))));
    noibo::session::Session::provide();
}

#[wasm_bindgen_test]
async fn a_failed_region_offers_a_retry_that_recovers() {
    use noibo::api::ApiError;
    use noibo::components::Loadable;
    fresh_storage_in_vietnamese();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        provide_app_context();
        let attempts = StoredValue::new(0);
        let data = LocalResource::new(move || {
            attempts.update_value(|n| *n += 1);
            let attempt = attempts.get_value();
            async move {
                if attempt == 1 {
                    Err(ApiError::Server { status: 503 })
                } else {
                    Ok("loaded")
                }
            }
        });
        view! { <Loadable resource=data render=|text| view! { <p class="content">{text}</p> }/> }
    });
    eventually("the error", || root.text_content().unwrap().contains("Máy chủ đang gặp sự cố")).await;
    click(&root, "button.button");
    eventually("the content after retry", || root.query_selector(".content").unwrap().is_some()).await;
    assert!(!root.text_content().unwrap().contains("Máy chủ đang gặp sự cố"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_failed_region_beside_a_loaded_one_still_shows_its_error() {
    use noibo::api::ApiError;
    use noibo::components::Loadable;
    fresh_storage_in_vietnamese();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        provide_app_context();
        let ok = LocalResource::new(|| async {
            settle(30).await;
            Ok::<_, ApiError>("first")
        });
        let failing = LocalResource::new(|| async {
            settle(60).await;
            Err::<&str, _>(ApiError::Server { status: 503 })
        });
        view! {
            <Loadable resource=ok render=|text| view! { <p class="first">{text}</p> }/>
            <section>
                <Loadable resource=failing render=|text| view! { <p>{text}</p> }/>
            </section>
        }
    });
    eventually("the first region", || root.query_selector(".first").unwrap().is_some()).await;
    eventually("the second region's error", || root.text_content().unwrap().contains("Máy chủ đang gặp sự cố")).await;
    drop(handle);
}

fn active_id() -> Option<String> {
    document().active_element().map(|el| el.id())
}

#[wasm_bindgen_test]
async fn an_error_summary_takes_focus_when_errors_appear_and_leads_to_each_field() {
    use domain::common::{FieldError, Rule};
    use noibo::components::{ErrorSummary, FieldTarget};
    fresh_storage_in_vietnamese();
    let root = container();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let handle = leptos::mount::mount_to(root.clone(), move || {
        I18n::provide();
        let target = Callback::new(|field: String| (field == "stock").then(|| FieldTarget { id: "summary-stock".to_owned(), label: "Tồn kho".to_owned() }));
        view! {
            <form>
                <ErrorSummary errors target/>
                <input id="summary-stock"/>
                <button id="summary-save" type="button">"Lưu"</button>
            </form>
        }
    });
    settle(0).await;
    assert!(root.query_selector(".error-summary").unwrap().is_none(), "no errors, no summary");
    let button: web_sys::HtmlElement = root.query_selector("#summary-save").unwrap().unwrap().unchecked_into();
    button.focus().unwrap();

    let range = FieldError { field: "stock".into(), rule: Some(Rule::OutOfRange), limit: Some(1_000_000), min: Some(0), message: String::new() };
    let unknown = FieldError { field: "elsewhere".into(), rule: Some(Rule::Required), limit: None, min: None, message: String::new() };
    errors.set(vec![range, unknown]);
    eventually("focus on the summary", || document().active_element().is_some_and(|el| el.class_list().contains("error-summary"))).await;
    let summary = root.query_selector(".error-summary").unwrap().unwrap();
    let text = summary.text_content().unwrap();
    assert!(text.contains("Cần sửa 2 chỗ"), "{text}");
    let link = summary.query_selector("a").unwrap().expect("a link to the stock field");
    assert_eq!(link.text_content().unwrap(), "Tồn kho: Nhập một số nguyên từ 0 đến 1.000.000.");
    let second = summary.query_selector("li:nth-of-type(2)").unwrap().expect("the other error, listed");
    assert!(second.query_selector("a").unwrap().is_none(), "a field the form does not show has no link");

    click(&root, ".error-summary a");
    settle(0).await;
    assert_eq!(active_id().as_deref(), Some("summary-stock"));

    // The same errors again (a second submit): focus comes back to the summary.
    button.focus().unwrap();
    errors.update(|_| {});
    eventually("focus on the summary again", || document().active_element().is_some_and(|el| el.class_list().contains("error-summary"))).await;
    errors.set(Vec::new());
    settle(0).await;
    assert!(root.query_selector(".error-summary").unwrap().is_none());
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_failed_action_offers_only_what_can_work() {
    use noibo::api::ApiError;
    use noibo::components::ActionError;
    use noibo::i18n::Key;
    use noibo::session::{use_session, SessionState};
    fresh_storage_in_vietnamese();
    let root = container();
    let retried = RwSignal::new(0);
    let session = StoredValue::new(None);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_app_context();
        session.set_value(Some(use_session()));
        view! {
            <div id="network"><ActionError error=ApiError::Network kept=Key::FormKept retry=move || retried.update(|n| *n += 1)/></div>
            <div id="expired"><ActionError error=ApiError::Unauthorized kept=Key::FormKept retry=move || retried.update(|n| *n += 1)/></div>
            <div id="invalid"><ActionError error=ApiError::Invalid { fields: Vec::new() }/></div>
        }
    });
    settle(0).await;
    let text = |id: &str| root.query_selector(&format!("#{id}")).unwrap().unwrap().text_content().unwrap();
    assert!(text("network").contains("Không kết nối được với máy chủ"), "{}", text("network"));
    assert!(text("network").contains("Những gì bạn đã nhập vẫn còn nguyên"), "retrying can help, so what is kept is said");
    click(&root, "#network button");
    assert_eq!(retried.get_untracked(), 1);

    assert!(text("expired").contains("Phiên đăng nhập đã hết hạn"));
    assert!(!text("expired").contains("Thử lại"), "a retry without a session cannot work");
    assert!(!text("expired").contains("vẫn còn nguyên"));
    click(&root, "#expired button");
    let state = session.get_value().unwrap().state();
    assert_eq!(state, SessionState::SignedOut { return_here: true }, "sign-in comes back to this page");
    assert_eq!(text("invalid"), "", "a broken rule is shown at its field");
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_confirm_button_moves_focus_to_its_question_and_back() {
    use noibo::components::ConfirmButton;
    use noibo::i18n::Key;
    fresh_storage_in_vietnamese();
    let root = container();
    let acted = RwSignal::new(false);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        I18n::provide();
        view! {
            <ConfirmButton label="Hủy đơn".to_owned() question="Hủy đơn này?".to_owned() yes=Key::StoreCancelConfirm no=Key::StoreCancelKeep
                pending=false act=move || acted.set(true)/>
        }
    });
    settle(0).await;
    click(&root, "button");
    eventually("focus on the question", || document().active_element().is_some_and(|el| el.get_attribute("role").as_deref() == Some("group"))).await;
    click(&root, ".confirm .button.secondary");
    eventually("focus back on the button", || {
        document().active_element().is_some_and(|el| el.tag_name() == "BUTTON" && el.text_content().as_deref() == Some("Hủy đơn"))
    })
    .await;
    assert!(!acted.get_untracked(), "only the explicit yes acts");
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_lessons_markdown_draws_html_and_script_payloads_as_text() {
    use noibo::portals::training::markdown::Markdown;
    let root = container();
    let payloads = [
        "<script>window.pwned = 1</script>",
        "<img src=x onerror=\"window.pwned = 2\">",
        "[click](javascript:window.pwned=3)",
        "<a href=\"https://x.example\" onclick=\"window.pwned=4\">x</a>",
    ];
    let source = format!("## Heading\n\n**bold** and [a video](https://video.noibo.example/a)\n\n{}", payloads.join("\n\n"));
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <Markdown source=source.clone()/> });
    settle(0).await;
    let text = root.text_content().unwrap();
    for payload in payloads {
        assert!(text.contains(payload), "{payload} is shown as the letters it is: {text}");
    }
    assert!(root.query_selector("script, img, [onerror], [onclick]").unwrap().is_none(), "no element came from the text");
    assert_eq!(root.inner_html().matches("<a ").count(), 1, "only the https link is a link");
    let link = root.query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://video.noibo.example/a"));
    assert!(root.query_selector("h2 + p strong").unwrap().is_some());
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "nothing in the lesson ran");
    drop(handle);
}
