//! What the demo backend keeps in browser storage, versioned so that a
//! stale or damaged copy is migrated or reset with a notice, never a crash.

use domain::store::Shop;
use domain::MemberId;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const STORAGE_KEY: &str = "noibo.demo";

/// Bump when `DemoData` changes shape, and teach [`migrate`] the old one.
pub const SCHEMA_VERSION: u32 = 2;

/// The demo backend's mutable state. Reference data (the company) is not
/// stored: it comes from `domain::seed` on every start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoData {
    pub session: Option<MemberId>,
    /// Products, orders, reviews and the allowance policy, as stored: only
    /// the store portal reads it (see [`read_shop`]), so the app starts
    /// without the shop's code. `null` is the demo company's shop.
    pub shop: Value,
}

impl Default for DemoData {
    fn default() -> DemoData {
        DemoData { session: None, shop: Value::Null }
    }
}

/// The shop in stored data.
pub fn read_shop(stored: &Value) -> Result<Shop, StoreNotice> {
    match stored {
        Value::Null => Ok(domain::seed::demo_shop()),
        stored => Shop::deserialize(stored).map_err(|_| StoreNotice::Corrupt),
    }
}

pub fn write_shop(shop: &Shop) -> Value {
    serde_json::to_value(shop).expect("the shop is plain data")
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
        let mut shop = domain::seed::demo_shop();
        shop.products[0].stock = 3;
        let data = DemoData { session: Some(MemberId(7)), shop: write_shop(&shop) };
        let (loaded, notice) = load(Some(&save(&data)));
        assert_eq!((&loaded, notice), (&data, None));
        assert_eq!(read_shop(&loaded.shop), Ok(shop));
    }

    #[test]
    fn a_fresh_start_opens_the_demo_company_shop() {
        assert_eq!(read_shop(&DemoData::default().shop), Ok(domain::seed::demo_shop()));
    }

    #[test]
    fn a_damaged_shop_is_found_when_the_store_opens() {
        let raw = r#"{"version":2,"data":{"session":3,"shop":{"products":"none"}}}"#;
        let (data, notice) = load(Some(raw));
        assert_eq!((data.session, notice), (Some(MemberId(3)), None), "the session survives");
        assert_eq!(read_shop(&data.shop), Err(StoreNotice::Corrupt));
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
