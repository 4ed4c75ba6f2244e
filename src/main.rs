fn main() {
    noibo::crash::install_panic_screen();
    leptos::mount::mount_to_body(noibo::app::App);
}
