use super::directory::{directory_resource, directory_signal, Directory};
use super::figures::{
    bar_width, dimension_value, enps_groups, enps_width, filter_value, hundredths, mean_width, parse_dimension, parse_filter, percent, signed,
};
use super::labels::{breakdown_key, dimension_key, group_name, AGREEMENT};
use super::{surveys_path, ResponderFrame};
use crate::browser::app_href;
use crate::components::Loadable;
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::feedback::api::use_feedback;
use crate::session::use_session;
use domain::feedback::disclosure::{Dimension, GroupKey, NOT_STATED};
use domain::feedback::profile::TenureBand;
use domain::feedback::results::{GroupFigures, GroupResult, ResultComment, ResultsQuery, SurveyResults, Tally, TrendPoint};
use domain::feedback::survey::{Question, QuestionKind, Survey, SurveyId};
use domain::{EmploymentType, LocalizedText};
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::BTreeSet;

/// A survey's results: while it is open only the count of responses; once
/// closed, each question's answers for the (filtered) population, a
/// breakdown by one dimension with the groups too small to show hidden,
/// the comments and the series' trend. HR may filter by one group; a
/// manager sees their own department (the backend applies it).
#[component]
pub fn Results(id: SurveyId) -> impl IntoView {
    let hr = use_session().is_hr();
    let api = use_feedback();
    let breakdown = RwSignal::new(None::<Dimension>);
    let filter = RwSignal::new(None::<GroupKey>);
    let results = LocalResource::new(move || {
        let (api, query) = (api.clone(), ResultsQuery { filter: filter.get(), breakdown: breakdown.get() });
        async move { api.results(id, &query).await }
    });
    let directory = directory_signal(directory_resource());
    // The controls show once the figures are out, and stay while the page
    // asks for another view of them; groups seen in a breakdown can be
    // filtered by.
    let closed = RwSignal::new(false);
    let seen = RwSignal::new(BTreeSet::<GroupKey>::new());
    Effect::new(move |_| {
        if let Some(Ok(results)) = results.get() {
            closed.set(results.closed);
            seen.update(|seen| seen.extend(results.groups.iter().map(|g| g.group)));
        }
    });
    view! {
        <ResponderFrame title=Key::FeedbackHrResultsTitle>
            <p><A href=app_href(surveys_path(hr)) attr:class="back-link"><Tr key=Key::FeedbackHrBackToSurveys/></A></p>
            {move || closed.get().then(|| view! { <Controls breakdown filter directory seen hr/> })}
            <Loadable resource=results skeleton_lines=12 render=move |results| view! { <ResultsView results directory hr/> }/>
        </ResponderFrame>
    }
}

/// The breakdown, and HR's filter (one group of a dimension).
#[component]
fn Controls(
    breakdown: RwSignal<Option<Dimension>>,
    filter: RwSignal<Option<GroupKey>>,
    directory: Signal<Directory>,
    seen: RwSignal<BTreeSet<GroupKey>>,
    hr: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    // Every group HR may filter by: departments and sites known by name or
    // seen in a breakdown, every contract and tenure band.
    let groups = move |dimension: Dimension| -> Vec<GroupKey> {
        let mut keys: BTreeSet<GroupKey> = seen.read().iter().filter(|k| k.dimension == dimension).copied().collect();
        let directory = directory.read();
        match dimension {
            Dimension::Department => keys.extend(directory.departments.iter().map(|d| GroupKey::department(d.id))),
            Dimension::Site => keys.extend(directory.sites.iter().map(|s| GroupKey::site(s.id))),
            Dimension::Employment => keys.extend(EmploymentType::ALL.map(GroupKey::employment)),
            Dimension::Tenure => keys.extend(TenureBand::ALL.map(GroupKey::tenure)),
        }
        // "Not stated" last, after the named groups.
        let (named, unnamed): (Vec<GroupKey>, Vec<GroupKey>) = keys.into_iter().partition(|k| k.value != NOT_STATED);
        named.into_iter().chain(unnamed).collect()
    };
    view! {
        <div class="filters queue-filters">
            <div class="field">
                <label for="results-breakdown"><Tr key=Key::FeedbackHrResultsBreakdown/></label>
                <select id="results-breakdown" on:change=move |ev| breakdown.set(parse_dimension(&event_target_value(&ev)))>
                    <option value="" selected=move || breakdown.get().is_none()>{move || i18n.t(Key::FeedbackHrResultsBreakdownNone)}</option>
                    {Dimension::ALL.map(|d| view! {
                        <option value=dimension_value(d) selected=move || breakdown.get() == Some(d)>{move || i18n.t(dimension_key(d))}</option>
                    }).collect_view()}
                </select>
            </div>
            {hr.then(|| view! {
                <div class="field">
                    <label for="results-filter"><Tr key=Key::FeedbackHrResultsFilter/></label>
                    <select id="results-filter" on:change=move |ev| filter.set(parse_filter(&event_target_value(&ev)))>
                        <option value="" selected=move || filter.get().is_none()>{move || i18n.t(Key::FeedbackHrResultsFilterAll)}</option>
                        {Dimension::ALL.map(|d| view! {
                            <optgroup label=move || i18n.t(dimension_key(d))>
                                {move || groups(d).into_iter().map(|key| view! {
                                    <option value=filter_value(Some(key)) selected=move || filter.get() == Some(key)>
                                        {move || group_name(&directory.read(), key, i18n.lang())}
                                    </option>
                                }).collect_view()}
                            </optgroup>
                        }).collect_view()}
                    </select>
                </div>
            })}
        </div>
    }
}

