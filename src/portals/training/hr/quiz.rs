use super::form::{whole, SaveButton, Saving, Summary};
use super::TrainingHrFrame;
use crate::api::ApiError;
use crate::browser::app_href;
use crate::components::{Loadable, TextField};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::{training_resource, use_training};
use domain::common::WholeRange;
use domain::training::course::CourseId;
use domain::training::quiz::{Quiz, QuizDraft, QuizQuestion, ATTEMPTS, OPTIONS, PASS_PERCENT};
use domain::LocalizedText;
use leptos::prelude::*;
use leptos_router::components::A;

/// Writes a course's quiz: questions with their options and the right
/// one, the pass mark and the attempts allowed. The answers stay here and
/// in the backend: members never receive them.
#[component]
pub fn QuizEditor(course: CourseId) -> impl IntoView {
    let found = training_resource(move |api| async move {
        Ok(api.hr_catalogue().await?.courses.into_iter().find(|c| c.course.id == course).ok_or(ApiError::NotFound)?.quiz)
    });
    view! {
        <TrainingHrFrame title=Key::TrainingHrQuiz>
            <p><A href=app_href("/hr/training") attr:class="back-link"><Tr key=Key::TrainingHrBackToCatalogue/></A></p>
            <Loadable resource=found skeleton_lines=10 render=move |quiz| view! { <QuizForm course quiz/> }/>
        </TrainingHrFrame>
    }
}

/// A question as typed: its options one a line, `Tiếng Việt | English`.
#[derive(Clone, Copy)]
struct Row {
    key: usize,
    vi: RwSignal<String>,
    en: RwSignal<String>,
    options: RwSignal<String>,
    correct: RwSignal<String>,
}

impl Row {
    fn new(key: usize, question: Option<&QuizQuestion>) -> Row {
        let options = question.map(|q| q.options.iter().map(|o| format!("{} | {}", o.vi, o.en)).collect::<Vec<_>>().join("\n")).unwrap_or_default();
        Row {
            key,
            vi: RwSignal::new(question.map(|q| q.prompt.vi.clone()).unwrap_or_default()),
            en: RwSignal::new(question.map(|q| q.prompt.en.clone()).unwrap_or_default()),
            options: RwSignal::new(options),
            correct: RwSignal::new(question.map_or("1".to_owned(), |q| (q.correct + 1).to_string())),
        }
    }

    /// The options as typed: `vi | en`, or one text for both.
    fn options(&self) -> Vec<LocalizedText> {
        self.options
            .get_untracked()
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| match line.split_once('|') {
                Some((vi, en)) => LocalizedText { vi: vi.trim().to_owned(), en: en.trim().to_owned() },
                None => LocalizedText { vi: line.trim().to_owned(), en: line.trim().to_owned() },
            })
            .collect()
    }
}

