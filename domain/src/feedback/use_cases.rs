//! The feedback operations, once for both backends: each takes the facts
//! its caller loaded, `today` and the randomness it needs, and returns
//! what to store. Anonymous operations take no member at all: what admits
//! them is a token, and what they store is random ids, days and content.

use crate::audience::Audience;
use crate::common::access::is_hr;
use crate::common::{Random, Rule, Violation};
use crate::company::{Company, Directory};
use crate::date::Date;
use crate::feedback::anonymous::{AccessHash, AnonymousId, ThreadKey};
use crate::feedback::idea::{Comment, Idea, IdeaDraft, IdeaStatus, Signature};
use crate::feedback::profile::{reported_profile, ReportedProfile};
use crate::feedback::settings::FeedbackSettings;
use crate::feedback::survey::{answer_violations, Answer, Response, Survey, SurveyDraft, SurveyId};
use crate::feedback::thread::{self, Author, Message, Moderation, Recipient, Routing, Thread, Topic};
use crate::feedback::token::{BlindedRequest, Issued, Scope, ScopeKey, SpentMark, Token, TokenError};
use crate::feedback::wire::{FeedbackHome, OpenSurvey};
use crate::member::{Member, MemberId, Role};
use serde::{Deserialize, Serialize};

/// Why a feedback operation did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedbackError {
    /// No such item, or not one this member may see (the same answer, so
    /// existence does not leak).
    NotFound,
    /// HR's or a responder's pages, for someone else.
    Forbidden,
    /// Rules broken, each at its field (422).
    Rejected(Vec<Violation>),
    /// A token already spent, or one already issued for this scope (409).
    Conflict(Violation),
}

impl From<Violation> for FeedbackError {
    fn from(violation: Violation) -> FeedbackError {
        FeedbackError::Rejected(vec![violation])
    }
}

fn accepted(violations: Vec<Violation>) -> Result<(), FeedbackError> {
    if violations.is_empty() {
        Ok(())
    } else {
        Err(FeedbackError::Rejected(violations))
    }
}

fn random_id(rng: &mut impl Random) -> AnonymousId {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    AnonymousId::from_random(bytes)
}

/// The server's secret that every scope's key derives from.
#[derive(Clone, Copy)]
pub struct MasterKey(pub [u8; 32]);

impl MasterKey {
    pub fn scope_key(&self, scope: &Scope) -> ScopeKey {
        ScopeKey::derive(&self.0, scope)
    }
}

/// That a member received a token for a scope, on a day: all the backend
/// keeps of an issue. The blinded request is kept so that asking again with
/// the same one (a lost answer) is answered again rather than refused; it
/// cannot be linked to the token it becomes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issuance {
    pub member: MemberId,
    pub scope: String,
    pub day: Date,
    pub blinded: String,
}

/// Everything the feedback rules look at, as the caller loaded it.
pub struct FeedbackFacts<'a> {
    pub company: &'a Company,
    pub settings: &'a FeedbackSettings,
    pub surveys: &'a [Survey],
    pub ideas: &'a [Idea],
}

impl FeedbackFacts<'_> {
    fn survey(&self, id: SurveyId) -> Result<&Survey, FeedbackError> {
        self.surveys.iter().find(|s| s.id == id).ok_or(FeedbackError::NotFound)
    }

    fn audience<'m>(&'m self, audience: &Audience, today: Date) -> Vec<&'m Member> {
        self.company.members.iter().filter(|m| audience.admits(&self.company.facts(m, today))).collect()
    }

    /// The group `member`'s answers to `survey` are filed under.
    pub fn survey_group(&self, survey: &Survey, member: &Member, today: Date) -> ReportedProfile {
        reported_profile(member, &self.audience(&survey.draft.audience, today), survey.draft.min_responses, today)
    }
}

/// The month a day is in, as message scopes name it ("2026-12").
pub fn month_of(day: Date) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

