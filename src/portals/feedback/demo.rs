//! Feedback on the embedded backend, loaded with the portal's module. The
//! feedback book is the portal's own stored data (its key, its schema
//! version); a damaged or outdated one resets feedback only, with a notice.
//!
//! The anonymous calls never read the session: they reach the book's
//! anonymous operations, which take no member, as the server's anonymous
//! routes take no cookie. (Here the "server" runs in the member's own
//! browser, so the guarantee is only illustrated: the pages say so.)

use super::api::FeedbackApi;
use crate::api::demo::DemoBackend;
use crate::api::ApiError;
use crate::browser;
use crate::i18n::Key;
use crate::storage::{self, Problem, StorageNotice, StoredPart};
use async_trait::async_trait;
use domain::company::Directory;
use domain::feedback::anonymous::{AnonymousId, ThreadKey};
use domain::feedback::book::FeedbackBook;
use domain::feedback::idea::{Idea, IdeaDraft, IdeaSort, IdeaStatus};
use domain::feedback::results::{ResultsQuery, SurveyResults, SurveySummary};
use domain::feedback::settings::FeedbackSettings;
use domain::feedback::survey::{Survey, SurveyDraft, SurveyId};
use domain::feedback::thread::Thread;
use domain::feedback::token::{BlindedRequest, Issued, PublicKey, Scope};
use domain::feedback::use_cases::{self as uc, FeedbackError, NewThread};
use domain::feedback::wire::{AnonymousComment, AnonymousIdea, FeedbackHome, StartedThread, SurveyAnswer, Vote};
use domain::Date;
use rand_core::OsRng;
use std::cell::RefCell;
use std::rc::Rc;

/// Where feedback is stored: `noibo.demo.feedback`.
fn storage_key() -> String {
    storage::portal_key(super::PORTAL.name)
}

/// Bump when `FeedbackBook` changes shape, and teach [`load`] the old one.
pub const SCHEMA_VERSION: u32 = 1;

/// The stored feedback book; nothing stored is the demo company's, made
/// by `fresh` (it draws random ids and the master secret).
pub fn load(raw: Option<&str>, fresh: impl FnOnce() -> FeedbackBook) -> Result<FeedbackBook, Problem> {
    Ok(storage::read(raw, SCHEMA_VERSION)?.unwrap_or_else(fresh))
}

pub fn save(book: &FeedbackBook) -> String {
    storage::seal(SCHEMA_VERSION, book)
}

/// The demo company's feedback, with fresh randomness.
fn demo_book() -> FeedbackBook {
    domain::seed::demo_feedback(&mut OsRng)
}

pub struct DemoFeedback {
    core: Rc<DemoBackend>,
    book: RefCell<FeedbackBook>,
}

impl DemoFeedback {
    pub fn open(core: Rc<DemoBackend>) -> DemoFeedback {
        let stored = browser::read(&storage_key());
        let book = match load(stored.as_deref(), demo_book) {
            Ok(book) if stored.is_some() => book,
            made => {
                if let Err(problem) = made {
                    core.report(StorageNotice { part: StoredPart::Portal(Key::FeedbackDataName), problem });
                }
                // Saved at once: the master secret is drawn once, and the
                // keys published today must still be the keys tomorrow.
                let book = made.unwrap_or_else(|_| demo_book());
                browser::write(&storage_key(), &save(&book));
                book
            }
        };
        DemoFeedback { core, book: RefCell::new(book) }
    }

    /// Runs a change and saves the book when it succeeded.
    fn change<T>(&self, change: impl FnOnce(&mut FeedbackBook) -> Result<T, FeedbackError>) -> Result<T, ApiError> {
        let result = change(&mut self.book.borrow_mut()).map_err(api_error);
        if result.is_ok() {
            browser::write(&storage_key(), &save(&self.book.borrow()));
        }
        result
    }

    fn today(&self) -> Date {
        self.core.now().date()
    }
}

/// A feedback error as the HTTP backend reports it: a conflict (a token
/// spent, one issued before) names its rule, so it is shown as one.
fn api_error(error: FeedbackError) -> ApiError {
    match error {
        FeedbackError::NotFound => ApiError::NotFound,
        FeedbackError::Forbidden => ApiError::Forbidden,
        FeedbackError::Rejected(violations) => ApiError::Invalid { fields: violations.into_iter().map(Into::into).collect() },
        FeedbackError::Conflict(violation) => ApiError::Invalid { fields: vec![violation.into()] },
    }
}

