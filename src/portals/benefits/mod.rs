//! Benefits (Phúc lợi): leave that follows Vietnamese labour law. Members
//! see their balances and ask for leave; approvers decide, delegate and
//! see their team's month; HR reviews every request, allocations, the
//! holiday calendar and the leave types. Everything Benefits is on this
//! side lives in this folder:
//! - `api.rs`: its calls (`LeaveApi`), and `demo.rs` / `http.rs`, their two
//!   implementations (the demo one with its own stored data);
//! - `member/` and `hr/`: its pages, told apart by `page_at`; `labels.rs`:
//!   its enums' texts.
//!
//! Its pages are a wasm module of their own (`*-split_benefits.wasm`),
//! reached only through [`draw`].

pub mod api;
pub mod demo;
pub mod hr;
pub mod http;
pub mod labels;
pub mod member;

pub use api::{leave_resource, use_leave, LeaveApi};

use super::lazy::split_module;
use super::{not_found, HrPage, PageAtPath, Portal, SeenBy};
use crate::i18n::Key;
use leptos::prelude::*;

pub const PORTAL: Portal = Portal {
    name: "benefits",
    icon: "leaf",
    label: Key::NavBenefits,
    paths: &["/benefits", "/hr/benefits"],
    public_paths: &[],
    seen_by: SeenBy::Members,
    prefetch: || MODULE.prefetch(),
    signed_in: |_| {},
    home_card: Some(|| MODULE.page(BenefitsPage::HomeCard)),
    page: || MODULE.page(BenefitsPage::AtPath),
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
        BenefitsPage::AtPath => view! { <PageAtPath page_at/> }.into_any(),
    }
}

/// The portal's pages by the path's segments.
fn page_at(segments: &[&str]) -> AnyView {
    match segments {
        ["benefits"] => view! { <member::LeavePage/> }.into_any(),
        ["benefits", "new"] => view! { <member::RequestForm/> }.into_any(),
        ["benefits", "requests", id] => match id.parse() {
            Ok(id) => view! { <member::RequestPage id=domain::benefits::LeaveRequestId(id)/> }.into_any(),
            Err(_) => not_found(),
        },
        ["benefits", "approvals"] => view! { <member::ApprovalsPage/> }.into_any(),
        ["benefits", "team"] => view! { <member::TeamPage/> }.into_any(),
        ["benefits", "delegations"] => view! { <member::DelegationsPage/> }.into_any(),
        ["hr", "benefits"] => view! { <hr::HrRequests/> }.into_any(),
        ["hr", "benefits", "allocations"] => view! { <hr::HrAllocations/> }.into_any(),
        ["hr", "benefits", "holidays"] => view! { <hr::HrHolidays/> }.into_any(),
        ["hr", "benefits", "types"] => view! { <hr::HrTypes/> }.into_any(),
        _ => not_found(),
    }
}

/// Today on the member's clock (the year a page opens on, the form's
/// first day); the backend judges with its own.
pub fn today() -> domain::Date {
    use domain::common::Clock;
    crate::browser::BrowserClock.now().date()
}