#[component]
fn QuizForm(course: CourseId, quiz: Option<Quiz>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let draft = quiz.map(|q| q.draft);
    let pass = RwSignal::new(draft.as_ref().map_or("80".to_owned(), |d| d.pass_percent.to_string()));
    let attempts = RwSignal::new(draft.as_ref().map_or("3".to_owned(), |d| d.max_attempts.to_string()));
    let rows = RwSignal::new(match &draft {
        Some(d) => d.questions.iter().enumerate().map(|(i, q)| Row::new(i, Some(q))).collect(),
        None => vec![Row::new(0, None)],
    });
    let next = StoredValue::new(rows.with_untracked(Vec::len));
    let saving = Saving::new(
        move |draft: QuizDraft| {
            let api = api.clone();
            async move { api.save_quiz(course, &draft).await }
        },
        |_: &Quiz| None,
    );
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut violations = Vec::new();
        let mut number = |field: &str, typed: &str, range: WholeRange| whole(field, typed, range).map_err(|v| violations.push(v)).unwrap_or(range.min as u32);
        let questions: Vec<QuizQuestion> = rows
            .get_untracked()
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let options = row.options();
                let choices = WholeRange::new(1, options.len().clamp(1, OPTIONS.max as usize) as u64);
                let correct = number(&format!("questions[{i}].correct"), &row.correct.get_untracked(), choices) - 1;
                QuizQuestion { prompt: LocalizedText { vi: row.vi.get_untracked(), en: row.en.get_untracked() }, options, correct: correct as u8 }
            })
            .collect();
        let pass_percent = number("pass_percent", &pass.get_untracked(), PASS_PERCENT) as u8;
        let max_attempts = number("max_attempts", &attempts.get_untracked(), ATTEMPTS);
        let draft = QuizDraft { questions, pass_percent, max_attempts };
        violations.extend(draft.violations().into_iter().filter(|v| !v.field.ends_with(".correct")));
        saving.submit(violations, draft);
    };
    // A question's fields are told apart by their position when sent.
    let fields = move || {
        let mut fields: Vec<(String, String, Key)> = vec![
            ("pass_percent".into(), "quiz-pass".into(), Key::TrainingHrPassPercent),
            ("max_attempts".into(), "quiz-attempts".into(), Key::TrainingHrAttempts),
        ];
        for (i, row) in rows.get_untracked().iter().enumerate() {
            let at = |part: &str| format!("questions[{i}].{part}");
            let id = |part: &str| format!("quiz-{}-{part}", row.key);
            fields.push((at("prompt.vi"), id("vi"), Key::TrainingHrPromptVi));
            fields.push((at("prompt.en"), id("en"), Key::TrainingHrPromptEn));
            fields.push((at("options"), id("options"), Key::TrainingHrOptions));
            fields.push((at("correct"), id("correct"), Key::TrainingHrCorrect));
        }
        fields
    };
    let question_errors = move |row: Row, part: &'static str| {
        Signal::derive(move || {
            let index = rows.read().iter().position(|r| r.key == row.key).unwrap_or_default();
            let field = format!("questions[{index}].{part}");
            saving.all().get().into_iter().filter(|e| e.field == field || e.field.starts_with(&format!("{field}["))).collect()
        })
    };
    view! {
        <form class="form" on:submit=send novalidate data-testid="training-quiz-form">
            {move || view! { <Summary saving fields=fields()/> }}
            <TextField id="quiz-pass".into() label=Key::TrainingHrPassPercent value=pass errors=saving.at("pass_percent") numeric=true/>
            <TextField id="quiz-attempts".into() label=Key::TrainingHrAttempts value=attempts errors=saving.at("max_attempts") numeric=true/>
            <For each=move || rows.get() key=|row| row.key let:row>
                <fieldset class="card stack">
                    <legend>{move || i18n.fill(Key::TrainingHrQuestionNumber, &[("n", &(rows.read().iter().position(|r| r.key == row.key).unwrap_or_default() + 1).to_string())])}</legend>
                    <TextField id=format!("quiz-{}-vi", row.key) label=Key::TrainingHrPromptVi value=row.vi errors=question_errors(row, "prompt.vi")/>
                    <TextField id=format!("quiz-{}-en", row.key) label=Key::TrainingHrPromptEn value=row.en errors=question_errors(row, "prompt.en")/>
                    <TextField id=format!("quiz-{}-options", row.key) label=Key::TrainingHrOptions value=row.options errors=question_errors(row, "options") kind="textarea" hint=Key::TrainingHrOptionsHint/>
                    <TextField id=format!("quiz-{}-correct", row.key) label=Key::TrainingHrCorrect value=row.correct errors=question_errors(row, "correct") numeric=true/>
                    <button type="button" class="link-button" on:click=move |_| rows.update(|r| r.retain(|x| x.key != row.key))><Tr key=Key::TrainingHrRemoveQuestion/></button>
                </fieldset>
            </For>
            <p><button type="button" class="button secondary" on:click=move |_| {
                let key = next.get_value();
                next.set_value(key + 1);
                rows.update(|r| r.push(Row::new(key, None)));
            }><Tr key=Key::TrainingHrAddQuestion/></button></p>
            <SaveButton saving/>
        </form>
    }
}
