use super::{on_demo, use_messages_left, BackLink};
use crate::api::ApiError;
use crate::browser;
use crate::components::{form_errors, form_errors_at, ActionError, ErrorSummary, FieldMessages, FieldTarget, Loadable};
use crate::i18n::format::date;
use crate::i18n::labels::rule_message;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::feedback::keeper::use_keeper;
use crate::portals::feedback::labels::{status_class, status_key};
use crate::portals::feedback::{feedback_resource, use_feedback};
use crate::session::use_session;
use domain::common::FieldError;
use domain::feedback::anonymous::AnonymousId;
use domain::feedback::idea::{board, Comment, Idea, IdeaDraft, IdeaSort, IdeaStatus, MAX_BODY, MAX_TITLE};
use domain::feedback::thread::{read_body, MAX_MESSAGE};
use domain::feedback::wire::FeedbackHome;
use domain::MemberId;
use leptos::prelude::*;

/// The ideas board: ideas by votes or newest, each with its status, votes
/// and comments; posting one under no name (the default) or one's own.
#[component]
pub fn IdeasPage() -> impl IntoView {
    let keeper = use_keeper();
    keeper.fetch_ahead();
    let data = feedback_resource(|api| async move { Ok((api.home().await?, api.ideas(IdeaSort::Votes).await?)) });
    view! {
        <BackLink/>
        <h1><Tr key=Key::FeedbackIdeasTitle/></h1>
        <p class="lead"><Tr key=Key::FeedbackIdeasIntro/></p>
        {on_demo().then(|| view! { <p class="muted"><Tr key=Key::FeedbackDemoIllustrative/></p> })}
        <Loadable resource=data skeleton_lines=10 render=|(home, ideas)| view! { <Board home ideas/> }/>
    }
}

#[component]
fn Board(home: FeedbackHome, ideas: Vec<Idea>) -> impl IntoView {
    let i18n = use_i18n();
    let keeper = use_keeper();
    let me = keeper.member();
    // The latest of each idea; the order changes when the sort does (or an
    // idea is added), not under the member's hand as they vote.
    let ideas = StoredValue::new(ideas);
    let added = RwSignal::new(0u32);
    let sort = RwSignal::new(IdeaSort::Votes);
    let shown = Memo::new(move |_| {
        added.track();
        ideas.with_value(|all| board(all, sort.get()))
    });
    let update = Callback::new(move |idea: Idea| {
        ideas.update_value(|all| {
            if let Some(slot) = all.iter_mut().find(|i| i.id == idea.id) {
                *slot = idea;
            }
        })
    });
    let posted = Callback::new(move |idea: Idea| {
        ideas.update_value(|all| all.push(idea));
        added.update(|n| *n += 1);
    });
    let month = home.month.clone();
    let left = use_messages_left(&home);
    let sort_button = move |value: IdeaSort, label: Key| {
        view! {
            <button type="button" class="lang-option" aria-pressed=move || (sort.get() == value).to_string() on:click=move |_| sort.set(value)>
                <Tr key=label/>
            </button>
        }
    };
    view! {
        <section class="section" aria-labelledby="post-idea-title">
            <h2 id="post-idea-title"><Tr key=Key::FeedbackPostIdeaTitle/></h2>
            <PostIdea home left posted/>
        </section>
        <section class="section" aria-labelledby="board-title">
            <h2 id="board-title"><Tr key=Key::FeedbackBoardTitle/></h2>
            <div class="lang-switcher" role="group" aria-label=move || i18n.t(Key::FeedbackSortBy)>
                {sort_button(IdeaSort::Votes, Key::FeedbackSortVotes)}
                {sort_button(IdeaSort::Newest, Key::FeedbackSortNewest)}
            </div>
            {move || shown.with(Vec::is_empty).then(|| view! { <p class="empty"><Tr key=Key::FeedbackNoIdeas/></p> })}
            <ul class="order-list ideas" data-testid="ideas">
                <For each=move || shown.get() key=|idea| idea.id.clone() let:idea>
                    <IdeaCard idea me month=month.clone() left update/>
                </For>
            </ul>
        </section>
    }
}

/// Who is shown as the author: a name, or "anonymous".
fn signed_by(signed: &Option<domain::feedback::idea::Signature>, lang: domain::Lang) -> String {
    match signed {
        Some(signature) => signature.name.clone(),
        None => crate::i18n::text(Key::FeedbackAnonymous, lang).to_owned(),
    }
}

