//! The embedded backend: the demo company in the browser, its state kept in
//! local storage. Every rule comes from `domain`, as on the server.

use super::demo_store::{self, DemoData, StoreNotice};
use super::{ApiError, Backend, Credentials, SignInMethod};
use crate::browser;
use async_trait::async_trait;
use domain::common::Clock;
use domain::company::WorkforceOverview;
use domain::seed::{demo_company, DEMO_PASSWORD, PERSONA_EMAILS};
use domain::{Company, Member, MemberProfile, OfferingStatus, Role, Timestamp};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct DemoBackend {
    pub(super) company: Company,
    pub(super) data: RefCell<DemoData>,
    notice: Cell<Option<StoreNotice>>,
    clock: Rc<dyn Clock>,
}

impl DemoBackend {
    /// Loads the stored state, resetting it (with a notice) if unreadable;
    /// every rule's `now` comes from `clock`.
    pub fn load(clock: Rc<dyn Clock>) -> DemoBackend {
        let (data, notice) = demo_store::load(browser::read(demo_store::STORAGE_KEY).as_deref());
        let backend = DemoBackend { company: demo_company(), data: RefCell::new(data), notice: Cell::new(notice), clock };
        if notice.is_some() {
            backend.persist();
        }
        backend
    }

    pub(super) fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// A notice about stored data that had to be reset, once.
    pub fn take_notice(&self) -> Option<StoreNotice> {
        self.notice.take()
    }

    /// Stored data found unreadable after start (the shop is read when the
    /// store is first used); the app shows it like a notice at start.
    pub(super) fn report(&self, notice: StoreNotice) {
        self.notice.set(Some(notice));
    }

    pub(super) fn persist(&self) {
        browser::write(demo_store::STORAGE_KEY, &demo_store::save(&self.data.borrow()));
    }

    pub(super) fn signed_in(&self) -> Result<&Member, ApiError> {
        let id = self.data.borrow().session.ok_or(ApiError::Unauthorized)?;
        self.company.member(id).ok_or(ApiError::Unauthorized)
    }

    pub(super) fn hr(&self) -> Result<&Member, ApiError> {
        let member = self.signed_in()?;
        if member.role != Role::Hr {
            return Err(ApiError::Forbidden);
        }
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
        if self.signed_in()?.role != Role::Hr {
            return Err(ApiError::Forbidden);
        }
        Ok(self.company.workforce_overview(self.now().date()))
    }
}
