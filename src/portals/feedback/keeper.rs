//! The wallet at work, one per signed-in member while the app runs: it
//! fetches tokens ahead when the portal opens, spends them no sooner than
//! their delay, and carries out every anonymous action (a new
//! conversation, a vote, a survey's answers, an idea or a comment under no
//! name), keeping the wallet in step with what the backend says.
//!
//! Every change re-reads the stored wallet first: another tab of the same
//! member may have changed it, and a conversation's key must never be lost
//! to an older copy.

use super::api::{use_feedback, FeedbackApi};
use super::wallet::{to_fetch, wallet_key, Asked, KeptThread, KeptToken, Outgoing, Wallet};
use crate::api::{Api, ApiError};
use crate::browser;
use crate::i18n::Key;
use crate::session::use_session;
use crate::storage::{StorageNotice, StoredPart};
use domain::common::{FieldError, Rule, Violation};
use domain::feedback::anonymous::{AnonymousId, ThreadKey};
use domain::feedback::idea::{Idea, IdeaDraft, IdeaSort};
use domain::feedback::survey::Answer;
use domain::feedback::thread::{Recipient, Routing, Thread, Topic};
use domain::feedback::token::{PublicKey, Scope, Token, TokenRequest};
use domain::feedback::use_cases::NewThread;
use domain::feedback::wire::{AnonymousComment, AnonymousIdea, FeedbackHome, OpenSurvey, StartedThread, SurveyAnswer, Vote};
use domain::MemberId;
use leptos::prelude::*;
use rand_core::{OsRng, RngCore};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct Keeper {
    member: MemberId,
    api: Rc<dyn FeedbackApi>,
    /// The wallet as last read or written, for pages to follow.
    pub wallet: ArcRwSignal<Wallet>,
    /// The stored wallet could not be read and was reset.
    pub notice: ArcRwSignal<Option<StorageNotice>>,
    /// Counts the rounds of fetching ahead that finished: what the backend
    /// says is left of the month's messages has changed.
    pub fetched: ArcRwSignal<u32>,
    /// Published keys fetched this session, by scope.
    keys: RefCell<Vec<(Scope, PublicKey)>>,
    /// Scopes refused for good this session, not asked again.
    refused: RefCell<Vec<Scope>>,
    started: Cell<bool>,
}

/// Where the keeper lives: beside the portal's connection to the backend,
/// for as long as the app runs.
#[derive(Clone, Default)]
struct Slot(Rc<RefCell<Option<Rc<Keeper>>>>);

/// The signed-in member's keeper.
pub fn use_keeper() -> Rc<Keeper> {
    let member = untrack(|| use_session().member()).map(|m| m.id).unwrap_or(MemberId(0));
    let slot = expect_context::<Api>().portal(|_| Slot::default());
    if let Some(keeper) = slot.0.borrow().as_ref().filter(|k| k.member == member) {
        return keeper.clone();
    }
    let keeper = Rc::new(Keeper::open(member, use_feedback()));
    *slot.0.borrow_mut() = Some(keeper.clone());
    keeper
}

/// Whether `error` is the backend refusing by `rule`.
pub fn broke(error: &ApiError, rule: Rule) -> bool {
    matches!(error, ApiError::Invalid { fields } if fields.iter().any(|f| f.rule == Some(rule)))
}

/// A refusal that asking again cannot change.
fn for_good(error: &ApiError) -> bool {
    matches!(error, ApiError::Invalid { .. } | ApiError::NotFound | ApiError::Forbidden)
}

fn invalid(field: &str, rule: Rule) -> ApiError {
    ApiError::Invalid { fields: vec![FieldError::from(Violation::new(field, rule, None))] }
}

