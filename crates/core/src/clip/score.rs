//! The per-second highlight score: each signal normalised against the session's own trailing
//! baseline (median and MAD), shifted back by its reaction lag, weighted, with comments gated by
//! the other signals, an explain-mark bonus, and a centred moving average. Components are kept
//! apart (each smoothed on its own, so they add up to the fused score) to explain every choice.

use serde::Serialize;

use super::config::{ClipConfig, SignalSettings};
use crate::model::LiveSession;

/// The components, in this order, in [`ScoreTrack::components`] and every breakdown.
pub const COMPONENTS: [&str; 7] = [
    "viewers", "comments", "likes", "gifts", "orders", "gmv", "explain",
];
pub const COMMENTS: usize = 1;
pub const EXPLAIN: usize = 6;

/// MAD × 1.4826 estimates the standard deviation of normally distributed data.
const MAD_TO_SIGMA: f64 = 1.4826;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreTrack {
    /// Weighted, smoothed components per second, in [`COMPONENTS`] order.
    pub components: [Vec<f64>; 7],
    /// Their sum per second.
    pub fused: Vec<f64>,
    /// Running sums of each component: `prefix[c][t]` is the sum over seconds `0..t`.
    #[serde(skip)]
    prefix: [Vec<f64>; 7],
}

impl ScoreTrack {
    /// The score of the session's first `seconds` seconds; nothing later is read except the
    /// reaction lags and the smoothing, which look ahead only within those seconds.
    pub fn compute(session: &LiveSession, seconds: u32, config: &ClipConfig) -> ScoreTrack {
        let n = (seconds as usize).min(session.duration_seconds() as usize);
        // `ClipSource::check` refuses a session without signals before anything is scored.
        let none = crate::model::SessionSignals::default();
        let s = session.signals.as_ref().unwrap_or(&none);
        let as_f64 = |v: &[u32]| -> Vec<f64> { v.iter().take(n).map(|&x| f64::from(x)).collect() };
        // GMV in order-equivalents (fen over the session's mean ticket), so that it is a count
        // like the others and the same noise floor applies.
        let orders: u64 = s.orders.iter().take(n).map(|&x| u64::from(x)).sum();
        let fen: i64 = s.gmv_fen.iter().take(n).sum();
        let ticket = if orders > 0 && fen > 0 {
            fen as f64 / orders as f64
        } else {
            100.0
        };
        let gmv: Vec<f64> = s
            .gmv_fen
            .iter()
            .take(n)
            .map(|&x| x as f64 / ticket)
            .collect();
        let settings = config.signals.all();
        let raw = [
            as_f64(&s.viewers),
            as_f64(&s.comments),
            as_f64(&s.likes),
            as_f64(&s.gifts),
            as_f64(&s.orders),
            gmv,
        ];
        let z: Vec<Vec<f64>> = raw
            .iter()
            .zip(settings.iter())
            .map(|(x, set)| normalised(x, n, set, config))
            .collect();

        let mut components: [Vec<f64>; 7] = Default::default();
        for (c, (zs, set)) in z.iter().zip(settings.iter()).enumerate() {
            let out: Vec<f64> = if c == COMMENTS {
                // A chat burst counts only as far as some other signal rises with it.
                (0..n)
                    .map(|t| {
                        let others = z
                            .iter()
                            .enumerate()
                            .filter(|(k, _)| *k != COMMENTS)
                            .map(|(_, v)| v.get(t).copied().unwrap_or(0.0))
                            .fold(0.0f64, f64::max);
                        set.weight * zs.get(t).copied().unwrap_or(0.0).min(others)
                    })
                    .collect()
            } else {
                zs.iter().map(|v| set.weight * v).collect()
            };
            if let Some(slot) = components.get_mut(c) {
                *slot = out;
            }
        }
        let mut explain = vec![0.0; n];
        for mark in &session.explain_marks {
            let from = mark.second as usize;
            for x in explain
                .iter_mut()
                .skip(from)
                .take(config.explain_seconds as usize)
            {
                *x = config.explain_bonus;
            }
        }
        components[EXPLAIN] = explain;

        let r = config.smoothing_radius_seconds as usize;
        for c in components.iter_mut() {
            *c = smoothed(c, r);
        }
        let fused: Vec<f64> = (0..n)
            .map(|t| {
                components
                    .iter()
                    .map(|c| c.get(t).copied().unwrap_or(0.0))
                    .sum()
            })
            .collect();
        let prefix = components.clone().map(|c| {
            let mut p = Vec::with_capacity(c.len() + 1);
            let mut acc = 0.0;
            p.push(0.0);
            for v in c {
                acc += v;
                p.push(acc);
            }
            p
        });
        ScoreTrack {
            components,
            fused,
            prefix,
        }
    }

