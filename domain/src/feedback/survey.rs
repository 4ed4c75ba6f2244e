//! Pulse surveys: what HR asks, who is asked, and the answers, which carry
//! no identity: a response is a random id, the answers, the day, the
//! respondent's group as far as the group stays large, and the mark of the
//! token it spent.

use crate::audience::Audience;
use crate::common::{Rule, Violation};
use crate::date::Date;
use crate::feedback::anonymous::AnonymousId;
use crate::feedback::profile::ReportedProfile;
use crate::member::LocalizedText;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SurveyId(pub u32);

/// The smallest threshold HR may set: below it, "anonymous" results would
/// be one or two people's answers.
pub const MIN_THRESHOLD: u32 = 3;
/// The longest free-text answer, title or question.
pub const MAX_TEXT: usize = 2000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionKind {
    /// 1 (strongly disagree) to 5 (strongly agree).
    Agreement,
    /// "How likely are you to recommend…", 0 to 10.
    Enps,
    /// One of the options.
    Choice { options: Vec<LocalizedText> },
    /// Free text, shown to HR only as comments of a large enough group.
    Text,
}

/// A question: its text, `kind`, and for a choice its `options`, all at
/// one level (`{"text": …, "kind": "choice", "options": […]}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "QuestionFields")]
pub struct Question {
    pub text: LocalizedText,
    #[serde(flatten)]
    pub kind: QuestionKind,
}

/// A question as it is read. A flattened, internally tagged kind would be
/// buffered and read leniently (a stray key, or `options` on a question
/// that has none, silently dropped); these fields are read like any
/// struct's, and only a choice has `options`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFields {
    text: LocalizedText,
    kind: KindName,
    #[serde(default, deserialize_with = "present")]
    options: Option<Vec<LocalizedText>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum KindName {
    Agreement,
    Enps,
    Choice,
    Text,
}

/// `options` when written; `null` is refused like any other non-list.
fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Vec<LocalizedText>>, D::Error> {
    Vec::deserialize(deserializer).map(Some)
}

impl TryFrom<QuestionFields> for Question {
    type Error = &'static str;

    fn try_from(fields: QuestionFields) -> Result<Question, &'static str> {
        let kind = match (fields.kind, fields.options) {
            (KindName::Choice, Some(options)) => QuestionKind::Choice { options },
            (KindName::Choice, None) => return Err("missing field `options`: a choice question lists its options"),
            (_, Some(_)) => return Err("unknown field `options`: only a choice question has options"),
            (KindName::Agreement, None) => QuestionKind::Agreement,
            (KindName::Enps, None) => QuestionKind::Enps,
            (KindName::Text, None) => QuestionKind::Text,
        };
        Ok(Question { text: fields.text, kind })
    }
}

/// What HR writes: the survey without its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyDraft {
    pub title: LocalizedText,
    pub questions: Vec<Question>,
    #[serde(default)]
    pub audience: Audience,
    pub opens: Date,
    pub closes: Date,
    /// Responses a group needs before its scores show.
    pub min_responses: u32,
    /// Responses a group needs before its comments show.
    pub min_comment_responses: u32,
    /// Surveys of one series are compared over time (the trend).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Survey {
    pub id: SurveyId,
    #[serde(flatten)]
    pub draft: SurveyDraft,
}

impl Survey {
    /// Whether answers are taken on `today` (both ends included).
    pub fn is_open(&self, today: Date) -> bool {
        self.draft.opens <= today && today <= self.draft.closes
    }
}

/// One answer, in the order of the questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// An agreement (1–5) or an eNPS score (0–10).
    Score(u8),
    /// The index of a choice.
    Choice(u8),
    Text(String),
    /// Every question may be left out.
    Skipped,
}

/// A stored response: nothing in it says who gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub id: AnonymousId,
    pub survey: SurveyId,
    pub day: Date,
    pub profile: ReportedProfile,
    pub answers: Vec<Answer>,
}

impl SurveyDraft {
    /// Everything wrong with the draft, at its fields.
    pub fn violations(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        text_violations(&mut found, "title", &self.title);
        if self.questions.is_empty() {
            found.push(Violation::new("questions", Rule::Required, None));
        }
        for (i, question) in self.questions.iter().enumerate() {
            text_violations(&mut found, &format!("questions[{i}].text"), &question.text);
            if let QuestionKind::Choice { options } = &question.kind {
                if options.len() < 2 || options.len() > u8::MAX as usize {
                    found.push(Violation::out_of_range(&format!("questions[{i}].options"), 2, u8::MAX as u64));
                }
                for (j, option) in options.iter().enumerate() {
                    text_violations(&mut found, &format!("questions[{i}].options[{j}]"), option);
                }
            }
        }
        if self.closes < self.opens {
            found.push(Violation::new("closes", Rule::EndsBeforeStart, None));
        }
        for (field, value) in [("min_responses", self.min_responses), ("min_comment_responses", self.min_comment_responses)] {
            if !(MIN_THRESHOLD..=1000).contains(&value) {
                found.push(Violation::out_of_range(field, MIN_THRESHOLD as u64, 1000));
            }
        }
        found
    }
}

fn text_violations(found: &mut Vec<Violation>, field: &str, text: &LocalizedText) {
    for (lang, value) in [("vi", &text.vi), ("en", &text.en)] {
        let field = format!("{field}.{lang}");
        if value.trim().is_empty() {
            found.push(Violation::new(&field, Rule::Required, None));
        } else if value.chars().count() > MAX_TEXT {
            found.push(Violation::new(&field, Rule::TooLong, Some(MAX_TEXT as u64)));
        }
    }
}

/// Everything wrong with `answers` to `survey`'s questions, at
/// `answers[i]`: one answer per question, each of its question's kind.
pub fn answer_violations(survey: &Survey, answers: &[Answer]) -> Vec<Violation> {
    let questions = &survey.draft.questions;
    if answers.len() != questions.len() {
        return vec![Violation::out_of_range("answers", questions.len() as u64, questions.len() as u64)];
    }
    let mut found = Vec::new();
    for (i, (question, answer)) in questions.iter().zip(answers).enumerate() {
        let field = format!("answers[{i}]");
        match (&question.kind, answer) {
            (_, Answer::Skipped) => {}
            (QuestionKind::Agreement, Answer::Score(score)) if !(1..=5).contains(score) => found.push(Violation::out_of_range(&field, 1, 5)),
            (QuestionKind::Enps, Answer::Score(score)) if *score > 10 => found.push(Violation::out_of_range(&field, 0, 10)),
            (QuestionKind::Agreement | QuestionKind::Enps, Answer::Score(_)) => {}
            (QuestionKind::Choice { options }, Answer::Choice(choice)) if *choice as usize >= options.len() => {
                found.push(Violation::out_of_range(&field, 0, options.len() as u64 - 1))
            }
            (QuestionKind::Choice { .. }, Answer::Choice(_)) => {}
            (QuestionKind::Text, Answer::Text(text)) if text.chars().count() > MAX_TEXT => {
                found.push(Violation::new(&field, Rule::TooLong, Some(MAX_TEXT as u64)))
            }
            (QuestionKind::Text, Answer::Text(_)) => {}
            _ => found.push(Violation::new(&field, Rule::AnswerKind, None)),
        }
    }
    found
}
