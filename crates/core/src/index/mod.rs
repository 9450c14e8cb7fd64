//! The repeat-buyer recommendation index (回头客推荐指数): four dimensions — quality 品质, service
//! 服务, content 内容, repeat-buyer experience 回头客购物体验 — computed from orders, refunds,
//! reviews, service events and live sessions in trailing Asia/Shanghai windows, placed against
//! peers of the same L2 category. See docs/index-methodology.md.
//!
//! Flow: `tally` (one pass over the data, review guard applied) → `score::category_peers`
//! (priors and sketches per category) → `score::report` (scores, intervals, tiers, suggestions).
//! `place_merchant` and `what_if` do the last step alone, from serializable tallies and peers.

pub mod config;
pub mod guard;
pub mod metric;
pub mod report;
pub mod score;
pub mod shard;
pub mod sketch;
pub mod tally;
pub mod trend;

use serde::{Deserialize, Serialize};

pub use config::IndexConfig;
pub use guard::{Evidence, GuardSummary};
pub use metric::{Dimension, MetricId};
pub use report::IndexReport;
pub use score::CategoryPeers;
pub use tally::MerchantTallies;
pub use trend::{trend, TrendPoint};

use crate::model::{Dataset, LocalDate};
use crate::{Error, Result};

/// Tallies of every merchant and the peers of every category: the index of a whole marketplace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MarketIndex {
    pub as_of: LocalDate,
    pub merchants: Vec<MerchantTallies>,
    /// Category of each merchant, parallel to `merchants`.
    pub merchant_categories: Vec<String>,
    pub categories: Vec<CategoryPeers>,
}

/// Computes the index inputs of every merchant of `dataset` as of day `as_of` (T).
pub fn market_index(
    dataset: &Dataset,
    as_of: LocalDate,
    config: &IndexConfig,
) -> Result<MarketIndex> {
    config.validate()?;
    let merchants = tally::tally_all(dataset, as_of, config);
    let merchant_categories: Vec<String> = dataset
        .merchants
        .iter()
        .map(|m| m.category_id.clone())
        .collect();
    let mut categories = Vec::new();
    let mut ids: Vec<&str> = merchant_categories.iter().map(String::as_str).collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        // Which metric fills the repeat-buyer slot depends on the flag: without it there is no
        // honest default, so the data are rejected rather than guessed at.
        let repurchase = dataset
            .categories
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| c.repurchase)
            .ok_or_else(|| {
                Error::invalid_field(
                    "categories",
                    format!(
                        "category `{id}` of a merchant is not an L2 category with a repurchase \
                         flag (`high` or `low`) in the data"
                    ),
                )
            })?;
        let members: Vec<&MerchantTallies> = merchants
            .iter()
            .zip(&merchant_categories)
            .filter(|(_, c)| c.as_str() == id)
            .map(|(m, _)| m)
            .collect();
        categories.push(score::category_peers(id, repurchase, &members, config));
    }
    Ok(MarketIndex {
        as_of,
        merchants,
        merchant_categories,
        categories,
    })
}

impl MarketIndex {
    /// The report of one merchant.
    pub fn report(&self, merchant_id: &str, config: &IndexConfig) -> Result<IndexReport> {
        let i = self
            .merchants
            .iter()
            .position(|m| m.merchant_id == merchant_id)
            .ok_or_else(|| {
                Error::invalid_field(
                    "merchantId",
                    format!("no merchant `{merchant_id}` in the data"),
                )
            })?;
        let category = &self.merchant_categories[i];
        let peers = self.peers(category)?;
        Ok(score::report(
            &self.merchants[i],
            category,
            peers,
            self.as_of,
            config,
        ))
    }

    pub fn peers(&self, category_id: &str) -> Result<&CategoryPeers> {
        self.categories
            .iter()
            .find(|c| c.category_id == category_id)
            .ok_or_else(|| {
                Error::invalid_field(
                    "categoryId",
                    format!("no peers for category `{category_id}`"),
                )
            })
    }

    /// Reports of all merchants, in the dataset's order.
    pub fn reports(&self, config: &IndexConfig) -> Result<Vec<IndexReport>> {
        self.merchants
            .iter()
            .map(|m| self.report(&m.merchant_id, config))
            .collect()
    }
}

/// Input of [`place_merchant`] and [`what_if`]: one merchant's tallies and its category's peers,
/// as a platform would send them to a browser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacementInput {
    pub as_of: LocalDate,
    pub merchant: MerchantTallies,
    pub peers: CategoryPeers,
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub config: Option<IndexConfig>,
}

/// One edited metric value for [`what_if`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MetricEdit {
    pub metric: MetricId,
    pub value: f64,
}

fn check_placement(p: &PlacementInput) -> Result<IndexConfig> {
    let config = p.config.clone().unwrap_or_default();
    config.validate()?;
    if p.merchant.tallies.len() != MetricId::ALL.len() {
        return Err(Error::invalid_field(
            "merchant.tallies",
            format!(
                "needs {} tallies, one per metric, got {}",
                MetricId::ALL.len(),
                p.merchant.tallies.len()
            ),
        ));
    }
    if p.peers.metrics.len() != MetricId::ALL.len()
        || p.peers.dimensions.len() != Dimension::ALL.len()
    {
        return Err(Error::invalid_field(
            "peers",
            "needs one entry per metric and per dimension",
        ));
    }
    for (i, t) in p.merchant.tallies.iter().enumerate() {
        if !(t.n.is_finite() && t.sum.is_finite() && t.sum_sq.is_finite()) || t.n < 0.0 {
            return Err(Error::invalid_field(
                format!("merchant.tallies[{i}]"),
                "must hold finite, non-negative counts",
            ));
        }
    }
    Ok(config)
}

/// Places one merchant against its category's peers: the same report the full computation gives.
pub fn place_merchant(p: &PlacementInput) -> Result<IndexReport> {
    let config = check_placement(p)?;
    Ok(score::report(
        &p.merchant,
        &p.peers.category_id,
        &p.peers,
        p.as_of,
        &config,
    ))
}

/// Recomputes the report with some raw metric values edited (suggestions are recomputed too).
pub fn what_if(p: &PlacementInput, edits: &[MetricEdit]) -> Result<IndexReport> {
    let config = check_placement(p)?;
    let mut merchant = p.merchant.clone();
    for (i, e) in edits.iter().enumerate() {
        if !e.value.is_finite() || e.value < 0.0 {
            return Err(Error::invalid_field(
                format!("edits[{i}].value"),
                "must be a finite, non-negative number",
            ));
        }
        if e.metric.kind() == metric::MetricKind::Rate && e.value > 1.0 {
            return Err(Error::invalid_field(
                format!("edits[{i}].value"),
                "a rate must be between 0 and 1",
            ));
        }
        merchant = score::with_value(&merchant, e.metric, e.value, &config);
    }
    Ok(score::report(
        &merchant,
        &p.peers.category_id,
        &p.peers,
        p.as_of,
        &config,
    ))
}

#[cfg(test)]
mod tests;
