//! Index tests on hand-built marketplaces: formulas, windows (with the lag and the Asia/Shanghai
//! day boundary), shrinkage, tiers, the review guard, and placing a merchant from serialized
//! tallies and peers.

use super::metric::Tally;
use super::report::PlacementStatus;
use super::*;
use crate::model::*;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn as_of() -> LocalDate {
    "2026-11-24".parse().unwrap()
}

/// A marketplace of one high-repurchase L2 category with `merchants` merchants (m0, m1, …), each
/// with one product (p0, p1, …).
fn market(merchants: usize) -> Dataset {
    let mut d = Dataset::default();
    d.categories.push(Category {
        id: "c".into(),
        name: "食品".into(),
        parent_id: None,
        repurchase: None,
    });
    d.categories.push(Category {
        id: "c-fresh".into(),
        name: "生鲜".into(),
        parent_id: Some("c".into()),
        repurchase: Some(Repurchase::High),
    });
    for i in 0..merchants {
        d.merchants.push(Merchant {
            id: format!("m{i}"),
            name: format!("店{i}"),
            category_id: "c-fresh".into(),
            merchant_type: MerchantType::Vertical,
            start_date: "2025-01-01".parse().unwrap(),
            followers: 100,
        });
        d.products.push(Product {
            id: format!("p{i}"),
            merchant_id: format!("m{i}"),
            title: "橙子".into(),
            list_price_fen: 3000,
            category_id: "c-fresh".into(),
        });
    }
    d
}

fn order(d: &mut Dataset, merchant: usize, buyer: &str, paid: &str, channel: Channel) -> usize {
    let id = format!("o{}", d.orders.len());
    let paid_at = ts(paid);
    d.orders.push(Order {
        id,
        buyer_id: buyer.into(),
        merchant_id: format!("m{merchant}"),
        product_id: format!("p{merchant}"),
        channel,
        quantity: 1,
        amount_fen: 3000,
        paid_at,
        shipped_at: Some(paid_at.plus_seconds(20 * 3600)),
        delivered_at: Some(paid_at.plus_seconds(60 * 3600)),
        refund: None,
    });
    d.orders.len() - 1
}

fn review(d: &mut Dataset, order: usize, overall: u8, quality: Option<u8>, after_hours: i64) {
    let o = &d.orders[order];
    let created_at = o
        .delivered_at
        .unwrap_or(o.paid_at)
        .plus_seconds(after_hours * 3600);
    d.reviews.push(Review {
        id: format!("r{}", d.reviews.len()),
        order_id: o.id.clone(),
        buyer_id: o.buyer_id.clone(),
        ratings: Ratings {
            overall,
            quality,
            value_for_money: None,
            logistics: None,
            service: None,
        },
        text: String::new(),
        media_count: 0,
        created_at,
        helpful_votes: 0,
        reply: None,
    });
}

fn tallies(d: &Dataset) -> Vec<MerchantTallies> {
    tally::tally_all(d, as_of(), &IndexConfig::default())
}

#[test]
fn repeat_buyer_rate_counts_live_room_repeaters_over_all_buyers() {
    let mut d = market(1);
    // b1: two live-room orders → repeat. b2: one live, one shop → not. b3: one order.
    order(&mut d, 0, "b1", "2026-11-10T04:00:00Z", Channel::LiveRoom);
    order(&mut d, 0, "b1", "2026-11-12T04:00:00Z", Channel::LiveRoom);
    order(&mut d, 0, "b2", "2026-11-10T04:00:00Z", Channel::LiveRoom);
    order(&mut d, 0, "b2", "2026-11-11T04:00:00Z", Channel::Shop);
    order(&mut d, 0, "b3", "2026-11-11T04:00:00Z", Channel::ShortVideo);
    let t = &tallies(&d)[0];
    assert_eq!(
        t.tally(MetricId::RepeatBuyerRate),
        Tally {
            sum: 1.0,
            sum_sq: 0.0,
            n: 3.0
        }
    );
    assert_eq!(t.recent_orders, 5);
}

