//! Eligibility gates and their evaluation on one merchant: every bound is inclusive (a minimum
//! of 70 passes at 70.0), and a gate whose value the data cannot give (no score, no cases) fails
//! with no value rather than passing on a guess.

use serde::{Deserialize, Serialize};

use crate::index::{Dimension, IndexReport, MetricId};
use crate::model::{Merchant, MerchantType};
use crate::peer_tier::PeerTier;
use crate::{Error, Result};

/// A condition a merchant must meet to sign up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Gate {
    /// The index's overall score, 0–100, at least `min`.
    MinOverallScore { min: f64 },
    /// A tier at least as good as `tier` (领先 > 平均 > 略低于同行).
    MinTier { tier: PeerTier },
    /// A dimension's score at least `min`.
    MinDimensionScore { dimension: Dimension, min: f64 },
    /// A metric's own value (as the index reports it, `raw`) at least `min`.
    MinMetric { metric: MetricId, min: f64 },
    /// A metric's own value at most `max` (rates such as complaints).
    MaxMetric { metric: MetricId, max: f64 },
    /// Genuine orders paid in the index's recent window, at least `min`.
    MinRecentOrders { min: u64 },
    /// Followers, at least `min`.
    MinFollowers { min: u64 },
    /// The merchant is one of these types.
    MerchantTypes { types: Vec<MerchantType> },
}

/// The merchant's value for a gate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum GateValue {
    Number(f64),
    Tier(PeerTier),
    Type(MerchantType),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GateResult {
    pub gate: Gate,
    pub passed: bool,
    /// Absent when the data give no value (then the gate fails).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub value: Option<GateValue>,
}

/// What the gates read about one merchant.
#[derive(Debug, Clone, PartialEq)]
pub struct MerchantFacts {
    pub merchant_type: MerchantType,
    pub followers: u64,
    pub recent_orders: u64,
    pub overall: Option<f64>,
    pub tier: Option<PeerTier>,
    pub dimensions: Vec<(Dimension, Option<f64>)>,
    pub metrics: Vec<(MetricId, Option<f64>)>,
}

impl MerchantFacts {
    pub fn of(merchant: &Merchant, report: &IndexReport) -> MerchantFacts {
        MerchantFacts {
            merchant_type: merchant.merchant_type,
            followers: merchant.followers,
            recent_orders: report.recent_orders,
            overall: report.overall.as_ref().map(|s| s.value),
            tier: report.placement.tier,
            dimensions: report
                .dimensions
                .iter()
                .map(|d| (d.dimension, d.score.as_ref().map(|s| s.value)))
                .collect(),
            metrics: report.metrics.iter().map(|m| (m.metric, m.raw)).collect(),
        }
    }
}

/// Better tiers rank higher.
fn rank(t: PeerTier) -> u8 {
    match t {
        PeerTier::Leading => 2,
        PeerTier::Average => 1,
        PeerTier::SlightlyBelow => 0,
    }
}

fn finite(field: &str, v: f64) -> Result<()> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(Error::invalid_field(field, "must be a finite number"))
    }
}

impl Gate {
    /// Bounds are finite (scores within 0–100); a type gate names at least one type.
    pub fn check(&self) -> Result<()> {
        match self {
            Gate::MinOverallScore { min } | Gate::MinDimensionScore { min, .. } => {
                finite("min", *min)?;
                if !(0.0..=100.0).contains(min) {
                    return Err(Error::invalid_field("min", "a score is 0 to 100"));
                }
                Ok(())
            }
            Gate::MinMetric { min, .. } => finite("min", *min),
            Gate::MaxMetric { max, .. } => finite("max", *max),
            Gate::MerchantTypes { types } if types.is_empty() => {
                Err(Error::invalid_field("types", "must name at least one type"))
            }
            _ => Ok(()),
        }
    }

    pub fn evaluate(&self, f: &MerchantFacts) -> GateResult {
        let number = |v: Option<f64>, ok: &dyn Fn(f64) -> bool| {
            (v.is_some_and(ok), v.map(GateValue::Number))
        };
        let (passed, value) = match self {
            Gate::MinOverallScore { min } => number(f.overall, &|v| v >= *min),
            Gate::MinTier { tier } => (
                f.tier.is_some_and(|t| rank(t) >= rank(*tier)),
                f.tier.map(GateValue::Tier),
            ),
            Gate::MinDimensionScore { dimension, min } => {
                let v = f
                    .dimensions
                    .iter()
                    .find(|(d, _)| d == dimension)
                    .and_then(|(_, v)| *v);
                number(v, &|v| v >= *min)
            }
            Gate::MinMetric { metric, min } => {
                let v = f
                    .metrics
                    .iter()
                    .find(|(m, _)| m == metric)
                    .and_then(|(_, v)| *v);
                number(v, &|v| v >= *min)
            }
            Gate::MaxMetric { metric, max } => {
                let v = f
                    .metrics
                    .iter()
                    .find(|(m, _)| m == metric)
                    .and_then(|(_, v)| *v);
                number(v, &|v| v <= *max)
            }
            Gate::MinRecentOrders { min } => (
                f.recent_orders >= *min,
                Some(GateValue::Number(f.recent_orders as f64)),
            ),
            Gate::MinFollowers { min } => (
                f.followers >= *min,
                Some(GateValue::Number(f.followers as f64)),
            ),
            Gate::MerchantTypes { types } => (
                types.contains(&f.merchant_type),
                Some(GateValue::Type(f.merchant_type)),
            ),
        };
        GateResult {
            gate: self.clone(),
            passed,
            value,
        }
    }
}
