//! Computing a category's peers in shards: a platform whose merchants live on several machines
//! runs three phases, merging the (small) results between them, and gets the same peers as
//! [`super::score::category_peers`] over all merchants at once.
//!
//! 1. [`pool`] on each shard, then [`merge_pools`]: the category's pooled tallies (its priors).
//! 2. [`shrunk_sketches`] on each shard with the merged pool, then [`merge_sketches`].
//! 3. [`score_sketches`] on each shard with the merged metric peers, then [`merge_sketches`] for
//!    the dimensions and `PeerSketch::merge` for the overall score.

use super::config::IndexConfig;
use super::metric::{Dimension, MetricId, Tally};
use super::score::{score_metrics, shrunk_value, MetricPeers};
use super::sketch::PeerSketch;
use super::tally::MerchantTallies;
use crate::model::Repurchase;

/// Phase 1: per metric (in `MetricId::ALL` order), the pooled tally of these merchants.
pub fn pool(members: &[&MerchantTallies]) -> Vec<Tally> {
    MetricId::ALL
        .iter()
        .map(|&metric| {
            let mut pooled = Tally::default();
            for m in members {
                pooled.merge(&m.tally(metric));
            }
            pooled
        })
        .collect()
}

/// Adds another shard's pooled tallies.
pub fn merge_pools(into: &mut [Tally], other: &[Tally]) {
    for (a, b) in into.iter_mut().zip(other) {
        a.merge(b);
    }
}

/// Phase 2: per metric, the sketch of the shrunk values of these merchants with data for it,
/// given the whole category's pooled tallies.
pub fn shrunk_sketches(
    members: &[&MerchantTallies],
    pooled: &[Tally],
    config: &IndexConfig,
) -> Vec<PeerSketch> {
    MetricId::ALL
        .iter()
        .map(|&metric| {
            let prior = pooled.get(metric.index()).copied().unwrap_or_default();
            PeerSketch::from_values(
                members
                    .iter()
                    .filter_map(|m| shrunk_value(&m.tally(metric), &prior, metric, config)),
            )
        })
        .collect()
}

/// Adds another shard's sketches, element by element.
pub fn merge_sketches(into: &mut [PeerSketch], other: &[PeerSketch]) {
    for (a, b) in into.iter_mut().zip(other) {
        a.merge(b);
    }
}

/// Phase 3: sketches of these merchants' dimension scores (in `Dimension::ALL` order) and overall
/// scores, of those that have one, given the whole category's metric peers.
pub fn score_sketches(
    members: &[&MerchantTallies],
    repurchase: Repurchase,
    metrics: &[MetricPeers],
    config: &IndexConfig,
) -> (Vec<PeerSketch>, PeerSketch) {
    let scored: Vec<_> = members
        .iter()
        .map(|m| score_metrics(&m.tallies, repurchase, metrics, config))
        .collect();
    // Only merchants with a score are peers: one without data is not placed at some default.
    let dimensions = (0..Dimension::ALL.len())
        .map(|d| {
            PeerSketch::from_values(
                scored
                    .iter()
                    .filter_map(|s| s.dimensions.get(d).and_then(|x| x.1).map(|x| x.value)),
            )
        })
        .collect();
    let overall = PeerSketch::from_values(scored.iter().filter_map(|s| s.overall.map(|x| x.value)));
    (dimensions, overall)
}
