//! The reference backend of Nội bộ. Every rule comes from `domain`; this
//! crate stores facts in SQL, authenticates, and speaks `api/openapi.yaml`.
//!
//! Shared: `state` (what handlers reach), `db` (persistence and its
//! helpers), `extract` (who is asking, ids, bodies; `strict_json` reads
//! bodies), `auth`, `problem`, `seed`, the `shell`'s routes, the `app` that
//! puts it together and `serve`, which accepts connections. Each
//! portal is a folder under `portals/`.

pub mod app;
pub mod auth;
pub mod cli;
pub mod db;
pub mod extract;
pub mod portals;
pub mod problem;
pub mod seed;
pub mod serve;
pub mod shell;
pub mod state;
pub mod static_site;
pub mod strict_json;

pub use app::app;
pub use state::AppState;