#[component]
fn ResultsView(results: SurveyResults, directory: Signal<Directory>, hr: bool) -> impl IntoView {
    let i18n = use_i18n();
    let SurveyResults { survey, responses, closed, filter, total, groups, comments, trend } = results;
    let title = survey.draft.title.clone();
    let (opens, closes) = (survey.draft.opens, survey.draft.closes);
    let head = view! {
        <h2>{move || title.get(i18n.lang()).to_owned()}</h2>
        <p class="muted">{move || i18n.fill(Key::FeedbackHrSurveyDates, &[("opens", &date(opens, i18n.lang())), ("closes", &date(closes, i18n.lang()))])}</p>
    };
    if !closed {
        let count = responses.to_string();
        return view! {
            {head}
            <p data-testid="results-open">{move || i18n.fill(Key::FeedbackHrResultsOpen, &[("n", &count), ("day", &date(closes, i18n.lang()))])}</p>
        }
        .into_any();
    }
    let scope = filter.map(|group| {
        let key = if hr { Key::FeedbackHrResultsShowing } else { Key::FeedbackHrResultsOwnDepartment };
        let placeholder = if hr { "group" } else { "name" };
        view! { <p><strong>{move || i18n.fill(key, &[(placeholder, &group_name(&directory.read(), group, i18n.lang()))])}</strong></p> }
    });
    let k = survey.draft.min_responses.to_string();
    let figures = match total {
        None => view! { <p class="empty" data-testid="results-hidden">{move || i18n.fill(Key::FeedbackHrResultsHiddenTotal, &[("k", &k)])}</p> }.into_any(),
        Some(total) => {
            let respondents = total.respondents.to_string();
            let comments_apart = hr && filter.is_some() && !comments.is_empty();
            let questions = survey.draft.questions.iter().cloned().zip(total.questions).enumerate().map(|(i, (question, tally))| {
                let said: Vec<ResultComment> = comments.iter().filter(|c| c.question as usize == i).cloned().collect();
                view! { <QuestionResult index=i question tally comments=said min_comments=survey.draft.min_comment_responses comments_apart/> }
            });
            view! {
                <p data-testid="results-respondents">{move || i18n.fill(Key::FeedbackHrResultsRespondents, &[("n", &respondents)])}</p>
                {questions.collect_view()}
            }
            .into_any()
        }
    };
    let groups = (!groups.is_empty()).then(|| view! { <Breakdown survey=survey.clone() groups directory/> });
    let compared = survey.draft.questions.iter().any(|q| matches!(q.kind, QuestionKind::Agreement | QuestionKind::Enps));
    let trend = (compared && !trend.is_empty()).then(|| view! { <Trend survey=survey.clone() points=trend/> });
    view! { {head}{scope}{figures}{groups}{trend} }.into_any()
}

