//! Pulse results as HR and managers read them, from members answering
//! through tokens on the demo store: figures only for closed surveys and
//! large enough groups, no group derivable from the shown ones, comments
//! only where they cannot be pinned on anyone, and the trend of a series.

mod common;

use common::*;
use domain::audience::Audience;
use domain::feedback::book::FeedbackBook;
use domain::feedback::disclosure::{Dimension, GroupKey};
use domain::feedback::results::{ResultsQuery, Tally};
use domain::feedback::survey::{Answer, Question, QuestionKind, SurveyDraft, SurveyId};
use domain::feedback::token::TokenRequest;
use domain::feedback::use_cases::FeedbackError;
use domain::member::{DepartmentId, LocalizedText};
use domain::seed::demo_company;
use domain::{Company, Date};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

const SALES: DepartmentId = DepartmentId(1);
const PRODUCTION: DepartmentId = DepartmentId(2);

fn text(t: &str) -> LocalizedText {
    LocalizedText::new(t, t)
}

fn draft(opens: Date, closes: Date) -> SurveyDraft {
    SurveyDraft {
        title: text("Monthly pulse"),
        questions: vec![
            Question { text: text("I feel heard"), kind: QuestionKind::Agreement },
            Question { text: text("Recommend us?"), kind: QuestionKind::Enps },
            Question { text: text("Anything else?"), kind: QuestionKind::Text },
        ],
        audience: Audience::everyone(),
        opens,
        closes,
        min_responses: 5,
        min_comment_responses: 5,
        series: Some("pulse".into()),
    }
}

struct Pulse {
    company: Company,
    book: FeedbackBook,
    rng: ChaCha20Rng,
}

impl Pulse {
    fn new() -> Pulse {
        let mut rng = ChaCha20Rng::seed_from_u64(3);
        Pulse { company: demo_company(), book: FeedbackBook::new(&mut rng), rng }
    }

    fn survey(&mut self, opens: Date, closes: Date) -> SurveyId {
        let hoa = person(&self.company, "hoa.nguyen").clone();
        self.book.save_survey(&hoa, None, &draft(opens, closes)).unwrap().id
    }

    /// `local` answers through a token, as the browser does.
    fn answer(&mut self, local: &str, survey: SurveyId, day: Date, agreement: u8, enps: u8) {
        let member = person(&self.company, local).clone();
        let scope = self.book.survey_scope(&self.company, &member, survey, day).unwrap();
        let (pending, request) = TokenRequest::new(scope.clone(), &mut self.rng);
        let issued = self.book.issue(&self.company, &member, &request, day, &mut self.rng).unwrap();
        let token = pending.finalize(&issued, &self.book.public_key(&scope)).unwrap();
        let answers = [Answer::Score(agreement), Answer::Score(enps), Answer::Text(format!("note from a {agreement}"))];
        self.book.answer_survey(&self.company, survey, &token, &answers, day, &mut self.rng).unwrap();
    }

    fn results(&self, viewer: &str, survey: SurveyId, query: ResultsQuery, today: Date) -> Result<domain::feedback::results::SurveyResults, FeedbackError> {
        self.book.results(person(&self.company, viewer), survey, query, today)
    }
}

fn day(text: &str) -> Date {
    text.parse().unwrap()
}

const SIX: [&str; 6] = ["lan.tran", "minh.le", "quang.do", "thao.bui", "khoa.dang", "thu.tran"];

#[test]
fn six_answers_show_results_once_the_survey_closes_and_four_show_none() {
    let mut pulse = Pulse::new();
    let six = pulse.survey(day("2026-11-02"), day("2026-11-08"));
    let four = pulse.survey(day("2026-11-09"), day("2026-11-15"));
    for (i, local) in SIX.iter().enumerate() {
        pulse.answer(local, six, day("2026-11-03"), 4 + (i % 2) as u8, 9 - (i % 4) as u8);
    }
    for local in &SIX[..4] {
        pulse.answer(local, four, day("2026-11-10"), 3, 7);
    }
    let running = pulse.results("hoa.nguyen", six, ResultsQuery::default(), day("2026-11-08")).unwrap();
    assert_eq!((running.responses, running.closed, running.total), (6, false, None), "while it runs, a count and nothing else");

    let closed = pulse.results("hoa.nguyen", six, ResultsQuery::default(), day("2026-11-09")).unwrap();
    let total = closed.total.expect("six responses are shown");
    assert_eq!(total.respondents, 6);
    assert_eq!(total.questions[0], Tally::Agreement { counts: [0, 0, 0, 3, 3] });
    assert_eq!(total.questions[0].mean_hundredths(), Some(450));
    // Scores 9, 8, 7, 6, 9, 8: two promoters, one detractor of six.
    assert_eq!(total.questions[1].enps(), Some(16));
    assert_eq!(closed.comments.len(), 6);
    assert!(closed.comments.windows(2).all(|w| w[0].day == w[1].day), "dated by day only");

    let small = pulse.results("hoa.nguyen", four, ResultsQuery::default(), day("2026-11-16")).unwrap();
    assert_eq!((small.responses, small.total, small.comments.len()), (4, None, 0), "not enough responses to show results");
}

