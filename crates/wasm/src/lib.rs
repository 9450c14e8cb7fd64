//! livetrust-wasm: the npm package `livetrust`, a thin wasm-bindgen shell over `livetrust-core`.
//!
//! Every exported function follows one shape: take a `Ts<Input>` (typed in the generated `.d.ts`),
//! convert it to the core's Rust type, call the core, and hand back a `Ts<Output>`. Any failure
//! leaves through [`error::to_js`], the single conversion from core errors to JavaScript, so a
//! caller always gets a thrown `LivetrustError` with `kind`, `field` and `reason` and never a panic
//! (which would kill the module for the whole page).

mod error;

use livetrust_core::import::{self, ImportOptions, ImportReport, InputFile};
use livetrust_core::peer_tier::{self, PeerComparison, PeerPlacement};
use serde::Deserialize;
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

/// Input of [`validate`]: the files of a dataset, as a browser has them after a file picker or a
/// drop (`new Uint8Array(await file.arrayBuffer())`). Nothing leaves the page.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValidateInput {
    pub files: Vec<ValidateFile>,
    /// List at most this many problems (all are counted); 1000 when absent.
    #[serde(default)]
    #[tsify(optional)]
    pub max_problems: Option<u32>,
}

/// One file. Its name says the table and format: `orders.ndjson`, `merchants.csv`,
/// `reviews.json` (an array), or any other `.json` name for a whole dataset object.
#[derive(Debug, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValidateFile {
    pub name: String,
    #[serde(with = "serde_bytes")]
    #[tsify(type = "Uint8Array")]
    pub bytes: Vec<u8>,
}

/// Validates marketplace data files: every problem with file, record, field and reason, and per
/// file the records read, accepted and skipped. The same report as `livetrust validate --json`.
#[wasm_bindgen(js_name = validate)]
pub fn validate(input: Ts<ValidateInput>) -> Result<Ts<ImportReport>, JsValue> {
    let input = error::input(input.to_rust())?;
    let files: Vec<InputFile> = input
        .files
        .into_iter()
        .map(|f| InputFile {
            name: f.name,
            bytes: f.bytes,
        })
        .collect();
    let options = ImportOptions {
        keep_records: false,
        max_problems: input.max_problems.map_or(1_000, |n| n as usize),
    };
    let report = import::import_files(&files, options).report;
    error::output(report.into_ts())
}