/// The scope `member` may ask a token for instead of `asked`, or why not:
/// a survey's scope always names the member's group, whatever was asked.
/// `repeat`: the request was answered before, so it costs no allowance.
fn admitted_scope(facts: &FeedbackFacts, member: &Member, asked: &Scope, earlier: &[&Issuance], repeat: bool, today: Date) -> Result<Scope, FeedbackError> {
    let not_in_audience = || FeedbackError::from(Violation::new("scope", Rule::NotInAudience, None));
    match asked {
        Scope::Survey { survey, .. } => {
            let survey = facts.survey(SurveyId(*survey))?;
            if !survey.draft.audience.admits(&facts.company.facts(member, today)) {
                return Err(not_in_audience());
            }
            if !survey.is_open(today) {
                return Err(Violation::new("scope", Rule::SurveyClosed, None).into());
            }
            Ok(Scope::Survey { survey: survey.id.0, group: facts.survey_group(survey, member, today).code() })
        }
        Scope::IdeaVote { idea } => {
            let found = facts.ideas.iter().find(|i| i.id.as_str() == idea && i.hidden.is_none()).ok_or(FeedbackError::NotFound)?;
            if found.signed.as_ref().is_some_and(|s| s.member == member.id) {
                return Err(not_in_audience());
            }
            Ok(asked.clone())
        }
        Scope::Messages { month } => {
            if *month != month_of(today) {
                return Err(Violation::new("scope", Rule::OutOfRange, None).into());
            }
            let allowance = facts.settings.monthly_messages;
            if !repeat && earlier.len() as u32 >= allowance {
                return Err(FeedbackError::Conflict(Violation::new("scope", Rule::MessageAllowance, Some(allowance as u64))));
            }
            Ok(asked.clone())
        }
    }
}

/// What to answer a signed-in member's request for a token, and what to
/// record: `None` when the same request was answered before (asking again
/// after a lost answer gets the same evaluation, not a second token).
pub fn issue_token(
    facts: &FeedbackFacts,
    master: &MasterKey,
    member: &Member,
    request: &BlindedRequest,
    issued: &[Issuance],
    today: Date,
    rng: &mut impl Random,
) -> Result<(Issued, Option<Issuance>), FeedbackError> {
    let earlier: Vec<&Issuance> = issued.iter().filter(|i| i.member == member.id && request.scope.issued_as(&i.scope)).collect();
    // Asked again after a lost answer: answered again, even when it was the
    // last of the month's messages.
    let repeat = earlier.iter().any(|i| i.blinded == request.blinded);
    let scope = admitted_scope(facts, member, &request.scope, &earlier, repeat, today)?;
    if scope != request.scope {
        // Asked for a survey under another group than the member's.
        return Err(Violation::new("scope", Rule::TokenInvalid, None).into());
    }
    let once = !matches!(scope, Scope::Messages { .. });
    if once && !earlier.is_empty() && !repeat {
        return Err(FeedbackError::Conflict(Violation::new("scope", Rule::AlreadyIssued, None)));
    }
    let answer = master.scope_key(&scope).issue(request, rng).map_err(|error| match error {
        // The request's own field (`blinded`): there is no token yet.
        TokenError::Malformed { field } => Violation::new(field, Rule::TokenInvalid, None).into(),
        other => token_violation(other),
    })?;
    let record = (!repeat).then(|| Issuance { member: member.id, scope: scope.key(), day: today, blinded: request.blinded.clone() });
    Ok((answer, record))
}

/// The scope a member asks a survey token under: theirs, which the client
/// learns from [`FeedbackFacts::survey_group`] through the backend.
pub fn survey_scope(facts: &FeedbackFacts, survey: &Survey, member: &Member, today: Date) -> Scope {
    Scope::Survey { survey: survey.id.0, group: facts.survey_group(survey, member, today).code() }
}

fn token_violation(error: TokenError) -> FeedbackError {
    match error {
        TokenError::Malformed { field } => Violation::new(&format!("token.{field}"), Rule::TokenInvalid, None).into(),
        TokenError::BadProof | TokenError::Invalid => Violation::new("token", Rule::TokenInvalid, None).into(),
    }
}

