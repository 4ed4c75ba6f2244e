//! Rule violations: a broken rule names the field at fault, so a 422
//! answer and the demo backend say the same thing and the interface can
//! translate it and show it next to that field.
//!
//! Two types, one wire shape:
//! - [`Violation`] is what a rule or a use case returns: the field, the
//!   [`Rule`] broken and the number it is about. Every domain function
//!   reports these; tests compare them.
//! - [`FieldError`] is the one wire shape of a field error, from domain to
//!   server to client: `{"field", "rule"?, "limit"?, "message"}`. A broken
//!   rule becomes one with `From<Violation>` (`message` is the rule's
//!   English sentence for API readers, [`Rule::describe`]); a request that
//!   could not be read at all (a body or query-string parse error: a
//!   missing or unknown field, a wrong type) has no rule, only the parser's
//!   `message` ([`FieldError::unreadable`]). Reading one accepts a missing
//!   `message`, `rule` or `limit`. The interface translates `rule` and
//!   falls back on `message` when there is none.
//!
//! Why not one type: a `Violation` always has a rule (so no caller has to
//! handle "no rule" where a rule broke), and its own JSON is
//! `{"field","rule","limit"?}`; the message is derived from the rule, so it
//! is added only at the wire, where rule-less parse errors also travel.

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

    /// The broken rule in English, for API readers.
    pub fn describe(&self) -> &'static str {
        self.rule.describe()
    }
}

/// A problem with one field of a request, as it travels in a problem
/// document's `errors` (see the module documentation).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// A JSON path such as `lines[0].quantity`, a query parameter, or a header name.
    pub field: String,
    /// The rule broken; `None` when the request itself could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// The number the rule is about: units left, đồng remaining, a maximum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// In English, for API readers: the rule's sentence, or the parser's.
    #[serde(default)]
    pub message: String,
}

impl FieldError {
    /// A field that could not be read (no rule): the parser's own words.
    pub fn unreadable(field: &str, message: &str) -> FieldError {
        FieldError { field: field.to_owned(), rule: None, limit: None, message: message.to_owned() }
    }
}

impl From<Violation> for FieldError {
    fn from(v: Violation) -> FieldError {
        FieldError { message: v.rule.describe().to_owned(), field: v.field, rule: Some(v.rule), limit: v.limit }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_rule_travels_with_its_english_sentence() {
        let error = FieldError::from(Violation::new("lines[0].quantity", Rule::Quota, Some(2)));
        assert_eq!(error, FieldError { field: "lines[0].quantity".into(), rule: Some(Rule::Quota), limit: Some(2), message: Rule::Quota.describe().into() });
    }

    #[test]
    fn an_unreadable_field_has_only_a_message() {
        let error = FieldError::unreadable("email", "email must not be empty");
        assert_eq!((error.rule, error.limit, error.message.as_str()), (None, None, "email must not be empty"));
    }
}
