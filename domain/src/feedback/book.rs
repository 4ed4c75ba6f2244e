//! The demo backend's whole feedback store as one value: it finds the facts
//! in itself, calls the use case and keeps the decision, as the server does
//! with SQL. It keeps what the server keeps and nothing more: issues by
//! member and day, spent marks, and anonymous items with no member in them.

use crate::common::Random;
use crate::company::Company;
use crate::date::Date;
use crate::feedback::anonymous::{AnonymousId, ThreadKey};
use crate::feedback::idea::{self, Idea, IdeaDraft, IdeaSort, IdeaStatus};
use crate::feedback::results::{self, ResultsQuery, SurveyResults, SurveySummary};
use crate::feedback::settings::FeedbackSettings;
use crate::feedback::survey::{Answer, Response, Survey, SurveyDraft, SurveyId};
use crate::feedback::thread::{Routing, Thread};
use crate::feedback::token::{BlindedRequest, Issued, PublicKey, Scope, SpentMark, Token};
use crate::feedback::use_cases::{self as uc, FeedbackError, FeedbackFacts, Issuance, MasterKey, NewThread, Signer};
use crate::member::Member;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackBook {
    pub settings: FeedbackSettings,
    /// The secret every scope's key derives from, hex.
    pub master: String,
    pub surveys: Vec<Survey>,
    pub issued: Vec<Issuance>,
    pub spent: BTreeSet<SpentMark>,
    pub responses: Vec<Response>,
    pub threads: Vec<Thread>,
    pub ideas: Vec<Idea>,
}

impl FeedbackBook {
    /// An empty store with a fresh master secret.
    pub fn new(rng: &mut impl Random) -> FeedbackBook {
        let mut master = [0u8; 32];
        rng.fill_bytes(&mut master);
        FeedbackBook { master: master.iter().map(|b| format!("{b:02x}")).collect(), ..FeedbackBook::default() }
    }

    fn master(&self) -> MasterKey {
        let mut key = [0u8; 32];
        for (i, byte) in key.iter_mut().enumerate() {
            *byte = self.master.get(2 * i..2 * i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0);
        }
        MasterKey(key)
    }

    fn facts<'a>(&'a self, company: &'a Company) -> FeedbackFacts<'a> {
        FeedbackFacts { company, settings: &self.settings, surveys: &self.surveys, ideas: &self.ideas }
    }

    /// Records a spent mark; a mark seen before refuses the whole call.
    fn spend(&mut self, mark: SpentMark) -> Result<(), FeedbackError> {
        if self.spent.insert(mark) {
            Ok(())
        } else {
            Err(uc::already_spent())
        }
    }

    fn idea(&self, id: &AnonymousId) -> Result<&Idea, FeedbackError> {
        self.ideas.iter().find(|i| i.id == *id).ok_or(FeedbackError::NotFound)
    }

    fn put_idea(&mut self, idea: Idea) -> Idea {
        match self.ideas.iter_mut().find(|i| i.id == idea.id) {
            Some(slot) => *slot = idea.clone(),
            None => self.ideas.push(idea.clone()),
        }
        idea.shown()
    }

    fn put_thread(&mut self, thread: Thread) -> Thread {
        match self.threads.iter_mut().find(|t| t.id == thread.id) {
            Some(slot) => *slot = thread.clone(),
            None => self.threads.push(thread.clone()),
        }
        thread.shown()
    }

    // ------------------------------------------------ signed-in members

    pub fn home(&self, company: &Company, member: &Member, today: Date) -> crate::feedback::wire::FeedbackHome {
        uc::home(&self.facts(company), member, &self.issued, today)
    }

    /// The published key of a scope: the same for everyone who asks.
    pub fn public_key(&self, scope: &Scope) -> PublicKey {
        self.master().scope_key(scope).public_key()
    }

