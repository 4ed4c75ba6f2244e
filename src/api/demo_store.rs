//! What the demo backend keeps in browser storage, versioned so that a
//! stale or damaged copy is migrated or reset with a notice, never a crash.

use domain::MemberId;
use serde::{Deserialize, Serialize};

pub const STORAGE_KEY: &str = "noibo.demo";

/// Bump when `DemoData` changes shape, and teach [`migrate`] the old one.
pub const SCHEMA_VERSION: u32 = 1;

/// The demo backend's mutable state. Reference data (the company) is not
/// stored: it comes from `domain::seed` on every start.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoData {
    pub session: Option<MemberId>,
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    version: u32,
    data: serde_json::Value,
}

/// Why stored data was thrown away; the app tells the member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreNotice {
    /// Not readable at all (edited by hand, truncated, another app's data).
    Corrupt,
    /// Written by a version of the app this one cannot read.
    Incompatible { found: u32 },
}

/// Reads stored data; `None` (nothing stored) is a fresh start, not an error.
pub fn load(raw: Option<&str>) -> (DemoData, Option<StoreNotice>) {
    let Some(raw) = raw else { return (DemoData::default(), None) };
    let Ok(envelope) = serde_json::from_str::<Envelope>(raw) else {
        return (DemoData::default(), Some(StoreNotice::Corrupt));
    };
    match migrate(envelope.version, envelope.data) {
        Ok(data) => (data, None),
        Err(notice) => (DemoData::default(), Some(notice)),
    }
}

/// Brings data of any readable version up to [`SCHEMA_VERSION`].
fn migrate(version: u32, data: serde_json::Value) -> Result<DemoData, StoreNotice> {
    match version {
        SCHEMA_VERSION => serde_json::from_value(data).map_err(|_| StoreNotice::Corrupt),
        found => Err(StoreNotice::Incompatible { found }),
    }
}

pub fn save(data: &DemoData) -> String {
    let envelope = Envelope { version: SCHEMA_VERSION, data: serde_json::to_value(data).expect("DemoData is plain data") };
    serde_json::to_string(&envelope).expect("plain JSON")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_visit_starts_fresh_without_a_notice() {
        assert_eq!(load(None), (DemoData::default(), None));
    }

    #[test]
    fn a_saved_session_survives_a_reload() {
        let data = DemoData { session: Some(MemberId(7)) };
        assert_eq!(load(Some(&save(&data))), (data, None));
    }

    #[test]
    fn damaged_storage_is_reset_with_a_notice() {
        for raw in ["", "not json", "{\"version\":1}", "{\"version\":1,\"data\":{\"session\":\"x\"}}", "[1,2]"] {
            assert_eq!(load(Some(raw)), (DemoData::default(), Some(StoreNotice::Corrupt)), "{raw:?}");
        }
    }

    #[test]
    fn data_from_an_unknown_version_is_reset_with_a_notice() {
        let raw = r#"{"version":99,"data":{"session":3,"carts":[]}}"#;
        assert_eq!(load(Some(raw)), (DemoData::default(), Some(StoreNotice::Incompatible { found: 99 })));
    }
}
