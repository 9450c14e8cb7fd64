//! The planner's tunable rules: how each signal is normalised, how late it reacts and how much it
//! weighs, how peaks are found, which shot lengths are tried and how far ahead "coming up" looks.
//! Every field has a default; a partial JSON config fills in the rest. docs/clip-planner.md
//! explains each choice.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Per-signal settings, in the order viewers, comments, likes, gifts, orders, GMV.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignalSettings {
    /// Share of the fused score.
    pub weight: f64,
    /// Seconds the audience takes to react: the reaction at `t + lag` is credited to `t`.
    pub lag_seconds: u32,
    /// The signal is first summed over this many seconds (from each second on), so that sparse
    /// counts such as orders form a level rather than isolated ones.
    pub sum_seconds: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct SignalWeights {
    pub viewers: SignalSettings,
    /// Comments count only as far as another signal reacts at the same moment (see
    /// [`crate::clip::score`]): a chat burst alone is spam, not a highlight.
    pub comments: SignalSettings,
    pub likes: SignalSettings,
    pub gifts: SignalSettings,
    pub orders: SignalSettings,
    pub gmv: SignalSettings,
}

impl Default for SignalWeights {
    fn default() -> Self {
        let s = |weight, lag_seconds, sum_seconds| SignalSettings {
            weight,
            lag_seconds,
            sum_seconds,
        };
        SignalWeights {
            viewers: s(0.15, 10, 1),
            comments: s(0.15, 3, 5),
            likes: s(0.10, 2, 5),
            gifts: s(0.10, 3, 10),
            orders: s(0.30, 6, 10),
            gmv: s(0.20, 6, 10),
        }
    }
}

impl SignalWeights {
    pub fn all(&self) -> [SignalSettings; 6] {
        [
            self.viewers,
            self.comments,
            self.likes,
            self.gifts,
            self.orders,
            self.gmv,
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ClipConfig {
    pub signals: SignalWeights,
    /// The baseline at a second is the median and MAD of the preceding this many seconds …
    pub baseline_seconds: u32,
    /// … recomputed every this many seconds (the seconds in between share it) …
    pub baseline_step_seconds: u32,
    /// … and never over fewer than this many seconds (the session's first ones at its start).
    pub baseline_min_seconds: u32,
    /// Rises within this many robust standard deviations of the baseline are noise: the
    /// normalised signal is `z − noise_z` …
    pub noise_z: f64,
    /// … clipped to `[0, z_cap]`: only rises count, and no single signal can carry a moment
    /// alone.
    pub z_cap: f64,
    /// Added for the seconds from an explain mark (讲解) to this many seconds after it.
    pub explain_seconds: u32,
    pub explain_bonus: f64,
    /// The fused score is averaged over `2r + 1` seconds centred on each second.
    pub smoothing_radius_seconds: u32,
    /// Peaks: a second is a peak when its smoothed score is at least `peak_min_score` and no
    /// stronger peak lies within `nms_radius_seconds` (temporal non-maximum suppression).
    pub peak_min_score: f64,
    pub nms_radius_seconds: u32,
    pub max_peaks: u32,
    /// Where the peak sits in its window, as a share of the window's length from its start.
    pub peak_position: f64,
    /// Cuts inside a sentence move to the nearest sentence boundary within this many ms.
    pub snap_ms: u32,
    /// "Coming up" covers products staged to go on air within this many seconds after the
    /// clip's moment.
    pub coming_up_horizon_seconds: u32,
    /// Added to a "coming up" candidate in which the streamer names the product.
    pub mention_bonus: f64,
}

impl Default for ClipConfig {
    fn default() -> Self {
        ClipConfig {
            signals: SignalWeights::default(),
            baseline_seconds: 300,
            baseline_step_seconds: 10,
            baseline_min_seconds: 60,
            noise_z: 2.0,
            z_cap: 5.0,
            explain_seconds: 30,
            explain_bonus: 0.3,
            smoothing_radius_seconds: 2,
            peak_min_score: 0.25,
            nms_radius_seconds: 45,
            max_peaks: 24,
            peak_position: 0.4,
            snap_ms: 1000,
            coming_up_horizon_seconds: 600,
            mention_bonus: 2.0,
        }
    }
}

impl ClipConfig {
    pub fn validate(&self) -> Result<()> {
        let names = ["viewers", "comments", "likes", "gifts", "orders", "gmv"];
        for (s, name) in self.signals.all().iter().zip(names) {
            if !(s.weight.is_finite() && s.weight >= 0.0) {
                return Err(Error::invalid_field(
                    format!("signals.{name}.weight"),
                    "must be a finite number ≥ 0",
                ));
            }
            if s.lag_seconds > 600 {
                return Err(Error::invalid_field(
                    format!("signals.{name}.lagSeconds"),
                    "must be at most 600",
                ));
            }
            if !(1..=600).contains(&s.sum_seconds) {
                return Err(Error::invalid_field(
                    format!("signals.{name}.sumSeconds"),
                    "must be between 1 and 600",
                ));
            }
        }
        let positive = |v: f64, field: &str| {
            if v.is_finite() && v >= 0.0 {
                Ok(())
            } else {
                Err(Error::invalid_field(field, "must be a finite number ≥ 0"))
            }
        };
        positive(self.z_cap, "zCap")?;
        positive(self.noise_z, "noiseZ")?;
        positive(self.explain_bonus, "explainBonus")?;
        positive(self.peak_min_score, "peakMinScore")?;
        positive(self.mention_bonus, "mentionBonus")?;
        if !(0.0..=1.0).contains(&self.peak_position) {
            return Err(Error::invalid_field(
                "peakPosition",
                "must be between 0 and 1",
            ));
        }
        if self.baseline_seconds == 0 || self.baseline_step_seconds == 0 {
            return Err(Error::invalid_field(
                "baselineSeconds",
                "the baseline window and its step must be at least 1 second",
            ));
        }
        if self.smoothing_radius_seconds > 60 {
            return Err(Error::invalid_field(
                "smoothingRadiusSeconds",
                "must be at most 60",
            ));
        }
        if self.max_peaks == 0 || self.max_peaks > 200 {
            return Err(Error::invalid_field(
                "maxPeaks",
                "must be between 1 and 200",
            ));
        }
        if self.snap_ms > 5000 {
            return Err(Error::invalid_field("snapMs", "must be at most 5000"));
        }
        Ok(())
    }
}
