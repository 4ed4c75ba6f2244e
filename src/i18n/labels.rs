//! Shared enums and rules as the member reads them.

use super::format::{money, number};
use super::Key;
use domain::common::{FieldError, Rule};
use domain::{EmploymentType, Lang, Role};

pub fn employment_type_key(kind: EmploymentType) -> Key {
    match kind {
        EmploymentType::FullTime => Key::EmploymentFullTime,
        EmploymentType::PartTime => Key::EmploymentPartTime,
        EmploymentType::Seasonal => Key::EmploymentSeasonal,
        EmploymentType::Collaborator => Key::EmploymentCollaborator,
        EmploymentType::PartnerSupplier => Key::EmploymentPartnerSupplier,
    }
}

/// The people on a contract, as a noun: "only for full-time staff".
pub fn employment_people_key(kind: EmploymentType) -> Key {
    match kind {
        EmploymentType::FullTime => Key::EmploymentPeopleFullTime,
        EmploymentType::PartTime => Key::EmploymentPeoplePartTime,
        EmploymentType::Seasonal => Key::EmploymentPeopleSeasonal,
        EmploymentType::Collaborator => Key::EmploymentPeopleCollaborator,
        EmploymentType::PartnerSupplier => Key::EmploymentPeoplePartnerSupplier,
    }
}

pub fn role_key(role: Role) -> Key {
    match role {
        Role::Member => Key::RoleMember,
        Role::Manager => Key::RoleManager,
        Role::Hr => Key::RoleHr,
    }
}

/// A number of half days as days in `lang` ("1,5" in Vietnamese).
pub fn half_days(halves: u64, lang: Lang) -> String {
    let days = domain::benefits::HalfDays(halves as i64).to_string();
    match lang {
        Lang::Vi => days.replace('.', ","),
        Lang::En => days,
    }
}

/// A broken rule as a sentence in `lang`, with its number filled in.
pub fn rule_message(error: &FieldError, lang: Lang) -> String {
    let Some(rule) = error.rule else { return error.message.clone() };
    let limit = error.limit.unwrap_or_default();
    let (key, limit) = match rule {
        Rule::Allowance => (Key::StoreRuleAllowance, money(limit, lang)),
        Rule::AboveMarketPrice => (Key::StoreRuleAboveMarketPrice, money(limit, lang)),
        Rule::Quota => (Key::StoreRuleQuota, limit.to_string()),
        Rule::Stock => (Key::StoreRuleStock, limit.to_string()),
        Rule::Eligibility => (Key::StoreRuleEligibility, String::new()),
        Rule::Quantity => (Key::StoreRuleQuantity, limit.to_string()),
        Rule::UnknownProduct => (Key::StoreRuleUnknownProduct, String::new()),
        Rule::UnknownSite => (Key::StoreRuleUnknownSite, String::new()),
        Rule::EmptyOrder => (Key::StoreRuleEmptyOrder, String::new()),
        Rule::Required => (Key::StoreRuleRequired, String::new()),
        Rule::OutOfRange => match error.min {
            Some(min) => return super::fill(Key::StoreRuleRange, lang, &[("min", &number(min, lang)), ("limit", &number(limit, lang))]),
            None => (Key::StoreRuleOutOfRange, String::new()),
        },
        Rule::TooLong => (Key::StoreRuleTooLong, limit.to_string()),
        Rule::Transition => (Key::StoreRuleTransition, String::new()),
        Rule::NotCollected => (Key::StoreRuleNotCollected, String::new()),
        Rule::KeyReused => (Key::StoreRuleKeyReused, String::new()),
        Rule::UnknownLeaveType => (Key::LeaveRuleUnknownLeaveType, String::new()),
        Rule::UnknownMember => (Key::LeaveRuleUnknownMember, String::new()),
        Rule::EndsBeforeStart => (Key::LeaveRuleEndsBeforeStart, String::new()),
        Rule::TooFarBack => (Key::LeaveRuleTooFarBack, limit.to_string()),
        Rule::TooFarAhead => (Key::LeaveRuleTooFarAhead, String::new()),
        Rule::AcrossYears => (Key::LeaveRuleAcrossYears, String::new()),
        Rule::NoWorkingDays => (Key::LeaveRuleNoWorkingDays, String::new()),
        Rule::Overlap => (Key::LeaveRuleOverlap, String::new()),
        Rule::LeaveBalance => (Key::LeaveRuleLeaveBalance, half_days(limit, lang)),
        Rule::PerOccasion => (Key::LeaveRulePerOccasion, half_days(limit, lang)),
        Rule::LeaveBegun => (Key::LeaveRuleLeaveBegun, String::new()),
        Rule::AlreadyDecided => (Key::LeaveRuleAlreadyDecided, String::new()),
        Rule::DelegateSelf => (Key::LeaveRuleDelegateSelf, String::new()),
        Rule::CarryOverAnnualOnly => (Key::LeaveRuleCarryOverAnnualOnly, String::new()),
        Rule::HolidayCount => (Key::LeaveRuleHolidayCount, limit.to_string()),
    };
    super::fill(key, lang, &[("limit", &limit)])
}
