//! The reference backend of Nội bộ. Every rule comes from `domain`; this
//! crate stores facts in SQL, authenticates, and speaks `api/openapi.yaml`.

pub mod auth;
pub mod catalogue;
pub mod cli;
pub mod problem;
pub mod routes;
pub mod shop;
pub mod static_site;
pub mod store;
pub mod store_routes;

pub use routes::{app, AppState};
