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

thread_local! {
    /// What each loaded portal module says of its own rules.
    static PORTAL_RULES: std::cell::RefCell<Vec<RuleMessage>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A portal's sentences for its own rules: `None` for a rule not its own.
pub type RuleMessage = fn(&FieldError, Lang) -> Option<String>;

/// Lets [`rule_message`] say a portal's rules; its module calls this as it
/// loads (the texts are in the module, not the first load).
pub fn register_rule_messages(message: RuleMessage) {
    PORTAL_RULES.with(|found| {
        let mut found = found.borrow_mut();
        if !found.iter().any(|m| std::ptr::fn_addr_eq(*m, message)) {
            found.push(message);
        }
    });
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
        // The others are a portal's own, with texts in its module.
        _ => return PORTAL_RULES.with(|found| found.borrow().iter().find_map(|message| message(error, lang))).unwrap_or_else(|| error.message.clone()),
    };
    super::fill(key, lang, &[("limit", &limit)])
}
