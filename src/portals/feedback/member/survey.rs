use super::{on_demo, BackLink};
use crate::api::ApiError;
use crate::browser;
use crate::components::{form_errors, ActionError, ErrorSummary, FieldMessages, FieldTarget, Loadable};
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::feedback::feedback_resource;
use crate::portals::feedback::keeper::use_keeper;
use domain::common::FieldError;
use domain::feedback::survey::{answer_violations, Answer, Question, QuestionKind, SurveyId, MAX_TEXT};
use domain::feedback::wire::{FeedbackHome, OpenSurvey};
use domain::MemberId;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Answering a survey: each question by its kind, any of them skipped,
/// sent under no name with the survey's one-time pass.
#[component]
pub fn SurveyPage(id: SurveyId) -> impl IntoView {
    let keeper = use_keeper();
    keeper.fetch_ahead();
    let home = feedback_resource(|api| async move { api.home().await });
    view! {
        <BackLink/>
        <Loadable resource=home skeleton_lines=8 page=true render=move |home: FeedbackHome| {
            match home.open_surveys.into_iter().find(|open| open.survey.id == id) {
                Some(open) => view! { <Survey open/> }.into_any(),
                None => view! {
                    <h1><Tr key=Key::FeedbackSurveyNotOpen/></h1>
                    <p><Tr key=Key::FeedbackSurveyNotOpenHint/></p>
                }.into_any(),
            }
        }/>
    }
}

#[component]
fn Survey(open: OpenSurvey) -> impl IntoView {
    let i18n = use_i18n();
    let keeper = use_keeper();
    let id = open.survey.id;
    let title = open.survey.draft.title.clone();
    let closes = open.survey.draft.closes;
    let wallet = keeper.wallet.clone();
    let answered = {
        let wallet = wallet.clone();
        move || wallet.with(|w| w.answered.contains(&id))
    };
    // Its pass went to another browser or device: it can be answered there only.
    let elsewhere = {
        let scope = open.scope.clone();
        move || open.token_issued && wallet.with(|w| !w.holds(&scope))
    };
    let open = StoredValue::new(open);
    // The form gives way to the thanks: focus goes there.
    let answered_now = answered.clone();
    Effect::new(move |before: Option<bool>| {
        let now = answered_now();
        if before == Some(false) && now {
            request_animation_frame(|| {
                crate::browser::focus_first("#feedback-thanks");
            });
        }
        now
    });
    view! {
        <h1>{move || title.get(i18n.lang()).to_owned()}</h1>
        <p class="muted">{move || i18n.fill(Key::FeedbackSurveyCloses, &[("date", &date(closes, i18n.lang()))])}</p>
        <p><Tr key=Key::FeedbackSurveyAnonymity/></p>
        {on_demo().then(|| view! { <p class="muted"><Tr key=Key::FeedbackDemoIllustrative/></p> })}
        {move || if answered() {
            view! {
                <div class="success card" role="status" data-testid="survey-answered">
                    <p class="status-title" id="feedback-thanks"><Tr key=Key::FeedbackSurveyThanks/></p>
                    <p><Tr key=Key::FeedbackSurveyThanksHint/></p>
                </div>
            }.into_any()
        } else if elsewhere() {
            view! { <p class="card" data-testid="pass-elsewhere"><Tr key=Key::FeedbackPassElsewhereHint/></p> }.into_any()
        } else {
            view! { <Answers open=open.get_value()/> }.into_any()
        }}
    }
}

/// One answer as the member gives it: nothing yet (skipped), a choice or
/// a score, or text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
enum Given {
    #[default]
    Nothing,
    Picked(u8),
    Written(String),
}

impl Given {
    fn answer(&self) -> Answer {
        match self {
            Given::Nothing => Answer::Skipped,
            Given::Picked(n) => Answer::Score(*n),
            Given::Written(text) if text.trim().is_empty() => Answer::Skipped,
            Given::Written(text) => Answer::Text(text.clone()),
        }
    }
}

/// Where the answers given so far are kept until they are sent, so that a
/// reload loses none. Only this browser holds them, as it holds the token.
fn draft_key(member: MemberId, survey: SurveyId) -> String {
    format!("noibo.draft.feedback.survey.{}.{}", member.0, survey.0)
}

/// The answers kept for these questions; none when the survey has changed
/// its number of questions since.
fn kept_answers(key: &str, questions: usize) -> Vec<Given> {
    let kept: Vec<Given> = browser::read(key).and_then(|raw| serde_json::from_str(&raw).ok()).unwrap_or_default();
    if kept.len() == questions {
        kept
    } else {
        vec![Given::Nothing; questions]
    }
}

