//! Rule violations: a broken rule names the field at fault, so a 422
//! answer and the demo backend say the same thing and the interface can
//! translate it and show it next to that field.
//!
//! Two types, one wire shape:
//! - [`Violation`] is what a rule or a use case returns: the field, the
//!   [`Rule`] broken and the number it is about. Every domain function
//!   reports these; tests compare them.
//! - [`FieldError`] is the one wire shape of a field error, from domain to
//!   server to client: `{"field", "rule"?, "limit"?, "min"?, "message"}`. A broken
//!   rule becomes one with `From<Violation>` (`message` is the rule's
//!   English sentence for API readers, [`Rule::describe`]); a request that
//!   could not be read at all (a body or query-string parse error: a
//!   missing or unknown field, a wrong type) has no rule, only the parser's
//!   `message` ([`FieldError::unreadable`]). Reading one accepts a missing
//!   `message`, `rule`, `limit` or `min`. The interface translates `rule` and
//!   falls back on `message` when there is none.
//!
//! Why not one type: a `Violation` always has a rule (so no caller has to
//! handle "no rule" where a rule broke), and its own JSON is
//! `{"field","rule","limit"?,"min"?}`; the message is derived from the rule, so it
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
    /// No such leave type (or not one this change applies to).
    UnknownLeaveType,
    UnknownMember,
    /// A period whose last day comes before its first.
    EndsBeforeStart,
    /// Starts further back than allowed (`limit` = days back allowed).
    TooFarBack,
    /// Reaches past the end of next year.
    TooFarAhead,
    /// Leave is counted per year: one request stays within one year.
    AcrossYears,
    /// The days asked for are all days off: nothing to request.
    NoWorkingDays,
    /// Overlaps another request of the member's, or another delegation.
    Overlap,
    /// More than the balance leaves (`limit` = half days left).
    LeaveBalance,
    /// More than the type grants each time (`limit` = half days).
    PerOccasion,
    /// The leave has begun: its days cannot be given back.
    LeaveBegun,
    /// The request was already decided: a decision is final.
    AlreadyDecided,
    /// Nobody delegates to themself.
    DelegateSelf,
    /// Only yearly leave carries over.
    CarryOverAnnualOnly,
    /// A holiday needs this many days (`limit`); HR moves them, not adds or drops.
    HolidayCount,
    /// An answer of another kind than its question asks (a score for a choice).
    AnswerKind,
    /// The survey is not open on this day.
    SurveyClosed,
    /// Not in this survey's, idea's or message's audience.
    NotInAudience,
    /// A token for this scope was already issued to this member.
    AlreadyIssued,
    /// This token was already spent.
    TokenSpent,
    /// The token does not prove what it claims (wrong scope, or forged).
    TokenInvalid,
    /// The month's anonymous messages are used up (`limit` = the allowance).
    MessageAllowance,
    /// Already enrolled in, or waiting for, a session of this course.
    AlreadyEnrolled,
    /// Not enrolled in this session (attendance, cancellation).
    NotEnrolled,
    /// Past the cancellation deadline HR set for the session.
    CancellationClosed,
    /// The session or event has begun: no more enrolments, answers or edits.
    AlreadyStarted,
    /// The session has not begun yet: attendance is marked from its start.
    NotStarted,
    /// An earlier course of a learning path that keeps its order is not complete.
    PathLocked,
    /// The quiz opens once every lesson of the course is done.
    LessonsFirst,
    /// Every attempt at the quiz is used (`limit` = attempts allowed).
    NoAttemptsLeft,
    /// The quiz was passed already.
    AlreadyPassed,
    /// This quiz attempt was submitted already, with other answers.
    AttemptSubmitted,
    /// The course is not complete: every lesson, the quiz, the session.
    NotCompleted,
    /// The certificate was revoked already.
    AlreadyRevoked,
    /// The event has no place left for one more going (`limit` = its capacity).
    EventFull,
    /// The event was cancelled.
    EventCancelled,
    /// A link must start with `https://`.
    LinkScheme,
    /// Sessions belong to classroom courses only.
    ClassroomOnly,
    /// No such course.
    UnknownCourse,
    /// The same course twice in one learning path.
    DuplicateCourse,
    /// A cancellation deadline after the session starts.
    DeadlineAfterStart,
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
            Rule::UnknownLeaveType => "no such leave type",
            Rule::UnknownMember => "no such member",
            Rule::EndsBeforeStart => "the end comes before the start",
            Rule::TooFarBack => "starts further back than allowed",
            Rule::TooFarAhead => "reaches past the end of next year",
            Rule::AcrossYears => "leave is counted per year: make one request in each year",
            Rule::NoWorkingDays => "these days are all days off: the request costs no working days",
            Rule::Overlap => "overlaps another request",
            Rule::LeaveBalance => "more days than your balance leaves",
            Rule::PerOccasion => "more days than this leave grants each time",
            Rule::LeaveBegun => "the leave has begun and cannot be cancelled",
            Rule::AlreadyDecided => "this request was already decided",
            Rule::DelegateSelf => "you cannot delegate to yourself",
            Rule::CarryOverAnnualOnly => "only annual leave carries over",
            Rule::HolidayCount => "a holiday has the wrong number of days",
            Rule::AnswerKind => "this answer is not of the kind its question asks",
            Rule::SurveyClosed => "the survey is not open",
            Rule::NotInAudience => "you are not among the people this is for",
            Rule::AlreadyIssued => "a token for this was already issued to you",
            Rule::TokenSpent => "this token was already used",
            Rule::TokenInvalid => "this token is not valid here",
            Rule::MessageAllowance => "this month's anonymous messages are used up",
            Rule::AlreadyEnrolled => "you are already enrolled in, or waiting for, a session of this course",
            Rule::NotEnrolled => "not enrolled in this session",
            Rule::CancellationClosed => "the deadline to cancel this enrolment has passed",
            Rule::AlreadyStarted => "it has already begun",
            Rule::NotStarted => "the session has not begun yet",
            Rule::PathLocked => "an earlier course of the learning path comes first",
            Rule::LessonsFirst => "the quiz opens once every lesson is done",
            Rule::NoAttemptsLeft => "every attempt at this quiz is used",
            Rule::AlreadyPassed => "you passed this quiz already",
            Rule::AttemptSubmitted => "this attempt was already submitted",
            Rule::NotCompleted => "the course is not complete yet",
            Rule::AlreadyRevoked => "this certificate was revoked already",
            Rule::EventFull => "the event is full",
            Rule::EventCancelled => "the event was cancelled",
            Rule::LinkScheme => "a link must start with https://",
            Rule::ClassroomOnly => "sessions belong to classroom courses only",
            Rule::UnknownCourse => "no such course",
            Rule::DuplicateCourse => "this course is already in the path",
            Rule::DeadlineAfterStart => "the cancellation deadline comes after the session starts",
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
    /// The smallest accepted, when the rule is a range (`out_of_range`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u64>,
}

