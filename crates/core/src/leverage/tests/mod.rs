//! The estimate against the generator's planted lifts over several seeds, "not enough data"
//! instead of a number, the market view, and checked settings.

use super::*;
use crate::generate::{generate_with_truth, GenerateConfig};

fn market_of(seed: u64) -> (Dataset, crate::generate::GroundTruth) {
    generate_with_truth(&GenerateConfig {
        seed,
        merchants: 80,
        cold_start_cohort: 0,
        ..GenerateConfig::default()
    })
    .unwrap()
}

#[test]
fn the_planted_lift_is_inside_the_interval_for_nine_merchants_in_ten() {
    let config = LeverageConfig::default();
    let (mut inside, mut estimated, mut planted) = (0, 0, 0);
    for seed in [1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14] {
        let (data, truth) = market_of(seed);
        for p in &truth.leverage {
            planted += 1;
            let r = run(&data, &p.merchant_id, &config).unwrap();
            match r.verdict {
                LeverageVerdict::Estimated => {
                    estimated += 1;
                    let l = r.lift.unwrap();
                    assert!(l.low <= l.estimate && l.estimate <= l.high, "{l:?}");
                    if l.low <= p.lift && p.lift <= l.high {
                        inside += 1;
                    }
                }
                LeverageVerdict::NotEnoughData => {
                    // No number is given without enough data.
                    assert!(r.reason.is_some());
                    assert_eq!(
                        (r.lift, r.levered_natural_exposure, r.roi_with_levered),
                        (None, None, None)
                    );
                }
                v => panic!("{}: a pushing merchant reported {v:?}", p.merchant_id),
            }
        }
    }
    println!("planted {planted}, estimated {estimated}, inside {inside}");
    assert!(
        estimated * 2 >= planted,
        "most pushing merchants get an estimate: {estimated} of {planted}"
    );
    assert!(
        inside * 10 >= estimated * 9,
        "coverage {inside} of {estimated}"
    );
}

#[test]
fn merchants_that_never_push_are_said_so_and_the_market_view_adds_up() {
    let (data, truth) = market_of(5);
    let config = LeverageConfig::default();
    let m = market(&data, &config).unwrap();
    assert_eq!(m.pushing as usize, truth.leverage.len());
    assert_eq!(m.pushing + m.never_pushing, m.merchants_with_traffic);
    assert_eq!(m.estimated + m.not_enough_data, m.pushing);
    for row in &m.merchants {
        let pushes = truth
            .leverage
            .iter()
            .any(|p| p.merchant_id == row.merchant_id);
        assert_eq!(
            row.verdict == LeverageVerdict::NoPushes,
            !pushes,
            "{}",
            row.merchant_id
        );
        // The market view gives each merchant what its own report gives.
        let own = run(&data, &row.merchant_id, &config).unwrap();
        assert_eq!((own.verdict, own.lift), (row.verdict, row.lift));
    }
    // The planted lifts are uniform on [0.15, 0.85]: the estimates' median sits near 0.5, and
    // the uplift over the levered sessions is of the same size.
    let q = m.lift_quantiles.unwrap();
    assert!((0.3..0.7).contains(&q.median), "{q:?}");
    let uplift = m.natural_exposure_uplift.unwrap();
    assert!((0.3..0.7).contains(&uplift), "{uplift}");
    assert!(m.roi_with_levered.unwrap() > m.roi_paid_only.unwrap());
}

#[test]
fn too_few_sessions_is_not_enough_data() {
    let (mut data, truth) = market_of(6);
    let id = truth.leverage[0].merchant_id.clone();
    // Keep five of the merchant's sessions: its first pushed one and four without a push.
    let sessions: std::collections::HashSet<String> = data
        .live_sessions
        .iter()
        .filter(|s| s.merchant_id == id)
        .map(|s| s.id.clone())
        .collect();
    let (mut pushed, mut plain) = (0, 0);
    data.session_traffic.retain(|t| {
        if !sessions.contains(&t.session_id) {
            return true;
        }
        if t.paid_spend_fen > 0 {
            pushed += 1;
            pushed == 1
        } else {
            plain += 1;
            plain <= 4
        }
    });
    let r = run(&data, &id, &LeverageConfig::default()).unwrap();
    assert_eq!(r.sessions, 5);
    assert_eq!(r.verdict, LeverageVerdict::NotEnoughData);
    assert_eq!(r.reason, Some(NotEnoughReason::FewSessions));
    assert_eq!(r.lift, None);
    assert_eq!(r.timeline.len(), 5);
    // A merchant without traffic records, and one that is not in the data.
    data.session_traffic
        .retain(|t| !sessions.contains(&t.session_id));
    assert_eq!(
        run(&data, &id, &LeverageConfig::default()).unwrap().verdict,
        LeverageVerdict::NoTraffic
    );
    let e = run(&data, "nobody", &LeverageConfig::default()).unwrap_err();
    assert!(e.to_string().contains("merchantId"), "{e}");
}

#[test]
fn bad_settings_name_the_field() {
    let data = Dataset::default();
    for (config, field) in [
        (
            LeverageConfig {
                following_sessions: 21,
                ..Default::default()
            },
            "followingSessions",
        ),
        (
            LeverageConfig {
                min_sessions: 1,
                ..Default::default()
            },
            "minSessions",
        ),
        (
            LeverageConfig {
                max_interval_width: f64::NAN,
                ..Default::default()
            },
            "maxIntervalWidth",
        ),
        (
            LeverageConfig {
                max_interval_width: 0.0,
                ..Default::default()
            },
            "maxIntervalWidth",
        ),
        (
            LeverageConfig {
                min_control_sessions: 0,
                ..Default::default()
            },
            "minControlSessions",
        ),
    ] {
        let e = market(&data, &config).unwrap_err();
        assert!(e.to_string().contains(field), "{e}");
    }
}
