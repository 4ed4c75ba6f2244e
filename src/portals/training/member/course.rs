use super::{course_path, Progress};
use crate::api::ApiError;
use crate::browser::{app_href, new_request_key};
use crate::components::{form_errors, ActionError, ConfirmButton, EligibilityReasons, FieldMessages, Loadable};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::training::labels::{format_key, room_at_site, span, topic_key, when};
use crate::portals::training::{training_resource, use_training};
use domain::training::course::CourseId;
use domain::training::session::Place;
use domain::training::wire::{CourseDetail, SessionView};
use leptos::prelude::*;
use leptos_router::components::A;

/// A course: what it is, whether the member may take it (and why not),
/// its lessons with progress and where to resume, its quiz, and for a
/// classroom course its sessions with seats, the waitlist and enrolment.
#[component]
pub fn CoursePage(id: CourseId) -> impl IntoView {
    let detail = training_resource(move |api| async move { api.course(id).await });
    let refetch = Callback::new(move |_| detail.refetch());
    view! {
        <p><A href=app_href("/training") attr:class="back-link"><Tr key=Key::TrainingBackToCatalogue/></A></p>
        <Loadable resource=detail page=true skeleton_lines=10 render=move |detail| view! { <CourseView detail refetch/> }/>
    }
}

#[component]
fn CourseView(detail: CourseDetail, refetch: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let CourseDetail { entry, lessons, quiz, sessions } = detail;
    let course = entry.course;
    let progress = entry.progress;
    let (title, summary) = (course.draft.title.clone(), course.draft.summary.clone());
    let (topic, format, id) = (course.draft.topic, course.draft.format, course.id);
    let reasons: Vec<_> = entry.eligibility.unmet().cloned().collect();
    let eligible = entry.eligibility.eligible;
    let done = progress.done.clone();
    let resume = progress.resume.filter(|_| eligible && entry.locked_by.is_none());
    let resume_title = resume.and_then(|r| lessons.iter().find(|l| l.id == r)).map(|l| l.draft.title.clone());
    let quiz_progress = progress.quiz.clone();
    view! {
        <h1>{move || title.get(i18n.lang()).to_owned()}</h1>
        <p class="muted">{move || format!("{} · {}", i18n.t(topic_key(topic)), i18n.t(format_key(format)))}</p>
        <p>{move || summary.get(i18n.lang()).to_owned()}</p>
        {(!eligible).then(|| view! {
            <div class="notice" data-testid="training-not-for-you">
                <p class="status-title"><Tr key=Key::TrainingNotForYouWhy/></p>
                <EligibilityReasons reasons/>
            </div>
        })}
        {entry.locked_by.map(|first| view! {
            <p class="notice" data-testid="training-locked">
                <Tr key=Key::TrainingLockedBy/>" "<A href=course_path(first)><Tr key=Key::TrainingOpenEarlierCourse/></A>
            </p>
        })}
        {eligible.then(|| view! { <Progress percent=progress.percent/> })}
        {progress.renewal_due.then(|| view! { <p class="warning"><Tr key=Key::TrainingRenewalDue/></p> })}
        {progress.certificate.clone().filter(|_| progress.complete).map(|c| view! {
            <p class="success">
                <Tr key=Key::TrainingCertificateEarned/>" "
                <A href=app_href(&format!("/training/certificates/{}", c.code)) attr:data-testid="training-certificate-link">{c.code.to_string()}</A>
            </p>
        })}
        {resume_title.map(|lesson| {
            let href = app_href(&format!("/training/courses/{}/lessons/{}", id.0, resume.map(|r| r.0).unwrap_or_default()));
            let key = if progress.done.is_empty() { Key::TrainingStart } else { Key::TrainingResume };
            view! {
                <p class="actions"><A href attr:class="button" attr:data-testid="training-resume">
                    {move || i18n.fill(key, &[("lesson", lesson.get(i18n.lang()))])}
                </A></p>
            }
        })}
        {(!lessons.is_empty()).then(|| view! {
            <section class="section" aria-labelledby="lessons-title">
                <h2 id="lessons-title"><Tr key=Key::TrainingLessons/></h2>
                <ol class="stack" data-testid="training-lessons">
                    {lessons.into_iter().map(|lesson| {
                        let finished = done.contains(&lesson.id);
                        let title = lesson.draft.title.clone();
                        let minutes = lesson.draft.minutes.to_string();
                        view! {
                            <li>
                                <A href=app_href(&format!("/training/courses/{}/lessons/{}", id.0, lesson.id.0))>{move || title.get(i18n.lang()).to_owned()}</A>
                                " "<span class="muted">{move || i18n.fill(Key::TrainingMinutes, &[("n", &minutes)])}</span>
                                {finished.then(|| view! { " "<span class="badge badge-done"><Tr key=Key::TrainingLessonDone/></span> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        })}
        {quiz.filter(|_| eligible).map(|quiz| {
            let passed = quiz_progress.as_ref().is_some_and(|q| q.passed);
            let last = quiz_progress.as_ref().and_then(|q| q.last.clone());
            let (questions, pass, left) = (quiz.questions.len().to_string(), quiz.pass_percent.to_string(), quiz.attempts_left);
            view! {
                <section class="section" aria-labelledby="quiz-title">
                    <h2 id="quiz-title"><Tr key=Key::TrainingQuiz/></h2>
                    <p>{move || i18n.fill(Key::TrainingQuizFacts, &[("n", &questions), ("pass", &pass), ("left", &left.to_string())])}</p>
                    {last.map(|grade| view! { <p class="muted">{move || i18n.fill(Key::TrainingQuizLast, &[("n", &grade.percent.to_string())])}</p> })}
                    {if passed {
                        view! { <p class="success"><Tr key=Key::TrainingQuizPassed/></p> }.into_any()
                    } else if left > 0 {
                        view! { <p class="actions"><A href=app_href(&format!("/training/courses/{}/quiz", id.0)) attr:class="button" attr:data-testid="training-take-quiz"><Tr key=Key::TrainingTakeQuiz/></A></p> }.into_any()
                    } else {
                        view! { <p class="warning"><Tr key=Key::TrainingNoAttemptsLeft/></p> }.into_any()
                    }}
                </section>
            }
        })}
        {(!sessions.is_empty()).then(|| view! {
            <section class="section" aria-labelledby="sessions-title">
                <h2 id="sessions-title"><Tr key=Key::TrainingSessions/></h2>
                <ul class="order-list" data-testid="training-sessions">
                    {sessions.into_iter().map(|session| view! { <SessionRow session eligible refetch/> }).collect_view()}
                </ul>
            </section>
        })}
    }
}

/// A classroom session: when and where, seats and waitlist, and the
/// member's enrolment, or a way to enrol.
#[component]
fn SessionRow(session: SessionView, eligible: bool, refetch: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_training();
    let SessionView { session, site_name, seats_left, waiting, mine } = session;
    let id = session.id;
    let (starts, ends) = (session.draft.starts, session.draft.ends);
    let room = session.draft.room.clone();
    // One key per enrolment asked for: a retry after a lost answer sends the
    // same key, and the backend answers with the first enrolment.
    let key = StoredValue::new(new_request_key());
    let enrol = {
        let api = api.clone();
        Action::new_local(move |_: &()| {
            let api = api.clone();
            async move { api.enrol(&key.get_value(), id).await }
        })
    };
    let cancel = Action::new_local(move |enrolment: &domain::training::EnrolmentId| {
        let (api, enrolment) = (api.clone(), *enrolment);
        async move { api.cancel_enrolment(enrolment).await }
    });
    Effect::new(move |_| {
        if enrol.value().with(|v| matches!(v, Some(Ok(_)))) {
            key.set_value(new_request_key());
            refetch.run(());
        }
    });
    Effect::new(move |_| {
        if cancel.value().with(|v| matches!(v, Some(Ok(_)))) {
            refetch.run(());
        }
    });
    let enrol_failure = move || enrol.value().get().and_then(Result::err);
    let cancel_failure = move || cancel.value().get().and_then(Result::err);
    let seats = move || i18n.fill(Key::TrainingSeatsLeft, &[("n", &seats_left.to_string()), ("waiting", &waiting.to_string())]);
    view! {
        <li class="card" data-testid="training-session">
            <p class="status-title">{move || span(starts, ends, i18n.lang())}</p>
            <p data-testid="training-session-place">{move || room_at_site(&room, &site_name, i18n.lang())}</p>
            <p class="muted" data-testid="training-seats">{seats}</p>
            {match mine {
                Some(mine) => {
                    let enrolment = mine.enrolment.id;
                    let place = match mine.place {
                        Place::Enrolled => view! { <p class="success" data-testid="training-place"><Tr key=Key::TrainingEnrolled/></p> }.into_any(),
                        Place::Waiting { position } => view! {
                            <p class="warning" data-testid="training-place">{move || i18n.fill(Key::TrainingWaiting, &[("n", &position.to_string())])}</p>
                        }.into_any(),
                    };
                    let deadline = session.draft.cancel_until;
                    view! {
                        {place}
                        {if mine.may_cancel {
                            view! {
                                <p class="muted">{move || i18n.fill(Key::TrainingCancelUntil, &[("when", &when(deadline, i18n.lang()))])}</p>
                                <ConfirmButton label=Signal::derive(move || i18n.t(Key::TrainingCancel)) question=Signal::derive(move || i18n.t(Key::TrainingCancelQuestion))
                                    yes=Key::TrainingCancelYes no=Key::TrainingCancelNo pending=cancel.pending()
                                    act=move || { cancel.dispatch(enrolment); }/>
                            }.into_any()
                        } else {
                            view! { <p class="muted"><Tr key=Key::TrainingCancelClosed/></p> }.into_any()
                        }}
                        <FieldMessages errors=Signal::derive(move || form_errors(&[], &cancel_failure())) id=format!("enrolment-{}-error", enrolment.0)/>
                        {move || cancel_failure().map(|error| view! { <ActionError error retry=move || { cancel.dispatch(enrolment); }/> })}
                    }.into_any()
                }
                None if eligible => view! {
                    <p class="actions">
                        <button type="button" class="button" data-testid="training-enrol" disabled=move || enrol.pending().get() on:click=move |_| { enrol.dispatch(()); }>
                            {move || i18n.t(if seats_left > 0 { Key::TrainingEnrol } else { Key::TrainingJoinWaitlist })}
                        </button>
                    </p>
                    <FieldMessages errors=Signal::derive(move || form_errors(&[], &enrol_failure())) id=format!("session-{}-error", id.0)/>
                    {move || enrol_failure().map(|error: ApiError| view! { <ActionError error retry=move || { enrol.dispatch(()); }/> })}
                }.into_any(),
                None => ().into_any(),
            }}
        </li>
    }
}