/// One question: its answers as a chart, its mean or eNPS, its comments.
#[component]
fn QuestionResult(index: usize, question: Question, tally: Tally, comments: Vec<ResultComment>, min_comments: u32, comments_apart: bool) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("question-{index}");
    let text = question.text.clone();
    let number = (index + 1).to_string();
    let caption = Signal::derive(move || i18n.fill(Key::FeedbackHrQuestionHeading, &[("n", &number), ("text", text.get(i18n.lang()))]));
    let figures = match (&question.kind, tally) {
        (_, Tally::Agreement { counts }) => {
            let rows = AGREEMENT.iter().zip(counts).map(|(key, n)| (Label::Key(*key), n)).collect();
            let mean = Tally::Agreement { counts }.mean_hundredths();
            view! {
                <Chart caption rows/>
                {mean.map(|m| view! { <p><strong>{move || i18n.fill(Key::FeedbackHrMean, &[("mean", &hundredths(m, i18n.lang()))])}</strong></p> })}
            }
            .into_any()
        }
        (_, Tally::Enps { counts }) => {
            let [detractors, passives, promoters] = enps_groups(&counts);
            let rows = vec![
                (Label::Key(Key::FeedbackHrEnpsDetractors), detractors),
                (Label::Key(Key::FeedbackHrEnpsPassives), passives),
                (Label::Key(Key::FeedbackHrEnpsPromoters), promoters),
            ];
            let every = counts.iter().enumerate().map(|(score, n)| (Label::Score(score as u32), *n)).collect();
            let score = Tally::Enps { counts }.enps();
            let every_caption = Signal::derive(move || format!("{} ({})", caption.get(), i18n.t(Key::FeedbackHrEnpsEveryScore)));
            view! {
                <Chart caption rows/>
                {score.map(|s| view! { <p><strong>{move || i18n.fill(Key::FeedbackHrEnpsScore, &[("score", &signed(s))])}</strong></p> })}
                <details class="audit">
                    <summary><Tr key=Key::FeedbackHrEnpsEveryScore/></summary>
                    <Chart caption=every_caption rows=every/>
                </details>
            }
            .into_any()
        }
        (QuestionKind::Choice { options }, Tally::Choice { counts }) => {
            let rows = options.iter().cloned().zip(counts).map(|(option, n)| (Label::Text(option), n)).collect();
            view! { <Chart caption rows/> }.into_any()
        }
        (_, Tally::Choice { counts }) => {
            let rows = counts.into_iter().enumerate().map(|(i, n)| (Label::Score(i as u32 + 1), n)).collect();
            view! { <Chart caption rows/> }.into_any()
        }
        (_, Tally::Text { answered }) => {
            let shown = !comments.is_empty();
            let kc = min_comments.to_string();
            view! {
                <p>{move || i18n.fill(Key::FeedbackHrTextAnswered, &[("n", &answered.to_string())])}</p>
                {(answered > 0 && !shown).then(|| view! { <p class="muted">{move || i18n.fill(Key::FeedbackHrCommentsNone, &[("k", &kc)])}</p> })}
            }
            .into_any()
        }
    };
    let comments = (!comments.is_empty()).then(|| {
        view! {
            <h4><Tr key=Key::FeedbackHrCommentsHeading/></h4>
            {comments_apart.then(|| view! { <p class="muted"><Tr key=Key::FeedbackHrCommentsWholeSurvey/></p> })}
            <ul class="review-list" data-testid="results-comments">
                {comments.into_iter().map(|c| view! {
                    <li class="card">
                        <q class="comment message-body">{c.text}</q>
                        <span class="muted">{move || i18n.fill(Key::FeedbackHrCommentDay, &[("day", &date(c.day, i18n.lang()))])}</span>
                    </li>
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <section class="section" aria-labelledby=heading_id.clone() data-testid="results-question">
            <h3 id=heading_id.clone()>{caption}</h3>
            {figures}
            {comments}
        </section>
    }
}

/// A row's label in a chart.
#[derive(Clone)]
enum Label {
    Key(Key),
    /// An option HR wrote.
    Text(LocalizedText),
    /// An eNPS score (or an option without its text).
    Score(u32),
}

/// A distribution as a table (read cell by cell by screen readers), whose
/// share cells also draw a bar as wide as the share.
#[component]
fn Chart(caption: Signal<String>, rows: Vec<(Label, u32)>) -> impl IntoView {
    let i18n = use_i18n();
    let whole: u32 = rows.iter().map(|(_, n)| n).sum();
    view! {
        <table class="count-table chart">
            <caption class="visually-hidden">{caption}</caption>
            <thead><tr>
                <th scope="col"><Tr key=Key::FeedbackHrAnswer/></th>
                <th scope="col" class="num"><Tr key=Key::FeedbackHrAnswerCount/></th>
                <th scope="col" class="num share"><Tr key=Key::FeedbackHrAnswerShare/></th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|(label, n)| {
                    let label = move || match &label {
                        Label::Key(key) => i18n.t(*key).to_owned(),
                        Label::Text(text) => text.get(i18n.lang()).to_owned(),
                        Label::Score(score) => i18n.fill(Key::FeedbackHrEnpsScoreRow, &[("n", &score.to_string())]),
                    };
                    let share = percent(n, whole).to_string();
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            <td class="num">{n}</td>
                            <td class="num share">
                                {move || i18n.fill(Key::FeedbackHrPercent, &[("n", &share)])}
                                <span class="bar" aria-hidden="true" style:width=bar_width(n, whole)></span>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Each group of the breakdown with its count, means and eNPS; groups too
/// small to show say so, with no number.
#[component]
fn Breakdown(survey: Survey, groups: Vec<GroupResult>, directory: Signal<Directory>) -> impl IntoView {
    let i18n = use_i18n();
    let dimension = groups[0].group.dimension;
    // The columns: each agreement question's mean, each eNPS question's score.
    let columns: Vec<(usize, bool)> = survey
        .draft
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| match q.kind {
            QuestionKind::Agreement => Some((i, false)),
            QuestionKind::Enps => Some((i, true)),
            _ => None,
        })
        .collect();
    let span = (columns.len() + 1).to_string();
    let headers = columns.clone().into_iter().map(|(i, enps)| {
        let (key, n) = (if enps { Key::FeedbackHrEnpsOfQuestion } else { Key::FeedbackHrMeanOfQuestion }, (i + 1).to_string());
        view! { <th scope="col" class="num">{move || i18n.fill(key, &[("n", &n)])}</th> }
    });
    let rows = groups.into_iter().map(|GroupResult { group, figures }| {
        let name = move || group_name(&directory.read(), group, i18n.lang());
        let cells = match figures {
            Some(GroupFigures { respondents, questions }) => {
                let values = columns.iter().map(|(i, _)| {
                    let tally = questions.get(*i).cloned();
                    move || {
                        match &tally {
                            Some(t @ Tally::Agreement { .. }) => {
                                t.mean_hundredths().map(|m| i18n.fill(Key::FeedbackHrMeanShort, &[("mean", &hundredths(m, i18n.lang()))]))
                            }
                            Some(t @ Tally::Enps { .. }) => t.enps().map(signed),
                            _ => None,
                        }
                        .unwrap_or_default()
                    }
                });
                view! {
                    <td class="num">{respondents}</td>
                    {values.map(|value| view! { <td class="num">{value}</td> }).collect_view()}
                }
                .into_any()
            }
            None => view! { <td colspan=span.clone() class="muted"><Tr key=Key::FeedbackHrGroupHidden/></td> }.into_any(),
        };
        view! { <tr><th scope="row">{name}</th>{cells}</tr> }
    });
    view! {
        <div class="section" data-testid="results-groups">
            <h2 id="results-groups"><Tr key=breakdown_key(dimension)/></h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="results-groups">
                <table class="count-table">
                    <caption class="visually-hidden"><Tr key=breakdown_key(dimension)/></caption>
                    <thead><tr>
                        <th scope="col"><Tr key=Key::FeedbackHrGroup/></th>
                        <th scope="col" class="num"><Tr key=Key::FeedbackHrRespondents/></th>
                        {headers.collect_view()}
                    </tr></thead>
                    <tbody>{rows.collect_view()}</tbody>
                </table>
            </div>
        </div>
    }
}

/// The series' closed surveys in order: each one's eNPS and mean agreement
/// (where shown), as numbers and bars.
#[component]
fn Trend(survey: Survey, points: Vec<TrendPoint>) -> impl IntoView {
    let i18n = use_i18n();
    let series = survey.draft.series.clone().unwrap_or_default();
    let heading = Signal::derive(move || i18n.fill(Key::FeedbackHrTrendHeading, &[("series", &series)]));
    let hidden = move || i18n.t(Key::FeedbackHrTrendHidden).to_owned();
    // A column only for what the series asks.
    let asks = |kind: fn(&QuestionKind) -> bool| survey.draft.questions.iter().any(|q| kind(&q.kind));
    let (has_enps, has_mean) = (asks(|k| matches!(k, QuestionKind::Enps)), asks(|k| matches!(k, QuestionKind::Agreement)));
    view! {
        <section class="section" aria-labelledby="results-trend" data-testid="results-trend">
            <h2 id="results-trend">{heading}</h2>
            <table class="count-table chart">
                <caption class="visually-hidden">{heading}</caption>
                <thead><tr>
                    <th scope="col"><Tr key=Key::FeedbackHrTrendClosed/></th>
                    {has_enps.then(|| view! { <th scope="col" class="num share">"eNPS"</th> })}
                    {has_mean.then(|| view! { <th scope="col" class="num share"><Tr key=Key::FeedbackHrTrendMean/></th> })}
                </tr></thead>
                <tbody>
                    {points.into_iter().map(|point| {
                        let this = point.survey == survey.id;
                        view! {
                            <tr>
                                <th scope="row">
                                    {move || date(point.closes, i18n.lang())}
                                    {this.then(|| view! { " "<Tr key=Key::FeedbackHrTrendThis/> })}
                                </th>
                                {has_enps.then(|| view! {
                                    <td class="num share">{match point.enps {
                                        Some(score) => view! { {signed(score)}<span class="bar" aria-hidden="true" style:width=enps_width(score)></span> }.into_any(),
                                        None => view! { {hidden} }.into_any(),
                                    }}</td>
                                })}
                                {has_mean.then(|| view! {
                                    <td class="num share">{match point.mean_hundredths {
                                        Some(mean) => view! {
                                            {move || i18n.fill(Key::FeedbackHrMeanShort, &[("mean", &hundredths(mean, i18n.lang()))])}
                                            <span class="bar" aria-hidden="true" style:width=mean_width(mean)></span>
                                        }.into_any(),
                                        None => view! { {hidden} }.into_any(),
                                    }}</td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
