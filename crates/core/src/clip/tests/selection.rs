//! The knapsack is exact: it equals a brute-force optimum on small instances, respects the
//! budget, the cap and the groups, and beats greedy ranking where greedy falls short.

use proptest::prelude::*;

use crate::clip::select::{best, brute_force, greedy, Item};

fn item(cost: u32, value: f64, group: usize) -> Item {
    Item { cost, value, group }
}

#[test]
fn greedy_takes_the_biggest_moment_and_misses_the_better_pair() {
    // 30 s at 30 fps: one 24 s moment worth 7, or two 15 s moments worth 5 each.
    let items = [item(720, 7.0, 0), item(450, 5.0, 1), item(450, 5.0, 2)];
    assert_eq!(greedy(&items, 900, 6), 7.0);
    let (v, chosen) = best(&items, 900, 6);
    assert_eq!((v, chosen), (10.0, vec![1, 2]));
}

#[test]
fn one_per_group_and_the_cap() {
    let items = [
        item(10, 3.0, 0),
        item(10, 2.0, 0),
        item(10, 1.0, 1),
        item(10, 1.0, 2),
    ];
    assert_eq!(best(&items, 100, 6), (5.0, vec![0, 2, 3]));
    assert_eq!(best(&items, 100, 2).0, 4.0);
    assert_eq!(best(&items, 15, 6).0, 3.0);
    assert_eq!(best(&[], 15, 6), (0.0, vec![]));
}

fn instance() -> impl Strategy<Value = (Vec<Item>, u32, u32)> {
    (
        prop::collection::vec((1u32..40, 0.0f64..10.0, 0usize..6), 0..11),
        0u32..120,
        0u32..5,
    )
        .prop_map(|(raw, budget, cap)| {
            (
                raw.into_iter().map(|(c, v, g)| item(c, v, g)).collect(),
                budget,
                cap,
            )
        })
}

proptest! {
    #[test]
    fn the_dynamic_programme_equals_brute_force((items, budget, cap) in instance()) {
        let (v, chosen) = best(&items, budget, cap);
        let brute = brute_force(&items, budget, cap);
        prop_assert!((v - brute).abs() < 1e-9, "dp {v} brute {brute}");
        // The choice is feasible and worth what is claimed.
        prop_assert!(chosen.len() <= cap as usize);
        let cost: u32 = chosen.iter().map(|&i| items[i].cost).sum();
        prop_assert!(cost <= budget);
        let mut groups: Vec<usize> = chosen.iter().map(|&i| items[i].group).collect();
        groups.sort_unstable();
        let n = groups.len();
        groups.dedup();
        prop_assert_eq!(groups.len(), n);
        let value: f64 = chosen.iter().map(|&i| items[i].value).sum();
        prop_assert!((value - v).abs() < 1e-9);
        prop_assert!(greedy(&items, budget, cap) <= v + 1e-9);
    }
}
