//! Scoring: shrinkage, missing data (no score without cases, weight redistribution, peers with
//! data only, too few peers), placement and its shortfalls, what-if, placing from serialized
//! tallies, the trend and sharded peers.

use proptest::prelude::*;

use super::report::{DataStatus, PlacementStatus, Shortfall};
use super::*;
use crate::peer_tier::PeerTier;

/// `n` merchants of one category; merchant m has 60 orders in the recent window and ships
/// `late[m]` of them after 48 hours. Every buyer orders once; nothing else happens (no reviews,
/// no service, no live sessions).
fn shipping_market(late: &[usize]) -> Dataset {
    let mut d = market(late.len());
    for (m, &l) in late.iter().enumerate() {
        for i in 0..60 {
            let paid = format!("2026-11-{:02}T04:{:02}:00Z", 1 + i % 20, i);
            let o = order(&mut d, m, &format!("b{m}-{i}"), &paid, Channel::LiveRoom);
            if i < l {
                d.orders[o].shipped_at = Some(d.orders[o].paid_at.plus_seconds(80 * 3600));
            }
        }
    }
    d
}

#[test]
fn shrinkage_pulls_small_samples_to_the_category_and_blocks_the_tier() {
    let mut d = shipping_market(&[0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60]);
    d.merchants.push(Merchant {
        id: "m11".into(),
        name: "新店".into(),
        category_id: "c-fresh".into(),
        merchant_type: MerchantType::Vertical,
        start_date: "2026-11-01".parse().unwrap(),
        followers: 0,
    });
    d.products.push(Product {
        id: "p11".into(),
        merchant_id: "m11".into(),
        title: "橙子".into(),
        list_price_fen: 3000,
        category_id: "c-fresh".into(),
    });
    // m11: a newcomer with two perfect orders.
    for i in 0..2 {
        order(
            &mut d,
            11,
            &format!("n{i}"),
            "2026-11-05T04:00:00Z",
            Channel::LiveRoom,
        );
    }
    // The merchants tie on everything but shipping, and a tie leaves each rank wide open; the
    // point tier is shown here (the interval's support is tested below).
    let config = IndexConfig {
        tier_support: 0.0,
        ..IndexConfig::default()
    };
    let market = market_index(&d, as_of(), &config).unwrap();
    let newcomer = market.report("m11", &config).unwrap();
    let ship = metric_of(&newcomer, MetricId::ShipWithin48hRate);
    assert_eq!(ship.raw, Some(1.0));
    // Category mean is (330 + 2) / 662 ≈ 0.50; two cases and a prior of 20 keep it near there.
    let shrunk = ship.shrunk.unwrap();
    assert!(shrunk < 0.56 && shrunk > 0.50, "{shrunk}");
    assert_eq!(newcomer.placement.status, PlacementStatus::NotEnoughData);
    assert_eq!(newcomer.placement.tier, None);
    assert!(newcomer.placement.missing.contains(&Shortfall::FewOrders {
        orders: 2,
        needed: 30
    }));

    let fast = market.report("m0", &config).unwrap();
    let slow = market.report("m10", &config).unwrap();
    let (f, s) = (fast.overall.unwrap(), slow.overall.unwrap());
    assert!(f.value > s.value);
    assert_eq!(fast.placement.status, PlacementStatus::Tiered);
    assert!(
        metric_of(&fast, MetricId::ShipWithin48hRate)
            .shrunk
            .unwrap()
            > 0.8
    );
    assert!(f.low <= f.value && f.value <= f.high);
    // The slow shipper is told to ship faster, with the points it would gain.
    let sug = slow
        .suggestions
        .iter()
        .find(|x| x.metric == MetricId::ShipWithin48hRate)
        .unwrap();
    assert!(
        sug.overall_gain > 0.0 && sug.target > sug.current,
        "{sug:?}"
    );
}

