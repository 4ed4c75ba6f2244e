//! Randomness, passed in like the clock: the crate draws none of its own,
//! so it stays pure, builds for wasm32 and is tested with a seeded generator.

use rand_core::{CryptoRng, RngCore};

/// Randomness an operation needs: a cryptographic generator.
pub trait Random: RngCore + CryptoRng {}
impl<R: RngCore + CryptoRng> Random for R {}