#[test]
fn a_breakdown_hides_a_small_department_and_the_one_that_would_give_it_away() {
    let mut pulse = Pulse::new();
    let survey = pulse.survey(day("2026-11-02"), day("2026-11-08"));
    for local in SIX {
        pulse.answer(local, survey, day("2026-11-04"), 4, 9);
    }
    let by_department = ResultsQuery { filter: None, breakdown: Some(Dimension::Department) };
    let results = pulse.results("hoa.nguyen", survey, by_department, day("2026-11-20")).unwrap();
    assert_eq!(results.total.as_ref().map(|t| t.respondents), Some(6));
    let groups: Vec<(GroupKey, bool)> = results.groups.iter().map(|g| (g.group, g.figures.is_some())).collect();
    // Sales (5) alone would give Production's one answer away: 6 − 5.
    assert_eq!(groups, vec![(GroupKey::department(SALES), false), (GroupKey::department(PRODUCTION), false)]);
    let json = serde_json::to_string(&results.groups).unwrap();
    assert!(!json.contains("respondents"), "a hidden group says nothing of its size: {json}");
}

#[test]
fn a_manager_sees_only_his_department_whatever_he_asks_and_a_member_sees_nothing() {
    let mut pulse = Pulse::new();
    let survey = pulse.survey(day("2026-11-02"), day("2026-11-08"));
    for local in SIX {
        pulse.answer(local, survey, day("2026-11-04"), 4, 9);
    }
    let asked = ResultsQuery { filter: Some(GroupKey::department(PRODUCTION)), breakdown: None };
    let minhs = pulse.results("minh.le", survey, asked, day("2026-11-20")).unwrap();
    assert_eq!(minhs.filter, Some(GroupKey::department(SALES)));
    assert_eq!((minhs.total, minhs.comments.len()), (None, 0), "Sales' five cannot be shown next to the company's six");
    assert_eq!(pulse.results("lan.tran", survey, ResultsQuery::default(), day("2026-11-20")).unwrap_err(), FeedbackError::Forbidden);
}

#[test]
fn the_trend_follows_a_series_across_closed_pulses() {
    let mut pulse = Pulse::new();
    let october = pulse.survey(day("2026-10-05"), day("2026-10-11"));
    let november = pulse.survey(day("2026-11-02"), day("2026-11-08"));
    for local in SIX {
        pulse.answer(local, october, day("2026-10-06"), 3, 6);
        pulse.answer(local, november, day("2026-11-03"), 5, 10);
    }
    let results = pulse.results("hoa.nguyen", november, ResultsQuery::default(), day("2026-11-20")).unwrap();
    let trend: Vec<(SurveyId, Option<i32>, Option<u32>)> = results.trend.iter().map(|p| (p.survey, p.enps, p.mean_hundredths)).collect();
    assert_eq!(trend, vec![(october, Some(-100), Some(300)), (november, Some(100), Some(500))]);
}

#[test]
fn a_second_answer_with_the_same_token_is_refused_and_changes_nothing() {
    let mut pulse = Pulse::new();
    let survey = pulse.survey(day("2026-11-02"), day("2026-11-08"));
    let lan = person(&pulse.company, "lan.tran").clone();
    let scope = pulse.book.survey_scope(&pulse.company, &lan, survey, day("2026-11-03")).unwrap();
    let (pending, request) = TokenRequest::new(scope.clone(), &mut pulse.rng);
    let issued = pulse.book.issue(&pulse.company, &lan, &request, day("2026-11-03"), &mut pulse.rng).unwrap();
    let token = pending.finalize(&issued, &pulse.book.public_key(&scope)).unwrap();
    let answers = [Answer::Score(4), Answer::Skipped, Answer::Skipped];
    pulse.book.answer_survey(&pulse.company, survey, &token, &answers, day("2026-11-03"), &mut pulse.rng).unwrap();
    let again = pulse.book.answer_survey(&pulse.company, survey, &token, &answers, day("2026-11-04"), &mut pulse.rng);
    assert_eq!(again.unwrap_err(), domain::feedback::use_cases::already_spent());
    assert_eq!(pulse.book.responses.len(), 1);
}

#[test]
fn the_demo_has_a_trend_of_two_pulses_a_survey_too_small_to_show_and_a_breakdown_that_hides_small_departments() {
    let company = demo_company();
    let book = domain::seed::demo_feedback(&mut ChaCha20Rng::seed_from_u64(1));
    let hoa = person(&company, "hoa.nguyen");
    let today = now().date();
    let october = book.results(hoa, SurveyId(2), ResultsQuery { filter: None, breakdown: Some(Dimension::Department) }, today).unwrap();
    assert_eq!(october.total.as_ref().map(|t| t.respondents), Some(16));
    let trend: Vec<SurveyId> = october.trend.iter().map(|p| p.survey).collect();
    assert_eq!(trend, vec![SurveyId(1), SurveyId(2)], "November's pulse is still open");
    assert!(october.trend.iter().all(|p| p.enps.is_some() && p.mean_hundredths.is_some()));
    let hidden = october.groups.iter().filter(|g| g.figures.is_none()).count();
    let shown = october.groups.iter().filter(|g| g.figures.is_some()).count();
    assert!(hidden >= 2 && shown >= 1, "{:?}", october.groups);
    assert!(!october.comments.is_empty());
    let canteen = book.results(hoa, SurveyId(3), ResultsQuery::default(), today).unwrap();
    assert_eq!((canteen.responses, canteen.total), (4, None));
    let november = book.home(&company, person(&company, "lan.tran"), today);
    assert_eq!(november.open_surveys.iter().map(|o| o.survey.id).collect::<Vec<_>>(), vec![SurveyId(4)]);
    let stored = serde_json::to_string(&(&book.responses, &book.threads)).unwrap();
    assert!(!stored.contains("\"member\":") && !stored.contains("@noibo"), "anonymous items name no member");
}