/// Waits `ms` milliseconds.
async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let waiting = web_sys::window().map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32));
        if !matches!(waiting, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A new conversation: what the backend said, and its key.
#[derive(Clone)]
pub struct Begun {
    pub started: StartedThread,
    pub key: ThreadKey,
}

impl Keeper {
    fn open(member: MemberId, api: Rc<dyn FeedbackApi>) -> Keeper {
        let key = wallet_key(member);
        let raw = browser::read(&key);
        let (wallet, notice) = match Wallet::load(raw.as_deref()) {
            Ok(wallet) => (wallet, None),
            Err(problem) => {
                // Set aside rather than thrown away: it may hold the only copy
                // of a conversation's key.
                if let Some(raw) = raw {
                    browser::write(&format!("{key}.damaged"), &raw);
                }
                browser::remove(&key);
                (Wallet::default(), Some(StorageNotice { part: StoredPart::Portal(Key::FeedbackWalletName), problem }))
            }
        };
        Keeper {
            member,
            api,
            wallet: ArcRwSignal::new(wallet),
            notice: ArcRwSignal::new(notice),
            fetched: ArcRwSignal::new(0),
            keys: RefCell::new(Vec::new()),
            refused: RefCell::new(Vec::new()),
            started: Cell::new(false),
        }
    }

    pub fn member(&self) -> MemberId {
        self.member
    }

    /// The wallet as stored now (another tab may have changed it).
    pub fn read(&self) -> Wallet {
        Wallet::load(browser::read(&wallet_key(self.member)).as_deref()).unwrap_or_else(|_| self.wallet.get_untracked())
    }

    /// Changes the stored wallet and tells the pages.
    pub fn change<T>(&self, change: impl FnOnce(&mut Wallet) -> T) -> T {
        let mut wallet = self.read();
        let out = change(&mut wallet);
        browser::write(&wallet_key(self.member), &wallet.seal());
        self.wallet.set(wallet);
        out
    }

    /// Fetches the tokens the member is likely to need, once a session, in
    /// the background: asked-for requests again, then what
    /// [`to_fetch`] lists. A conversation whose beginning went unanswered
    /// is looked for too.
    pub fn fetch_ahead(self: &Rc<Self>) {
        if self.started.replace(true) {
            return;
        }
        let keeper = self.clone();
        leptos::task::spawn_local(async move {
            keeper.fill().await;
            keeper.fetched.update(|n| *n += 1);
        });
    }

    async fn fill(&self) {
        let Ok(home) = self.api.home().await else { return };
        let board = self.api.ideas(IdeaSort::Newest).await.ok();
        self.change(|w| w.prune(&home, board.as_deref()));
        if let Some(out) = self.read().outbox {
            let _ = self.find_begun(&out).await;
        }
        for asked in self.read().pending {
            if matches!(self.ask(&asked).await, Err(ApiError::Network)) {
                return;
            }
        }
        let refused = self.refused.borrow().clone();
        for scope in to_fetch(&self.read(), &home, board.as_deref().unwrap_or_default(), self.member, &refused) {
            // A page may have asked for it meanwhile: one of a kind is asked once.
            if !matches!(scope, Scope::Messages { .. }) && self.read().holds(&scope) {
                continue;
            }
            let asked = self.new_request(scope);
            if matches!(self.ask(&asked).await, Err(ApiError::Network | ApiError::Unauthorized)) {
                return;
            }
        }
    }

    /// A token for `scope`: one kept, else the request asked before (asked
    /// again), else a new one.
    pub async fn token(&self, scope: &Scope) -> Result<KeptToken, ApiError> {
        let wallet = self.read();
        if let Some(kept) = wallet.token_for(scope) {
            return Ok(kept.clone());
        }
        let asked = wallet.asked_for(scope).cloned().unwrap_or_else(|| self.new_request(scope.clone()));
        self.ask(&asked).await
    }

    /// A token from the month's allowance (`month`: the backend's).
    pub async fn message_token(&self, month: &str) -> Result<KeptToken, ApiError> {
        match self.read().message_token(month) {
            Some(kept) => Ok(kept.clone()),
            None => self.token(&Scope::Messages { month: month.to_owned() }).await,
        }
    }

    /// A new request for `scope`, kept in the wallet before it is sent.
    fn new_request(&self, scope: Scope) -> Asked {
        let (pending, request) = TokenRequest::new(scope, &mut OsRng);
        let asked = Asked { pending, request };
        self.change(|w| w.ask(asked.clone()));
        asked
    }

    /// Sends a request and makes its answer a token, checked against the
    /// scope's published key.
    async fn ask(&self, asked: &Asked) -> Result<KeptToken, ApiError> {
        let scope = &asked.request.scope;
        let issued = match self.api.issue(&asked.request).await {
            Ok(issued) => issued,
            Err(error) => {
                if for_good(&error) {
                    self.change(|w| w.forget_request(asked));
                    self.refused.borrow_mut().push(scope.clone());
                }
                return Err(error);
            }
        };
        let published = self.public_key(scope).await?;
        match asked.pending.clone().finalize(&issued, &published) {
            Ok(token) => {
                let kept = KeptToken::new(token, super::now_millis(), OsRng.next_u32());
                self.change(|w| w.received(asked, kept.clone()));
                Ok(kept)
            }
            // Not made with the key everyone is given: a token that could
            // tell this member apart is not kept.
            Err(_) => {
                self.change(|w| w.forget_request(asked));
                Err(invalid("token", Rule::TokenInvalid))
            }
        }
    }

    async fn public_key(&self, scope: &Scope) -> Result<PublicKey, ApiError> {
        if let Some((_, key)) = self.keys.borrow().iter().find(|(s, _)| s == scope) {
            return Ok(key.clone());
        }
        let key = self.api.public_key(scope).await?;
        self.keys.borrow_mut().push((scope.clone(), key.clone()));
        Ok(key)
    }

    /// Waits until `kept` may be spent.
    pub async fn ready(&self, kept: &KeptToken) {
        let wait = kept.wait_ms(super::now_millis());
        if wait > 0 {
            sleep(wait).await;
        }
    }

    /// After spending `token`: it is gone when the call succeeded, or when
    /// the backend says it was spent or is no good.
    fn settle<T>(&self, token: &Token, result: &Result<T, ApiError>) {
        let gone = match result {
            Ok(_) => true,
            Err(error) => broke(error, Rule::TokenSpent) || broke(error, Rule::TokenInvalid),
        };
        if gone {
            self.change(|w| w.spent(token));
        }
    }

    /// Begins a conversation under no name, spending a message token of
    /// the backend's month (`home`). Sending again after a lost answer
    /// finds the conversation sent before rather than beginning it twice.
    pub async fn begin(&self, home: &FeedbackHome, to: Recipient, topic: Topic, body: &str) -> Result<Begun, ApiError> {
        let month = home.month.as_str();
        if let Some(out) = self.read().outbox {
            if let Some(thread) = self.find_begun(&out).await? {
                if out.is(to, topic, body) {
                    // Sent to HR instead of the department asked for: the rule's threshold.
                    let routing = Routing { to: thread.recipient, rerouted_below: (thread.recipient != to).then_some(home.min_department_members) };
                    return Ok(Begun { started: StartedThread { thread, routing }, key: out.key });
                }
            }
        }
        let mut bytes = [0u8; 16];
        OsRng.fill_bytes(&mut bytes);
        let key = ThreadKey::from_random(bytes);
        for attempt in 0..2 {
            let kept = self.message_token(month).await?;
            self.change(|w| w.outbox = Some(Outgoing { key, to, topic, body: body.to_owned() }));
            self.ready(&kept).await;
            let new = NewThread { to, topic, body: body.to_owned(), access: key.access(), token: kept.token.clone() };
            let result = self.api.start_thread(&new).await;
            self.settle(&kept.token, &result);
            match result {
                Ok(started) => {
                    self.change(|w| {
                        w.outbox = None;
                        w.keep_thread(kept_thread(key, &started.thread, started.thread.messages.len()));
                    });
                    return Ok(Begun { started, key });
                }
                // Spent meanwhile in another tab: once more with another.
                Err(error) if attempt == 0 && broke(&error, Rule::TokenSpent) => continue,
                Err(error) => {
                    if for_good(&error) {
                        self.change(|w| w.outbox = None);
                    }
                    return Err(error);
                }
            }
        }
        Err(invalid("token", Rule::TokenSpent))
    }

    /// Whether a conversation begun without an answer exists: kept if so;
    /// the outbox is emptied once the backend has said.
    async fn find_begun(&self, out: &Outgoing) -> Result<Option<Thread>, ApiError> {
        match self.api.open_thread(&out.key).await {
            Ok(thread) => {
                self.change(|w| {
                    w.outbox = None;
                    w.keep_thread(kept_thread(out.key, &thread, thread.messages.len()));
                });
                Ok(Some(thread))
            }
            Err(ApiError::NotFound) => {
                self.change(|w| w.outbox = None);
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }

    /// Opens a conversation by its key and keeps the key in this browser.
    pub async fn open_with(&self, key: ThreadKey) -> Result<Thread, ApiError> {
        let thread = self.api.open_thread(&key).await?;
        self.change(|w| w.keep_thread(kept_thread(key, &thread, 0)));
        Ok(thread)
    }

    /// Votes for an idea under no name: the idea as counted, or `None` when
    /// this member's vote was counted before (its answer was lost).
    pub async fn vote(&self, idea: &AnonymousId) -> Result<Option<Idea>, ApiError> {
        let kept = self.token(&Scope::IdeaVote { idea: idea.to_string() }).await?;
        self.ready(&kept).await;
        let result = self.api.vote(&Vote { idea: idea.clone(), token: kept.token.clone() }).await;
        self.settle(&kept.token, &result);
        match result {
            Ok(counted) => {
                self.change(|w| w.voted.insert(idea.clone()));
                Ok(Some(counted))
            }
            Err(error) if broke(&error, Rule::TokenSpent) => {
                self.change(|w| w.voted.insert(idea.clone()));
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }

    /// Answers a survey under the member's group and no name.
    pub async fn answer(&self, open: &OpenSurvey, answers: Vec<Answer>) -> Result<(), ApiError> {
        let kept = self.token(&open.scope).await?;
        self.ready(&kept).await;
        let result = self.api.answer_survey(&SurveyAnswer { survey: open.survey.id, token: kept.token.clone(), answers }).await;
        self.settle(&kept.token, &result);
        match result {
            // Spent: these answers arrived before, and their answer was lost.
            Ok(()) => {}
            Err(error) if broke(&error, Rule::TokenSpent) => {}
            Err(error) => return Err(error),
        }
        self.change(|w| w.answered.insert(open.survey.id));
        Ok(())
    }

    /// Posts an idea under no name, spending a message token of `month`.
    pub async fn post_idea(&self, month: &str, draft: &IdeaDraft) -> Result<Idea, ApiError> {
        let kept = self.message_token(month).await?;
        self.ready(&kept).await;
        let result = self.api.post_anonymous_idea(&AnonymousIdea { title: draft.title.clone(), body: draft.body.clone(), token: kept.token.clone() }).await;
        self.settle(&kept.token, &result);
        result
    }

    /// Comments under no name, spending a message token of `month`.
    pub async fn comment(&self, month: &str, idea: &AnonymousId, body: &str) -> Result<Idea, ApiError> {
        let kept = self.message_token(month).await?;
        self.ready(&kept).await;
        let result = self.api.anonymous_comment(&AnonymousComment { idea: idea.clone(), body: body.to_owned(), token: kept.token.clone() }).await;
        self.settle(&kept.token, &result);
        result
    }
}

fn kept_thread(key: ThreadKey, thread: &Thread, seen: usize) -> KeptThread {
    KeptThread { id: thread.id.clone(), key, topic: thread.topic, to: thread.recipient, began: thread.began, seen }
}
