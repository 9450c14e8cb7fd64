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

/// Points each piece of brushing evidence adds to a buyer's suspicion at one shop
/// (docs/index-methodology.md, "Brushing guard").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct EvidencePoints {
    pub new_account: u32,
    pub only_this_shop: u32,
    pub shared_device: u32,
    pub shared_address: u32,
    pub order_spike: u32,
    /// In a spike whose orders that day are mostly by new accounts buying only at the shop.
    pub newcomer_spike: u32,
    pub review_burst: u32,
    pub instant_review: u32,
    pub copied_text: u32,
    /// On the device or at the address of a buyer discounted at the shop.
    pub linked_to_ring: u32,
    /// Every order of a product on a day the shop's discounted buyers bought it often.
    pub with_the_ring: u32,
}

impl Default for EvidencePoints {
    fn default() -> Self {
        EvidencePoints {
            new_account: 1,
            only_this_shop: 1,
            shared_device: 3,
            shared_address: 2,
            order_spike: 1,
            newcomer_spike: 1,
            review_burst: 2,
            instant_review: 1,
            copied_text: 1,
            linked_to_ring: 3,
            with_the_ring: 2,
        }
    }
}

/// Defences against brushing (刷单) and manipulated reviews: which reviews count at all, and the
/// evidence that gets a buyer's orders and reviews at a shop discounted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Guard {
    /// In each metric's window, at most this many reviews of one buyer count (the earliest).
    pub max_reviews_per_buyer: u32,
    /// Usual counts (of look-alike reviews, of a product's orders) are medians over the 48-hour
    /// spans of this many days before T.
    pub history_days: u32,
    /// A 48-hour span with at least this many look-alike reviews (5★ or 1★ from a buyer whose
    /// only order with the shop is the reviewed one) …
    pub burst_min_reviews: u32,
    /// … and more than this many times the usual count (the median, but at least 1) is a burst.
    pub burst_ratio: f64,
    /// An account registered at most this many days before its first order at the shop is new.
    pub new_account_days: u32,
    /// A device cluster shared by at least this many buyers of the shop is a ring's.
    pub device_ring_buyers: u32,
    /// An address cluster shared by at least this many buyers of the shop is a ring's.
    pub address_ring_buyers: u32,
    /// A 48-hour span with at least this many orders of one product …
    pub spike_min_orders: u32,
    /// … and more than this many times its usual count (the median, but at least 1) is a spike;
    /// it is evidence against the orders in it paid at most the shop's median unit price.
    pub spike_ratio: f64,
    /// A spike's orders of one day with at least this share by new accounts that buy only at the
    /// shop make it a newcomer spike.
    pub newcomer_spike_share: f64,
    /// A review written at most this many minutes after delivery is instant.
    pub instant_review_minutes: u32,
    /// Review texts are compared for copies when their normal form has at least this many
    /// characters.
    pub copied_text_min_chars: u32,
    /// A product bought at least this many times on one day by the shop's discounted buyers
    /// makes that a ring day for it (the `withTheRing` evidence).
    pub ring_day_orders: u32,
    pub points: EvidencePoints,
    /// A buyer with at least this many points at a shop is discounted there.
    pub discount_from_points: u32,
    /// Weight of a discounted buyer's orders and reviews (0: not counted at all).
    pub discount_weight: f64,
}

impl Default for Guard {
    fn default() -> Self {
        Guard {
            max_reviews_per_buyer: 3,
            history_days: 60,
            burst_min_reviews: 3,
            burst_ratio: 4.0,
            new_account_days: 30,
            device_ring_buyers: 3,
            address_ring_buyers: 4,
            spike_min_orders: 5,
            spike_ratio: 4.0,
            newcomer_spike_share: 0.5,
            instant_review_minutes: 60,
            copied_text_min_chars: 8,
            ring_day_orders: 3,
            points: EvidencePoints::default(),
            discount_from_points: 4,
            discount_weight: 0.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct IndexConfig {
    pub weights: MetricWeights,
    pub windows: Windows,
    /// Strength of the category prior, in pseudo-cases: a merchant with this many cases is pulled
    /// halfway to its category's mean.
    pub prior_strength: f64,
    /// z of the uncertainty intervals (1.645: 90 %).
    pub interval_z: f64,
    /// Fewer genuine (not discounted) orders than this in [T-30, T-1] and no tier is shown.
    pub min_orders: u32,
    /// A score is placed among peers only when at least this many merchants of the category
    /// (the merchant included) have data for it; with fewer, "better than x %" means nothing.
    pub min_peers: u32,
    /// A tier is shown only when at least this share of the "better than x %" interval lies in
    /// the tier's band (0.5: the data favour this tier over the others).
    pub tier_support: f64,
    pub tier_cutoffs: TierCutoffs,
    /// Suggestions that bring fewer overall points than this are left out.
    pub min_suggestion_gain: f64,
    pub guard: Guard,
}

impl Default for IndexConfig {
    fn default() -> Self {
        IndexConfig {
            weights: MetricWeights::default(),
            windows: Windows::default(),
            prior_strength: 20.0,
            interval_z: 1.645,
            min_orders: 30,
            min_peers: 5,
            tier_support: 0.5,
            tier_cutoffs: TierCutoffs::default(),
            min_suggestion_gain: 1.0,
            guard: Guard::default(),
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
        if !(self.min_suggestion_gain.is_finite() && self.min_suggestion_gain >= 0.0) {
            return Err(Error::invalid_field(
                "minSuggestionGain",
                "must be a non-negative number of points",
            ));
        }
        if self.min_peers == 0 {
            return Err(Error::invalid_field(
                "minPeers",
                "must be at least 1 (the merchant itself)",
            ));
        }
        let g = &self.guard;
        for (field, ratio) in [
            ("guard.burstRatio", g.burst_ratio),
            ("guard.spikeRatio", g.spike_ratio),
        ] {
            if !(ratio.is_finite() && ratio >= 1.0) {
                return Err(Error::invalid_field(field, "must be at least 1"));
            }
        }
        if !(0.0..=1.0).contains(&g.newcomer_spike_share) {
            return Err(Error::invalid_field(
                "guard.newcomerSpikeShare",
                "must be between 0 and 1",
            ));
        }
        if !(0.0..=1.0).contains(&g.discount_weight) {
            return Err(Error::invalid_field(
                "guard.discountWeight",
                "must be between 0 and 1",
            ));
        }
        if g.discount_from_points == 0 {
            return Err(Error::invalid_field(
                "guard.discountFromPoints",
                "must be at least 1 (0 would discount every buyer)",
            ));
        }
        if !(1..=400).contains(&g.history_days) {
            return Err(Error::invalid_field(
                "guard.historyDays",
                "must be between 1 and 400",
            ));
        }
        crate::peer_tier::check_cutoffs(&self.tier_cutoffs)
    }
}

/// The camelCase name of a metric, as in JSON.
pub fn camel(metric: MetricId) -> String {
    json_name(metric)
}

/// The JSON name of a unit enum value (a metric, a dimension, evidence): `repeatExperience`.
pub fn json_name(value: impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
