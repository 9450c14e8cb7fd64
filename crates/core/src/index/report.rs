//! The index report: every number a viewer's badge or a merchant's back office shows, with enough
//! detail to explain each one (raw value, window, sample, peer percentile, weight, contribution).

use serde::{Deserialize, Serialize};

use super::metric::{Dimension, MetricId};
use super::tally::GuardSummary;
use crate::model::{LocalDate, Repurchase};
use crate::peer_tier::PeerTier;

/// A 0–100 score with its uncertainty interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Score {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum PlacementStatus {
    /// The interval is narrow enough: the tier is shown.
    Tiered,
    /// Too few orders or too wide an interval: "not enough data yet" instead of a tier.
    NotEnoughData,
}

/// Where the merchant stands among the merchants of its L2 category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Placement {
    pub status: PlacementStatus,
    /// The tier when `status` is `tiered`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub tier: Option<PeerTier>,
    /// Share of peers with a lower overall score, whole percent, rounded down.
    pub better_than_percent: u8,
    /// The same at the ends of the overall score's interval.
    pub better_than_low: u8,
    pub better_than_high: u8,
    pub peer_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DimensionReport {
    pub dimension: Dimension,
    pub score: Score,
    /// Tier of this dimension among peers; absent when the overall placement is not tiered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub tier: Option<PeerTier>,
    pub better_than_percent: u8,
    /// Weight of the dimension in the overall score, percent.
    pub weight: f64,
    /// Peers' median and top-10 % scores of this dimension.
    pub peer_median: f64,
    pub peer_top10: f64,
}

/// The days a metric was computed over, both inclusive (Asia/Shanghai).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WindowDays {
    pub first_day: LocalDate,
    pub last_day: LocalDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MetricReport {
    pub metric: MetricId,
    pub dimension: Dimension,
    pub higher_is_better: bool,
    /// The merchant's own value; absent without cases in the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub raw: Option<f64>,
    /// The value after shrinking toward the category (what is compared with peers).
    pub shrunk: f64,
    pub window: WindowDays,
    /// Cases behind the value (review weights can make it fractional).
    pub sample: f64,
    /// Share of peers with a worse value, 0–100.
    pub peer_percentile: f64,
    pub score: Score,
    /// Weight in the overall score, percent.
    pub weight: f64,
    /// Points this metric adds to the overall score (weight × score ÷ total weight).
    pub contribution: f64,
    pub peer_median: f64,
    /// The value of the best 10 % of peers (the 90th percentile, or the 10th for lower-is-better).
    pub peer_top10: f64,
}

/// A concrete improvement: reaching a target value and what it would bring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    pub metric: MetricId,
    pub dimension: Dimension,
    pub current: f64,
    /// `median` or `top10`.
    pub target_kind: TargetKind,
    pub target: f64,
    /// Overall points gained.
    pub overall_gain: f64,
    /// Points gained in the metric's dimension.
    pub dimension_gain: f64,
    /// The tier the merchant would have (when tiered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub new_tier: Option<PeerTier>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum TargetKind {
    Median,
    Top10,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct IndexReport {
    pub merchant_id: String,
    pub category_id: String,
    pub repurchase: Repurchase,
    pub as_of: LocalDate,
    pub overall: Score,
    pub placement: Placement,
    pub dimensions: Vec<DimensionReport>,
    pub metrics: Vec<MetricReport>,
    pub suggestions: Vec<Suggestion>,
    pub review_guard: GuardSummary,
    pub recent_orders: u64,
}
