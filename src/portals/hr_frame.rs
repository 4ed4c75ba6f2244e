//! The frame of every HR page of a portal: its heading, and tabs to the
//! portal's other HR pages, as the portal declares them (`Portal::hr_pages`).

use super::Portal;
use crate::browser::app_href;
use crate::components::StatusMessage;
use crate::i18n::{use_i18n, Key};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::components::A;

/// An HR page of `portal`: its `<h1>`, the tabs, then the page; anyone not
/// in HR reads "not for your role" instead.
#[component]
pub fn HrFrame(portal: &'static Portal, #[prop(into)] title: Signal<Key>, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        if !session.is_hr() {
            return view! { <StatusMessage title=Key::ErrorForbidden page=true/> }.into_any();
        }
        view! {
            <h1>{move || i18n.t(title.get())}</h1>
            <nav class="tabs" aria-label=move || i18n.fill(Key::HrTabsLabel, &[("portal", i18n.t(portal.label))])>
                {portal.hr_pages.iter().map(|page| view! {
                    <A href=app_href(page.path) exact=page.exact_in(portal.hr_pages)>{move || i18n.t(page.label)}</A>
                }).collect_view()}
            </nav>
            {children()}
        }
        .into_any()
    }
}
