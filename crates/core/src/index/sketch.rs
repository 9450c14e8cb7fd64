//! A mergeable, serializable quantile sketch with rank queries: how a platform summarises one
//! metric over the merchants of one category, so that shards can be merged and a browser can place
//! a merchant without anyone else's data.
//!
//! Buckets are the top bits of the IEEE-754 representation (sign, exponent and 7 mantissa bits),
//! giving log-spaced buckets with < 0.8 % relative width. Unlike a logarithm-based sketch, the
//! bucket of a value is computed exactly, so native and wasm builds agree bit for bit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

const MANTISSA_BITS_KEPT: u32 = 7;
const SHIFT: u32 = 52 - MANTISSA_BITS_KEPT;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PeerSketch {
    /// `(bucket key, count)` in increasing order of value.
    bins: Vec<(u64, u64)>,
    /// Values ≤ 0 (metrics are non-negative, so these are exact zeros).
    zeros: u64,
    count: u64,
}

fn key(value: f64) -> u64 {
    value.to_bits() >> SHIFT
}

/// The middle of a bucket, used as its representative value.
fn representative(key: u64) -> f64 {
    f64::from_bits((key << SHIFT) | (1u64 << (SHIFT - 1)))
}

impl PeerSketch {
    /// Builds a sketch from values; NaN and infinite values are ignored (callers never pass them,
    /// but a sketch must not be poisoned by one).
    pub fn from_values(values: impl IntoIterator<Item = f64>) -> Self {
        let mut bins: BTreeMap<u64, u64> = BTreeMap::new();
        let mut zeros = 0;
        for v in values.into_iter().filter(|v| v.is_finite()) {
            if v <= 0.0 {
                zeros += 1;
            } else {
                *bins.entry(key(v)).or_default() += 1;
            }
        }
        let count = zeros + bins.values().sum::<u64>();
        PeerSketch {
            bins: bins.into_iter().collect(),
            zeros,
            count,
        }
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    /// Adds another sketch's counts (sketches of shards of the same population).
    pub fn merge(&mut self, other: &PeerSketch) {
        let mut bins: BTreeMap<u64, u64> = self.bins.iter().copied().collect();
        for &(k, c) in &other.bins {
            *bins.entry(k).or_default() += c;
        }
        self.bins = bins.into_iter().collect();
        self.zeros += other.zeros;
        self.count += other.count;
    }

    /// Mid-rank of `value` in [0, 1]: the share of values below it plus half the share equal to it
    /// (values in the same bucket count as equal). 0.5 for an empty sketch.
    pub fn rank(&self, value: f64) -> f64 {
        if self.count == 0 || !value.is_finite() {
            return 0.5;
        }
        let (below, equal) = if value <= 0.0 {
            (0, self.zeros)
        } else {
            let k = key(value);
            let below: u64 = self.zeros
                + self
                    .bins
                    .iter()
                    .take_while(|&&(b, _)| b < k)
                    .map(|&(_, c)| c)
                    .sum::<u64>();
            let equal = self
                .bins
                .iter()
                .find(|&&(b, _)| b == k)
                .map_or(0, |&(_, c)| c);
            (below, equal)
        };
        (below as f64 + equal as f64 / 2.0) / self.count as f64
    }

    /// The share of values below a value known only to lie somewhere in [lo, hi], uniformly:
    /// the mean of the rank over the interval, with each value taken at its bucket's
    /// representative (a value counts as below for the part of the interval above it). Equal to
    /// `rank(lo)` when the interval is a point; 0.5 for an empty sketch.
    pub fn spread_rank(&self, lo: f64, hi: f64) -> f64 {
        if self.count == 0 || !lo.is_finite() || !hi.is_finite() {
            return 0.5;
        }
        if hi <= lo {
            return self.rank(lo);
        }
        let width = hi - lo;
        let below = |v: f64| ((hi - v) / width).clamp(0.0, 1.0);
        let mut sum = self.zeros as f64 * below(0.0);
        for &(k, c) in &self.bins {
            sum += c as f64 * below(representative(k));
        }
        sum / self.count as f64
    }

    /// The value at quantile `q` in [0, 1] (a bucket's representative), or None when empty.
    pub fn quantile(&self, q: f64) -> Option<f64> {
        if self.count == 0 {
            return None;
        }
        let target = (q.clamp(0.0, 1.0) * (self.count - 1) as f64).round() as u64;
        if target < self.zeros {
            return Some(0.0);
        }
        let mut seen = self.zeros;
        for &(k, c) in &self.bins {
            seen += c;
            if target < seen {
                return Some(representative(k));
            }
        }
        self.bins.last().map(|&(k, _)| representative(k))
    }
}

#[cfg(test)]
#[path = "tests/sketch.rs"]
mod tests;
