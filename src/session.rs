//! Who is signed in, shared through context.

use crate::api::{use_api, ApiError};
use domain::Member;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Debug, PartialEq)]
pub enum SessionState {
    /// Asking the backend whether a session survives from before.
    Checking,
    /// The backend could not answer; the member can retry.
    Unreachable(ApiError),
    /// Nobody is signed in. `return_here` says whether sign-in should bring
    /// the member back to the page they were on (not after signing out).
    SignedOut {
        return_here: bool,
    },
    SignedIn(Member),
}

#[derive(Clone, Copy)]
pub struct Session {
    state: RwSignal<SessionState>,
}

impl Session {
    /// Provides the session and starts asking the backend about it.
    pub fn provide() -> Session {
        let session = Session { state: RwSignal::new(SessionState::Checking) };
        provide_context(session);
        session.check();
        session
    }

    /// Asks the backend (again) whether someone is signed in.
    pub fn check(self) {
        let api = use_api();
        self.state.set(SessionState::Checking);
        spawn_local(async move {
            let state = match api.session().await {
                Ok(Some(member)) => SessionState::SignedIn(member),
                Ok(None) => SessionState::SignedOut { return_here: true },
                Err(error) => SessionState::Unreachable(error),
            };
            self.state.try_set(state);
        });
    }

    pub fn state(&self) -> SessionState {
        self.state.get()
    }

    pub fn member(&self) -> Option<Member> {
        match self.state.get() {
            SessionState::SignedIn(member) => Some(member),
            _ => None,
        }
    }

    pub fn is_hr(&self) -> bool {
        self.member().is_some_and(|m| domain::common::is_hr(&m))
    }

    pub fn signed_in(&self, member: Member) {
        self.state.set(SessionState::SignedIn(member));
    }

    /// The member signed out.
    pub fn signed_out(&self) {
        self.state.set(SessionState::SignedOut { return_here: false });
    }

    /// The backend says the session is gone (expired, revoked).
    pub fn expired(&self) {
        self.state.set(SessionState::SignedOut { return_here: true });
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
