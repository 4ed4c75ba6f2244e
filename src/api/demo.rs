//! The embedded backend: the demo company in the browser, its state kept in
//! local storage. Every rule comes from `domain`, as on the server. This is
//! the shell's part (the session); each portal keeps its own data under its
//! own key (`crate::storage::portal_key`) and reads it when its module loads.

use super::{ApiError, Backend, Credentials, SignInMethod};
use crate::browser;
use crate::storage::{self, Problem, StorageNotice, StoredPart};
use async_trait::async_trait;
use domain::common::{require_hr, Clock};
use domain::company::WorkforceOverview;
use domain::seed::{demo_company, DEMO_PASSWORD, PERSONA_EMAILS};
use domain::{Company, Member, MemberId, MemberProfile, OfferingStatus, Timestamp};
use leptos::wasm_split::SplitLoaderError;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// Where the session is stored.
pub const SESSION_KEY: &str = "noibo.demo.session";

/// Bump when [`SessionData`] changes shape, and teach [`load_session`] the old one.
pub const SESSION_VERSION: u32 = 1;

/// Who is signed in on this device.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionData {
    pub session: Option<MemberId>,
}

/// Before each portal had its own key, everything was one envelope here:
/// version 1 held the session, version 2 the session and the store's shop.
/// Read once at start, split up, and removed. Frozen: new portals never
/// appear in it.
pub const LEGACY_KEY: &str = "noibo.demo";

/// What start-up found in storage.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub session: SessionData,
    pub problem: Option<Problem>,
    /// Data to store under another key (a portal's, moved out of the legacy envelope).
    pub moved: Vec<(String, String)>,
}

/// Reads the session, or splits the legacy envelope when one is left.
pub fn load_session(session: Option<&str>, legacy: Option<&str>) -> Loaded {
    let (read, moved) = match legacy {
        Some(legacy) => match split_legacy(legacy) {
            Ok((session, moved)) => (Ok(session), moved),
            Err(problem) => (Err(problem), Vec::new()),
        },
        None => (storage::read::<SessionData>(session, SESSION_VERSION).map(Option::unwrap_or_default), Vec::new()),
    };
    match read {
        Ok(session) => Loaded { session, problem: None, moved },
        Err(problem) => Loaded { session: SessionData::default(), problem: Some(problem), moved },
    }
}

/// The legacy envelope as the session and each part's new (key, envelope).
fn split_legacy(raw: &str) -> Result<(SessionData, Vec<(String, String)>), Problem> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Version2 {
        session: Option<MemberId>,
        /// The store's shop, moved as it is: the store checks it when it opens.
        shop: Value,
    }
    let Some((version, data)) = storage::open(Some(raw))? else { return Ok((SessionData::default(), Vec::new())) };
    match version {
        1 => Ok((storage::decode(data)?, Vec::new())),
        2 => {
            let Version2 { session, shop } = storage::decode(data)?;
            // The store's data at its version 1 is the shop as version 2 kept it; `null` was the seed.
            let moved = if shop.is_null() { Vec::new() } else { vec![(storage::portal_key("store"), storage::seal(1, &shop))] };
            Ok((SessionData { session }, moved))
        }
        found => Err(Problem::Incompatible { found }),
    }
}

/// The demo backend as the shell holds it. The `dyn Backend` is made by
/// [`Demo::new`], which only the demo's own module calls (see [`start`]):
/// where that coercion happens, the vtable and every method it names go,
/// so an HTTP deployment never downloads the demo company or its rules.
#[derive(Clone)]
pub struct Demo {
    /// For a portal's demo side, which works on the same company and session.
    pub core: Rc<DemoBackend>,
    backend: Rc<dyn Backend>,
}

impl Demo {
    pub fn new(core: DemoBackend) -> Demo {
        let core = Rc::new(core);
        Demo { backend: core.clone(), core }
    }

    pub fn backend(&self) -> Rc<dyn Backend> {
        self.backend.clone()
    }
}

