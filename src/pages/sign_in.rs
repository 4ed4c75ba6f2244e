use crate::api::{use_api, ApiError, Credentials, SignInMethod};
use crate::components::{PlainHeader, StatusMessage};
use crate::i18n::labels::{employment_type_key, role_key};
use crate::i18n::{I18n, Key, Tr};
use crate::session::{use_session, SessionState};
use domain::seed::DEMO_PASSWORD;
use domain::MemberProfile;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// Sign-in: a persona picker on the demo backend, email and password
/// elsewhere. Afterwards, back to the page the member wanted.
#[component]
pub fn SignIn() -> impl IntoView {
    let session = use_session();
    let api = use_api();
    let method = api.sign_in_method();
    let sign_in = Action::new_local(move |credentials: &Credentials| {
        let (api, credentials) = (api.clone(), credentials.clone());
        async move { api.sign_in(&credentials).await }
    });

    let query = use_query_map();
    let navigate = use_navigate();
    let go_on = move || navigate(&safe_next(query.get_untracked().get("next")), Default::default());
    Effect::new(move |_| {
        if let Some(Ok(member)) = sign_in.value().get() {
            session.signed_in(member);
        }
        if matches!(session.state(), SessionState::SignedIn(_)) {
            go_on();
        }
    });

    let form = match method {
        SignInMethod::Personas(personas) => view! { <PersonaPicker personas sign_in/> }.into_any(),
        SignInMethod::Password { email_domain } => view! { <PasswordForm sign_in email_domain/> }.into_any(),
    };
    view! {
        <div class="sign-in-layout">
            <PlainHeader/>
            <main class="page narrow" id="main">
                <h1><Tr key=Key::SignInTitle/></h1>
                <p class="muted"><Tr key=Key::SignInIntro/></p>
                {form}
            </main>
        </div>
    }
}

/// Only a path inside the app, never another site (`//evil.example`).
fn safe_next(next: Option<String>) -> String {
    next.filter(|path| path.starts_with('/') && !path.starts_with("//")).unwrap_or_else(|| "/".to_owned())
}

type SignInAction = Action<Credentials, Result<domain::Member, ApiError>>;

#[component]
fn PersonaPicker(personas: Vec<MemberProfile>, sign_in: SignInAction) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let failed = move || sign_in.value().get().and_then(Result::err);
    view! {
        <p><Tr key=Key::SignInPersonasIntro/></p>
        <ul class="personas">
            {personas.into_iter().map(|persona| {
                let email = persona.member.email.clone();
                let pick = move |_| {
                    sign_in.dispatch(Credentials { email: email.clone(), password: DEMO_PASSWORD.to_owned() });
                };
                let MemberProfile { member, department, .. } = persona;
                view! {
                    <li>
                        <button type="button" class="persona" on:click=pick disabled=move || sign_in.pending().get()>
                            <span class="persona-name">{member.full_name.clone()}</span>
                            <span class="persona-meta">
                                {move || format!(
                                    "{} · {} · {}",
                                    department.name.get(i18n.lang()),
                                    i18n.t(employment_type_key(member.employment_type)),
                                    i18n.t(role_key(member.role)),
                                )}
                            </span>
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
        {move || failed().map(|error| view! { <StatusMessage title=error.message_key()/> })}
    }
}

#[component]
fn PasswordForm(sign_in: SignInAction, email_domain: Option<String>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let checked = RwSignal::new(false);
    let has_domain = email_domain.is_some();
    let email_problem = move || {
        let value = email.get();
        let value = value.trim();
        if value.is_empty() {
            Some(Key::SignInEmailRequired)
        } else if !value.contains('@') {
            Some(if has_domain { Key::SignInEmailInvalid } else { Key::SignInEmailInvalidAnyDomain })
        } else {
            None
        }
    };
    let password_problem = move || password.get().is_empty().then_some(Key::SignInPasswordRequired);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        checked.set(true);
        if email_problem().is_none() && password_problem().is_none() {
            sign_in.dispatch(Credentials { email: email.get().trim().to_owned(), password: password.get() });
        }
    };
    let failure = move || sign_in.value().get().and_then(Result::err);
    // A field the server named in a 422; shown until the next attempt.
    let server_flagged = move |field: &str| match failure() {
        Some(ApiError::Invalid { fields }) => fields.iter().any(|f| f.field == field).then_some(Key::FieldRejected),
        _ => None,
    };
    view! {
        <form class="card form" on:submit=submit novalidate>
            <Field id="email" label=Key::SignInEmail kind="email" autocomplete="username" value=email domain=email_domain.unwrap_or_default()
                problem=Signal::derive(move || checked.get().then(email_problem).flatten().or_else(|| server_flagged("email")))/>
            <Field id="password" label=Key::SignInPassword kind="password" autocomplete="current-password" value=password
                problem=Signal::derive(move || checked.get().then(password_problem).flatten().or_else(|| server_flagged("password")))/>
            {move || failure().map(|error| {
                let retry = error.is_retryable().then(|| view! {
                    <p class="muted"><Tr key=Key::SignInRetryHint/></p>
                });
                // A locked email: when it may try again, in whole minutes.
                let wait = match error {
                    ApiError::TooManyAttempts { retry_after: Some(seconds) } => Some(seconds.div_ceil(60).max(1)),
                    _ => None,
                };
                let wait = wait.map(|minutes| view! {
                    <p>{move || i18n.fill(Key::ErrorTryAgainIn, &[("minutes", &minutes.to_string())])}</p>
                });
                view! { <StatusMessage title=error.message_key()>{retry}{wait}</StatusMessage> }
            })}
            <button type="submit" class="button" disabled=move || sign_in.pending().get()>
                {move || if sign_in.pending().get() { i18n.t(Key::SignInPending) } else { i18n.t(Key::SignInSubmit) }}
            </button>
        </form>
    }
}

/// A labelled input whose problem, if any, is announced and tied to it.
#[component]
fn Field(
    id: &'static str,
    label: Key,
    /// The input's `type`.
    kind: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
    #[prop(into)] problem: Signal<Option<Key>>,
    /// Fills `{domain}` in the problem's text.
    #[prop(optional)]
    domain: String,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{move || i18n.t(label)}</label>
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
                aria-invalid=move || problem.get().is_some().to_string()
                aria-describedby=move || problem.get().map(|_| error_id.clone())
            />
            {move || problem.get().map(|key| view! {
                <p class="field-error" id=format!("{id}-error")>{
                    let domain = domain.clone();
                    move || i18n.fill(key, &[("domain", &domain)])
                }</p>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn after_sign_in_only_paths_inside_the_app_are_followed() {
        assert_eq!(safe_next(Some("/profile".into())), "/profile");
        assert_eq!(safe_next(Some("//evil.example".into())), "/");
        assert_eq!(safe_next(Some("https://evil.example".into())), "/");
        assert_eq!(safe_next(None), "/");
    }
}
