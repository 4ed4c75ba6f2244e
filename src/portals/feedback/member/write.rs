use super::{use_messages_left, RecoveryCode};
use crate::api::ApiError;
use crate::browser::{self, app_href};
use crate::components::{form_errors, form_errors_at, from_wire_name, wire_name, ActionError, ErrorSummary, FieldMessages, FieldTarget};
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::feedback::keeper::{use_keeper, Begun};
use crate::portals::feedback::labels::topic_key;
use domain::common::{FieldError, Rule, Violation};
use domain::feedback::thread::{read_body, Recipient, Topic, MAX_MESSAGE};
use domain::feedback::wire::FeedbackHome;
use domain::MemberId;
use leptos::prelude::*;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};

/// What the member typed, kept across a reload until it is sent: the
/// message is the one thing worth not losing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Typed {
    /// To the department's leadership (else HR).
    department: bool,
    topic: String,
    body: String,
}

fn draft_key(member: MemberId) -> String {
    format!("noibo.draft.feedback.{}", member.0)
}

/// Writing to HR or one's leadership under no name; once sent, the
/// conversation's recovery code.
#[component]
pub fn WriteMessage(home: FeedbackHome) -> impl IntoView {
    let sent = RwSignal::new(None::<Begun>);
    let home = StoredValue::new(home);
    move || match sent.get() {
        Some(begun) => view! { <Sent begun again=move || sent.set(None)/> }.into_any(),
        None => view! { <Form home=home.get_value() sent/> }.into_any(),
    }
}

