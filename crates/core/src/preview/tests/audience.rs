//! The audience package on a case worked out by hand (the numbers in the comments follow the
//! formula in `audience.rs`), its errors, the history read from a dataset, and properties: the
//! order of the purchase rows does not matter, affinities stay in [0, 1], the range holds the
//! expectation.

use proptest::prelude::*;

use super::fixture::{now, shop};
use crate::preview::audience::*;

fn products() -> Vec<HistoryProduct> {
    [("pa", "A"), ("pb", "A"), ("pc", "B")]
        .into_iter()
        .map(|(id, c)| HistoryProduct {
            id: id.into(),
            category_id: c.into(),
        })
        .collect()
}

/// Purchases as (buyer, product, days ago, unit price).
fn columns(purchases: &[(u32, u32, u16, u32)]) -> HistoryColumns {
    HistoryColumns {
        buyer_count: 5,
        buyer_ids: Some((0..5).map(|b| format!("b{b}")).collect()),
        products: products(),
        purchase_buyer: purchases.iter().map(|p| p.0).collect(),
        purchase_product: purchases.iter().map(|p| p.1).collect(),
        purchase_days_ago: purchases.iter().map(|p| p.2).collect(),
        purchase_unit_price_fen: purchases.iter().map(|p| p.3).collect(),
        followers: vec![1],
        earlier_reservations: vec![0, 0, 1, 0, 0],
    }
}

const CASE: [(u32, u32, u16, u32); 4] = [
    (0, 0, 0, 5000),  // b0: pa today at the live price
    (1, 1, 30, 2500), // b1: pb (pa's category) one half-life ago, at half pa's live price
    (3, 2, 0, 1000),  // b3: pc today at ¥10 …
    (3, 2, 30, 3000), // … and a half-life ago at ¥30
];

fn plan() -> Vec<PlannedProduct> {
    vec![
        PlannedProduct {
            product_id: "pa".into(),
            live_price_fen: 5000,
        },
        PlannedProduct {
            product_id: "pc".into(),
            live_price_fen: 2000,
        },
    ]
}

/// Reports round to four decimals.
fn close(a: f64, b: f64) {
    assert_eq!(a, (b * 10_000.0).round() / 10_000.0, "{a} != {b} (rounded)");
}

#[test]
fn the_package_of_a_hand_computed_case() {
    let history = AudienceHistory::from_columns(columns(&CASE)).unwrap();
    let r = audience_package(&history, &plan(), &AudienceConfig::default()).unwrap();
    // b3: P = 1 + 0.5 = 1.5, interest = 1 − e^−1.5; paid (1·1000 + 0.5·3000)/1.5 = 1666.67 of
    //     2000 → fit 0.8333; affinity 0.776870 × 0.833333 = 0.647392.
    // b0: P = 1 → 1 − e^−1 = 0.632121, fit 1.
    // b1: C = 0.5 → 1 − e^−0.2 = 0.181269, fit 2500/5000 → 0.090635; follows:
    //     1 − (1 − 0.090635)(1 − 0.25) = 0.317976.
    // b2: one earlier reservation, no purchases: 0.35 × (1 − 0.5) = 0.175 < 0.2, left out.
    assert_eq!(
        r.top
            .iter()
            .map(|b| b.buyer_id.as_str())
            .collect::<Vec<_>>(),
        ["b3", "b0", "b1"]
    );
    close(r.top[0].affinity, 0.647_391_533_209_641_8);
    close(r.top[1].affinity, 0.632_120_558_828_557_7);
    close(r.top[2].affinity, 0.317_975_967_595_756_86);
    assert_eq!(r.top[0].driver.as_deref(), Some("pc"));
    assert_eq!(r.top[2].driver.as_deref(), Some("pa"));
    assert_eq!((r.buyers_scored, r.buyers_with_affinity), (5, 4));
    assert_eq!((r.qualified, r.size), (3, 3));
    close(r.cutoff_affinity, 0.317_975_967_595_756_86);
    // 0.25 × Σ affinity; the range: 0.15 × Σ − 1.645 σ < 0 → 0, 0.35 × Σ + 1.645 σ = 1.658.
    close(r.reservations.expected, 0.399_372_014_908_489);
    assert_eq!((r.reservations.low, r.reservations.high), (0, 2));
    assert_eq!(r.drivers[0].buyers, 2);
    close(r.drivers[0].share, 0.594_744_055_014_731_6);
    assert_eq!(r.drivers[1].buyers, 1);
    close(r.drivers[1].share, 0.405_255_944_985_268_5);
    assert_eq!(r.histogram, [0, 0, 0, 1, 0, 0, 2, 0, 0, 0]);
}

#[test]
fn the_package_is_capped_at_its_size_keeping_the_highest() {
    let history = AudienceHistory::from_columns(columns(&CASE)).unwrap();
    let config = AudienceConfig {
        max_size: 2,
        top_shown: 1,
        ..AudienceConfig::default()
    };
    let r = audience_package(&history, &plan(), &config).unwrap();
    assert_eq!((r.qualified, r.size), (3, 2));
    close(r.cutoff_affinity, 0.632_120_558_828_557_7);
    assert_eq!(r.top.len(), 1);
    assert_eq!(r.top[0].buyer_id, "b3");
    // Without names, buyers are named by index.
    let mut unnamed = columns(&CASE);
    unnamed.buyer_ids = None;
    let r = audience_package(
        &AudienceHistory::from_columns(unnamed).unwrap(),
        &plan(),
        &config,
    )
    .unwrap();
    assert_eq!(r.top[0].buyer_id, "#3");
}

