//! Live sessions: per-second signals or a summary of them, product on-air intervals and explain
//! marks, staged products, and the transcript.
//!
//! Signals are stored column-wise (one array per signal, index = second since the start) because
//! a four-hour session has 14 400 seconds: as objects that would be ten times the JSON. A
//! marketplace streams daily, so most sessions carry only their [`SessionSummary`] (what the
//! index's content metrics read); the per-second signals are there for the sessions a clip is
//! planned from or a replay draws.

use serde::{Deserialize, Serialize};

use super::time::Timestamp;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SessionSignals {
    /// Concurrent viewers at each second.
    pub viewers: Vec<u32>,
    /// Comments posted during each second.
    pub comments: Vec<u32>,
    pub likes: Vec<u32>,
    pub gifts: Vec<u32>,
    /// Orders paid during each second.
    pub orders: Vec<u32>,
    /// GMV paid during each second, in fen.
    pub gmv_fen: Vec<i64>,
}

/// A session's totals when its per-second signals are not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SessionSummary {
    /// Viewer-seconds over 60, rounded down: the sum of the concurrent viewers of every second.
    pub viewer_minutes: u64,
    /// The most concurrent viewers at any second.
    pub peak_viewers: u32,
    pub comments: u64,
    pub likes: u64,
    pub gifts: u64,
}

impl SessionSummary {
    /// The summary the signals add up to.
    pub fn of(signals: &SessionSignals) -> SessionSummary {
        let sum = |v: &[u32]| v.iter().map(|&x| u64::from(x)).sum::<u64>();
        SessionSummary {
            viewer_minutes: sum(&signals.viewers) / 60,
            peak_viewers: signals.viewers.iter().copied().max().unwrap_or(0),
            comments: sum(&signals.comments),
            likes: sum(&signals.likes),
            gifts: sum(&signals.gifts),
        }
    }
}

/// A product on air from `start_second` (inclusive) to `end_second` (exclusive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OnAirInterval {
    pub product_id: String,
    pub start_second: u32,
    pub end_second: u32,
}

/// The streamer marked this second as explaining a product (讲解).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExplainMark {
    pub product_id: String,
    pub second: u32,
}

/// A product staged for the session (上车) with the second it is planned to go on air.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StagedProduct {
    pub product_id: String,
    pub planned_second: u32,
}

/// What was said from `start_ms` to `end_ms` after the start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TranscriptSegment {
    pub start_ms: u32,
    pub end_ms: u32,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LiveSession {
    pub id: String,
    pub merchant_id: String,
    pub start_at: Timestamp,
    pub end_at: Timestamp,
    /// Per-second signals; a session carries these, its summary, or both (then they agree).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub signals: Option<SessionSignals>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub summary: Option<SessionSummary>,
    #[serde(default)]
    pub on_air: Vec<OnAirInterval>,
    #[serde(default)]
    pub explain_marks: Vec<ExplainMark>,
    #[serde(default)]
    pub staged: Vec<StagedProduct>,
    #[serde(default)]
    pub transcript: Vec<TranscriptSegment>,
}

impl LiveSession {
    /// Length in whole seconds (0 when the end is not after the start).
    pub fn duration_seconds(&self) -> u32 {
        u32::try_from((self.end_at.unix() - self.start_at.unix()).max(0)).unwrap_or(u32::MAX)
    }

    /// Viewer-minutes (exact when the signals are kept) and comments, from the signals when the
    /// session has them, else from its summary; `None` when it has neither.
    pub fn audience(&self) -> Option<(f64, u64)> {
        match (&self.signals, &self.summary) {
            (Some(sig), _) => Some((
                sig.viewers.iter().map(|&v| f64::from(v)).sum::<f64>() / 60.0,
                sig.comments.iter().map(|&c| u64::from(c)).sum(),
            )),
            (None, Some(sum)) => Some((sum.viewer_minutes as f64, sum.comments)),
            (None, None) => None,
        }
    }
}
