//! What the demo backend keeps in browser storage, versioned so that a
//! stale or damaged copy is migrated or reset with a notice, never a crash.

use domain::store::Shop;
use domain::MemberId;
use serde::{Deserialize, Serialize};

pub const STORAGE_KEY: &str = "noibo.demo";

/// Bump when `DemoData` changes shape, and teach [`migrate`] the old one.
pub const SCHEMA_VERSION: u32 = 2;

/// The demo backend's mutable state. Reference data (the company) is not
/// stored: it comes from `domain::seed` on every start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoData {
    pub session: Option<MemberId>,
    /// Products, orders, reviews and the allowance policy.
    pub shop: Shop,
}

impl Default for DemoData {
    fn default() -> DemoData {
        DemoData { session: None, shop: domain::seed::demo_shop() }
    }
}

/// Version 1 knew only the session; it keeps it and gets a fresh store.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoDataV1 {
    session: Option<MemberId>,
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
        1 => {
            let old: DemoDataV1 = serde_json::from_value(data).map_err(|_| StoreNotice::Corrupt)?;
            Ok(DemoData { session: old.session, ..DemoData::default() })
        }
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
    fn a_saved_session_and_store_survive_a_reload() {
        let mut data = DemoData { session: Some(MemberId(7)), ..DemoData::default() };
        data.shop.products[0].stock = 3;
        assert_eq!(load(Some(&save(&data))), (data, None));
    }

    #[test]
    fn a_session_saved_by_the_previous_version_is_kept() {
        let raw = r#"{"version":1,"data":{"session":3}}"#;
        assert_eq!(load(Some(raw)), (DemoData { session: Some(MemberId(3)), ..DemoData::default() }, None));
    }

    #[test]
    fn damaged_storage_is_reset_with_a_notice() {
        for raw in ["", "not json", "{\"version\":2}", "{\"version\":1,\"data\":{\"session\":\"x\"}}", "{\"version\":2,\"data\":{\"session\":1}}", "[1,2]"] {
            assert_eq!(load(Some(raw)), (DemoData::default(), Some(StoreNotice::Corrupt)), "{raw:?}");
        }
    }

    #[test]
    fn data_from_an_unknown_version_is_reset_with_a_notice() {
        let raw = r#"{"version":99,"data":{"session":3,"carts":[]}}"#;
        assert_eq!(load(Some(raw)), (DemoData::default(), Some(StoreNotice::Incompatible { found: 99 })));
    }
}
