//! Browser persistence: what the demo backend keeps in local storage, one
//! versioned envelope per part (the session, then each portal's data under
//! its own key), so that a stale or damaged part is migrated or reset on its
//! own, with a notice, never a crash.

use crate::i18n::Key;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The local storage key of a portal's demo data: `noibo.demo.<portal>`.
pub fn portal_key(portal: &str) -> String {
    format!("noibo.demo.{portal}")
}

/// What a stored part holds, with the version it was written at.
#[derive(Deserialize)]
struct Envelope {
    version: u32,
    data: Value,
}

/// [`Envelope`] as written: the data serialized straight into the text,
/// without building a [`Value`] first (less code in the first load).
#[derive(Serialize)]
struct Sealed<'a, T: ?Sized> {
    version: u32,
    data: &'a T,
}

/// Why stored data was thrown away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not readable at all (edited by hand, truncated, another app's data).
    Corrupt,
    /// Written by a version of the app this one cannot read.
    Incompatible { found: u32 },
}

/// Which stored part was reset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredPart {
    /// Who is signed in: the member signs in again.
    Session,
    /// One portal's data, named by a translated text ("Store data").
    Portal(Key),
}

/// A part of the stored data that had to be reset, for the member to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageNotice {
    pub part: StoredPart,
    pub problem: Problem,
}

/// Reads a stored envelope: `Ok(None)` when nothing is stored (a fresh
/// start, not an error), else its version and data as stored.
pub fn open(raw: Option<&str>) -> Result<Option<(u32, Value)>, Problem> {
    let Some(raw) = raw else { return Ok(None) };
    let envelope = serde_json::from_str::<Envelope>(raw).map_err(|_| Problem::Corrupt)?;
    Ok(Some((envelope.version, envelope.data)))
}

/// Reads stored data of exactly `version`; any other version is
/// [`Problem::Incompatible`] (a part with older versions to migrate matches
/// on the version from [`open`] itself).
pub fn read<T: DeserializeOwned>(raw: Option<&str>, version: u32) -> Result<Option<T>, Problem> {
    match open(raw)? {
        None => Ok(None),
        Some((found, data)) if found == version => decode(data).map(Some),
        Some((found, _)) => Err(Problem::Incompatible { found }),
    }
}

/// Stored data as `T`, or [`Problem::Corrupt`].
pub fn decode<T: DeserializeOwned>(data: Value) -> Result<T, Problem> {
    T::deserialize(data).map_err(|_| Problem::Corrupt)
}

/// The envelope to store `data` in, at `version`.
pub fn seal(version: u32, data: &(impl Serialize + ?Sized)) -> String {
    serde_json::to_string(&Sealed { version, data }).expect("stored data is plain data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_stored_is_a_fresh_start() {
        assert_eq!(read::<u32>(None, 1), Ok(None));
    }

    #[test]
    fn what_is_sealed_reads_back() {
        assert_eq!(read::<Vec<u32>>(Some(&seal(4, &vec![1, 2])), 4), Ok(Some(vec![1, 2])));
    }

    #[test]
    fn damaged_or_foreign_data_says_why() {
        for raw in ["", "not json", "{\"version\":1}", "[1,2]", "{\"version\":1,\"data\":\"x\"}"] {
            assert_eq!(read::<Vec<u32>>(Some(raw), 1), Err(Problem::Corrupt), "{raw:?}");
        }
        assert_eq!(read::<u32>(Some(&seal(9, &1)), 1), Err(Problem::Incompatible { found: 9 }));
    }

    #[test]
    fn each_portal_has_its_own_key() {
        assert_eq!(portal_key("store"), "noibo.demo.store");
    }
}