/// Starts the demo backend. With the `split` feature, it and everything
/// only it reaches (the demo company, its rules' use here, the session
/// storage) are a wasm module of their own, `*-split_demo.wasm`, fetched
/// when `config.json` says `demo`.
pub async fn start(clock: Rc<dyn Clock>) -> Result<Demo, SplitLoaderError> {
    let make = module::fetch().await?;
    Ok(make(clock))
}

mod module {
    use super::{Demo, DemoBackend};
    use domain::common::Clock;
    use leptos::wasm_split::SplitLoaderError;
    use std::rc::Rc;

    pub type Make = fn(Rc<dyn Clock>) -> Demo;

    fn make(clock: Rc<dyn Clock>) -> Demo {
        Demo::new(DemoBackend::load(clock))
    }

    #[cfg(feature = "split")]
    #[::leptos::wasm_split::wasm_split(demo, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn fetch() -> Result<Make, SplitLoaderError> {
        Ok(make)
    }

    #[cfg(not(feature = "split"))]
    pub async fn fetch() -> Result<Make, SplitLoaderError> {
        Ok(make)
    }
}

pub struct DemoBackend {
    pub company: Company,
    data: RefCell<SessionData>,
    notices: RefCell<Vec<StorageNotice>>,
    clock: Rc<dyn Clock>,
}

impl DemoBackend {
    /// Loads the stored session, resetting it (with a notice) if unreadable;
    /// every rule's `now` comes from `clock`.
    pub fn load(clock: Rc<dyn Clock>) -> DemoBackend {
        let legacy = browser::read(LEGACY_KEY);
        let Loaded { session, problem, moved } = load_session(browser::read(SESSION_KEY).as_deref(), legacy.as_deref());
        for (key, raw) in &moved {
            browser::write(key, raw);
        }
        let notices = problem.map(|problem| StorageNotice { part: StoredPart::Session, problem }).into_iter().collect();
        let backend = DemoBackend { company: demo_company(), data: RefCell::new(session), notices: RefCell::new(notices), clock };
        if legacy.is_some() || problem.is_some() {
            backend.persist();
            browser::remove(LEGACY_KEY);
        }
        backend
    }

    /// The time every rule reads.
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// Notices about stored data that had to be reset, once each.
    pub fn take_notices(&self) -> Vec<StorageNotice> {
        self.notices.take()
    }

    /// A portal's stored data found unreadable when its module loaded; the
    /// app shows it like a notice at start.
    pub fn report(&self, notice: StorageNotice) {
        self.notices.borrow_mut().push(notice);
    }

    fn persist(&self) {
        browser::write(SESSION_KEY, &storage::seal(SESSION_VERSION, &*self.data.borrow()));
    }

    pub fn signed_in(&self) -> Result<&Member, ApiError> {
        let id = self.data.borrow().session.ok_or(ApiError::Unauthorized)?;
        self.company.member(id).ok_or(ApiError::Unauthorized)
    }

    /// The signed-in member if they are HR, else `Forbidden`.
    pub fn hr(&self) -> Result<&Member, ApiError> {
        let member = self.signed_in()?;
        require_hr(member).map_err(|_| ApiError::Forbidden)?;
        Ok(member)
    }
}

#[async_trait(?Send)]
impl Backend for DemoBackend {
    fn sign_in_method(&self) -> SignInMethod {
        let today = self.now().date();
        let personas =
            PERSONA_EMAILS.iter().filter_map(|email| self.company.member_by_email(email)).filter_map(|member| self.company.profile(member.id, today)).collect();
        SignInMethod::Personas(personas)
    }

    async fn sign_in(&self, credentials: &Credentials) -> Result<Member, ApiError> {
        let member = self.company.member_by_email(&credentials.email).filter(|_| credentials.password == DEMO_PASSWORD);
        let member = member.ok_or(ApiError::BadCredentials)?.clone();
        self.data.borrow_mut().session = Some(member.id);
        self.persist();
        Ok(member)
    }

    async fn session(&self) -> Result<Option<Member>, ApiError> {
        Ok(self.signed_in().ok().cloned())
    }