#[test]
fn a_metric_without_cases_has_no_score_and_its_weight_goes_to_the_scored_metrics_of_its_dimension()
{
    let d = shipping_market(&[0, 6, 12, 18, 24, 30]);
    let r = report_of(&d, "m2", &IndexConfig::default());
    // No refunds, conversations or reviews: those metrics have no data.
    for m in [
        MetricId::RefundOnlyHours,
        MetricId::ReturnRefundHours,
        MetricId::FirstResponseMinutes,
        MetricId::DissatisfactionRate,
    ] {
        let x = metric_of(&r, m);
        assert_eq!(x.status, DataStatus::NoData, "{m:?}");
        assert_eq!(
            (x.raw, x.shrunk, x.score, x.peer_percentile),
            (None, None, None, None)
        );
        assert_eq!(
            (x.effective_weight, x.contribution, x.peer_count),
            (0.0, 0.0, 0)
        );
    }
    // Service keeps its 35 %: shipping (10), delivery (5) and complaints (5) share it.
    let service = dimension_of(&r, Dimension::Service);
    assert_eq!(service.status, DataStatus::Scored);
    let ship = metric_of(&r, MetricId::ShipWithin48hRate);
    let shares: f64 = [
        MetricId::ShipWithin48hRate,
        MetricId::DeliveryHours,
        MetricId::ComplaintRate,
    ]
    .iter()
    .map(|&m| metric_of(&r, m).effective_weight)
    .sum();
    assert!(
        (shares - service.weight).abs() < 0.02,
        "{shares} vs {}",
        service.weight
    );
    assert!((ship.effective_weight - service.weight * 10.0 / 20.0).abs() < 0.01);
}

#[test]
fn a_dimension_without_data_has_no_score_no_tier_and_its_weight_is_redistributed_over_the_scored_dimensions(
) {
    let d = shipping_market(&[0, 6, 12, 18, 24, 30, 36]);
    let config = IndexConfig::default();
    let r = report_of(&d, "m1", &config);
    let content = dimension_of(&r, Dimension::Content);
    assert_eq!(content.status, DataStatus::NoData);
    assert_eq!(
        (content.score, content.tier, content.better_than_percent),
        (None, None, None)
    );
    assert_eq!((content.weight, content.nominal_weight), (0.0, 15.0));
    // No reviews: quality has only the quality refund rate (7.5 of its 25).
    let scored: Vec<_> = r
        .dimensions
        .iter()
        .filter(|x| x.status == DataStatus::Scored)
        .collect();
    let nominal: f64 = scored.iter().map(|x| x.nominal_weight).sum();
    for x in &scored {
        assert!(
            (x.weight - 100.0 * x.nominal_weight / nominal).abs() < 0.01,
            "{x:?}"
        );
    }
    // The overall score is the weighted mean of the scored dimensions.
    let overall = r.overall.unwrap().value;
    let mean: f64 = scored
        .iter()
        .map(|x| x.weight * x.score.unwrap().value)
        .sum::<f64>()
        / 100.0;
    assert!((overall - mean).abs() < 0.02, "{overall} vs {mean}");
    // The weights that are used add up to 100.
    let used: f64 = r.metrics.iter().map(|m| m.effective_weight).sum();
    assert!((used - 100.0).abs() < 0.02, "{used}");
}

#[test]
fn peers_of_a_metric_are_the_merchants_with_data_for_it() {
    let mut d = shipping_market(&[0, 6, 12, 18, 24, 30]);
    // Only m0 and m1 talk to customers.
    conversation(&mut d, 0, "2026-11-10T04:00:00Z", Some(60));
    conversation(&mut d, 1, "2026-11-10T04:00:00Z", Some(600));
    let config = IndexConfig::default();
    let market = market_index(&d, as_of(), &config).unwrap();
    let peers = market.peers("c-fresh").unwrap();
    assert_eq!(
        peers.metrics[MetricId::FirstResponseMinutes.index()]
            .shrunk
            .count(),
        2
    );
    assert_eq!(
        peers.metrics[MetricId::ShipWithin48hRate.index()]
            .shrunk
            .count(),
        6
    );
    assert_eq!(peers.dimensions[2].count(), 0, "nobody has content data");
    // Two peers are fewer than minPeers (5): the metric has data but no score.
    let r = market.report("m0", &config).unwrap();
    let x = metric_of(&r, MetricId::FirstResponseMinutes);
    assert_eq!(x.status, DataStatus::FewPeers);
    assert_eq!((x.raw, x.score, x.peer_count), (Some(1.0), None, 2));
    assert!(x.shrunk.is_some());
}

