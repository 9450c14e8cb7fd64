//! Every export read back by a small reader written here from the formats' specifications (not
//! from the writers), checked against the plan, and pinned by snapshots.

use serde_json::Value;

use super::fixture::shop;
use crate::clip::export::timecode::{millis, seconds, smpte, vtt};
use crate::clip::{export, plan, ClipPlan, ClipRequest, ExportFormat};

fn the_plan() -> ClipPlan {
    plan(&shop(), &ClipRequest::default()).unwrap()
}

/// `HH:MM:SS.mmm` or `MM:SS.mmm` to milliseconds (WebVTT §4.1, timestamps).
fn vtt_ms(t: &str) -> u64 {
    let (hms, ms) = t.split_once('.').unwrap();
    assert_eq!(ms.len(), 3, "{t}");
    let parts: Vec<u64> = hms.split(':').map(|x| x.parse().unwrap()).collect();
    let (h, m, s) = match parts[..] {
        [h, m, s] => (h, m, s),
        [m, s] => (0, m, s),
        _ => panic!("{t}"),
    };
    assert!(m < 60 && s < 60);
    ((h * 60 + m) * 60 + s) * 1000 + ms.parse::<u64>().unwrap()
}

/// Cues as (start ms, end ms, text), unescaped.
fn read_vtt(text: &str) -> Vec<(u64, u64, String)> {
    let mut blocks = text.split("\n\n");
    let header = blocks.next().unwrap();
    assert!(header.starts_with("WEBVTT") && !header.contains("-->"));
    let mut cues = Vec::new();
    let mut last_start = 0;
    for block in blocks.filter(|b| !b.trim().is_empty()) {
        let lines: Vec<&str> = block.lines().collect();
        let timing = lines.iter().position(|l| l.contains("-->")).unwrap();
        assert!(timing <= 1, "at most an id line before the timing");
        let (a, b) = lines[timing].split_once(" --> ").unwrap();
        let (a, b) = (vtt_ms(a), vtt_ms(b.split(' ').next().unwrap()));
        assert!(b > a && a >= last_start, "times in order");
        last_start = a;
        let body = lines[timing + 1..].join("\n");
        assert!(!body.contains("-->") && !body.contains('<'));
        cues.push((
            a,
            b,
            body.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&"),
        ));
    }
    cues
}

#[test]
fn webvtt_round_trips_to_the_plan() {
    let p = the_plan();
    let text = export(&p, ExportFormat::Vtt, "rec.mp4").unwrap();
    let cues = read_vtt(&text);
    assert_eq!(cues.len(), p.segments.len());
    for (cue, s) in cues.iter().zip(&p.segments) {
        assert_eq!(cue.0, millis(s.record_in, p.fps));
        assert_eq!(cue.1, millis(s.record_out, p.fps));
        assert_eq!(cue.2, s.caption);
    }
    insta::assert_snapshot!("shop_vtt", text);
}

#[test]
fn captions_are_escaped_and_kept_on_one_line() {
    let mut p = the_plan();
    p.segments[0].caption = "A&B <b>\n-->x".into();
    let text = export(&p, ExportFormat::Vtt, "rec.mp4").unwrap();
    let cues = read_vtt(&text);
    // The newline became a space; `>` was written as `&gt;`, so the text holds no `-->`.
    assert_eq!(cues[0].2, "A&B <b> -->x");
    assert!(text.contains("A&amp;B &lt;b&gt; --&gt;x"));
}

