//! Trust-weighted natural traffic (信任加权自然流量): a transparent model of how a category's
//! natural exposure is shared among its merchants by relevance (reach: followers plus a base) and
//! the repeat-buyer index — each merchant's weight is reach × score^elasticity — fitted to the
//! data's unlevered sessions; and for one merchant what a what-if score would mean for its
//! expected natural exposure per session, with the elasticity's 90 % interval. A model, not the
//! platform's algorithm. See docs/traffic.md.
//!
//! `config` (the settings with documented defaults), `fit` (the market's elasticity), `simulate`
//! (one merchant in its category's pool), `report` (the output types).

pub mod config;
pub mod fit;
pub mod report;
pub mod simulate;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

pub use config::{PoolMode, TrafficConfig};
pub use report::{
    CurvePoint, MerchantTraffic, ModelShortfall, TrafficModel, TrafficReport, TrafficVerdict,
    WhatIfTraffic,
};

use crate::index::{IndexConfig, IndexReport, MarketIndex};
use crate::model::Dataset;
use crate::Result;

/// Every merchant's overall index score, by merchant id (merchants without one are left out).
pub fn scores<'a>(reports: impl IntoIterator<Item = &'a IndexReport>) -> HashMap<String, f64> {
    reports
        .into_iter()
        .filter_map(|r| r.overall.map(|o| (r.merchant_id.clone(), o.value)))
        .collect()
}

/// The model fitted to `data`, with `scores` the merchants' overall index scores.
pub fn model(
    data: &Dataset,
    scores: &HashMap<String, f64>,
    config: &TrafficConfig,
) -> Result<TrafficModel> {
    config.check()?;
    Ok(fit::fit(data, scores, config))
}

/// `merchant_id`'s expected natural exposure now and at `what_if_score`, from a fitted `model`
/// of `data`.
pub fn simulate(
    data: &Dataset,
    model: &TrafficModel,
    merchant_id: &str,
    what_if_score: Option<f64>,
) -> Result<TrafficReport> {
    simulate::simulate(model, data.merchant(merchant_id)?, what_if_score)
}

/// The index of `market`, the model and one merchant's report in one call (the CLI's and the
/// package's `traffic`).
pub fn run(
    data: &Dataset,
    market: &MarketIndex,
    index_config: &IndexConfig,
    merchant_id: &str,
    what_if_score: Option<f64>,
    config: &TrafficConfig,
) -> Result<TrafficReport> {
    config.check()?;
    data.merchant(merchant_id)?;
    let scores = scores(&market.reports(index_config)?);
    simulate(
        data,
        &model(data, &scores, config)?,
        merchant_id,
        what_if_score,
    )
}
