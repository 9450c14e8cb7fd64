//! From tallies to scores: shrink each metric toward its category (Bayesian, in pseudo-cases),
//! place it among peers with the category's sketches, weigh metrics into dimensions and the
//! overall score, and carry an uncertainty interval through every step.

use serde::{Deserialize, Serialize};

use super::config::IndexConfig;
use super::metric::{Dimension, MetricId, MetricKind, Tally};
use super::report::{
    DimensionReport, IndexReport, MetricReport, Placement, PlacementStatus, Score, Suggestion,
    TargetKind, WindowDays,
};
use super::sketch::PeerSketch;
use super::tally::MerchantTallies;
use crate::model::{LocalDate, Repurchase};
use crate::peer_tier::{PeerTier, TierCutoffs};

/// What peers of one L2 category look like, per metric and overall. Small, serializable and
/// mergeable per metric: all a browser needs to place one merchant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CategoryPeers {
    pub category_id: String,
    pub repurchase: Repurchase,
    pub merchants: u32,
    /// Per metric in `MetricId::ALL` order: the category's pooled tally (its prior) and the sketch
    /// of merchants' shrunk values.
    pub metrics: Vec<MetricPeers>,
    /// Per dimension in `Dimension::ALL` order: the sketch of merchants' dimension scores.
    pub dimensions: Vec<PeerSketch>,
    pub overall: PeerSketch,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MetricPeers {
    pub pooled: Tally,
    pub shrunk: PeerSketch,
}

/// A metric applies unless it is the repeat-buyer slot's other half.
pub fn applies(metric: MetricId, repurchase: Repurchase) -> bool {
    match metric {
        MetricId::RepeatBuyerRate => repurchase == Repurchase::High,
        MetricId::PositiveReviewRate => repurchase == Repurchase::Low,
        _ => true,
    }
}

fn prior(pooled: &Tally, kind: MetricKind) -> (f64, f64) {
    let mean = pooled.value().unwrap_or(0.0);
    let var = match kind {
        MetricKind::Rate => mean * (1.0 - mean),
        MetricKind::Mean if pooled.n > 0.0 => (pooled.sum_sq / pooled.n - mean * mean).max(0.0),
        MetricKind::Mean => 0.0,
    };
    (mean, var)
}

/// The shrunk value and its standard deviation.
fn shrink(t: &Tally, pooled: &Tally, kind: MetricKind, k: f64) -> (f64, f64) {
    let (prior_mean, prior_var) = prior(pooled, kind);
    let denominator = t.n + k;
    if denominator <= 0.0 {
        return (prior_mean, prior_var.sqrt());
    }
    let value = (t.sum + k * prior_mean) / denominator;
    let var = match kind {
        MetricKind::Rate => value * (1.0 - value) / (denominator + 1.0),
        MetricKind::Mean => {
            let own = if t.n >= 2.0 {
                let m = t.sum / t.n;
                ((t.sum_sq / t.n - m * m) * t.n / (t.n - 1.0)).max(0.0)
            } else {
                prior_var
            };
            own / denominator
        }
    };
    (value, var.max(0.0).sqrt())
}

