//! Whole plans: every constraint of the edit decision list, the optimum against brute force over
//! the planner's own candidates, captions, locked and excluded parts, typed errors.

use proptest::prelude::*;

use super::fixture::*;
use crate::clip::{
    plan, ClipPlan, ClipPlanner, ClipRequest, ClipSegment, FrameRange, LockedSegment, Part,
    SegmentOrder,
};
use crate::generate::{generate, GenerateConfig};
use crate::Error;

/// Every rule a plan must keep, whatever it was asked.
fn check_constraints(p: &ClipPlan, req: &ClipRequest) {
    let budget = req.frames_floor(req.budget_ms);
    assert!(
        p.duration_frames <= budget,
        "{} > {budget}",
        p.duration_frames
    );
    assert!(p.segments.len() <= req.max_segments as usize);
    let coming: Vec<&ClipSegment> = p
        .segments
        .iter()
        .filter(|s| s.part == Part::ComingUp)
        .collect();
    assert_eq!(coming.len(), 1, "exactly one coming up");
    assert_eq!(p.segments.last().map(|s| s.part), Some(Part::ComingUp));
    let limit = p.at_second * p.fps;
    let mut record = 0;
    for (i, s) in p.segments.iter().enumerate() {
        assert_eq!(s.record_in, record, "contiguous");
        assert_eq!(s.record_out - s.record_in, s.source_out - s.source_in);
        record = s.record_out;
        assert!(
            s.source_in < s.source_out && s.source_out <= limit,
            "footage before the moment"
        );
        if !s.locked {
            let len = s.source_out - s.source_in;
            assert!(len >= req.frames_floor(req.min_shot_ms).max(1));
            assert!(len <= req.frames_floor(req.max_shot_ms));
        }
        for t in p.segments.iter().skip(i + 1) {
            assert!(
                s.source_out <= t.source_in || t.source_out <= s.source_in,
                "overlap"
            );
            if req.one_per_product && s.product_id.is_some() {
                assert_ne!(s.product_id, t.product_id, "one clip per product");
            }
        }
        for r in &req.excluded {
            assert!(
                s.source_out <= r.from || r.to <= s.source_in,
                "excluded range used"
            );
        }
    }
    assert_eq!(record, p.duration_frames);
    for l in &req.locked {
        assert!(p.segments.iter().any(|s| s.locked
            && s.source_in == l.source_in
            && s.source_out == l.source_out
            && s.part == l.part));
    }
    let total: f64 = p.segments.iter().map(|s| s.score.total).sum();
    assert!((total - p.total_score).abs() < 1e-3);
}

/// The best total over the planner's candidates by exhaustive search.
fn brute_optimum(planner: &mut ClipPlanner, req: &ClipRequest) -> f64 {
    let c = planner.candidates(req).unwrap();
    let clash = |a: &ClipSegment, b: &ClipSegment| {
        (a.source_in < b.source_out && b.source_in < a.source_out)
            || (req.one_per_product && a.product_id.is_some() && a.product_id == b.product_id)
    };
    fn go<'a>(
        all: &'a [ClipSegment],
        i: usize,
        budget: u32,
        cap: u32,
        chosen: &mut Vec<&'a ClipSegment>,
        clash: &dyn Fn(&ClipSegment, &ClipSegment) -> bool,
    ) -> f64 {
        let Some(s) = all.get(i) else { return 0.0 };
        let skip = go(all, i + 1, budget, cap, chosen, clash);
        let cost = s.source_out - s.source_in;
        if cap == 0 || cost > budget || chosen.iter().any(|o| clash(o, s)) {
            return skip;
        }
        chosen.push(s);
        let take = s.score.total + go(all, i + 1, budget - cost, cap - 1, chosen, clash);
        chosen.pop();
        skip.max(take)
    }
    let mut best = f64::NEG_INFINITY;
    for up in &c.coming_up {
        let cost = up.source_out - up.source_in;
        if cost > c.budget_frames || c.cap == 0 {
            continue;
        }
        let mut chosen = vec![up];
        let v = up.score.total
            + go(
                &c.previously,
                0,
                c.budget_frames - cost,
                c.cap - 1,
                &mut chosen,
                &clash,
            );
        best = best.max(v);
    }
    best
}