#[component]
fn IdeaCard(idea: Idea, me: MemberId, month: String, left: Signal<usize>, update: Callback<Idea>) -> impl IntoView {
    let i18n = use_i18n();
    let keeper = use_keeper();
    let id = idea.id.clone();
    let own = idea.signed.as_ref().is_some_and(|s| s.member == me);
    let current = RwSignal::new(idea);
    let changed = move |idea: Idea| {
        current.set(idea.clone());
        update.run(idea);
    };
    let wallet = keeper.wallet.clone();
    let voted = {
        let id = id.clone();
        move || wallet.with(|w| w.voted.contains(&id))
    };
    let voter = keeper.clone();
    let vote = Action::new_local(move |id: &AnonymousId| {
        let (keeper, id) = (voter.clone(), id.clone());
        async move { keeper.vote(&id).await }
    });
    let voted_id = format!("voted-{id}");
    Effect::new(move |_| {
        if let Some(Ok(counted)) = vote.value().get() {
            if let Some(idea) = counted {
                changed(idea);
            }
            let target = format!("#voted-{}", current.with_untracked(|i| i.id.clone()));
            request_animation_frame(move || {
                browser::focus_first(&target);
            });
        }
    });
    let vote_failure = move || vote.value().get().and_then(Result::err);
    let title_id = format!("idea-{id}");
    let heading_id = title_id.clone();
    let hidden = move || current.with(|i| i.hidden.clone());
    view! {
        <li class="card idea" aria-labelledby=title_id.clone() data-testid="idea">
            {move || match hidden() {
                Some(moderation) => view! {
                    <h3 id=heading_id.clone()><Tr key=Key::FeedbackIdeaHidden/></h3>
                    <p class="muted">{move || i18n.fill(Key::FeedbackHiddenBecause, &[("reason", &moderation.reason)])}</p>
                }.into_any(),
                None => view! {
                    <h3 id=heading_id.clone()>{move || current.with(|i| i.title.clone())}</h3>
                    <p class="muted">{move || current.with(|i| format!("{} · {}", signed_by(&i.signed, i18n.lang()), date(i.day, i18n.lang())))}</p>
                    <p class="message-body">{move || current.with(|i| i.body.clone())}</p>
                }.into_any(),
            }}
            <p class="idea-status">
                <span class=move || current.with(|i| status_class(&i.status)) data-testid="idea-status">{move || current.with(|i| i18n.t(status_key(&i.status)))}</span>
                {move || current.with(|i| match &i.status {
                    IdeaStatus::Declined(reason) => Some(view! { <span class="muted">{i18n.fill(Key::FeedbackDeclinedBecause, &[("reason", reason)])}</span> }),
                    _ => None,
                })}
            </p>
            <p class="actions">
                <span data-testid="votes">{move || i18n.fill(Key::FeedbackVotes, &[("n", &current.with(|i| i.votes).to_string())])}</span>
                {move || if own {
                    view! { <span class="muted"><Tr key=Key::FeedbackOwnIdea/></span> }.into_any()
                } else if voted() {
                    view! { <span class="badge badge-done" id=voted_id.clone() tabindex="-1" data-testid="voted"><Tr key=Key::FeedbackVoted/></span> }.into_any()
                } else if hidden().is_none() {
                    let id = id.clone();
                    view! {
                        <button type="button" class="button secondary" disabled=move || vote.pending().get() on:click=move |_| { vote.dispatch(id.clone()); }>
                            {move || i18n.t(if vote.pending().get() { Key::FeedbackSending } else { Key::FeedbackVote })}
                        </button>
                    }.into_any()
                } else {
                    ().into_any()
                }}
            </p>
            {move || vote_failure().map(|error| match error {
                ApiError::Invalid { fields } => view! {
                    <div class="field-error" role="alert">{fields.into_iter().map(|f| view! { <p>{move || rule_message(&f, i18n.lang())}</p> }).collect_view()}</div>
                }.into_any(),
                error => view! { <ActionError error retry=move || { vote.dispatch(current.with_untracked(|i| i.id.clone())); }/> }.into_any(),
            })}
            <Comments current/>
            {move || hidden().is_none().then(|| view! { <CommentForm current month=month.clone() left changed=Callback::new(changed)/> })}
        </li>
    }
}

