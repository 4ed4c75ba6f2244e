//! The yearly internal-purchase allowance: how much a member may spend in
//! the store, set by HR per segment.

use crate::common::violation::{Rule, Violation, WholeRange};
use crate::company::Company;
use crate::date::{Date, Period};
use crate::member::Member;
use crate::store::order::Order;
use crate::store::product::{Vnd, MAX_PRICE};
use serde::{Deserialize, Serialize};

/// What HR may enter for a yearly allowance, the default's or a segment's.
pub const LIMIT_RANGE: WholeRange = WholeRange::new(0, MAX_PRICE);

/// HR's policy: a default for everyone, and limits for segments. A member
/// in one or more listed segments gets the highest of their limits;
/// anyone else gets the default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowancePolicy {
    pub default_limit: Vnd,
    #[serde(default)]
    pub segments: Vec<SegmentAllowance>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentAllowance {
    /// A segment tag of the company.
    pub segment: String,
    pub yearly_limit: Vnd,
}

/// Where a member stands this period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allowance {
    pub period: Period,
    pub limit: Vnd,
    pub spent: Vnd,
    pub remaining: Vnd,
}

impl AllowancePolicy {
    /// This member's yearly limit on `today`.
    pub fn limit_for(&self, company: &Company, member: &Member, today: Date) -> Vnd {
        let tags = company.facts(member, today).segments;
        self.segments.iter().filter(|s| tags.contains(&s.segment)).map(|s| s.yearly_limit).max().unwrap_or(self.default_limit)
    }

    /// Unknown segments and absurd amounts, named by field.
    pub fn violations(&self, company: &Company) -> Vec<Violation> {
        let mut found = Vec::new();
        found.extend(LIMIT_RANGE.check("default_limit", self.default_limit));
        for (i, s) in self.segments.iter().enumerate() {
            if !company.segments.iter().any(|known| known.tag == s.segment) {
                found.push(Violation::new(&format!("segments[{i}].segment"), Rule::OutOfRange, None));
            }
            found.extend(LIMIT_RANGE.check(&format!("segments[{i}].yearly_limit"), s.yearly_limit));
            if self.segments[..i].iter().any(|earlier| earlier.segment == s.segment) {
                found.push(Violation::new(&format!("segments[{i}].segment"), Rule::KeyReused, None));
            }
        }
        found
    }
}

/// Spent = the totals of this year's orders that were not cancelled.
pub fn allowance(limit: Vnd, orders: &[Order], today: Date) -> Allowance {
    let period = Period::year_of(today);
    let spent = orders.iter().filter(|o| o.status.counts() && period.contains(o.placed_at.date())).map(|o| o.total).sum();
    Allowance { period, limit, spent, remaining: limit.saturating_sub(spent) }
}
