fn main() {
    noibo::crash::install_panic_screen();
    if let Some(window) = web_sys::window() {
        // Tells web/boot.js, should it run only now, that the app fetches
        // what it needs itself.
        let _ = js_sys::Reflect::set(&window, &"noiboStarted".into(), &true.into());
        // The static first frame goes in the task in which the app's own
        // first frame arrives: no blank frame between them.
        if let Some(boot) = window.document().and_then(|d| d.get_element_by_id("boot")) {
            boot.remove();
        }
    }
    leptos::mount::mount_to_body(noibo::app::App);
}
