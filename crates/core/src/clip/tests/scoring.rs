//! The per-second score on hand-made timelines: robust baselines, lags, the comment gate,
//! smoothing, peaks.

use proptest::prelude::*;

use super::fixture::*;
use crate::clip::score::{peaks, ScoreTrack, COMMENTS, COMPONENTS};
use crate::clip::ClipConfig;

fn track(s: &crate::model::LiveSession) -> ScoreTrack {
    ScoreTrack::compute(s, s.duration_seconds(), &ClipConfig::default())
}

fn argmax(v: &[f64], from: usize, to: usize) -> usize {
    (from..to).fold(from, |b, t| if v[t] > v[b] { t } else { b })
}

#[test]
fn a_steady_room_has_no_peak() {
    let s = steady(900);
    let t = track(&s);
    let max = t.fused.iter().copied().fold(0.0, f64::max);
    assert!(max < ClipConfig::default().peak_min_score, "max {max}");
    assert!(peaks(&t.fused, 0.5, 45, 24).is_empty());
}

#[test]
fn an_order_burst_is_a_peak_credited_to_the_moment_before_the_reaction() {
    let mut s = steady(900);
    order_burst(&mut s, 406, 6, 4);
    let t = track(&s);
    let p = peaks(&t.fused, 0.5, 45, 24);
    assert_eq!(p.len(), 1, "{p:?}");
    // Orders lag 6 s and are summed over the following 10 s: the burst at 406–411 lifts the
    // seconds 391–405 (sums from 397 to 411, credited 6 s earlier) and nothing else.
    assert!((391..=405).contains(&p[0]), "peak at {}", p[0]);
    assert!(t.fused[380] < 0.05 && t.fused[420] < 0.05);
    // Orders and GMV carry it.
    let at = p[0] as usize;
    let orders = t.components[4][at] + t.components[5][at];
    assert!(orders > 0.8 * t.fused[at], "{orders} of {}", t.fused[at]);
}

#[test]
fn shifting_the_reaction_shifts_the_peak_by_as_much() {
    let peak_of = |from: usize| {
        let mut s = steady(900);
        order_burst(&mut s, from, 6, 4);
        let t = track(&s);
        argmax(&t.fused, 0, 900)
    };
    // 60 s keeps the steady room's wobble, order and gift rhythm and the baseline's steps aligned.
    assert_eq!(peak_of(466), peak_of(406) + 60);
}

#[test]
fn a_chat_burst_alone_is_not_a_highlight() {
    let mut s = steady(900);
    comment_burst(&mut s, 400, 15, 60);
    let t = track(&s);
    let around = (380..430).map(|x| t.fused[x]).fold(0.0, f64::max);
    assert!(around < 0.5, "spam scored {around}");
    assert!(peaks(&t.fused, 0.5, 45, 24).is_empty());
    // Its comment component is gated to nothing.
    let c = (380..430)
        .map(|x| t.components[COMMENTS][x])
        .fold(0.0, f64::max);
    assert!(c < 0.05, "comments {c}");
}

#[test]
fn comments_count_when_the_room_reacts_with_them() {
    let mut spam = steady(900);
    comment_burst(&mut spam, 400, 15, 60);
    let mut real = spam.clone();
    like_burst(&mut real, 400, 15, 40);
    let (a, b) = (track(&spam), track(&real));
    let peak = argmax(&b.fused, 380, 430);
    assert!(
        b.components[COMMENTS][peak] > 0.3,
        "{}",
        b.components[COMMENTS][peak]
    );
    assert!(b.fused[peak] > a.fused[peak] + 0.5);
    assert_eq!(peaks(&b.fused, 0.5, 45, 24).len(), 1);
}

#[test]
fn one_wild_second_is_capped() {
    let mut s = steady(900);
    s.signals.as_mut().unwrap().viewers[500] = 1_000_000;
    let t = track(&s);
    let cfg = ClipConfig::default();
    let max = t.components[0].iter().copied().fold(0.0, f64::max);
    assert!(max <= cfg.signals.viewers.weight * cfg.z_cap + 1e-12);
}

#[test]
fn the_baseline_follows_the_room_a_doubled_audience_is_not_a_highlight_for_long() {
    let mut s = steady(1800);
    for v in s.signals.as_mut().unwrap().viewers.iter_mut().skip(600) {
        *v *= 2;
    }
    let t = track(&s);
    // Five minutes later the trailing median has caught up.
    let late = (960..1800).map(|x| t.components[0][x]).fold(0.0, f64::max);
    assert!(late < 0.01, "{late}");
    let early = (590..620).map(|x| t.components[0][x]).fold(0.0, f64::max);
    assert!(early > 0.5, "{early}");
}