fn oriented_score(metric: MetricId, sketch: &PeerSketch, value: f64) -> f64 {
    let rank = sketch.rank(value);
    100.0
        * if metric.higher_is_better() {
            rank
        } else {
            1.0 - rank
        }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn percent_floor(rank: f64) -> u8 {
    (rank * 100.0).floor().clamp(0.0, 100.0) as u8
}

fn tier_of(percent: u8, cutoffs: &TierCutoffs) -> PeerTier {
    let p = f64::from(percent);
    if p >= cutoffs.leading_from {
        PeerTier::Leading
    } else if p >= cutoffs.average_from {
        PeerTier::Average
    } else {
        PeerTier::SlightlyBelow
    }
}

/// Intermediate scores of one merchant (before placement among peers).
#[derive(Debug, Clone)]
pub(crate) struct Scored {
    /// Per metric: (shrunk value, score with interval); None when the metric does not apply.
    pub metrics: Vec<Option<(f64, Score)>>,
    pub dimensions: Vec<Score>,
    pub overall: Score,
}

/// Combines scores weighted: the value is the weighted mean; the interval's half-widths add in
/// quadrature (errors of different metrics are taken as independent).
fn combine(parts: &[(f64, Score)]) -> Score {
    let total: f64 = parts.iter().map(|(w, _)| w).sum();
    if total <= 0.0 {
        return Score {
            value: 50.0,
            low: 0.0,
            high: 100.0,
        };
    }
    let value = parts.iter().map(|(w, s)| w * s.value).sum::<f64>() / total;
    let half_width = |side: &dyn Fn(&Score) -> f64| {
        let squares: f64 = parts
            .iter()
            .map(|(w, s)| (w * side(s)) * (w * side(s)))
            .sum();
        squares.sqrt() / total
    };
    let down = half_width(&|s| s.value - s.low);
    let up = half_width(&|s| s.high - s.value);
    Score {
        value,
        low: (value - down).max(0.0),
        high: (value + up).min(100.0),
    }
}

pub(crate) fn score_metrics(
    tallies: &[Tally],
    repurchase: Repurchase,
    metric_peers: &[MetricPeers],
    config: &IndexConfig,
) -> Scored {
    let k = config.prior_strength;
    let z = config.interval_z;
    let metrics: Vec<Option<(f64, Score)>> = MetricId::ALL
        .iter()
        .map(|&metric| {
            if !applies(metric, repurchase) {
                return None;
            }
            let t = tallies.get(metric.index()).copied().unwrap_or_default();
            let peers = metric_peers.get(metric.index())?;
            let (value, sd) = shrink(&t, &peers.pooled, metric.kind(), k);
            let a = oriented_score(metric, &peers.shrunk, value - z * sd);
            let b = oriented_score(metric, &peers.shrunk, value + z * sd);
            let s = oriented_score(metric, &peers.shrunk, value);
            Some((
                value,
                Score {
                    value: s,
                    low: a.min(b).min(s),
                    high: a.max(b).max(s),
                },
            ))
        })
        .collect();
    let weighted = |filter: &dyn Fn(MetricId) -> bool| -> Vec<(f64, Score)> {
        MetricId::ALL
            .iter()
            .zip(&metrics)
            .filter(|(m, _)| filter(**m))
            .filter_map(|(&m, s)| s.map(|(_, score)| (config.weights.get(m), score)))
            .collect()
    };
    let dimensions = Dimension::ALL
        .iter()
        .map(|&d| combine(&weighted(&|m: MetricId| m.dimension() == d)))
        .collect();
    let overall = combine(&weighted(&|_| true));
    Scored {
        metrics,
        dimensions,
        overall,
    }
}

/// Builds the peers of one category from its merchants' tallies. A platform with the merchants in
/// shards runs the same three phases with [`super::shard`], merging between them.
pub fn category_peers(
    category_id: &str,
    repurchase: Repurchase,
    members: &[&MerchantTallies],
    config: &IndexConfig,
) -> CategoryPeers {
    let pooled = super::shard::pool(members);
    let sketches = super::shard::shrunk_sketches(members, &pooled, config);
    let metrics: Vec<MetricPeers> = pooled
        .into_iter()
        .zip(sketches)
        .map(|(pooled, shrunk)| MetricPeers { pooled, shrunk })
        .collect();
    let (dimensions, overall) = super::shard::score_sketches(members, repurchase, &metrics, config);
    CategoryPeers {
        category_id: category_id.to_owned(),
        repurchase,
        merchants: u32::try_from(members.len()).unwrap_or(u32::MAX),
        metrics,
        dimensions,
        overall,
    }
}

/// The shrunk value of one merchant's metric given the category's pooled tally.
pub(crate) fn shrunk_value(
    t: &Tally,
    pooled: &Tally,
    metric: MetricId,
    config: &IndexConfig,
) -> f64 {
    shrink(t, pooled, metric.kind(), config.prior_strength).0
}

fn window_days(as_of: LocalDate, (from, to): (u32, u32)) -> WindowDays {
    WindowDays {
        first_day: as_of.minus_days(from.into()),
        last_day: as_of.minus_days(to.into()),
    }
}

fn metric_window(metric: MetricId, as_of: LocalDate, config: &IndexConfig) -> WindowDays {
    let w = &config.windows;
    match metric {
        MetricId::DissatisfactionRate | MetricId::QualityRefundRate => window_days(as_of, w.lagged),
        MetricId::ShipWithin48hRate => window_days(as_of, (w.recent.0, w.recent.1.max(3))),
        _ => window_days(as_of, w.recent),
    }
}

fn placement(
    scored: &Scored,
    peers: &CategoryPeers,
    recent_orders: u64,
    config: &IndexConfig,
) -> Placement {
    let better = percent_floor(peers.overall.rank(scored.overall.value));
    let low = percent_floor(peers.overall.rank(scored.overall.low));
    let high = percent_floor(peers.overall.rank(scored.overall.high));
    let point_tier = tier_of(better, &config.tier_cutoffs);
    let enough = recent_orders >= u64::from(config.min_orders)
        && tier_support(point_tier, low, high, &config.tier_cutoffs) >= config.tier_support;
    Placement {
        status: if enough {
            PlacementStatus::Tiered
        } else {
            PlacementStatus::NotEnoughData
        },
        tier: enough.then(|| tier_of(better, &config.tier_cutoffs)),
        better_than_percent: better,
        better_than_low: low,
        better_than_high: high,
        peer_count: peers.merchants,
    }
}

/// Share of the interval [low, high] (percent of peers beaten) inside `tier`'s band.
fn tier_support(tier: PeerTier, low: u8, high: u8, cutoffs: &TierCutoffs) -> f64 {
    let (band_low, band_high) = match tier {
        PeerTier::Leading => (cutoffs.leading_from, 100.0),
        PeerTier::Average => (cutoffs.average_from, cutoffs.leading_from),
        PeerTier::SlightlyBelow => (0.0, cutoffs.average_from),
    };
    let (low, high) = (f64::from(low), f64::from(high));
    if high <= low {
        return 1.0;
    }
    let overlap = (high.min(band_high) - low.max(band_low)).max(0.0);
    overlap / (high - low)
}

fn dimension_weight(d: Dimension, repurchase: Repurchase, config: &IndexConfig) -> f64 {
    let total: f64 = MetricId::ALL
        .iter()
        .filter(|&&m| applies(m, repurchase))
        .map(|&m| config.weights.get(m))
        .sum();
    let part: f64 = MetricId::ALL
        .iter()
        .filter(|&&m| applies(m, repurchase) && m.dimension() == d)
        .map(|&m| config.weights.get(m))
        .sum();
    if total > 0.0 {
        100.0 * part / total
    } else {
        0.0
    }
}

/// The full report of one merchant against its category's peers.
pub fn report(
    merchant: &MerchantTallies,
    category_id: &str,
    peers: &CategoryPeers,
    as_of: LocalDate,
    config: &IndexConfig,
) -> IndexReport {
    let mut r = report_without_suggestions(merchant, category_id, peers, as_of, config);
    r.suggestions = suggestions(merchant, category_id, peers, as_of, config, &r);
    r
}

fn report_without_suggestions(
    merchant: &MerchantTallies,
    category_id: &str,
    peers: &CategoryPeers,
    as_of: LocalDate,
    config: &IndexConfig,
) -> IndexReport {
    let repurchase = peers.repurchase;
    let scored = score_metrics(&merchant.tallies, repurchase, &peers.metrics, config);
    let placement = placement(&scored, peers, merchant.recent_orders, config);
    let total_weight: f64 = MetricId::ALL
        .iter()
        .filter(|&&m| applies(m, repurchase))
        .map(|&m| config.weights.get(m))
        .sum();
    let metrics = MetricId::ALL
        .iter()
        .zip(&scored.metrics)
        .filter_map(|(&metric, s)| {
            let (shrunk, score) = (*s)?;
            let peer = peers.metrics.get(metric.index())?;
            let tally = merchant.tally(metric);
            let weight = config.weights.get(metric);
            // Bucket representatives can sit just above 1 for a rate of 100 %.
            let limit = |v: f64| {
                if metric.kind() == MetricKind::Rate {
                    v.min(1.0)
                } else {
                    v
                }
            };
            let (median, top10) = (
                limit(peer.shrunk.quantile(0.5).unwrap_or(shrunk)),
                limit(
                    peer.shrunk
                        .quantile(if metric.higher_is_better() { 0.9 } else { 0.1 })
                        .unwrap_or(shrunk),
                ),
            );
            Some(MetricReport {
                metric,
                dimension: metric.dimension(),
                higher_is_better: metric.higher_is_better(),
                raw: tally.value().map(round4),
                shrunk: round4(shrunk),
                window: metric_window(metric, as_of, config),
                sample: round2(tally.n),
                peer_percentile: round2(score.value),
                score: round_score(score),
                weight,
                contribution: if total_weight > 0.0 {
                    round2(weight * score.value / total_weight)
                } else {
                    0.0
                },
                peer_median: round4(median),
                peer_top10: round4(top10),
            })
        })
        .collect();
    let dimensions = Dimension::ALL
        .iter()
        .zip(&scored.dimensions)
        .enumerate()
        .map(|(i, (&dimension, &score))| {
            let sketch = peers.dimensions.get(i).cloned().unwrap_or_default();
            let better = percent_floor(sketch.rank(score.value));
            DimensionReport {
                dimension,
                score: round_score(score),
                tier: (placement.status == PlacementStatus::Tiered)
                    .then(|| tier_of(better, &config.tier_cutoffs)),
                better_than_percent: better,
                weight: round2(dimension_weight(dimension, repurchase, config)),
                peer_median: round2(sketch.quantile(0.5).unwrap_or(score.value)),
                peer_top10: round2(sketch.quantile(0.9).unwrap_or(score.value)),
            }
        })
        .collect();
    IndexReport {
        merchant_id: merchant.merchant_id.clone(),
        category_id: category_id.to_owned(),
        repurchase,
        as_of,
        overall: round_score(scored.overall),
        placement,
        dimensions,
        metrics,
        suggestions: Vec::new(),
        review_guard: merchant.guard.clone(),
        recent_orders: merchant.recent_orders,
    }
}

fn round_score(s: Score) -> Score {
    Score {
        value: round2(s.value),
        low: round2(s.low),
        high: round2(s.high),
    }
}

/// A merchant's tallies with one metric's raw value replaced (keeping its sample size; a metric
/// without cases gets the prior strength as its sample, so the edit has weight).
pub fn with_value(
    merchant: &MerchantTallies,
    metric: MetricId,
    value: f64,
    config: &IndexConfig,
) -> MerchantTallies {
    let mut edited = merchant.clone();
    if let Some(t) = edited.tallies.get_mut(metric.index()) {
        let n = if t.n > 0.0 {
            t.n
        } else {
            config.prior_strength.max(1.0)
        };
        *t = Tally {
            sum: value * n,
            sum_sq: value * value * n,
            n,
        };
    }
    edited
}

/// Per applicable metric where the merchant trails the peers, what reaching the peer median and
/// the top 10 % would bring; the largest gains first.
fn suggestions(
    merchant: &MerchantTallies,
    category_id: &str,
    peers: &CategoryPeers,
    as_of: LocalDate,
    config: &IndexConfig,
    current: &IndexReport,
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for m in &current.metrics {
        let current_value = m.raw.unwrap_or(m.shrunk);
        for (kind, target) in [
            (TargetKind::Median, m.peer_median),
            (TargetKind::Top10, m.peer_top10),
        ] {
            let behind = if m.higher_is_better {
                current_value < target
            } else {
                current_value > target
            };
            if !behind {
                continue;
            }
            let edited = with_value(merchant, m.metric, target, config);
            let after = report_without_suggestions(&edited, category_id, peers, as_of, config);
            let gain = after.overall.value - current.overall.value;
            if gain <= 0.05 {
                continue;
            }
            let dim = |r: &IndexReport| {
                r.dimensions
                    .iter()
                    .find(|d| d.dimension == m.dimension)
                    .map_or(0.0, |d| d.score.value)
            };
            out.push(Suggestion {
                metric: m.metric,
                dimension: m.dimension,
                current: current_value,
                target_kind: kind,
                target,
                overall_gain: round2(gain),
                dimension_gain: round2(dim(&after) - dim(current)),
                new_tier: after.placement.tier,
            });
        }
    }
    out.sort_by(|a, b| {
        b.overall_gain
            .total_cmp(&a.overall_gain)
            .then(a.metric.cmp(&b.metric))
    });
    out
}