    pub fn seconds(&self) -> u32 {
        self.fused.len() as u32
    }

    /// The integral of component `c` over source frames `[from, to)` at `fps`, in score-seconds:
    /// each frame carries its second's score divided by `fps`.
    pub fn integral(&self, c: usize, from: u32, to: u32, fps: u32) -> f64 {
        let (Some(values), Some(prefix)) = (self.components.get(c), self.prefix.get(c)) else {
            return 0.0;
        };
        let to = to.min(self.seconds() * fps);
        if from >= to {
            return 0.0;
        }
        let at = |s: u32| values.get(s as usize).copied().unwrap_or(0.0);
        let sum = |a: u32, b: u32| {
            prefix.get(b as usize).copied().unwrap_or(0.0)
                - prefix.get(a as usize).copied().unwrap_or(0.0)
        };
        let f = f64::from(fps);
        let (s0, s1) = (from / fps, to / fps);
        if s0 == s1 {
            return f64::from(to - from) * at(s0) / f;
        }
        f64::from(fps - from % fps) * at(s0) / f
            + sum(s0 + 1, s1)
            + f64::from(to % fps) * at(s1) / f
    }

    /// The total over every component (the candidate's value).
    pub fn total(&self, from: u32, to: u32, fps: u32) -> f64 {
        (0..COMPONENTS.len())
            .map(|c| self.integral(c, from, to, fps))
            .sum()
    }
}

/// `x` summed over `sum_seconds`, as robust z-scores against the trailing baseline less the
/// noise allowance, clipped to `[0, z_cap]`, and shifted back by the lag.
fn normalised(x: &[f64], n: usize, set: &SignalSettings, config: &ClipConfig) -> Vec<f64> {
    let m = set.sum_seconds.max(1) as usize;
    let mut summed = vec![0.0; n];
    let mut acc: f64 = x.iter().take(m).sum();
    for (t, out) in summed.iter_mut().enumerate() {
        *out = acc;
        acc -= x.get(t).copied().unwrap_or(0.0);
        acc += x.get(t + m).copied().unwrap_or(0.0);
    }
    // An exact-zero MAD (a flat stretch, or a sparse count that is mostly 0) would make any rise
    // infinite: the session-wide spread, the counting noise of the mean (√mean, as for Poisson
    // counts) and one unit bound the scale from below.
    let mean = if n > 0 {
        summed.iter().sum::<f64>() / n as f64
    } else {
        0.0
    };
    let (_, global_mad) = median_mad(&mut summed.clone());
    let floor = (MAD_TO_SIGMA * global_mad).max(mean.sqrt()).max(1.0);

    let step = config.baseline_step_seconds.max(1) as usize;
    let window = config.baseline_seconds as usize;
    let min_window = (config.baseline_min_seconds as usize).min(n).max(1);
    let mut z = vec![0.0; n];
    let mut trailing = SortedWindow::default();
    let (mut held_from, mut held_to) = (0, 0);
    let mut block = 0;
    while block < n {
        let (from, to) = if block >= min_window {
            (block.saturating_sub(window), block)
        } else {
            (0, min_window)
        };
        // The window only moves forward: drop what fell out, add what came in.
        if from >= held_from && to >= held_to && from <= held_to {
            for &v in summed.get(held_from..from).unwrap_or(&[]) {
                trailing.remove(v);
            }
            for &v in summed.get(held_to..to).unwrap_or(&[]) {
                trailing.insert(v);
            }
        } else {
            trailing = SortedWindow::of(summed.get(from..to).unwrap_or(&[]));
        }
        (held_from, held_to) = (from, to);
        let (median, mad) = trailing.median_mad();
        let scale = (MAD_TO_SIGMA * mad).max(floor);
        for t in block..(block + step).min(n) {
            let v = summed.get(t).copied().unwrap_or(0.0);
            if let Some(out) = z.get_mut(t) {
                *out = ((v - median) / scale - config.noise_z).clamp(0.0, config.z_cap);
            }
        }
        block += step;
    }
    let lag = set.lag_seconds as usize;
    (0..n)
        .map(|t| z.get(t + lag).copied().unwrap_or(0.0))
        .collect()
}

/// A window of values kept sorted (by `f64::total_cmp`) as it slides, so that its lower median
/// and median absolute deviation cost two bisections instead of two selections
/// over a copy of it. The results are exactly [`median_mad`]'s: the same order statistics of the
/// same differences.
#[derive(Debug, Default)]
pub(crate) struct SortedWindow {
    sorted: Vec<f64>,
}

impl SortedWindow {
    pub(crate) fn of(values: &[f64]) -> SortedWindow {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        SortedWindow { sorted }
    }