#[component]
fn Answers(open: OpenSurvey) -> impl IntoView {
    let i18n = use_i18n();
    let keeper = use_keeper();
    let questions = open.survey.draft.questions.clone();
    let storage = draft_key(keeper.member(), open.survey.id);
    let given: Vec<RwSignal<Given>> = kept_answers(&storage, questions.len()).into_iter().map(RwSignal::new).collect();
    let keep = given.clone();
    let storage_for_effect = storage.clone();
    Effect::new(move |_| {
        let now: Vec<Given> = keep.iter().map(|g| g.get()).collect();
        if let Ok(raw) = serde_json::to_string(&now) {
            browser::write(&storage_for_effect, &raw);
        }
    });
    let given = StoredValue::new(given);
    let kinds: Vec<QuestionKind> = questions.iter().map(|q| q.kind.clone()).collect();
    let kinds = StoredValue::new(kinds);
    let answers = move || -> Vec<Answer> {
        given.with_value(|all| {
            let kinds = kinds.get_value();
            all.iter()
                .zip(&kinds)
                .map(|(g, kind)| match (g.get(), kind) {
                    (Given::Picked(n), QuestionKind::Choice { .. }) => Answer::Choice(n),
                    (other, _) => other.answer(),
                })
                .collect()
        })
    };
    let survey = open.survey.clone();
    let open = StoredValue::new(open);
    let send = Action::new_local(move |answers: &Vec<Answer>| {
        let (keeper, answers, open) = (keeper.clone(), answers.clone(), open.get_value());
        async move { keeper.answer(&open, answers).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = send.value().get() {
            browser::remove(&storage);
        }
    });
    let found = RwSignal::new(Vec::<FieldError>::new());
    let failure = move || send.value().get().and_then(Result::err);
    let count = questions.len();
    let target = Callback::new(move |field: String| {
        let index: usize = field.strip_prefix("answers[")?.strip_suffix(']')?.parse().ok()?;
        (index < count).then(|| FieldTarget { id: format!("question-{index}"), label: i18n.fill(Key::FeedbackQuestionN, &[("n", &(index + 1).to_string())]) })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answers = answers();
        let problems = answer_violations(&survey, &answers);
        if problems.is_empty() {
            found.set(vec![]);
            send.dispatch(answers);
        } else {
            found.set(problems.into_iter().map(FieldError::from).collect());
        }
    };
    let errors = Signal::derive(move || form_errors(&found.read(), &failure()));
    view! {
        <form class="stack" on:submit=submit novalidate data-testid="survey-form">
            <ErrorSummary errors target/>
            <p class="muted"><Tr key=Key::FeedbackSkipHint/></p>
            {questions.into_iter().enumerate().map(|(index, question)| {
                let value = given.with_value(|all| all[index]);
                let field = format!("answers[{index}]");
                let at = Signal::derive(move || errors.get().into_iter().filter(|e| e.field == field).collect::<Vec<_>>());
                view! { <QuestionField index question value errors=at/> }
            }).collect_view()}
            {move || failure().filter(|e| !matches!(e, ApiError::Invalid { .. })).map(|error| view! {
                <ActionError error kept=Key::FormKept retry=move || { send.dispatch(answers()); }/>
            })}
            <button type="submit" class="button" disabled=move || send.pending().get()>
                {move || i18n.t(if send.pending().get() { Key::FeedbackSending } else { Key::FeedbackSendAnswers })}
            </button>
            <p class="visually-hidden" role="status">{move || send.pending().get().then(|| i18n.t(Key::FeedbackSending))}</p>
        </form>
    }
}

/// One question, by its kind: a 1–5 agreement or a 0–10 eNPS as a radio
/// group with its ends labelled, a choice, or free text.
#[component]
fn QuestionField(index: usize, question: Question, value: RwSignal<Given>, #[prop(into)] errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("question-{index}");
    let error_id = format!("question-{index}-error");
    // A free-text answer's box is named by the question, its legend.
    let legend_id = format!("question-{index}-legend");
    let text = question.text.clone();
    let legend = move || format!("{}. {}", index + 1, text.get(i18n.lang()));
    let name = format!("q{index}");
    let radio = {
        let name = name.clone();
        move |n: u8, label: Signal<String>, first: bool| {
            let input_id = first.then(|| format!("question-{index}"));
            view! {
                <label>
                    <input type="radio" id=input_id name=name.clone() value=n.to_string()
                        prop:checked=move || value.get() == Given::Picked(n) on:change=move |_| value.set(Given::Picked(n))/>
                    <span>{move || label.get()}</span>
                </label>
            }
        }
    };
    let clear = move || {
        (value.get() != Given::Nothing && !matches!(value.get(), Given::Written(_))).then(|| {
            view! { <button type="button" class="link-button" on:click=move |_| value.set(Given::Nothing)><Tr key=Key::FeedbackSkipThis/></button> }
        })
    };
    let body = match question.kind {
        QuestionKind::Agreement => {
            let scale = [Key::FeedbackAgree1, Key::FeedbackAgree2, Key::FeedbackAgree3, Key::FeedbackAgree4, Key::FeedbackAgree5];
            view! {
                <div class="star-picker scale">
                    {(1..=5u8).map(|n| radio(n, Signal::derive(move || format!("{n} – {}", i18n.t(scale[usize::from(n) - 1]))), n == 1)).collect_view()}
                </div>
            }
            .into_any()
        }
        QuestionKind::Enps => view! {
            <p class="muted"><Tr key=Key::FeedbackEnpsEnds/></p>
            <div class="star-picker scale">
                {(0..=10u8).map(|n| radio(n, Signal::stored(n.to_string()), n == 0)).collect_view()}
            </div>
        }
        .into_any(),
        QuestionKind::Choice { options } => view! {
            <div class="choices">
                {options.into_iter().enumerate().map(|(n, option)| {
                    radio(n as u8, Signal::derive(move || option.get(i18n.lang()).to_owned()), n == 0)
                }).collect_view()}
            </div>
        }
        .into_any(),
        QuestionKind::Text => view! {
            <textarea id=id.clone() rows="4" maxlength=MAX_TEXT.to_string() aria-labelledby=legend_id.clone() aria-describedby=error_id.clone()
                prop:value=move || match value.get() { Given::Written(text) => text, _ => String::new() }
                on:input=move |ev| value.set(Given::Written(event_target_value(&ev)))></textarea>
        }
        .into_any(),
    };
    view! {
        <fieldset class="question" aria-describedby=error_id.clone() data-testid="question">
            <legend id=legend_id>{legend}</legend>
            {body}
            {clear}
            <FieldMessages errors id=error_id.clone()/>
        </fieldset>
    }
}
