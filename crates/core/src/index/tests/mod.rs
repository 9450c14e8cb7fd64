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

/// Adds, for every merchant, fake reviews amounting to 20 % of its reviews of the last 30 days
/// (at least 5), all within 48 hours, each on a brushed order of a fresh one-time buyer that was
/// delivered before the review: what a merchant buying reviews would do.
fn with_fake_reviews(base: &Dataset, as_of: LocalDate, stars: u8) -> Dataset {
    let mut d = base.clone();
    let window = DayWindow::trailing(as_of, 30, 1);
    let burst_start = as_of.minus_days(3).start();
    for (mi, m) in base.merchants.iter().enumerate() {
        let orders: std::collections::HashSet<&str> = base
            .orders
            .iter()
            .filter(|o| o.merchant_id == m.id)
            .map(|o| o.id.as_str())
            .collect();
        let recent = base
            .reviews
            .iter()
            .filter(|r| window.contains(r.created_at) && orders.contains(r.order_id.as_str()))
            .count();
        let Some(product) = base.products.iter().find(|p| p.merchant_id == m.id) else {
            continue;
        };
        let fakes = (recent.max(5) as f64 * 0.2).ceil() as usize;
        for f in 0..fakes {
            let buyer = format!("fake-{mi}-{f}");
            let paid_at = burst_start.plus_seconds(-3 * 24 * 3600);
            let order_id = format!("fake-order-{mi}-{f}");
            d.orders.push(Order {
                id: order_id.clone(),
                buyer_id: buyer.clone(),
                merchant_id: m.id.clone(),
                product_id: product.id.clone(),
                channel: Channel::LiveRoom,
                quantity: 1,
                amount_fen: product.list_price_fen,
                paid_at,
                shipped_at: Some(paid_at.plus_seconds(6 * 3600)),
                delivered_at: Some(paid_at.plus_seconds(48 * 3600)),
                refund: None,
            });
            d.reviews.push(Review {
                id: format!("fake-review-{mi}-{f}"),
                order_id,
                buyer_id: buyer,
                ratings: Ratings {
                    overall: stars,
                    quality: Some(stars),
                    value_for_money: Some(if stars >= 4 {
                        ValueForMoney::Worth
                    } else {
                        ValueForMoney::NotWorth
                    }),
                    logistics: Some(stars),
                    service: Some(stars),
                },
                text: if stars >= 4 {
                    "好评".into()
                } else {
                    "差评".into()
                },
                media_count: 0,
                created_at: burst_start.plus_seconds((f as i64 % 40) * 3600),
                helpful_votes: 0,
                reply: None,
            });
        }
    }
    d
}

/// The documented bound on how far fake reviews move a merchant's overall score (points of 100).
/// Measured on the demo: 6.3 for 5★ fakes, 11.8 for 1★ fakes. Most of it is rank steps: with ~10
/// peers per category one peer overtaken moves a metric's score by ~9 points (docs/index-methodology.md).
const FAKE_REVIEW_BOUND: f64 = 12.0;

#[test]
fn twenty_percent_fake_reviews_in_48_hours_barely_move_scores_and_tiers() {
    use crate::generate::{generate, GenerateConfig};
    let config = IndexConfig::default();
    let demo = GenerateConfig::default();
    let base = generate(&demo).unwrap();
    let as_of = demo.as_of;
    let before = market_index(&base, as_of, &config)
        .unwrap()
        .reports(&config)
        .unwrap();
    for stars in [5, 1] {
        let attacked = with_fake_reviews(&base, as_of, stars);
        let after = market_index(&attacked, as_of, &config)
            .unwrap()
            .reports(&config)
            .unwrap();
        let mut worst = 0.0f64;
        // A flip is a shown tier turning into another tier; a tier turning into "not enough data
        // yet" (or back) is counted separately, as the interval's verdict changing.
        let (mut flips, mut status_changes) = (0, 0);
        for (b, a) in before.iter().zip(&after) {
            worst = worst.max((a.overall.value - b.overall.value).abs());
            match (b.placement.tier, a.placement.tier) {
                (Some(x), Some(y)) if x != y => flips += 1,
                (x, y) if x.is_some() != y.is_some() => status_changes += 1,
                _ => {}
            }
        }
        let detected = after
            .iter()
            .filter(|r| !r.review_guard.bursts.is_empty())
            .count();
        eprintln!("{stars}★ fakes: worst score change {worst:.2}, tier flips {flips}, status changes {status_changes}, bursts detected at {detected}");
        assert!(
            status_changes * 10 <= before.len(),
            "{stars}★ fakes changed {status_changes} tiers to or from not-enough-data"
        );
        assert!(
            worst <= FAKE_REVIEW_BOUND,
            "{stars}★ fakes moved a score by {worst:.2} points"
        );
        assert!(
            flips * 100 <= before.len(),
            "{stars}★ fakes flipped {flips} of {} tiers",
            before.len()
        );
        // Shops with few reviews get only one or two fakes: too few to be told from chance.
        assert!(
            detected * 4 >= before.len() * 3,
            "bursts detected at {detected} of {} merchants",
            before.len()
        );
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
        assert!(
            (one.overall.value - two.overall.value).abs() <= 0.011,
            "{}",
            m.merchant_id
        );
        assert_eq!(one.placement, two.placement, "{}", m.merchant_id);
    }
}
