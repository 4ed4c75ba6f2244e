//! A pulse survey's results, for HR and for a manager about their own
//! department: each question's distribution, the eNPS and the trend across
//! a series, for the groups [`Disclosure`] shows, and comments only where
//! enough people answered that a comment cannot be pinned on anyone.
//!
//! Results show once a survey has closed: figures that change with every
//! response would let anyone subtract one day's from the next. While it
//! runs, the count of responses is all there is.

use crate::common::access::is_hr;
use crate::date::Date;
use crate::feedback::disclosure::{Cell, Dimension, Disclosure, GroupKey, Slice, Threshold};
use crate::feedback::profile::ReportedProfile;
use crate::feedback::survey::{Answer, QuestionKind, Response, Survey, SurveyId};
use crate::feedback::use_cases::FeedbackError;
use crate::member::{Member, Role};
use serde::{Deserialize, Serialize};

/// What one question's answers add up to, in one group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Tally {
    /// How many answered 1, 2, 3, 4 and 5.
    Agreement { counts: [u32; 5] },
    /// How many gave each score from 0 to 10; promoters give 9–10,
    /// detractors 0–6.
    Enps { counts: [u32; 11] },
    /// How many chose each option.
    Choice { counts: Vec<u32> },
    /// Free text: its comments are listed apart, where they may be.
    Text { answered: u32 },
}

impl Tally {
    /// The mean agreement in hundredths (4,25 → 425), if anyone answered.
    pub fn mean_hundredths(&self) -> Option<u32> {
        let Tally::Agreement { counts } = self else { return None };
        let answered: u32 = counts.iter().sum();
        let total: u32 = counts.iter().zip(1..).map(|(n, score)| n * score).sum();
        (answered > 0).then(|| (total * 100 + answered / 2) / answered)
    }

    /// The eNPS: the share of promoters less the share of detractors, in
    /// whole percent (−100 to 100), if anyone answered.
    pub fn enps(&self) -> Option<i32> {
        let Tally::Enps { counts } = self else { return None };
        let answered: u32 = counts.iter().sum();
        let promoters: u32 = counts[9..].iter().sum();
        let detractors: u32 = counts[..7].iter().sum();
        (answered > 0).then(|| ((promoters as i64 - detractors as i64) * 100).div_euclid(answered as i64) as i32)
    }
}

/// The figures of one shown group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupFigures {
    pub respondents: u32,
    pub questions: Vec<Tally>,
}

/// A group of the view: hidden ones carry neither figures nor a count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupResult {
    pub group: GroupKey,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figures: Option<GroupFigures>,
}

/// A free-text answer as HR reads it: the question, the words and the day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultComment {
    pub question: u32,
    pub text: String,
    pub day: Date,
}

/// One point of the trend: a closed survey of the series, and its whole
/// population's eNPS and mean agreement, where shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub survey: SurveyId,
    pub closes: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enps: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_hundredths: Option<u32>,
}

/// What a viewer asked to see: a filter (a manager's is always their
/// department) and a breakdown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultsQuery {
    #[serde(default)]
    pub filter: Option<GroupKey>,
    #[serde(default)]
    pub breakdown: Option<Dimension>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyResults {
    pub survey: Survey,
    /// Every response so far: during the survey, all there is to see.
    pub responses: u32,
    /// Whether the figures below are out (the survey has closed).
    pub closed: bool,
    /// The filter actually applied (a manager's department).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<GroupKey>,
    /// The filtered population; `None` while open, or when hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<GroupFigures>,
    pub groups: Vec<GroupResult>,
    /// Shuffled (by the responses' random ids) and dated by day; only for
    /// the whole survey (HR) or a manager's department, with at least the
    /// comment threshold of responses.
    pub comments: Vec<ResultComment>,
    pub trend: Vec<TrendPoint>,
}

/// A survey in HR's and managers' list: how many have answered so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveySummary {
    pub survey: Survey,
    pub responses: u32,
}

