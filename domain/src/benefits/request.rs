//! A leave request and its approvals: the request's own, then, for an
//! approved leave someone wants back, a cancellation approved the same way.

use crate::benefits::approval::Approver;
use crate::benefits::leave_type::LeaveTypeId;
use crate::benefits::span::{HalfDays, LeaveSpan};
use crate::date::{Date, Timestamp};
use crate::member::{LocalizedText, MemberId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LeaveRequestId(pub u32);

/// What the member asks for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LeaveDraft {
    pub leave_type: LeaveTypeId,
    pub span: LeaveSpan,
    #[serde(default)]
    pub reason: String,
}

pub const REASON_MAX: usize = 500;

/// One decision on one step, final once made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub by: MemberId,
    pub by_name: String,
    /// The approver a delegate decided for ("on behalf of …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<(MemberId, String)>,
    pub at: Timestamp,
    pub approved: bool,
    #[serde(default)]
    pub comment: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub approver: Approver,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
}

/// A chain of steps for one question (take this leave; give these days back).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub asked_at: Timestamp,
    pub steps: Vec<Step>,
}

/// Where an approval stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Waiting,
    Approved,
    Rejected,
}

impl Approval {
    pub fn new(asked_at: Timestamp, approvers: Vec<Approver>) -> Approval {
        Approval { asked_at, steps: approvers.into_iter().map(|approver| Step { approver, decision: None }).collect() }
    }

    pub fn outcome(&self) -> Outcome {
        if self.steps.iter().any(|s| s.decision.as_ref().is_some_and(|d| !d.approved)) {
            Outcome::Rejected
        } else if self.steps.iter().all(|s| s.decision.is_some()) {
            Outcome::Approved
        } else {
            Outcome::Waiting
        }
    }

    /// The first undecided step, while nothing is rejected.
    pub fn open_step(&self) -> Option<(usize, &Step)> {
        (self.outcome() == Outcome::Waiting).then(|| self.steps.iter().enumerate().find(|(_, s)| s.decision.is_none())).flatten()
    }
}

/// Where a request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeaveStatus {
    /// Waiting for a decision: its days count as pending.
    Pending,
    /// Approved, not yet begun: its days count as taken.
    Approved,
    /// Approved and begun (or over).
    Taken,
    Rejected,
    /// Withdrawn by the member before anyone decided.
    Withdrawn,
    /// Approved, and the member asked for the days back: still counted as
    /// taken until that is approved.
    CancellationPending,
    /// Given back after an approved cancellation.
    Cancelled,
}

impl LeaveStatus {
    pub const ALL: [LeaveStatus; 7] = [
        LeaveStatus::Pending,
        LeaveStatus::Approved,
        LeaveStatus::Taken,
        LeaveStatus::Rejected,
        LeaveStatus::Withdrawn,
        LeaveStatus::CancellationPending,
        LeaveStatus::Cancelled,
    ];

    /// Whether its days count against the balance (and block other
    /// requests on the same days).
    pub fn holds_days(self) -> bool {
        matches!(self, LeaveStatus::Pending | LeaveStatus::Approved | LeaveStatus::Taken | LeaveStatus::CancellationPending)
    }

    /// Whether its days count as pending rather than taken.
    pub fn is_pending(self) -> bool {
        self == LeaveStatus::Pending
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaveRequest {
    pub id: LeaveRequestId,
    pub member: MemberId,
    pub leave_type: LeaveTypeId,
    /// The type's name when it was asked, for lists and the timeline.
    #[serde(default)]
    pub leave_type_name: LocalizedText,
    pub span: LeaveSpan,
    /// Working days it costs, counted when it was made.
    pub working: HalfDays,
    #[serde(default)]
    pub reason: String,
    pub approval: Approval,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancellation: Option<Approval>,
}

impl LeaveRequest {
    pub fn status(&self, today: Date) -> LeaveStatus {
        if self.withdrawn_at.is_some() {
            return LeaveStatus::Withdrawn;
        }
        match self.approval.outcome() {
            Outcome::Waiting => LeaveStatus::Pending,
            Outcome::Rejected => LeaveStatus::Rejected,
            Outcome::Approved => match self.cancellation.as_ref().map(Approval::outcome) {
                Some(Outcome::Approved) => LeaveStatus::Cancelled,
                Some(Outcome::Waiting) => LeaveStatus::CancellationPending,
                Some(Outcome::Rejected) | None if self.span.from <= today => LeaveStatus::Taken,
                Some(Outcome::Rejected) | None => LeaveStatus::Approved,
            },
        }
    }

    /// The approval that waits for a decision now: the request's, or its
    /// cancellation's.
    pub fn open_approval(&self) -> Option<&Approval> {
        if self.withdrawn_at.is_some() {
            return None;
        }
        [Some(&self.approval), self.cancellation.as_ref()].into_iter().flatten().find(|a| a.open_step().is_some())
    }

    pub fn open_approval_mut(&mut self) -> Option<&mut Approval> {
        if self.withdrawn_at.is_some() {
            return None;
        }
        [Some(&mut self.approval), self.cancellation.as_mut()].into_iter().flatten().find(|a| a.open_step().is_some())
    }
}
