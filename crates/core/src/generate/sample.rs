//! Sampling helpers over [`SplitMix64`].
//!
//! Only IEEE-exact float operations appear here (`+ - * /`, `sqrt`, `floor`, comparisons): the
//! transcendental functions (`ln`, `exp`, `powf`, trigonometry) and even `powi` come from
//! different math libraries natively and in wasm and may differ in the last bit, which would break
//! byte-identical output across platforms. Heavy tails and smooth curves are therefore built from
//! square roots and polynomials.

use crate::rng::SplitMix64;

/// A sub-stream for one purpose (`tag`) and one item (`index`), independent of how many numbers
/// other purposes consumed, so adding a draw in one table never reshuffles another.
pub(super) fn stream(seed: u64, tag: u64, index: u64) -> SplitMix64 {
    let mut root = SplitMix64::new(seed ^ tag);
    let key = root.next_u64();
    SplitMix64::new(key ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03))
}

pub(super) trait Sample {
    fn chance(&mut self, p: f64) -> bool;
    /// Uniform integer in `lo..=hi` (`lo` when `hi < lo`).
    fn int(&mut self, lo: i64, hi: i64) -> i64;
    /// Uniform index in `0..len` (0 when `len` is 0).
    fn index(&mut self, len: usize) -> usize;
    /// Uniform float in `[lo, hi)`.
    fn uniform(&mut self, lo: f64, hi: f64) -> f64;
    /// Mean of three uniforms: a bell on [0, 1) centred on 0.5.
    fn bell(&mut self) -> f64;
    /// An element of a non-empty static list (the default value for an empty one).
    fn pick<T: Copy + Default>(&mut self, items: &[T]) -> T;
    /// An index drawn with the given integer weights (0 when all are zero).
    fn weighted(&mut self, weights: &[u32]) -> usize;
    /// A non-negative count with mean `lambda` and Poisson-like spread, without `exp`.
    fn count(&mut self, lambda: f64) -> u32;
    /// Fisher–Yates shuffle.
    fn shuffle<T>(&mut self, items: &mut [T]);
}

impl Sample for SplitMix64 {
    fn chance(&mut self, p: f64) -> bool {
        self.next_f64() < p
    }

    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo) as u64 + 1;
        lo + self.below(span) as i64
    }

    fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.next_f64()
    }

    fn bell(&mut self) -> f64 {
        (self.next_f64() + self.next_f64() + self.next_f64()) / 3.0
    }

    fn pick<T: Copy + Default>(&mut self, items: &[T]) -> T {
        let i = self.index(items.len());
        items.get(i).copied().unwrap_or_default()
    }

    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut r = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if r < u64::from(w) {
                return i;
            }
            r -= u64::from(w);
        }
        0
    }

    fn count(&mut self, lambda: f64) -> u32 {
        if lambda <= 0.0 {
            return 0;
        }
        // Small rates: a Bernoulli per unit of rate. Large: the mean with a ±√λ-ish jitter.
        let jitter = if lambda < 1.0 {
            0.0
        } else {
            (self.next_f64() - 0.5) * 2.0 * lambda.sqrt()
        };
        let x = (lambda + jitter).max(0.0);
        let whole = x.floor();
        let extra = if self.next_f64() < x - whole {
            1.0
        } else {
            0.0
        };
        (whole + extra).min(f64::from(u32::MAX)) as u32
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.index(i + 1);
            items.swap(i, j);
        }
    }
}

/// `u^(-3/4)` for `u` in (0, 1]: the inverse CDF of a Pareto tail with exponent 4/3, from two
/// square roots. The exponent gives a top-1% / median ratio near 19 with a finite mean.
pub(super) fn pareto_34(u: f64) -> f64 {
    let s = u.max(1e-12).sqrt();
    1.0 / (s * s.sqrt())
}

/// Smoothstep 3t² − 2t³, for ramps without trigonometry.
pub(super) fn smooth(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Rounds to integer fen, then to a retail price ending in .90 yuan (¥39.90), never below ¥0.90.
pub(super) fn retail_price(fen: f64) -> i64 {
    let yuan = (fen / 100.0).round().max(1.0) as i64;
    yuan * 100 - 10
}

/// Money as the streamer says it: 3990 fen → "39.9", 4000 → "40", 3999 → "39.99".
pub(super) fn yuan(fen: i64) -> String {
    let whole = fen / 100;
    let cents = fen % 100;
    if cents == 0 {
        whole.to_string()
    } else if cents % 10 == 0 {
        format!("{whole}.{}", cents / 10)
    } else {
        format!("{whole}.{cents:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pareto_matches_the_closed_form() {
        assert!((pareto_34(1.0) - 1.0).abs() < 1e-12);
        // 0.0625^(-3/4) = 8.
        assert!((pareto_34(0.0625) - 8.0).abs() < 1e-9);
    }

    #[test]
    fn prices_and_yuan() {
        assert_eq!(retail_price(3951.0), 3990);
        assert_eq!(retail_price(10.0), 90);
        assert_eq!(yuan(3990), "39.9");
        assert_eq!(yuan(4000), "40");
        assert_eq!(yuan(3999), "39.99");
    }

    #[test]
    fn helpers_stay_in_range() {
        let mut r = stream(1, 2, 3);
        for _ in 0..1000 {
            let v = r.int(3, 7);
            assert!((3..=7).contains(&v));
            assert!(r.weighted(&[0, 5, 0]) == 1);
            assert!(r.bell() < 1.0);
        }
        assert_eq!(r.int(5, 2), 5);
        assert_eq!(r.count(0.0), 0);
    }
}
