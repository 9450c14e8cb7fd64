//! "1+N" leverage (1+N 撬动): what a merchant's paid pushes (商业化投流) brought in natural
//! exposure and GMV — in the pushed session and the `followingSessions` sessions after it —
//! against a counterfactual from the merchant's own sessions without a push nearby, corrected
//! for the market's day-to-day swing read from the merchants that never push; with a 90 %
//! interval, or "not enough data" when the sessions are too few or the interval too wide. And the
//! same over the whole market, for comparison with the platform's reported figures.
//! See docs/traffic.md.
//!
//! `config` (the settings with documented defaults), `prepare` (the sessions with traffic per
//! merchant in time order, and the market's activity per day), `estimate` (one merchant), `report`
//! (the output types), `market` (every merchant and the distribution).

pub mod config;
pub mod estimate;
pub mod market;
pub mod prepare;
pub mod report;

#[cfg(test)]
mod tests;

pub use config::LeverageConfig;
pub use market::market;
pub use report::{
    Interval, LeverageReport, LeverageVerdict, MarketLeverage, MerchantLeverage, NotEnoughReason,
    Quantiles, SessionPoint,
};

use crate::model::Dataset;
use crate::Result;

/// `merchant_id`'s leverage in `data`.
pub fn run(data: &Dataset, merchant_id: &str, config: &LeverageConfig) -> Result<LeverageReport> {
    config.check()?;
    data.merchant(merchant_id)?;
    let prepared = prepare::Prepared::of(data, config);
    Ok(estimate::report(&prepared, merchant_id, config))
}
