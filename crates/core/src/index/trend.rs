//! The index over the last weeks: the same computation at earlier as-of days, for the merchant's
//! category only (peers are per category, so the rest of the marketplace does not matter).

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use super::config::IndexConfig;
use super::market_index;
use super::report::{PlacementStatus, Score};
use crate::model::{Dataset, LocalDate};
use crate::peer_tier::PeerTier;
use crate::{Error, Result};

/// The index of one merchant as of one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    pub as_of: LocalDate,
    /// Absent on a day without any scored dimension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub overall: Option<Score>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub better_than_percent: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub tier: Option<PeerTier>,
}

/// The records of the merchants of one category, with what the brushing guard needs to judge
/// their buyers as on the whole data: the buyers' accounts, and the buyers' orders at other
/// merchants (which the index skips but which tell where else a buyer shops).
pub(crate) fn category_slice(dataset: &Dataset, category_id: &str) -> Dataset {
    let merchants: FxHashSet<&str> = dataset
        .merchants
        .iter()
        .filter(|m| m.category_id == category_id)
        .map(|m| m.id.as_str())
        .collect();
    let buyers: FxHashSet<&str> = dataset
        .orders
        .iter()
        .filter(|o| merchants.contains(o.merchant_id.as_str()))
        .map(|o| o.buyer_id.as_str())
        .collect();
    let orders: Vec<_> = dataset
        .orders
        .iter()
        .filter(|o| buyers.contains(o.buyer_id.as_str()))
        .cloned()
        .collect();
    let order_ids: FxHashSet<&str> = orders
        .iter()
        .filter(|o| merchants.contains(o.merchant_id.as_str()))
        .map(|o| o.id.as_str())
        .collect();
    Dataset {
        categories: dataset.categories.clone(),
        merchants: dataset
            .merchants
            .iter()
            .filter(|m| merchants.contains(m.id.as_str()))
            .cloned()
            .collect(),
        products: Vec::new(),
        buyers: dataset
            .buyers
            .iter()
            .filter(|b| buyers.contains(b.id.as_str()))
            .cloned()
            .collect(),
        reviews: dataset
            .reviews
            .iter()
            .filter(|r| order_ids.contains(r.order_id.as_str()))
            .cloned()
            .collect(),
        service_events: dataset
            .service_events
            .iter()
            .filter(|e| merchants.contains(e.merchant_id()))
            .cloned()
            .collect(),
        live_sessions: dataset
            .live_sessions
            .iter()
            .filter(|s| merchants.contains(s.merchant_id.as_str()))
            .cloned()
            .collect(),
        // The index reads no follower history and no traffic.
        follower_counts: Vec::new(),
        promotions: Vec::new(),
        session_traffic: Vec::new(),
        orders,
    }
}

/// The merchant's index as of `as_of` and each of the `weeks` weeks before, oldest first.
pub fn trend(
    dataset: &Dataset,
    merchant_id: &str,
    as_of: LocalDate,
    weeks: u32,
    config: &IndexConfig,
) -> Result<Vec<TrendPoint>> {
    let merchant = dataset
        .merchants
        .iter()
        .find(|m| m.id == merchant_id)
        .ok_or_else(|| {
            Error::invalid_field(
                "merchantId",
                format!("no merchant `{merchant_id}` in the data"),
            )
        })?;
    let slice = category_slice(dataset, &merchant.category_id);
    (0..=weeks)
        .rev()
        .map(|w| {
            let day = as_of.minus_days(u64::from(w) * 7);
            let report = market_index(&slice, day, config)?.report(merchant_id, config)?;
            Ok(TrendPoint {
                as_of: day,
                overall: report.overall,
                better_than_percent: report.placement.better_than_percent,
                tier: (report.placement.status == PlacementStatus::Tiered)
                    .then_some(report.placement.tier)
                    .flatten(),
            })
        })
        .collect()
}
