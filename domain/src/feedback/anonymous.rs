//! What anonymous items are known by: random ids (never a sequence that
//! follows arrival), and the secret that opens a conversation, of which
//! the backend keeps only a hash. Callers bring the random bytes (the
//! server's and the browser's own generators), so rules stay pure.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// A random id: 128 bits as 32 lowercase hex digits. Sorting by it is an
/// order unrelated to arrival.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AnonymousId(String);

impl AnonymousId {
    pub fn from_random(bytes: [u8; 16]) -> AnonymousId {
        AnonymousId(hex(&bytes))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for AnonymousId {
    type Error = String;
    fn try_from(text: String) -> Result<AnonymousId, String> {
        if text.len() == 32 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            Ok(AnonymousId(text))
        } else {
            Err("an id is 32 lowercase hexadecimal digits".to_owned())
        }
    }
}

impl From<AnonymousId> for String {
    fn from(id: AnonymousId) -> String {
        id.0
    }
}

impl fmt::Display for AnonymousId {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The secret that opens one conversation. Only the member's browser holds
/// it; written out, it is the recovery code that opens the conversation on
/// another device.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ThreadKey([u8; KEY_BYTES]);

const KEY_BYTES: usize = 16;
/// Crockford's base32: no I, L, O or U, so a code read aloud or copied by
/// hand survives (`i`/`l` are read as 1, `o` as 0).
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_CHARS: usize = 26;

impl ThreadKey {
    pub fn from_random(bytes: [u8; KEY_BYTES]) -> ThreadKey {
        ThreadKey(bytes)
    }

    /// The recovery code: 26 characters in groups of four or five
    /// (`7K3Q-MX2A-…`), case and dashes optional when typed back.
    pub fn recovery_code(&self) -> String {
        let mut bits: u128 = u128::from_be_bytes(self.0);
        let mut chars = [0u8; CODE_CHARS];
        // 26 × 5 = 130 bits: the first character carries the top 3 bits.
        for slot in chars.iter_mut().rev() {
            *slot = ALPHABET[(bits & 31) as usize];
            bits >>= 5;
        }
        let code = String::from_utf8(chars.to_vec()).expect("ASCII");
        let mut grouped = String::new();
        for (i, group) in [0..5, 5..9, 9..13, 13..17, 17..21, 21..26].into_iter().enumerate() {
            if i > 0 {
                grouped.push('-');
            }
            grouped.push_str(&code[group]);
        }
        grouped
    }

    /// Reads a recovery code as people type it back, or `None`.
    pub fn from_recovery_code(typed: &str) -> Option<ThreadKey> {
        let mut value: u128 = 0;
        let mut count = 0;
        for c in typed.chars().filter(|c| !matches!(c, '-' | ' ')) {
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            let digit = ALPHABET.iter().position(|&a| a as char == c)? as u128;
            if count == 0 && digit > 7 {
                return None;
            }
            value = (value << 5) | digit;
            count += 1;
        }
        (count == CODE_CHARS).then(|| ThreadKey(value.to_be_bytes()))
    }

    /// What the backend keeps to recognise the key, and all it keeps.
    pub fn access(&self) -> AccessHash {
        let mut hasher = Sha256::new();
        hasher.update(b"noibo-thread-v1:");
        hasher.update(self.0);
        AccessHash(hex(&hasher.finalize()))
    }
}

impl fmt::Debug for ThreadKey {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("ThreadKey(…)")
    }
}

impl Serialize for ThreadKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.recovery_code())
    }
}

impl<'de> Deserialize<'de> for ThreadKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<ThreadKey, D::Error> {
        let text = String::deserialize(deserializer)?;
        ThreadKey::from_recovery_code(&text).ok_or_else(|| serde::de::Error::custom("not a recovery code"))
    }
}

/// A SHA-256 of a conversation's key, hex: it recognises the key and
/// cannot give it back.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AccessHash(pub String);

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