#[test]
fn with_fewer_than_min_peers_merchants_with_data_nothing_is_placed() {
    let d = shipping_market(&[0, 30, 60]);
    let r = report_of(&d, "m0", &IndexConfig::default());
    assert_eq!(r.overall, None);
    assert_eq!(r.placement.status, PlacementStatus::NotEnoughData);
    assert_eq!(r.placement.better_than_percent, None);
    assert_eq!(
        r.placement.missing,
        vec![Shortfall::FewPeers {
            peers: 3,
            needed: 5
        }]
    );
    assert!(r
        .dimensions
        .iter()
        .all(|x| x.score.is_none() && x.tier.is_none()));
    // With minPeers 3 the same market is placed.
    let config = IndexConfig {
        min_peers: 3,
        ..IndexConfig::default()
    };
    let r = report_of(&d, "m0", &config);
    assert!(r.overall.is_some());
    assert_eq!(r.placement.peer_count, 3);
}

#[test]
fn a_merchant_with_reviews_but_no_orders_in_the_window_has_no_order_metrics_and_no_tier() {
    let mut d = shipping_market(&[0, 6, 12, 18, 24, 30]);
    // m6: orders long ago (reviewed now), nothing recent.
    d.merchants.push(Merchant {
        id: "m6".into(),
        name: "老店".into(),
        category_id: "c-fresh".into(),
        merchant_type: MerchantType::Vertical,
        start_date: "2025-01-01".parse().unwrap(),
        followers: 1,
    });
    d.products.push(Product {
        id: "p6".into(),
        merchant_id: "m6".into(),
        title: "橙子".into(),
        list_price_fen: 3000,
        category_id: "c-fresh".into(),
    });
    for i in 0..5 {
        let o = order(
            &mut d,
            6,
            &format!("old{i}"),
            "2026-09-01T04:00:00Z",
            Channel::Shop,
        );
        review(&mut d, o, 4, Some(4), 24 * 60);
    }
    let r = report_of(&d, "m6", &IndexConfig::default());
    for m in [
        MetricId::RepeatBuyerRate,
        MetricId::ShipWithin48hRate,
        MetricId::ComplaintRate,
        MetricId::QualityRefundRate,
        MetricId::DeliveryHours,
    ] {
        assert_eq!(metric_of(&r, m).status, DataStatus::NoData, "{m:?}");
    }
    assert_eq!(r.recent_orders, 0);
    assert_eq!(r.placement.tier, None);
    assert!(r.placement.missing.contains(&Shortfall::FewOrders {
        orders: 0,
        needed: 30
    }));
}

#[test]
fn a_merchant_without_any_data_has_no_overall_score() {
    let mut d = shipping_market(&[0, 6, 12, 18, 24]);
    d.merchants.push(Merchant {
        id: "m5".into(),
        name: "空店".into(),
        category_id: "c-fresh".into(),
        merchant_type: MerchantType::Vertical,
        start_date: "2026-11-20".parse().unwrap(),
        followers: 0,
    });
    let r = report_of(&d, "m5", &IndexConfig::default());
    assert_eq!(r.overall, None);
    assert!(r.metrics.iter().all(|m| m.status == DataStatus::NoData));
    assert!(r.dimensions.iter().all(|x| x.status == DataStatus::NoData));
    assert_eq!(r.placement.missing[0], Shortfall::NoData);
    assert!(r.suggestions.is_empty());
}

#[test]
fn a_category_without_a_repurchase_flag_is_an_error_naming_it_not_a_guess() {
    let mut d = shipping_market(&[0]);
    d.categories[1].repurchase = None;
    let e = market_index(&d, as_of(), &IndexConfig::default()).unwrap_err();
    assert_eq!(e.field(), Some("categories"));
    assert!(e.to_string().contains("c-fresh"), "{e}");
}

