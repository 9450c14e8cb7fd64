//! Priority audience matching for the staged products: the platform scores its buyers against the
//! products staged within the horizon with the preview's affinity formula
//! (`preview::audience`), pushes the room to the best matches first, and expects a share of them
//! (`enterRate`) to come in — the extra viewers the staging brings in the next ten minutes.

use serde::{Deserialize, Serialize};

use super::config::StagingConfig;
use super::report::coming_up;
use super::state::{LivePlan, StagingState};
use crate::preview::audience::{
    audience_package, AudienceConfig, AudienceHistory, PackagedBuyer, PlannedProduct,
    ReservationEstimate,
};
use crate::Result;

/// What one staged product brings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ProductMatch {
    pub product_id: String,
    pub planned_second: u32,
    /// Matched buyers whose affinity comes from this product.
    pub matched_buyers: u64,
    /// The extra viewers they are expected to bring (four decimals).
    pub expected_viewers: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MatchReport {
    /// The horizon matched (seconds from the clock).
    pub horizon_seconds: u32,
    /// Buyers matched (at or above the affinity cut-off, capped at `audience.maxSize`).
    pub matched_buyers: u64,
    /// Extra viewers expected within the horizon, with the range from `enterRate`.
    pub expected_viewers: ReservationEstimate,
    /// One per staged product within the horizon, in on-air order.
    pub products: Vec<ProductMatch>,
    /// The buyers the platform reaches first, highest affinity first.
    pub first_matched: Vec<PackagedBuyer>,
}

/// The matching for the products staged within the horizon of `state`'s clock (none staged:
/// nothing matched). Errors name a staged product the history does not know
/// (`staged[1].productId`) or a bad config field.
pub fn priority_match(
    history: &AudienceHistory,
    plan: &LivePlan,
    state: &StagingState,
    config: &StagingConfig,
) -> Result<MatchReport> {
    config.validate()?;
    let soon: Vec<_> = coming_up(plan, state, config)
        .into_iter()
        .filter(|c| c.within_horizon)
        .collect();
    let planned: Vec<PlannedProduct> = soon
        .iter()
        .map(|c| PlannedProduct {
            product_id: c.product_id.clone(),
            live_price_fen: c.live_price_fen,
        })
        .collect();
    if planned.is_empty() {
        return Ok(MatchReport {
            horizon_seconds: config.horizon_seconds,
            matched_buyers: 0,
            expected_viewers: ReservationEstimate {
                expected: 0.0,
                low: 0,
                high: 0,
            },
            products: Vec::new(),
            first_matched: Vec::new(),
        });
    }
    let audience = AudienceConfig {
        reserve_rate: config.enter_rate,
        ..config.audience.clone()
    };
    let report = audience_package(history, &planned, &audience).map_err(|e| {
        let field = e.field().unwrap_or_default().to_owned();
        // The package names plan slots; here they are staged products.
        match field.strip_prefix("plan[") {
            Some(rest) => {
                let slot: usize = rest
                    .split(']')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                let index = soon
                    .get(slot)
                    .and_then(|c| {
                        state
                            .staged
                            .iter()
                            .position(|s| s.product_id == c.product_id)
                    })
                    .unwrap_or(slot);
                let reason = match &e {
                    crate::Error::InvalidField { reason, .. } => reason.clone(),
                    crate::Error::InvalidInput { message } => message.clone(),
                };
                let tail = rest.split_once(']').map_or("", |x| x.1);
                crate::Error::invalid_field(format!("staged[{index}]{tail}"), reason)
            }
            None => e,
        }
    })?;
    let products = soon
        .iter()
        .zip(&report.drivers)
        .map(|(c, d)| ProductMatch {
            product_id: c.product_id.clone(),
            planned_second: c.planned_second,
            matched_buyers: d.buyers,
            expected_viewers: d.expected_reservations,
        })
        .collect();
    Ok(MatchReport {
        horizon_seconds: config.horizon_seconds,
        matched_buyers: report.size,
        expected_viewers: report.reservations,
        products,
        first_matched: report.top,
    })
}
