use super::{BackLink, RecoveryCode};
use crate::api::ApiError;
use crate::browser::app_href;
use crate::components::{form_errors_at, ActionError, FieldMessages, Loadable};
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::feedback::feedback_resource;
use crate::portals::feedback::keeper::use_keeper;
use crate::portals::feedback::labels::{author, recipient_key, topic_key};
use crate::portals::feedback::use_feedback;
use domain::common::FieldError;
use domain::feedback::anonymous::{AnonymousId, ThreadKey};
use domain::feedback::thread::{read_body, Author, Message, Thread, MAX_MESSAGE};
use leptos::prelude::*;
use leptos_router::components::A;

/// One of the member's conversations, opened with the key this browser
/// keeps: its messages in order, and an answer under no name.
#[component]
pub fn ThreadPage(id: AnonymousId) -> impl IntoView {
    let i18n = use_i18n();
    let keeper = use_keeper();
    let Some(kept) = keeper.read().thread(&id).cloned() else {
        return view! {
            <BackLink/>
            <h1><Tr key=Key::FeedbackThreadNotHere/></h1>
            <p><Tr key=Key::FeedbackThreadNotHereHint/></p>
            <p><A href=app_href("/feedback/open") attr:class="button"><Tr key=Key::FeedbackOpenTitle/></A></p>
        }
        .into_any();
    };
    let key = kept.key;
    let thread = feedback_resource(move |api| async move { api.open_thread(&key).await });
    let (topic, to, began) = (kept.topic, kept.to, kept.began);
    view! {
        <BackLink/>
        <h1>{move || i18n.fill(Key::FeedbackThreadTitle, &[("topic", i18n.t(topic_key(topic)))])}</h1>
        <p class="muted">{move || format!("{} · {}", i18n.t(recipient_key(to)), i18n.fill(Key::FeedbackBegan, &[("date", &date(began, i18n.lang()))]))}</p>
        <Loadable resource=thread skeleton_lines=6 render=move |thread| view! { <Conversation thread key/> }/>
        <details class="audit">
            <summary><Tr key=Key::FeedbackShowCode/></summary>
            <p><Tr key=Key::FeedbackKeepCode/></p>
            <RecoveryCode code=key.recovery_code()/>
        </details>
    }
    .into_any()
}

#[component]
fn Conversation(thread: Thread, key: ThreadKey) -> impl IntoView {
    let i18n = use_i18n();
    let keeper = use_keeper();
    let api = use_feedback();
    let id = thread.id.clone();
    let current = RwSignal::new(thread);
    let seen_by = keeper.clone();
    Effect::new(move |_| {
        let count = current.with(|t| t.messages.len());
        seen_by.change(|w| w.seen(&id, count));
    });
    let body = RwSignal::new(String::new());
    let found = RwSignal::new(Vec::<FieldError>::new());
    let answer = Action::new_local(move |text: &String| {
        let (api, text) = (api.clone(), text.clone());
        async move { api.answer_thread(&key, &text).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(thread)) = answer.value().get() {
            current.set(thread);
            body.set(String::new());
        }
    });
    let failure = move || answer.value().get().and_then(Result::err);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match read_body("body", &body.get_untracked()) {
            Ok(text) => {
                found.set(vec![]);
                answer.dispatch(text);
            }
            Err(problem) => {
                found.set(vec![problem.into()]);
                crate::browser::focus_first("#feedback-answer");
            }
        }
    };
    view! {
        <ol class="messages" data-testid="messages">
            <For each=move || current.get().messages key=|m| (m.id.clone(), m.hidden.is_some()) let:message>
                <MessageItem message/>
            </For>
        </ol>
        <form class="stack" on:submit=submit novalidate data-testid="answer-thread">
            <div class="field">
                <label for="feedback-answer"><Tr key=Key::FeedbackYourAnswer/></label>
                <textarea id="feedback-answer" rows="4" maxlength=MAX_MESSAGE.to_string() aria-describedby="feedback-answer-hint feedback-answer-error"
                    prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                <p class="muted" id="feedback-answer-hint"><Tr key=Key::FeedbackAnswerHint/></p>
                <FieldMessages errors=Signal::derive(move || form_errors_at(&found.read(), &failure(), "body")) id="feedback-answer-error".to_owned()/>
            </div>
            {move || failure().filter(|e| !matches!(e, ApiError::Invalid { .. })).map(|error| view! {
                <ActionError error kept=Key::FormKept retry=move || { if let Ok(text) = read_body("body", &body.get_untracked()) { answer.dispatch(text); } }/>
            })}
            <button type="submit" class="button" disabled=move || answer.pending().get()>
                {move || i18n.t(if answer.pending().get() { Key::FeedbackSending } else { Key::FeedbackSendAnswer })}
            </button>
            <p class="visually-hidden" role="status">{move || answer.pending().get().then(|| i18n.t(Key::FeedbackSending))}</p>
        </form>
    }
}

/// A message: the member's as "you", a responder's with name and role, a
/// hidden one with HR's reason in its place.
#[component]
fn MessageItem(message: Message) -> impl IntoView {
    let i18n = use_i18n();
    let mine = message.author == Author::Member;
    let Message { author: who, body, day, hidden, .. } = message;
    view! {
        <li class="card message" class:mine=mine>
            <p class="message-head">
                <span class="status-title">{move || author(&who, i18n.lang())}</span>
                <span class="muted">{move || date(day, i18n.lang())}</span>
            </p>
            {match hidden {
                Some(moderation) => view! {
                    <p class="muted" data-testid="hidden-message">{move || i18n.fill(Key::FeedbackHiddenBecause, &[("reason", &moderation.reason)])}</p>
                }.into_any(),
                None => view! { <p class="message-body">{body}</p> }.into_any(),
            }}
        </li>
    }
}
