use super::form::{Saving, Summary};
use super::TrainingHrFrame;
use crate::browser::focus_first;
use crate::components::{from_wire_name, wire_name, ActionError, Loadable, TextField};
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::labels::{certificate_status_class, certificate_status_key};
use crate::portals::training::{training_resource, use_training};
use domain::common::Violation;
use domain::training::certificate::{Certificate, CertificateCode, CertificateStatus};
use domain::training::course::CourseId;
use domain::training::fields::check_plain;
use domain::training::use_cases::REASON_MAX;
use domain::training::wire::{CertificateQuery, HrCertificate};
use leptos::prelude::*;

const STATUSES: [CertificateStatus; 3] = [CertificateStatus::Valid, CertificateStatus::Expired, CertificateStatus::Revoked];

/// Every certificate, latest first, filtered by course or status; HR
/// revokes a valid one with a reason, and the public verification page
/// then says "revoked".
#[component]
pub fn Certificates() -> impl IntoView {
    let i18n = use_i18n();
    let course = RwSignal::new(None::<CourseId>);
    let status = RwSignal::new(None::<CertificateStatus>);
    let courses =
        training_resource(
            |api| async move { Ok(api.hr_catalogue().await?.courses.into_iter().map(|c| (c.course.id, c.course.draft.title)).collect::<Vec<_>>()) },
        );
    let listed = training_resource(move |api| {
        let query = CertificateQuery { course: course.get(), status: status.get() };
        async move { api.hr_certificates(&query).await }
    });
    let course_options = move || {
        courses
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|(id, title)| {
                view! { <option value=id.0.to_string() selected=move || course.get() == Some(id)>{move || title.get(i18n.lang()).to_owned()}</option> }
            })
            .collect_view()
    };
    view! {
        <TrainingHrFrame title=Key::HrTrainingCertificates>
            <div class="filters">
                <div class="field">
                    <label for="certificates-course"><Tr key=Key::TrainingHrCertificateCourse/></label>
                    <select id="certificates-course" on:change=move |ev| course.set(event_target_value(&ev).parse().ok().map(CourseId))>
                        <option value="" selected=move || course.get().is_none()>{move || i18n.t(Key::TrainingHrAnyCourse)}</option>
                        {course_options}
                    </select>
                </div>
                <div class="field">
                    <label for="certificates-status"><Tr key=Key::TrainingHrCertificateStatus/></label>
                    <select id="certificates-status" on:change=move |ev| status.set(from_wire_name(&event_target_value(&ev)))>
                        <option value="" selected=move || status.get().is_none()>{move || i18n.t(Key::TrainingHrAnyStatus)}</option>
                        {STATUSES.into_iter().map(|s| view! {
                            <option value=wire_name(&s) selected=move || status.get() == Some(s)>{move || i18n.t(certificate_status_key(s))}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <Loadable resource=listed skeleton_lines=10 render=|certificates| if certificates.is_empty() {
                view! { <p class="empty"><Tr key=Key::TrainingHrNoCertificates/></p> }.into_any()
            } else {
                view! {
                    <ul class="order-list" data-testid="training-hr-certificates">
                        {certificates.into_iter().map(|listed| view! { <CertificateCard listed/> }).collect_view()}
                    </ul>
                }.into_any()
            }/>
        </TrainingHrFrame>
    }
}

/// One certificate: whose, which course, its code and dates, its status,
/// and revoking it while it is valid.
#[component]
fn CertificateCard(listed: HrCertificate) -> impl IntoView {
    let i18n = use_i18n();
    let HrCertificate { certificate, status } = listed;
    let status = RwSignal::new(status);
    let Certificate { code, member_name, course_title, issued_at, expires_on, .. } = certificate;
    let issued = issued_at.date();
    let revoking = RwSignal::new(false);
    let dates = move || {
        let issued = i18n.fill(Key::TrainingHrIssuedOn, &[("day", &date(issued, i18n.lang()))]);
        match expires_on {
            Some(day) => format!("{issued} · {}", i18n.fill(Key::TrainingHrExpiresOn, &[("day", &date(day, i18n.lang()))])),
            None => issued,
        }
    };
    let slug = code.as_str().to_owned();
    let toggle_id = format!("revoke-{slug}-open");
    let on_revoked = Callback::new(move |_: ()| {
        status.set(CertificateStatus::Revoked);
        revoking.set(false);
    });
    view! {
        <li class="card" data-testid="training-hr-certificate">
            <h2 class="h3">{member_name}</h2>
            <p>{move || course_title.get(i18n.lang()).to_owned()}</p>
            <p class="muted"><Tr key=Key::TrainingCode/>" "<strong>{code.to_string()}</strong></p>
            <p class="muted">{dates}</p>
            <p><span class=move || certificate_status_class(status.get()) id=format!("revoke-{slug}-status") tabindex="-1">{move || i18n.t(certificate_status_key(status.get()))}</span></p>
            {move || (status.get() == CertificateStatus::Valid).then(|| {
                let (slug, toggle_id) = (slug.clone(), toggle_id.clone());
                view! {
                    <p><button type="button" class="button secondary" id=toggle_id aria-expanded=move || revoking.get().to_string()
                        on:click=move |_| revoking.update(|open| *open = !*open)>
                        <Tr key=Key::TrainingHrRevoke/>
                    </button></p>
                    {move || revoking.get().then(|| view! { <RevokeForm slug=slug.clone() on_revoked/> })}
                }
            })}
        </li>
    }
}

/// The reason for revoking one certificate, checked as the backend checks
/// it (required, at most `REASON_MAX` characters).
#[component]
fn RevokeForm(slug: String, on_revoked: Callback<()>) -> impl IntoView {
    let api = use_training();
    let reason = RwSignal::new(String::new());
    let saving = Saving::new(
        move |(code, reason): (CertificateCode, String)| {
            let api = api.clone();
            async move { api.revoke(&code, &reason).await }
        },
        |_: &Certificate| None,
    );
    let status_id = format!("#revoke-{slug}-status");
    Effect::new(move |_| {
        if saving.saved().is_some() {
            on_revoked.run(());
            let status_id = status_id.clone();
            request_animation_frame(move || {
                focus_first(&status_id);
            });
        }
    });
    let reason_id = format!("revoke-{slug}-reason");
    let code = CertificateCode::parse(&slug);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = reason.get_untracked();
        let mut violations: Vec<Violation> = Vec::new();
        check_plain(&mut violations, "reason", &typed, REASON_MAX);
        if let Some(code) = code.clone() {
            saving.submit(violations, (code, typed));
        }
    };
    view! {
        <form class="form" on:submit=send novalidate data-testid="training-revoke-form">
            <Summary saving fields=vec![("reason".to_owned(), reason_id.clone(), Key::TrainingHrReason)]/>
            <TextField id=reason_id label=Key::TrainingHrReason value=reason errors=saving.at("reason") kind="textarea"/>
            <p class="actions">
                <button type="submit" class="button" disabled=move || saving.action.pending().get()><Tr key=Key::TrainingHrRevokeConfirm/></button>
            </p>
            {move || saving.failure().map(|error| view! { <ActionError error kept=Key::FormKept/> })}
        </form>
    }
}
