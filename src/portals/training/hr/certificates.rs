use super::form::{Input, SaveButton, Saving, Summary};
use super::TrainingHrFrame;
use crate::api::ApiError;
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::use_training;
use domain::common::{Rule, Violation};
use domain::training::certificate::{Certificate, CertificateCode};
use domain::training::fields::check_plain;
use domain::training::use_cases::REASON_MAX;
use leptos::prelude::*;

/// HR revokes a certificate by its code, with the reason; the public
/// verification page then says "revoked".
#[component]
pub fn Certificates() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let (code, reason) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let saving = Saving::new(
        move |(code, reason): (CertificateCode, String)| {
            let api = api.clone();
            async move { api.revoke(&code, &reason).await }
        },
        |_: &Certificate| None,
    );
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked();
        let reason = reason.get_untracked();
        let mut violations = Vec::new();
        let parsed = CertificateCode::parse(&typed);
        if parsed.is_none() {
            violations.push(Violation::new("code", if typed.trim().is_empty() { Rule::Required } else { Rule::OutOfRange }, None));
        }
        check_plain(&mut violations, "reason", &reason, REASON_MAX);
        let fallback = || CertificateCode::parse("0000-0000-0000").expect("a well-formed code");
        saving.submit(violations, (parsed.unwrap_or_else(fallback), reason));
    };
    let fields =
        vec![("code".to_owned(), "revoke-code".to_owned(), Key::TrainingCode), ("reason".to_owned(), "revoke-reason".to_owned(), Key::TrainingHrReason)];
    let not_found = move || matches!(saving.failure(), Some(ApiError::NotFound));
    view! {
        <TrainingHrFrame title=Key::HrTrainingCertificates>
            <p><Tr key=Key::TrainingHrRevokeIntro/></p>
            <form class="form narrow" on:submit=send novalidate data-testid="training-revoke-form">
                <Summary saving fields=fields.clone()/>
                <Input id="revoke-code".into() label=Key::TrainingCode value=code errors=saving.at("code") hint=Key::TrainingHrCodeHint/>
                <Input id="revoke-reason".into() label=Key::TrainingHrReason value=reason errors=saving.at("reason") kind="textarea"/>
                {move || not_found().then(|| view! { <p class="field-error" role="alert"><Tr key=Key::TrainingVerifyUnknown/></p> })}
                <SaveButton saving/>
            </form>
            {move || saving.saved().map(|c| {
                let title = c.course_title.clone();
                let revoked = c.revoked.map(|r| r.at.date());
                view! {
                    <p class="success" role="status" data-testid="training-revoked">
                        {move || i18n.fill(Key::TrainingHrRevoked, &[
                            ("name", &c.member_name), ("course", title.get(i18n.lang())), ("day", &revoked.map(|d| date(d, i18n.lang())).unwrap_or_default()),
                        ])}
                    </p>
                }
            })}
        </TrainingHrFrame>
    }
}