#[test]
fn the_shop_gets_its_best_moments_and_the_staged_product_named() {
    let src = shop();
    let req = ClipRequest::default();
    let p = plan(&src, &req).unwrap();
    check_constraints(&p, &req);
    // Five minutes before p4's planned 1 150 s.
    assert_eq!(p.at_second, 850);
    assert_eq!(p.coming_up_products, vec!["p4"]);
    let up = p.segments.last().unwrap();
    assert_eq!(up.product_id.as_deref(), Some("p4"));
    assert_eq!(up.origin, crate::clip::SegmentOrigin::Mention);
    // The sentence 801–808 s whole, at 30 fps.
    assert!(
        up.source_in <= 801 * 30 && up.source_out >= 808 * 30,
        "{up:?}"
    );
    // 12:00 UTC + 1 150 s is 20:19 in Beijing.
    assert_eq!(up.caption, "20:19 即将上车：保温杯 ¥59");
    let products: Vec<_> = p
        .segments
        .iter()
        .filter_map(|s| s.product_id.as_deref())
        .collect();
    assert!(
        products.contains(&"p2"),
        "the strongest burst, with likes: {products:?}"
    );
    let p2 = p
        .segments
        .iter()
        .find(|s| s.product_id.as_deref() == Some("p2"))
        .unwrap();
    assert_eq!(p2.caption, "橙子 直播价¥19.90");
    assert!(p2.score.orders > 0.0 && p2.score.likes > 0.0);
    // p1 had two bursts; one clip.
    assert!(products.iter().filter(|&&x| x == "p1").count() <= 1);
    assert!(p.peaks.len() >= 4, "{:?}", p.peaks);
}

#[test]
fn the_plan_equals_brute_force_over_its_candidates() {
    let src = shop();
    for (budget_ms, max_segments) in [(30_000, 6), (15_000, 3), (12_000, 6), (30_000, 2)] {
        let req = ClipRequest {
            budget_ms,
            max_segments,
            ..ClipRequest::default()
        };
        let mut planner = ClipPlanner::new(src.clone()).unwrap();
        let p = planner.plan(&req).unwrap();
        check_constraints(&p, &req);
        let brute = brute_optimum(&mut planner, &req);
        assert!(
            (p.total_score - brute).abs() < 1e-3,
            "budget {budget_ms} cap {max_segments}: plan {} brute {brute}",
            p.total_score
        );
    }
}

#[test]
fn locked_parts_stay_and_the_rest_is_planned_around_them() {
    let src = shop();
    let mut planner = ClipPlanner::new(src).unwrap();
    let first = planner.plan(&ClipRequest::default()).unwrap();
    let moved = first.segments.first().unwrap().clone();
    // The merchant drags the first segment's end one second later and locks it.
    let req = ClipRequest {
        locked: vec![LockedSegment {
            part: moved.part,
            source_in: moved.source_in,
            source_out: moved.source_out + 30,
            product_id: moved.product_id.clone(),
        }],
        ..ClipRequest::default()
    };
    let p = planner.plan(&req).unwrap();
    check_constraints(&p, &req);
    assert!(p
        .segments
        .iter()
        .any(|s| s.locked && s.source_out == moved.source_out + 30));
    // Removing the best "previously" segment: the range is not used again.
    let best = first
        .segments
        .iter()
        .filter(|s| s.part == Part::Previously)
        .max_by(|a, b| a.score.total.total_cmp(&b.score.total))
        .unwrap();
    let req = ClipRequest {
        excluded: vec![FrameRange {
            from: best.source_in,
            to: best.source_out,
        }],
        ..ClipRequest::default()
    };
    let p = planner.plan(&req).unwrap();
    check_constraints(&p, &req);
    assert!(p.total_score <= first.total_score);
    // A locked "coming up" replaces the planner's.
    let req = ClipRequest {
        locked: vec![LockedSegment {
            part: Part::ComingUp,
            source_in: 840 * 30,
            source_out: 844 * 30,
            product_id: None,
        }],
        ..ClipRequest::default()
    };
    let p = planner.plan(&req).unwrap();
    check_constraints(&p, &req);
    let up = p.segments.last().unwrap();
    assert!(up.locked && up.product_id.as_deref() == Some("p4"));
}

#[test]
fn strongest_first_orders_previously_by_score_and_ends_with_coming_up() {
    let req = ClipRequest {
        order: SegmentOrder::StrongestFirst,
        ..ClipRequest::default()
    };
    let p = plan(&shop(), &req).unwrap();
    check_constraints(&p, &req);
    let prev: Vec<f64> = p
        .segments
        .iter()
        .filter(|s| s.part == Part::Previously)
        .map(|s| s.score.total)
        .collect();
    assert!(prev.windows(2).all(|w| w[0] >= w[1]), "{prev:?}");
    let chrono = plan(&shop(), &ClipRequest::default()).unwrap();
    assert!((chrono.total_score - p.total_score).abs() < 1e-9);
}

#[test]
fn english_captions() {
    let req = ClipRequest {
        lang: crate::clip::CaptionLang::En,
        ..ClipRequest::default()
    };
    let p = plan(&shop(), &req).unwrap();
    assert_eq!(
        p.segments.last().unwrap().caption,
        "Coming up at 20:19: 保温杯 ¥59"
    );
}

