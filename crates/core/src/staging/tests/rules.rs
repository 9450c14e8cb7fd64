//! Every edit rule, the reorder that keeps the time slots, the clock, and a property: any
//! sequence of accepted edits leaves a state that passes the checks.

use proptest::prelude::*;

use super::fixture::*;
use crate::staging::{apply, apply_all, coming_up, StagingEdit, StagingState};
use crate::Error;

fn stage(id: &str, minutes: u32) -> StagingEdit {
    StagingEdit::Stage {
        product_id: id.into(),
        in_minutes: Some(minutes),
        at_second: None,
    }
}

fn field(e: Error) -> String {
    e.field().unwrap_or_default().to_owned()
}

#[test]
fn staging_in_5_or_10_minutes_plans_from_the_clock_in_on_air_order() {
    let s = apply_all(
        &plan(),
        &at(100),
        &[stage("pot", 10), stage("tea", 5)],
        &config(),
    )
    .unwrap();
    let order: Vec<_> = s
        .staged
        .iter()
        .map(|x| (x.product_id.as_str(), x.planned_second))
        .collect();
    assert_eq!(order, [("tea", 400), ("pot", 700)]);
}

#[test]
fn a_product_planned_at_the_same_second_goes_after_those_already_there() {
    let edits = [
        stage("tea", 5),
        StagingEdit::Stage {
            product_id: "cup".into(),
            in_minutes: None,
            at_second: Some(300),
        },
    ];
    let s = apply_all(&plan(), &at(0), &edits, &config()).unwrap();
    assert_eq!(s.staged[1].product_id, "cup");
}

#[test]
fn an_unknown_product_a_product_staged_twice_or_on_air_and_a_past_time_are_refused() {
    let p = plan();
    let c = config();
    let e = apply(&p, &at(0), &stage("nope", 5), &c).unwrap_err();
    assert_eq!(field(e.clone()), "productId");
    assert!(
        e.to_string().contains("not in the session's live plan"),
        "{e}"
    );

    let once = apply(&p, &at(0), &stage("tea", 5), &c).unwrap();
    let e = apply(&p, &once, &stage("tea", 10), &c).unwrap_err();
    assert!(e.to_string().contains("already staged"), "{e}");

    let on_air = apply(
        &p,
        &at(0),
        &StagingEdit::OnAir {
            product_id: "cup".into(),
        },
        &c,
    )
    .unwrap();
    let e = apply(&p, &on_air, &stage("cup", 5), &c).unwrap_err();
    assert!(e.to_string().contains("on air now"), "{e}");

    let past = StagingEdit::Stage {
        product_id: "tea".into(),
        in_minutes: None,
        at_second: Some(99),
    };
    let e = apply(&p, &at(100), &past, &c).unwrap_err();
    assert_eq!(field(e.clone()), "atSecond");
    assert!(e.to_string().contains("in the past"), "{e}");
}

#[test]
fn a_stage_edit_takes_exactly_one_of_minutes_and_second_and_minutes_within_the_limit() {
    let p = plan();
    let c = config();
    for edit in [
        StagingEdit::Stage {
            product_id: "tea".into(),
            in_minutes: None,
            at_second: None,
        },
        StagingEdit::Stage {
            product_id: "tea".into(),
            in_minutes: Some(5),
            at_second: Some(500),
        },
        stage("tea", 0),
        stage("tea", 121),
    ] {
        assert_eq!(
            field(apply(&p, &at(0), &edit, &c).unwrap_err()),
            "inMinutes",
            "{edit:?}"
        );
    }
}

#[test]
fn the_zone_holds_at_most_max_staged_products() {
    let mut c = config();
    c.max_staged = 2;
    let e = apply_all(
        &plan(),
        &at(0),
        &[stage("tea", 5), stage("cup", 6), stage("pot", 7)],
        &c,
    )
    .unwrap_err();
    assert_eq!(field(e), "edits[2].productId");
}