/// Clips of the first video track: (source start, duration, rate, name, target_url).
fn read_otio(text: &str) -> Vec<(f64, f64, f64, String, String)> {
    let v: Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["OTIO_SCHEMA"], "Timeline.1");
    let stack = &v["tracks"];
    assert_eq!(stack["OTIO_SCHEMA"], "Stack.1");
    let track = &stack["children"][0];
    assert_eq!(track["OTIO_SCHEMA"], "Track.1");
    assert_eq!(track["kind"], "Video");
    track["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            assert_eq!(c["OTIO_SCHEMA"], "Clip.2");
            let key = c["active_media_reference_key"].as_str().unwrap();
            let media = &c["media_references"][key];
            assert_eq!(media["OTIO_SCHEMA"], "ExternalReference.1");
            let r = &c["source_range"];
            assert_eq!(r["OTIO_SCHEMA"], "TimeRange.1");
            let rt = |x: &Value| {
                assert_eq!(x["OTIO_SCHEMA"], "RationalTime.1");
                (x["value"].as_f64().unwrap(), x["rate"].as_f64().unwrap())
            };
            let (start, rate) = rt(&r["start_time"]);
            let (dur, rate2) = rt(&r["duration"]);
            assert_eq!(rate, rate2);
            (
                start,
                dur,
                rate,
                c["name"].as_str().unwrap().to_owned(),
                media["target_url"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn opentimelineio_round_trips_to_the_plan() {
    let p = the_plan();
    let text = export(&p, ExportFormat::Otio, "rec.mp4").unwrap();
    let clips = read_otio(&text);
    assert_eq!(clips.len(), p.segments.len());
    let mut record = 0.0;
    for (c, s) in clips.iter().zip(&p.segments) {
        assert_eq!(c.0, f64::from(s.source_in));
        assert_eq!(c.1, f64::from(s.source_out - s.source_in));
        assert_eq!(c.2, f64::from(p.fps));
        assert_eq!(c.3, s.caption);
        assert_eq!(c.4, "rec.mp4");
        // A track's clips play back to back: the record position is the running sum.
        assert_eq!(record, f64::from(s.record_in));
        record += c.1;
    }
    insta::assert_snapshot!("shop_otio", text);
}

/// `HH:MM:SS:FF` to frames.
fn tc_frames(tc: &str, fps: u32) -> u32 {
    let p: Vec<u32> = tc.split(':').map(|x| x.parse().unwrap()).collect();
    assert_eq!(p.len(), 4, "{tc}");
    assert!(p[1] < 60 && p[2] < 60 && p[3] < fps);
    ((p[0] * 60 + p[1]) * 60 + p[2]) * fps + p[3]
}

#[test]
fn cmx3600_round_trips_to_the_plan() {
    let p = the_plan();
    let text = export(&p, ExportFormat::Edl, "livetrust rec.mp4").unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("TITLE: "));
    assert_eq!(lines.next().unwrap(), "FCM: NON-DROP FRAME");
    let events: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(events.len(), p.segments.len());
    for (i, (e, s)) in events.iter().zip(&p.segments).enumerate() {
        // event, reel, channel, transition, source in/out, record in/out.
        assert_eq!(e.len(), 8, "{e:?}");
        assert_eq!(e[0], format!("{:03}", i + 1));
        assert_eq!(e[1], "LIVETRUS");
        assert!(e[1].len() <= 8);
        assert_eq!((e[2], e[3]), ("V", "C"));
        assert_eq!(tc_frames(e[4], p.fps), s.source_in);
        assert_eq!(tc_frames(e[5], p.fps), s.source_out);
        let hour = 3600 * p.fps;
        assert_eq!(tc_frames(e[6], p.fps), s.record_in + hour);
        assert_eq!(tc_frames(e[7], p.fps), s.record_out + hour);
    }
    assert!(text.contains(&format!("* FROM CLIP NAME:  {}", p.segments[0].caption)));
    insta::assert_snapshot!("shop_edl", text);
}

#[test]
fn ffconcat_round_trips_to_the_plan() {
    let p = the_plan();
    let text = export(&p, ExportFormat::Ffconcat, "it's.mp4").unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("ffconcat version 1.0"));
    let mut files = 0;
    let mut points: Vec<(f64, f64)> = Vec::new();
    let mut inpoint = None;
    for l in lines.filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let (directive, arg) = l.split_once(' ').unwrap();
        match directive {
            "file" => {
                files += 1;
                // A quoted path with ' written as '\''.
                assert_eq!(arg, "'it'\\''s.mp4'");
            }
            "inpoint" => inpoint = Some(arg.parse::<f64>().unwrap()),
            "outpoint" => points.push((inpoint.take().unwrap(), arg.parse().unwrap())),
            other => panic!("unexpected directive {other}"),
        }
    }
    assert_eq!(files, p.segments.len());
    for (pt, s) in points.iter().zip(&p.segments) {
        let fps = f64::from(p.fps);
        assert_eq!((pt.0 * fps).round() as u32, s.source_in);
        assert_eq!((pt.1 * fps).round() as u32, s.source_out);
        // Never after the frame's start: FFmpeg keeps `pts >= in` and drops `pts >= out`.
        assert!(pt.0 <= f64::from(s.source_in) / fps && f64::from(s.source_in) / fps - pt.0 < 1e-6);
        assert!(pt.1 <= f64::from(s.source_out) / fps);
    }
    insta::assert_snapshot!("shop_ffconcat", text);
}

#[test]
fn json_is_the_plan() {
    let p = the_plan();
    let text = export(&p, ExportFormat::Json, "rec.mp4").unwrap();
    let back: ClipPlan = serde_json::from_str(&text).unwrap();
    assert_eq!(back, p);
}

#[test]
fn timecodes() {
    assert_eq!(smpte(0, 30, 1), "01:00:00:00");
    assert_eq!(smpte(30 * 3661 + 29, 30, 0), "01:01:01:29");
    assert_eq!(vtt(1, 30), "00:00:00.033");
    assert_eq!(vtt(2, 30), "00:00:00.067");
    assert_eq!(vtt(30 * 3600, 30), "01:00:00.000");
    assert_eq!(seconds(1, 30), "0.033333");
    assert_eq!(seconds(2, 30), "0.066666");
    assert_eq!(seconds(45, 30), "1.500000");
    assert_eq!(
        crate::clip::export::cmx::reel("/a/b/recording-01.mp4"),
        "RECORDIN"
    );
    assert_eq!(crate::clip::export::cmx::reel("直播.mp4"), "AX");
}

#[test]
fn a_bad_media_name_is_refused() {
    let p = the_plan();
    let e = export(&p, ExportFormat::Ffconcat, "a\nb.mp4").unwrap_err();
    assert_eq!(e.field(), Some("media"));
    assert_eq!(ExportFormat::parse("otio"), Some(ExportFormat::Otio));
    assert_eq!(ExportFormat::parse("mov"), None);
}
