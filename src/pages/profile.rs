use crate::api::{api_resource, use_api};
use crate::components::{ActionError, Loadable};
use crate::i18n::format::{date, tenure};
use crate::i18n::labels::{employment_type_key, role_key};
use crate::i18n::{I18n, Key, Tr};
use crate::session::use_session;
use domain::{MemberProfile, TeamMember};
use leptos::prelude::*;

/// Everything the company knows about you here, and signing out.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let profile = api_resource(|api| async move { api.profile().await });
    view! {
        <Loadable resource=profile skeleton_lines=8 render=|mut profile: MemberProfile| {
            let team = std::mem::take(&mut profile.team);
            view! {
                <h1>{profile.member.full_name.clone()}</h1>
                <ProfileDetails profile/>
                {(!team.is_empty()).then(|| view! { <Team team/> })}
            }
        }/>
        <section class="section" aria-labelledby="account-heading">
            <h2 id="account-heading"><Tr key=Key::ProfileAccount/></h2>
            <SignOutButton/>
        </section>
    }
}

/// A row's value, read again when the language changes.
type Text = Box<dyn Fn() -> String + Send + Sync>;

#[component]
fn ProfileDetails(profile: MemberProfile) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let MemberProfile { member, department, site, tenure_months, segments, manager_name, .. } = profile;
    let lang = move || i18n.lang();
    let none = move || i18n.t(Key::ProfileNone).to_owned();
    // The bool marks lower-case vocabulary (employment type, role), capitalised on its own.
    let rows: Vec<(Key, bool, Text)> = vec![
        (
            Key::ProfileEmail,
            false,
            Box::new({
                let email = member.email.clone();
                move || email.clone()
            }),
        ),
        (Key::ProfileDepartment, false, Box::new(move || department.name.get(lang()).to_owned())),
        (Key::ProfileSite, false, Box::new(move || format!("{} ({})", site.name.get(lang()), site.city))),
        (Key::ProfileEmploymentType, true, Box::new(move || i18n.t(employment_type_key(member.employment_type)).to_owned())),
        (Key::ProfileRole, true, Box::new(move || i18n.t(role_key(member.role)).to_owned())),
        (Key::ProfileHiredOn, false, Box::new(move || date(member.hired_on, lang()))),
        (Key::ProfileTenure, false, Box::new(move || tenure(tenure_months, lang()))),
        (Key::ProfileManager, false, Box::new(move || manager_name.clone().unwrap_or_else(none))),
        (
            Key::ProfileSegments,
            false,
            Box::new(move || {
                let names: Vec<_> = segments.iter().map(|s| s.get(lang())).collect();
                if names.is_empty() {
                    none()
                } else {
                    names.join(", ")
                }
            }),
        ),
    ];
    view! {
        <dl class="card facts" data-testid="profile-details">
            {rows.into_iter().map(|(label, vocabulary, value)| view! {
                <div class="fact">
                    <dt>{move || i18n.t(label)}</dt>
                    <dd class:vocabulary=vocabulary>{value}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// A manager's team, until the leave portal brings approvals to act on.
#[component]
fn Team(team: Vec<TeamMember>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let count = team.len().to_string();
    view! {
        <section class="section" aria-labelledby="team-heading" data-testid="team">
            <h2 id="team-heading"><Tr key=Key::ProfileTeam/></h2>
            <p class="muted">{move || i18n.fill(Key::ProfileTeamIntro, &[("count", &count)])}</p>
            <ul class="card team-list">
                {team.into_iter().map(|TeamMember { full_name, email, employment_type, .. }| view! {
                    <li>
                        <strong>{full_name}</strong>
                        <span class="muted vocabulary">{move || i18n.t(employment_type_key(employment_type))}</span>
                        <span class="muted team-email">{email}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn SignOutButton() -> impl IntoView {
    let session = use_session();
    let api = use_api();
    let sign_out = Action::new_local(move |_: &()| {
        let api = api.clone();
        async move { api.sign_out().await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = sign_out.value().get() {
            session.signed_out();
        }
    });
    view! {
        <button type="button" class="button secondary" on:click=move |_| { sign_out.dispatch(()); }
            disabled=move || sign_out.pending().get()>
            <Tr key=Key::ActionSignOut/>
        </button>
        {move || sign_out.value().get().and_then(Result::err).map(|error| view! { <ActionError error retry=move || { sign_out.dispatch(()); }/> })}
    }
}
