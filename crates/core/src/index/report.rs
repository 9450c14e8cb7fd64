//! The index report: every number a viewer's badge or a merchant's back office shows, with enough
//! detail to explain each one (raw value, window, sample, peer percentile, weight, contribution).

use serde::{Deserialize, Serialize};

use super::guard::GuardSummary;
use super::metric::{Dimension, MetricId};
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

/// Whether a metric or dimension has a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum DataStatus {
    /// Scored against peers.
    Scored,
    /// No cases in the window: no score, and its weight goes to what has data.
    NoData,
    /// Data, but fewer than `minPeers` merchants of the category have data to compare with.
    FewPeers,
}

impl DataStatus {
    pub const ALL: [DataStatus; 3] = [DataStatus::Scored, DataStatus::NoData, DataStatus::FewPeers];

    /// Its name in JSON (`noData`), without a serializer.
    pub const fn json_name(self) -> &'static str {
        match self {
            DataStatus::Scored => "scored",
            DataStatus::NoData => "noData",
            DataStatus::FewPeers => "fewPeers",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum PlacementStatus {
    /// The data support a tier: it is shown.
    Tiered,
    /// "Not enough data yet" instead of a tier; `missing` says why.
    NotEnoughData,
}

impl PlacementStatus {
    pub const ALL: [PlacementStatus; 2] = [PlacementStatus::Tiered, PlacementStatus::NotEnoughData];

    /// Its name in JSON (`notEnoughData`), without a serializer.
    pub const fn json_name(self) -> &'static str {
        match self {
            PlacementStatus::Tiered => "tiered",
            PlacementStatus::NotEnoughData => "notEnoughData",
        }
    }
}

/// Why no tier is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Shortfall {
    /// No metric has any case: there is nothing to score.
    NoData,
    /// Fewer genuine orders in the recent window than `minOrders` (discounted ones do not count).
    FewOrders { orders: u64, needed: u32 },
    /// Fewer merchants with an overall score in the category than `minPeers`.
    FewPeers { peers: u32, needed: u32 },
    /// The "better than" interval spreads over tiers: less than `tierSupport` of it lies in one.
    /// `metric` is the one that widens the overall interval most (its effective weight times its
    /// score's half-width), with its `sample`; `moreCases` more cases of it would halve its own
    /// interval (the standard deviation falls with the square root of `n + priorStrength`).
    WideInterval {
        low: u8,
        high: u8,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "tsify", tsify(optional))]
        metric: Option<MetricId>,
        sample: f64,
        more_cases: u64,
    },
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
    /// Share of peers with a lower overall score, whole percent, rounded down; absent without an
    /// overall score or with fewer than `minPeers` peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub better_than_percent: Option<u8>,
    /// The same at the ends of the overall score's interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub better_than_low: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub better_than_high: Option<u8>,
    /// Merchants of the category with an overall score (the merchant included).
    pub peer_count: u32,
    /// Why there is no tier (empty when tiered).
    pub missing: Vec<Shortfall>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DimensionReport {
    pub dimension: Dimension,
    pub status: DataStatus,
    /// Absent unless `status` is `scored`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub score: Option<Score>,
    /// Tier of this dimension among peers: only when the overall placement is tiered and this
    /// dimension's own interval supports the tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub tier: Option<PeerTier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub better_than_percent: Option<u8>,
    /// Weight of the dimension in this merchant's overall score, percent, after the weight of
    /// dimensions without a score was redistributed (0 when this one has none).
    pub weight: f64,
    /// The configured weight, percent, before redistribution.
    pub nominal_weight: f64,
    /// Merchants of the category with a score in this dimension.
    pub peer_count: u32,
    /// Peers' median and top-10 % scores of this dimension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub peer_median: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub peer_top10: Option<f64>,
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
    pub status: DataStatus,
    /// The merchant's own value; absent without cases in the window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub raw: Option<f64>,
    /// The value after shrinking toward the category (what is compared with peers); absent
    /// without cases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub shrunk: Option<f64>,
    pub window: WindowDays,
    /// Cases behind the value (weights can make it fractional).
    pub sample: f64,
    /// Share of peers with a worse value, 0–100; absent unless `status` is `scored`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub peer_percentile: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub score: Option<Score>,
    /// The configured weight in the overall score, percent.
    pub weight: f64,
    /// The weight it has in this merchant's overall score after redistribution, percent (0
    /// without a score).
    pub effective_weight: f64,
    /// Points this metric adds to the overall score (effective weight × score ÷ 100).
    pub contribution: f64,
    /// Merchants of the category with data for this metric.
    pub peer_count: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub peer_median: Option<f64>,
    /// The value of the best 10 % of peers (the 90th percentile, or the 10th for lower-is-better).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub peer_top10: Option<f64>,
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
    /// Absent when no dimension has a score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub overall: Option<Score>,
    pub placement: Placement,
    pub dimensions: Vec<DimensionReport>,
    pub metrics: Vec<MetricReport>,
    pub suggestions: Vec<Suggestion>,
    /// What the brushing guard discounted and why.
    pub guard: GuardSummary,
    /// Genuine orders in the recent window.
    pub recent_orders: u64,
}
