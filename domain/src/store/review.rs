//! Reviews: internal customers are the company's first testers. A review
//! is signed with the reviewer's name and department; it is not anonymous.

use crate::common::violation::{Rule, Violation};
use crate::date::Date;
use crate::member::{LocalizedText, MemberId};
use crate::store::order::{Order, OrderStatus};
use crate::store::product::ProductId;
use serde::{Deserialize, Serialize};

pub const MAX_COMMENT_CHARS: usize = 1000;

/// What a member writes: 1–5 stars and an optional comment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewDraft {
    /// Signed so that 0 or -1 is a rule broken, not a parse error.
    pub rating: i64,
    #[serde(default)]
    pub comment: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub product_id: ProductId,
    pub reviewer_name: String,
    pub department: LocalizedText,
    pub rating: u8,
    pub comment: String,
    pub updated_on: Date,
}

/// Whether a member may review a product: they collected it at least once.
pub fn can_review(orders: &[Order], product: ProductId) -> bool {
    orders.iter().any(|o| o.status == OrderStatus::Collected && o.units_of(product) > 0)
}

impl ReviewDraft {
    /// The comment as kept: without surrounding blank space.
    pub fn stored_comment(&self) -> &str {
        self.comment.trim()
    }

    /// The rating as stored, or the fields that break a rule.
    pub fn check(&self, orders: &[Order], product: ProductId) -> Result<u8, Vec<Violation>> {
        let mut found = Vec::new();
        if !(1..=5).contains(&self.rating) {
            found.push(Violation::new("rating", Rule::OutOfRange, Some(5)));
        }
        if self.comment.chars().count() > MAX_COMMENT_CHARS {
            found.push(Violation::new("comment", Rule::TooLong, Some(MAX_COMMENT_CHARS as u64)));
        }
        if !can_review(orders, product) {
            found.push(Violation::new("product_id", Rule::NotCollected, None));
        }
        if found.is_empty() {
            Ok(self.rating as u8)
        } else {
            Err(found)
        }
    }
}

/// A stored review and whose it is; only the review itself is ever shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredReview {
    pub member_id: MemberId,
    pub review: Review,
}
