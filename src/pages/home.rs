use crate::api::api_resource;
use crate::components::{EligibilityReasons, Icon, Loadable};
use crate::i18n::format::tenure;
use crate::i18n::labels::employment_type_key;
use crate::i18n::{I18n, Key, Tr};
use domain::offering::OfferingKind;
use domain::{MemberProfile, OfferingStatus};
use leptos::prelude::*;

/// What matters now: who you are here and what you can use.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let profile = api_resource(|api| async move { api.profile().await });
    let offerings = api_resource(|api| async move { api.offerings().await });
    view! {
        <Loadable resource=profile skeleton_lines=4 render=move |profile: MemberProfile| {
            let name = profile.member.given_name().to_owned();
            view! {
                <h1>{move || i18n.fill(Key::HomeGreeting, &[("name", &name)])}</h1>
                <ProfileCard profile/>
            }
        }/>
        <section class="section" aria-labelledby="usable-heading">
            <h2 id="usable-heading"><Tr key=Key::HomeUsableTitle/></h2>
            <p class="muted"><Tr key=Key::HomeUsableIntro/></p>
            <Loadable resource=offerings skeleton_lines=6 render=|list| view! { <OfferingList list/> }/>
        </section>
    }
}

/// Department, site, employment type and length of service.
#[component]
fn ProfileCard(profile: MemberProfile) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let MemberProfile { member, department, site, tenure_months, .. } = profile;
    // `vocabulary`: a lower-case term (employment type) shown on its own, capitalised.
    let row = move |label: Key, value: Signal<String>, vocabulary: bool| {
        view! {
            <div class="fact">
                <dt>{move || i18n.t(label)}</dt>
                <dd class:vocabulary=vocabulary>{value}</dd>
            </div>
        }
    };
    view! {
        <dl class="card facts" data-testid="profile-card">
            {row(Key::ProfileDepartment, Signal::derive(move || department.name.get(i18n.lang()).to_owned()), false)}
            {row(Key::ProfileSite, Signal::derive(move || site.name.get(i18n.lang()).to_owned()), false)}
            {row(Key::ProfileEmploymentType, Signal::derive(move || i18n.t(employment_type_key(member.employment_type)).to_owned()), true)}
            {row(Key::ProfileTenure, Signal::derive(move || tenure(tenure_months, i18n.lang())), false)}
        </dl>
    }
}

#[component]
fn OfferingList(list: Vec<OfferingStatus>) -> impl IntoView {
    view! {
        <ul class="offerings" data-testid="offerings">
            {list.into_iter().map(|status| view! { <OfferingCard status/> }).collect_view()}
        </ul>
    }
}

#[component]
fn OfferingCard(status: OfferingStatus) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let OfferingStatus { offering, eligibility } = status;
    let eligible = eligibility.eligible;
    let reasons: Vec<_> = eligibility.unmet().cloned().collect();
    let kind = match offering.kind {
        OfferingKind::Benefit => Key::OfferingKindBenefit,
        OfferingKind::Training => Key::OfferingKindTraining,
    };
    let (title, summary) = (offering.title, offering.summary);
    view! {
        <li class="card offering" class:unavailable=!eligible data-eligible=eligible.to_string()>
            <div class="offering-head">
                <h3>{move || title.get(i18n.lang()).to_owned()}</h3>
                <span class="tag">{move || i18n.t(kind)}</span>
            </div>
            <p>{move || summary.get(i18n.lang()).to_owned()}</p>
            {if eligible {
                view! {
                    <p class="verdict ok"><Icon name="check"/><Tr key=Key::OfferingAvailable/></p>
                }.into_any()
            } else {
                view! {
                    <p class="verdict no"><Icon name="lock"/><Tr key=Key::OfferingUnavailable/></p>
                    <EligibilityReasons reasons/>
                }.into_any()
            }}
        </li>
    }
}