    pub fn issue(&mut self, company: &Company, member: &Member, request: &BlindedRequest, today: Date, rng: &mut impl Random) -> Result<Issued, FeedbackError> {
        let (issued, record) = uc::issue_token(&self.facts(company), &self.master(), member, request, &self.issued, today, rng)?;
        self.issued.extend(record);
        Ok(issued)
    }

    /// The scope `member`'s answers to `survey` are filed under.
    pub fn survey_scope(&self, company: &Company, member: &Member, survey: SurveyId, today: Date) -> Result<Scope, FeedbackError> {
        let survey = self.surveys.iter().find(|s| s.id == survey).ok_or(FeedbackError::NotFound)?;
        Ok(uc::survey_scope(&self.facts(company), survey, member, today))
    }

    pub fn open_surveys(&self, company: &Company, member: &Member, today: Date) -> Vec<Survey> {
        uc::open_surveys(&self.facts(company), member, today).into_iter().cloned().collect()
    }

    pub fn board(&self, sort: IdeaSort) -> Vec<Idea> {
        idea::board(&self.ideas, sort)
    }

    pub fn post_named_idea(&mut self, member: &Member, draft: &IdeaDraft, today: Date, rng: &mut impl Random) -> Result<Idea, FeedbackError> {
        let (idea, _) = uc::post_idea(&self.master(), draft, &Signer::Named(member), today, rng)?;
        Ok(self.put_idea(idea))
    }

    pub fn named_comment(&mut self, member: &Member, idea: &AnonymousId, body: &str, today: Date, rng: &mut impl Random) -> Result<Idea, FeedbackError> {
        let (commented, _) = uc::comment(&self.master(), self.idea(idea)?, body, &Signer::Named(member), today, rng)?;
        Ok(self.put_idea(commented))
    }

    // ------------------------------------------------------- anonymous

    pub fn answer_survey(
        &mut self,
        company: &Company,
        survey: SurveyId,
        token: &Token,
        answers: &[Answer],
        today: Date,
        rng: &mut impl Random,
    ) -> Result<(), FeedbackError> {
        let (response, mark) = uc::answer_survey(&self.facts(company), &self.master(), survey, token, answers, today, rng)?;
        self.spend(mark)?;
        self.responses.push(response);
        Ok(())
    }

    pub fn vote(&mut self, company: &Company, idea: &AnonymousId, token: &Token) -> Result<Idea, FeedbackError> {
        let (counted, mark) = uc::vote(&self.facts(company), &self.master(), idea, token)?;
        self.spend(mark)?;
        Ok(self.put_idea(counted))
    }

    pub fn start_thread(&mut self, company: &Company, new: &NewThread, today: Date, rng: &mut impl Random) -> Result<(Thread, Routing), FeedbackError> {
        let (thread, routing, mark) = uc::start_thread(&self.facts(company), &self.master(), new, today, rng)?;
        self.spend(mark)?;
        Ok((self.put_thread(thread), routing))
    }

    pub fn read_thread(&self, key: &ThreadKey) -> Result<Thread, FeedbackError> {
        uc::thread_for(&self.threads, key).map(Thread::shown)
    }

    pub fn answer_thread(&mut self, key: &ThreadKey, body: &str, today: Date, rng: &mut impl Random) -> Result<Thread, FeedbackError> {
        let answered = uc::member_answers(uc::thread_for(&self.threads, key)?, body, today, rng)?;
        Ok(self.put_thread(answered))
    }

    pub fn post_anonymous_idea(&mut self, draft: &IdeaDraft, token: &Token, today: Date, rng: &mut impl Random) -> Result<Idea, FeedbackError> {
        let (idea, mark) = uc::post_idea(&self.master(), draft, &Signer::Anonymous(token), today, rng)?;
        self.spend(mark.expect("an anonymous idea spends a token"))?;
        Ok(self.put_idea(idea))
    }

