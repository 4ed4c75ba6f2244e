//! Helpers the store specifications share: the demo company and shop,
//! people by email, times on the company clock, and short order requests.
#![allow(dead_code)]

use domain::common::{Rule, Violation};
use domain::store::{LineRequest, OrderRequest, Product, ProductId, Shop, StoreError};
use domain::{Company, Date, Member, SiteId, Timestamp};

pub const HANOI: u32 = 1;
pub const BINH_DUONG: u32 = 2;
pub const SAIGON: u32 = 3;

/// A wall-clock time in Vietnam, written `2026-11-22T10:00:00+07:00`.
pub fn at(local: &str) -> Timestamp {
    local.parse().unwrap_or_else(|e| panic!("{e}"))
}

/// The instant `hh:mm` UTC on `date`, built without the +07:00 parser.
pub fn utc(date: &str, hour: i64, minute: i64) -> Timestamp {
    let day: Date = date.parse().unwrap();
    Timestamp::from_unix_millis(day.days_since_epoch() * 86_400_000 + (hour * 60 + minute) * 60_000)
}

/// "Today" in the demo: a Sunday in November 2026.
pub fn now() -> Timestamp {
    at("2026-11-22T10:00:00+07:00")
}

pub fn person<'a>(company: &'a Company, local_part: &str) -> &'a Member {
    company.member_by_email(&format!("{local_part}@noibo.example")).unwrap_or_else(|| panic!("{local_part} is not in the demo company"))
}

/// An order of `(product id, quantity)` lines, collected at `site`.
pub fn request(lines: &[(u32, i64)], site: u32) -> OrderRequest {
    OrderRequest { lines: lines.iter().map(|&(id, quantity)| LineRequest { product_id: ProductId(id), quantity }).collect(), pickup_site_id: SiteId(site) }
}

pub fn product(shop: &Shop, id: u32) -> &Product {
    shop.product(ProductId(id)).unwrap_or_else(|| panic!("no product {id}"))
}

pub fn stock_of(shop: &Shop, id: u32) -> u32 {
    product(shop, id).stock
}

pub fn violation(field: &str, rule: Rule, limit: Option<u64>) -> Violation {
    Violation::new(field, rule, limit)
}

/// A value outside `min..=max` at `field`.
pub fn out_of_range(field: &str, min: u64, max: u64) -> Violation {
    Violation { min: Some(min), ..violation(field, Rule::OutOfRange, Some(max)) }
}

/// The violations of a refused operation; panics on anything else.
pub fn rejected<T: std::fmt::Debug>(result: Result<T, StoreError>) -> Vec<Violation> {
    match result {
        Err(StoreError::Rejected(violations)) => violations,
        other => panic!("expected a 422 with violations, got {other:?}"),
    }
}
