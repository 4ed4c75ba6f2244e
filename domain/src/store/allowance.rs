//! The yearly internal-purchase allowance: how much a member may spend in
//! the store, set by HR per segment.

use crate::common::violation::{Rule, Violation, WholeRange};
use crate::company::Company;
use crate::date::{Date, Period};
use crate::member::{LocalizedText, Member};
use crate::store::order::Order;
use crate::store::product::{Vnd, MAX_PRICE};
use serde::{Deserialize, Serialize};

/// What HR may enter for a yearly allowance, the default's or a segment's.
pub const LIMIT_RANGE: WholeRange = WholeRange::new(0, MAX_PRICE);

/// HR's policy: a default for everyone, and limits for segments. A member
/// in one or more listed segments gets the highest of those segments'
/// limits *instead of* the default, even when it is lower: that is how HR
/// gives new hires less. Anyone in no listed segment gets the default.
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allowance {
    pub period: Period,
    pub limit: Vnd,
    /// The segment whose limit applies, by name; `None` when the default does.
    pub segment: Option<LocalizedText>,
    pub spent: Vnd,
    pub remaining: Vnd,
}

/// The limit that applies to a member, and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedLimit {
    pub limit: Vnd,
    /// The name of the segment whose limit it is; `None` for the default.
    pub segment: Option<LocalizedText>,
}

impl AllowancePolicy {
    /// This member's yearly limit on `today`, and the segment it comes from.
    pub fn applied(&self, company: &Company, member: &Member, today: Date) -> AppliedLimit {
        let tags = company.facts(member, today).segments;
        let highest = self.segments.iter().filter(|s| tags.contains(&s.segment)).max_by_key(|s| s.yearly_limit);
        match highest {
            Some(s) => {
                AppliedLimit { limit: s.yearly_limit, segment: company.segments.iter().find(|known| known.tag == s.segment).map(|known| known.name.clone()) }
            }
            None => AppliedLimit { limit: self.default_limit, segment: None },
        }
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
pub fn allowance(applied: AppliedLimit, orders: &[Order], today: Date) -> Allowance {
    let period = Period::year_of(today);
    let spent = orders.iter().filter(|o| o.status.counts() && period.contains(o.placed_at.date())).map(|o| o.total).sum();
    let AppliedLimit { limit, segment } = applied;
    Allowance { period, limit, segment, spent, remaining: limit.saturating_sub(spent) }
}
