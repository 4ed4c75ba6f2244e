//! What only the member's browser holds of anonymous feedback, per member:
//! the keys of their conversations, the one-time tokens fetched ahead and
//! not yet spent, the token requests asked and not yet answered, and what
//! they voted for and answered (to say so). The backend keeps none of it:
//! losing this and a conversation's recovery code loses the conversation.
//!
//! Everything here is pure (times are passed in, randomness too), so its
//! rules are tested natively; `keeper.rs` reads and writes it in storage.

use crate::storage::{self, Problem};
use domain::feedback::anonymous::{AnonymousId, ThreadKey};
use domain::feedback::idea::Idea;
use domain::feedback::survey::SurveyId;
use domain::feedback::thread::{Recipient, Topic};
use domain::feedback::token::{BlindedRequest, PendingToken, Scope, Token};
use domain::feedback::wire::FeedbackHome;
use domain::{Date, MemberId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Bump when [`Wallet`] changes shape, and teach [`Wallet::load`] the old one.
pub const WALLET_VERSION: u32 = 1;

/// A token is spent no sooner than this long after it was finalised...
pub const MIN_DELAY_MS: i64 = 2_000;
/// ...and no later than this (a random wait in between), so that getting
/// a token and spending it are never back to back.
pub const MAX_DELAY_MS: i64 = 6_000;

/// Message tokens kept ready, while the month's allowance lasts.
pub const MESSAGE_TOKENS_AHEAD: usize = 2;

/// Where a member's wallet is kept in this browser.
pub fn wallet_key(member: MemberId) -> String {
    format!("noibo.feedback.wallet.{}", member.0)
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wallet {
    /// Conversations begun or opened in this browser, newest first.
    #[serde(default)]
    pub threads: Vec<KeptThread>,
    /// Tokens ready to spend.
    #[serde(default)]
    pub tokens: Vec<KeptToken>,
    /// Requests for tokens asked and not yet answered: after a reload they
    /// are asked again exactly as before, and the backend answers again.
    #[serde(default)]
    pub pending: Vec<Asked>,
    /// Ideas voted for from this browser.
    #[serde(default)]
    pub voted: BTreeSet<AnonymousId>,
    /// Surveys answered from this browser.
    #[serde(default)]
    pub answered: BTreeSet<SurveyId>,
    /// A conversation being begun: its key is kept before the message goes,
    /// so that a lost answer does not lose the conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbox: Option<Outgoing>,
}

/// A conversation's key and what the member needs to recognise it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptThread {
    pub id: AnonymousId,
    pub key: ThreadKey,
    pub topic: Topic,
    pub to: Recipient,
    pub began: Date,
    /// Messages the member has seen in it: more, and the last is a
    /// responder's, is a new reply.
    #[serde(default)]
    pub seen: usize,
}

/// A token, and when it may be spent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptToken {
    pub token: Token,
    /// When it was finalised (Unix ms).
    pub finalized_at: i64,
    /// The earliest it may be spent (Unix ms): 2–6 s later, at random.
    pub ready_at: i64,
}

impl KeptToken {
    /// A token finalised at `now`, to be spent after a wait that `random`
    /// picks between [`MIN_DELAY_MS`] and [`MAX_DELAY_MS`].
    pub fn new(token: Token, now: i64, random: u32) -> KeptToken {
        let span = (MAX_DELAY_MS - MIN_DELAY_MS + 1) as u32;
        KeptToken { token, finalized_at: now, ready_at: now + MIN_DELAY_MS + i64::from(random % span) }
    }

    /// How long to wait at `now` before spending it. Never more than the
    /// longest delay: a clock set back must not hold a message for hours.
    pub fn wait_ms(&self, now: i64) -> u32 {
        (self.ready_at - now).clamp(0, MAX_DELAY_MS) as u32
    }
}

/// A token request asked and not yet answered: the secret half stays
/// here, the other half is what was sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked {
    pub pending: PendingToken,
    pub request: BlindedRequest,
}