    pub fn anonymous_comment(&mut self, idea: &AnonymousId, body: &str, token: &Token, today: Date, rng: &mut impl Random) -> Result<Idea, FeedbackError> {
        let (commented, mark) = uc::comment(&self.master(), self.idea(idea)?, body, &Signer::Anonymous(token), today, rng)?;
        self.spend(mark.expect("an anonymous comment spends a token"))?;
        Ok(self.put_idea(commented))
    }

    // ------------------------------------------------ responders and HR

    pub fn threads_for(&self, company: &Company, member: &Member) -> Vec<Thread> {
        uc::threads_for(company, member, &self.threads)
    }

    pub fn respond(
        &mut self,
        company: &Company,
        responder: &Member,
        thread: &AnonymousId,
        body: &str,
        today: Date,
        rng: &mut impl Random,
    ) -> Result<Thread, FeedbackError> {
        let found = self.threads.iter().find(|t| t.id == *thread).ok_or(FeedbackError::NotFound)?;
        let answered = uc::respond(company, responder, found, body, today, rng)?;
        Ok(self.put_thread(answered))
    }

    pub fn hide_message(&mut self, actor: &Member, thread: &AnonymousId, message: &AnonymousId, reason: &str, today: Date) -> Result<Thread, FeedbackError> {
        let moderation = uc::moderation(actor, reason, today)?;
        let mut found = self.threads.iter().find(|t| t.id == *thread).ok_or(FeedbackError::NotFound)?.clone();
        found.messages.iter_mut().find(|m| m.id == *message).ok_or(FeedbackError::NotFound)?.hidden = Some(moderation);
        Ok(self.put_thread(found))
    }

    /// Hides an idea, or one of its comments when `comment` names one.
    pub fn hide_idea(&mut self, actor: &Member, idea: &AnonymousId, comment: Option<&AnonymousId>, reason: &str, today: Date) -> Result<Idea, FeedbackError> {
        let moderation = uc::moderation(actor, reason, today)?;
        let mut found = self.idea(idea)?.clone();
        match comment {
            Some(id) => found.comments.iter_mut().find(|c| c.id == *id).ok_or(FeedbackError::NotFound)?.hidden = Some(moderation),
            None => found.hidden = Some(moderation),
        }
        Ok(self.put_idea(found))
    }

    pub fn set_status(&mut self, actor: &Member, idea: &AnonymousId, status: &IdeaStatus) -> Result<Idea, FeedbackError> {
        let changed = uc::set_status(actor, self.idea(idea)?, status)?;
        Ok(self.put_idea(changed))
    }

    pub fn save_settings(&mut self, actor: &Member, settings: &FeedbackSettings) -> Result<FeedbackSettings, FeedbackError> {
        self.settings = uc::save_settings(actor, settings)?;
        Ok(self.settings)
    }

    /// Saves HR's survey: a new one when `id` is `None`.
    pub fn save_survey(&mut self, actor: &Member, id: Option<SurveyId>, draft: &SurveyDraft) -> Result<Survey, FeedbackError> {
        let id = match id {
            Some(id) => self.surveys.iter().find(|s| s.id == id).map(|s| s.id).ok_or(FeedbackError::NotFound)?,
            None => SurveyId(self.surveys.iter().map(|s| s.id.0).max().unwrap_or(0) + 1),
        };
        let survey = uc::save_survey(actor, id, draft)?;
        self.surveys.retain(|s| s.id != id);
        self.surveys.push(survey.clone());
        self.surveys.sort_by_key(|s| s.id);
        Ok(survey)
    }

    pub fn survey_list(&self, viewer: &Member) -> Result<Vec<SurveySummary>, FeedbackError> {
        results::survey_list(viewer, &self.surveys, &self.responses)
    }

    pub fn results(&self, viewer: &Member, survey: SurveyId, query: ResultsQuery, today: Date) -> Result<SurveyResults, FeedbackError> {
        results::survey_results(viewer, &self.surveys, &self.responses, survey, query, today)
    }
}
