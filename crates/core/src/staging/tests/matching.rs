//! Priority matching: the preview's audience package over the staged products within the
//! horizon, with the entry rate.

use super::fixture::*;
use crate::preview::audience::{audience_package, AudienceConfig, PlannedProduct};
use crate::staging::{apply_all, priority_match, StagingEdit};

fn stage(id: &str, minutes: u32) -> StagingEdit {
    StagingEdit::Stage {
        product_id: id.into(),
        in_minutes: Some(minutes),
        at_second: None,
    }
}

#[test]
fn nothing_staged_within_the_horizon_matches_nobody() {
    let s = apply_all(&plan(), &at(0), &[stage("tea", 11)], &config()).unwrap();
    let m = priority_match(&history(), &plan(), &s, &config()).unwrap();
    assert_eq!((m.matched_buyers, m.expected_viewers.expected), (0, 0.0));
    assert!(m.products.is_empty());
}

#[test]
fn the_match_is_the_audience_package_of_the_staged_products_at_the_entry_rate() {
    let c = config();
    let s = apply_all(
        &plan(),
        &at(0),
        &[stage("tea", 5), stage("pot", 9), stage("mat", 30)],
        &c,
    )
    .unwrap();
    let m = priority_match(&history(), &plan(), &s, &c).unwrap();
    let direct = audience_package(
        &history(),
        &[
            PlannedProduct {
                product_id: "tea".into(),
                live_price_fen: 1000,
            },
            PlannedProduct {
                product_id: "pot".into(),
                live_price_fen: 3000,
            },
        ],
        &AudienceConfig {
            reserve_rate: c.enter_rate,
            ..AudienceConfig::default()
        },
    )
    .unwrap();
    assert_eq!(m.matched_buyers, direct.size);
    assert_eq!(m.expected_viewers, direct.reservations);
    let ids: Vec<_> = m.products.iter().map(|p| p.product_id.as_str()).collect();
    assert_eq!(ids, ["tea", "pot"], "mat is beyond the 10 minutes");
    assert_eq!(m.first_matched, direct.top);
    // The tea buyers (0–2) and the pot buyer (4) are matched; b0 bought tea twice, lately.
    assert_eq!(
        m.first_matched.first().map(|b| b.buyer_id.as_str()),
        Some("b0")
    );
    assert!(m.products[0].matched_buyers >= 2);
}

#[test]
fn staging_more_that_buyers_want_raises_the_expected_viewers_and_unstaging_lowers_them() {
    let c = config();
    let one = apply_all(&plan(), &at(0), &[stage("pot", 5)], &c).unwrap();
    let two = apply_all(&plan(), &one, &[stage("tea", 6)], &c).unwrap();
    let a = priority_match(&history(), &plan(), &one, &c).unwrap();
    let b = priority_match(&history(), &plan(), &two, &c).unwrap();
    assert!(
        b.expected_viewers.expected > a.expected_viewers.expected,
        "{a:?} {b:?}"
    );
    assert!(b.matched_buyers > a.matched_buyers);
    // The clock moving past the horizon's start changes nothing staged within it.
    let later = apply_all(&plan(), &two, &[StagingEdit::Clock { now_second: 200 }], &c).unwrap();
    assert_eq!(
        priority_match(&history(), &plan(), &later, &c)
            .unwrap()
            .expected_viewers,
        b.expected_viewers
    );
}

#[test]
fn a_staged_product_the_history_does_not_know_is_named() {
    let mut p = plan();
    p.products.push(PlannedProduct {
        product_id: "new".into(),
        live_price_fen: 100,
    });
    let s = apply_all(&p, &at(0), &[stage("tea", 5), stage("new", 6)], &config()).unwrap();
    let e = priority_match(&history(), &p, &s, &config()).unwrap_err();
    assert_eq!(e.field(), Some("staged[1].productId"), "{e}");
}

#[test]
fn a_bad_config_is_named() {
    let mut c = config();
    c.enter_rate.low = 0.5;
    let e = priority_match(&history(), &plan(), &at(0), &c).unwrap_err();
    assert_eq!(e.field(), Some("enterRate"));
    let mut c = config();
    c.audience.min_affinity = 2.0;
    assert_eq!(
        priority_match(&history(), &plan(), &at(0), &c)
            .unwrap_err()
            .field(),
        Some("audience.minAffinity")
    );
}
