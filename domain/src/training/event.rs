//! Workshops and team activities: a time, a place, a capacity and the
//! members' answers. Every change HR makes raises the event's `sequence`,
//! so a calendar that imported its invitation (`ics`) replaces it.

use crate::audience::Audience;
use crate::common::{Rule, Violation, WholeRange};
use crate::company::Company;
use crate::date::Timestamp;
use crate::member::{LocalizedText, MemberId};
use crate::training::fields::{check_plain, check_text, MAX_BODY, MAX_TITLE};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Workshop,
    TeamActivity,
}

pub const CAPACITY: WholeRange = WholeRange::new(1, 5000);

/// What HR writes: the event without its id and history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDraft {
    pub kind: EventKind,
    pub title: LocalizedText,
    pub description: LocalizedText,
    pub place: String,
    pub starts: Timestamp,
    pub ends: Timestamp,
    pub capacity: u32,
    #[serde(default)]
    pub audience: Audience,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    #[serde(flatten)]
    pub draft: EventDraft,
    /// The HR member who created it: they see its attendee list.
    pub organiser: MemberId,
    /// Rises with every change (RFC 5545 `SEQUENCE`).
    pub sequence: u32,
    pub cancelled: bool,
    /// When it last changed (the invitation's `DTSTAMP`).
    pub updated_at: Timestamp,
}

impl EventDraft {
    pub fn violations(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        check_text(&mut found, "title", &self.title, MAX_TITLE);
        check_text(&mut found, "description", &self.description, MAX_BODY);
        check_plain(&mut found, "place", &self.place, MAX_TITLE);
        if self.ends <= self.starts {
            found.push(Violation::new("ends", Rule::EndsBeforeStart, None));
        }
        found.extend(CAPACITY.check("capacity", u64::from(self.capacity)));
        found
    }
}

impl Event {
    /// The event as changed at `now`: the next sequence, unless nothing changed.
    pub fn changed(&self, draft: EventDraft, cancelled: bool, now: Timestamp) -> Event {
        if draft == self.draft && cancelled == self.cancelled {
            return self.clone();
        }
        Event { draft, cancelled, sequence: self.sequence + 1, updated_at: now, ..self.clone() }
    }

    /// The calendar's identity for this event: the same through every change.
    pub fn uid(&self) -> String {
        format!("training-event-{}@noibo.example", self.id.0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RsvpAnswer {
    Going,
    Maybe,
    NotGoing,
}

/// A member's answer to an event (their latest one is kept).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rsvp {
    pub event: EventId,
    pub member: MemberId,
    pub answer: RsvpAnswer,
    pub at: Timestamp,
}

/// How many answered each way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RsvpCounts {
    pub going: u32,
    pub maybe: u32,
    pub not_going: u32,
}

pub fn counts(event: EventId, rsvps: &[Rsvp]) -> RsvpCounts {
    rsvps.iter().filter(|r| r.event == event).fold(RsvpCounts::default(), |mut counts, r| {
        match r.answer {
            RsvpAnswer::Going => counts.going += 1,
            RsvpAnswer::Maybe => counts.maybe += 1,
            RsvpAnswer::NotGoing => counts.not_going += 1,
        }
        counts
    })
}

/// Someone who answered, for the organiser's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    pub member: MemberId,
    pub name: String,
    pub department: LocalizedText,
    pub answer: RsvpAnswer,
    pub at: Timestamp,
}

/// Everyone who answered `event`: going first, then maybe, then not
/// going, each by given name.
pub fn attendees(company: &Company, event: EventId, rsvps: &[Rsvp]) -> Vec<Attendee> {
    let mut list: Vec<Attendee> = rsvps
        .iter()
        .filter(|r| r.event == event)
        .filter_map(|r| {
            let member = company.member(r.member)?;
            let department = company.department(member.department_id).map(|d| d.name.clone()).unwrap_or_default();
            Some(Attendee { member: member.id, name: member.full_name.clone(), department, answer: r.answer, at: r.at })
        })
        .collect();
    let rank = |answer: RsvpAnswer| answer as u8;
    list.sort_by_cached_key(|a| (rank(a.answer), crate::common::text::person_order(&a.name)));
    list
}
