//! The internal store, HR side: the order queue, products, and the
//! allowance policy.

mod orders;
mod policy;
mod products;

pub use orders::HrOrders;
pub use policy::HrPolicy;
pub use products::{HrProductForm, HrProducts};

use crate::i18n::Key;
use crate::portals::hr_frame::HrFrame;
use leptos::prelude::*;

/// The store's HR pages share the HR frame, with the store's tabs.
#[component]
fn HrStoreFrame(#[prop(into)] title: Signal<Key>, children: ChildrenFn) -> impl IntoView {
    view! { <HrFrame portal=&super::PORTAL title children/> }
}
