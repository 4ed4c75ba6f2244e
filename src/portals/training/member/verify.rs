use crate::api::ApiError;
use crate::components::{Loadable, StatusMessage};
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::labels::{certificate_status_class, certificate_status_key};
use crate::portals::training::training_resource;
use domain::training::certificate::CertificateCheck;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The public check of a certificate, signed in or not: a form to type a
/// code, and for a code the four facts (name, course, date, status) and
/// nothing else about the person.
#[component]
pub fn VerifyPage(code: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(code.clone().unwrap_or_default());
    let navigate = use_navigate();
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = typed.get_untracked().trim().to_owned();
        if !code.is_empty() {
            navigate(&format!("/verify/{}", js_sys::encode_uri_component(&code)), Default::default());
        }
    };
    view! {
        <h1><Tr key=Key::TrainingVerifyTitle/></h1>
        <p><Tr key=Key::TrainingVerifyIntro/></p>
        <form class="form" on:submit=go>
            <div class="field">
                <label for="verify-code"><Tr key=Key::TrainingCode/></label>
                <input id="verify-code" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="XXXX-XXXX-XXXX"
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button" data-testid="verify-submit">{move || i18n.t(Key::TrainingVerifyCheck)}</button>
        </form>
        {code.map(|code| view! { <Check code/> })}
    }
}

#[component]
fn Check(code: String) -> impl IntoView {
    let i18n = use_i18n();
    // An unknown code is an answer, not a failure to load.
    let check = training_resource(move |api| {
        let code = code.clone();
        async move {
            match api.verify(&code).await {
                Err(ApiError::NotFound) => Ok(None),
                other => other.map(Some),
            }
        }
    });
    view! {
        <section class="section" aria-live="polite">
            <Loadable resource=check skeleton_lines=4 render=move |check| match check {
                None => view! { <StatusMessage title=Key::TrainingVerifyUnknown/> }.into_any(),
                Some(CertificateCheck { name, course, issued_on, status }) => view! {
                    <div class="card" data-testid="verify-result">
                        <h2>{name}</h2>
                        <dl class="facts">
                            <div class="fact"><dt><Tr key=Key::TrainingCourse/></dt><dd>{move || course.get(i18n.lang()).to_owned()}</dd></div>
                            <div class="fact"><dt><Tr key=Key::TrainingIssued/></dt><dd>{move || date(issued_on, i18n.lang())}</dd></div>
                            <div class="fact"><dt><Tr key=Key::TrainingStatus/></dt>
                                <dd><span class=certificate_status_class(status) data-testid="verify-status"><Tr key=certificate_status_key(status)/></span></dd></div>
                        </dl>
                    </div>
                }.into_any(),
            }/>
        </section>
    }
}
