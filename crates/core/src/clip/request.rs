//! What the merchant asks for: the clip's moment in the session, its budget and shot lengths, the
//! frame rate cuts land on, the segment cap and order, and the parts they fixed by hand (locked
//! segments) or threw out (excluded ranges). Checked before anything is planned.

use serde::{Deserialize, Serialize};

use super::config::ClipConfig;
use crate::{Error, Result};

/// Which part of the clip a segment belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Part {
    /// A best moment so far (前情回顾).
    Previously,
    /// What goes on air next (即将上车).
    ComingUp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum SegmentOrder {
    /// "Previously" segments in the order they happened, then "coming up".
    #[default]
    Chronological,
    /// Strongest "previously" segment first, then "coming up".
    StrongestFirst,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum CaptionLang {
    #[default]
    Zh,
    En,
}

/// A segment the merchant fixed: it is kept exactly as given and the rest is planned around it.
/// Frames are counted from the session's start at the request's `fps`; `sourceOut` is exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LockedSegment {
    pub part: Part,
    pub source_in: u32,
    pub source_out: u32,
    /// The product it shows; when absent, the product on air at its middle (for "coming up",
    /// the first product staged in the horizon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub product_id: Option<String>,
}

/// Source frames `[from, to)` no segment may touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FrameRange {
    pub from: u32,
    pub to: u32,
}

/// Frame rates a cut can land on. All are whole numbers, so timecodes are non-drop-frame.
pub const FRAME_RATES: [u32; 5] = [24, 25, 30, 50, 60];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ClipRequest {
    /// The moment the clip is made at, in seconds from the session start: "previously" shows
    /// only what happened before it, "coming up" the products staged after it. Default: five
    /// minutes before the last staged product's planned time (or the session's end).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub at_second: Option<u32>,
    /// The clip's length limit; the plan's segments, padding included, fit in it.
    pub budget_ms: u32,
    pub min_shot_ms: u32,
    pub max_shot_ms: u32,
    /// Added before and after each moment (before the cuts snap to sentences), so a cut does not
    /// land on the peak itself; it is part of the segment and counts against the budget.
    pub padding_ms: u32,
    /// At most this many segments, "coming up" included.
    pub max_segments: u32,
    pub fps: u32,
    pub one_per_product: bool,
    pub order: SegmentOrder,
    pub lang: CaptionLang,
    pub locked: Vec<LockedSegment>,
    pub excluded: Vec<FrameRange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub config: Option<ClipConfig>,
}

impl Default for ClipRequest {
    fn default() -> Self {
        ClipRequest {
            at_second: None,
            budget_ms: 30_000,
            min_shot_ms: 2_000,
            max_shot_ms: 8_000,
            padding_ms: 250,
            max_segments: 6,
            fps: 30,
            one_per_product: true,
            order: SegmentOrder::Chronological,
            lang: CaptionLang::Zh,
            locked: Vec::new(),
            excluded: Vec::new(),
            config: None,
        }
    }
}

/// The request in frames, checked.
#[derive(Debug, Clone)]
pub(crate) struct Frames {
    pub fps: u32,
    pub budget: u32,
    pub min_shot: u32,
    pub max_shot: u32,
    pub padding: u32,
    pub snap: u32,
}

impl ClipRequest {
    /// Milliseconds to whole frames, rounding down (a budget is never exceeded by rounding).
    pub fn frames_floor(&self, ms: u32) -> u32 {
        u32::try_from(u64::from(ms) * u64::from(self.fps) / 1000).unwrap_or(u32::MAX)
    }