#[test]
fn bad_requests_name_their_field() {
    let src = shop();
    let field = |req: ClipRequest| match plan(&src, &req) {
        Err(Error::InvalidField { field, .. }) => field,
        other => panic!("{other:?}"),
    };
    let d = ClipRequest::default;
    assert_eq!(field(ClipRequest { fps: 29, ..d() }), "fps");
    assert_eq!(
        field(ClipRequest {
            budget_ms: 500,
            ..d()
        }),
        "budgetMs"
    );
    assert_eq!(
        field(ClipRequest {
            min_shot_ms: 9_000,
            ..d()
        }),
        "minShotMs"
    );
    assert_eq!(
        field(ClipRequest {
            max_shot_ms: 40_000,
            ..d()
        }),
        "maxShotMs"
    );
    assert_eq!(
        field(ClipRequest {
            max_segments: 0,
            ..d()
        }),
        "maxSegments"
    );
    assert_eq!(
        field(ClipRequest {
            at_second: Some(5_000),
            ..d()
        }),
        "atSecond"
    );
    // Nothing staged within ten minutes after second 100 (p1 was planned at 90).
    assert_eq!(
        field(ClipRequest {
            at_second: Some(100),
            ..d()
        }),
        "atSecond"
    );
    let lock = |a: u32, b: u32| LockedSegment {
        part: Part::Previously,
        source_in: a,
        source_out: b,
        product_id: None,
    };
    assert_eq!(
        field(ClipRequest {
            locked: vec![lock(100, 50)],
            ..d()
        }),
        "locked[0].sourceOut"
    );
    assert_eq!(
        field(ClipRequest {
            locked: vec![lock(100, 400), lock(300, 500)],
            ..d()
        }),
        "locked[1]"
    );
    assert_eq!(
        field(ClipRequest {
            locked: vec![lock(100, 2_000)],
            ..d()
        }),
        "locked"
    );
    assert_eq!(
        field(ClipRequest {
            locked: vec![lock(30_000, 30_100)],
            ..d()
        }),
        "locked[0].sourceOut"
    );
    let mut broken = src.clone();
    broken.session.signals.as_mut().unwrap().likes.pop();
    assert_eq!(
        plan(&broken, &d()).unwrap_err().field(),
        Some("session.signals.likes")
    );
    let mut cfg = crate::clip::ClipConfig::default();
    cfg.signals.orders.weight = f64::NAN;
    assert_eq!(
        field(ClipRequest {
            config: Some(cfg),
            ..d()
        }),
        "signals.orders.weight"
    );
}

#[test]
fn every_demo_session_plans_within_its_constraints() {
    let data = generate(&GenerateConfig::default()).unwrap();
    assert!(!data.live_sessions.is_empty());
    // A session kept only as a summary has nothing to plan from, and says so.
    let summarised = data
        .live_sessions
        .iter()
        .find(|s| s.signals.is_none())
        .unwrap();
    let src = crate::clip::ClipSource::from_dataset(&data, &summarised.id).unwrap();
    assert_eq!(
        ClipPlanner::new(src).unwrap_err().field(),
        Some("session.signals")
    );
    for s in data.live_sessions.iter().filter(|s| s.signals.is_some()) {
        let src = crate::clip::ClipSource::from_dataset(&data, &s.id).unwrap();
        let req = ClipRequest::default();
        let mut planner = ClipPlanner::new(src).unwrap();
        let p = planner.plan(&req).unwrap();
        check_constraints(&p, &req);
        eprintln!(
            "{} {}s: {} segments {} frames score {} peaks {} cands {}",
            s.id,
            s.duration_seconds(),
            p.segments.len(),
            p.duration_frames,
            p.total_score,
            p.peaks.len(),
            p.candidates
        );
        assert!(
            p.segments.len() >= 2,
            "{}: {} segments",
            s.id,
            p.segments.len()
        );
        // Captions carry the product's name and a price.
        for seg in &p.segments {
            if seg.product_id.is_some() {
                assert!(seg.caption.contains('¥'), "{}", seg.caption);
            }
        }
        let brute = brute_optimum(&mut planner, &req);
        assert!(
            (p.total_score - brute).abs() < 1e-3,
            "{}: {} vs {brute}",
            s.id,
            p.total_score
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn random_sessions_and_requests_keep_every_rule(
        bursts in prop::collection::vec((100usize..1100, 1usize..15, 1u32..8), 0..8),
        budget_ms in 5_000u32..40_000, max_segments in 2u32..8,
        fps in prop::sample::select(vec![24u32, 25, 30, 60]),
        strongest in any::<bool>(), one_per_product in any::<bool>(),
        at in 700u32..1150,
    ) {
        let mut src = shop();
        for (from, len, n) in bursts {
            order_burst(&mut src.session, from, len, n);
        }
        let req = ClipRequest {
            budget_ms,
            max_segments,
            fps,
            one_per_product,
            at_second: Some(at),
            max_shot_ms: 8_000.min(budget_ms),
            min_shot_ms: 2_000.min(budget_ms),
            order: if strongest { SegmentOrder::StrongestFirst } else { SegmentOrder::Chronological },
            ..ClipRequest::default()
        };
        let mut planner = ClipPlanner::new(src).unwrap();
        let p = planner.plan(&req).unwrap();
        check_constraints(&p, &req);
        let brute = brute_optimum(&mut planner, &req);
        prop_assert!((p.total_score - brute).abs() < 1e-3, "plan {} brute {}", p.total_score, brute);
    }
}
