//! The metrics of the index: what each measures, its dimension, which direction is better, and
//! the accumulator it is computed with.

use serde::{Deserialize, Serialize};

/// The four dimensions a viewer sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Dimension {
    /// 品质
    Quality,
    /// 服务 (customer service, after-sales and logistics)
    Service,
    /// 内容
    Content,
    /// 回头客购物体验
    RepeatExperience,
}

impl Dimension {
    pub const ALL: [Dimension; 4] = [
        Dimension::Quality,
        Dimension::Service,
        Dimension::Content,
        Dimension::RepeatExperience,
    ];

    /// Its name in JSON (`repeatExperience`), without a serializer (the viewer widgets have none).
    pub const fn json_name(self) -> &'static str {
        match self {
            Dimension::Quality => "quality",
            Dimension::Service => "service",
            Dimension::Content => "content",
            Dimension::RepeatExperience => "repeatExperience",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum MetricId {
    /// Buyers with ≥ 2 live-room orders ÷ buyers, [T-30, T-1]. High-repurchase categories.
    RepeatBuyerRate,
    /// Reviewers whose (weighted) review is 4–5★ ÷ reviewers, [T-30, T-1]. Replaces the repeat-
    /// buyer rate in low-repurchase categories.
    PositiveReviewRate,
    /// Reviews within 14 days of payment with quality ≤ 3 or "not worth it" ÷ rated reviews,
    /// orders paid in [T-44, T-15].
    DissatisfactionRate,
    /// Quality refunds requested within 14 days ÷ paid orders, [T-44, T-15].
    QualityRefundRate,
    /// Mean hours from request to completion of refund-only cases, disputes excluded, completed
    /// in [T-30, T-1].
    RefundOnlyHours,
    /// The same for return-and-refund cases.
    ReturnRefundHours,
    /// Mean minutes to the first answer in customer service (unanswered count as 60),
    /// [T-30, T-1].
    FirstResponseMinutes,
    /// Complaints ÷ orders, [T-30, T-1].
    ComplaintRate,
    /// Orders shipped within 48 h ÷ orders, paid in [T-30, T-3] (so 48 h have passed).
    ShipWithin48hRate,
    /// Mean hours from payment to delivery, delivered in [T-30, T-1].
    DeliveryHours,
    /// Comments per 1 000 viewer-minutes in live sessions, [T-30, T-1].
    LiveEngagement,
    /// On-air product intervals with an explain mark ÷ on-air intervals, [T-30, T-1].
    ExplainCoverage,
}

/// Whether a metric is a share of cases or a mean of amounts (this decides its shrinkage and
/// interval).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricKind {
    Rate,
    Mean,
}

impl MetricId {
    pub const ALL: [MetricId; 12] = [
        MetricId::RepeatBuyerRate,
        MetricId::PositiveReviewRate,
        MetricId::DissatisfactionRate,
        MetricId::QualityRefundRate,
        MetricId::RefundOnlyHours,
        MetricId::ReturnRefundHours,
        MetricId::FirstResponseMinutes,
        MetricId::ComplaintRate,
        MetricId::ShipWithin48hRate,
        MetricId::DeliveryHours,
        MetricId::LiveEngagement,
        MetricId::ExplainCoverage,
    ];

    /// Its name in JSON (`qualityRefundRate`), without a serializer (the viewer widgets have none).
    pub const fn json_name(self) -> &'static str {
        use MetricId::*;
        match self {
            RepeatBuyerRate => "repeatBuyerRate",
            PositiveReviewRate => "positiveReviewRate",
            DissatisfactionRate => "dissatisfactionRate",
            QualityRefundRate => "qualityRefundRate",
            RefundOnlyHours => "refundOnlyHours",
            ReturnRefundHours => "returnRefundHours",
            FirstResponseMinutes => "firstResponseMinutes",
            ComplaintRate => "complaintRate",
            ShipWithin48hRate => "shipWithin48hRate",
            DeliveryHours => "deliveryHours",
            LiveEngagement => "liveEngagement",
            ExplainCoverage => "explainCoverage",
        }
    }

    pub fn dimension(self) -> Dimension {
        use MetricId::*;
        match self {
            RepeatBuyerRate | PositiveReviewRate => Dimension::RepeatExperience,
            DissatisfactionRate | QualityRefundRate => Dimension::Quality,
            RefundOnlyHours | ReturnRefundHours | FirstResponseMinutes | ComplaintRate
            | ShipWithin48hRate | DeliveryHours => Dimension::Service,
            LiveEngagement | ExplainCoverage => Dimension::Content,
        }
    }

    pub fn higher_is_better(self) -> bool {
        use MetricId::*;
        matches!(
            self,
            RepeatBuyerRate
                | PositiveReviewRate
                | ShipWithin48hRate
                | LiveEngagement
                | ExplainCoverage
        )
    }

    pub fn kind(self) -> MetricKind {
        use MetricId::*;
        match self {
            RefundOnlyHours | ReturnRefundHours | FirstResponseMinutes | DeliveryHours
            | LiveEngagement => MetricKind::Mean,
            _ => MetricKind::Rate,
        }
    }

    pub fn index(self) -> usize {
        MetricId::ALL.iter().position(|&m| m == self).unwrap_or(0)
    }
}

/// Sufficient statistics of one metric for one merchant: (weighted) successes over cases for a
/// rate, sum and sum of squares over count for a mean.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    /// Successes (rates) or the sum of values (means).
    pub sum: f64,
    /// Sum of squared values (means only).
    pub sum_sq: f64,
    /// Cases (rates) or values (means); review weights may make it fractional.
    pub n: f64,
}

impl Tally {
    pub fn add_case(&mut self, success: bool, weight: f64) {
        self.n += weight;
        if success {
            self.sum += weight;
        }
    }

    pub fn add_value(&mut self, value: f64) {
        self.n += 1.0;
        self.sum += value;
        self.sum_sq += value * value;
    }

    /// A value counted with a weight (a discounted buyer's, or 1).
    pub fn add_weighted_value(&mut self, value: f64, weight: f64) {
        self.n += weight;
        self.sum += weight * value;
        self.sum_sq += weight * value * value;
    }

    pub fn merge(&mut self, other: &Tally) {
        self.sum += other.sum;
        self.sum_sq += other.sum_sq;
        self.n += other.n;
    }

    /// The raw value, None without cases.
    pub fn value(&self) -> Option<f64> {
        (self.n > 0.0).then(|| self.sum / self.n)
    }
}
