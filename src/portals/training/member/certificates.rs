use super::TrainingTabs;
use crate::browser::app_href;
use crate::components::{Loadable, StatusMessage};
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::labels::{certificate_status_class, certificate_status_key};
use crate::portals::training::{now, training_resource};
use leptos::prelude::*;
use leptos_router::components::A;

/// The member's certificates, latest first, each with its status and a
/// printable page.
#[component]
pub fn CertificatesPage() -> impl IntoView {
    let i18n = use_i18n();
    let certificates = training_resource(|api| async move { api.certificates().await });
    view! {
        <h1><Tr key=Key::TrainingCertificatesTitle/></h1>
        <TrainingTabs/>
        <Loadable resource=certificates skeleton_lines=6 render=move |certificates| if certificates.is_empty() {
            view! { <p class="empty"><Tr key=Key::TrainingNoCertificates/></p> }.into_any()
        } else {
            view! {
                <ul class="order-list" data-testid="training-certificates">
                    {certificates.into_iter().map(|c| {
                        let status = c.status(now());
                        let title = c.course_title.clone();
                        let (issued, expires) = (c.issued_at.date(), c.expires_on);
                        view! {
                            <li class="card" data-testid="training-certificate">
                                <h2><A href=app_href(&format!("/training/certificates/{}", c.code))>{move || title.get(i18n.lang()).to_owned()}</A></h2>
                                <p><span class=certificate_status_class(status)><Tr key=certificate_status_key(status)/></span></p>
                                <p class="muted">{move || i18n.fill(Key::TrainingIssuedOn, &[("day", &date(issued, i18n.lang()))])}
                                    {expires.map(|day| view! { " · "{move || i18n.fill(Key::TrainingExpiresOn, &[("day", &date(day, i18n.lang()))])} })}</p>
                                <p class="code">{c.code.to_string()}</p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }/>
    }
}

/// The address anyone can check a certificate at (what its QR code holds).
fn verify_url(code: &str) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", app_href(&format!("/verify/{code}")))
}

/// One certificate as a page to print (A4 landscape, see `style/`): the
/// member, the course, the dates, the code and a QR code of the address
/// that verifies it.
#[component]
pub fn CertificatePrint(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let certificates = training_resource(|api| async move { api.certificates().await });
    view! {
        <p class="no-print"><A href=app_href("/training/certificates") attr:class="back-link"><Tr key=Key::TrainingBackToCertificates/></A></p>
        <Loadable resource=certificates page=true skeleton_lines=8 render=move |certificates| {
            match certificates.into_iter().find(|c| c.code.as_str() == code) {
                None => view! { <StatusMessage title=Key::ErrorNotFound page=true/> }.into_any(),
                Some(c) => {
                    let status = c.status(now());
                    let url = verify_url(c.code.as_str());
                    let title = c.course_title.clone();
                    let (issued, expires) = (c.issued_at.date(), c.expires_on);
                    view! {
                        <article class="certificate" data-testid="training-certificate-print">
                            <p class="certificate-kicker"><Tr key=Key::TrainingCertificateKicker/></p>
                            <h1>{c.member_name.clone()}</h1>
                            <p><Tr key=Key::TrainingCertificateCompleted/></p>
                            <p class="certificate-course">{move || title.get(i18n.lang()).to_owned()}</p>
                            <p>{move || i18n.fill(Key::TrainingIssuedOn, &[("day", &date(issued, i18n.lang()))])}
                                {expires.map(|day| view! { " · "{move || i18n.fill(Key::TrainingExpiresOn, &[("day", &date(day, i18n.lang()))])} })}</p>
                            <p><span class=certificate_status_class(status)><Tr key=certificate_status_key(status)/></span></p>
                            <div class="certificate-check">
                                <QrCode text=url.clone()/>
                                <p>
                                    <Tr key=Key::TrainingCertificateCheckAt/><br/>
                                    <strong data-testid="training-verify-url">{url.clone()}</strong><br/>
                                    <Tr key=Key::TrainingCode/>" "<strong>{c.code.to_string()}</strong>
                                </p>
                            </div>
                        </article>
                        <p class="actions no-print">
                            <button type="button" class="button" on:click=|_| { let _ = web_sys::window().map(|w| w.print()); }><Tr key=Key::TrainingPrint/></button>
                        </p>
                    }.into_any()
                }
            }
        }/>
    }
}

/// A QR code of `text`, drawn as one SVG path of its dark modules with the
/// standard quiet zone around them.
#[component]
fn QrCode(text: String) -> impl IntoView {
    use qrcodegen::{QrCode, QrCodeEcc};
    let i18n = use_i18n();
    let Ok(qr) = QrCode::encode_text(&text, QrCodeEcc::Medium) else { return ().into_any() };
    const QUIET: i32 = 4;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + QUIET, y + QUIET));
            }
        }
    }
    let side = size + 2 * QUIET;
    view! {
        <svg class="qr" viewBox=format!("0 0 {side} {side}") role="img" aria-label=move || i18n.t(Key::TrainingQrLabel) shape-rendering="crispEdges">
            <rect width=side.to_string() height=side.to_string() fill="#fff"/>
            <path d=path fill="#000"/>
        </svg>
    }
    .into_any()
}
