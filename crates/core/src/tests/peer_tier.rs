//! Tests of `peer_tier` (a child module of it, kept in its own file).

use super::*;
use proptest::prelude::*;

fn compare(score: f64, peers: &[f64]) -> Result<PeerPlacement> {
    place_against_peers(&PeerComparison {
        score,
        peer_scores: peers.to_vec(),
        cutoffs: None,
    })
}

#[test]
fn hand_computed_mid_rank() {
    // 2 below, 1 equal, 1 above: (2 + 0.5) / 4 = 62.5% -> 62, average.
    let p = compare(70.0, &[50.0, 60.0, 70.0, 90.0]).unwrap();
    assert_eq!(p.better_than_percent, 62);
    assert_eq!(p.tier, PeerTier::Average);
    assert_eq!(p.peer_count, 4);
}

#[test]
fn tiers_at_the_cut_offs() {
    let peers: Vec<f64> = (0..100).map(f64::from).collect();
    assert_eq!(compare(75.0, &peers).unwrap().better_than_percent, 75);
    assert_eq!(compare(75.0, &peers).unwrap().tier, PeerTier::Leading);
    // 74 beats 0..=73 and ties 74: 74.5% -> 74, just below the leading cut-off.
    assert_eq!(compare(74.0, &peers).unwrap().tier, PeerTier::Average);
    assert_eq!(compare(25.0, &peers).unwrap().tier, PeerTier::Average);
    assert_eq!(compare(24.0, &peers).unwrap().tier, PeerTier::SlightlyBelow);
}

#[test]
fn custom_cut_offs_are_used() {
    let input = PeerComparison {
        score: 60.0,
        peer_scores: vec![10.0, 20.0, 70.0, 80.0],
        cutoffs: Some(TierCutoffs {
            leading_from: 50.0,
            average_from: 10.0,
        }),
    };
    assert_eq!(place_against_peers(&input).unwrap().tier, PeerTier::Leading);
}

#[test]
fn errors_name_the_field() {
    assert_eq!(
        compare(f64::NAN, &[1.0]).unwrap_err().field(),
        Some("score")
    );
    assert_eq!(compare(101.0, &[1.0]).unwrap_err().field(), Some("score"));
    assert_eq!(compare(50.0, &[]).unwrap_err().field(), Some("peerScores"));
    assert_eq!(
        compare(50.0, &[1.0, f64::INFINITY]).unwrap_err().field(),
        Some("peerScores[1]")
    );
    let bad_cutoffs = PeerComparison {
        score: 1.0,
        peer_scores: vec![1.0],
        cutoffs: Some(TierCutoffs {
            leading_from: 30.0,
            average_from: 30.0,
        }),
    };
    assert_eq!(
        place_against_peers(&bad_cutoffs).unwrap_err().field(),
        Some("cutoffs.averageFrom")
    );
}

#[test]
fn json_shape_is_camel_case_and_strict() {
    let input: PeerComparison =
        serde_json::from_str(r#"{"score": 80, "peerScores": [10, 90]}"#).unwrap();
    let out = serde_json::to_value(place_against_peers(&input).unwrap()).unwrap();
    assert_eq!(
        out,
        serde_json::json!({"tier": "average", "betterThanPercent": 50, "peerCount": 2})
    );
    let typo = serde_json::from_str::<PeerComparison>(r#"{"score": 1, "peerScore": [1]}"#);
    assert!(
        typo.is_err(),
        "unknown fields must be rejected, not ignored"
    );
}

proptest! {
    #[test]
    fn percent_is_bounded_and_monotone_in_score(
        peers in prop::collection::vec(0.0f64..=100.0, 1..200),
        a in 0.0f64..=100.0,
        b in 0.0f64..=100.0,
    ) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let p_lo = compare(lo, &peers).unwrap();
        let p_hi = compare(hi, &peers).unwrap();
        prop_assert!(p_hi.better_than_percent <= 100);
        prop_assert!(p_lo.better_than_percent <= p_hi.better_than_percent);
        // Tiers are ordered the same way as the percentile.
        let rank = |t: PeerTier| match t {
            PeerTier::SlightlyBelow => 0,
            PeerTier::Average => 1,
            PeerTier::Leading => 2,
        };
        prop_assert!(rank(p_lo.tier) <= rank(p_hi.tier));
    }

    #[test]
    fn peer_order_does_not_matter(mut peers in prop::collection::vec(0.0f64..=100.0, 1..100), s in 0.0f64..=100.0) {
        let before = compare(s, &peers).unwrap();
        peers.reverse();
        prop_assert_eq!(before, compare(s, &peers).unwrap());
    }
}
