//! What HR sets for anonymous feedback company-wide (each survey sets its
//! own result thresholds).

use crate::common::Violation;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackSettings {
    /// A department needs at least this many members to be written to
    /// directly; smaller ones' messages go to HR.
    pub min_department_members: u32,
    /// Anonymous messages (new conversations, anonymous ideas and
    /// comments) each member may send in a month.
    pub monthly_messages: u32,
}

impl Default for FeedbackSettings {
    fn default() -> FeedbackSettings {
        FeedbackSettings { min_department_members: 5, monthly_messages: 10 }
    }
}

impl FeedbackSettings {
    pub fn violations(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        if !(super::survey::MIN_THRESHOLD..=1000).contains(&self.min_department_members) {
            found.push(Violation::out_of_range("min_department_members", super::survey::MIN_THRESHOLD as u64, 1000));
        }
        if !(1..=100).contains(&self.monthly_messages) {
            found.push(Violation::out_of_range("monthly_messages", 1, 100));
        }
        found
    }
}