/// A conversation being begun, kept until the backend says whether it
/// exists: sending the same words again then finds it rather than
/// beginning it twice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outgoing {
    pub key: ThreadKey,
    pub to: Recipient,
    pub topic: Topic,
    pub body: String,
}

impl Outgoing {
    /// Whether sending `to`, `topic`, `body` is sending this again.
    pub fn is(&self, to: Recipient, topic: Topic, body: &str) -> bool {
        self.to == to && self.topic == topic && self.body.trim() == body.trim()
    }
}

/// The month before `month` ("2026-01" → "2025-12").
pub fn previous_month(month: &str) -> Option<String> {
    let (year, month) = month.split_once('-')?;
    let (year, month): (i32, u32) = (year.parse().ok()?, month.parse().ok()?);
    match month {
        1 => Some(format!("{:04}-12", year - 1)),
        2..=12 => Some(format!("{year:04}-{:02}", month - 1)),
        _ => None,
    }
}

impl Wallet {
    /// The stored wallet; nothing stored is an empty one.
    pub fn load(raw: Option<&str>) -> Result<Wallet, Problem> {
        Ok(storage::read(raw, WALLET_VERSION)?.unwrap_or_default())
    }

    pub fn seal(&self) -> String {
        storage::seal(WALLET_VERSION, self)
    }

    pub fn thread(&self, id: &AnonymousId) -> Option<&KeptThread> {
        self.threads.iter().find(|t| t.id == *id)
    }

    /// Keeps a conversation's key, newest first; one already kept stays
    /// where it is.
    pub fn keep_thread(&mut self, thread: KeptThread) {
        if !self.threads.iter().any(|t| t.id == thread.id) {
            self.threads.insert(0, thread);
            self.threads.sort_by_key(|t| std::cmp::Reverse(t.began));
        }
    }

    /// The member has seen `count` messages of conversation `id`.
    pub fn seen(&mut self, id: &AnonymousId, count: usize) {
        if let Some(thread) = self.threads.iter_mut().find(|t| t.id == *id) {
            thread.seen = thread.seen.max(count);
        }
    }

    /// Whether a token for `scope` is kept or asked for.
    pub fn holds(&self, scope: &Scope) -> bool {
        self.tokens.iter().any(|t| t.token.scope == *scope) || self.pending.iter().any(|a| a.request.scope == *scope)
    }

    pub fn token_for(&self, scope: &Scope) -> Option<&KeptToken> {
        self.tokens.iter().filter(|t| t.token.scope == *scope).min_by_key(|t| t.ready_at)
    }

    pub fn asked_for(&self, scope: &Scope) -> Option<&Asked> {
        self.pending.iter().find(|a| a.request.scope == *scope)
    }

    /// The message token to spend in `month` (the backend's): this month's
    /// or last month's, the first ready.
    pub fn message_token(&self, month: &str) -> Option<&KeptToken> {
        let last = previous_month(month);
        self.tokens
            .iter()
            .filter(|t| matches!(&t.token.scope, Scope::Messages { month: m } if m == month || Some(m) == last.as_ref()))
            .min_by_key(|t| t.ready_at)
    }

    /// Message tokens that can still be spent in `month`.
    pub fn message_tokens(&self, month: &str) -> usize {
        let last = previous_month(month);
        self.tokens.iter().filter(|t| matches!(&t.token.scope, Scope::Messages { month: m } if m == month || Some(m) == last.as_ref())).count()
    }

    /// A request about to be sent: kept first, so a reload asks it again.
    pub fn ask(&mut self, asked: Asked) {
        if !self.pending.iter().any(|a| a.request == asked.request) {
            self.pending.push(asked);
        }
    }

    /// The answer to `asked` became `token`: the request is done. The same
    /// answer arriving twice (two tabs) keeps one token.
    pub fn received(&mut self, asked: &Asked, token: KeptToken) {
        self.pending.retain(|a| a.request != asked.request);
        if !self.tokens.iter().any(|t| t.token.input == token.token.input) {
            self.tokens.push(token);
        }
    }

    /// A request the backend refused for good (or whose answer failed its
    /// proof): it is not asked again.
    pub fn forget_request(&mut self, asked: &Asked) {
        self.pending.retain(|a| a.request != asked.request);
    }

