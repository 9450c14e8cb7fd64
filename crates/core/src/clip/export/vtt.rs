//! WebVTT captions on the clip's own timeline: one cue per segment, numbered, with the caption
//! escaped (`&`, `<`, `>`) and on one line.

use super::one_line;
use super::timecode::vtt;
use crate::clip::plan::ClipPlan;

pub fn write(plan: &ClipPlan) -> String {
    let mut out = format!(
        "WEBVTT - livetrust clip of session {}\n\n",
        one_line(&plan.session_id).replace("-->", "→")
    );
    for (i, s) in plan.segments.iter().enumerate() {
        let text = one_line(&s.caption)
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        out.push_str(&format!(
            "{}\n{} --> {}\n{}\n\n",
            i + 1,
            vtt(s.record_in, plan.fps),
            vtt(s.record_out, plan.fps),
            text.trim()
        ));
    }
    out
}
