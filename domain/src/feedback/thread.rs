//! Anonymous conversations: a member writes to HR or to a department's
//! leadership about a topic; responders answer under their name and role;
//! the member answers back with the conversation's key. Nothing stored
//! says who the member is: a conversation is a random id, the key's hash,
//! the day it began and its messages, each dated by day.

use crate::common::{Rule, Violation};
use crate::company::Company;
use crate::date::Date;
use crate::feedback::anonymous::{AccessHash, AnonymousId};
use crate::member::{DepartmentId, Member, Role};
use serde::{Deserialize, Serialize};

/// The longest message.
pub const MAX_MESSAGE: usize = 4000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Workplace,
    Safety,
    Management,
    PayAndBenefits,
    Other,
}

impl Topic {
    pub const ALL: [Topic; 5] = [Topic::Workplace, Topic::Safety, Topic::Management, Topic::PayAndBenefits, Topic::Other];
}

/// Who a conversation is with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recipient {
    Hr,
    /// The department's leadership: its manager, and those above.
    Department(DepartmentId),
}

/// Where a conversation goes, and why not where the member asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Routing {
    pub to: Recipient,
    /// Set when a department was asked for but has fewer than this many
    /// members: a message to it would narrow the sender to a handful of
    /// people, so it goes to HR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rerouted_below: Option<u32>,
}

/// Where a message to `asked` goes, given that a department needs at least
/// `min_members` members to be written to directly.
pub fn route(company: &Company, asked: Recipient, min_members: u32) -> Routing {
    match asked {
        Recipient::Department(id) if (company.members.iter().filter(|m| m.department_id == id).count() as u32) < min_members => {
            Routing { to: Recipient::Hr, rerouted_below: Some(min_members) }
        }
        to => Routing { to, rerouted_below: None },
    }
}

/// Who wrote a message: the anonymous member, or a named responder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Author {
    Member,
    Responder { name: String, role: Role },
}

/// HR hid an abusive message, idea or comment: the reason is shown in its
/// place, and the author is not learned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moderation {
    pub reason: String,
    pub day: Date,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: AnonymousId,
    pub author: Author,
    pub body: String,
    pub day: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<Moderation>,
}

/// A conversation as stored: its messages in the order they were written
/// within it (a position in one conversation, not across them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thread {
    pub id: AnonymousId,
    pub access: AccessHash,
    pub recipient: Recipient,
    pub topic: Topic,
    pub began: Date,
    pub messages: Vec<Message>,
}

impl Thread {
    /// The thread as its readers see it: hidden messages say why, not what.
    pub fn shown(&self) -> Thread {
        let mut thread = self.clone();
        for message in thread.messages.iter_mut().filter(|m| m.hidden.is_some()) {
            message.body.clear();
        }
        thread
    }

    /// Whether the member's last word is unanswered (HR's list puts these first).
    pub fn awaits_reply(&self) -> bool {
        self.messages.iter().rev().find(|m| m.hidden.is_none()).is_some_and(|m| m.author == Author::Member)
    }
}

/// Whether `member` may read and answer conversations with `recipient`:
/// HR answers every conversation; a department's leadership, its own.
pub fn may_respond(company: &Company, member: &Member, recipient: Recipient) -> bool {
    match recipient {
        _ if member.role == Role::Hr => true,
        Recipient::Hr => false,
        Recipient::Department(id) => member.role == Role::Manager && leads(company, member, id),
    }
}

/// Whether `manager` leads department `id`: its own, or one below it.
fn leads(company: &Company, manager: &Member, id: DepartmentId) -> bool {
    let mut department = Some(id);
    for _ in 0..=company.departments.len() {
        let Some(current) = department else { return false };
        if current == manager.department_id {
            return true;
        }
        department = company.department(current).and_then(|d| d.parent);
    }
    false
}

/// A message's body, trimmed, or what is wrong with it at `field`.
pub fn read_body(field: &str, body: &str) -> Result<String, Violation> {
    let body = body.trim();
    if body.is_empty() {
        Err(Violation::new(field, Rule::Required, None))
    } else if body.chars().count() > MAX_MESSAGE {
        Err(Violation::new(field, Rule::TooLong, Some(MAX_MESSAGE as u64)))
    } else {
        Ok(body.to_owned())
    }
}