    /// A token spent (or refused as spent).
    pub fn spent(&mut self, token: &Token) {
        self.tokens.retain(|t| t.token.input != token.input);
    }

    /// Drops what can no longer be spent, by what the backend says now:
    /// message tokens of months before last, survey tokens of surveys no
    /// longer open to the member, vote tokens of ideas gone or hidden
    /// (`board`, when it was loaded).
    pub fn prune(&mut self, home: &FeedbackHome, board: Option<&[Idea]>) {
        let last = previous_month(&home.month);
        let open: BTreeSet<u32> = home.open_surveys.iter().map(|s| s.survey.id.0).collect();
        let usable = |scope: &Scope| match scope {
            Scope::Messages { month } => *month == home.month || Some(month) == last.as_ref(),
            Scope::Survey { survey, .. } => open.contains(survey),
            Scope::IdeaVote { idea } => board.is_none_or(|ideas| ideas.iter().any(|i| i.id.as_str() == idea && i.hidden.is_none())),
        };
        self.tokens.retain(|t| usable(&t.token.scope));
        self.pending.retain(|a| usable(&a.request.scope));
    }
}

/// The tokens to fetch ahead, beyond the requests already asked (which are
/// asked again first): one for each open survey the member has none for
/// and has not had issued elsewhere, one vote for each idea on the board
/// they may vote on and have not, and message tokens up to
/// [`MESSAGE_TOKENS_AHEAD`] while the month's allowance lasts. `refused`:
/// scopes refused for good this session, not asked again.
pub fn to_fetch(wallet: &Wallet, home: &FeedbackHome, board: &[Idea], me: MemberId, refused: &[Scope]) -> Vec<Scope> {
    let wanted = |scope: &Scope| !wallet.holds(scope) && !refused.contains(scope);
    let mut scopes: Vec<Scope> = home
        .open_surveys
        .iter()
        .filter(|open| !open.token_issued && !wallet.answered.contains(&open.survey.id))
        .map(|open| open.scope.clone())
        .filter(wanted)
        .collect();
    scopes.extend(
        board
            .iter()
            .filter(|idea| idea.hidden.is_none() && !wallet.voted.contains(&idea.id) && idea.signed.as_ref().is_none_or(|s| s.member != me))
            .map(|idea| Scope::IdeaVote { idea: idea.id.to_string() })
            .filter(wanted),
    );
    let messages = Scope::Messages { month: home.month.clone() };
    if !refused.contains(&messages) {
        let held = wallet.message_tokens(&home.month) + wallet.pending.iter().filter(|a| a.request.scope == messages).count();
        let more = MESSAGE_TOKENS_AHEAD.saturating_sub(held).min(home.messages_left as usize);
        scopes.extend(std::iter::repeat_n(messages, more));
    }
    scopes
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::feedback::idea::{IdeaStatus, Signature};
    use domain::feedback::survey::{Survey, SurveyDraft};
    use domain::feedback::wire::OpenSurvey;
    use domain::{Audience, DepartmentId, LocalizedText};

    fn id(n: u8) -> AnonymousId {
        AnonymousId::from_random([n; 16])
    }

    fn day(text: &str) -> Date {
        text.parse().expect("a date")
    }

    fn token(scope: Scope, n: u8) -> Token {
        Token { scope, input: format!("input-{n}"), output: format!("output-{n}") }
    }

    fn asked(scope: Scope, n: u8) -> Asked {
        Asked {
            pending: PendingToken { scope: scope.clone(), input: format!("input-{n}"), state: format!("state-{n}") },
            request: BlindedRequest { scope, blinded: format!("blinded-{n}") },
        }
    }

    fn messages(month: &str) -> Scope {
        Scope::Messages { month: month.to_owned() }
    }

    fn survey_scope(id: u32) -> Scope {
        Scope::Survey { survey: id, group: "d1.s-.e-.t-".to_owned() }
    }

    fn open_survey(id: u32, token_issued: bool) -> OpenSurvey {
        let text = LocalizedText { vi: "Nhịp đập".to_owned(), en: "Pulse".to_owned() };
        let draft = SurveyDraft {
            title: text,
            questions: vec![],
            audience: Audience::everyone(),
            opens: day("2026-12-01"),
            closes: day("2026-12-10"),
            min_responses: 5,
            min_comment_responses: 5,
            series: None,
        };
        OpenSurvey { survey: Survey { id: SurveyId(id), draft }, scope: survey_scope(id), token_issued }
    }

    fn home(messages_left: u32, open_surveys: Vec<OpenSurvey>) -> FeedbackHome {
        FeedbackHome {
            month: "2026-12".to_owned(),
            messages_left,
            department: DepartmentId(1),
            department_addressable: true,
            min_department_members: 5,
            open_surveys,
        }
    }

    fn idea(n: u8, author: Option<u32>) -> Idea {
        Idea {
            id: id(n),
            signed: author.map(|m| Signature { member: MemberId(m), name: "Lan".to_owned() }),
            title: "Mái che nhà xe".to_owned(),
            body: "…".to_owned(),
            day: day("2026-11-20"),
            status: IdeaStatus::New,
            votes: 3,
            comments: vec![],
            hidden: None,
        }
    }

    const ME: MemberId = MemberId(7);

    #[test]
    fn a_wallet_survives_a_reload_whole() {
        let mut wallet = Wallet::default();
        wallet.keep_thread(KeptThread {
            id: id(1),
            key: ThreadKey::from_random([9; 16]),
            topic: Topic::Safety,
            to: Recipient::Department(DepartmentId(3)),
            began: day("2026-12-01"),
            seen: 2,
        });
        wallet.tokens.push(KeptToken::new(token(messages("2026-12"), 1), 1_000, 7));
        wallet.ask(asked(survey_scope(4), 2));
        wallet.voted.insert(id(5));
        wallet.answered.insert(SurveyId(3));
        wallet.outbox = Some(Outgoing { key: ThreadKey::from_random([8; 16]), to: Recipient::Hr, topic: Topic::Other, body: "Xin chào".to_owned() });
        assert_eq!(Wallet::load(Some(&wallet.seal())), Ok(wallet));
    }

    #[test]
    fn nothing_stored_is_an_empty_wallet_and_a_damaged_one_says_why() {
        assert_eq!(Wallet::load(None), Ok(Wallet::default()));
        for raw in ["", "not json", r#"{"version":1,"data":{"threads":"none"}}"#, r#"{"version":1,"data":{"threads":[{"id":"x"}]}}"#] {
            assert_eq!(Wallet::load(Some(raw)), Err(Problem::Corrupt), "{raw:?}");
        }
        assert_eq!(Wallet::load(Some(r#"{"version":9,"data":{}}"#)), Err(Problem::Incompatible { found: 9 }));
    }

    #[test]
    fn each_member_has_a_wallet_of_their_own() {
        assert_eq!(wallet_key(MemberId(12)), "noibo.feedback.wallet.12");
    }

    #[test]
    fn a_token_waits_two_to_six_seconds_after_it_was_finalised() {
        for random in [0, 1, 4_000, 4_001, 123_456, u32::MAX] {
            let kept = KeptToken::new(token(messages("2026-12"), 1), 10_000, random);
            let delay = kept.ready_at - kept.finalized_at;
            assert!((MIN_DELAY_MS..=MAX_DELAY_MS).contains(&delay), "{random}: {delay}");
            // Spent at once: the whole delay; later, the rest; after it, no wait.
            assert_eq!(kept.wait_ms(10_000), delay as u32);
            assert_eq!(kept.wait_ms(11_000), (delay - 1_000) as u32);
            assert_eq!(kept.wait_ms(10_000 + delay), 0);
            assert_eq!(kept.wait_ms(60_000), 0);
        }
        assert_eq!(KeptToken::new(token(messages("2026-12"), 1), 0, 0).ready_at, MIN_DELAY_MS);
        assert_eq!(KeptToken::new(token(messages("2026-12"), 1), 0, 4_000).ready_at, MAX_DELAY_MS);
    }

    #[test]
    fn a_clock_set_back_never_holds_a_token_longer_than_the_longest_delay() {
        let kept = KeptToken::new(token(messages("2026-12"), 1), 1_000_000, 0);
        assert_eq!(kept.wait_ms(0), MAX_DELAY_MS as u32);
    }

    #[test]
    fn months_count_back_across_a_year() {
        assert_eq!(previous_month("2026-12").as_deref(), Some("2026-11"));
        assert_eq!(previous_month("2027-01").as_deref(), Some("2026-12"));
        assert_eq!(previous_month("2026-13"), None);
        assert_eq!(previous_month("december"), None);
    }

    #[test]
    fn a_message_token_of_this_or_last_month_is_spent_first_ready_first() {
        let mut wallet = Wallet::default();
        wallet.tokens.push(KeptToken::new(token(messages("2026-10"), 1), 0, 0));
        wallet.tokens.push(KeptToken::new(token(messages("2026-12"), 2), 5_000, 0));
        wallet.tokens.push(KeptToken::new(token(messages("2026-11"), 3), 1_000, 0));
        wallet.tokens.push(KeptToken::new(token(survey_scope(4), 4), 0, 0));
        assert_eq!(wallet.message_token("2026-12").map(|t| t.token.input.as_str()), Some("input-3"));
        assert_eq!(wallet.message_tokens("2026-12"), 2);
        assert_eq!(wallet.message_tokens("2027-02"), 0);
    }

    #[test]
    fn an_answer_received_twice_keeps_one_token_and_ends_the_request() {
        let mut wallet = Wallet::default();
        let request = asked(messages("2026-12"), 1);
        wallet.ask(request.clone());
        wallet.ask(request.clone());
        assert_eq!(wallet.pending.len(), 1);
        assert!(wallet.holds(&messages("2026-12")));
        wallet.received(&request, KeptToken::new(token(messages("2026-12"), 1), 0, 0));
        wallet.received(&request, KeptToken::new(token(messages("2026-12"), 1), 9, 0));
        assert!(wallet.pending.is_empty());
        assert_eq!(wallet.tokens.len(), 1);
        wallet.spent(&token(messages("2026-12"), 1));
        assert!(!wallet.holds(&messages("2026-12")));
    }

    #[test]
    fn the_portal_fetches_a_token_for_each_open_survey_it_lacks() {
        let mut wallet = Wallet::default();
        wallet.tokens.push(KeptToken::new(token(survey_scope(1), 1), 0, 0));
        wallet.ask(asked(survey_scope(2), 2));
        wallet.answered.insert(SurveyId(3));
        let home = home(0, vec![open_survey(1, true), open_survey(2, true), open_survey(3, false), open_survey(4, true), open_survey(5, false)]);
        // 1 is kept, 2 is asked (and asked again apart), 3 answered, 4 had
        // its token issued to another browser: only 5.
        assert_eq!(to_fetch(&wallet, &home, &[], ME, &[]), vec![survey_scope(5)]);
        assert!(to_fetch(&wallet, &home, &[], ME, &[survey_scope(5)]).is_empty());
    }

    #[test]
    fn the_portal_fetches_a_vote_for_each_idea_the_member_may_still_vote_on() {
        let mut wallet = Wallet::default();
        wallet.voted.insert(id(1));
        wallet.tokens.push(KeptToken::new(token(Scope::IdeaVote { idea: id(2).to_string() }, 2), 0, 0));
        let mut hidden = idea(5, None);
        hidden.hidden = Some(domain::feedback::thread::Moderation { reason: "…".to_owned(), day: day("2026-11-21") });
        let board = [idea(1, None), idea(2, None), idea(3, Some(ME.0)), idea(4, Some(8)), hidden, idea(6, None)];
        let scopes = to_fetch(&wallet, &home(0, vec![]), &board, ME, &[]);
        assert_eq!(scopes, vec![Scope::IdeaVote { idea: id(4).to_string() }, Scope::IdeaVote { idea: id(6).to_string() }]);
    }

    #[test]
    fn the_portal_keeps_two_message_tokens_ready_while_the_allowance_lasts() {
        let mut wallet = Wallet::default();
        let this = messages("2026-12");
        assert_eq!(to_fetch(&wallet, &home(10, vec![]), &[], ME, &[]), vec![this.clone(), this.clone()]);
        assert_eq!(to_fetch(&wallet, &home(1, vec![]), &[], ME, &[]), vec![this.clone()]);
        assert!(to_fetch(&wallet, &home(0, vec![]), &[], ME, &[]).is_empty());
        // Last month's token still counts; one asked counts too.
        wallet.tokens.push(KeptToken::new(token(messages("2026-11"), 1), 0, 0));
        assert_eq!(to_fetch(&wallet, &home(10, vec![]), &[], ME, &[]), vec![this.clone()]);
        wallet.ask(asked(this.clone(), 2));
        assert!(to_fetch(&wallet, &home(10, vec![]), &[], ME, &[]).is_empty());
        // Refused (the allowance is used up elsewhere): not asked again.
        assert!(to_fetch(&Wallet::default(), &home(10, vec![]), &[], ME, &[this]).is_empty());
    }

    #[test]
    fn what_can_no_longer_be_spent_is_dropped() {
        let mut wallet = Wallet::default();
        for (n, scope) in [
            messages("2026-10"),
            messages("2026-11"),
            messages("2026-12"),
            survey_scope(1),
            survey_scope(2),
            Scope::IdeaVote { idea: id(1).to_string() },
            Scope::IdeaVote { idea: id(9).to_string() },
        ]
        .into_iter()
        .enumerate()
        {
            wallet.tokens.push(KeptToken::new(token(scope.clone(), n as u8), 0, 0));
            wallet.ask(asked(scope, n as u8));
        }
        let mut without_board = wallet.clone();
        without_board.prune(&home(3, vec![open_survey(2, true)]), None);
        assert_eq!(without_board.tokens.len(), 5);
        wallet.prune(&home(3, vec![open_survey(2, true)]), Some(&[idea(1, None)]));
        let left: Vec<Scope> = wallet.tokens.iter().map(|t| t.token.scope.clone()).collect();
        assert_eq!(left, vec![messages("2026-11"), messages("2026-12"), survey_scope(2), Scope::IdeaVote { idea: id(1).to_string() }]);
        assert_eq!(wallet.pending.len(), 4);
    }

    #[test]
    fn sending_the_same_words_again_is_recognised_as_the_same_message() {
        let out =
            Outgoing { key: ThreadKey::from_random([1; 16]), to: Recipient::Hr, topic: Topic::Safety, body: "Lối thoát hiểm bị chặn.".to_owned() };
        assert!(out.is(Recipient::Hr, Topic::Safety, "  Lối thoát hiểm bị chặn.\n"));
        assert!(!out.is(Recipient::Hr, Topic::Safety, "Lối thoát hiểm bị chặn lần nữa."));
        assert!(!out.is(Recipient::Hr, Topic::Other, "Lối thoát hiểm bị chặn."));
        assert!(!out.is(Recipient::Department(DepartmentId(2)), Topic::Safety, "Lối thoát hiểm bị chặn."));
    }

    #[test]
    fn conversations_are_kept_once_newest_first_and_remember_what_was_seen() {
        let kept = |n: u8, began: &str| KeptThread {
            id: id(n),
            key: ThreadKey::from_random([n; 16]),
            topic: Topic::Workplace,
            to: Recipient::Hr,
            began: day(began),
            seen: 0,
        };
        let mut wallet = Wallet::default();
        wallet.keep_thread(kept(1, "2026-11-02"));
        wallet.keep_thread(kept(2, "2026-12-01"));
        wallet.keep_thread(kept(3, "2026-10-15"));
        wallet.keep_thread(kept(1, "2026-11-02"));
        let order: Vec<AnonymousId> = wallet.threads.iter().map(|t| t.id.clone()).collect();
        assert_eq!(order, vec![id(2), id(1), id(3)]);
        wallet.seen(&id(1), 3);
        wallet.seen(&id(1), 2);
        assert_eq!(wallet.thread(&id(1)).map(|t| t.seen), Some(3));
    }
}
