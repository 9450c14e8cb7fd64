//! Live sessions: per-second signals, product on-air intervals and explain marks, staged
//! products, and the transcript.
//!
//! Signals are stored column-wise (one array per signal, index = second since the start) because
//! a four-hour session has 14 400 seconds: as objects that would be ten times the JSON.

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
    pub signals: SessionSignals,
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
}
