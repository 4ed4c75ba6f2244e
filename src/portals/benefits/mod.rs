//! Benefits (Phúc lợi): leave that follows Vietnamese labour law. Members
//! see their balances and ask for leave; approvers decide, delegate and
//! see their team's month; HR reviews every request, allocations, the
//! holiday calendar and the leave types. Everything Benefits is on this
//! side lives in this folder:
//! - `api.rs`: its calls (`LeaveApi`), and `demo.rs` / `http.rs`, their two
//!   implementations (the demo one with its own stored data);
//! - `member/` and `hr/`: its pages; `labels.rs`: its enums' texts;
//! - `routes.rs`: its route group.
//!
//! Its pages are a wasm module of their own (`*-split_benefits.wasm`),
//! reached only through [`draw`].

pub mod api;
pub mod demo;
pub mod hr;
pub mod http;
pub mod labels;
pub mod member;
mod routes;

pub use api::{leave_resource, use_leave, LeaveApi};
pub use routes::BenefitsRoutes;

use super::lazy::split_module;
use super::{HrPage, Portal, SeenBy};
use crate::i18n::Key;
use leptos::prelude::*;

pub const PORTAL: Portal = Portal {
    name: "benefits",
    icon: "leaf",
    label: Key::NavBenefits,
    paths: &["/benefits", "/hr/benefits"],
    seen_by: SeenBy::Members,
    prefetch: || MODULE.prefetch(),
    signed_in: |_| {},
    home_card: Some(|| MODULE.page(BenefitsPage::HomeCard)),
    hr_pages: &[
        HrPage { path: "/hr/benefits", label: Key::HrLeaveRequests, summary: Key::HrLeaveRequestsSummary },
        HrPage { path: "/hr/benefits/allocations", label: Key::HrLeaveAllocations, summary: Key::HrLeaveAllocationsSummary },
        HrPage { path: "/hr/benefits/holidays", label: Key::HrLeaveHolidays, summary: Key::HrLeaveHolidaysSummary },
        HrPage { path: "/hr/benefits/types", label: Key::HrLeaveTypes, summary: Key::HrLeaveTypesSummary },
    ],
};

split_module!(pub MODULE: BenefitsPage = benefits(draw), Key::NavBenefits, texts = crate::i18n::portal_texts::BENEFITS);

/// What the portal's module draws: the home page's card, or the page at
/// the current path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BenefitsPage {
    HomeCard,
    AtPath,
}

fn draw(page: BenefitsPage) -> AnyView {
    crate::i18n::labels::register_rule_messages(labels::rule_message);
    match page {
        BenefitsPage::HomeCard => view! { <member::HomeCard/> }.into_any(),
        BenefitsPage::AtPath => view! { <PageAtPath/> }.into_any(),
    }
}

/// The portal's pages by path, under its two routes (`routes.rs`): the
/// router's matching code grows with every route it knows, in the first
/// load, so the module tells its pages apart itself.
fn page_at(path: &str) -> AnyView {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    match parts.as_slice() {
        ["benefits"] => view! { <member::LeavePage/> }.into_any(),
        ["benefits", "new"] => view! { <member::RequestForm/> }.into_any(),
        ["benefits", "requests", id] => match id.parse() {
            Ok(id) => view! { <member::RequestPage id=domain::benefits::LeaveRequestId(id)/> }.into_any(),
            Err(_) => view! { <crate::pages::NotFound/> }.into_any(),
        },
        ["benefits", "approvals"] => view! { <member::ApprovalsPage/> }.into_any(),
        ["benefits", "team"] => view! { <member::TeamPage/> }.into_any(),
        ["benefits", "delegations"] => view! { <member::DelegationsPage/> }.into_any(),
        ["hr", "benefits"] => view! { <hr::HrRequests/> }.into_any(),
        ["hr", "benefits", "allocations"] => view! { <hr::HrAllocations/> }.into_any(),
        ["hr", "benefits", "holidays"] => view! { <hr::HrHolidays/> }.into_any(),
        ["hr", "benefits", "types"] => view! { <hr::HrTypes/> }.into_any(),
        _ => view! { <crate::pages::NotFound/> }.into_any(),
    }
}

/// The page at the current path, drawn again when the path changes.
#[component]
fn PageAtPath() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let base = crate::browser::base_path();
    let path = Memo::new(move |_| {
        let full = location.pathname.get();
        full.strip_prefix(base.as_str()).filter(|p| p.starts_with('/')).unwrap_or(&full).to_owned()
    });
    move || page_at(&path.get())
}

/// Today on the member's clock (the year a page opens on, the form's
/// first day); the backend judges with its own.
pub fn today() -> domain::Date {
    use domain::common::Clock;
    crate::browser::BrowserClock.now().date()
}
