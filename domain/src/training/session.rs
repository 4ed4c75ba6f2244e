//! Classroom sessions and their seats. The waitlist rules live in
//! [`Roster`], once: nobody holds more seats than there are, the waitlist
//! keeps arrival order (the order of enrolment ids), nobody is both seated
//! and waiting, and a freed seat goes to the first person waiting at once,
//! which their enrolment records (`promoted_at`) for the home page to say.

use crate::audience::Audience;
use crate::common::{Rule, Violation, WholeRange};
use crate::date::Timestamp;
use crate::member::{MemberId, SiteId};
use crate::training::course::CourseId;
use crate::training::fields::{check_plain, MAX_TITLE};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SessionId(pub u32);

pub const CAPACITY: WholeRange = WholeRange::new(1, 500);

/// What HR writes: a session without its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDraft {
    pub course: CourseId,
    pub site: SiteId,
    /// The room, within the site.
    pub room: String,
    pub starts: Timestamp,
    pub ends: Timestamp,
    pub capacity: u32,
    /// Members may cancel until this instant; after it, their seat is kept.
    pub cancel_until: Timestamp,
    /// Who may take this session, on top of the course's audience (a
    /// factory session for the factory floor).
    #[serde(default)]
    pub audience: Audience,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: SessionId,
    #[serde(flatten)]
    pub draft: SessionDraft,
}

impl SessionDraft {
    /// What is wrong with the draft on its own (the course and site are the
    /// use case's to find, and the seats taken its to compare).
    pub fn violations(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        check_plain(&mut found, "room", &self.room, MAX_TITLE);
        if self.ends <= self.starts {
            found.push(Violation::new("ends", Rule::EndsBeforeStart, None));
        }
        if self.cancel_until > self.starts {
            found.push(Violation::new("cancel_until", Rule::DeadlineAfterStart, None));
        }
        found.extend(CAPACITY.check("capacity", u64::from(self.capacity)));
        found
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EnrolmentId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnrolmentStatus {
    Enrolled,
    Waiting,
    Cancelled,
}

/// A member's ask for a seat. Ids rise in arrival order, and the
/// waitlist is served in that order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    pub id: EnrolmentId,
    pub session: SessionId,
    pub member: MemberId,
    pub asked_at: Timestamp,
    pub status: EnrolmentStatus,
    /// When a freed seat moved this member from the waitlist: the notice
    /// home shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promoted_at: Option<Timestamp>,
    /// Marked by HR from the session's start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attended: Option<bool>,
}

impl Enrolment {
    pub fn is_live(&self) -> bool {
        self.status != EnrolmentStatus::Cancelled
    }
}

/// Where a member stands for a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Place {
    Enrolled,
    /// `position` 1 is served first.
    Waiting {
        position: u32,
    },
}

/// One session's live enrolments: its seats and its waitlist.
#[derive(Clone, Debug)]
pub struct Roster<'a> {
    capacity: u32,
    /// Live enrolments in arrival order.
    live: Vec<&'a Enrolment>,
}

impl<'a> Roster<'a> {
    /// The roster of `session` among `enrolments` (any sessions', any status).
    pub fn of(session: &Session, enrolments: &'a [Enrolment]) -> Roster<'a> {
        let mut live: Vec<&Enrolment> = enrolments.iter().filter(|e| e.session == session.id && e.is_live()).collect();
        live.sort_by_key(|e| e.id);
        Roster { capacity: session.draft.capacity, live }
    }

    pub fn enrolled(&self) -> impl Iterator<Item = &'a Enrolment> + '_ {
        self.live.iter().copied().filter(|e| e.status == EnrolmentStatus::Enrolled)
    }

    /// The waitlist, first served first.
    pub fn waiting(&self) -> impl Iterator<Item = &'a Enrolment> + '_ {
        self.live.iter().copied().filter(|e| e.status == EnrolmentStatus::Waiting)
    }

    pub fn seats_taken(&self) -> u32 {
        self.enrolled().count() as u32
    }

    pub fn seats_left(&self) -> u32 {
        self.capacity.saturating_sub(self.seats_taken())
    }

    /// The member's live enrolment here.
    pub fn of_member(&self, member: MemberId) -> Option<&'a Enrolment> {
        self.live.iter().copied().find(|e| e.member == member)
    }

    pub fn place(&self, enrolment: &Enrolment) -> Option<Place> {
        match enrolment.status {
            EnrolmentStatus::Enrolled => Some(Place::Enrolled),
            EnrolmentStatus::Waiting => self.waiting().position(|e| e.id == enrolment.id).map(|i| Place::Waiting { position: i as u32 + 1 }),
            EnrolmentStatus::Cancelled => None,
        }
    }

    /// A newcomer's status: a seat when one is free and nobody waits for
    /// it, else the end of the waitlist.
    pub fn arrival_status(&self) -> EnrolmentStatus {
        if self.seats_left() > 0 && self.waiting().next().is_none() {
            EnrolmentStatus::Enrolled
        } else {
            EnrolmentStatus::Waiting
        }
    }

    /// The waiting members seated, first come first, when `leaving` gives
    /// up their place (if any) and the session holds `capacity` seats.
    pub fn promotions(&self, leaving: Option<EnrolmentId>, capacity: u32, now: Timestamp) -> Vec<Enrolment> {
        let staying = |e: &&Enrolment| Some(e.id) != leaving;
        let taken = self.enrolled().filter(staying).count() as u32;
        let free = capacity.saturating_sub(taken) as usize;
        self.waiting().filter(staying).take(free).map(|e| Enrolment { status: EnrolmentStatus::Enrolled, promoted_at: Some(now), ..e.clone() }).collect()
    }
}
