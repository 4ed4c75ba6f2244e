//! The company's own products, their prices, and the catalogue's search.

use crate::audience::{Audience, Eligibility};
use crate::common::page::paging_violations;
use crate::common::violation::{Rule, Violation, WholeRange};
use crate::member::LocalizedText;
use serde::{Deserialize, Serialize};

/// Money: whole Vietnamese đồng. Never a float.
pub type Vnd = u64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProductId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Food,
    Beverage,
    Household,
    Cosmetics,
}

impl Category {
    pub const ALL: [Category; 4] = [Category::Food, Category::Beverage, Category::Household, Category::Cosmetics];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub id: ProductId,
    pub name: LocalizedText,
    pub description: LocalizedText,
    pub category: Category,
    /// What an outside customer pays.
    pub market_price: Vnd,
    /// What an internal customer pays.
    pub internal_price: Vnd,
    pub stock: u32,
    /// Most units one member may buy in a calendar month.
    pub monthly_quota: u32,
    /// Who may buy it (the one eligibility engine).
    pub audience: Audience,
    /// Hidden products are neither listed nor sold; HR still sees them.
    pub hidden: bool,
}

impl Product {
    /// What a member saves per unit against the market price.
    pub fn saving(&self) -> Vnd {
        self.market_price.saturating_sub(self.internal_price)
    }

    /// The saving as a whole percentage of the market price, rounded down.
    pub fn saving_percent(&self) -> u32 {
        if self.market_price == 0 {
            return 0;
        }
        (u128::from(self.saving()) * 100 / u128::from(self.market_price)) as u32
    }
}

/// What HR sends to create a product, or the whole of one when editing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductDraft {
    pub name: LocalizedText,
    pub description: LocalizedText,
    pub category: Category,
    pub market_price: Vnd,
    pub internal_price: Vnd,
    pub stock: u32,
    pub monthly_quota: u32,
    #[serde(default)]
    pub audience: Audience,
    #[serde(default)]
    pub hidden: bool,
}

/// An HR edit: only the fields present change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<LocalizedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market_price: Option<Vnd>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_price: Option<Vnd>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_quota: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
}

/// Upper bounds that keep HR's typos from becoming absurd products.
pub const MAX_PRICE: Vnd = 1_000_000_000;
pub const MAX_STOCK: u32 = 1_000_000;
pub const MAX_QUOTA: u32 = 99;

/// What HR may enter for a product's prices, stock and monthly quota.
pub const PRICE_RANGE: WholeRange = WholeRange::new(1, MAX_PRICE);
pub const STOCK_RANGE: WholeRange = WholeRange::new(0, MAX_STOCK as u64);
pub const QUOTA_RANGE: WholeRange = WholeRange::new(1, MAX_QUOTA as u64);

impl ProductDraft {
    /// Every field that breaks a rule; empty when the draft is acceptable.
    pub fn violations(&self) -> Vec<Violation> {
        let mut found = Vec::new();
        let mut check = |ok: bool, field: &str, rule: Rule, limit: Option<u64>| {
            if !ok {
                found.push(Violation::new(field, rule, limit));
            }
        };
        check(!self.name.vi.trim().is_empty(), "name.vi", Rule::Required, None);
        check(!self.name.en.trim().is_empty(), "name.en", Rule::Required, None);
        found.extend(PRICE_RANGE.check("market_price", self.market_price));
        let internal = PRICE_RANGE.check("internal_price", self.internal_price);
        let above_market = (self.internal_price > self.market_price).then(|| Violation::new("internal_price", Rule::AboveMarketPrice, Some(self.market_price)));
        found.extend(internal.or(above_market));
        found.extend(STOCK_RANGE.check("stock", u64::from(self.stock)));
        found.extend(QUOTA_RANGE.check("monthly_quota", u64::from(self.monthly_quota)));
        found
    }

    pub fn into_product(self, id: ProductId) -> Product {
        let ProductDraft { name, description, category, market_price, internal_price, stock, monthly_quota, audience, hidden } = self;
        Product { id, name, description, category, market_price, internal_price, stock, monthly_quota, audience, hidden }
    }
}

impl Product {
    pub fn draft(&self) -> ProductDraft {
        let p = self.clone();
        ProductDraft {
            name: p.name,
            description: p.description,
            category: p.category,
            market_price: p.market_price,
            internal_price: p.internal_price,
            stock: p.stock,
            monthly_quota: p.monthly_quota,
            audience: p.audience,
            hidden: p.hidden,
        }
    }

    /// This product with `patch` applied, or what is wrong with the result.
    pub fn patched(&self, patch: ProductPatch) -> Result<Product, Vec<Violation>> {
        let mut draft = self.draft();
        macro_rules! take {
            ($($field:ident),*) => { $(if let Some(value) = patch.$field { draft.$field = value; })* };
        }
        take!(name, description, category, market_price, internal_price, stock, monthly_quota, audience, hidden);
        let violations = draft.violations();
        if violations.is_empty() {
            Ok(draft.into_product(self.id))
        } else {
            Err(violations)
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Alphabetical in the reader's language, ignoring accents.
    #[default]
    Name,
    /// Cheapest internal price first.
    Price,
    /// Largest saving (percent) first.
    Saving,
}

pub const DEFAULT_PER_PAGE: u32 = 24;

/// The catalogue's query string: `?q=&category=&sort=&page=&per_page=&lang=`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductQuery {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub q: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    pub sort: Sort,
    /// 1-based.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_page: Option<u32>,
    /// Which name to sort by; Vietnamese unless `en`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<crate::member::Lang>,
}

impl ProductQuery {
    pub fn page(&self) -> u32 {
        self.page.unwrap_or(1)
    }
    pub fn per_page(&self) -> u32 {
        self.per_page.unwrap_or(DEFAULT_PER_PAGE)
    }

    /// The same search with its words one space apart. The spacing between
    /// words never changes what a search finds, so a client that asks with
    /// this need not ask again when only the spacing changed.
    pub fn settled(&self) -> ProductQuery {
        ProductQuery { q: self.q.split_whitespace().collect::<Vec<_>>().join(" "), ..self.clone() }
    }

    /// Out-of-range paging, named by field.
    pub fn violations(&self) -> Vec<Violation> {
        let mut found = paging_violations(self.page(), self.per_page());
        if self.q.chars().count() > 100 {
            found.push(Violation::new("q", Rule::TooLong, Some(100)));
        }
        found
    }
}

/// A catalogue row: the product and whether this member may buy it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    pub product: Product,
    pub eligible: bool,
}

/// The product page: everything a member needs to decide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub product: Product,
    pub eligibility: Eligibility,
    /// Units this member may still buy this calendar month.
    pub quota_left: u32,
    pub rating: RatingSummary,
    /// Whether this member has collected it and so may review it.
    pub can_review: bool,
}

/// Average rating in tenths (42 = 4.2 stars) and how many reviews.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingSummary {
    pub count: u32,
    pub average_tenths: u32,
}

impl RatingSummary {
    pub fn of(ratings: impl IntoIterator<Item = u8>) -> RatingSummary {
        let (count, sum) = ratings.into_iter().fold((0u32, 0u32), |(n, s), r| (n + 1, s + u32::from(r)));
        let average_tenths = (sum * 10 + count / 2).checked_div(count).unwrap_or(0);
        RatingSummary { count, average_tenths }
    }
}
