//! What the leverage estimate reports, for one merchant and for the market.

use serde::{Deserialize, Serialize};

use crate::model::Timestamp;

/// An estimate with its 90 % interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Interval {
    pub estimate: f64,
    pub low: f64,
    pub high: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LeverageVerdict {
    /// The lift is estimated, with an interval no wider than `maxIntervalWidth`.
    Estimated,
    /// Pushes, but too few sessions or too wide an interval to give a number.
    NotEnoughData,
    /// Traffic records but no push.
    NoPushes,
    /// No session of the merchant has a traffic record.
    NoTraffic,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum NotEnoughReason {
    /// Fewer than `minSessions` levered or unlevered sessions.
    FewSessions,
    /// The unlevered sessions had no natural exposure to compare against.
    NoBaseline,
    /// The interval is wider than `maxIntervalWidth`.
    WideInterval,
}

/// One session on the merchant's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SessionPoint {
    pub session_id: String,
    pub start_at: Timestamp,
    pub natural_exposure: u64,
    pub paid_exposure: u64,
    pub paid_spend_fen: i64,
    pub gmv_fen: i64,
    /// The session had a paid push.
    pub pushed: bool,
    /// The session is pushed or one of the `followingSessions` after a pushed one.
    pub levered: bool,
    /// The market's natural exposure that day relative to usual (1 = an average day).
    pub market_activity: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LeverageReport {
    pub merchant_id: String,
    pub following_sessions: u32,
    pub verdict: LeverageVerdict,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub reason: Option<NotEnoughReason>,
    /// Sessions with a traffic record, pushed ones, levered ones (pushed included), the rest.
    pub sessions: u32,
    pub pushes: u32,
    pub levered_sessions: u32,
    pub unlevered_sessions: u32,
    pub spend_fen: i64,
    /// GMV credited to paid exposure: each pushed session's GMV by its paid share of exposure.
    pub paid_gmv_fen: f64,
    /// `paidGmvFen / spendFen`; absent without spend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub roi_paid_only: Option<f64>,
    /// Natural exposure in a levered session over what it would have been without the push,
    /// minus 1 (0.48 = +48 %). Absent unless `estimated`, like every figure below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub lift: Option<Interval>,
    /// Natural exposure the pushes levered, summed over the levered sessions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub levered_natural_exposure: Option<Interval>,
    /// GMV of the levered natural exposure (each levered session's GMV by that exposure's share).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub levered_natural_gmv_fen: Option<Interval>,
    /// `(paidGmvFen + leveredNaturalGmvFen) / spendFen`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub roi_with_levered: Option<Interval>,
    /// Every session with traffic, in time order.
    pub timeline: Vec<SessionPoint>,
}

/// One merchant in the market view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MerchantLeverage {
    pub merchant_id: String,
    pub verdict: LeverageVerdict,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub reason: Option<NotEnoughReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub lift: Option<Interval>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Quantiles {
    pub p10: f64,
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
    pub p90: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MarketLeverage {
    pub following_sessions: u32,
    /// Merchants with traffic records; of them, those that pushed and those that never did.
    pub merchants_with_traffic: u32,
    pub pushing: u32,
    pub never_pushing: u32,
    /// Pushing merchants with an estimate, and those without enough data.
    pub estimated: u32,
    pub not_enough_data: u32,
    /// The estimated lifts' distribution; absent without estimates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub lift_quantiles: Option<Quantiles>,
    /// Over the estimated merchants' levered sessions: levered natural exposure over the natural
    /// exposure they would have had (0.48 = +48 %), and the same for GMV.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub natural_exposure_uplift: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub gmv_uplift: Option<f64>,
    /// Over the estimated merchants: paid GMV over spend, and with the levered natural GMV.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub roi_paid_only: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub roi_with_levered: Option<f64>,
    /// Every merchant with traffic records, by id.
    pub merchants: Vec<MerchantLeverage>,
}
