use super::write::WriteMessage;
use super::{on_demo, OpenForm};
use crate::browser::app_href;
use crate::components::{Loadable, NoticeBanner};
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::feedback::feedback_resource;
use crate::portals::feedback::keeper::use_keeper;
use crate::portals::feedback::labels::{recipient_key, topic_key};
use crate::portals::feedback::wallet::KeptThread;
use crate::session::use_session;
use domain::feedback::thread::Author;
use domain::feedback::wire::{FeedbackHome, OpenSurvey};
use domain::Role;
use leptos::prelude::*;
use leptos_router::components::A;

/// The portal's home: how anonymity works here, writing to HR or one's
/// leadership, one's conversations, open surveys, and opening a
/// conversation with its recovery code. Opening it fetches tokens ahead.
#[component]
pub fn FeedbackHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let keeper = use_keeper();
    keeper.fetch_ahead();
    let session = use_session();
    let role = move || session.member().map(|m| m.role);
    let home = feedback_resource(|api| async move { api.home().await });
    let notice = keeper.notice.clone();
    let dismiss = keeper.notice.clone();
    view! {
        <h1><Tr key=Key::FeedbackTitle/></h1>
        {move || notice.get().map(|found| {
            let dismiss = dismiss.clone();
            view! {
                <NoticeBanner notice=found on_dismiss=move || dismiss.set(None)/>
                <p class="muted"><Tr key=Key::FeedbackWalletResetHint/></p>
            }
        })}
        <p class="lead"><Tr key=Key::FeedbackHowItWorks/></p>
        {on_demo().then(|| view! { <p class="muted" data-testid="demo-anonymity"><Tr key=Key::FeedbackDemoIllustrative/></p> })}
        <nav class="actions" aria-label=move || i18n.t(Key::FeedbackActions)>
            <A href=app_href("/feedback/ideas") attr:class="button secondary"><Tr key=Key::FeedbackIdeasTitle/></A>
            {move || match role() {
                Some(Role::Manager) => Some(view! {
                    <A href=app_href("/feedback/inbox")><Tr key=Key::FeedbackInboxLink/></A>
                    <A href=app_href("/feedback/results")><Tr key=Key::FeedbackTeamResultsLink/></A>
                }.into_any()),
                Some(Role::Hr) => Some(view! { <A href=app_href("/hr/feedback")><Tr key=Key::FeedbackInboxLink/></A> }.into_any()),
                _ => None,
            }}
        </nav>
        <Loadable resource=home skeleton_lines=8 render=|home: FeedbackHome| {
            let surveys = home.open_surveys.clone();
            view! {
                <section class="section" aria-labelledby="surveys-title">
                    <h2 id="surveys-title"><Tr key=Key::FeedbackSurveysTitle/></h2>
                    <SurveyList surveys/>
                </section>
                <section class="section" aria-labelledby="write-title">
                    <h2 id="write-title"><Tr key=Key::FeedbackWriteTitle/></h2>
                    <WriteMessage home/>
                </section>
            }
        }/>
        <section class="section" aria-labelledby="threads-title">
            <h2 id="threads-title"><Tr key=Key::FeedbackThreadsTitle/></h2>
            <ThreadList/>
        </section>
        <section class="section" aria-labelledby="open-title">
            <h2 id="open-title"><Tr key=Key::FeedbackOpenTitle/></h2>
            <OpenForm/>
        </section>
    }
}

/// The surveys open to the member: answer, answered, or answerable only
/// where its one-time pass went.
#[component]
pub fn SurveyList(surveys: Vec<OpenSurvey>) -> impl IntoView {
    let i18n = use_i18n();
    let keeper = use_keeper();
    if surveys.is_empty() {
        return view! { <p class="empty"><Tr key=Key::FeedbackNoSurveys/></p> }.into_any();
    }
    let wallet = keeper.wallet.clone();
    view! {
        <ul class="order-list" data-testid="open-surveys">
            {surveys.into_iter().map(|open| {
                let wallet = wallet.clone();
                let id = open.survey.id;
                let title = open.survey.draft.title.clone();
                let closes = open.survey.draft.closes;
                let href = app_href(&format!("/feedback/surveys/{}", id.0));
                let state = move || wallet.with(|w| {
                    if w.answered.contains(&id) {
                        Some(Key::FeedbackAnswered)
                    } else if open.token_issued && !w.holds(&open.scope) {
                        Some(Key::FeedbackPassElsewhere)
                    } else {
                        None
                    }
                });
                view! {
                    <li class="card order-row">
                        <A href=href>{move || title.get(i18n.lang()).to_owned()}</A>
                        <span class="muted">{move || i18n.fill(Key::FeedbackSurveyCloses, &[("date", &date(closes, i18n.lang()))])}</span>
                        {move || match state() {
                            Some(key) => view! { <span class="badge badge-done">{i18n.t(key)}</span> }.into_any(),
                            None => view! { <span class="muted"><Tr key=Key::FeedbackSurveyWaiting/></span> }.into_any(),
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The member's conversations, as this browser keeps them, each with a
/// mark when a responder's reply is new.
#[component]
fn ThreadList() -> impl IntoView {
    let keeper = use_keeper();
    let wallet = keeper.wallet.clone();
    let threads = Memo::new(move |_| wallet.with(|w| w.threads.clone()));
    view! {
        {move || threads.with(Vec::is_empty).then(|| view! { <p class="empty"><Tr key=Key::FeedbackNoThreads/></p> })}
        <ul class="order-list" data-testid="my-threads">
            <For each=move || threads.get() key=|kept| kept.id.clone() let:kept>
                <ThreadRow kept/>
            </For>
        </ul>
    }
}

#[component]
fn ThreadRow(kept: KeptThread) -> impl IntoView {
    let i18n = use_i18n();
    let keeper = use_keeper();
    let key = kept.key;
    let thread = feedback_resource(move |api| async move { api.open_thread(&key).await });
    let wallet = keeper.wallet.clone();
    let id = kept.id.clone();
    // New: more messages than seen, and the last one shown is a responder's.
    let news = move || {
        let seen = wallet.with(|w| w.thread(&id).map(|t| t.seen).unwrap_or_default());
        thread.get().and_then(Result::ok).is_some_and(|t| {
            let last = t.messages.iter().rev().find(|m| m.hidden.is_none());
            t.messages.len() > seen && last.is_some_and(|m| matches!(m.author, Author::Responder { .. }))
        })
    };
    let href = app_href(&format!("/feedback/threads/{}", kept.id));
    let (topic, to, began) = (kept.topic, kept.to, kept.began);
    view! {
        <li class="card order-row">
            <A href=href>{move || i18n.t(topic_key(topic))}</A>
            {move || news().then(|| view! { <span class="badge badge-ready" data-testid="new-reply"><Tr key=Key::FeedbackNewReply/></span> })}
            <span class="muted">{move || format!("{} · {}", i18n.t(recipient_key(to)), i18n.fill(Key::FeedbackBegan, &[("date", &date(began, i18n.lang()))]))}</span>
        </li>
    }
}