/// Checks an anonymous call's token for `scope`; returns the mark to store.
/// Whether the mark was stored before is the caller's to check, atomically
/// with storing what the call wrote (a unique mark: [`already_spent`]).
fn spend(master: &MasterKey, token: &Token, scope: &Scope) -> Result<SpentMark, FeedbackError> {
    if token.scope != *scope {
        return Err(Violation::new("token.scope", Rule::TokenInvalid, None).into());
    }
    master.scope_key(scope).redeem(token).map_err(token_violation)
}

/// The answer to a token spent before.
pub fn already_spent() -> FeedbackError {
    FeedbackError::Conflict(Violation::new("token", Rule::TokenSpent, None))
}

/// An anonymous survey response, checked: filed under the group its token
/// proves.
pub fn answer_survey(
    facts: &FeedbackFacts,
    master: &MasterKey,
    survey: SurveyId,
    token: &Token,
    answers: &[Answer],
    today: Date,
    rng: &mut impl Random,
) -> Result<(Response, SpentMark), FeedbackError> {
    let survey = facts.survey(survey)?;
    let Scope::Survey { survey: id, group } = &token.scope else {
        return Err(Violation::new("token.scope", Rule::TokenInvalid, None).into());
    };
    if *id != survey.id.0 {
        return Err(Violation::new("token.scope", Rule::TokenInvalid, None).into());
    }
    let mark = spend(master, token, &token.scope)?;
    if !survey.is_open(today) {
        return Err(Violation::new("survey", Rule::SurveyClosed, None).into());
    }
    accepted(answer_violations(survey, answers))?;
    let profile = ReportedProfile::from_code(group).ok_or_else(|| Violation::new("token.scope", Rule::TokenInvalid, None))?;
    let answers = answers.iter().map(|a| match a {
        Answer::Text(text) if text.trim().is_empty() => Answer::Skipped,
        Answer::Text(text) => Answer::Text(text.trim().to_owned()),
        other => other.clone(),
    });
    Ok((Response { id: random_id(rng), survey: survey.id, day: today, profile, answers: answers.collect() }, mark))
}

/// An anonymous vote on an idea: the mark to store, and the idea counted.
pub fn vote(facts: &FeedbackFacts, master: &MasterKey, idea: &AnonymousId, token: &Token) -> Result<(Idea, SpentMark), FeedbackError> {
    let found = facts.ideas.iter().find(|i| i.id == *idea && i.hidden.is_none()).ok_or(FeedbackError::NotFound)?;
    let mark = spend(master, token, &Scope::IdeaVote { idea: idea.to_string() })?;
    let mut counted = found.clone();
    counted.votes += 1;
    Ok((counted, mark))
}

/// Checks a token from a month's message allowance: this month's or last
/// month's (tokens fetched at a month's end are spent in the next).
fn spend_message(master: &MasterKey, token: &Token, today: Date) -> Result<SpentMark, FeedbackError> {
    let this = month_of(today);
    let last = month_of(Date::new(today.year(), today.month(), 1).expect("a month's first day").plus_days(-1));
    match &token.scope {
        Scope::Messages { month } if *month == this || *month == last => spend(master, token, &token.scope),
        _ => Err(Violation::new("token.scope", Rule::TokenInvalid, None).into()),
    }
}

/// What an anonymous member sends to begin a conversation. The key's hash
/// only: the key itself never leaves the browser on the way in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewThread {
    pub to: Recipient,
    pub topic: Topic,
    pub body: String,
    pub access: AccessHash,
    pub token: Token,
}

