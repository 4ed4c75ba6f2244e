//! Leave, HR side: every request (and payroll's export), everyone's
//! allocation with adjustments, the holiday calendar, the leave types.

mod allocations;
mod holidays;
mod requests;
mod types;

pub use allocations::HrAllocations;
pub use holidays::HrHolidays;
pub use requests::HrRequests;
pub use types::HrTypes;

use crate::i18n::Key;
use crate::portals::hr_frame::HrFrame;
use leptos::prelude::*;

#[component]
fn HrLeaveFrame(#[prop(into)] title: Signal<Key>, children: ChildrenFn) -> impl IntoView {
    view! { <HrFrame portal=&super::PORTAL title children/> }
}
