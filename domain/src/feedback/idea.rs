//! The ideas board: ideas under the author's name or none, one vote per
//! member per idea (a token, so votes are not tied to voters), comments,
//! and a status HR sets that the author sees.

use crate::common::{Rule, Violation};
use crate::date::Date;
use crate::feedback::anonymous::AnonymousId;
use crate::feedback::thread::Moderation;
use crate::member::MemberId;
use serde::{Deserialize, Serialize};

pub const MAX_TITLE: usize = 120;
pub const MAX_BODY: usize = 4000;

/// Who signed an idea or a comment: a named member, or nobody.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub member: MemberId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", content = "reason", rename_all = "snake_case")]
pub enum IdeaStatus {
    New,
    UnderReview,
    Planned,
    Done,
    /// Declined, with HR's reason.
    Declined(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub id: AnonymousId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Signature>,
    pub body: String,
    pub day: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<Moderation>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Idea {
    /// Also what its votes' tokens name (`Scope::IdeaVote`).
    pub id: AnonymousId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Signature>,
    pub title: String,
    pub body: String,
    pub day: Date,
    pub status: IdeaStatus,
    pub votes: u32,
    pub comments: Vec<Comment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<Moderation>,
}

/// What a member writes: an idea, signed or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaDraft {
    pub title: String,
    pub body: String,
}

impl IdeaDraft {
    /// The draft trimmed, or what is wrong with it at its fields.
    pub fn read(&self) -> Result<IdeaDraft, Vec<Violation>> {
        let mut found = Vec::new();
        let title = bounded(&mut found, "title", &self.title, MAX_TITLE);
        let body = bounded(&mut found, "body", &self.body, MAX_BODY);
        if found.is_empty() {
            Ok(IdeaDraft { title, body })
        } else {
            Err(found)
        }
    }
}

fn bounded(found: &mut Vec<Violation>, field: &str, text: &str, max: usize) -> String {
    let text = text.trim();
    if text.is_empty() {
        found.push(Violation::new(field, Rule::Required, None));
    } else if text.chars().count() > max {
        found.push(Violation::new(field, Rule::TooLong, Some(max as u64)));
    }
    text.to_owned()
}

/// How the board is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdeaSort {
    #[default]
    Votes,
    Newest,
}

/// The board in `sort` order; ties (and ideas of one day) go by their
/// random id, an order unrelated to arrival. Hidden ideas keep their
/// place with their bodies removed.
pub fn board(ideas: &[Idea], sort: IdeaSort) -> Vec<Idea> {
    let mut shown: Vec<Idea> = ideas.iter().map(Idea::shown).collect();
    match sort {
        IdeaSort::Votes => shown.sort_by(|a, b| b.votes.cmp(&a.votes).then_with(|| a.id.cmp(&b.id))),
        IdeaSort::Newest => shown.sort_by(|a, b| b.day.cmp(&a.day).then_with(|| a.id.cmp(&b.id))),
    }
    shown
}

impl Idea {
    /// The idea as the board shows it: hidden parts say why, not what.
    pub fn shown(&self) -> Idea {
        let mut idea = self.clone();
        if idea.hidden.is_some() {
            idea.title.clear();
            idea.body.clear();
        }
        for comment in idea.comments.iter_mut().filter(|c| c.hidden.is_some()) {
            comment.body.clear();
        }
        idea.comments.sort_by(|a, b| a.day.cmp(&b.day).then_with(|| a.id.cmp(&b.id)));
        idea
    }
}
