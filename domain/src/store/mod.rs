//! The internal store: the company's own products at internal prices,
//! bought against a yearly allowance and monthly quotas.

pub mod allowance;
pub mod cart;
pub mod csv;
pub mod order;
pub mod product;
pub mod review;
pub mod rule;
pub mod search;
pub mod shop;

pub use allowance::{Allowance, AllowancePolicy, SegmentAllowance};
pub use cart::{CartChange, CartLine};
pub use order::{Actor, LineRequest, Order, OrderId, OrderLine, OrderRequest, OrderStatus, StatusChange};
pub use product::{Category, Listing, Page, Product, ProductDetail, ProductDraft, ProductId, ProductPatch, ProductQuery, RatingSummary, Sort, Vnd};
pub use review::{Review, ReviewDraft};
pub use rule::{Rule, Violation};
pub use search::Catalogue;
pub use shop::{OrderFilter, Shop, StatusRequest, StoreError};