#[test]
fn bad_columns_plans_and_settings_are_errors_naming_the_field() {
    let mut c = columns(&CASE);
    c.purchase_days_ago.pop();
    let err = AudienceHistory::from_columns(c).unwrap_err();
    assert_eq!(err.field(), Some("purchaseDaysAgo"));
    let mut c = columns(&CASE);
    c.purchase_buyer[2] = 5;
    let err = AudienceHistory::from_columns(c).unwrap_err();
    assert_eq!(err.field(), Some("purchaseBuyer[2]"));
    let mut c = columns(&CASE);
    c.purchase_product[1] = 3;
    assert_eq!(
        AudienceHistory::from_columns(c).unwrap_err().field(),
        Some("purchaseProduct[1]")
    );
    let mut c = columns(&CASE);
    c.followers = vec![9];
    assert_eq!(
        AudienceHistory::from_columns(c).unwrap_err().field(),
        Some("followers[0]")
    );
    let mut c = columns(&CASE);
    c.earlier_reservations = vec![1];
    assert_eq!(
        AudienceHistory::from_columns(c).unwrap_err().field(),
        Some("earlierReservations")
    );
    let history = AudienceHistory::from_columns(columns(&CASE)).unwrap();
    let mut bad_plan = plan();
    bad_plan[1].product_id = "zz".into();
    assert_eq!(
        audience_package(&history, &bad_plan, &AudienceConfig::default())
            .unwrap_err()
            .field(),
        Some("plan[1].productId")
    );
    bad_plan = plan();
    bad_plan[0].live_price_fen = 0;
    assert_eq!(
        audience_package(&history, &bad_plan, &AudienceConfig::default())
            .unwrap_err()
            .field(),
        Some("plan[0].livePriceFen")
    );
    let config = AudienceConfig {
        reserve_rate: RateRange {
            low: 0.3,
            expected: 0.2,
            high: 0.4,
        },
        ..AudienceConfig::default()
    };
    assert_eq!(
        audience_package(&history, &plan(), &config)
            .unwrap_err()
            .field(),
        Some("reserveRate")
    );
    let signals = AudienceSignals {
        followers: vec!["nobody".into()],
        earlier_reservations: vec![],
    };
    let err = AudienceHistory::from_dataset(&shop(), now().local_date(), &signals).unwrap_err();
    assert_eq!(err.field(), Some("signals.followers[0]"));
}

#[test]
fn a_product_planned_twice_counts_its_purchases_once() {
    let history = AudienceHistory::from_columns(columns(&CASE)).unwrap();
    let mut twice = plan();
    twice.push(twice[0].clone());
    let r = audience_package(&history, &twice, &AudienceConfig::default()).unwrap();
    let once = audience_package(&history, &plan(), &AudienceConfig::default()).unwrap();
    assert_eq!(r.top, once.top);
    assert_eq!(r.drivers[2].buyers, 0);
}

#[test]
fn the_dataset_history_ages_orders_in_shanghai_days_and_skips_today() {
    let data = shop();
    let today = now().local_date();
    let history = AudienceHistory::from_dataset(&data, today, &AudienceSignals::default()).unwrap();
    // Every fixture order was paid before today (the latest one day before now).
    assert_eq!(history.purchase_count(), data.orders.len());
    let plan = vec![PlannedProduct {
        product_id: "p-hero1".into(),
        live_price_fen: 5600,
    }];
    let r = audience_package(&history, &plan, &AudienceConfig::default()).unwrap();
    // Buyers b0…b49 bought fruit; the 30 who bought p-hero1 itself rank first.
    assert_eq!(r.buyers_with_affinity, 50);
    assert!(r.top.iter().all(|b| b.driver.as_deref() == Some("p-hero1")));
    let from_the_first_day = AudienceHistory::from_dataset(
        &data,
        data.orders
            .iter()
            .map(|o| o.paid_at)
            .min()
            .unwrap()
            .local_date(),
        &AudienceSignals::default(),
    )
    .unwrap();
    assert_eq!(from_the_first_day.purchase_count(), 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_order_of_the_purchase_rows_does_not_change_the_package(
        rows in prop::collection::vec((0u32..5, 0u32..3, 0u16..200, 1u32..20_000), 0..40),
        seed in any::<u64>(),
        follower in 0u32..5,
    ) {
        let mut c = columns(&rows);
        c.followers = vec![follower];
        let config = AudienceConfig { min_affinity: 0.0, ..AudienceConfig::default() };
        let a = audience_package(&AudienceHistory::from_columns(c.clone()).unwrap(), &plan(), &config).unwrap();
        let mut shuffled = rows.clone();
        let mut rng = crate::rng::SplitMix64::new(seed);
        for i in (1..shuffled.len()).rev() {
            let j = (rng.next_u64() % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        let mut d = columns(&shuffled);
        d.followers = vec![follower];
        let b = audience_package(&AudienceHistory::from_columns(d).unwrap(), &plan(), &config).unwrap();
        prop_assert_eq!(&a.top, &b.top);
        prop_assert_eq!(a.size, b.size);
        for buyer in &a.top {
            prop_assert!((0.0..=1.0).contains(&buyer.affinity));
        }
        let sum: u64 = a.histogram.iter().sum();
        prop_assert_eq!(sum, a.size);
        prop_assert!(a.reservations.low as f64 <= a.reservations.expected);
        prop_assert!(a.reservations.expected <= a.reservations.high as f64);
    }
}