    pub(crate) fn check(&self, config: &ClipConfig, duration_frames: u32) -> Result<Frames> {
        if !FRAME_RATES.contains(&self.fps) {
            return Err(Error::invalid_field(
                "fps",
                format!("must be one of {FRAME_RATES:?}"),
            ));
        }
        if !(1_000..=600_000).contains(&self.budget_ms) {
            return Err(Error::invalid_field(
                "budgetMs",
                "must be between 1 000 and 600 000",
            ));
        }
        let frame_ms = 1000 / self.fps + 1;
        if self.min_shot_ms < frame_ms || self.min_shot_ms > self.max_shot_ms {
            return Err(Error::invalid_field(
                "minShotMs",
                "must be at least one frame and at most maxShotMs",
            ));
        }
        if self.max_shot_ms > self.budget_ms {
            return Err(Error::invalid_field(
                "maxShotMs",
                "must be at most budgetMs",
            ));
        }
        if self.padding_ms > 5_000 {
            return Err(Error::invalid_field("paddingMs", "must be at most 5 000"));
        }
        if !(1..=20).contains(&self.max_segments) {
            return Err(Error::invalid_field(
                "maxSegments",
                "must be between 1 and 20",
            ));
        }
        // Windows around two peaks at least the suppression radius apart must not overlap.
        let reach = u64::from(self.max_shot_ms)
            + 2 * u64::from(self.padding_ms)
            + 2 * u64::from(config.snap_ms);
        if u64::from(config.nms_radius_seconds) * 1000 <= reach {
            return Err(Error::invalid_field(
                "maxShotMs",
                format!(
                    "maxShotMs + 2 × paddingMs + 2 × snapMs ({reach} ms) must be below the peak \
                     suppression radius ({} s)",
                    config.nms_radius_seconds
                ),
            ));
        }
        let frames = Frames {
            fps: self.fps,
            budget: self.frames_floor(self.budget_ms),
            min_shot: self.frames_floor(self.min_shot_ms).max(1),
            max_shot: self.frames_floor(self.max_shot_ms),
            padding: self.frames_floor(self.padding_ms),
            snap: self.frames_floor(config.snap_ms),
        };
        self.check_locked(&frames, duration_frames)?;
        for (i, r) in self.excluded.iter().enumerate() {
            if r.from >= r.to {
                return Err(Error::invalid_field(
                    format!("excluded[{i}]"),
                    "from must be before to",
                ));
            }
        }
        Ok(frames)
    }

    fn check_locked(&self, frames: &Frames, duration_frames: u32) -> Result<()> {
        let mut total = 0u64;
        let mut coming_up = 0;
        for (i, s) in self.locked.iter().enumerate() {
            let field = format!("locked[{i}]");
            if s.source_in >= s.source_out {
                return Err(Error::invalid_field(
                    format!("{field}.sourceOut"),
                    "must be after sourceIn",
                ));
            }
            if s.source_out > duration_frames {
                return Err(Error::invalid_field(
                    format!("{field}.sourceOut"),
                    format!("is past the session's end (frame {duration_frames})"),
                ));
            }
            if s.part == Part::ComingUp {
                coming_up += 1;
                if coming_up > 1 {
                    return Err(Error::invalid_field(
                        format!("{field}.part"),
                        "a clip has exactly one \"coming up\" segment",
                    ));
                }
            }
            for (j, other) in self.locked.iter().enumerate().take(i) {
                if s.source_in < other.source_out && other.source_in < s.source_out {
                    return Err(Error::invalid_field(
                        field.clone(),
                        format!("overlaps locked[{j}]"),
                    ));
                }
            }
            for (j, r) in self.excluded.iter().enumerate() {
                if s.source_in < r.to && r.from < s.source_out {
                    return Err(Error::invalid_field(
                        field.clone(),
                        format!("overlaps excluded[{j}]"),
                    ));
                }
            }
            total += u64::from(s.source_out - s.source_in);
        }
        if total > u64::from(frames.budget) {
            return Err(Error::invalid_field(
                "locked",
                format!(
                    "the locked segments last {total} frames, more than the budget's {}",
                    frames.budget
                ),
            ));
        }
        if self.locked.len() > self.max_segments as usize {
            return Err(Error::invalid_field(
                "locked",
                "more locked segments than maxSegments",
            ));
        }
        Ok(())
    }
}