#[test]
fn an_explain_mark_adds_its_bonus_for_thirty_seconds() {
    let mut s = steady(900);
    s.explain_marks.push(crate::model::ExplainMark {
        product_id: "p".into(),
        second: 300,
    });
    let cfg = ClipConfig::default();
    let t = track(&s);
    assert!((t.components[6][315] - cfg.explain_bonus).abs() < 1e-12);
    assert!(t.components[6][280] == 0.0 && t.components[6][340] == 0.0);
}

#[test]
fn the_planner_reads_nothing_after_its_moment() {
    let mut a = steady(900);
    let mut b = a.clone();
    order_burst(&mut a, 700, 6, 5);
    order_burst(&mut b, 700, 6, 1);
    let cfg = ClipConfig::default();
    let (ta, tb) = (
        ScoreTrack::compute(&a, 600, &cfg),
        ScoreTrack::compute(&b, 600, &cfg),
    );
    assert_eq!(ta.fused, tb.fused);
    assert_eq!(ta.seconds(), 600);
}

#[test]
fn components_add_up_to_the_fused_score() {
    let src = shop();
    let t = track(&src.session);
    for x in 0..t.fused.len() {
        let sum: f64 = (0..COMPONENTS.len()).map(|c| t.components[c][x]).sum();
        assert!((sum - t.fused[x]).abs() < 1e-9);
    }
}

proptest! {
    #[test]
    fn integrals_are_additive_and_match_the_per_second_score(
        a in 0u32..3000, b in 0u32..3000, c in 0u32..3000, fps in prop::sample::select(vec![24u32, 25, 30, 60]),
    ) {
        let src = shop();
        let t = track(&src.session);
        let mut v = [a, b, c];
        v.sort_unstable();
        let [a, b, c] = v;
        let whole = t.total(a, c, fps);
        let parts = t.total(a, b, fps) + t.total(b, c, fps);
        prop_assert!((whole - parts).abs() < 1e-9);
        // Frame by frame.
        let direct: f64 = (a..c).map(|f| t.fused.get((f / fps) as usize).copied().unwrap_or(0.0) / f64::from(fps)).sum();
        prop_assert!((whole - direct).abs() < 1e-6, "{whole} vs {direct}");
    }

    #[test]
    fn peaks_are_suppression_radius_apart_and_strongest_first(
        values in prop::collection::vec(0.0f64..3.0, 1..400), radius in 1u32..60,
    ) {
        let p = peaks(&values, 0.5, radius, 50);
        for (i, &x) in p.iter().enumerate() {
            prop_assert!(values[x as usize] >= 0.5);
            for &y in p.iter().take(i) {
                prop_assert!(x.abs_diff(y) >= radius);
                prop_assert!(values[y as usize] >= values[x as usize]);
            }
        }
        // Every second above the threshold is near some peak at least as strong (or the cap hit).
        if p.len() < 50 {
            for (t, &v) in values.iter().enumerate() {
                if v >= 0.5 {
                    prop_assert!(p.iter().any(|&q| (q as usize).abs_diff(t) < radius as usize && values[q as usize] >= v));
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The sliding window's median and MAD are exactly two selections over a copy, whatever
    /// was added and dropped (counts with many ties, and fractions as GMV has).
    #[test]
    fn the_sorted_window_gives_the_selections_median_and_mad(
        values in proptest::collection::vec(prop_oneof![
            (0u32..6).prop_map(f64::from),
            (0u32..100_000).prop_map(|x| f64::from(x) / 7.0),
        ], 1..400),
        steps in proptest::collection::vec((0usize..40, 0usize..40), 1..30),
    ) {
        use crate::clip::score::{median_mad, SortedWindow};
        let (mut from, mut to) = (0, 0);
        let mut window = SortedWindow::default();
        for (drop, add) in steps {
            let next_to = (to + add).min(values.len());
            let next_from = (from + drop).min(next_to);
            for &v in &values[to..next_to] { window.insert(v); }
            for &v in &values[from..next_from] { window.remove(v); }
            (from, to) = (next_from, next_to);
            let mut copy = values[from..to].to_vec();
            let (m, mad) = median_mad(&mut copy);
            let (wm, wmad) = window.median_mad();
            prop_assert_eq!(m.to_bits(), wm.to_bits());
            prop_assert_eq!(mad.to_bits(), wmad.to_bits());
        }
    }
}
