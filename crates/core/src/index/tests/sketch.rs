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