impl Violation {
    pub fn new(field: &str, rule: Rule, limit: Option<u64>) -> Violation {
        Violation { field: field.to_owned(), rule, limit, min: None }
    }

    /// `field` is outside `min..=max`, naming the range.
    pub fn out_of_range(field: &str, min: u64, max: u64) -> Violation {
        Violation { min: Some(min), ..Violation::new(field, Rule::OutOfRange, Some(max)) }
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
    /// The smallest accepted, when the rule is a range (`out_of_range`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u64>,
    /// In English, for API readers: the rule's sentence, or the parser's.
    #[serde(default)]
    pub message: String,
}

impl FieldError {
    /// A field that could not be read (no rule): the parser's own words.
    pub fn unreadable(field: &str, message: &str) -> FieldError {
        FieldError { field: field.to_owned(), rule: None, limit: None, min: None, message: message.to_owned() }
    }
}

impl From<Violation> for FieldError {
    fn from(v: Violation) -> FieldError {
        FieldError { message: v.rule.describe().to_owned(), field: v.field, rule: Some(v.rule), limit: v.limit, min: v.min }
    }
}

/// The whole numbers a field accepts. The rules check values against it,
/// and forms read what was typed with it, so a number field never turns
/// what was typed into something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WholeRange {
    pub min: u64,
    pub max: u64,
}

