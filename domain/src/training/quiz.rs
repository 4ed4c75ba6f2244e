//! Quizzes: multiple-choice questions with one right option each, a pass
//! mark and a number of attempts. The right options never leave the
//! backend before an attempt is graded: a member is shown a [`QuizView`],
//! a separate type with no answers in it, and after submitting learns
//! which questions were wrong (not what was right, so the next attempt
//! still tests something).

use crate::common::{Rule, Violation, WholeRange};
use crate::date::Timestamp;
use crate::member::{LocalizedText, MemberId};
use crate::training::course::CourseId;
use crate::training::fields::{check_text, MAX_TITLE};
use serde::{Deserialize, Serialize};

/// A question and its options; `correct` is the index of the right one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizQuestion {
    pub prompt: LocalizedText,
    pub options: Vec<LocalizedText>,
    pub correct: u8,
}

pub const QUESTIONS: WholeRange = WholeRange::new(1, 100);
pub const OPTIONS: WholeRange = WholeRange::new(2, 10);
/// The share of right answers that passes, in percent.
pub const PASS_PERCENT: WholeRange = WholeRange::new(1, 100);
pub const ATTEMPTS: WholeRange = WholeRange::new(1, 20);
/// The longest question, in characters.
pub const MAX_PROMPT: usize = 1000;

/// What HR writes for a course's quiz.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizDraft {
    pub questions: Vec<QuizQuestion>,
    pub pass_percent: u8,
    pub max_attempts: u32,
}

/// A course's quiz (a course has at most one).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quiz {
    pub course: CourseId,
    #[serde(flatten)]
    pub draft: QuizDraft,
}

impl QuizDraft {
    /// Everything wrong with the draft, at its fields.
    pub fn violations(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        found.extend(QUESTIONS.check("questions", self.questions.len() as u64));
        for (i, question) in self.questions.iter().enumerate() {
            let at = |field: &str| format!("questions[{i}].{field}");
            check_text(&mut found, &at("prompt"), &question.prompt, MAX_PROMPT);
            let options = question.options.len() as u64;
            found.extend(OPTIONS.check(&at("options"), options));
            for (j, option) in question.options.iter().enumerate() {
                check_text(&mut found, &at(&format!("options[{j}]")), option, MAX_TITLE);
            }
            if options > 0 && u64::from(question.correct) >= options {
                found.push(Violation::out_of_range(&at("correct"), 0, options - 1));
            }
        }
        found.extend(PASS_PERCENT.check("pass_percent", u64::from(self.pass_percent)));
        found.extend(ATTEMPTS.check("max_attempts", u64::from(self.max_attempts)));
        found
    }
}

/// A question as a member sees it before submitting: no right option.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionView {
    pub prompt: LocalizedText,
    pub options: Vec<LocalizedText>,
}

/// The quiz as a member sees it: the questions without their answers, the
/// pass mark and the attempts left.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizView {
    pub course: CourseId,
    pub questions: Vec<QuestionView>,
    pub pass_percent: u8,
    pub max_attempts: u32,
    pub attempts_left: u32,
}

impl Quiz {
    pub fn view(&self, attempts_used: u32) -> QuizView {
        QuizView {
            course: self.course,
            questions: self.draft.questions.iter().map(|q| QuestionView { prompt: q.prompt.clone(), options: q.options.clone() }).collect(),
            pass_percent: self.draft.pass_percent,
            max_attempts: self.draft.max_attempts,
            attempts_left: self.draft.max_attempts.saturating_sub(attempts_used),
        }
    }

    /// `answers` (one option index per question), graded; or what is wrong
    /// with them at `answers[i]`.
    pub fn grade(&self, answers: &[u8]) -> Result<Grade, Vec<Violation>> {
        let questions = &self.draft.questions;
        if answers.len() != questions.len() {
            return Err(vec![Violation::out_of_range("answers", questions.len() as u64, questions.len() as u64)]);
        }
        let out_of_range: Vec<Violation> = questions
            .iter()
            .zip(answers)
            .enumerate()
            .filter(|(_, (q, a))| usize::from(**a) >= q.options.len())
            .map(|(i, (q, _))| Violation::out_of_range(&format!("answers[{i}]"), 0, q.options.len().saturating_sub(1) as u64))
            .collect();
        if !out_of_range.is_empty() {
            return Err(out_of_range);
        }
        let wrong: Vec<u32> = questions.iter().zip(answers).enumerate().filter(|(_, (q, a))| q.correct != **a).map(|(i, _)| i as u32).collect();
        let total = questions.len() as u32;
        let correct = total - wrong.len() as u32;
        // Whole-number arithmetic: 8 of 10 at a pass mark of 80% passes.
        let passed = u64::from(correct) * 100 >= u64::from(self.draft.pass_percent) * u64::from(total);
        Ok(Grade { correct, total, percent: (u64::from(correct) * 100 / u64::from(total.max(1))) as u8, passed, wrong })
    }
}

/// How an attempt went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grade {
    pub correct: u32,
    pub total: u32,
    /// Right answers in percent, rounded down.
    pub percent: u8,
    pub passed: bool,
    /// The questions answered wrongly, by index.
    pub wrong: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AttemptId(pub u32);

/// One go at a course's quiz: started, then submitted and graded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub id: AttemptId,
    pub member: MemberId,
    pub course: CourseId,
    pub started_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Submission>,
}

/// What was answered, when, and the grade.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub at: Timestamp,
    pub answers: Vec<u8>,
    pub grade: Grade,
}

impl Attempt {
    pub fn passed(&self) -> bool {
        self.submitted.as_ref().is_some_and(|s| s.grade.passed)
    }
}

/// Whether `attempts` (one member's, of one course, in this round) leave
/// another: none passed, and fewer submitted than allowed.
pub fn attempt_refusal(quiz: &Quiz, attempts: &[&Attempt]) -> Option<Violation> {
    let submitted = attempts.iter().filter(|a| a.submitted.is_some()).count() as u32;
    if attempts.iter().any(|a| a.passed()) {
        Some(Violation::new("course", Rule::AlreadyPassed, None))
    } else if submitted >= quiz.draft.max_attempts {
        Some(Violation::new("course", Rule::NoAttemptsLeft, Some(u64::from(quiz.draft.max_attempts))))
    } else {
        None
    }
}
