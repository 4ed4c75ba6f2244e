//! The internal store, HR side: the order queue, products, and the
//! allowance policy.

mod orders;
mod policy;
mod products;

pub use orders::HrOrders;
pub use policy::HrPolicy;
pub use products::{HrProductForm, HrProducts};

use crate::browser::app_href;
use crate::components::StatusMessage;
use crate::i18n::{use_i18n, Key, Tr};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::components::A;

/// The HR store pages' heading and tabs; others read "not for your role".
#[component]
fn HrStoreFrame(#[prop(into)] title: Signal<Key>, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        if !session.is_hr() {
            return view! { <StatusMessage title=Key::ErrorForbidden page=true/> }.into_any();
        }
        view! {
            <h1>{move || i18n.t(title.get())}</h1>
            <nav class="tabs" aria-label=move || i18n.t(Key::HrStoreTabsLabel)>
                <A href=app_href("/hr/store") exact=true><Tr key=Key::HrStoreOrders/></A>
                <A href=app_href("/hr/store/products")><Tr key=Key::HrStoreProducts/></A>
                <A href=app_href("/hr/store/allowance")><Tr key=Key::HrStorePolicy/></A>
            </nav>
            {children()}
        }
        .into_any()
    }
}
