//! An FFmpeg concat script: the recording once per segment with its in and out points, in clip
//! order. `ffmpeg -f concat -safe 0 -i clip.ffconcat -c:v libx264 clip.mp4` renders it (re-encode
//! for frame accuracy; with `-c copy` FFmpeg cuts at key frames). A relative `media` path is
//! resolved against the script's own directory.

use super::one_line;
use super::timecode::seconds;
use crate::clip::plan::ClipPlan;

pub fn write(plan: &ClipPlan, media: &str) -> String {
    let quoted = media.replace('\'', "'\\''");
    let mut out = String::from("ffconcat version 1.0\n");
    out.push_str(&format!(
        "# livetrust clip of session {}: {} segments, {} frames at {} fps\n",
        one_line(&plan.session_id),
        plan.segments.len(),
        plan.duration_frames,
        plan.fps
    ));
    for s in &plan.segments {
        out.push_str(&format!(
            "file '{quoted}'\ninpoint {}\noutpoint {}\n",
            seconds(s.source_in, plan.fps),
            seconds(s.source_out, plan.fps)
        ));
    }
    out
}
