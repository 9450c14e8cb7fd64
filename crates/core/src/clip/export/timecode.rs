//! Frame counts as text: SMPTE non-drop-frame timecode (`HH:MM:SS:FF`), WebVTT times
//! (`HH:MM:SS.mmm`, rounded to the millisecond) and seconds for FFmpeg (the microsecond at or
//! before the frame's start, FFmpeg's own resolution).

/// `HH:MM:SS:FF` for `frames` at a whole `fps`, starting from `offset_hours`.
pub fn smpte(frames: u32, fps: u32, offset_hours: u32) -> String {
    let fps = fps.max(1);
    let ff = frames % fps;
    let total = frames / fps;
    let (h, m, s) = (total / 3600 + offset_hours, total / 60 % 60, total % 60);
    format!("{h:02}:{m:02}:{s:02}:{ff:02}")
}

/// The nearest millisecond to frame `frames`.
pub fn millis(frames: u32, fps: u32) -> u64 {
    let fps = u64::from(fps.max(1));
    (u64::from(frames) * 1000 * 2 + fps) / (2 * fps)
}

/// `HH:MM:SS.mmm`.
pub fn vtt(frames: u32, fps: u32) -> String {
    let ms = millis(frames, fps);
    let (h, m, s, f) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    format!("{h:02}:{m:02}:{s:02}.{f:03}")
}

/// Seconds with six decimals: frame `frames`' start rounded down to the microsecond. Down, so
/// that FFmpeg's `pts >= in` keeps the in frame and `pts < out` drops the out frame (rounding
/// to the nearest would put 725.666667 after the frame at 725.6666…, and keep it).
pub fn seconds(frames: u32, fps: u32) -> String {
    let fps = u64::from(fps.max(1));
    let us = u64::from(frames) * 1_000_000 / fps;
    format!("{}.{:06}", us / 1_000_000, us % 1_000_000)
}
