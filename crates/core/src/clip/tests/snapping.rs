//! Cuts snap to sentence boundaries within reach, and only then.

use proptest::prelude::*;

use crate::clip::candidates::{window, Edge, Sentences};
use crate::model::TranscriptSegment;

fn sentences(spans: &[(u32, u32)], fps: u32) -> Sentences {
    let t: Vec<TranscriptSegment> = spans
        .iter()
        .map(|&(a, b)| TranscriptSegment {
            start_ms: a,
            end_ms: b,
            text: "句".into(),
        })
        .collect();
    Sentences::new(&t, fps)
}

#[test]
fn a_cut_inside_a_sentence_moves_to_the_nearest_boundary_within_a_second() {
    // At 25 fps a frame is 40 ms: the sentence 2.0–5.0 s is frames 50–125.
    let s = sentences(&[(2_000, 5_000), (6_000, 9_000)], 25);
    assert_eq!(s.snap(60, 25, 0, 1000, Edge::In), (50, true));
    assert_eq!(s.snap(110, 25, 0, 1000, Edge::Out), (125, true));
    // 1.04 s from both ends: stays (no boundary within a second).
    assert_eq!(s.snap(76, 25, 0, 1000, Edge::In), (76, false));
    // Between sentences nothing moves.
    assert_eq!(s.snap(135, 25, 0, 1000, Edge::In), (135, false));
    // On a boundary nothing moves.
    assert_eq!(s.snap(125, 25, 0, 1000, Edge::Out), (125, false));
}

#[test]
fn a_tie_keeps_the_sentence_whole_and_the_bounds_hold() {
    let s = sentences(&[(2_000, 4_000)], 25);
    // Frame 75 is 25 frames from both ends.
    assert_eq!(s.snap(75, 25, 0, 1000, Edge::In), (50, true));
    assert_eq!(s.snap(75, 25, 0, 1000, Edge::Out), (100, true));
    // The end lies past the allowed range: only the start is left.
    assert_eq!(s.snap(75, 25, 0, 90, Edge::Out), (50, true));
}

#[test]
fn sentence_edges_round_outwards_to_frames() {
    // 1.01 s to 2.01 s at 30 fps: frames 30.3–60.3 → 30..61, so cutting at 30 and 61 keeps it.
    let s = sentences(&[(1_010, 2_010)], 30);
    assert!(s.inside(31) && s.inside(60));
    assert!(!s.inside(30) && !s.inside(61));
}

#[test]
fn a_boundary_inside_an_overlapping_sentence_is_no_boundary() {
    // Two speakers overlap: 2–5 s and 4–8 s; 5 s lies inside the second.
    let s = sentences(&[(2_000, 5_000), (4_000, 8_000)], 25);
    assert!(s.inside(125));
    // From frame 120 the nearest clean boundary within a second would be 125, but that is
    // inside the second sentence: nothing within reach, so the cut stays.
    assert_eq!(s.snap(120, 25, 0, 1000, Edge::Out), (120, false));
}

#[test]
fn windows_keep_their_shot_length_bounds() {
    let s = sentences(&[(2_000, 5_000)], 25);
    // A 2 s moment at frame 60 padded by 5 frames: 55..115 snaps to 50..125 (3 s).
    let w = window(&s, 60, 50, 5, 25, 0, 1000, (25, 100)).unwrap();
    assert_eq!((w.source_in, w.source_out), (50, 125));
    assert!(w.snapped_in && w.snapped_out);
    // The same with at most 2.8 s allowed: no window.
    assert!(window(&s, 60, 50, 5, 25, 0, 1000, (25, 70)).is_none());
}

proptest! {
    #[test]
    fn after_snapping_a_cut_is_clean_or_no_clean_boundary_was_within_reach(
        raw in prop::collection::vec((0u32..60_000, 200u32..6_000), 0..30),
        cut in 0u32..2_000, fps in prop::sample::select(vec![24u32, 25, 30, 60]),
        out in any::<bool>(),
    ) {
        let spans: Vec<(u32, u32)> = raw.iter().map(|&(a, len)| (a, a + len)).collect();
        let s = sentences(&spans, fps);
        let edge = if out { Edge::Out } else { Edge::In };
        let (snapped, moved) = s.snap(cut, fps, 0, u32::MAX, edge);
        prop_assert!(snapped.abs_diff(cut) <= fps);
        if !s.inside(cut) {
            prop_assert_eq!((snapped, moved), (cut, false));
        } else if moved {
            prop_assert!(!s.inside(snapped));
            // Nothing clean is nearer.
            let d = snapped.abs_diff(cut);
            for f in cut.saturating_sub(d)..=cut + d {
                if f.abs_diff(cut) < d {
                    let edges: Vec<u32> = spans.iter().flat_map(|&(a, b)| {
                        [a * fps / 1000, (b * fps).div_ceil(1000)]
                    }).collect();
                    let clean = edges.contains(&f) && !s.inside(f);
                    prop_assert!(!clean, "{f} is nearer than {snapped}");
                }
            }
        } else {
            // Stayed mid-sentence: no clean boundary within reach.
            for f in cut.saturating_sub(fps)..=cut + fps {
                let edges: Vec<u32> = spans.iter().flat_map(|&(a, b)| {
                    [a * fps / 1000, (b * fps).div_ceil(1000)]
                }).collect();
                let clean = edges.contains(&f) && !s.inside(f);
                prop_assert!(!clean, "{f} is a clean boundary within reach");
            }
        }
    }
}
