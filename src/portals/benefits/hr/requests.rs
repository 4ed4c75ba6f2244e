use super::HrLeaveFrame;
use crate::api::ApiError;
use crate::browser;
use crate::components::{from_wire_name, wire_name, ActionError, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::benefits::labels::{days, span, status_class, status_key};
use crate::portals::benefits::{leave_resource, today, use_leave};
use domain::benefits::reports::RequestFilter;
use domain::benefits::LeaveStatus;
use leptos::prelude::*;

/// Every request, filtered by status and dates; payroll's CSV of the same.
#[component]
pub fn HrRequests() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_leave();
    let filter = RwSignal::new(RequestFilter::default());
    let listed = {
        let api = api.clone();
        LocalResource::new(move || {
            let (api, filter) = (api.clone(), filter.get());
            async move { api.hr_requests(&filter).await }
        })
    };
    let export = Action::new_local(move |_: &()| {
        let (api, filter, lang) = (api.clone(), filter.get_untracked(), i18n.lang());
        async move {
            let csv = api.requests_csv(&filter, today().year(), lang).await?;
            browser::download_text("leave.csv", "text/csv;charset=utf-8", &csv);
            Ok::<(), ApiError>(())
        }
    });
    let choices = leave_resource(|api| async move { api.filter_choices().await });
    let choice = move |id: &'static str, label: Key, options: Vec<(u32, domain::LocalizedText)>, pick: fn(&mut RequestFilter, Option<u32>)| {
        view! {
            <div class="field">
                <label for=id><Tr key=label/></label>
                <select id=id on:change=move |ev| filter.update(|f| pick(f, event_target_value(&ev).parse().ok()))>
                    <option value="">{move || i18n.t(Key::LeaveAll)}</option>
                    {options.into_iter().map(|(value, name)| view! { <option value=value.to_string()>{move || name.get(i18n.lang()).to_owned()}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    let date_input = move |id: &'static str, label: Key, pick: fn(&mut RequestFilter) -> &mut Option<domain::Date>| {
        view! {
            <div class="field">
                <label for=id><Tr key=label/></label>
                <input id=id type="date" on:change=move |ev| filter.update(|f| *pick(f) = event_target_value(&ev).parse().ok())/>
            </div>
        }
    };
    view! {
        <HrLeaveFrame title=Key::HrLeaveRequests>
            <div class="filters queue-filters">
                <div class="field">
                    <label for="leave-status"><Tr key=Key::LeaveStatus/></label>
                    <select id="leave-status" on:change=move |ev| filter.update(|f| f.status = from_wire_name(&event_target_value(&ev)))>
                        <option value="">{move || i18n.t(Key::LeaveAnyStatus)}</option>
                        {LeaveStatus::ALL.into_iter().map(|s| view! { <option value=wire_name(&s)>{move || i18n.t(status_key(s))}</option> }).collect_view()}
                    </select>
                </div>
                {move || choices.get().and_then(Result::ok).map(|c| view! {
                    {choice("leave-department", Key::LeaveDepartment, c.departments.into_iter().map(|d| (d.id.0, d.name)).collect(), |f, v| f.department = v.map(domain::DepartmentId))}
                    {choice("leave-site", Key::LeaveSite, c.sites.into_iter().map(|s| (s.id.0, s.name)).collect(), |f, v| f.site = v.map(domain::SiteId))}
                    {choice("leave-kind", Key::LeaveType, c.types.into_iter().map(|t| (t.id.0, t.name)).collect(), |f, v| f.leave_type = v.map(domain::benefits::LeaveTypeId))}
                })}
                {date_input("leave-filter-from", Key::LeaveFrom, |f| &mut f.from)}
                {date_input("leave-filter-to", Key::LeaveTo, |f| &mut f.to)}
            </div>
            <div class="actions">
                <button class="button secondary" data-testid="leave-csv" disabled=move || export.pending().get() on:click=move |_| { export.dispatch(()); }><Tr key=Key::LeaveExport/></button>
            </div>
            {move || export.value().get().and_then(Result::err).map(|error| view! { <ActionError error retry=move || { export.dispatch(()); }/> })}
            <Loadable resource=listed skeleton_lines=8 render=move |views| view! {
                <p class="muted" data-testid="hr-leave-count">{let count = views.len().to_string(); move || i18n.fill(Key::LeaveCount, &[("n", &count)])}</p>
                <ul class="order-list" data-testid="hr-leave-requests">
                    {views.into_iter().map(|v| {
                        let (status, when, working, id, kind) = (v.status, v.request.span, v.request.working, v.request.id, v.request.leave_type_name.clone());
                        view! {
                            <li class="card order-row">
                                <a href=browser::app_href(&format!("/benefits/requests/{}", id.0))>{v.member_name.clone()}</a>
                                <span class=status_class(status)>{move || i18n.t(status_key(status))}</span>
                                <span class="muted">{move || format!("{} · {} · {}", kind.get(i18n.lang()), span(when, i18n.lang()), days(working, i18n.lang()))}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }/>
        </HrLeaveFrame>
    }
}
