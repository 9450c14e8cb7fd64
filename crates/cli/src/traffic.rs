//! `livetrust leverage`: what a merchant's paid pushes levered in natural exposure and GMV
//! ("1+N", docs/traffic.md), or the same for every merchant with `--market`; and `livetrust
//! traffic`: the trust-weighted natural traffic model and a merchant's what-if.

use std::path::Path;

use livetrust_core::index::{market_index, IndexConfig};
use livetrust_core::leverage::{self, LeverageConfig};
use livetrust_core::traffic::{self as natural, TrafficConfig};

use super::{load, load_records, read_config, read_json_named, Failure};

pub fn leverage(
    data: &Path,
    merchant: Option<&str>,
    config: Option<&Path>,
) -> Result<String, Failure> {
    let config: LeverageConfig = match config {
        Some(path) => read_json_named(path, "config")?,
        None => LeverageConfig::default(),
    };
    let dataset = load_records(data)?;
    let json = match merchant {
        Some(id) => serde_json::to_string_pretty(&leverage::run(&dataset, id, &config)?),
        None => serde_json::to_string_pretty(&leverage::market(&dataset, &config)?),
    };
    json.map_err(|e| Failure {
        message: format!("cannot serialize the report: {e}"),
        typed: None,
        exit_code: 1,
    })
}

pub fn traffic(
    data: &Path,
    merchant: &str,
    what_if_score: Option<f64>,
    as_of: Option<&str>,
    config: Option<&Path>,
    index_config: Option<&Path>,
) -> Result<String, Failure> {
    let config: TrafficConfig = match config {
        Some(path) => read_json_named(path, "config")?,
        None => TrafficConfig::default(),
    };
    let index_config = match index_config {
        Some(path) => read_config(path)?,
        None => IndexConfig::default(),
    };
    let (dataset, as_of) = load(data, as_of)?;
    let market = market_index(&dataset, as_of, &index_config)?;
    let report = natural::run(
        &dataset,
        &market,
        &index_config,
        merchant,
        what_if_score,
        &config,
    )?;
    serde_json::to_string_pretty(&report).map_err(|e| Failure {
        message: format!("cannot serialize the report: {e}"),
        typed: None,
        exit_code: 1,
    })
}
