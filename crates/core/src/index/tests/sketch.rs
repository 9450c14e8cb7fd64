//! Tests of `sketch` (a child module of it, kept in its own file).

use super::*;
use proptest::prelude::*;

#[test]
fn ranks_and_quantiles_on_a_known_population() {
    let s = PeerSketch::from_values((1..=100).map(f64::from));
    assert_eq!(s.count(), 100);
    assert!((s.rank(50.0) - 0.495).abs() < 0.011, "{}", s.rank(50.0));
    assert_eq!(s.rank(0.0), 0.0);
    assert_eq!(s.rank(1000.0), 1.0);
    let median = s.quantile(0.5).unwrap();
    assert!((median - 50.5).abs() / 50.5 < 0.02, "{median}");
    let p90 = s.quantile(0.9).unwrap();
    assert!((p90 - 90.0).abs() / 90.0 < 0.02, "{p90}");
    assert_eq!(PeerSketch::default().rank(3.0), 0.5);
    assert_eq!(PeerSketch::default().quantile(0.5), None);
}

#[test]
fn zeros_and_rates_are_handled() {
    let s = PeerSketch::from_values([0.0, 0.0, 0.1, 0.2, f64::NAN]);
    assert_eq!(s.count(), 4);
    assert_eq!(s.rank(0.0), 0.25);
    assert_eq!(s.quantile(0.0), Some(0.0));
}

#[test]
fn spread_rank_averages_the_rank_over_the_interval() {
    // Peers at 1, 2, 3, 4: a value somewhere in [1.5, 3.5] beats 1 fully, 2 for three quarters
    // of the interval, 3 for a quarter and 4 never: (1 + 0.75 + 0.25 + 0) / 4.
    let s = PeerSketch::from_values([1.0, 2.0, 3.0, 4.0]);
    let r = s.spread_rank(1.5, 3.5);
    assert!((r - 0.5).abs() < 0.01, "{r}");
    let r = s.spread_rank(3.0, 5.0);
    // 1 and 2 fully, 3 (at the interval's start) fully, 4 for half: 3.5 / 4.
    assert!((r - 0.875).abs() < 0.01, "{r}");
    assert_eq!(
        s.spread_rank(2.5, 2.5),
        s.rank(2.5),
        "a point interval is the point rank"
    );
    assert_eq!(s.spread_rank(0.0, 0.5), 0.0);
    assert_eq!(PeerSketch::default().spread_rank(1.0, 2.0), 0.5);
}

#[test]
fn spread_rank_of_two_values_sharing_the_bucket_below_the_interval() {
    // Found by the property below: both values in the bucket of x - h, representative above x + h.
    let values = [9276.813634749613, 9267.560044382546];
    let (x, h) = (9232.831990271216, 0.001);
    let s = PeerSketch::from_values(values);
    let r = s.spread_rank(x - h, x + h);
    assert!((0.0..=1.0).contains(&r));
    assert!(r >= s.rank(x - h) - 2.0 / (2.0 * 2.0) - 1e-12);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn merging_shards_equals_sketching_everything(
        a in prop::collection::vec(0.0f64..1e6, 0..200),
        b in prop::collection::vec(0.0f64..1e6, 0..200),
    ) {
        let mut merged = PeerSketch::from_values(a.clone());
        merged.merge(&PeerSketch::from_values(b.clone()));
        let whole = PeerSketch::from_values(a.iter().chain(&b).copied());
        prop_assert_eq!(&merged, &whole);
        let json = serde_json::to_string(&merged).unwrap();
        prop_assert_eq!(serde_json::from_str::<PeerSketch>(&json).unwrap(), whole);
    }

    #[test]
    fn spread_rank_lies_between_the_ranks_at_the_ends_and_moves_continuously(
        values in prop::collection::vec(0.001f64..1e4, 1..100),
        x in 0.001f64..1e4,
        h in 0.001f64..100.0,
    ) {
        let s = PeerSketch::from_values(values.clone());
        let r = s.spread_rank(x - h, x + h);
        // `rank` counts the values in an end's bucket as half below; the spread counts each at its
        // bucket's representative, anywhere from none to all of them: the bounds allow that half.
        let n = values.len() as f64;
        let in_bucket_of = |end: f64| values.iter().filter(|v| key(**v) == key(end)).count() as f64;
        prop_assert!(r >= s.rank(x - h) - in_bucket_of(x - h) / (2.0 * n) - 1e-12);
        prop_assert!(r <= s.rank(x + h) + in_bucket_of(x + h) / (2.0 * n) + 1e-12);
        // Moving the interval by a tenth of its width moves the result by at most a tenth.
        let moved = s.spread_rank(x - h + h / 5.0, x + h + h / 5.0);
        prop_assert!((moved - r).abs() <= 0.1 + 1e-9, "{} → {}", r, moved);
    }

    #[test]
    fn rank_is_close_to_the_exact_mid_rank(values in prop::collection::vec(0.001f64..1e4, 1..300), x in 0.001f64..1e4) {
        let s = PeerSketch::from_values(values.clone());
        let below = values.iter().filter(|&&v| v < x).count() as f64;
        let equal = values.iter().filter(|&&v| v == x).count() as f64;
        let exact = (below + equal / 2.0) / values.len() as f64;
        // Values sharing x's bucket (within 0.8 %) may count as equal: bound the difference.
        let near = values.iter().filter(|&&v| (v / x - 1.0).abs() < 0.01).count() as f64;
        prop_assert!((s.rank(x) - exact).abs() <= near / values.len() as f64 / 2.0 + 1e-12);
    }
}
