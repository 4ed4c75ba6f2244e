use crate::api::ApiError;
use crate::browser::app_href;
use crate::components::{form_errors, ActionError, FieldMessages, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::{training_resource, use_training};
use domain::training::course::CourseId;
use domain::training::wire::{AttemptStart, Graded};
use leptos::prelude::*;
use leptos_router::components::A;

/// The course's quiz: an attempt begins (or the open one resumes) with the
/// questions only; the backend grades the answers and says which were
/// wrong, the grade, pass or fail, and the attempts left.
#[component]
pub fn QuizPage(course: CourseId) -> impl IntoView {
    let i18n = use_i18n();
    // A refusal (lessons first, no attempts left) is the page's answer, not
    // a failure to load: it is said as its rule.
    let start = training_resource(move |api| async move { Ok::<_, ApiError>(api.start_attempt(course).await) });
    let again = Callback::new(move |_| start.refetch());
    view! {
        <p><A href=app_href(&format!("/training/courses/{}", course.0)) attr:class="back-link"><Tr key=Key::TrainingBackToCourse/></A></p>
        <h1><Tr key=Key::TrainingQuiz/></h1>
        <Loadable resource=start skeleton_lines=8 render=move |started| match started {
            Ok(started) => view! { <QuizForm started again/> }.into_any(),
            Err(error) => {
                let refused = form_errors(&[], &Some(error.clone()));
                if refused.is_empty() {
                    view! { <ActionError error retry=move || start.refetch()/> }.into_any()
                } else {
                    view! { <FieldMessages errors=Signal::derive(move || refused.clone()) id="quiz-refused".to_owned()/> }.into_any()
                }
            }
        }/>
        <p class="muted">{move || i18n.t(Key::TrainingQuizPrivacy)}</p>
    }
}

#[component]
fn QuizForm(started: AttemptStart, again: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let AttemptStart { attempt, quiz } = started;
    let chosen = RwSignal::new(vec![None::<u8>; quiz.questions.len()]);
    let unanswered = RwSignal::new(false);
    let submit = Action::new_local(move |answers: &Vec<u8>| {
        let (api, answers) = (api.clone(), answers.clone());
        async move { api.submit_attempt(attempt.id, &answers).await }
    });
    let graded = move || submit.value().get().and_then(Result::ok);
    let failure = move || submit.value().get().and_then(Result::err);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match chosen.get_untracked().into_iter().collect::<Option<Vec<u8>>>() {
            Some(answers) => {
                unanswered.set(false);
                submit.dispatch(answers);
            }
            None => unanswered.set(true),
        }
    };
    let wrong = move |index: usize| graded().and_then(|g| g.attempt.submitted).is_some_and(|s| s.grade.wrong.contains(&(index as u32)));
    let pass = quiz.pass_percent.to_string();
    view! {
        <p>{move || i18n.fill(Key::TrainingQuizIntro, &[("pass", &pass), ("left", &quiz.attempts_left.to_string())])}</p>
        <form class="form" on:submit=send novalidate>
            {quiz.questions.into_iter().enumerate().map(|(index, question)| {
                let prompt = question.prompt.clone();
                let name = format!("question-{index}");
                view! {
                    <fieldset class="field" data-testid="training-question">
                        <legend>{move || format!("{}. {}", index + 1, prompt.get(i18n.lang()))}</legend>
                        <div class="choices">
                        {question.options.into_iter().enumerate().map(|(option, text)| {
                            let id = format!("{name}-{option}");
                            view! {
                                <label class="check" for=id.clone()>
                                    <input type="radio" id=id.clone() name=name.clone() disabled=move || graded().is_some()
                                        prop:checked=move || chosen.read()[index] == Some(option as u8)
                                        on:change=move |_| chosen.update(|c| c[index] = Some(option as u8))/>
                                    {move || text.get(i18n.lang()).to_owned()}
                                </label>
                            }
                        }).collect_view()}
                        </div>
                        {move || graded().map(|_| if wrong(index) {
                            view! { <p class="field-error" data-testid="training-wrong"><Tr key=Key::TrainingAnswerWrong/></p> }.into_any()
                        } else {
                            view! { <p class="success"><Tr key=Key::TrainingAnswerRight/></p> }.into_any()
                        })}
                    </fieldset>
                }
            }).collect_view()}
            {move || unanswered.get().then(|| view! { <p class="field-error" role="alert"><Tr key=Key::TrainingAnswerEvery/></p> })}
            {move || graded().is_none().then(|| view! {
                <button type="submit" class="button" data-testid="training-submit-quiz" disabled=move || submit.pending().get()><Tr key=Key::TrainingSubmitQuiz/></button>
            })}
        </form>
        <FieldMessages errors=Signal::derive(move || form_errors(&[], &failure())) id="quiz-error".to_owned()/>
        {move || failure().map(|error| view! { <ActionError error/> })}
        {move || graded().map(|graded| view! { <Verdict graded again/> })}
    }
}

/// The grade, pass or fail, the attempts left, and what comes next.
#[component]
fn Verdict(graded: Graded, again: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let Some(grade) = graded.attempt.submitted.map(|s| s.grade) else { return ().into_any() };
    let left = graded.result.progress.quiz.as_ref().map_or(0, |q| q.attempts_left);
    let course = graded.attempt.course;
    let score = move || {
        i18n.fill(Key::TrainingQuizScore, &[("correct", &grade.correct.to_string()), ("total", &grade.total.to_string()), ("n", &grade.percent.to_string())])
    };
    view! {
        <section class="section" role="status" data-testid="training-verdict">
            <h2>{move || i18n.t(if grade.passed { Key::TrainingQuizPassedTitle } else { Key::TrainingQuizFailedTitle })}</h2>
            <p>{score}</p>
            {graded.result.certificate.map(|c| view! {
                <p class="success">
                    <Tr key=Key::TrainingCertificateEarned/>" "
                    <A href=app_href(&format!("/training/certificates/{}", c.code)) attr:data-testid="training-certificate-link">{c.code.to_string()}</A>
                </p>
            })}
            {(!grade.passed).then(|| view! {
                <p>{move || i18n.fill(Key::TrainingAttemptsLeft, &[("n", &left.to_string())])}</p>
                {(left > 0).then(|| view! {
                    <p class="actions"><button type="button" class="button" data-testid="training-quiz-again" on:click=move |_| again.run(())><Tr key=Key::TrainingTryAgain/></button></p>
                })}
            })}
            <p><A href=app_href(&format!("/training/courses/{}", course.0))><Tr key=Key::TrainingBackToCourse/></A></p>
        </section>
    }
    .into_any()
}
