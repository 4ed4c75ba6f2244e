//! Anonymous feedback for members: the portal's home (writing to HR or
//! one's leadership, one's conversations, open surveys), a conversation,
//! opening one with its recovery code, the ideas board and a survey; and
//! the home page's card of open surveys.

mod card;
mod home;
mod ideas;
mod open;
mod survey;
mod thread;
mod write;

pub use card::HomeCard;
pub use home::FeedbackHomePage;
pub use ideas::IdeasPage;
pub use open::{OpenForm, OpenPage};
pub use survey::SurveyPage;
pub use thread::ThreadPage;

use crate::api::{Api, Chosen};
use crate::browser::app_href;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::feedback::feedback_resource;
use crate::portals::feedback::keeper::use_keeper;
use domain::feedback::wire::FeedbackHome;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

/// Whether the backend is the demo one, whose "server" runs in this very
/// browser: there anonymity can only be illustrated.
#[derive(Clone, Copy)]
struct OnDemo(bool);

pub fn on_demo() -> bool {
    expect_context::<Api>().portal(|chosen| OnDemo(matches!(chosen, Chosen::Demo(_)))).0
}

/// How many anonymous messages the member may still send this month:
/// what the backend would still issue, and the tokens this browser holds.
/// Asked again as tokens come and go, so fetching ahead changes nothing.
pub fn use_messages_left(home: &FeedbackHome) -> Signal<usize> {
    let keeper = use_keeper();
    let wallet = keeper.wallet.clone();
    let fetched = keeper.fetched.clone();
    let month = home.month.clone();
    let held = Memo::new(move |_| wallet.with(|w| w.message_tokens(&month)));
    // The first answer is the one the page has: asked again only on a change.
    let loaded = std::cell::Cell::new(Some(home.clone()));
    let asked = feedback_resource(move |api| {
        fetched.track();
        held.track();
        let loaded = loaded.take();
        async move {
            match loaded {
                Some(home) => Ok(home),
                None => api.home().await,
            }
        }
    });
    let first = home.messages_left;
    Signal::derive(move || asked.get().and_then(Result::ok).map_or(first, |h| h.messages_left) as usize + held.get())
}

/// Back to the portal's home.
#[component]
fn BackLink() -> impl IntoView {
    view! { <A href=app_href("/feedback") attr:class="back-link"><Tr key=Key::FeedbackBack/></A> }
}

/// A recovery code, large, with a button that copies it.
#[component]
pub fn RecoveryCode(
    /// The code as shown (`7K3Q5-MX2A-…`).
    code: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let said = RwSignal::new(None::<Key>);
    let copied = code.clone();
    let copy = move |_| {
        let code = copied.clone();
        leptos::task::spawn_local(async move {
            let done = copy_text(&code).await;
            said.set(Some(if done { Key::FeedbackCopied } else { Key::FeedbackCopyFailed }));
        });
    };
    view! {
        // Its groups wrap as wholes on a narrow phone.
        <p class="recovery-code" data-testid="recovery-code" translate="no">
            {code.split('-').enumerate().map(|(i, group)| view! { {(i > 0).then_some("-")}<span>{group.to_owned()}</span> }).collect_view()}
        </p>
        <p class="actions">
            <button type="button" class="button secondary" on:click=copy><Tr key=Key::FeedbackCopy/></button>
            <span role="status" class="muted">{move || said.get().map(|key| i18n.t(key))}</span>
        </p>
    }
}

/// Puts `text` on the clipboard; whether it could.
async fn copy_text(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return false };
    // Missing outside a secure context (plain HTTP but localhost).
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard.and_then(|c| c.dyn_into::<web_sys::Clipboard>().ok()) else { return false };
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
