//! One folder per portal: its router (merged into the API by one line in
//! `app.rs`), its handlers, its own state and its SQL. A portal imports the
//! shared modules (`state`, `extract`, `db`, `problem`, `auth`); nothing
//! shared imports a portal but `app.rs` (its router) and `seed.rs` (its demo
//! data).

pub mod benefits;
pub mod feedback;
pub mod store;
pub mod training;