#[test]
fn the_recent_window_is_t30_to_t1_in_shanghai_days() {
    let mut d = market(1);
    // T = 2026-11-24 (Shanghai). T-1 ends at 2026-11-23T16:00Z; T-30 starts at 2026-10-24T16:00Z.
    order(&mut d, 0, "in-last", "2026-11-23T15:59:59Z", Channel::Shop);
    order(
        &mut d,
        0,
        "out-today",
        "2026-11-23T16:00:00Z",
        Channel::Shop,
    );
    order(&mut d, 0, "in-first", "2026-10-24T16:00:00Z", Channel::Shop);
    order(
        &mut d,
        0,
        "out-early",
        "2026-10-24T15:59:59Z",
        Channel::Shop,
    );
    assert_eq!(tallies(&d)[0].recent_orders, 2);
}

#[test]
fn lagged_metrics_use_t44_to_t15_and_the_14_day_settle_time() {
    let mut d = market(1);
    let q = |d: &mut Dataset, i: usize, requested: &str| {
        d.orders[i].refund = Some(Refund {
            kind: RefundKind::RefundOnly,
            reason: RefundReason::Quality,
            requested_at: ts(requested),
            completed_at: None,
            disputed: false,
        });
    };
    // In the lag window (paid 2026-11-01, T-23): refund on day 5 counts, an order paid on T-14 does not.
    let a = order(&mut d, 0, "b1", "2026-11-01T04:00:00Z", Channel::Shop);
    q(&mut d, a, "2026-11-06T04:00:00Z");
    let b = order(&mut d, 0, "b2", "2026-11-01T05:00:00Z", Channel::Shop);
    q(&mut d, b, "2026-11-20T04:00:00Z"); // 19 days after payment: too late to count
    order(&mut d, 0, "b3", "2026-11-02T04:00:00Z", Channel::Shop);
    let late = order(&mut d, 0, "b4", "2026-11-10T04:00:00Z", Channel::Shop); // T-14: not lagged
    q(&mut d, late, "2026-11-11T04:00:00Z");
    let t = tallies(&d)[0].tally(MetricId::QualityRefundRate);
    assert_eq!((t.sum, t.n), (1.0, 3.0));
}

#[test]
fn dissatisfaction_counts_rated_reviews_within_14_days_of_payment() {
    let mut d = market(1);
    let a = order(&mut d, 0, "b1", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, a, 2, Some(2), 5); // dissatisfied
    let b = order(&mut d, 0, "b2", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, b, 5, Some(5), 5); // satisfied
    let c = order(&mut d, 0, "b3", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, c, 1, None, 5); // not rated on quality or value: not counted
    let e = order(&mut d, 0, "b4", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, e, 1, Some(1), 24 * 20); // 20 days after delivery: too late
    let t = tallies(&d)[0].tally(MetricId::DissatisfactionRate);
    assert_eq!((t.sum, t.n), (1.0, 2.0));
}

#[test]
fn reviews_of_undelivered_orders_and_beyond_the_buyer_cap_do_not_count() {
    let mut d = market(1);
    let undelivered = order(&mut d, 0, "b0", "2026-11-01T04:00:00Z", Channel::Shop);
    d.orders[undelivered].delivered_at = None;
    review(&mut d, undelivered, 1, Some(1), 5);
    for _ in 0..5 {
        let o = order(&mut d, 0, "b1", "2026-11-01T04:00:00Z", Channel::Shop);
        review(&mut d, o, 1, Some(1), 5);
    }
    let t = &tallies(&d)[0];
    assert_eq!(t.guard.ignored_reviews, 1);
    assert_eq!(t.guard.capped_reviews, 2);
    assert_eq!(t.tally(MetricId::DissatisfactionRate).n, 3.0);
}

#[test]
fn a_burst_of_reviews_is_detected_down_weighted_and_reported() {
    let mut d = market(1);
    // A steady trickle: one review every third day.
    for day in 0..20 {
        let paid = format!("2026-10-{:02}T02:00:00Z", 5 + day);
        let o = order(&mut d, 0, &format!("steady{day}"), &paid, Channel::LiveRoom);
        if day % 3 == 0 {
            review(&mut d, o, 4, Some(4), 2);
        }
    }
    // Then 30 five-star reviews from one-time buyers within 48 hours.
    for i in 0..30 {
        let o = order(
            &mut d,
            0,
            &format!("fake{i}"),
            "2026-11-10T02:00:00Z",
            Channel::LiveRoom,
        );
        review(&mut d, o, 5, Some(5), 1 + (i % 20));
    }
    let t = &tallies(&d)[0];
    assert_eq!(t.guard.bursts.len(), 1, "{:?}", t.guard);
    assert!(t.guard.bursts[0].reviews >= 30);
    assert_eq!(t.guard.down_weighted_reviews, 30);
}

