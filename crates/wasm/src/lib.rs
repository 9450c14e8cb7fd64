//! livetrust-wasm: the npm package `livetrust`, a thin wasm-bindgen shell over `livetrust-core`.
//!
//! Every exported function follows one shape: take a `Ts<Input>` (typed in the generated `.d.ts`),
//! convert it to the core's Rust type, call the core, and hand back a `Ts<Output>`. Any failure
//! leaves through [`error::to_js`], the single conversion from core errors to JavaScript, so a
//! caller always gets a thrown `LivetrustError` with `kind`, `field` and `reason` and never a panic
//! (which would kill the module for the whole page).

mod error;

use livetrust_core::peer_tier::{self, PeerComparison, PeerPlacement};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

pub use error::to_js as error_to_js;

/// The version of the livetrust package, as in its Cargo.toml.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Places a merchant's 0–100 score among its category peers: tier and "better than x% of peers".
///
/// Throws a `LivetrustError` naming the offending field for bad input (NaN, out of range, no peers,
/// inconsistent cut-offs, unknown keys).
#[wasm_bindgen(js_name = placeAgainstPeers)]
pub fn place_against_peers(input: Ts<PeerComparison>) -> Result<Ts<PeerPlacement>, JsValue> {
    let input = error::input(input.to_rust())?;
    let placement = peer_tier::place_against_peers(&input).map_err(error::to_js)?;
    error::output(placement.into_ts())
}
