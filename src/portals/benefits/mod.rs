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

/// A page of Benefits, as its routes name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BenefitsPage {
    /// Not a page: the leave card on the home page.
    HomeCard,
    Leave,
    NewRequest,
    Request,
    Approvals,
    Team,
    Delegations,
    HrRequests,
    HrAllocations,
    HrHolidays,
    HrTypes,
}

fn draw(page: BenefitsPage) -> AnyView {
    crate::i18n::labels::register_rule_messages(labels::rule_message);
    match page {
        BenefitsPage::HomeCard => view! { <member::HomeCard/> }.into_any(),
        BenefitsPage::Leave => view! { <member::LeavePage/> }.into_any(),
        BenefitsPage::NewRequest => view! { <member::RequestForm/> }.into_any(),
        BenefitsPage::Request => view! { <member::RequestPage/> }.into_any(),
        BenefitsPage::Approvals => view! { <member::ApprovalsPage/> }.into_any(),
        BenefitsPage::Team => view! { <member::TeamPage/> }.into_any(),
        BenefitsPage::Delegations => view! { <member::DelegationsPage/> }.into_any(),
        BenefitsPage::HrRequests => view! { <hr::HrRequests/> }.into_any(),
        BenefitsPage::HrAllocations => view! { <hr::HrAllocations/> }.into_any(),
        BenefitsPage::HrHolidays => view! { <hr::HrHolidays/> }.into_any(),
        BenefitsPage::HrTypes => view! { <hr::HrTypes/> }.into_any(),
    }
}

/// Today on the member's clock (the year a page opens on, the form's
/// first day); the backend judges with its own.
pub fn today() -> domain::Date {
    use domain::common::Clock;
    crate::browser::BrowserClock.now().date()
}