#[async_trait(?Send)]
impl FeedbackApi for DemoFeedback {
    async fn home(&self) -> Result<FeedbackHome, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().home(&self.core.company, member, self.today()))
    }

    async fn issue(&self, request: &BlindedRequest) -> Result<Issued, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.issue(&self.core.company, member, request, self.today(), &mut OsRng))
    }

    async fn ideas(&self, sort: IdeaSort) -> Result<Vec<Idea>, ApiError> {
        self.core.signed_in()?;
        Ok(self.book.borrow().board(sort))
    }

    async fn post_idea(&self, draft: &IdeaDraft) -> Result<Idea, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.post_named_idea(member, draft, self.today(), &mut OsRng))
    }

    async fn comment(&self, idea: &AnonymousId, body: &str) -> Result<Idea, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.named_comment(member, idea, body, self.today(), &mut OsRng))
    }

    async fn public_key(&self, scope: &Scope) -> Result<PublicKey, ApiError> {
        Ok(self.book.borrow().public_key(scope))
    }

    async fn answer_survey(&self, answer: &SurveyAnswer) -> Result<(), ApiError> {
        self.change(|book| book.answer_survey(&self.core.company, answer.survey, &answer.token, &answer.answers, self.today(), &mut OsRng))
    }

    async fn vote(&self, vote: &Vote) -> Result<Idea, ApiError> {
        self.change(|book| book.vote(&self.core.company, &vote.idea, &vote.token))
    }

    async fn start_thread(&self, new: &NewThread) -> Result<StartedThread, ApiError> {
        let (thread, routing) = self.change(|book| book.start_thread(&self.core.company, new, self.today(), &mut OsRng))?;
        Ok(StartedThread { thread, routing })
    }

    async fn open_thread(&self, key: &ThreadKey) -> Result<Thread, ApiError> {
        self.book.borrow().read_thread(key).map_err(api_error)
    }

    async fn answer_thread(&self, key: &ThreadKey, body: &str) -> Result<Thread, ApiError> {
        self.change(|book| book.answer_thread(key, body, self.today(), &mut OsRng))
    }

    async fn post_anonymous_idea(&self, idea: &AnonymousIdea) -> Result<Idea, ApiError> {
        let draft = IdeaDraft { title: idea.title.clone(), body: idea.body.clone() };
        self.change(|book| book.post_anonymous_idea(&draft, &idea.token, self.today(), &mut OsRng))
    }

    async fn anonymous_comment(&self, comment: &AnonymousComment) -> Result<Idea, ApiError> {
        self.change(|book| book.anonymous_comment(&comment.idea, &comment.body, &comment.token, self.today(), &mut OsRng))
    }

    async fn threads(&self) -> Result<Vec<Thread>, ApiError> {
        let member = self.core.signed_in()?;
        Ok(self.book.borrow().threads_for(&self.core.company, member))
    }

    async fn reply(&self, thread: &AnonymousId, body: &str) -> Result<Thread, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.respond(&self.core.company, member, thread, body, self.today(), &mut OsRng))
    }

    async fn hide_message(&self, thread: &AnonymousId, message: &AnonymousId, reason: &str) -> Result<Thread, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.hide_message(member, thread, message, reason, self.today()))
    }

    async fn set_status(&self, idea: &AnonymousId, status: &IdeaStatus) -> Result<Idea, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.set_status(member, idea, status))
    }

    async fn hide_idea(&self, idea: &AnonymousId, reason: &str) -> Result<Idea, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.hide_idea(member, idea, None, reason, self.today()))
    }

    async fn hide_comment(&self, idea: &AnonymousId, comment: &AnonymousId, reason: &str) -> Result<Idea, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.hide_idea(member, idea, Some(comment), reason, self.today()))
    }

    async fn surveys(&self) -> Result<Vec<SurveySummary>, ApiError> {
        let member = self.core.signed_in()?;
        self.book.borrow().survey_list(member).map_err(api_error)
    }

    async fn create_survey(&self, draft: &SurveyDraft) -> Result<Survey, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.save_survey(member, None, draft))
    }

    async fn update_survey(&self, id: SurveyId, draft: &SurveyDraft) -> Result<Survey, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.save_survey(member, Some(id), draft))
    }

    async fn results(&self, id: SurveyId, query: &ResultsQuery) -> Result<SurveyResults, ApiError> {
        let member = self.core.signed_in()?;
        self.book.borrow().results(member, id, *query, self.today()).map_err(api_error)
    }

    async fn directory(&self) -> Result<Directory, ApiError> {
        let member = self.core.signed_in()?;
        uc::directory(&self.core.company, member).map_err(api_error)
    }

    async fn settings(&self) -> Result<FeedbackSettings, ApiError> {
        self.core.hr()?;
        Ok(self.book.borrow().settings)
    }

    async fn save_settings(&self, settings: &FeedbackSettings) -> Result<FeedbackSettings, ApiError> {
        let member = self.core.signed_in()?;
        self.change(|book| book.save_settings(member, settings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;

    fn seeded() -> FeedbackBook {
        domain::seed::demo_feedback(&mut rand_chacha::ChaCha8Rng::seed_from_u64(7))
    }

    #[test]
    fn a_fresh_start_opens_the_demo_company_feedback() {
        assert_eq!(load(None, seeded), Ok(seeded()));
    }

    #[test]
    fn saved_feedback_survives_a_reload_master_secret_and_all() {
        let mut book = seeded();
        book.ideas.truncate(1);
        assert_eq!(load(Some(&save(&book)), || unreachable!()), Ok(book));
    }

    #[test]
    fn damaged_feedback_is_reset_alone_with_a_notice() {
        for raw in ["", "not json", r#"{"version":1,"data":{"surveys":"none"}}"#] {
            assert_eq!(load(Some(raw), seeded), Err(Problem::Corrupt), "{raw:?}");
        }
        assert_eq!(load(Some(r#"{"version":99,"data":{}}"#), seeded), Err(Problem::Incompatible { found: 99 }));
    }

    #[test]
    fn a_conflict_names_its_rule_as_the_http_backend_does() {
        let spent = domain::feedback::use_cases::already_spent();
        let ApiError::Invalid { fields } = api_error(spent) else { panic!("a rule") };
        assert_eq!(fields[0].rule, Some(domain::common::Rule::TokenSpent));
    }
}

/// The whole way of a token, as the pages take it: asked and kept in the
/// wallet, asked again after a reload, checked against the published key,
/// kept, and spent once under no name.
#[cfg(test)]
mod token_way {
    use super::*;
    use crate::portals::feedback::wallet::{Asked, KeptToken, Wallet};
    use domain::feedback::thread::{Recipient, Topic};
    use domain::feedback::token::TokenRequest;
    use rand_chacha::rand_core::SeedableRng;

    #[test]
    fn a_token_asked_before_a_reload_is_answered_again_kept_and_spent_once() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        let company = domain::seed::demo_company();
        let member = company.member_by_email("lan.tran@noibo.example").expect("a demo member");
        let mut book = domain::seed::demo_feedback(&mut rng);
        let today: Date = "2026-12-02".parse().expect("a date");
        let home = book.home(&company, member, today);
        let scope = Scope::Messages { month: home.month.clone() };

        let mut wallet = Wallet::default();
        let (pending, request) = TokenRequest::new(scope.clone(), &mut rng);
        wallet.ask(Asked { pending, request });
        // The answer is lost; the page reloads and asks the same again.
        let first = book.issue(&company, member, &wallet.pending[0].request, today, &mut rng).expect("issued");
        let mut wallet = Wallet::load(Some(&wallet.seal())).expect("stored");
        let asked = wallet.pending[0].clone();
        let issued = book.issue(&company, member, &asked.request, today, &mut rng).expect("answered again");
        assert_eq!(issued.evaluated, first.evaluated);
        assert_eq!(book.home(&company, member, today).messages_left, home.messages_left - 1, "one token, not two");

        // A key nobody else is given does not pass.
        let other = domain::seed::demo_feedback(&mut rng).public_key(&scope);
        assert!(asked.pending.clone().finalize(&issued, &other).is_err());
        let token = asked.pending.clone().finalize(&issued, &book.public_key(&scope)).expect("the published key");
        wallet.received(&asked, KeptToken::new(token, 0, 0));
        let kept = Wallet::load(Some(&wallet.seal())).expect("stored").message_token(&home.month).cloned().expect("kept");

        let key = domain::feedback::anonymous::ThreadKey::from_random([5; 16]);
        let new =
            NewThread {
                to: Recipient::Hr, topic: Topic::Safety, body: "Lối thoát hiểm kho B bị chặn.".to_owned(), access: key.access(), token: kept.token
            };
        book.start_thread(&company, &new, today, &mut rng).expect("begun");
        assert_eq!(book.read_thread(&key).expect("opens with its key").messages.len(), 1);
        let again = book.start_thread(&company, &new, today, &mut rng).map_err(api_error);
        let Err(ApiError::Invalid { fields }) = again else { panic!("spent once") };
        assert_eq!(fields[0].rule, Some(domain::common::Rule::TokenSpent));
    }
}
