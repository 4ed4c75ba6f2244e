//! Nội bộ — the portal for a company's internal customers.
//!
//! `main.rs` mounts [`app::App`]; the library form lets component tests
//! mount pieces of it in a real browser.

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod crash;
pub mod i18n;
pub mod pages;
pub mod portals;
pub mod session;
pub mod storage;
