//! One contract suite, every backend: each scenario runs against the
//! embedded `DemoBackend` and against `HttpBackend` talking to a running
//! reference server, in headless Chromium. `scripts/contract-suite.sh`
//! starts the server and passes its address in `NOIBO_CONTRACT_SERVER`.
#![cfg(target_arch = "wasm32")]

use noibo::api::demo::DemoBackend;
use noibo::api::http::HttpBackend;
use noibo::api::{ApiError, Backend, Credentials};
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SERVER: Option<&str> = option_env!("NOIBO_CONTRACT_SERVER");

/// Both backends, fresh: the demo one with empty storage, the HTTP one
/// signed out.
async fn backends() -> Vec<(&'static str, Rc<dyn Backend>)> {
    let server = SERVER.expect("run through scripts/contract-suite.sh, which starts the reference server");
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let http: Rc<dyn Backend> = Rc::new(HttpBackend::new(server));
    http.sign_out().await.unwrap();
    vec![("demo", Rc::new(DemoBackend::load())), ("http", http)]
}

fn credentials(email: &str, password: &str) -> Credentials {
    Credentials { email: email.to_owned(), password: password.to_owned() }
}

async fn sign_in(backend: &dyn Backend, email: &str) -> domain::Member {
    backend.sign_in(&credentials(email, "demo")).await.unwrap_or_else(|e| panic!("{email}: {e:?}"))
}

#[wasm_bindgen_test]
async fn wrong_passwords_and_unknown_emails_are_refused_alike() {
    for (name, backend) in backends().await {
        let wrong = backend.sign_in(&credentials("lan.tran@noibo.example", "not-demo")).await;
        assert_eq!(wrong, Err(ApiError::BadCredentials), "{name}");
        let unknown = backend.sign_in(&credentials("nobody@noibo.example", "demo")).await;
        assert_eq!(unknown, Err(ApiError::BadCredentials), "{name}");
        assert_eq!(backend.session().await, Ok(None), "{name}: still signed out");
    }
}

#[wasm_bindgen_test]
async fn a_session_starts_is_remembered_and_ends() {
    for (name, backend) in backends().await {
        let member = sign_in(&*backend, "Lan.Tran@noibo.example").await;
        assert_eq!(member.full_name, "Trần Thị Lan", "{name}: email case does not matter");
        assert_eq!(backend.session().await, Ok(Some(member)), "{name}");
        backend.sign_out().await.unwrap();
        assert_eq!(backend.session().await, Ok(None), "{name}");
        assert_eq!(backend.profile().await, Err(ApiError::Unauthorized), "{name}");
        assert_eq!(backend.offerings().await, Err(ApiError::Unauthorized), "{name}");
    }
}

#[wasm_bindgen_test]
async fn the_workforce_overview_is_for_hr_only() {
    for (name, backend) in backends().await {
        sign_in(&*backend, "lan.tran@noibo.example").await;
        assert_eq!(backend.workforce().await.map(|w| w.total), Err(ApiError::Forbidden), "{name}");
        sign_in(&*backend, "hoa.nguyen@noibo.example").await;
        assert_eq!(backend.workforce().await.map(|w| w.total), Ok(42), "{name}");
        backend.sign_out().await.unwrap();
    }
}

/// Every persona's profile and eligibility are the same on both backends.
#[wasm_bindgen_test]
async fn both_backends_tell_every_persona_the_same_thing() {
    let backends = backends().await;
    for email in domain::seed::PERSONA_EMAILS {
        let mut answers = Vec::new();
        for (name, backend) in &backends {
            sign_in(&**backend, email).await;
            let profile = backend.profile().await.unwrap();
            let offerings = backend.offerings().await.unwrap();
            backend.sign_out().await.unwrap();
            answers.push((name, profile, offerings));
        }
        let (first, rest) = answers.split_first().unwrap();
        for other in rest {
            assert_eq!(first.1, other.1, "{email}: profile differs between {} and {}", first.0, other.0);
            assert_eq!(first.2, other.2, "{email}: offerings differ between {} and {}", first.0, other.0);
        }
    }
}