#[test]
fn a_tier_is_shown_only_when_the_interval_supports_it() {
    let d = shipping_market(&[0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60]);
    let config = IndexConfig::default();
    let market = market_index(&d, as_of(), &config).unwrap();
    for r in market.reports(&config).unwrap() {
        let p = &r.placement;
        match p.status {
            PlacementStatus::Tiered => {
                assert!(p.tier.is_some() && p.missing.is_empty(), "{p:?}");
            }
            PlacementStatus::NotEnoughData => {
                assert!(p.tier.is_none() && !p.missing.is_empty(), "{p:?}");
                assert!(r.dimensions.iter().all(|x| x.tier.is_none()));
            }
        }
    }
    // Demanding all of the interval in one band withholds tiers that half would allow.
    let strict = IndexConfig {
        tier_support: 1.0,
        ..IndexConfig::default()
    };
    let strict_tiers = market_index(&d, as_of(), &strict)
        .unwrap()
        .reports(&strict)
        .unwrap()
        .iter()
        .filter(|r| r.placement.tier.is_some())
        .count();
    let tiers = market
        .reports(&config)
        .unwrap()
        .iter()
        .filter(|r| r.placement.tier.is_some())
        .count();
    assert!(strict_tiers <= tiers, "{strict_tiers} vs {tiers}");
}

#[test]
fn what_if_a_slow_shipper_ships_everything_in_time_moves_its_score_and_its_tier() {
    // Shipping is the only thing that tells these merchants apart, and m5 is the slowest. They
    // tie on everything else, which leaves every rank's interval wide: the point tier is shown.
    let d = shipping_market(&[0, 10, 20, 30, 40, 60]);
    let config = IndexConfig {
        tier_support: 0.0,
        ..IndexConfig::default()
    };
    let market = market_index(&d, as_of(), &config).unwrap();
    let placement = PlacementInput {
        as_of: as_of(),
        merchant: market.merchants[5].clone(),
        peers: market.peers("c-fresh").unwrap().clone(),
        config: Some(config.clone()),
    };
    let before = place_merchant(&placement).unwrap();
    assert_eq!(before.placement.tier, Some(PeerTier::SlightlyBelow));
    let after = what_if(
        &placement,
        &[MetricEdit {
            metric: MetricId::ShipWithin48hRate,
            value: 1.0,
        }],
    )
    .unwrap();
    let (b, a) = (before.overall.unwrap().value, after.overall.unwrap().value);
    assert!(a - b >= 15.0, "{b} → {a}");
    assert_eq!(after.placement.tier, Some(PeerTier::Leading));
    // Ahead of every peer (its own old self included): reported as better than 99 %, never 100.
    let ahead = what_if(
        &placement,
        &[
            MetricEdit {
                metric: MetricId::ShipWithin48hRate,
                value: 1.0,
            },
            MetricEdit {
                metric: MetricId::DeliveryHours,
                value: 1.0,
            },
        ],
    )
    .unwrap();
    assert_eq!(ahead.placement.better_than_percent, Some(99));
    assert_eq!(ahead.placement.tier, Some(PeerTier::Leading));
}

#[test]
fn what_if_rejects_values_that_are_not_a_metrics_with_the_edits_field() {
    let d = shipping_market(&[0, 10, 20, 30, 40, 60]);
    let config = IndexConfig::default();
    let market = market_index(&d, as_of(), &config).unwrap();
    let placement = PlacementInput {
        as_of: as_of(),
        merchant: market.merchants[0].clone(),
        peers: market.peers("c-fresh").unwrap().clone(),
        config: None,
    };
    for (i, (metric, value)) in [
        (MetricId::ShipWithin48hRate, 1.5),
        (MetricId::DeliveryHours, -1.0),
        (MetricId::DeliveryHours, f64::NAN),
        (MetricId::ComplaintRate, f64::INFINITY),
    ]
    .into_iter()
    .enumerate()
    {
        let mut edits = vec![MetricEdit {
            metric: MetricId::DeliveryHours,
            value: 30.0,
        }];
        edits.push(MetricEdit { metric, value });
        let e = what_if(&placement, &edits).unwrap_err();
        assert_eq!(e.field(), Some("edits[1].value"), "case {i}");
    }
}

#[test]
fn placing_from_serialized_tallies_and_peers_gives_the_same_report() {
    let d = shipping_market(&[0, 10, 20, 30, 40, 60]);
    let config = IndexConfig::default();
    let market = market_index(&d, as_of(), &config).unwrap();
    let direct = market.report("m3", &config).unwrap();
    let placement = PlacementInput {
        as_of: as_of(),
        merchant: market.merchants[3].clone(),
        peers: market.peers("c-fresh").unwrap().clone(),
        config: None,
    };
    let json = serde_json::to_string(&placement).unwrap();
    let back: PlacementInput = serde_json::from_str(&json).unwrap();
    assert_eq!(place_merchant(&back).unwrap(), direct);
}

