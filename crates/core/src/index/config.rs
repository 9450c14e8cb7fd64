//! Everything about the index that a platform may want to tune: weights, windows, shrinkage,
//! tier cut-offs and the review guard. The defaults follow the platform's published practice
//! where it is public and are documented in docs/index-methodology.md where it is not.

use serde::{Deserialize, Serialize};

use super::metric::MetricId;
use crate::peer_tier::TierCutoffs;
use crate::{Error, Result};

/// Weights in percent of the overall score. The repeat-buyer slot is used by the repeat-buyer
/// rate in high-repurchase categories and by the positive-review rate in low-repurchase ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MetricWeights {
    pub repeat_buyer_rate: f64,
    pub dissatisfaction_rate: f64,
    pub quality_refund_rate: f64,
    pub refund_only_hours: f64,
    pub return_refund_hours: f64,
    pub first_response_minutes: f64,
    pub complaint_rate: f64,
    pub ship_within48h_rate: f64,
    pub delivery_hours: f64,
    pub live_engagement: f64,
    pub explain_coverage: f64,
}

impl Default for MetricWeights {
    fn default() -> Self {
        MetricWeights {
            repeat_buyer_rate: 25.0,
            dissatisfaction_rate: 17.5,
            quality_refund_rate: 7.5,
            refund_only_hours: 3.75,
            return_refund_hours: 3.75,
            first_response_minutes: 7.5,
            complaint_rate: 5.0,
            ship_within48h_rate: 10.0,
            delivery_hours: 5.0,
            live_engagement: 7.5,
            explain_coverage: 7.5,
        }
    }
}

impl MetricWeights {
    pub fn get(&self, metric: MetricId) -> f64 {
        use MetricId::*;
        match metric {
            RepeatBuyerRate | PositiveReviewRate => self.repeat_buyer_rate,
            DissatisfactionRate => self.dissatisfaction_rate,
            QualityRefundRate => self.quality_refund_rate,
            RefundOnlyHours => self.refund_only_hours,
            ReturnRefundHours => self.return_refund_hours,
            FirstResponseMinutes => self.first_response_minutes,
            ComplaintRate => self.complaint_rate,
            ShipWithin48hRate => self.ship_within48h_rate,
            DeliveryHours => self.delivery_hours,
            LiveEngagement => self.live_engagement,
            ExplainCoverage => self.explain_coverage,
        }
    }
}

/// Trailing windows in whole Asia/Shanghai days before the as-of date T.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Windows {
    /// [T-30, T-1]: `(30, 1)`.
    pub recent: (u32, u32),
    /// [T-44, T-15]: orders old enough for refunds and reviews to have settled.
    pub lagged: (u32, u32),
    /// Reviews and refunds count toward lagged metrics within this many days of payment.
    pub settle_days: u32,
}

impl Default for Windows {
    fn default() -> Self {
        Windows {
            recent: (30, 1),
            lagged: (44, 15),
            settle_days: 14,
        }
    }
}

/// Defences against manipulated reviews.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviewGuard {
    /// Reviews of one buyer for one merchant beyond this many (in a window) do not count.
    pub max_reviews_per_buyer: u32,
    /// A 48-hour span with at least this many look-alike reviews (extreme ratings from one-time
    /// buyers) …
    pub burst_min_reviews: u32,
    /// … and more than this many times the merchant's usual 48-hour count is a burst.
    pub burst_ratio: f64,
    /// Reviews inside a burst count with this weight.
    pub burst_weight: f64,
}

impl Default for ReviewGuard {
    fn default() -> Self {
        ReviewGuard {
            max_reviews_per_buyer: 3,
            burst_min_reviews: 3,
            burst_ratio: 4.0,
            burst_weight: 0.1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IndexConfig {
    pub weights: MetricWeights,
    pub windows: Windows,
    /// Strength of the category prior, in pseudo-cases: a merchant with this many cases is pulled
    /// halfway to its category's mean.
    pub prior_strength: f64,
    /// z of the uncertainty intervals (1.645: 90 %).
    pub interval_z: f64,
    /// Fewer orders than this in [T-30, T-1] and no tier is shown.
    pub min_orders: u32,
    /// A tier is shown only when at least this share of the "better than x %" interval lies in
    /// the tier's band (0.5: the data favour this tier over the others).
    pub tier_support: f64,
    pub tier_cutoffs: TierCutoffs,
    pub review_guard: ReviewGuard,
}

impl Default for IndexConfig {
    fn default() -> Self {
        IndexConfig {
            weights: MetricWeights::default(),
            windows: Windows::default(),
            prior_strength: 20.0,
            interval_z: 1.645,
            min_orders: 30,
            tier_support: 0.5,
            tier_cutoffs: TierCutoffs::default(),
            review_guard: ReviewGuard::default(),
        }
    }
}

impl IndexConfig {
    pub fn validate(&self) -> Result<()> {
        for metric in MetricId::ALL {
            let w = self.weights.get(metric);
            if !w.is_finite() || w < 0.0 {
                return Err(Error::invalid_field(
                    format!("weights.{}", camel(metric)),
                    "must be a non-negative number",
                ));
            }
        }
        let total: f64 = MetricId::ALL
            .iter()
            .filter(|&&m| m != MetricId::PositiveReviewRate)
            .map(|&m| self.weights.get(m))
            .sum();
        if total <= 0.0 {
            return Err(Error::invalid_field(
                "weights",
                "at least one weight must be positive",
            ));
        }
        let w = &self.windows;
        for (field, (from, to)) in [("windows.recent", w.recent), ("windows.lagged", w.lagged)] {
            if from < to || from > 400 {
                return Err(Error::invalid_field(
                    field,
                    format!("[T-{from}, T-{to}] is not a window: the first number must be ≥ the second and ≤ 400"),
                ));
            }
        }
        if !(self.prior_strength.is_finite() && self.prior_strength >= 0.0) {
            return Err(Error::invalid_field(
                "priorStrength",
                "must be a non-negative number",
            ));
        }
        if !(self.interval_z.is_finite() && self.interval_z > 0.0) {
            return Err(Error::invalid_field(
                "intervalZ",
                "must be a positive number",
            ));
        }
        if !(0.0..=1.0).contains(&self.tier_support) {
            return Err(Error::invalid_field(
                "tierSupport",
                "must be between 0 and 1",
            ));
        }
        let g = &self.review_guard;
        if !(g.burst_ratio.is_finite() && g.burst_ratio >= 1.0) {
            return Err(Error::invalid_field(
                "reviewGuard.burstRatio",
                "must be at least 1",
            ));
        }
        if !(0.0..=1.0).contains(&g.burst_weight) {
            return Err(Error::invalid_field(
                "reviewGuard.burstWeight",
                "must be between 0 and 1",
            ));
        }
        crate::peer_tier::check_cutoffs(&self.tier_cutoffs)
    }
}

/// The camelCase name of a metric, as in JSON.
pub fn camel(metric: MetricId) -> String {
    serde_json::to_value(metric)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
