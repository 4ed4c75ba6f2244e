use super::labels::{status_of, status_value, STATUSES};
use super::moderate::HideWithReason;
use super::FeedbackHrFrame;
use crate::browser::focus_first;
use crate::components::{form_errors_at, ActionError, FieldMessages, Loadable};
use crate::i18n::format::date;
use crate::i18n::{use_i18n, Key, Tr};
use crate::portals::feedback::api::use_feedback;
use crate::portals::feedback::labels::{status_class, status_key};
use domain::common::FieldError;
use domain::feedback::idea::{Comment, Idea, IdeaSort, IdeaStatus};
use domain::feedback::thread::read_body;
use leptos::prelude::*;

/// The ideas board as HR runs it: each idea's status (a decline with its
/// reason), and hiding an idea or a comment with the reason readers see.
#[component]
pub fn IdeasAdmin() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_feedback();
    let sort = RwSignal::new(IdeaSort::Votes);
    let ideas = LocalResource::new(move || {
        let (api, sort) = (api.clone(), sort.get());
        async move { api.ideas(sort).await }
    });
    let sorts = [(IdeaSort::Votes, "votes", Key::FeedbackHrIdeasSortVotes), (IdeaSort::Newest, "newest", Key::FeedbackHrIdeasSortNewest)];
    view! {
        <FeedbackHrFrame title=Key::FeedbackHrIdeasTitle>
            <div class="filters">
                <div class="field">
                    <label for="ideas-sort"><Tr key=Key::FeedbackHrIdeasSort/></label>
                    <select id="ideas-sort" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some((s, ..)) = sorts.iter().find(|(_, v, _)| *v == value) { sort.set(*s) }
                    }>
                        {sorts.into_iter().map(|(s, value, key)| view! {
                            <option value=value selected=move || sort.get() == s>{move || i18n.t(key)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <Loadable resource=ideas skeleton_lines=8 render=|ideas| {
                if ideas.is_empty() {
                    return view! { <p class="empty"><Tr key=Key::FeedbackHrIdeasEmpty/></p> }.into_any();
                }
                view! {
                    <ul class="order-list" data-testid="ideas-admin">
                        {ideas.into_iter().map(|idea| view! { <li><IdeaCard idea/></li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }/>
        </FeedbackHrFrame>
    }
}

/// One idea, kept as the last answer returned it.
#[component]
fn IdeaCard(idea: Idea) -> impl IntoView {
    let i18n = use_i18n();
    let id = idea.id.clone();
    let idea = RwSignal::new(idea);
    let element_id = format!("idea-{id}");
    let heading_id = format!("{element_id}-title");
    let comments_id = format!("{element_id}-comments");
    let labelled_by = heading_id.clone();
    // Hidden: its title and body are gone, the reason is in their place.
    // Drawn again only when that changes, not with each status saved.
    let hidden = Memo::new(move |_| idea.read().hidden.clone());
    let body = move || match hidden.get() {
        Some(moderation) => view! {
            <h2 id=heading_id.clone()><Tr key=Key::FeedbackHrIdeaHidden/></h2>
            <p class="muted" id=format!("{element_id}-hidden")>
                {move || i18n.fill(Key::FeedbackHrHiddenByHr, &[("day", &date(moderation.day, i18n.lang())), ("reason", &moderation.reason)])}
            </p>
        }
        .into_any(),
        None => {
            let (title, text) = idea.with_untracked(|idea| (idea.title.clone(), idea.body.clone()));
            let hide = {
                let (api, id) = (use_feedback(), id.clone());
                move |reason: String| {
                    let (api, id) = (api.clone(), id.clone());
                    async move { api.hide_idea(&id, &reason).await }
                }
            };
            view! {
                <h2 id=heading_id.clone()>{title}</h2>
                <p class="message-body">{text}</p>
                <StatusForm idea/>
                <HideWithReason id=element_id.clone() label=Key::FeedbackHrHideIdea question=Key::FeedbackHrHideIdeaQuestion
                    hide done=Callback::new(move |changed: Idea| idea.set(changed))/>
            }
            .into_any()
        }
    };
    let signature = move || match &idea.read().signed {
        Some(signature) => i18n.fill(Key::FeedbackHrIdeaBy, &[("name", &signature.name)]),
        None => i18n.t(Key::FeedbackHrIdeaUnsigned).to_owned(),
    };
    let meta = move || {
        let idea = idea.read();
        i18n.fill(Key::FeedbackHrIdeaMeta, &[("day", &date(idea.day, i18n.lang())), ("votes", &idea.votes.to_string())])
    };
    let has_comments = Memo::new(move |_| !idea.read().comments.is_empty());
    view! {
        <article class="card stack" aria-labelledby=labelled_by data-testid="idea">
            <p class="muted">{signature}" · "{meta}</p>
            {move || {
                let status = idea.read().status.clone();
                let (class, key) = (status_class(&status), status_key(&status));
                view! { <span class=class>{move || i18n.t(key)}</span> }
            }}
            {move || match idea.read().status.clone() {
                IdeaStatus::Declined(reason) => Some(view! { <p>{move || i18n.fill(Key::FeedbackHrIdeaDeclinedBecause, &[("reason", &reason)])}</p> }),
                _ => None,
            }}
            {body}
            {move || has_comments.get().then(|| view! {
                <div>
                    <h3 id=comments_id.clone()>{move || i18n.fill(Key::FeedbackHrIdeaComments, &[("n", &idea.read().comments.len().to_string())])}</h3>
                    <ul class="comments">
                        <For each=move || idea.get().comments key=|c| (c.id.clone(), c.hidden.is_some()) let:comment>
                            <CommentItem comment idea/>
                        </For>
                    </ul>
                </div>
            })}
        </article>
    }
}

#[component]
fn CommentItem(comment: Comment, idea: RwSignal<Idea>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_feedback();
    let Comment { id, signed, body, day, hidden } = comment;
    let element_id = format!("comment-{id}");
    let by = move || match &signed {
        Some(signature) => i18n.fill(Key::FeedbackHrIdeaBy, &[("name", &signature.name)]),
        None => i18n.t(Key::FeedbackHrIdeaUnsigned).to_owned(),
    };
    let content = match hidden {
        Some(moderation) => view! {
            <p class="muted" id=format!("{element_id}-hidden")>
                {move || i18n.fill(Key::FeedbackHrHiddenByHr, &[("day", &date(moderation.day, i18n.lang())), ("reason", &moderation.reason)])}
            </p>
        }
        .into_any(),
        None => {
            let idea_id = idea.read_untracked().id.clone();
            let hide = move |reason: String| {
                let (api, idea_id, id) = (api.clone(), idea_id.clone(), id.clone());
                async move { api.hide_comment(&idea_id, &id, &reason).await }
            };
            view! {
                <p class="message-body">{body}</p>
                <HideWithReason id=element_id.clone() label=Key::FeedbackHrHideComment question=Key::FeedbackHrHideCommentQuestion
                    hide done=Callback::new(move |changed: Idea| idea.set(changed))/>
            }
            .into_any()
        }
    };
    view! {
        <li class="card message">
            <p class="message-head muted"><strong>{by}</strong><span>{move || date(day, i18n.lang())}</span></p>
            {content}
        </li>
    }
}

/// The idea's status, set by HR; a decline needs the reason everyone reads.
#[component]
fn StatusForm(idea: RwSignal<Idea>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_feedback();
    let id = idea.read_untracked().id.clone();
    let current = idea.read_untracked().status.clone();
    let value = RwSignal::new(status_value(&current).to_owned());
    let reason = RwSignal::new(match &current {
        IdeaStatus::Declined(reason) => reason.clone(),
        _ => String::new(),
    });
    let found = RwSignal::new(Vec::<FieldError>::new());
    let save = {
        let id = id.clone();
        Action::new_local(move |status: &IdeaStatus| {
            let (api, id, status) = (api.clone(), id.clone(), status.clone());
            async move { api.set_status(&id, &status).await }
        })
    };
    Effect::new(move |_| {
        if let Some(Ok(changed)) = save.value().get() {
            idea.set(changed);
        }
    });
    let failure = move || save.value().get().and_then(Result::err);
    let select_id = format!("idea-{id}-status");
    let reason_id = format!("idea-{id}-decline");
    let error_id = format!("{reason_id}-error");
    let errors = Signal::derive(move || form_errors_at(&found.read(), &failure(), "reason"));
    let submit = {
        let reason_id = reason_id.clone();
        move || {
            let chosen = value.get_untracked();
            let typed = if chosen == "declined" { read_body("reason", &reason.get_untracked()) } else { Ok(String::new()) };
            match typed {
                Ok(typed) => {
                    found.set(Vec::new());
                    if let Some(status) = status_of(&chosen, &typed) {
                        save.dispatch(status);
                    }
                }
                Err(violation) => {
                    found.set(vec![FieldError::from(violation)]);
                    focus_first(&format!("#{reason_id}"));
                }
            }
        }
    };
    let retry = submit.clone();
    view! {
        <form class="stack" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
            <div class="field">
                <label for=select_id.clone()><Tr key=Key::FeedbackHrIdeaStatusLabel/></label>
                <select id=select_id on:change=move |ev| value.set(event_target_value(&ev))>
                    {STATUSES.into_iter().map(|v| {
                        let key = status_of(v, "").map_or(Key::FeedbackStatusNew, |s| status_key(&s));
                        view! { <option value=v selected=move || value.get() == v>{move || i18n.t(key)}</option> }
                    }).collect_view()}
                </select>
            </div>
            {move || (value.get() == "declined").then(|| view! {
                <div class="field">
                    <label for=reason_id.clone()><Tr key=Key::FeedbackHrIdeaDeclineReason/></label>
                    <textarea id=reason_id.clone() rows="3" aria-describedby=error_id.clone() aria-invalid=move || (!errors.read().is_empty()).to_string()
                        prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    <FieldMessages errors id=error_id.clone()/>
                </div>
            })}
            {move || failure().map(|error| {
                let retry = retry.clone();
                view! { <ActionError error kept=Key::FormKept retry=Callback::new(move |_| retry())/> }
            })}
            <div class="actions">
                <button type="submit" class="button secondary" disabled=move || save.pending().get()><Tr key=Key::FeedbackHrIdeaStatusSave/></button>
            </div>
            <p role="status" class="muted">
                {move || (found.read().is_empty() && matches!(save.value().get(), Some(Ok(_)))).then(|| i18n.t(Key::FeedbackHrIdeaStatusSaved))}
            </p>
        </form>
    }
}