/// The surveys, newest first, for those who may see results.
pub fn survey_list(viewer: &Member, surveys: &[Survey], responses: &[Response]) -> Result<Vec<SurveySummary>, FeedbackError> {
    allowed_filter(viewer, None)?;
    let mut list: Vec<SurveySummary> =
        surveys.iter().map(|s| SurveySummary { survey: s.clone(), responses: responses.iter().filter(|r| r.survey == s.id).count() as u32 }).collect();
    list.sort_by(|a, b| b.survey.draft.opens.cmp(&a.survey.draft.opens).then(b.survey.id.cmp(&a.survey.id)));
    Ok(list)
}

/// The filter `viewer` may see results under: HR any, a manager only their
/// own department (whatever was asked); others none.
fn allowed_filter(viewer: &Member, asked: Option<GroupKey>) -> Result<Option<GroupKey>, FeedbackError> {
    if is_hr(viewer) {
        Ok(asked)
    } else if viewer.role == Role::Manager {
        Ok(Some(GroupKey::department(viewer.department_id)))
    } else {
        Err(FeedbackError::Forbidden)
    }
}

fn tally(kind: &QuestionKind, answers: &[&Answer]) -> Tally {
    match kind {
        QuestionKind::Agreement => {
            let mut counts = [0; 5];
            answers.iter().for_each(|a| {
                if let Answer::Score(s @ 1..=5) = a {
                    counts[*s as usize - 1] += 1
                }
            });
            Tally::Agreement { counts }
        }
        QuestionKind::Enps => {
            let mut counts = [0; 11];
            answers.iter().for_each(|a| {
                if let Answer::Score(s @ 0..=10) = a {
                    counts[*s as usize] += 1
                }
            });
            Tally::Enps { counts }
        }
        QuestionKind::Choice { options } => {
            let mut counts = vec![0; options.len()];
            for answer in answers {
                if let Answer::Choice(choice) = answer {
                    counts.get_mut(*choice as usize).into_iter().for_each(|n| *n += 1);
                }
            }
            Tally::Choice { counts }
        }
        QuestionKind::Text => Tally::Text { answered: answers.iter().filter(|a| matches!(a, Answer::Text(_))).count() as u32 },
    }
}

fn figures(survey: &Survey, responses: &[&Response]) -> GroupFigures {
    let questions =
        survey.draft.questions.iter().enumerate().map(|(i, q)| tally(&q.kind, &responses.iter().filter_map(|r| r.answers.get(i)).collect::<Vec<_>>()));
    GroupFigures { respondents: responses.len() as u32, questions: questions.collect() }
}

/// The figures of `cell` if `disclosure` shows it.
fn shown_figures(survey: &Survey, disclosure: &Disclosure, answered: &[(ReportedProfile, &Response)], slice: &Slice) -> Option<GroupFigures> {
    let responses: Vec<&Response> = disclosure.respondents(&slice.cell, answered)?.into_iter().copied().collect();
    Some(figures(survey, &responses))
}