    pub(crate) fn insert(&mut self, v: f64) {
        let i = self.sorted.partition_point(|x| x.total_cmp(&v).is_lt());
        self.sorted.insert(i, v);
    }

    pub(crate) fn remove(&mut self, v: f64) {
        let i = self.sorted.partition_point(|x| x.total_cmp(&v).is_lt());
        if self.sorted.get(i).is_some_and(|x| x.total_cmp(&v).is_eq()) {
            self.sorted.remove(i);
        }
    }

    /// The lower median `m` and the lower median of `|x − m|` (0, 0 when empty). Below the
    /// median the differences grow walking down (run `a`), above it walking up (run `b`): the
    /// `mid + 1` smallest take `i` from `a` and the rest from `b`, with `i` found by bisection
    /// as in the k-th element of two sorted arrays.
    pub(crate) fn median_mad(&self) -> (f64, f64) {
        let v = &self.sorted;
        if v.is_empty() {
            return (0.0, 0.0);
        }
        let mid = (v.len() - 1) / 2;
        let median = v.get(mid).copied().unwrap_or(0.0);
        let a = |j: usize| {
            mid.checked_sub(j)
                .and_then(|i| v.get(i))
                .map_or(f64::INFINITY, |x| (x - median).abs())
        };
        let b = |j: usize| {
            v.get(mid + 1 + j)
                .map_or(f64::INFINITY, |x| (x - median).abs())
        };
        let need = mid + 1;
        let (len_a, len_b) = (mid + 1, v.len() - mid - 1);
        let (mut lo, mut hi) = (need.saturating_sub(len_b), need.min(len_a));
        while lo < hi {
            let i = lo + (hi - lo) / 2;
            let j = need - i;
            // Taking more from `a` pays while its next difference is below `b`'s last taken.
            if j > 0 && i < len_a && a(i) < b(j - 1) {
                lo = i + 1;
            } else {
                hi = i;
            }
        }
        let (i, j) = (lo, need - lo);
        let last_a = if i > 0 { a(i - 1) } else { f64::NEG_INFINITY };
        let last_b = if j > 0 { b(j - 1) } else { f64::NEG_INFINITY };
        (median, last_a.max(last_b))
    }
}

/// The lower median and the median absolute deviation (0, 0 when empty). Reorders `v`.
pub(crate) fn median_mad(v: &mut [f64]) -> (f64, f64) {
    if v.is_empty() {
        return (0.0, 0.0);
    }
    let mid = (v.len() - 1) / 2;
    let median = *v.select_nth_unstable_by(mid, f64::total_cmp).1;
    for x in v.iter_mut() {
        *x = (*x - median).abs();
    }
    let mad = *v.select_nth_unstable_by(mid, f64::total_cmp).1;
    (median, mad)
}

/// The mean over `[t − r, t + r]` clipped to the track.
fn smoothed(x: &[f64], r: usize) -> Vec<f64> {
    if r == 0 {
        return x.to_vec();
    }
    let n = x.len();
    let mut prefix = Vec::with_capacity(n + 1);
    let mut acc = 0.0;
    prefix.push(0.0);
    for v in x {
        acc += v;
        prefix.push(acc);
    }
    (0..n)
        .map(|t| {
            let a = t.saturating_sub(r);
            let b = (t + r + 1).min(n);
            let sum = prefix.get(b).copied().unwrap_or(0.0) - prefix.get(a).copied().unwrap_or(0.0);
            sum / (b - a) as f64
        })
        .collect()
}

/// Peaks by temporal non-maximum suppression: seconds by falling score (earlier first on ties),
/// each kept when it reaches `min_score` and no kept peak lies within `radius` seconds.
pub fn peaks(fused: &[f64], min_score: f64, radius: u32, max_peaks: u32) -> Vec<u32> {
    let mut order: Vec<u32> = (0..fused.len() as u32)
        .filter(|&t| fused.get(t as usize).is_some_and(|&v| v >= min_score))
        .collect();
    order.sort_by(|&a, &b| {
        let va = fused.get(a as usize).copied().unwrap_or(0.0);
        let vb = fused.get(b as usize).copied().unwrap_or(0.0);
        vb.total_cmp(&va).then(a.cmp(&b))
    });
    let mut suppressed = vec![false; fused.len()];
    let mut kept = Vec::new();
    for t in order {
        if kept.len() >= max_peaks as usize {
            break;
        }
        if suppressed.get(t as usize).copied().unwrap_or(true) {
            continue;
        }
        kept.push(t);
        let from = t.saturating_sub(radius.saturating_sub(1)) as usize;
        let to = (t as usize + radius as usize).min(fused.len());
        for s in suppressed.iter_mut().take(to).skip(from) {
            *s = true;
        }
    }
    kept
}
