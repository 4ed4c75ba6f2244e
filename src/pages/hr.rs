use crate::api::api_resource;
use crate::components::{Loadable, StatusMessage};
use crate::i18n::labels::employment_type_key;
use crate::i18n::{I18n, Key, Tr};
use crate::session::use_session;
use domain::company::WorkforceOverview;
use leptos::prelude::*;

/// The people team's view of the workforce: who the internal customers are
/// and how the segments that target programmes divide them.
#[component]
pub fn HrOverview() -> impl IntoView {
    let session = use_session();
    move || {
        if session.is_hr() {
            view! { <Workforce/> }.into_any()
        } else {
            view! { <StatusMessage title=Key::ErrorForbidden/> }.into_any()
        }
    }
}

#[component]
fn Workforce() -> impl IntoView {
    let workforce = api_resource(|api| async move { api.workforce().await });
    view! {
        <h1><Tr key=Key::HrTitle/></h1>
        <Loadable resource=workforce skeleton_lines=10 render=|overview| view! { <WorkforceTables overview/> }/>
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