#[component]
fn Comments(current: RwSignal<Idea>) -> impl IntoView {
    let i18n = use_i18n();
    let comments = move || current.with(|i| i.comments.clone());
    view! {
        {move || (!comments().is_empty()).then(|| view! {
            <h4 class="visually-hidden"><Tr key=Key::FeedbackComments/></h4>
            <ul class="comments">
                {comments().into_iter().map(|comment| {
                    let Comment { signed, body, day, hidden, .. } = comment;
                    view! {
                        <li>
                            <p class="muted">{move || format!("{} · {}", signed_by(&signed, i18n.lang()), date(day, i18n.lang()))}</p>
                            {match hidden {
                                Some(moderation) => view! { <p class="muted">{move || i18n.fill(Key::FeedbackHiddenBecause, &[("reason", &moderation.reason)])}</p> }.into_any(),
                                None => view! { <p class="message-body">{body}</p> }.into_any(),
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
    }
}

/// Under no name (a message token) or the member's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Signing {
    Anonymous,
    Named,
}

/// The choice of name, with what each means.
#[component]
fn SigningChoice(name: String, signing: RwSignal<Signing>, anonymous_left: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let my_name = move || session.member().map(|m| m.full_name).unwrap_or_default();
    let none_left = move || anonymous_left.get() == 0;
    // Nothing left of the month's allowance: the choice is made for them.
    Effect::new(move |_| {
        if none_left() {
            signing.set(Signing::Named);
        }
    });
    let hint_id = format!("{name}-hint");
    view! {
        <fieldset>
            <legend><Tr key=Key::FeedbackPostAs/></legend>
            <label class="check">
                <input type="radio" name=name.clone() disabled=none_left aria-describedby=hint_id.clone()
                    prop:checked=move || signing.get() == Signing::Anonymous on:change=move |_| signing.set(Signing::Anonymous)/>
                <Tr key=Key::FeedbackPostAnonymously/>
            </label>
            <label class="check">
                <input type="radio" name=name prop:checked=move || signing.get() == Signing::Named on:change=move |_| signing.set(Signing::Named)/>
                <span>{move || i18n.fill(Key::FeedbackPostNamed, &[("name", &my_name())])}</span>
            </label>
            <p class="muted" id=hint_id>
                {move || if none_left() {
                    i18n.t(Key::FeedbackMessagesUsedUp).to_owned()
                } else {
                    i18n.fill(Key::FeedbackAnonymousCosts, &[("n", &anonymous_left.get().to_string())])
                }}
            </p>
        </fieldset>
    }
}

#[component]
fn PostIdea(home: FeedbackHome, left: Signal<usize>, posted: Callback<Idea>) -> impl IntoView {
    let i18n = use_i18n();
    let keeper = use_keeper();
    let api = use_feedback();
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let signing = RwSignal::new(Signing::Anonymous);
    let month = home.month.clone();
    let post = Action::new_local(move |(draft, signing): &(IdeaDraft, Signing)| {
        let (keeper, api, draft, signing, month) = (keeper.clone(), api.clone(), draft.clone(), *signing, month.clone());
        async move {
            match signing {
                Signing::Anonymous => keeper.post_idea(&month, &draft).await,
                Signing::Named => api.post_idea(&draft).await,
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(idea)) = post.value().get() {
            title.set(String::new());
            body.set(String::new());
            posted.run(idea);
        }
    });
    let found = RwSignal::new(Vec::<FieldError>::new());
    let failure = move || post.value().get().and_then(Result::err);
    let at = move |field: &'static str| Signal::derive(move || form_errors_at(&found.read(), &failure(), field));
    let target = Callback::new(move |field: String| {
        let (id, label) = match field.as_str() {
            "title" => ("idea-title", Key::FeedbackIdeaTitle),
            "body" => ("idea-body", Key::FeedbackIdeaBody),
            _ => return None,
        };
        Some(FieldTarget { id: id.to_owned(), label: i18n.t(label).to_owned() })
    });
    let draft = move || IdeaDraft { title: title.get_untracked(), body: body.get_untracked() };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft().read() {
            Ok(draft) => {
                found.set(vec![]);
                post.dispatch((draft, signing.get_untracked()));
            }
            Err(problems) => found.set(problems.into_iter().map(FieldError::from).collect()),
        }
    };
    let just_posted = move || matches!(post.value().get(), Some(Ok(_)));
    view! {
        <form class="stack" on:submit=submit novalidate data-testid="post-idea">
            <ErrorSummary errors=Signal::derive(move || form_errors(&found.read(), &failure())) target/>
            <div class="field">
                <label for="idea-title"><Tr key=Key::FeedbackIdeaTitle/></label>
                <input id="idea-title" type="text" maxlength=MAX_TITLE.to_string() aria-describedby="idea-title-error"
                    prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                <FieldMessages errors=at("title") id="idea-title-error".to_owned()/>
            </div>
            <div class="field">
                <label for="idea-body"><Tr key=Key::FeedbackIdeaBody/></label>
                <textarea id="idea-body" rows="4" maxlength=MAX_BODY.to_string() aria-describedby="idea-body-error"
                    prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                <FieldMessages errors=at("body") id="idea-body-error".to_owned()/>
            </div>
            <SigningChoice name="idea-signing".to_owned() signing anonymous_left=left/>
            {move || failure().filter(|e| !matches!(e, ApiError::Invalid { .. })).map(|error| view! {
                <ActionError error kept=Key::FormKept retry=move || { if let Ok(d) = draft().read() { post.dispatch((d, signing.get_untracked())); } }/>
            })}
            <button type="submit" class="button" disabled=move || post.pending().get()>
                {move || i18n.t(if post.pending().get() { Key::FeedbackSending } else { Key::FeedbackPostIdea })}
            </button>
            <p class="visually-hidden" role="status">{move || post.pending().get().then(|| i18n.t(Key::FeedbackSending))}</p>
            <p role="status" class="muted">{move || just_posted().then(|| i18n.t(Key::FeedbackIdeaPosted))}</p>
        </form>
    }
}

/// A comment on an idea, in a disclosure so the board stays short.
#[component]
fn CommentForm(current: RwSignal<Idea>, month: String, left: Signal<usize>, changed: Callback<Idea>) -> impl IntoView {
    let i18n = use_i18n();
    let keeper = use_keeper();
    let api = use_feedback();
    let id = current.with_untracked(|i| i.id.clone());
    let field_id = format!("comment-{id}");
    let error_id = format!("comment-{id}-error");
    let name = format!("signing-{id}");
    let body = RwSignal::new(String::new());
    let signing = RwSignal::new(Signing::Anonymous);
    let send = Action::new_local(move |(text, signing): &(String, Signing)| {
        let (keeper, api, text, signing, month, id) = (keeper.clone(), api.clone(), text.clone(), *signing, month.clone(), id.clone());
        async move {
            match signing {
                Signing::Anonymous => keeper.comment(&month, &id, &text).await,
                Signing::Named => api.comment(&id, &text).await,
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(idea)) = send.value().get() {
            body.set(String::new());
            changed.run(idea);
        }
    });
    let found = RwSignal::new(Vec::<FieldError>::new());
    let failure = move || send.value().get().and_then(Result::err);
    let errors = Signal::derive(move || form_errors(&found.read(), &failure()));
    let focus_id = field_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match read_body("body", &body.get_untracked()) {
            Ok(text) => {
                found.set(vec![]);
                send.dispatch((text, signing.get_untracked()));
            }
            Err(problem) => {
                found.set(vec![problem.into()]);
                browser::focus_first(&format!("#{focus_id}"));
            }
        }
    };
    view! {
        <details class="audit">
            <summary><Tr key=Key::FeedbackComment/></summary>
            <form class="stack" on:submit=submit novalidate>
                <div class="field">
                    <label for=field_id.clone()><Tr key=Key::FeedbackYourComment/></label>
                    <textarea id=field_id.clone() rows="3" maxlength=MAX_MESSAGE.to_string() aria-describedby=error_id.clone()
                        prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                    <FieldMessages errors id=error_id.clone()/>
                </div>
                <SigningChoice name signing anonymous_left=left/>
                {move || failure().filter(|e| !matches!(e, ApiError::Invalid { .. })).map(|error| view! {
                    <ActionError error kept=Key::FormKept retry=move || { if let Ok(text) = read_body("body", &body.get_untracked()) { send.dispatch((text, signing.get_untracked())); } }/>
                })}
                <button type="submit" class="button" disabled=move || send.pending().get()>
                    {move || i18n.t(if send.pending().get() { Key::FeedbackSending } else { Key::FeedbackSendComment })}
                </button>
            </form>
        </details>
    }
}
