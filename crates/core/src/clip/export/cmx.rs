//! A CMX3600 edit decision list: one cut event per segment on the video channel, source
//! timecode from the session's start, record timecode from 01:00:00:00, non-drop-frame; the
//! caption and the recording's file in comment lines.

use super::one_line;
use super::timecode::smpte;
use crate::clip::plan::ClipPlan;
use crate::{Error, Result};

/// Reel names are at most 8 characters of `[A-Z0-9_]`; `AX` (auxiliary) when nothing is left.
pub fn reel(media: &str) -> String {
    let name = media.rsplit(['/', '\\']).next().unwrap_or(media);
    let stem = name.split('.').next().unwrap_or(name);
    let r: String = stem
        .chars()
        .filter_map(|c| {
            let c = c.to_ascii_uppercase();
            (c.is_ascii_alphanumeric() || c == '_').then_some(c)
        })
        .take(8)
        .collect();
    if r.is_empty() {
        "AX".to_owned()
    } else {
        r
    }
}

pub fn write(plan: &ClipPlan, media: &str) -> Result<String> {
    if plan.segments.len() > 999 {
        return Err(Error::invalid_field(
            "segments",
            "a CMX3600 list holds at most 999 events",
        ));
    }
    let reel = reel(media);
    let mut out = format!(
        "TITLE: LIVETRUST CLIP {}\nFCM: NON-DROP FRAME\n\n",
        one_line(&plan.session_id)
    );
    for (i, s) in plan.segments.iter().enumerate() {
        out.push_str(&format!(
            "{:03}  {:<8} {:<5} C        {} {} {} {}\n",
            i + 1,
            reel,
            "V",
            smpte(s.source_in, plan.fps, 0),
            smpte(s.source_out, plan.fps, 0),
            smpte(s.record_in, plan.fps, 1),
            smpte(s.record_out, plan.fps, 1),
        ));
        out.push_str(&format!("* FROM CLIP NAME:  {}\n", one_line(&s.caption)));
        out.push_str(&format!("* SOURCE FILE: {}\n\n", one_line(media)));
    }
    Ok(out)
}
