//! Balances: what a member has of each leave type in a year, counted the
//! same way on every screen:
//! available = entitled + carried + adjusted − taken − pending.

use crate::benefits::entitlement::{annual_entitlement, Entitlement};
use crate::benefits::leave_type::{Grant, LeaveType, LeaveTypeId};
use crate::benefits::request::LeaveRequest;
use crate::benefits::span::HalfDays;
use crate::date::{Date, Timestamp};
use crate::member::{Member, MemberId};
use serde::{Deserialize, Serialize};

/// A change HR made to a balance by hand, with why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adjustment {
    pub days: HalfDays,
    pub reason: String,
    pub by: MemberId,
    pub by_name: String,
    pub at: Timestamp,
}

/// What HR holds on one member's leave of one type in one year, besides
/// what the law computes: days carried in from the year before, manual
/// adjustments, and the last working day of someone who is leaving.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    pub member: MemberId,
    pub leave_type: LeaveTypeId,
    pub year: i32,
    #[serde(default)]
    pub carried: HalfDays,
    #[serde(default)]
    pub adjustments: Vec<Adjustment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaves_on: Option<Date>,
}

/// One leave type's balance for one member and year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Balance {
    pub leave_type: LeaveTypeId,
    pub year: i32,
    /// The annual computation ("12 days ÷ 12 × 7 months = 7 days").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entitlement: Option<Entitlement>,
    /// Days each time, for personal leave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_occasion: Option<u32>,
    pub entitled: HalfDays,
    pub carried: HalfDays,
    /// The last day carried days can be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_until: Option<Date>,
    /// Carried days used by leave that starts by `carried_until`.
    pub carried_used: HalfDays,
    pub adjusted: HalfDays,
    pub taken: HalfDays,
    pub pending: HalfDays,
    /// What is left today; `None` when the type sets no yearly number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<HalfDays>,
    /// The day these numbers are for.
    pub as_of: Date,
}

impl Balance {
    /// Carried days that were not used by their last day, as of `on`.
    pub fn carried_lost(&self, on: Date) -> HalfDays {
        match self.carried_until {
            Some(until) if on > until => self.carried - self.carried_used,
            _ => HalfDays::ZERO,
        }
    }

    /// What will be left on `on` (this year), with today's requests: only
    /// carried days expire meanwhile.
    pub fn projected(&self, on: Date) -> Option<HalfDays> {
        self.available.map(|available| available + self.carried_lost(self.as_of) - self.carried_lost(on))
    }
}

/// `member`'s balance of `leave_type` in `year`, as of `today`.
/// `requests`: the member's requests (any type, any year);
/// `is_working_day`: the member's work week, for prorating a part year.
pub fn balance(
    leave_type: &LeaveType,
    member: &Member,
    year: i32,
    allocation: Option<&Allocation>,
    requests: &[LeaveRequest],
    is_working_day: impl Fn(Date) -> bool,
    today: Date,
) -> Balance {
    let held = requests.iter().filter(|r| r.leave_type == leave_type.id && r.span.from.year() == year).filter(|r| r.status(today).holds_days());
    let (mut taken, mut pending) = (HalfDays::ZERO, HalfDays::ZERO);
    for request in held.clone() {
        if request.status(today).is_pending() {
            pending = pending + request.working;
        } else {
            taken = taken + request.working;
        }
    }
    let adjusted = allocation.map(|a| a.adjustments.iter().map(|x| x.days).sum()).unwrap_or_default();
    let (entitlement, per_occasion) = match leave_type.grant {
        Grant::Annual { category } => (Some(annual_entitlement(category, member.hired_on, allocation.and_then(|a| a.leaves_on), year, &is_working_day)), None),
        Grant::PerOccasion { days } => (None, Some(days)),
        Grant::ByAgreement => (None, None),
    };
    let entitled = entitlement.map(|e| e.days).unwrap_or_default();
    let carried_until = leave_type.carry_over.and_then(|c| Date::new(year, c.until_month, c.until_day));
    let carried = if carried_until.is_some() { allocation.map(|a| a.carried).unwrap_or_default() } else { HalfDays::ZERO };
    // Leave that starts by the carried days' last day uses them first.
    let used_early: HalfDays = held.filter(|r| carried_until.is_some_and(|until| r.span.from <= until)).map(|r| r.working).sum();
    let carried_used = carried.min(used_early);
    let mut balance = Balance {
        leave_type: leave_type.id,
        year,
        entitlement,
        per_occasion,
        entitled,
        carried,
        carried_until,
        carried_used,
        adjusted,
        taken,
        pending,
        available: None,
        as_of: today,
    };
    if balance.entitlement.is_some() {
        balance.available = Some(entitled + carried - balance.carried_lost(today) + adjusted - taken - pending);
    }
    balance
}
