//! Signing in.

use serde::{Deserialize, Serialize};

/// Email and password, as the sign-in form sends them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    pub email: String,
    pub password: String,
}