    async fn sign_out(&self) -> Result<(), ApiError> {
        self.data.borrow_mut().session = None;
        self.persist();
        Ok(())
    }

    async fn profile(&self) -> Result<MemberProfile, ApiError> {
        let member = self.signed_in()?;
        self.company.profile(member.id, self.now().date()).ok_or(ApiError::NotFound)
    }

    async fn offerings(&self) -> Result<Vec<OfferingStatus>, ApiError> {
        let member = self.signed_in()?;
        Ok(self.company.offering_statuses(member.id, self.now().date()))
    }

    async fn workforce(&self) -> Result<WorkforceOverview, ApiError> {
        self.hr()?;
        Ok(self.company.workforce_overview(self.now().date()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(session: Option<u32>, problem: Option<Problem>, moved: Vec<(String, String)>) -> Loaded {
        Loaded { session: SessionData { session: session.map(MemberId) }, problem, moved }
    }

    #[test]
    fn a_first_visit_starts_fresh_without_a_notice() {
        assert_eq!(load_session(None, None), loaded(None, None, vec![]));
    }

    #[test]
    fn a_saved_session_survives_a_reload() {
        let saved = storage::seal(SESSION_VERSION, &SessionData { session: Some(MemberId(7)) });
        assert_eq!(load_session(Some(&saved), None), loaded(Some(7), None, vec![]));
    }

    #[test]
    fn a_session_saved_in_the_first_legacy_envelope_is_kept() {
        assert_eq!(load_session(None, Some(r#"{"version":1,"data":{"session":3}}"#)), loaded(Some(3), None, vec![]));
    }

    #[test]
    fn the_legacy_envelope_moves_its_shop_to_the_store_as_it_is() {
        // Even a damaged shop moves: the store finds it out (and resets only itself) when it opens.
        let raw = r#"{"version":2,"data":{"session":3,"shop":{"products":"none"}}}"#;
        let moved = vec![("noibo.demo.store".to_owned(), r#"{"version":1,"data":{"products":"none"}}"#.to_owned())];
        assert_eq!(load_session(None, Some(raw)), loaded(Some(3), None, moved));
        let untouched = r#"{"version":2,"data":{"session":null,"shop":null}}"#;
        assert_eq!(load_session(None, Some(untouched)), loaded(None, None, vec![]), "the demo company's shop stays the default");
    }

    #[test]
    fn the_legacy_envelope_wins_over_a_session_it_predates() {
        let saved = storage::seal(SESSION_VERSION, &SessionData { session: Some(MemberId(7)) });
        assert_eq!(load_session(Some(&saved), Some(r#"{"version":1,"data":{"session":3}}"#)), loaded(Some(3), None, vec![]));
    }

    #[test]
    fn damaged_storage_is_reset_with_a_notice() {
        for raw in [
            "",
            "not json",
            "{\"version\":1}",
            "{\"version\":1,\"data\":{\"session\":\"x\"}}",
            "{\"version\":1,\"data\":{\"session\":1,\"shop\":null}}",
            "[1,2]",
        ] {
            assert_eq!(load_session(Some(raw), None), loaded(None, Some(Problem::Corrupt), vec![]), "{raw:?}");
        }
        for raw in ["", "not json", "{\"version\":2}", "{\"version\":1,\"data\":{\"session\":\"x\"}}", "{\"version\":2,\"data\":{\"session\":1}}", "[1,2]"] {
            assert_eq!(load_session(None, Some(raw)), loaded(None, Some(Problem::Corrupt), vec![]), "legacy {raw:?}");
        }
    }

    #[test]
    fn data_from_an_unknown_version_is_reset_with_a_notice() {
        let raw = r#"{"version":99,"data":{"session":3,"carts":[]}}"#;
        assert_eq!(load_session(None, Some(raw)), loaded(None, Some(Problem::Incompatible { found: 99 }), vec![]));
        assert_eq!(load_session(Some(raw), None), loaded(None, Some(Problem::Incompatible { found: 99 }), vec![]));
    }
}
