//! Who approves a leave request, and who may decide a step.
//!
//! Nobody ever decides their own request: a step is routed to someone
//! else when it is made, and the one deciding is checked again when they
//! decide (a delegation may name the requester; it does not let them in).

use crate::benefits::leave_type::Chain;
use crate::common::access::{is_hr, manager_of};
use crate::company::Company;
use crate::date::{Date, Period, Timestamp};
use crate::member::{Member, MemberId};
use serde::{Deserialize, Serialize};

/// Who a step waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Approver {
    /// One person (a manager), or their delegate while they are away.
    Member(MemberId),
    /// Anyone in HR but the requester.
    Hr,
    /// Nobody but the requester could approve: the request says so.
    Nobody,
}

/// An approver's stand-in for a while: requests route to `delegate`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegation {
    pub id: u32,
    pub approver: MemberId,
    pub delegate: MemberId,
    pub period: Period,
    pub created_at: Timestamp,
}

/// The steps a request of `requester`'s goes through under `chain`.
///
/// The manager step goes to the manager above (`access::manager_of`, which
/// never answers the member themself); someone with nobody above goes to
/// HR instead. The HR step goes to HR, which then means anyone in HR but
/// the requester; with no such person it is [`Approver::Nobody`].
pub fn route(company: &Company, requester: &Member, chain: Chain) -> Vec<Approver> {
    let hr = if company.members.iter().any(|m| is_hr(m) && m.id != requester.id) { Approver::Hr } else { Approver::Nobody };
    let manager = manager_of(company, requester).map_or(hr, |m| Approver::Member(m.id));
    match chain {
        Chain::Manager => vec![manager],
        Chain::ManagerThenHr if manager == hr => vec![manager],
        Chain::ManagerThenHr => vec![manager, hr],
    }
}

/// In whose name `actor` may decide a step waiting for `approver` on
/// `requester`'s request today: `Some(None)` in their own, `Some(Some(x))`
/// on behalf of `x` (a delegation of x's covering today), `None` when they
/// may not. Never the requester.
pub fn acting_for(approver: Approver, requester: MemberId, actor: &Member, delegations: &[Delegation], today: Date) -> Option<Option<MemberId>> {
    if actor.id == requester {
        return None;
    }
    match approver {
        Approver::Member(id) if id == actor.id => Some(None),
        Approver::Member(id) => delegations.iter().any(|d| d.approver == id && d.delegate == actor.id && d.period.contains(today)).then_some(Some(id)),
        Approver::Hr => is_hr(actor).then_some(None),
        Approver::Nobody => None,
    }
}