/// A new anonymous conversation, routed (a small department's goes to HR).
pub fn start_thread(
    facts: &FeedbackFacts,
    master: &MasterKey,
    new: &NewThread,
    today: Date,
    rng: &mut impl Random,
) -> Result<(Thread, Routing, SpentMark), FeedbackError> {
    let body = thread::read_body("body", &new.body)?;
    if let Recipient::Department(id) = new.to {
        facts.company.department(id).ok_or_else(|| Violation::new("to", Rule::Required, None))?;
    }
    // What `ThreadKey::access` gives: 64 lowercase hex digits. Any other
    // spelling could never be matched by the key that opens it.
    if new.access.0.len() != 64 || !new.access.0.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return Err(Violation::new("access", Rule::OutOfRange, None).into());
    }
    let mark = spend_message(master, &new.token, today)?;
    let routing = thread::route(facts.company, new.to, facts.settings.min_department_members);
    let message = Message { id: random_id(rng), author: Author::Member, body, day: today, hidden: None };
    let thread = Thread { id: random_id(rng), access: new.access.clone(), recipient: routing.to, topic: new.topic, began: today, messages: vec![message] };
    Ok((thread, routing, mark))
}

/// Finds the conversation a key opens.
pub fn thread_for<'t>(threads: &'t [Thread], key: &ThreadKey) -> Result<&'t Thread, FeedbackError> {
    let access = key.access();
    threads.iter().find(|t| t.access == access).ok_or(FeedbackError::NotFound)
}

/// The member answers in their conversation (the key admits them; it costs
/// no token).
pub fn member_answers(thread: &Thread, body: &str, today: Date, rng: &mut impl Random) -> Result<Thread, FeedbackError> {
    let body = thread::read_body("body", body)?;
    let mut answered = thread.clone();
    answered.messages.push(Message { id: random_id(rng), author: Author::Member, body, day: today, hidden: None });
    Ok(answered)
}

/// The conversations `member` answers: HR all, a department's leadership
/// its own; those awaiting a reply first, then by random id.
pub fn threads_for(company: &Company, member: &Member, threads: &[Thread]) -> Vec<Thread> {
    let mut shown: Vec<Thread> = threads.iter().filter(|t| thread::may_respond(company, member, t.recipient)).map(Thread::shown).collect();
    shown.sort_by(|a, b| b.awaits_reply().cmp(&a.awaits_reply()).then_with(|| a.id.cmp(&b.id)));
    shown
}

/// A responder's reply, under their name and role.
pub fn respond(company: &Company, responder: &Member, thread: &Thread, body: &str, today: Date, rng: &mut impl Random) -> Result<Thread, FeedbackError> {
    if !thread::may_respond(company, responder, thread.recipient) {
        return Err(FeedbackError::NotFound);
    }
    let body = thread::read_body("body", body)?;
    let mut answered = thread.clone();
    let author = Author::Responder { name: responder.full_name.clone(), role: responder.role };
    answered.messages.push(Message { id: random_id(rng), author, body, day: today, hidden: None });
    Ok(answered)
}

/// HR's reason for hiding something, checked.
pub fn moderation(actor: &Member, reason: &str, today: Date) -> Result<Moderation, FeedbackError> {
    if !is_hr(actor) {
        return Err(FeedbackError::Forbidden);
    }
    let reason = thread::read_body("reason", reason)?;
    Ok(Moderation { reason, day: today })
}

