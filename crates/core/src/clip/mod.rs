//! The 30-second lead-in clip planner (直播引流短视频): from a live session's timeline, the best
//! moments so far ("previously") and what goes on air next ("coming up"), cut on sentence
//! boundaries, chosen exactly under the clip's budget, as an edit decision list with captions and
//! the score behind every choice, exported as JSON, OpenTimelineIO, CMX3600, WebVTT and an FFmpeg
//! concat script. See docs/clip-planner.md.
//!
//! `config` (weights, lags, baselines, peaks), `request` (budget, shots, locked and excluded
//! parts), `score` (the per-second score and its peaks), `candidates` (sentence snapping and
//! windows), `select` (the exact multiple-choice knapsack), `plan` (the source, the planner and
//! the edit decision list) and `export` (the file formats).

pub mod candidates;
pub mod config;
pub mod export;
pub mod plan;
pub mod request;
pub mod score;
pub mod select;

pub use config::{ClipConfig, SignalSettings, SignalWeights};
pub use export::{export, ExportFormat};
pub use plan::{
    plan, ClipCandidates, ClipPeak, ClipPlan, ClipPlanner, ClipProduct, ClipSegment, ClipSource,
    ScoreBreakdown, SegmentOrigin,
};
pub use request::{CaptionLang, ClipRequest, FrameRange, LockedSegment, Part, SegmentOrder};
pub use score::ScoreTrack;

#[cfg(test)]
mod tests;
