//! The one eligibility engine: who may use a benefit, see a course, buy a
//! product or answer a survey is an [`Audience`] evaluated here.

use crate::member::{DepartmentId, EmploymentType, LocalizedText, SiteId};
use serde::{Deserialize, Serialize};

/// One requirement on a member. A list condition is met by any of its values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    EmploymentTypeIn(Vec<EmploymentType>),
    DepartmentIn(Vec<DepartmentId>),
    SiteIn(Vec<SiteId>),
    /// At least this many whole months of service.
    MinTenureMonths(u32),
    /// Strictly fewer whole months of service than this ("new hire").
    MaxTenureMonths(u32),
    /// Member of at least one of these segments (by tag).
    InSegment(Vec<String>),
}

/// Who is admitted: every condition must hold. No conditions admits everyone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audience {
    #[serde(default)]
    pub all_of: Vec<Condition>,
}

impl Audience {
    pub fn everyone() -> Audience {
        Audience::default()
    }

    /// This audience narrowed by one more condition.
    pub fn and(mut self, condition: Condition) -> Audience {
        self.all_of.push(condition);
        self
    }
}

/// An HR-defined group of members: tagged by hand, or described by a rule
/// (for example "new hire: tenure < 12 months"), or both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub tag: String,
    pub name: LocalizedText,
    /// Members this rule admits belong to the segment. Inside a segment's rule,
    /// `InSegment` looks only at hand-assigned tags, so rules cannot loop.
    pub rule: Option<Audience>,
}

/// The facts about one member that conditions look at, resolved for a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberFacts {
    pub employment_type: EmploymentType,
    pub department_id: DepartmentId,
    pub site_id: SiteId,
    pub tenure_months: u32,
    /// Every segment tag the member has: assigned ones and matched rules.
    pub segments: Vec<String>,
}

impl Condition {
    pub fn is_met_by(&self, facts: &MemberFacts) -> bool {
        match self {
            Condition::EmploymentTypeIn(types) => types.contains(&facts.employment_type),
            Condition::DepartmentIn(ids) => ids.contains(&facts.department_id),
            Condition::SiteIn(ids) => ids.contains(&facts.site_id),
            Condition::MinTenureMonths(months) => facts.tenure_months >= *months,
            Condition::MaxTenureMonths(months) => facts.tenure_months < *months,
            Condition::InSegment(tags) => tags.iter().any(|tag| facts.segments.contains(tag)),
        }
    }
}

impl Audience {
    pub fn admits(&self, facts: &MemberFacts) -> bool {
        self.all_of.iter().all(|condition| condition.is_met_by(facts))
    }
}

/// A condition as a member reads it: names instead of ids, with the
/// member's own value where it helps ("needs 12 months, you have 7").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// `actual` is the member's own, so a partner supplier reads that he is one.
    EmploymentType {
        allowed: Vec<EmploymentType>,
        actual: EmploymentType,
    },
    Department {
        allowed: Vec<LocalizedText>,
    },
    Site {
        allowed: Vec<LocalizedText>,
    },
    MinTenure {
        months: u32,
        actual: u32,
    },
    MaxTenure {
        months: u32,
        actual: u32,
    },
    Segment {
        allowed: Vec<LocalizedText>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub requirement: Requirement,
    pub met: bool,
}

/// The verdict with its reasons: every check, so a member sees both why
/// they are admitted and what stands in the way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Eligibility {
    pub eligible: bool,
    pub checks: Vec<Check>,
}

impl Eligibility {
    /// The checks that failed: the reasons a member may not use something.
    pub fn unmet(&self) -> impl Iterator<Item = &Requirement> {
        self.checks.iter().filter(|check| !check.met).map(|check| &check.requirement)
    }
}
