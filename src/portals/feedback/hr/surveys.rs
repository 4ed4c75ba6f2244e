use super::directory::{directory_resource, directory_signal, Directory};
use super::figures::{phase, Phase};
use super::labels::{department_name, site_name};
use super::{editor_path, results_path, today, ResponderFrame};
use crate::browser::app_href;
use crate::components::Loadable;
use crate::i18n::format::date;
use crate::i18n::labels::employment_type_key;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::feedback::api::feedback_resource;
use crate::session::use_session;
use domain::feedback::results::SurveySummary;
use domain::{Audience, Condition, Lang};
use leptos::prelude::*;
use leptos_router::components::A;

/// The surveys with their audience, dates, phase and responses so far; HR
/// creates and edits them; results once a survey has closed.
#[component]
pub fn Surveys() -> impl IntoView {
    let hr = use_session().is_hr();
    let surveys = feedback_resource(|api| async move { api.surveys().await });
    let directory = directory_signal(directory_resource());
    view! {
        <ResponderFrame title=Key::FeedbackHrSurveysTitle>
            <p class="muted"><Tr key=Key::FeedbackHrSurveysIntro/></p>
            {hr.then(|| view! { <p><A href=app_href(&editor_path(None)) attr:class="button"><Tr key=Key::FeedbackHrSurveyNew/></A></p> })}
            <Loadable resource=surveys skeleton_lines=8 render=move |surveys| {
                if surveys.is_empty() {
                    return view! { <p class="empty"><Tr key=Key::FeedbackHrSurveysEmpty/></p> }.into_any();
                }
                view! {
                    <ul class="order-list" data-testid="surveys">
                        {surveys.into_iter().map(|summary| view! { <li><SurveyCard summary directory hr/></li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }/>
        </ResponderFrame>
    }
}

#[component]
fn SurveyCard(summary: SurveySummary, directory: Signal<Directory>, hr: bool) -> impl IntoView {
    let i18n = use_i18n();
    let SurveySummary { survey, responses } = summary;
    let phase = phase(&survey, today());
    let (id, title, draft) = (survey.id, survey.draft.title.clone(), survey.draft);
    let heading_id = format!("survey-{}", id.0);
    let (badge_class, badge) = match phase {
        Phase::Scheduled => ("badge badge-placed", Key::FeedbackHrSurveyScheduled),
        Phase::Open => ("badge badge-ready", Key::FeedbackHrSurveyOpen),
        Phase::Closed => ("badge badge-done", Key::FeedbackHrSurveyClosed),
    };
    let (opens, closes) = (draft.opens, draft.closes);
    let audience = draft.audience.clone();
    let series = draft.series.clone();
    let title_text = move || title.get(i18n.lang()).to_owned();
    let title_for_links = title_text.clone();
    view! {
        <article class="card order-row" aria-labelledby=heading_id.clone() data-testid="survey">
            <div class="offering-head">
                <h2 id=heading_id.clone()>{title_text}</h2>
                <span class=badge_class>{move || i18n.t(badge)}</span>
            </div>
            <p>{move || i18n.fill(Key::FeedbackHrSurveyDates, &[("opens", &date(opens, i18n.lang())), ("closes", &date(closes, i18n.lang()))])}</p>
            <p class="muted">{move || audience_summary(&audience, &directory.read(), i18n.lang())}</p>
            {series.map(|name| view! { <p class="muted">{move || i18n.fill(Key::FeedbackHrSurveySeries, &[("name", &name)])}</p> })}
            <p>{move || i18n.fill(Key::FeedbackHrSurveyResponses, &[("n", &responses.to_string())])}</p>
            <div class="actions">
                {(phase == Phase::Closed).then(|| {
                    let title = title_for_links.clone();
                    view! {
                        <A href=app_href(&results_path(id, hr)) attr:class="button secondary">
                            <Tr key=Key::FeedbackHrSurveyResultsLink/><span class="visually-hidden">": "{title}</span>
                        </A>
                    }
                })}
                {(hr && phase != Phase::Closed).then(|| {
                    let title = title_for_links.clone();
                    view! {
                        <A href=app_href(&editor_path(Some(id))) attr:class="button secondary">
                            <Tr key=Key::FeedbackHrSurveyEdit/><span class="visually-hidden">": "{title}</span>
                        </A>
                    }
                })}
            </div>
            {(phase != Phase::Closed).then(|| view! { <p class="muted"><Tr key=Key::FeedbackHrSurveyResultsLater/></p> })}
        </article>
    }
}

/// Who is asked, in a line: everyone, or the contracts, departments and
/// sites the audience names (and a note of any other condition).
fn audience_summary(audience: &Audience, directory: &Directory, lang: Lang) -> String {
    use crate::i18n::{fill, text};
    if audience.all_of.is_empty() {
        return text(Key::FeedbackHrAudienceEveryone, lang).to_owned();
    }
    let parts: Vec<String> = audience
        .all_of
        .iter()
        .map(|condition| match condition {
            Condition::EmploymentTypeIn(types) => {
                let names: Vec<&str> = types.iter().map(|t| text(employment_type_key(*t), lang)).collect();
                fill(Key::FeedbackHrAudienceTypes, lang, &[("names", &names.join(", "))])
            }
            Condition::DepartmentIn(ids) => {
                let names: Vec<String> = ids.iter().map(|id| department_name(directory, *id, lang)).collect();
                fill(Key::FeedbackHrAudienceDepartments, lang, &[("names", &names.join(", "))])
            }
            Condition::SiteIn(ids) => {
                let names: Vec<String> = ids.iter().map(|id| site_name(directory, *id, lang)).collect();
                fill(Key::FeedbackHrAudienceSites, lang, &[("names", &names.join(", "))])
            }
            _ => text(Key::FeedbackHrAudienceOther, lang).to_owned(),
        })
        .collect();
    let mut unique: Vec<String> = Vec::new();
    for part in parts {
        if !unique.contains(&part) {
            unique.push(part);
        }
    }
    unique.join(" · ")
}
