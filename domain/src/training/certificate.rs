//! Certificates: issued when a course is complete, under a code anyone can
//! type into the public verification page. A course that needs renewal
//! gives certificates that expire; home warns [`WARN_DAYS`] before.

use crate::date::{Date, Timestamp};
use crate::member::{LocalizedText, MemberId};
use crate::training::course::CourseId;
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Home warns this many days before a certificate expires.
pub const WARN_DAYS: i64 = 30;

/// Crockford's base32: digits and capitals without I, L, O and U, so a
/// code read aloud or copied by hand survives.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS: usize = 3;
const GROUP_LEN: usize = 4;

/// A certificate's code: 60 random bits as three groups of four base32
/// characters (`7KQ2-M9XD-4HRT`), always stored in this form.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CertificateCode(String);

impl CertificateCode {
    /// A fresh code from `rng`. Codes are unique by chance (2^60 of them);
    /// the store still refuses a duplicate and draws again.
    pub fn generate(rng: &mut (impl RngCore + CryptoRng)) -> CertificateCode {
        let mut bits = rng.next_u64();
        let mut chars = String::with_capacity(GROUPS * (GROUP_LEN + 1));
        for i in 0..GROUPS * GROUP_LEN {
            if i > 0 && i % GROUP_LEN == 0 {
                chars.push('-');
            }
            chars.push(ALPHABET[(bits & 31) as usize] as char);
            bits >>= 5;
        }
        CertificateCode(chars)
    }

    /// A code as someone typed it: any case, with or without dashes and
    /// spaces, O read as 0 and I or L as 1.
    pub fn parse(typed: &str) -> Option<CertificateCode> {
        let mut symbols = String::new();
        for c in typed.chars().filter(|c| !matches!(c, '-' | ' ')) {
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
                return None;
            }
            symbols.push(c);
        }
        if symbols.len() != GROUPS * GROUP_LEN {
            return None;
        }
        let groups: Vec<&str> = (0..GROUPS).map(|g| &symbols[g * GROUP_LEN..(g + 1) * GROUP_LEN]).collect();
        Some(CertificateCode(groups.join("-")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CertificateCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for CertificateCode {
    type Error = &'static str;
    fn try_from(text: String) -> Result<CertificateCode, &'static str> {
        CertificateCode::parse(&text).ok_or("a certificate code is three groups of four letters and digits")
    }
}

impl From<CertificateCode> for String {
    fn from(code: CertificateCode) -> String {
        code.0
    }
}

/// Why and by whom a certificate was revoked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revocation {
    pub at: Timestamp,
    pub by: MemberId,
    pub reason: String,
}

/// A certificate as issued: the member's name and the course's title as
/// they were then, so the certificate reads the same later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    pub code: CertificateCode,
    pub member: MemberId,
    pub member_name: String,
    pub course: CourseId,
    pub course_title: LocalizedText,
    pub issued_at: Timestamp,
    /// The first day it no longer holds (`None`: it never expires).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked: Option<Revocation>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateStatus {
    Valid,
    Expired,
    Revoked,
}

impl Certificate {
    pub fn status(&self, now: Timestamp) -> CertificateStatus {
        match (&self.revoked, self.expires_on) {
            (Some(_), _) => CertificateStatus::Revoked,
            (None, Some(expiry)) if now.date() >= expiry => CertificateStatus::Expired,
            _ => CertificateStatus::Valid,
        }
    }

    /// Days until it expires, when that is within [`WARN_DAYS`] and it is
    /// still valid: home's warning.
    pub fn expires_within_warning(&self, now: Timestamp) -> Option<i64> {
        let left = self.expires_on?.days_since_epoch() - now.date().days_since_epoch();
        (self.status(now) == CertificateStatus::Valid && left <= WARN_DAYS).then_some(left)
    }

    /// Whether it stands for its course now: valid, and not yet due for
    /// renewal (a certificate in its warning window may be renewed).
    pub fn stands(&self, now: Timestamp) -> bool {
        self.status(now) == CertificateStatus::Valid && self.expires_within_warning(now).is_none()
    }

    /// What the public verification page shows: nothing else about the person.
    pub fn check(&self, now: Timestamp) -> CertificateCheck {
        CertificateCheck { name: self.member_name.clone(), course: self.course_title.clone(), issued_on: self.issued_at.date(), status: self.status(now) }
    }
}

/// The public answer for a code: the name, the course, the date and the
/// status, and nothing more.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateCheck {
    pub name: String,
    pub course: LocalizedText,
    pub issued_on: Date,
    pub status: CertificateStatus,
}

/// The day `months` calendar months after `day`, clamped to the end of a
/// shorter month (31 January + 1 month = 28 or 29 February).
pub fn months_after(day: Date, months: u32) -> Date {
    let index = day.year() * 12 + i32::from(day.month()) - 1 + months as i32;
    let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
    (1..=day.day()).rev().find_map(|d| Date::new(year, month, d)).expect("every month has a first day")
}
