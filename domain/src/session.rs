//! Signing in.

use crate::common::{Rule, Violation};
use serde::{Deserialize, Serialize};

/// Email and password, as the sign-in form sends them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    pub email: String,
    pub password: String,
}

/// The longest an email address can be (RFC 5321): anything longer names
/// no account, and is refused before it is looked up or remembered.
pub const MAX_EMAIL_LENGTH: usize = 254;

impl Credentials {
    /// What is wrong with the request itself, whoever it names.
    pub fn violations(&self) -> Vec<Violation> {
        let email = self.email.trim();
        if email.is_empty() {
            vec![Violation::new("email", Rule::Required, None)]
        } else if email.chars().count() > MAX_EMAIL_LENGTH {
            vec![Violation::new("email", Rule::TooLong, Some(MAX_EMAIL_LENGTH as u64))]
        } else {
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Credentials, MAX_EMAIL_LENGTH};
    use crate::common::Rule;

    fn rules(email: &str) -> Vec<(Rule, Option<u64>)> {
        Credentials { email: email.into(), password: "x".into() }.violations().into_iter().map(|v| (v.rule, v.limit)).collect()
    }

    #[test]
    fn an_email_is_required_and_at_most_254_characters() {
        assert_eq!(rules("  "), [(Rule::Required, None)]);
        assert_eq!(rules(&format!("{}@noibo.example", "a".repeat(MAX_EMAIL_LENGTH - 14))), []);
        assert_eq!(rules(&format!("{}@noibo.example", "a".repeat(MAX_EMAIL_LENGTH - 13))), [(Rule::TooLong, Some(254))]);
    }
}