#[component]
fn Form(home: FeedbackHome, sent: RwSignal<Option<Begun>>) -> impl IntoView {
    let i18n = use_i18n();
    let keeper = use_keeper();
    let storage = draft_key(keeper.member());
    let mut kept: Typed = browser::read(&storage).and_then(|raw| serde_json::from_str(&raw).ok()).unwrap_or_default();
    let addressable = home.department_addressable;
    kept.department &= addressable;
    let typed = RwSignal::new(kept);
    let storage_for_effect = storage.clone();
    Effect::new(move |_| {
        if let Ok(raw) = serde_json::to_string(&typed.get()) {
            browser::write(&storage_for_effect, &raw);
        }
    });
    let department = home.department;
    let draft = move || -> Result<(Recipient, Topic, String), Vec<Violation>> {
        let t = typed.get();
        let mut found = Vec::new();
        let topic = from_wire_name::<Topic>(&t.topic);
        if topic.is_none() {
            found.push(Violation::new("topic", Rule::Required, None));
        }
        let body = read_body("body", &t.body).map_err(|v| found.push(v)).ok();
        let to = if t.department { Recipient::Department(department) } else { Recipient::Hr };
        match (topic, body) {
            (Some(topic), Some(body)) => Ok((to, topic, body)),
            _ => Err(found),
        }
    };
    let available = use_messages_left(&home);
    let home = StoredValue::new(home);
    let send_keeper = keeper.clone();
    let send = Action::new_local(move |(to, topic, body): &(Recipient, Topic, String)| {
        let (keeper, to, topic, body, home) = (send_keeper.clone(), *to, *topic, body.clone(), home.get_value());
        async move { keeper.begin(&home, to, topic, &body).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(begun)) = send.value().get() {
            browser::remove(&storage);
            sent.set(Some(begun));
        }
    });
    let found = RwSignal::new(Vec::<FieldError>::new());
    let failure = move || send.value().get().and_then(Result::err);
    let at = move |field: &'static str| Signal::derive(move || form_errors_at(&found.read(), &failure(), field));
    let target = Callback::new(move |field: String| {
        let (id, label) = match field.as_str() {
            "to" => ("feedback-to-hr", Key::FeedbackTo),
            "topic" => ("feedback-topic", Key::FeedbackTopic),
            "body" => ("feedback-body", Key::FeedbackMessage),
            _ => return None,
        };
        Some(FieldTarget { id: id.to_owned(), label: i18n.t(label).to_owned() })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft() {
            Ok(d) => {
                found.set(vec![]);
                send.dispatch(d);
            }
            Err(problems) => found.set(problems.into_iter().map(FieldError::from).collect()),
        }
    };
    let used_up = move || available.get() == 0;
    let min = home.with_value(|h| h.min_department_members).to_string();
    view! {
        <form class="stack" on:submit=submit novalidate data-testid="write-message">
            <ErrorSummary errors=Signal::derive(move || form_errors(&found.read(), &failure())) target/>
            <fieldset aria-describedby="feedback-to-error">
                <legend><Tr key=Key::FeedbackTo/></legend>
                <label class="check">
                    <input type="radio" id="feedback-to-hr" name="feedback-to" prop:checked=move || !typed.with(|t| t.department)
                        on:change=move |_| typed.update(|t| t.department = false)/>
                    <Tr key=Key::FeedbackRecipientHr/>
                </label>
                <label class="check">
                    <input type="radio" name="feedback-to" disabled=!addressable aria-describedby=(!addressable).then_some("feedback-to-why")
                        prop:checked=move || typed.with(|t| t.department) on:change=move |_| typed.update(|t| t.department = true)/>
                    <Tr key=Key::FeedbackRecipientDepartment/>
                </label>
                {(!addressable).then(|| view! {
                    <p class="muted" id="feedback-to-why">{move || i18n.fill(Key::FeedbackDepartmentTooSmall, &[("n", &min)])}</p>
                })}
                <FieldMessages errors=at("to") id="feedback-to-error".to_owned()/>
            </fieldset>
            <div class="field">
                <label for="feedback-topic"><Tr key=Key::FeedbackTopic/></label>
                <select id="feedback-topic" aria-describedby="feedback-topic-error" prop:value=move || typed.with(|t| t.topic.clone())
                    on:change=move |ev| typed.update(|t| t.topic = event_target_value(&ev))>
                    <option value="">{move || i18n.t(Key::FeedbackChooseTopic)}</option>
                    {Topic::ALL.into_iter().map(|topic| view! { <option value=wire_name(&topic)>{move || i18n.t(topic_key(topic))}</option> }).collect_view()}
                </select>
                <FieldMessages errors=at("topic") id="feedback-topic-error".to_owned()/>
            </div>
            <div class="field">
                <label for="feedback-body"><Tr key=Key::FeedbackMessage/></label>
                <textarea id="feedback-body" rows="6" maxlength=MAX_MESSAGE.to_string() aria-describedby="feedback-body-hint feedback-body-error"
                    prop:value=move || typed.with(|t| t.body.clone()) on:input=move |ev| typed.update(|t| t.body = event_target_value(&ev))></textarea>
                <p class="muted" id="feedback-body-hint"><Tr key=Key::FeedbackMessageHint/></p>
                <FieldMessages errors=at("body") id="feedback-body-error".to_owned()/>
            </div>
            <div class="card" role="note" data-testid="keep-warning">
                <p class="status-title"><Tr key=Key::FeedbackKeepWarningTitle/></p>
                <p><Tr key=Key::FeedbackKeepWarning/></p>
            </div>
            <p class="muted" role="status" data-testid="messages-left">
                {move || if used_up() {
                    i18n.t(Key::FeedbackMessagesUsedUp).to_owned()
                } else {
                    i18n.fill(Key::FeedbackMessagesLeft, &[("n", &available.get().to_string())])
                }}
            </p>
            {move || failure().filter(|e| !matches!(e, ApiError::Invalid { .. })).map(|error| view! {
                <ActionError error kept=Key::FormKept retry=move || { if let Ok(d) = draft() { send.dispatch(d); } }/>
            })}
            <button type="submit" class="button" disabled=move || send.pending().get() || used_up()>
                {move || i18n.t(if send.pending().get() { Key::FeedbackSending } else { Key::FeedbackSendAnonymously })}
            </button>
            <p class="visually-hidden" role="status">{move || send.pending().get().then(|| i18n.t(Key::FeedbackSending))}</p>
        </form>
    }
}

/// A conversation begun: where it went, and the code that opens it.
#[component]
fn Sent(begun: Begun, again: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let rerouted = begun.started.routing.rerouted_below;
    let href = app_href(&format!("/feedback/threads/{}", begun.started.thread.id));
    Effect::new(|_| {
        request_animation_frame(|| {
            crate::browser::focus_first("#feedback-sent-title");
        });
    });
    view! {
        <div class="success card" data-testid="message-sent">
            <p class="status-title" id="feedback-sent-title"><Tr key=Key::FeedbackSent/></p>
            {rerouted.map(|n| view! { <p data-testid="rerouted">{move || i18n.fill(Key::FeedbackRerouted, &[("n", &n.to_string())])}</p> })}
            <p><Tr key=Key::FeedbackRecoveryCodeIntro/></p>
            <RecoveryCode code=begun.key.recovery_code()/>
            <p><Tr key=Key::FeedbackKeepCode/></p>
            <p class="actions">
                <A href=href attr:class="button"><Tr key=Key::FeedbackOpenThread/></A>
                <button type="button" class="button secondary" on:click=move |_| again()><Tr key=Key::FeedbackWriteAnother/></button>
            </p>
        </div>
    }
}
