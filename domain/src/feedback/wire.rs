//! The bodies of feedback's requests and answers that are not a domain
//! value already, shared by the server and the client (`api/openapi.yaml`).

use crate::feedback::anonymous::{AnonymousId, ThreadKey};
use crate::feedback::survey::{Answer, Survey, SurveyId};
use crate::feedback::thread::{Routing, Thread};
use crate::feedback::token::{Scope, Token};
use crate::member::DepartmentId;
use serde::{Deserialize, Serialize};

/// What the portal's home shows a signed-in member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackHome {
    /// This month ("2026-12"): message tokens are issued for it.
    pub month: String,
    /// Message tokens the member may still get this month.
    pub messages_left: u32,
    /// The member's department, and whether it is large enough to be
    /// written to directly (else its messages go to HR).
    pub department: DepartmentId,
    pub department_addressable: bool,
    pub min_department_members: u32,
    pub open_surveys: Vec<OpenSurvey>,
}

/// An open survey the member is asked to answer, and the scope to ask its
/// token under (the member's group).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenSurvey {
    pub survey: Survey,
    pub scope: Scope,
    /// Whether a token was issued already (it may not be answered yet: the
    /// browser holds the token).
    pub token_issued: bool,
}

/// An anonymous survey response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyAnswer {
    pub survey: SurveyId,
    pub token: Token,
    pub answers: Vec<Answer>,
}

/// An anonymous vote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    pub idea: AnonymousId,
    pub token: Token,
}

/// A conversation's key, sent in a body (never in a URL, which logs keep).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadOpen {
    pub key: ThreadKey,
}

/// The member's answer in their conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadAnswer {
    pub key: ThreadKey,
    pub body: String,
}

/// A new conversation, where it went and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartedThread {
    pub thread: Thread,
    pub routing: Routing,
}

/// An idea under no name, spending a message token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnonymousIdea {
    pub title: String,
    pub body: String,
    pub token: Token,
}

/// A comment: under the member's name (no token) or none (a token).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentDraft {
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnonymousComment {
    pub idea: AnonymousId,
    pub body: String,
    pub token: Token,
}

/// A responder's reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub body: String,
}

/// HR hides something, with the reason shown in its place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hide {
    pub reason: String,
}

/// A scope's published key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedKey {
    pub public_key: crate::feedback::token::PublicKey,
}
