//! Leave types: what the law or the company grants, to whom, and who
//! approves. HR edits them; the seed starts with the Labour Code's.

use crate::audience::Audience;
use crate::benefits::entitlement::WorkCategory;
use crate::common::violation::{Rule, Violation, WholeRange};
use crate::member::LocalizedText;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LeaveTypeId(pub u32);

/// How many days a type grants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Grant {
    /// Annual leave: the category's days a year, plus seniority, prorated
    /// for part of a year (Labour Code 2019, Art. 113 and 114).
    Annual { category: WorkCategory },
    /// Up to `days` each time it happens (personal leave, Art. 115).
    PerOccasion { days: u32 },
    /// No set number: unpaid leave agreed with the company (Art. 115(3)).
    ByAgreement,
}

/// Who approves, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Chain {
    /// The member's manager.
    Manager,
    /// The member's manager, then HR.
    ManagerThenHr,
}

/// Unused annual days that move to the next year, and until when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarryOver {
    pub max_days: u32,
    /// The last day of the next year they can be used on (31/3 is common).
    pub until_month: u8,
    pub until_day: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaveType {
    pub id: LeaveTypeId,
    pub name: LocalizedText,
    pub grant: Grant,
    pub paid: bool,
    pub chain: Chain,
    /// Who may take it, through the eligibility engine.
    pub audience: Audience,
    pub carry_over: Option<CarryOver>,
    /// How many days back a request may start (0: from today on).
    pub back_dating_days: u32,
}

/// The ranges HR's numbers must stay in.
pub const GRANT_DAYS: WholeRange = WholeRange::new(1, 30);
pub const CARRY_OVER_DAYS: WholeRange = WholeRange::new(0, 30);
pub const BACK_DATING_DAYS: WholeRange = WholeRange::new(0, 90);

impl LeaveType {
    /// Whether taking more than is left is refused: paid types with a set
    /// number of days. Unpaid leave is by agreement.
    pub fn limits_days(&self) -> bool {
        self.paid && !matches!(self.grant, Grant::ByAgreement)
    }

    /// HR's edit, checked: every number in range, a name in both languages,
    /// carry-over only where there is a yearly grant, a real expiry day.
    pub fn violations(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        for (field, text) in [("name.vi", &self.name.vi), ("name.en", &self.name.en)] {
            if text.trim().is_empty() {
                found.push(Violation::new(field, Rule::Required, None));
            } else if text.chars().count() > 80 {
                found.push(Violation::new(field, Rule::TooLong, Some(80)));
            }
        }
        if let Grant::PerOccasion { days } = self.grant {
            found.extend(GRANT_DAYS.check("grant.days", u64::from(days)));
        }
        if let Some(carry) = self.carry_over {
            if !matches!(self.grant, Grant::Annual { .. }) {
                found.push(Violation::new("carry_over", Rule::CarryOverAnnualOnly, None));
            }
            found.extend(CARRY_OVER_DAYS.check("carry_over.max_days", u64::from(carry.max_days)));
            // A day that exists in every year (29/2 does not).
            if crate::date::Date::new(2025, carry.until_month, carry.until_day).is_none() {
                found.push(Violation::new("carry_over.until_day", Rule::OutOfRange, None));
            }
        }
        found.extend(BACK_DATING_DAYS.check("back_dating_days", u64::from(self.back_dating_days)));
        found
    }
}
