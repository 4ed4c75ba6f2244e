fn main() {
    noibo::crash::install_panic_screen();
    // The static first frame goes in the same task as the app's own first
    // frame arrives: no blank frame between them.
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(noibo::app::App);
}