/// Who signs an idea or a comment: the signed-in member by name, or — with
/// a token from the month's allowance — nobody.
pub enum Signer<'a> {
    Named(&'a Member),
    Anonymous(&'a Token),
}

fn signature(master: &MasterKey, signer: &Signer, today: Date) -> Result<(Option<Signature>, Option<SpentMark>), FeedbackError> {
    match signer {
        Signer::Named(member) => Ok((Some(Signature { member: member.id, name: member.full_name.clone() }), None)),
        Signer::Anonymous(token) => Ok((None, Some(spend_message(master, token, today)?))),
    }
}

/// A new idea on the board.
pub fn post_idea(
    master: &MasterKey,
    draft: &IdeaDraft,
    signer: &Signer,
    today: Date,
    rng: &mut impl Random,
) -> Result<(Idea, Option<SpentMark>), FeedbackError> {
    let draft = draft.read().map_err(FeedbackError::Rejected)?;
    let (signed, mark) = signature(master, signer, today)?;
    let idea = Idea {
        id: random_id(rng),
        signed,
        title: draft.title,
        body: draft.body,
        day: today,
        status: IdeaStatus::New,
        votes: 0,
        comments: vec![],
        hidden: None,
    };
    Ok((idea, mark))
}

/// A comment on an idea.
pub fn comment(
    master: &MasterKey,
    idea: &Idea,
    body: &str,
    signer: &Signer,
    today: Date,
    rng: &mut impl Random,
) -> Result<(Idea, Option<SpentMark>), FeedbackError> {
    if idea.hidden.is_some() {
        return Err(FeedbackError::NotFound);
    }
    let body = thread::read_body("body", body)?;
    let (signed, mark) = signature(master, signer, today)?;
    let mut commented = idea.clone();
    commented.comments.push(Comment { id: random_id(rng), signed, body, day: today, hidden: None });
    Ok((commented, mark))
}

/// HR sets an idea's status; a decline needs its reason.
pub fn set_status(actor: &Member, idea: &Idea, status: &IdeaStatus) -> Result<Idea, FeedbackError> {
    if !is_hr(actor) {
        return Err(FeedbackError::Forbidden);
    }
    let status = match status {
        IdeaStatus::Declined(reason) => IdeaStatus::Declined(thread::read_body("reason", reason)?),
        other => other.clone(),
    };
    Ok(Idea { status, ..idea.clone() })
}

/// HR's survey, checked (`id` is the caller's to give).
pub fn save_survey(actor: &Member, id: SurveyId, draft: &SurveyDraft) -> Result<Survey, FeedbackError> {
    if !is_hr(actor) {
        return Err(FeedbackError::Forbidden);
    }
    accepted(draft.violations())?;
    Ok(Survey { id, draft: draft.clone() })
}

/// The names of the groups HR's and a manager's pages show (results,
/// conversations, a survey's audience); nobody else reads those pages.
pub fn directory(company: &Company, viewer: &Member) -> Result<Directory, FeedbackError> {
    if is_hr(viewer) || viewer.role == Role::Manager {
        Ok(company.directory())
    } else {
        Err(FeedbackError::Forbidden)
    }
}

/// HR's company-wide settings, checked.
pub fn save_settings(actor: &Member, settings: &FeedbackSettings) -> Result<FeedbackSettings, FeedbackError> {
    if !is_hr(actor) {
        return Err(FeedbackError::Forbidden);
    }
    accepted(settings.violations())?;
    Ok(*settings)
}

/// The open surveys `member` is asked to answer on `today`.
pub fn open_surveys<'s>(facts: &FeedbackFacts<'s>, member: &Member, today: Date) -> Vec<&'s Survey> {
    let mine = facts.company.facts(member, today);
    facts.surveys.iter().filter(|s| s.is_open(today) && s.draft.audience.admits(&mine)).collect()
}

/// The portal's home for `member`: the month's messages left, whether their
/// department can be written to, and the open surveys with their scopes.
pub fn home(facts: &FeedbackFacts, member: &Member, issued: &[Issuance], today: Date) -> FeedbackHome {
    let month = month_of(today);
    let scope = Scope::Messages { month: month.clone() }.key();
    let used = issued.iter().filter(|i| i.member == member.id && i.scope == scope).count() as u32;
    let min = facts.settings.min_department_members;
    let open_surveys = open_surveys(facts, member, today)
        .into_iter()
        .map(|survey| {
            let scope = survey_scope(facts, survey, member, today);
            let token_issued = issued.iter().any(|i| i.member == member.id && scope.issued_as(&i.scope));
            OpenSurvey { survey: survey.clone(), scope, token_issued }
        })
        .collect();
    FeedbackHome {
        month,
        messages_left: facts.settings.monthly_messages.saturating_sub(used),
        department: member.department_id,
        department_addressable: thread::route(facts.company, Recipient::Department(member.department_id), min).rerouted_below.is_none(),
        min_department_members: min,
        open_surveys,
    }
}
