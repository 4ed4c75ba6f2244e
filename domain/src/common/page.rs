//! Paging: any list a portal shows a page at a time.

use crate::common::violation::{Rule, Violation};
use serde::{Deserialize, Serialize};

/// The most items a page may ask for.
pub const MAX_PER_PAGE: u32 = 100;

/// One page of a list and how many items the whole list has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u32,
}

impl<T> Page<T> {
    /// Page `page` (from 1) of `all`, `per_page` items a page.
    pub fn of(all: impl ExactSizeIterator<Item = T>, page: u32, per_page: u32) -> Page<T> {
        let total = all.len() as u32;
        let skip = (page.saturating_sub(1) as usize).saturating_mul(per_page as usize);
        Page { items: all.skip(skip).take(per_page as usize).collect(), total }
    }
}

/// Out-of-range paging, named by field: pages count from 1, and a page
/// holds 1 to [`MAX_PER_PAGE`] items.
pub fn paging_violations(page: u32, per_page: u32) -> Vec<Violation> {
    let mut found = Vec::new();
    if page == 0 {
        found.push(Violation::new("page", Rule::OutOfRange, None));
    }
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        found.push(Violation::new("per_page", Rule::OutOfRange, Some(u64::from(MAX_PER_PAGE))));
    }
    found
}
