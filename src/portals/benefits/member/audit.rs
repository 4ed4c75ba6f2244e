use crate::api::ApiError;
use crate::components::Loadable;
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::benefits::labels::days;
use domain::benefits::reports::{AuditChange, AuditEntry};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// Fetches one balance's history: (member, year, leave type).
pub type LoadAudit = fn(u32, i32, u32) -> Pin<Box<dyn Future<Output = Result<Vec<AuditEntry>, ApiError>>>>;

/// A balance's history, fetched when opened: who changed it, when, why.
/// Members read their own; HR anyone's.
#[component]
pub fn AuditTrail(load: LoadAudit, member: u32, year: i32, leave_type: u32) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <details class="audit" on:toggle=move |_| open.set(true)>
            <summary><Tr key=Key::LeaveHistory/></summary>
            <Show when=move || open.get()>
                <Entries resource=LocalResource::new(move || load(member, year, leave_type))/>
            </Show>
        </details>
    }
}

#[component]
fn Entries(resource: LocalResource<Result<Vec<AuditEntry>, ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Loadable resource skeleton_lines=3 render=move |entries| view! {
            <ul class="audit-list" data-testid="audit">
                {entries.into_iter().map(|e| {
                    let what = match e.change {
                        AuditChange::Requested => Key::LeaveAuditRequested,
                        AuditChange::Rejected => Key::LeaveAuditRejected,
                        AuditChange::Withdrawn => Key::LeaveAuditWithdrawn,
                        AuditChange::Cancelled => Key::LeaveAuditCancelled,
                        AuditChange::Adjusted => Key::LeaveAuditAdjusted,
                    };
                    view! {
                        <li>
                            <span>{move || format!("{} · {} · {}", date(e.at.date(), i18n.lang()), i18n.t(what), e.by_name)}</span>
                            <strong>{move || days(e.days, i18n.lang())}</strong>
                            {(!e.reason.is_empty()).then(|| view! { <q class="comment">{e.reason.clone()}</q> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }/>
    }
}