/// `survey`'s results as `viewer` may see them. `responses` are the
/// survey's; `series` the other surveys of its series with theirs.
pub fn results(
    viewer: &Member,
    survey: &Survey,
    responses: &[Response],
    series: &[(Survey, Vec<Response>)],
    query: ResultsQuery,
    today: Date,
) -> Result<SurveyResults, FeedbackError> {
    let filter = allowed_filter(viewer, query.filter)?;
    let closed = today > survey.draft.closes;
    let mut results = SurveyResults {
        survey: survey.clone(),
        responses: responses.len() as u32,
        closed,
        filter,
        total: None,
        groups: vec![],
        comments: vec![],
        trend: vec![],
    };
    if !closed {
        return Ok(results);
    }
    let k = Threshold::new("min_responses", survey.draft.min_responses).unwrap_or_default();
    let answered: Vec<(ReportedProfile, &Response)> = responses.iter().map(|r| (r.profile, r)).collect();
    let profiles: Vec<ReportedProfile> = responses.iter().map(|r| r.profile).collect();
    let disclosure = Disclosure::decide(&profiles, k);
    let view = disclosure.view(filter, query.breakdown, &profiles);
    results.total = shown_figures(survey, &disclosure, &answered, &view.total);
    results.groups =
        view.groups.iter().map(|(group, slice)| GroupResult { group: *group, figures: shown_figures(survey, &disclosure, &answered, slice) }).collect();
    // Comments of the whole survey (HR) or of a manager's department, never
    // of a filter HR picks: a comment seen under two filters would be
    // pinned on their intersection.
    let comment_cell = if is_hr(viewer) { Some(Cell::ALL) } else { filter.map(Cell::group) };
    if let Some(cell) = comment_cell.filter(|cell| disclosure.shows(cell)) {
        let mut commenting: Vec<&Response> = responses.iter().filter(|r| cell.contains(&r.profile)).collect();
        if commenting.len() as u32 >= survey.draft.min_comment_responses {
            commenting.sort_by(|a, b| a.id.cmp(&b.id));
            results.comments = commenting
                .iter()
                .flat_map(|r| {
                    r.answers.iter().enumerate().filter_map(move |(i, a)| match a {
                        Answer::Text(text) => Some(ResultComment { question: i as u32, text: text.clone(), day: r.day }),
                        _ => None,
                    })
                })
                .collect();
        }
    }
    results.trend = trend(viewer, filter, survey, responses, series, today);
    Ok(results)
}

/// Survey `id`'s results as `viewer` may see them, from every survey and
/// response (its series' are compared for the trend).
pub fn survey_results(
    viewer: &Member,
    surveys: &[Survey],
    responses: &[Response],
    id: SurveyId,
    query: ResultsQuery,
    today: Date,
) -> Result<SurveyResults, FeedbackError> {
    let survey = surveys.iter().find(|s| s.id == id).ok_or(FeedbackError::NotFound)?;
    let of = |id: SurveyId| responses.iter().filter(|r| r.survey == id).cloned().collect::<Vec<_>>();
    let series: Vec<(Survey, Vec<Response>)> =
        surveys.iter().filter(|s| s.id != id && s.draft.series.is_some() && s.draft.series == survey.draft.series).map(|s| (s.clone(), of(s.id))).collect();
    results(viewer, survey, &of(id), &series, query, today)
}

/// The series' closed surveys in order, with the population the viewer
/// sees (a manager's department) where it is shown.
fn trend(
    viewer: &Member,
    filter: Option<GroupKey>,
    survey: &Survey,
    responses: &[Response],
    series: &[(Survey, Vec<Response>)],
    today: Date,
) -> Vec<TrendPoint> {
    if survey.draft.series.is_none() {
        return vec![];
    }
    let cell = if is_hr(viewer) { Cell::ALL } else { filter.map_or(Cell::ALL, Cell::group) };
    let mut points: Vec<TrendPoint> = series
        .iter()
        .map(|(s, r)| (s, r.as_slice()))
        .chain([(survey, responses)])
        .filter(|(s, _)| s.draft.series == survey.draft.series && today > s.draft.closes)
        .map(|(s, rs)| {
            let profiles: Vec<ReportedProfile> = rs.iter().map(|r| r.profile).collect();
            let k = Threshold::new("min_responses", s.draft.min_responses).unwrap_or_default();
            let disclosure = Disclosure::decide(&profiles, k);
            let answered: Vec<(ReportedProfile, &Response)> = rs.iter().map(|r| (r.profile, r)).collect();
            let shown = disclosure.respondents(&cell, &answered).map(|rs| figures(s, &rs.into_iter().copied().collect::<Vec<_>>()));
            let pick = |f: fn(&Tally) -> Option<i64>| shown.as_ref().and_then(|g| g.questions.iter().find_map(f));
            TrendPoint {
                survey: s.id,
                closes: s.draft.closes,
                enps: pick(|t| t.enps().map(i64::from)).map(|v| v as i32),
                mean_hundredths: pick(|t| t.mean_hundredths().map(i64::from)).map(|v| v as u32),
            }
        })
        .collect();
    points.sort_by_key(|p| (p.closes, p.survey));
    points.dedup_by_key(|p| p.survey);
    points
}