impl WholeRange {
    pub const fn new(min: u64, max: u64) -> WholeRange {
        WholeRange { min, max }
    }

    pub fn contains(self, value: u64) -> bool {
        (self.min..=self.max).contains(&value)
    }

    /// `value` at `field`, if it is outside the range.
    pub fn check(self, field: &str, value: u64) -> Option<Violation> {
        (!self.contains(value)).then(|| self.violation(field))
    }

    /// What a person typed at `field`, as a number in the range: empty is
    /// `required`; anything but a whole number in the range (negative,
    /// fractional, too large, not a number) is `out_of_range`, naming the
    /// range. Spaces and the digit grouping people type (`1.500.000`,
    /// `1,500,000`, `1 500 000`) are accepted.
    pub fn read(self, field: &str, typed: &str) -> Result<u64, Violation> {
        let typed = typed.trim();
        if typed.is_empty() {
            return Err(Violation::new(field, Rule::Required, None));
        }
        let digits: String = typed.chars().filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{A0}')).collect();
        let grouped = typed.chars().filter(|c| matches!(c, '.' | ',')).count() == 0 || is_grouped(typed);
        match digits.parse::<u64>() {
            Ok(value) if grouped && self.contains(value) && digits.chars().all(|c| c.is_ascii_digit()) => Ok(value),
            _ => Err(self.violation(field)),
        }
    }

    fn violation(self, field: &str) -> Violation {
        Violation::out_of_range(field, self.min, self.max)
    }
}

/// Whether dots or commas in `typed` group digits by threes (`1.500.000`),
/// rather than mark a fraction (`1.5`).
fn is_grouped(typed: &str) -> bool {
    let mut groups = typed.split(['.', ',']);
    let first = groups.next().unwrap_or_default().trim();
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_rule_travels_with_its_english_sentence() {
        let error = FieldError::from(Violation::new("lines[0].quantity", Rule::Quota, Some(2)));
        assert_eq!(
            error,
            FieldError { field: "lines[0].quantity".into(), rule: Some(Rule::Quota), limit: Some(2), min: None, message: Rule::Quota.describe().into() }
        );
    }

    #[test]
    fn an_unreadable_field_has_only_a_message() {
        let error = FieldError::unreadable("email", "email must not be empty");
        assert_eq!((error.rule, error.limit, error.message.as_str()), (None, None, "email must not be empty"));
    }

    #[test]
    fn a_typed_number_is_read_as_typed_or_refused_with_the_range() {
        let stock = WholeRange::new(0, 1_000_000);
        let refused = |typed: &str| stock.read("stock", typed).unwrap_err();
        assert_eq!(stock.read("stock", " 1.500 "), Ok(1_500));
        assert_eq!(stock.read("stock", "1,000,000"), Ok(1_000_000));
        assert_eq!(stock.read("stock", "0"), Ok(0));
        assert_eq!(refused(""), Violation::new("stock", Rule::Required, None));
        let range = Violation { min: Some(0), ..Violation::new("stock", Rule::OutOfRange, Some(1_000_000)) };
        for typed in ["99999999999", "-5", "1.5", "12,34", "abc", "1e3", "99999999999999999999999"] {
            assert_eq!(refused(typed), range, "{typed}");
        }
        assert_eq!(WholeRange::new(1, 99).check("monthly_quota", 0).map(|v| (v.min, v.limit)), Some((Some(1), Some(99))));
        assert_eq!(WholeRange::new(1, 99).check("monthly_quota", 99), None);
    }
}
