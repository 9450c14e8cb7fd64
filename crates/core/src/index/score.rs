//! From tallies to scores: shrink each metric toward its category (Bayesian, in pseudo-cases),
//! place it among the peers that have data for it, weigh metrics into dimensions and the overall
//! score — redistributing the weight of whatever has no data — and carry an uncertainty interval
//! through every step. Nothing without cases gets a score.

use serde::{Deserialize, Serialize};

use super::config::IndexConfig;
use super::metric::{Dimension, MetricId, MetricKind, Tally};
use super::report::{
    DataStatus, DimensionReport, IndexReport, MetricReport, Placement, PlacementStatus, Score,
    Shortfall, Suggestion, TargetKind, WindowDays,
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
    /// Merchants of the category (with or without data).
    pub merchants: u32,
    /// Per metric in `MetricId::ALL` order: the category's pooled tally (its prior) and the sketch
    /// of the shrunk values of the merchants with data for it.
    pub metrics: Vec<MetricPeers>,
    /// Per dimension in `Dimension::ALL` order: the sketch of the scores of the merchants with a
    /// score in it.
    pub dimensions: Vec<PeerSketch>,
    /// The sketch of the overall scores of the merchants with one.
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

/// Whether a tally has any case (weights below this are treated as none).
pub(crate) fn has_data(t: &Tally) -> bool {
    t.n > 0.0
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
        // With one success and one failure added, so that a perfect record of a few cases is
        // not certain (a plain binomial variance is 0 at 0 % and 100 %).
        MetricKind::Rate => {
            let p = (value * denominator + 1.0) / (denominator + 2.0);
            p * (1.0 - p) / (denominator + 1.0)
        }
        // The merchant's spread blended with the category's as one more observation: the
        // category's alone for one case, mostly the merchant's own for many.
        MetricKind::Mean => {
            let own_ss = if t.n > 0.0 {
                let m = t.sum / t.n;
                (t.sum_sq - t.n * m * m).max(0.0)
            } else {
                0.0
            };
            let spread = if t.n > 0.0 {
                (own_ss + prior_var) / t.n
            } else {
                prior_var
            };
            spread / denominator
        }
    };
    (value, var.max(0.0).sqrt())
}

