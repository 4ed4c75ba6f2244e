//! The store's rules as data: a broken rule names the field at fault, so
//! a 422 answer and the demo backend say the same thing and the interface
//! can translate it and show it next to that field.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The order would spend past the member's allowance (`limit` = what is left).
    Allowance,
    /// More units this month than the product's quota allows (`limit` = units left).
    Quota,
    /// Not enough in stock (`limit` = units available).
    Stock,
    /// The member is not in the product's audience.
    Eligibility,
    /// A quantity that is zero, negative or larger than `limit`.
    Quantity,
    /// No such product, or it is hidden.
    UnknownProduct,
    UnknownSite,
    /// An order needs at least one line.
    EmptyOrder,
    Required,
    OutOfRange,
    TooLong,
    /// An internal price above the market price (`limit`).
    AboveMarketPrice,
    /// The order's status cannot change that way.
    Transition,
    /// Only members who collected a product may review it.
    NotCollected,
    /// An `Idempotency-Key` reused with a different request.
    KeyReused,
}

impl Rule {
    /// An English sentence for API readers; the interface translates `rule`.
    pub fn describe(self) -> &'static str {
        match self {
            Rule::Allowance => "the order exceeds your remaining allowance",
            Rule::Quota => "more than this product's monthly quota per member",
            Rule::Stock => "not enough in stock",
            Rule::Eligibility => "you are not eligible to buy this product",
            Rule::Quantity => "quantity must be a whole number from 1 to the limit",
            Rule::UnknownProduct => "no such product is for sale",
            Rule::UnknownSite => "no such pickup site",
            Rule::EmptyOrder => "an order needs at least one line",
            Rule::Required => "must not be empty",
            Rule::OutOfRange => "out of the allowed range",
            Rule::TooLong => "too long",
            Rule::AboveMarketPrice => "the internal price must not exceed the market price",
            Rule::Transition => "the order cannot move to that status from its current one",
            Rule::NotCollected => "only members who collected this product may review it",
            Rule::KeyReused => "this Idempotency-Key was already used for a different request",
        }
    }
}

/// One broken rule, at one field (`lines[0].quantity`, `pickup_site_id`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    pub field: String,
    pub rule: Rule,
    /// The number the rule is about: units left, đồng remaining, a maximum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}

impl Violation {
    pub fn new(field: &str, rule: Rule, limit: Option<u64>) -> Violation {
        Violation { field: field.to_owned(), rule, limit }
    }
}