#[test]
fn config_errors_name_the_field() {
    type Edit = Box<dyn Fn(&mut IndexConfig)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|c| c.weights.complaint_rate = -1.0),
            "weights.complaintRate",
        ),
        (Box::new(|c| c.windows.recent = (1, 30)), "windows.recent"),
        (Box::new(|c| c.min_peers = 0), "minPeers"),
        (Box::new(|c| c.guard.burst_ratio = 0.5), "guard.burstRatio"),
        (
            Box::new(|c| c.guard.spike_ratio = f64::NAN),
            "guard.spikeRatio",
        ),
        (
            Box::new(|c| c.guard.discount_weight = 2.0),
            "guard.discountWeight",
        ),
        (
            Box::new(|c| c.guard.discount_from_points = 0),
            "guard.discountFromPoints",
        ),
        (Box::new(|c| c.guard.history_days = 0), "guard.historyDays"),
        (Box::new(|c| c.tier_support = 1.5), "tierSupport"),
    ];
    for (edit, field) in cases {
        let mut config = IndexConfig::default();
        edit(&mut config);
        assert_eq!(config.validate().unwrap_err().field(), Some(field));
    }
}

#[test]
fn a_partial_config_fills_in_the_defaults() {
    let c: IndexConfig =
        serde_json::from_str(r#"{"minPeers": 3, "guard": {"discountWeight": 0.1}}"#).unwrap();
    assert_eq!(c.min_peers, 3);
    assert_eq!(c.guard.discount_weight, 0.1);
    assert_eq!(
        c.guard.discount_from_points,
        IndexConfig::default().guard.discount_from_points
    );
    assert!(
        serde_json::from_str::<IndexConfig>(r#"{"minPeer": 3}"#).is_err(),
        "typos are errors"
    );
}

/// A random small market: `merchants` merchants with random orders, reviews, conversations and
/// sessions, some with none of a kind.
fn random_market(seed: u64, merchants: usize) -> Dataset {
    let mut rng = crate::rng::SplitMix64::new(seed);
    let mut d = market(merchants);
    for m in 0..merchants {
        let orders = rng.below(50) as usize;
        for i in 0..orders {
            let day = 1 + rng.below(28);
            let paid = format!("2026-10-{:02}T0{}:00:00Z", day.min(31), rng.below(9));
            let o = order(
                &mut d,
                m,
                &format!("b{m}-{}", rng.below(30)),
                &paid,
                Channel::LiveRoom,
            );
            if rng.below(3) == 0 {
                review(
                    &mut d,
                    o,
                    1 + rng.below(5) as u8,
                    Some(1 + rng.below(5) as u8),
                    5 + i as i64,
                );
            }
        }
        if rng.below(2) == 0 {
            conversation(
                &mut d,
                m,
                "2026-11-10T04:00:00Z",
                Some(rng.below(5000) as u32),
            );
        }
        if rng.below(3) == 0 {
            session(
                &mut d,
                m,
                "2026-11-10T12:00:00Z",
                120,
                1 + rng.below(50) as u32,
                rng.below(3) as u32,
            );
        }
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// No signal without evidence: whatever has no cases has no score, anything with a score has
    /// cases and enough peers, and a zero-width interval only ever belongs to something scored.
    #[test]
    fn nothing_without_cases_gets_a_score(seed in any::<u64>(), merchants in 1usize..9) {
        let d = random_market(seed, merchants);
        let config = IndexConfig { min_peers: 3, ..IndexConfig::default() };
        let market = market_index(&d, as_of(), &config).unwrap();
        for (r, t) in market.reports(&config).unwrap().iter().zip(&market.merchants) {
            for m in &r.metrics {
                let n = t.tally(m.metric).n;
                prop_assert_eq!(m.status == DataStatus::NoData, n <= 0.0);
                prop_assert_eq!(m.score.is_some(), m.status == DataStatus::Scored);
                if m.score.is_some() {
                    prop_assert!(m.peer_count >= config.min_peers);
                }
            }
            for x in &r.dimensions {
                prop_assert_eq!(x.score.is_some(), x.status == DataStatus::Scored);
                let any_scored = r.metrics.iter().any(|m| m.dimension == x.dimension && m.score.is_some());
                prop_assert_eq!(x.score.is_some(), any_scored);
            }
            prop_assert_eq!(r.overall.is_some(), r.dimensions.iter().any(|x| x.score.is_some()));
            let used: f64 = r.metrics.iter().map(|m| m.effective_weight).sum();
            prop_assert!(r.overall.is_none() || (used - 100.0).abs() < 0.05, "weights {}", used);
        }
    }
}

#[test]
fn the_trend_recomputes_the_same_report_at_earlier_days_within_the_category() {
    use crate::generate::{generate, GenerateConfig};
    let demo = GenerateConfig {
        merchants: 60,
        ..GenerateConfig::default()
    };
    let d = generate(&demo).unwrap();
    let config = IndexConfig::default();
    let id = d.merchants[3].id.clone();
    let points = trend(&d, &id, demo.as_of, 4, &config).unwrap();
    assert_eq!(points.len(), 5);
    assert_eq!(points[0].as_of, demo.as_of.minus_days(28));
    // The last point equals the full computation: peers are per category.
    let full = market_index(&d, demo.as_of, &config)
        .unwrap()
        .report(&id, &config)
        .unwrap();
    assert_eq!(points[4].overall, full.overall);
    assert_eq!(
        points[4].better_than_percent,
        full.placement.better_than_percent
    );
    assert_eq!(
        trend(&d, "nobody", demo.as_of, 4, &config)
            .unwrap_err()
            .field(),
        Some("merchantId")
    );
}

#[test]
fn peers_computed_in_two_shards_and_merged_place_merchants_like_the_whole() {
    use super::score::{category_peers, MetricPeers};
    use super::shard::*;
    use crate::generate::{generate, GenerateConfig};
    let demo = GenerateConfig::default();
    let d = generate(&demo).unwrap();
    let config = IndexConfig::default();
    let market = market_index(&d, demo.as_of, &config).unwrap();
    // The category with the most merchants.
    let category = market
        .categories
        .iter()
        .max_by_key(|c| c.merchants)
        .map(|c| c.category_id.clone())
        .unwrap();
    let members: Vec<&MerchantTallies> = market
        .merchants
        .iter()
        .zip(&market.merchant_categories)
        .filter(|(_, c)| **c == category)
        .map(|(m, _)| m)
        .collect();
    assert!(
        members.len() >= 4,
        "the category needs a few merchants to split"
    );
    let whole = category_peers(
        &category,
        market.peers(&category).unwrap().repurchase,
        &members,
        &config,
    );
    let (a, b) = members.split_at(members.len() / 2);

    let mut pooled = pool(a);
    merge_pools(&mut pooled, &pool(b));
    let mut sketches = shrunk_sketches(a, &pooled, &config);
    merge_sketches(&mut sketches, &shrunk_sketches(b, &pooled, &config));
    let metrics: Vec<MetricPeers> = pooled
        .into_iter()
        .zip(sketches)
        .map(|(pooled, shrunk)| MetricPeers { pooled, shrunk })
        .collect();
    let (mut dimensions, mut overall) = score_sketches(a, whole.repurchase, &metrics, &config);
    let (dims_b, overall_b) = score_sketches(b, whole.repurchase, &metrics, &config);
    merge_sketches(&mut dimensions, &dims_b);
    overall.merge(&overall_b);
    let sharded = CategoryPeers {
        metrics,
        dimensions,
        overall,
        ..whole.clone()
    };

    for m in &members {
        let one = score::report(m, &category, &whole, demo.as_of, &config);
        let two = score::report(m, &category, &sharded, demo.as_of, &config);
        // Pooled sums added in another order can differ in the last bit; the reports agree to
        // the hundredth they are rounded to.
        let (x, y) = (one.overall.unwrap().value, two.overall.unwrap().value);
        assert!((x - y).abs() <= 0.011, "{}", m.merchant_id);
        assert_eq!(one.placement, two.placement, "{}", m.merchant_id);
    }
}
