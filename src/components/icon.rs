use leptos::prelude::*;

/// A decorative line icon; the text beside it carries the meaning.
#[component]
pub fn Icon(
    /// One of: home, user, team, bag, leaf, chat, book, check, lock, alert.
    name: &'static str,
) -> impl IntoView {
    let path = match name {
        "home" => "M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z",
        "user" => "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-8 9a8 8 0 0 1 16 0",
        "team" => "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zm-7 9a7 7 0 0 1 14 0m1-9a3 3 0 1 0 0-6m2 15h3a6 6 0 0 0-4-5.6",
        "leaf" => "M5 19C5 9 11 4 20 4c0 9-5 15-15 15zm0 0l8-8",
        "chat" => "M4 5h16v11H10l-5 4v-4H4z",
        "check" => "M5 12.5l4.5 4.5L19 7.5",
        "bag" => "M5 8h14l-1 12H6zm4 0V6a3 3 0 0 1 6 0v2",
        "book" => "M4 5.5C6.5 4 9.5 4 12 6c2.5-2 5.5-2 8-.5V19c-2.5-1.5-5.5-1.5-8 .5-2.5-2-5.5-2-8-.5zM12 6v13.5",
        "lock" => "M6 11h12v9H6zm2 0V8a4 4 0 0 1 8 0v3",
        _ => "M12 4l9 16H3zm0 6v4m0 3v.5",
    };
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path/>
        </svg>
    }
}
