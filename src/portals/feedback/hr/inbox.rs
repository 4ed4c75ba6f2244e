use super::directory::{directory_resource, directory_signal, Directory};
use super::labels::recipient_name;
use super::moderate::HideWithReason;
use super::ResponderFrame;
use crate::browser::focus_first;
use crate::components::{form_errors_at, ActionError, FieldMessages, Loadable};
use crate::i18n::format::date;
use crate::i18n::labels::role_key;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::feedback::api::{feedback_resource, use_feedback};
use crate::portals::feedback::labels::topic_key;
use crate::session::use_session;
use domain::common::FieldError;
use domain::feedback::thread::{read_body, Author, Message, Thread};
use domain::Member;
use leptos::prelude::*;

/// The conversations this member answers (HR every one, a department's
/// leadership its own), those awaiting a reply first: each with its
/// messages by day, and a reply signed with the responder's name.
#[component]
pub fn Inbox() -> impl IntoView {
    let i18n = use_i18n();
    let threads = feedback_resource(|api| async move { api.threads().await });
    let directory = directory_signal(directory_resource());
    view! {
        <ResponderFrame title=Key::FeedbackHrInboxTitle>
            <p class="muted"><Tr key=Key::FeedbackHrInboxIntro/></p>
            <Loadable resource=threads skeleton_lines=8 render=move |threads| {
                if threads.is_empty() {
                    return view! { <p class="empty"><Tr key=Key::FeedbackHrInboxEmpty/></p> }.into_any();
                }
                // Each conversation as the last answer returned it; the count
                // of those waiting follows the replies sent from this page.
                let threads: Vec<RwSignal<Thread>> = threads.into_iter().map(RwSignal::new).collect();
                let count = threads.len().to_string();
                let listed = threads.clone();
                let waiting = move || listed.iter().filter(|t| t.read().awaits_reply()).count().to_string();
                view! {
                    <p data-testid="inbox-count">{move || i18n.fill(Key::FeedbackHrInboxCount, &[("n", &count), ("waiting", &waiting())])}</p>
                    <ul class="order-list" data-testid="inbox">
                        {threads.into_iter().map(|thread| view! { <li><ThreadCard thread directory/></li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }/>
        </ResponderFrame>
    }
}

/// One conversation: its topic, recipient and first day, its messages, a reply.
#[component]
fn ThreadCard(thread: RwSignal<Thread>, directory: Signal<Directory>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let hr = session.is_hr();
    let (id, topic, recipient, began) = thread.with_untracked(|t| (t.id.clone(), t.topic, t.recipient, t.began));
    let heading_id = format!("thread-{id}");
    let heading = move || {
        let to = recipient_name(&directory.read(), recipient, i18n.lang());
        i18n.fill(Key::FeedbackHrThreadHeading, &[("topic", i18n.t(topic_key(topic))), ("recipient", &to)])
    };
    view! {
        <article class="card stack" aria-labelledby=heading_id.clone() data-testid="thread">
            <div class="offering-head">
                <h2 id=heading_id.clone()>{heading}</h2>
                {move || thread.read().awaits_reply().then(|| view! { <span class="badge badge-ready"><Tr key=Key::FeedbackHrAwaitingReply/></span> })}
            </div>
            <p class="muted">{move || i18n.fill(Key::FeedbackHrThreadBegan, &[("day", &date(began, i18n.lang()))])}</p>
            <ol class="messages" aria-label=move || i18n.fill(Key::FeedbackHrMessagesLabel, &[("topic", i18n.t(topic_key(topic)))])>
                <For each=move || thread.get().messages key=|m| (m.id.clone(), m.hidden.is_some()) let:message>
                    <MessageItem message thread=thread hr/>
                </For>
            </ol>
            {session.member().map(|me| view! { <ReplyForm thread me/> })}
        </article>
    }
}

#[component]
fn MessageItem(message: Message, thread: RwSignal<Thread>, hr: bool) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_feedback();
    let Message { id, author, body, day, hidden } = message;
    let element_id = format!("message-{id}");
    let author_text = move || match &author {
        Author::Member => i18n.t(Key::FeedbackHrAnonymousMember).to_owned(),
        Author::Responder { name, role } => i18n.fill(Key::FeedbackHrResponder, &[("name", name), ("role", i18n.t(role_key(*role)))]),
    };
    let content = match hidden {
        Some(moderation) => view! {
            <p class="muted" id=format!("{element_id}-hidden")>
                {move || i18n.fill(Key::FeedbackHrHiddenByHr, &[("day", &date(moderation.day, i18n.lang())), ("reason", &moderation.reason)])}
            </p>
        }
        .into_any(),
        None => {
            let hide = hr.then(|| {
                let thread_id = thread.read_untracked().id.clone();
                let hide = move |reason: String| {
                    let (api, thread_id, id) = (api.clone(), thread_id.clone(), id.clone());
                    async move { api.hide_message(&thread_id, &id, &reason).await }
                };
                view! {
                    <HideWithReason id=element_id.clone() label=Key::FeedbackHrHideMessage question=Key::FeedbackHrHideMessageQuestion
                        hide done=Callback::new(move |changed: Thread| thread.set(changed))/>
                }
            });
            view! { <p class="message-body">{body}</p>{hide} }.into_any()
        }
    };
    view! {
        <li class="card message">
            <p class="message-head muted"><strong>{author_text}</strong><span>{move || date(day, i18n.lang())}</span></p>
            {content}
        </li>
    }
}

/// A reply, signed with the responder's name and role (said before sending).
#[component]
fn ReplyForm(thread: RwSignal<Thread>, me: Member) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_feedback();
    let thread_id = thread.read_untracked().id.clone();
    let body = RwSignal::new(String::new());
    let found = RwSignal::new(Vec::<FieldError>::new());
    let send = {
        let thread_id = thread_id.clone();
        Action::new_local(move |text: &String| {
            let (api, thread_id, text) = (api.clone(), thread_id.clone(), text.clone());
            async move { api.reply(&thread_id, &text).await }
        })
    };
    Effect::new(move |_| {
        if let Some(Ok(changed)) = send.value().get() {
            thread.set(changed);
            body.set(String::new());
        }
    });
    let failure = move || send.value().get().and_then(Result::err);
    let field_id = format!("reply-{thread_id}");
    let error_id = format!("{field_id}-error");
    let signed_id = format!("{field_id}-signed");
    let errors = Signal::derive(move || form_errors_at(&found.read(), &failure(), "body"));
    let submit = {
        let field_id = field_id.clone();
        move || match read_body("body", &body.get_untracked()) {
            Ok(text) => {
                found.set(Vec::new());
                send.dispatch(text);
            }
            Err(violation) => {
                found.set(vec![FieldError::from(violation)]);
                focus_first(&format!("#{field_id}"));
            }
        }
    };
    let retry = submit.clone();
    let signature = move || i18n.fill(Key::FeedbackHrReplySigned, &[("name", &me.full_name), ("role", i18n.t(role_key(me.role)))]);
    view! {
        <form class="stack" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
            <div class="field">
                <label for=field_id.clone()><Tr key=Key::FeedbackHrReplyLabel/></label>
                <p class="muted" id=signed_id.clone()>{signature}</p>
                <textarea id=field_id rows="4" aria-describedby=format!("{signed_id} {error_id}") aria-invalid=move || (!errors.read().is_empty()).to_string()
                    prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                <FieldMessages errors id=error_id/>
            </div>
            {move || failure().map(|error| {
                let retry = retry.clone();
                view! { <ActionError error kept=Key::FormKept retry=Callback::new(move |_| retry())/> }
            })}
            <div class="actions">
                <button type="submit" class="button" disabled=move || send.pending().get()><Tr key=Key::FeedbackHrReplySend/></button>
            </div>
            <p role="status" class="muted">
                {move || (found.read().is_empty() && matches!(send.value().get(), Some(Ok(_)))).then(|| i18n.t(Key::FeedbackHrReplySent))}
            </p>
        </form>
    }
}
