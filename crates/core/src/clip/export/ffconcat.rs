//! An FFmpeg concat script: the recording once per segment with its in and out points, in clip
//! order. A relative `media` path is resolved against the script's own directory. Frame-exact
//! rendering of a recording with inter-frame compression (every phone's) needs the decoded
//! frames selected by the script's points, since the demuxer starts each segment at the key
//! frame before its in point:
//!
//! `ffmpeg -f concat -safe 0 -segment_time_metadata 1 -i clip.ffconcat -copyts
//!  -vf "select=concatdec_select,setpts=N/FRAME_RATE/TB" -c:v libx264 clip.mp4`
//!
//! (the script's first comment line says so too). Without `-copyts` FFmpeg drops frames where
//! the pre-roll of one segment overlaps the previous one's timestamps.

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
    out.push_str(
        "# render: ffmpeg -f concat -safe 0 -segment_time_metadata 1 -i THIS_FILE -copyts \
         -vf \"select=concatdec_select,setpts=N/FRAME_RATE/TB\" -c:v libx264 clip.mp4\n",
    );
    for s in &plan.segments {
        out.push_str(&format!(
            "file '{quoted}'\ninpoint {}\noutpoint {}\n",
            seconds(s.source_in, plan.fps),
            seconds(s.source_out, plan.fps)
        ));
    }
    out
}
