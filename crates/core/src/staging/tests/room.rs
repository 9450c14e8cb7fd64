//! The viewer's room at a moment: the recording's on-air product and plan, or the zone's.

use super::fixture::{config, plan};
use crate::model::{LiveSession, OnAirInterval, SessionSummary, StagedProduct};
use crate::staging::{room_moment, OnAirNow, StagingState};

fn session() -> LiveSession {
    let start: crate::model::Timestamp = "2026-11-20T12:00:00Z".parse().unwrap();
    let staged = |id: &str, at: u32| StagedProduct {
        product_id: id.into(),
        planned_second: at,
    };
    LiveSession {
        id: "s1".into(),
        merchant_id: "m1".into(),
        start_at: start,
        end_at: start.plus_seconds(900),
        signals: None,
        summary: Some(SessionSummary {
            viewer_minutes: 100,
            peak_viewers: 20,
            ..SessionSummary::default()
        }),
        on_air: vec![
            OnAirInterval {
                product_id: "tea".into(),
                start_second: 0,
                end_second: 100,
            },
            OnAirInterval {
                product_id: "cup".into(),
                start_second: 120,
                end_second: 300,
            },
        ],
        explain_marks: Vec::new(),
        staged: vec![
            staged("tea", 0),
            staged("cup", 110),
            staged("pot", 400),
            staged("cup", 500),
            staged("mat", 700),
        ],
        transcript: Vec::new(),
    }
}

fn ids(m: &crate::staging::RoomMoment) -> Vec<(&str, u32)> {
    m.coming_up
        .iter()
        .map(|c| (c.product_id.as_str(), c.countdown_seconds))
        .collect()
}

#[test]
fn without_a_zone_the_recording_puts_its_product_on_air_and_counts_down_to_its_plan() {
    let m = room_moment(&session(), &plan(), None, 50, &config());
    let on_air = m.on_air.as_ref().unwrap();
    assert_eq!(
        (on_air.product_id.as_str(), on_air.since_second),
        ("tea", 0)
    );
    assert_eq!(on_air.live_price_fen, 1000);
    // cup planned at 110 (60 s away); pot; cup again is left out; mat.
    assert_eq!(ids(&m), [("cup", 60), ("pot", 350), ("mat", 650)]);
    assert!(m.coming_up[0].within_horizon && !m.coming_up[2].within_horizon);
}

#[test]
fn between_intervals_nothing_is_on_air_and_the_product_on_air_is_never_coming_up() {
    let gap = room_moment(&session(), &plan(), None, 105, &config());
    assert!(gap.on_air.is_none());
    assert_eq!(ids(&gap), [("cup", 5), ("pot", 295), ("mat", 595)]);
    // cup is on air at 200; its later plan at 500 is not shown.
    let m = room_moment(&session(), &plan(), None, 200, &config());
    assert_eq!(m.on_air.as_ref().unwrap().product_id, "cup");
    assert_eq!(ids(&m), [("pot", 200), ("mat", 500)]);
}

#[test]
fn the_clock_stops_at_the_end_of_the_session() {
    let m = room_moment(&session(), &plan(), None, 10_000, &config());
    assert_eq!(m.clock_second, 900);
    assert!(m.on_air.is_none() && m.coming_up.is_empty());
}

#[test]
fn the_assistants_zone_decides_what_is_staged_and_on_air() {
    let zone = StagingState {
        now_second: 60,
        on_air: Some(OnAirNow {
            product_id: "mat".into(),
            since_second: 40,
        }),
        staged: vec![StagedProduct {
            product_id: "pot".into(),
            planned_second: 360,
        }],
    };
    let m = room_moment(&session(), &plan(), Some(&zone), 90, &config());
    assert_eq!(m.on_air.as_ref().unwrap().product_id, "mat");
    assert_eq!(m.on_air.as_ref().unwrap().live_price_fen, 4000);
    assert_eq!(ids(&m), [("pot", 270)]);
    // A room clock behind the zone's counts from the zone's.
    let early = room_moment(&session(), &plan(), Some(&zone), 10, &config());
    assert_eq!(ids(&early), [("pot", 300)]);
    // A zone with nothing on air shows the recording's product.
    let idle = StagingState {
        on_air: None,
        ..zone
    };
    let m = room_moment(&session(), &plan(), Some(&idle), 90, &config());
    assert_eq!(m.on_air.as_ref().unwrap().product_id, "tea");
    assert_eq!(ids(&m), [("pot", 270)]);
}

#[test]
fn a_due_product_stays_in_the_strip_until_it_goes_on_air() {
    let zone = StagingState {
        now_second: 100,
        on_air: None,
        staged: vec![StagedProduct {
            product_id: "pot".into(),
            planned_second: 110,
        }],
    };
    let m = room_moment(&session(), &plan(), Some(&zone), 130, &config());
    assert_eq!(ids(&m), [("pot", 0)]);
    assert!(m.coming_up[0].due);
}