#[test]
fn shrinkage_pulls_small_samples_to_the_category_and_blocks_the_tier() {
    let mut d = market(12);
    // Merchants m0..m10: 60 orders each; merchant m ships 6·m of them late (m0 never, m10 always).
    for m in 0..11 {
        for i in 0..60 {
            let o = order(
                &mut d,
                m,
                &format!("b{m}-{i}"),
                "2026-11-05T04:00:00Z",
                Channel::LiveRoom,
            );
            if i < 6 * m {
                d.orders[o].shipped_at = Some(d.orders[o].paid_at.plus_seconds(80 * 3600));
            }
        }
    }
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
    let config = IndexConfig::default();
    let market = market_index(&d, as_of(), &config).unwrap();
    let newcomer = market.report("m11", &config).unwrap();
    let ship = newcomer
        .metrics
        .iter()
        .find(|m| m.metric == MetricId::ShipWithin48hRate)
        .unwrap();
    assert_eq!(ship.raw, Some(1.0));
    // Category mean is (330 + 2) / 662 ≈ 0.50; two cases and a prior of 20 keep it near there.
    assert!(ship.shrunk < 0.56 && ship.shrunk > 0.50, "{}", ship.shrunk);
    assert_eq!(newcomer.placement.status, PlacementStatus::NotEnoughData);
    assert_eq!(newcomer.placement.tier, None);

    let fast = market.report("m0", &config).unwrap();
    let slow = market.report("m10", &config).unwrap();
    assert!(fast.overall.value > slow.overall.value);
    assert_eq!(fast.placement.status, PlacementStatus::Tiered);
    let fast_ship = fast
        .metrics
        .iter()
        .find(|m| m.metric == MetricId::ShipWithin48hRate)
        .unwrap();
    assert!(
        fast_ship.shrunk > 0.8,
        "60 cases outweigh the prior: {}",
        fast_ship.shrunk
    );
    assert!(fast.overall.low <= fast.overall.value && fast.overall.value <= fast.overall.high);
    // The slow shipper is told to ship faster, with the points it would gain.
    let s = slow
        .suggestions
        .iter()
        .find(|s| s.metric == MetricId::ShipWithin48hRate)
        .unwrap();
    assert!(s.overall_gain > 0.0 && s.target > s.current, "{s:?}");
}

#[test]
fn placing_from_serialized_tallies_and_peers_gives_the_same_report() {
    let mut d = market(6);
    for m in 0..6 {
        for i in 0..(10 + 10 * m) {
            order(
                &mut d,
                m,
                &format!("b{m}-{}", i % 7),
                "2026-11-05T04:00:00Z",
                Channel::LiveRoom,
            );
        }
    }
    let config = IndexConfig::default();
    let market = market_index(&d, as_of(), &config).unwrap();
    let direct = market.report("m3", &config).unwrap();
    let placement = Placement {
        as_of: as_of(),
        merchant: market.merchants[3].clone(),
        peers: market.peers("c-fresh").unwrap().clone(),
        config: None,
    };
    let json = serde_json::to_string(&placement).unwrap();
    let back: Placement = serde_json::from_str(&json).unwrap();
    assert_eq!(place_merchant(&back).unwrap(), direct);

    // What-if: a perfect shipping record can only help.
    let better = what_if(
        &back,
        &[MetricEdit {
            metric: MetricId::ShipWithin48hRate,
            value: 1.0,
        }],
    )
    .unwrap();
    assert!(better.overall.value >= direct.overall.value);
    let bad = what_if(
        &back,
        &[MetricEdit {
            metric: MetricId::ShipWithin48hRate,
            value: 1.5,
        }],
    );
    assert_eq!(bad.unwrap_err().field(), Some("edits[0].value"));
}

#[test]
fn config_errors_name_the_field() {
    let mut config = IndexConfig::default();
    config.weights.complaint_rate = -1.0;
    assert_eq!(
        config.validate().unwrap_err().field(),
        Some("weights.complaintRate")
    );
    let mut config = IndexConfig::default();
    config.windows.recent = (1, 30);
    assert_eq!(
        config.validate().unwrap_err().field(),
        Some("windows.recent")
    );
}
