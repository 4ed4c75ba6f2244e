//! The internal store: the company's own products at internal prices,
//! bought against a yearly allowance and monthly quotas.

pub mod allowance;
pub mod cart;
pub mod csv;
pub mod order;
pub mod product;
pub mod review;
pub mod search;
pub mod shop;
pub mod use_cases;

pub use allowance::{Allowance, AllowancePolicy, SegmentAllowance};
pub use cart::{CartChange, CartLine};
pub use order::{Actor, LineRequest, Order, OrderFilter, OrderId, OrderLine, OrderRequest, OrderStatus, StatusChange, StatusRequest};
pub use product::{Category, Listing, Product, ProductDetail, ProductDraft, ProductId, ProductPatch, ProductQuery, RatingSummary, Sort, Vnd};
pub use review::{Review, ReviewDraft};
pub use search::Catalogue;
pub use shop::Shop;
pub use use_cases::{OrderDecision, OrderPlacement, Shopper, StatusDecision, StoreError};
