//! What the trust-weighted traffic model reports: the market's fitted model, and one merchant's
//! expected natural exposure now and at a what-if score.

use serde::{Deserialize, Serialize};

use super::config::TrafficConfig;
pub use crate::leverage::Interval;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ModelShortfall {
    /// Fewer than `minMerchants` merchants with a score and enough unlevered sessions, in
    /// categories with at least two of them.
    FewMerchants,
    /// The merchants' scores do not differ within their categories.
    NoSpread,
    /// The elasticity's interval is wider than `maxIntervalWidth`.
    WideInterval,
}

/// One merchant with traffic, as the fit saw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MerchantTraffic {
    pub merchant_id: String,
    pub category_id: String,
    /// The index's overall score, absent when the index has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub score: Option<f64>,
    /// Followers plus `baseReach`.
    pub reach: f64,
    /// Sessions with a traffic record.
    pub sessions: u32,
    /// Of them, neither pushed nor one of the `followingSessions` after a push, with natural
    /// exposure above 0.
    pub unlevered_sessions: u32,
    /// Mean natural exposure of those sessions, each divided by the market's activity that day
    /// (an average day's exposure); absent without such sessions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub usual_exposure: Option<f64>,
    /// The merchant is one of the fit's observations.
    pub in_fit: bool,
}

/// The model fitted to a market: the elasticity of natural exposure to the index, and every
/// merchant's inputs to the share of its category's pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TrafficModel {
    pub config: TrafficConfig,
    /// Natural exposure ∝ reach × score^elasticity; absent when there is not enough data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub elasticity: Option<Interval>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub shortfall: Option<ModelShortfall>,
    pub merchants_fitted: u32,
    pub categories_fitted: u32,
    pub sessions_fitted: u32,
    /// Merchants fitted − categories fitted − 1.
    pub degrees_of_freedom: u32,
    /// Every merchant with traffic, in id order.
    pub merchants: Vec<MerchantTraffic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum TrafficVerdict {
    /// Expected exposure now and at the what-if score.
    Estimated,
    /// The market's data do not pin the elasticity down (see `shortfall`).
    NotEnoughData,
    /// The index has no overall score for the merchant.
    NoScore,
    /// No session of the merchant has a traffic record, or none without a push nearby.
    NoTraffic,
}

/// The merchant's expected natural exposure at another score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WhatIfTraffic {
    pub score: f64,
    /// Per session on an average day: the baseline × the model's ratio at this score, over the
    /// elasticity's interval.
    pub expected_exposure: Interval,
    /// Against today's expected exposure, percent.
    pub change_percent: Interval,
    /// The merchant's share of its category's natural exposure, percent.
    pub share_percent: f64,
    /// What the peers' natural exposure changes by, percent (0 when the pool grows).
    pub peers_change_percent: f64,
}

/// Expected natural exposure per session at one score, for the chart.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CurvePoint {
    pub score: f64,
    pub expected_exposure: Interval,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TrafficReport {
    pub merchant_id: String,
    pub category_id: String,
    pub verdict: TrafficVerdict,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub shortfall: Option<ModelShortfall>,
    pub pool: super::config::PoolMode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub elasticity: Option<Interval>,
    pub merchants_fitted: u32,
    pub categories_fitted: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub score: Option<f64>,
    pub reach: f64,
    /// Merchants of the category with traffic: the ones sharing its pool.
    pub category_merchants: u32,
    pub sessions: u32,
    pub unlevered_sessions: u32,
    /// Observed: the mean natural exposure of the unlevered sessions on an average day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub usual_exposure: Option<f64>,
    /// The model's natural exposure per session on an average day at today's score: a typical
    /// shop of the category with this reach and score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub expected_exposure: Option<f64>,
    /// What the what-if and the curve scale: `usualExposure`, or `expectedExposure` when the
    /// merchant has no unlevered session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub baseline_exposure: Option<f64>,
    /// Today's share of the category's natural exposure, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub share_percent: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub what_if: Option<WhatIfTraffic>,
    /// Scores 10, 20, …, 100 (estimated merchants only).
    pub curve: Vec<CurvePoint>,
}
