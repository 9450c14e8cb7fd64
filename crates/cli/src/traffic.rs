//! `livetrust leverage`: what a merchant's paid pushes levered in natural exposure and GMV
//! ("1+N", docs/traffic.md), or the same for every merchant with `--market`.

use std::path::Path;

use livetrust_core::leverage::{self, LeverageConfig};

use super::{load_records, read_json_named, Failure};

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
