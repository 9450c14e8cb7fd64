//! The edit decision list as files: the plan's own JSON, OpenTimelineIO (`.otio`), a CMX3600
//! EDL, WebVTT captions and an FFmpeg concat script. Every format carries the same cuts; the
//! frame counts are exact and only the formats with coarser units round (WebVTT to the
//! millisecond, FFmpeg to the microsecond).

pub mod cmx;
pub mod ffconcat;
pub mod otio;
pub mod timecode;
pub mod vtt;

use serde::{Deserialize, Serialize};

use super::plan::ClipPlan;
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    Json,
    Otio,
    Edl,
    Vtt,
    Ffconcat,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Json,
        ExportFormat::Otio,
        ExportFormat::Edl,
        ExportFormat::Vtt,
        ExportFormat::Ffconcat,
    ];

    pub fn parse(name: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Otio => "otio",
            ExportFormat::Edl => "edl",
            ExportFormat::Vtt => "vtt",
            ExportFormat::Ffconcat => "ffconcat",
        }
    }

    /// The file extension (OpenTimelineIO requires `.otio`).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Otio => "otio",
            ExportFormat::Edl => "edl",
            ExportFormat::Vtt => "vtt",
            ExportFormat::Ffconcat => "ffconcat",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Json | ExportFormat::Otio => "application/json",
            ExportFormat::Vtt => "text/vtt",
            ExportFormat::Edl | ExportFormat::Ffconcat => "text/plain",
        }
    }
}

/// `plan` in `format`; `media` is the recording's file name (or URL) the cuts refer to.
pub fn export(plan: &ClipPlan, format: ExportFormat, media: &str) -> Result<String> {
    if media.is_empty() || media.chars().any(char::is_control) {
        return Err(Error::invalid_field(
            "media",
            "must be a file name without control characters",
        ));
    }
    Ok(match format {
        ExportFormat::Json => {
            serde_json::to_string_pretty(plan).map_err(|e| Error::InvalidInput {
                message: e.to_string(),
            })?
        }
        ExportFormat::Otio => otio::write(plan, media)?,
        ExportFormat::Edl => cmx::write(plan, media)?,
        ExportFormat::Vtt => vtt::write(plan),
        ExportFormat::Ffconcat => ffconcat::write(plan, media),
    })
}

/// One line: control characters (newlines included) become spaces.
pub(crate) fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