/// 0–100: the share of peers the merchant beats when its value lies somewhere in [lo, hi].
fn oriented_score(metric: MetricId, sketch: &PeerSketch, lo: f64, hi: f64) -> f64 {
    let rank = sketch.spread_rank(lo, hi);
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

/// A rank as whole percent, rounded down (0–100): what tiers and their support are judged on.
fn percent_floor(rank: f64) -> u8 {
    (rank * 100.0).floor().clamp(0.0, 100.0) as u8
}

/// "Better than x %" as reported: at most 99 — the merchant is one of its own peers, so it is
/// never better than all of them (a what-if beyond every peer still reads 99 %). Tiers are
/// judged on the unclipped figure.
fn shown(percent: u8) -> u8 {
    percent.min(99)
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

fn sketch_count(sketch: &PeerSketch) -> u32 {
    u32::try_from(sketch.count()).unwrap_or(u32::MAX)
}

/// One metric of one merchant before reporting.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MetricScore {
    pub status: DataStatus,
    /// The shrunk value, when the metric has data.
    pub shrunk: Option<f64>,
    /// The score, when `status` is `scored`.
    pub score: Option<Score>,
    /// Share of the overall score, 0–1, after redistribution (0 without a score).
    pub effective: f64,
}

/// Intermediate scores of one merchant (before placement among peers).
#[derive(Debug, Clone)]
pub(crate) struct Scored {
    /// Per metric, in `MetricId::ALL` order; None when the metric does not apply.
    pub metrics: Vec<Option<MetricScore>>,
    pub dimensions: Vec<(DataStatus, Option<Score>)>,
    /// Share of the overall score per dimension, 0–1, after redistribution.
    pub dimension_shares: Vec<f64>,
    pub overall: Option<Score>,
}

/// Combines scores weighted: the value is the weighted mean; the interval's half-widths add in
/// quadrature (errors of different metrics are taken as independent). None without parts or
/// without weight.
fn combine(parts: &[(f64, Score)]) -> Option<Score> {
    let total: f64 = parts.iter().map(|(w, _)| w).sum();
    if parts.is_empty() || total <= 0.0 {
        return None;
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
    Some(Score {
        value,
        low: (value - down).max(0.0),
        high: (value + up).min(100.0),
    })
}

/// The configured weight of a dimension: the sum of its applicable metrics' weights.
fn nominal_dimension_weight(d: Dimension, repurchase: Repurchase, config: &IndexConfig) -> f64 {
    MetricId::ALL
        .iter()
        .filter(|&&m| applies(m, repurchase) && m.dimension() == d)
        .map(|&m| config.weights.get(m))
        .sum()
}

pub(crate) fn score_metrics(
    tallies: &[Tally],
    repurchase: Repurchase,
    metric_peers: &[MetricPeers],
    config: &IndexConfig,
) -> Scored {
    let k = config.prior_strength;
    let z = config.interval_z;
    let mut metrics: Vec<Option<MetricScore>> = MetricId::ALL
        .iter()
        .map(|&metric| {
            if !applies(metric, repurchase) {
                return None;
            }
            let t = tallies.get(metric.index()).copied().unwrap_or_default();
            let peers = metric_peers.get(metric.index())?;
            if !has_data(&t) {
                return Some(MetricScore {
                    status: DataStatus::NoData,
                    shrunk: None,
                    score: None,
                    effective: 0.0,
                });
            }
            let (value, sd) = shrink(&t, &peers.pooled, metric.kind(), k);
            if peers.shrunk.count() < u64::from(config.min_peers) {
                return Some(MetricScore {
                    status: DataStatus::FewPeers,
                    shrunk: Some(value),
                    score: None,
                    effective: 0.0,
                });
            }
            // The score averages the rank over the value's interval, so a change far smaller
            // than the uncertainty moves it a little, not a whole peer's step; the interval's
            // ends are the same average with the value at either end of its interval.
            let h = z * sd;
            let s = oriented_score(metric, &peers.shrunk, value - h, value + h);
            let a = oriented_score(metric, &peers.shrunk, value - 2.0 * h, value);
            let b = oriented_score(metric, &peers.shrunk, value, value + 2.0 * h);
            Some(MetricScore {
                status: DataStatus::Scored,
                shrunk: Some(value),
                score: Some(Score {
                    value: s,
                    low: a.min(b).min(s),
                    high: a.max(b).max(s),
                }),
                effective: 0.0,
            })
        })
        .collect();

    // Within a dimension, the weight of metrics without a score goes to its scored metrics; the
    // weight of dimensions without a score goes to the scored dimensions, in proportion.
    let mut dimensions = Vec::with_capacity(Dimension::ALL.len());
    let mut shares = vec![0.0; Dimension::ALL.len()];
    for (di, &d) in Dimension::ALL.iter().enumerate() {
        let in_dimension = || {
            MetricId::ALL
                .iter()
                .zip(&metrics)
                .filter(move |(m, _)| m.dimension() == d)
                .filter_map(|(&m, s)| s.map(|s| (m, s)))
        };
        let parts: Vec<(f64, Score)> = in_dimension()
            .filter_map(|(m, s)| s.score.map(|score| (config.weights.get(m), score)))
            .collect();
        let score = combine(&parts);
        let status = if score.is_some() {
            DataStatus::Scored
        } else if in_dimension().any(|(_, s)| s.status == DataStatus::FewPeers) {
            DataStatus::FewPeers
        } else {
            DataStatus::NoData
        };
        if score.is_some() {
            shares[di] = nominal_dimension_weight(d, repurchase, config);
        }
        dimensions.push((status, score));
    }
    let total: f64 = shares.iter().sum();
    if total > 0.0 {
        for s in &mut shares {
            *s /= total;
        }
    }
    // Per dimension, the weight of its scored metrics (what the dimension's share is split by).
    let mut scored_weight = vec![0.0; Dimension::ALL.len()];
    for (&metric, s) in MetricId::ALL.iter().zip(&metrics) {
        if s.is_some_and(|s| s.score.is_some()) {
            scored_weight[dimension_index(metric.dimension())] += config.weights.get(metric);
        }
    }
    for (&metric, slot) in MetricId::ALL.iter().zip(metrics.iter_mut()) {
        let Some(s) = slot.as_mut().filter(|s| s.score.is_some()) else {
            continue;
        };
        let di = dimension_index(metric.dimension());
        if scored_weight[di] > 0.0 {
            s.effective = shares[di] * config.weights.get(metric) / scored_weight[di];
        }
    }
    let parts: Vec<(f64, Score)> = metrics
        .iter()
        .flatten()
        .filter_map(|s| s.score.map(|score| (s.effective, score)))
        .collect();
    let overall = combine(&parts);
    Scored {
        metrics,
        dimensions,
        dimension_shares: shares,
        overall,
    }
}

fn dimension_index(d: Dimension) -> usize {
    Dimension::ALL.iter().position(|&x| x == d).unwrap_or(0)
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

/// The shrunk value of one merchant's metric given the category's pooled tally; None without
/// cases (a merchant without data is not a peer for that metric).
pub(crate) fn shrunk_value(
    t: &Tally,
    pooled: &Tally,
    metric: MetricId,
    config: &IndexConfig,
) -> Option<f64> {
    has_data(t).then(|| shrink(t, pooled, metric.kind(), config.prior_strength).0)
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

/// The "better than" percentages of a score and its interval's ends in a sketch.
fn better_than(sketch: &PeerSketch, s: &Score) -> (u8, u8, u8) {
    (
        percent_floor(sketch.rank(s.value)),
        percent_floor(sketch.rank(s.low)),
        percent_floor(sketch.rank(s.high)),
    )
}

fn placement(
    scored: &Scored,
    tallies: &[Tally],
    peers: &CategoryPeers,
    recent_orders: u64,
    config: &IndexConfig,
) -> Placement {
    let peer_count = sketch_count(&peers.overall);
    let mut missing = Vec::new();
    let mut place = None;
    let few_peers = scored
        .dimensions
        .iter()
        .any(|(status, _)| *status == DataStatus::FewPeers);
    match &scored.overall {
        // Data, but in metrics too few merchants share: say how many the best-covered one has.
        None if few_peers => missing.push(Shortfall::FewPeers {
            peers: MetricId::ALL
                .iter()
                .filter(|&&m| applies(m, peers.repurchase))
                .filter_map(|m| peers.metrics.get(m.index()))
                .map(|m| sketch_count(&m.shrunk))
                .max()
                .unwrap_or(0),
            needed: config.min_peers,
        }),
        None => missing.push(Shortfall::NoData),
        Some(_) if peer_count < config.min_peers => missing.push(Shortfall::FewPeers {
            peers: peer_count,
            needed: config.min_peers,
        }),
        Some(overall) => place = Some(better_than(&peers.overall, overall)),
    }
    if recent_orders < u64::from(config.min_orders) {
        missing.push(Shortfall::FewOrders {
            orders: recent_orders,
            needed: config.min_orders,
        });
    }
    let mut tier = None;
    if let Some((better, low, high)) = place {
        let point_tier = tier_of(better, &config.tier_cutoffs);
        if tier_support(point_tier, low, high, &config.tier_cutoffs) >= config.tier_support {
            tier = Some(point_tier);
        } else {
            let widest = MetricId::ALL
                .iter()
                .zip(&scored.metrics)
                .filter_map(|(&m, s)| {
                    let s = s.as_ref()?;
                    let score = s.score?;
                    Some((m, s.effective * (score.high - score.low)))
                })
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(m, _)| m);
            let sample = widest.map_or(0.0, |m| tallies.get(m.index()).map_or(0.0, |t| t.n));
            // sd ∝ 1/√(n + k): halving it takes 4(n + k) − k cases, 3n + 3k more.
            let more = (3.0 * (sample + config.prior_strength)).ceil().max(1.0) as u64;
            missing.push(Shortfall::WideInterval {
                low: shown(low),
                high: shown(high),
                metric: widest,
                sample: round2(sample),
                more_cases: more,
            });
        }
    }
    let tiered = missing.is_empty();
    Placement {
        status: if tiered {
            PlacementStatus::Tiered
        } else {
            PlacementStatus::NotEnoughData
        },
        tier: tier.filter(|_| tiered),
        better_than_percent: place.map(|p| shown(p.0)),
        better_than_low: place.map(|p| shown(p.1)),
        better_than_high: place.map(|p| shown(p.2)),
        peer_count,
        missing,
    }
}

/// Share of the interval [low, high] (percent of peers beaten) inside `tier`'s band; 1 for an
/// interval of one point.
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

fn metric_report(
    metric: MetricId,
    s: &MetricScore,
    peer: &MetricPeers,
    tally: Tally,
    as_of: LocalDate,
    config: &IndexConfig,
) -> MetricReport {
    // Bucket representatives can sit just above 1 for a rate of 100 %.
    let limit = |v: f64| {
        if metric.kind() == MetricKind::Rate {
            v.min(1.0)
        } else {
            v
        }
    };
    let top = if metric.higher_is_better() { 0.9 } else { 0.1 };
    let effective_weight = 100.0 * s.effective;
    MetricReport {
        metric,
        dimension: metric.dimension(),
        higher_is_better: metric.higher_is_better(),
        status: s.status,
        raw: tally.value().map(round4),
        shrunk: s.shrunk.map(round4),
        window: metric_window(metric, as_of, config),
        sample: round2(tally.n),
        peer_percentile: s.score.map(|x| round2(x.value)),
        score: s.score.map(round_score),
        weight: config.weights.get(metric),
        effective_weight: round2(effective_weight),
        contribution: s
            .score
            .map_or(0.0, |x| round2(effective_weight * x.value / 100.0)),
        peer_count: sketch_count(&peer.shrunk),
        peer_median: peer.shrunk.quantile(0.5).map(|v| round4(limit(v))),
        peer_top10: peer.shrunk.quantile(top).map(|v| round4(limit(v))),
    }
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
    let placement = placement(
        &scored,
        &merchant.tallies,
        peers,
        merchant.recent_orders,
        config,
    );
    let metrics = MetricId::ALL
        .iter()
        .zip(&scored.metrics)
        .filter_map(|(&metric, s)| {
            let s = s.as_ref()?;
            let peer = peers.metrics.get(metric.index())?;
            Some(metric_report(
                metric,
                s,
                peer,
                merchant.tally(metric),
                as_of,
                config,
            ))
        })
        .collect();
    let nominal_total: f64 = Dimension::ALL
        .iter()
        .map(|&d| nominal_dimension_weight(d, repurchase, config))
        .sum();
    let dimensions = Dimension::ALL
        .iter()
        .enumerate()
        .map(|(i, &dimension)| {
            let (status, score) = scored
                .dimensions
                .get(i)
                .copied()
                .unwrap_or((DataStatus::NoData, None));
            let sketch = peers.dimensions.get(i).cloned().unwrap_or_default();
            let place = score.map(|s| better_than(&sketch, &s));
            let tier = match place {
                Some((better, low, high)) if placement.status == PlacementStatus::Tiered => {
                    let t = tier_of(better, &config.tier_cutoffs);
                    (tier_support(t, low, high, &config.tier_cutoffs) >= config.tier_support)
                        .then_some(t)
                }
                _ => None,
            };
            DimensionReport {
                dimension,
                status,
                score: score.map(round_score),
                tier,
                better_than_percent: place.map(|p| shown(p.0)),
                weight: round2(100.0 * scored.dimension_shares.get(i).copied().unwrap_or(0.0)),
                nominal_weight: if nominal_total > 0.0 {
                    round2(
                        100.0 * nominal_dimension_weight(dimension, repurchase, config)
                            / nominal_total,
                    )
                } else {
                    0.0
                },
                peer_count: sketch_count(&sketch),
                peer_median: sketch.quantile(0.5).map(round2),
                peer_top10: sketch.quantile(0.9).map(round2),
            }
        })
        .collect();
    IndexReport {
        merchant_id: merchant.merchant_id.clone(),
        category_id: category_id.to_owned(),
        repurchase,
        as_of,
        overall: scored.overall.map(round_score),
        placement,
        dimensions,
        metrics,
        suggestions: Vec::new(),
        guard: merchant.guard.clone(),
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

/// Per scored metric where the merchant trails the peers, what reaching the peer median and the
/// top 10 % would bring, when that is at least `minSuggestionGain` points; the largest gains
/// first.
fn suggestions(
    merchant: &MerchantTallies,
    category_id: &str,
    peers: &CategoryPeers,
    as_of: LocalDate,
    config: &IndexConfig,
    current: &IndexReport,
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let Some(current_overall) = current.overall else {
        return out;
    };
    for m in current
        .metrics
        .iter()
        .filter(|m| m.status == DataStatus::Scored)
    {
        let Some(current_value) = m.raw else {
            continue;
        };
        for (kind, target) in [
            (TargetKind::Median, m.peer_median),
            (TargetKind::Top10, m.peer_top10),
        ] {
            let Some(target) = target else { continue };
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
            let Some(after_overall) = after.overall else {
                continue;
            };
            let gain = after_overall.value - current_overall.value;
            if gain < config.min_suggestion_gain {
                continue;
            }
            let dim = |r: &IndexReport| {
                r.dimensions
                    .iter()
                    .find(|d| d.dimension == m.dimension)
                    .and_then(|d| d.score)
                    .map_or(0.0, |s| s.value)
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