#[test]
fn moving_a_product_keeps_the_time_slots_and_changes_who_takes_them() {
    let s = apply_all(
        &plan(),
        &at(0),
        &[stage("tea", 5), stage("cup", 10), stage("pot", 15)],
        &config(),
    )
    .unwrap();
    let moved = apply(
        &plan(),
        &s,
        &StagingEdit::Move {
            product_id: "pot".into(),
            to: 0,
        },
        &config(),
    )
    .unwrap();
    let order: Vec<_> = moved
        .staged
        .iter()
        .map(|x| (x.product_id.as_str(), x.planned_second))
        .collect();
    assert_eq!(order, [("pot", 300), ("tea", 600), ("cup", 900)]);
    let e = apply(
        &plan(),
        &s,
        &StagingEdit::Move {
            product_id: "pot".into(),
            to: 3,
        },
        &config(),
    )
    .unwrap_err();
    assert_eq!(field(e), "to");
    let e = apply(
        &plan(),
        &s,
        &StagingEdit::Move {
            product_id: "mat".into(),
            to: 0,
        },
        &config(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("not staged"), "{e}");
}

#[test]
fn going_on_air_takes_the_product_out_of_the_zone_and_the_clock_never_goes_back() {
    let p = plan();
    let c = config();
    let s = apply_all(
        &p,
        &at(0),
        &[stage("tea", 5), StagingEdit::Clock { now_second: 300 }],
        &c,
    )
    .unwrap();
    let strip = coming_up(&p, &s, &c);
    assert_eq!((strip[0].countdown_seconds, strip[0].due), (0, true));
    let s = apply(
        &p,
        &s,
        &StagingEdit::OnAir {
            product_id: "tea".into(),
        },
        &c,
    )
    .unwrap();
    assert!(s.staged.is_empty());
    assert_eq!(
        s.on_air
            .as_ref()
            .map(|o| (o.product_id.as_str(), o.since_second)),
        Some(("tea", 300))
    );
    let e = apply(&p, &s, &StagingEdit::Clock { now_second: 299 }, &c).unwrap_err();
    assert_eq!(field(e), "nowSecond");
    let off = apply(&p, &s, &StagingEdit::OffAir, &c).unwrap();
    assert!(off.on_air.is_none());
    assert_eq!(
        field(apply(&p, &off, &StagingEdit::OffAir, &c).unwrap_err()),
        "op"
    );
}

#[test]
fn the_strip_counts_down_and_marks_what_is_within_the_horizon() {
    let p = plan();
    let c = config();
    let s = apply_all(&p, &at(60), &[stage("tea", 5), stage("cup", 11)], &c).unwrap();
    let strip = coming_up(&p, &s, &c);
    let got: Vec<_> = strip
        .iter()
        .map(|x| {
            (
                x.product_id.as_str(),
                x.countdown_seconds,
                x.within_horizon,
                x.live_price_fen,
            )
        })
        .collect();
    assert_eq!(got, [("tea", 300, true, 1000), ("cup", 660, false, 2000)]);
}

#[test]
fn a_loaded_state_is_checked_and_errors_name_its_field() {
    let p = plan();
    let c = config();
    let mut s = apply_all(&p, &at(0), &[stage("tea", 5), stage("cup", 10)], &c).unwrap();
    s.staged[1].product_id = "tea".into();
    let e = apply_all(&p, &s, &[], &c).unwrap_err();
    assert_eq!(field(e), "state.staged[1].productId");
    s.staged[1] = crate::model::StagedProduct {
        product_id: "cup".into(),
        planned_second: 10,
    };
    let e = apply_all(&p, &s, &[], &c).unwrap_err();
    assert_eq!(field(e), "state.staged[1].plannedSecond");
    let mut twice = plan();
    twice.products[1].product_id = "tea".into();
    assert_eq!(
        field(apply_all(&twice, &at(0), &[], &c).unwrap_err()),
        "plan.products[1].productId"
    );
}

#[test]
fn edits_read_as_the_shells_send_them() {
    let edits: Vec<StagingEdit> = serde_json::from_str(
        r#"[{"op": "stage", "productId": "tea", "inMinutes": 5}, {"op": "move", "productId": "tea", "to": 0},
            {"op": "onAir", "productId": "cup"}, {"op": "clock", "nowSecond": 30}, {"op": "offAir"}]"#,
    )
    .unwrap();
    let s = apply_all(&plan(), &at(0), &edits, &config()).unwrap();
    assert_eq!(s.now_second, 30);
    let bad = serde_json::from_str::<StagingEdit>(
        r#"{"op": "stage", "productId": "tea", "inMinute": 5}"#,
    );
    assert!(bad.is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn accepted_edits_keep_every_rule(ops in proptest::collection::vec((0u8..6, 0usize..5, 0u32..15), 0..30)) {
        let p = plan();
        let c = config();
        let ids = ["tea", "cup", "pot", "mat", "nope"];
        let mut s = StagingState::default();
        for (op, k, n) in ops {
            let id = ids[k].to_owned();
            let edit = match op {
                0 => StagingEdit::Stage { product_id: id, in_minutes: Some(n), at_second: None },
                1 => StagingEdit::Stage { product_id: id, in_minutes: None, at_second: Some(n * 60) },
                2 => StagingEdit::Unstage { product_id: id },
                3 => StagingEdit::Move { product_id: id, to: n % 4 },
                4 => StagingEdit::OnAir { product_id: id },
                _ => StagingEdit::Clock { now_second: s.now_second + n * 30 },
            };
            if let Ok(next) = apply(&p, &s, &edit, &c) {
                prop_assert!(next.check(&p, &c).is_ok(), "{edit:?} broke a rule: {next:?}");
                prop_assert!(next.now_second >= s.now_second);
                s = next;
            }
        }
    }
}
