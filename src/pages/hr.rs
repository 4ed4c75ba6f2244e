use crate::api::api_resource;
use crate::browser::app_href;
use crate::components::{Loadable, StatusMessage};
use crate::i18n::labels::employment_type_key;
use crate::i18n::{I18n, Key, Tr};
use crate::portals::PORTALS;
use crate::session::use_session;
use domain::company::WorkforceOverview;
use leptos::prelude::*;
use leptos_router::components::A;

/// The people team's page: every HR page of every portal, then who the
/// internal customers are and how the segments that target programmes
/// divide them.
#[component]
pub fn HrOverview() -> impl IntoView {
    let session = use_session();
    move || {
        if session.is_hr() {
            view! {
                <h1><Tr key=Key::HrTitle/></h1>
                <PortalPages/>
                <Workforce/>
            }
            .into_any()
        } else {
            view! { <StatusMessage title=Key::ErrorForbidden page=true/> }.into_any()
        }
    }
}

/// A link to each HR page the portals declare, grouped by portal.
#[component]
fn PortalPages() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <section class="section" aria-labelledby="manage-heading">
            <h2 id="manage-heading"><Tr key=Key::HrManageTitle/></h2>
            <p class="muted"><Tr key=Key::HrManageIntro/></p>
            <div class="grid">
                {PORTALS.iter().filter(|portal| !portal.hr_pages.is_empty()).map(|portal| view! {
                    <nav class="card hr-pages" aria-label=move || i18n.fill(Key::HrTabsLabel, &[("portal", i18n.t(portal.label))])>
                        <h3>{move || i18n.t(portal.label)}</h3>
                        <ul>
                            {portal.hr_pages.iter().map(|page| view! {
                                <li>
                                    <A href=app_href(page.path)>{move || i18n.t(page.label)}</A>
                                    <p class="muted">{move || i18n.t(page.summary)}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    </nav>
                }).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn Workforce() -> impl IntoView {
    let workforce = api_resource(|api| async move { api.workforce().await });
    view! {
        <section class="section" aria-labelledby="workforce-heading">
            <h2 id="workforce-heading"><Tr key=Key::HrWorkforceTitle/></h2>
            <Loadable resource=workforce skeleton_lines=10 render=|overview| view! { <WorkforceTables overview/> }/>
        </section>
    }
}

#[component]
fn WorkforceTables(overview: WorkforceOverview) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let total = overview.total;
    let by_type: Vec<(Signal<String>, u32)> =
        overview.by_employment_type.into_iter().map(|(kind, n)| (Signal::derive(move || i18n.t(employment_type_key(kind)).to_owned()), n)).collect();
    let by_department: Vec<(Signal<String>, u32)> =
        overview.by_department.into_iter().map(|(name, n)| (Signal::derive(move || name.get(i18n.lang()).to_owned()), n)).collect();
    let segments: Vec<(Signal<String>, u32)> = overview
        .segments
        .into_iter()
        .map(|count| {
            let rule_key = if count.segment.rule.is_some() { Key::HrSegmentRule } else { Key::HrSegmentAssigned };
            let name = count.segment.name;
            (Signal::derive(move || format!("{} — {}", name.get(i18n.lang()), i18n.t(rule_key))), count.members)
        })
        .collect();
    view! {
        <p class="lead">{move || i18n.fill(Key::HrTotal, &[("n", &total.to_string())])}</p>
        <div class="grid">
            <CountTable caption=Key::HrByEmploymentType rows=by_type/>
            <CountTable caption=Key::HrByDepartment rows=by_department/>
            <CountTable caption=Key::HrSegments rows=segments/>
        </div>
    }
}

/// A two-column table of labels and member counts.
#[component]
fn CountTable(caption: Key, rows: Vec<(Signal<String>, u32)>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <table class="card count-table">
            <caption>{move || i18n.t(caption)}</caption>
            <thead>
                <tr>
                    <th scope="col"><Tr key=Key::HrGroup/></th>
                    <th scope="col" class="num"><Tr key=Key::HrMembers/></th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|(label, n)| view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td class="num">{n}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
