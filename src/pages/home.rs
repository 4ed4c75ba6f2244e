use crate::api::api_resource;
use crate::browser::app_href;
use crate::components::{EligibilityReasons, Icon, Loadable};
use crate::i18n::format::{money, tenure};
use crate::i18n::labels::employment_type_key;
use crate::i18n::{I18n, Key, Tr};
use crate::portals::{self, Portal};
use crate::session::use_session;
use domain::offering::OfferingKind;
use domain::{MemberProfile, OfferingStatus};
use leptos::prelude::*;
use leptos_router::components::A;

/// What matters now: who you are here and what you can use. The greeting
/// comes from the session, so the page keeps its heading when the backend
/// is down; the rest loads as one region, with one error if it fails.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let session = use_session();
    let name = move || session.member().map(|member| member.given_name().to_owned()).unwrap_or_default();
    let cards_due = RwSignal::new(false);
    set_timeout(move || cards_due.set(true), crate::app::PREFETCH_AFTER);
    let overview = api_resource(|api| async move { Ok((api.profile().await?, api.offerings().await?)) });
    view! {
        <h1>{move || i18n.fill(Key::HomeGreeting, &[("name", &name())])}</h1>
        <Loadable resource=overview skeleton_lines=8 render=|(profile, offerings)| view! {
            <ProfileCard profile/>
            <Offerings list=offerings/>
        }/>
        // Each portal's own card (leave: days left, requests waiting), drawn by
        // its module: last, so that nothing above moves when it arrives, and
        // only once portals are prefetched, so that its module does not
        // compete with the page's own first paint.
        {move || cards_due.get().then(|| portals::seen_by(session.is_hr()).filter_map(|portal| portal.home_card).map(|card| card()).collect_view())}
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

/// What the member can use, then, apart, what is not for them yet and why.
#[component]
fn Offerings(list: Vec<OfferingStatus>) -> impl IntoView {
    let (usable, closed): (Vec<_>, Vec<_>) = list.into_iter().partition(|status| status.eligibility.eligible);
    view! {
        <section class="section" aria-labelledby="usable-heading">
            <h2 id="usable-heading"><Tr key=Key::HomeUsableTitle/></h2>
            {if usable.is_empty() {
                view! { <p class="muted"><Tr key=Key::HomeUsableNone/></p> }.into_any()
            } else {
                view! { <OfferingList list=usable/> }.into_any()
            }}
        </section>
        {(!closed.is_empty()).then(|| view! {
            <section class="section" aria-labelledby="closed-heading">
                <h2 id="closed-heading"><Tr key=Key::HomeClosedTitle/></h2>
                <p class="muted"><Tr key=Key::HomeClosedIntro/></p>
                <OfferingList list=closed/>
            </section>
        })}
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
    let portal = portals::PORTALS.iter().find(|portal| portal.name == offering.portal);
    let title = offering.title.clone();
    let summary = move || offering.summary_in(i18n.lang(), |amount| money(amount, i18n.lang()));
    view! {
        <li class="card offering" class:unavailable=!eligible data-eligible=eligible.to_string()>
            <div class="offering-head">
                <h3>{move || title.get(i18n.lang()).to_owned()}</h3>
                <span class="tag">{move || i18n.t(kind)}</span>
            </div>
            <p>{summary}</p>
            {if eligible {
                view! {
                    <p class="verdict ok"><Icon name="check"/><Tr key=Key::OfferingAvailable/></p>
                    <UsedIn portal/>
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

/// Where a usable offering is used: a link to its portal, or, until that
/// portal is built, plainly that it is coming.
#[component]
fn UsedIn(portal: Option<&'static Portal>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    match portal {
        Some(portal) => view! {
            <A href=app_href(portal.home()) attr:class="offering-link">
                {move || i18n.fill(Key::OfferingOpen, &[("portal", i18n.t(portal.label))])}
            </A>
        }
        .into_any(),
        None => view! { <p class="muted"><Tr key=Key::OfferingComing/></p> }.into_any(),
    }
}
