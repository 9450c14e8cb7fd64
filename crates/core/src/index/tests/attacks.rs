//! Brushing attacks on the demo marketplace, and the guard's false positives on it.
//!
//! An attack is planted on one merchant at a time (the others untouched) and the merchant's
//! report is compared with the one before. Peers are per category, so each attack is evaluated
//! on its category's slice of the market (tested to give the same reports as the whole).
//!
//! The attack model is a brushing ring as the platform sees it (docs/index-methodology.md,
//! "Measured bounds"): accounts registered days before they buy, a few accounts per device or
//! per address, buying only at the attacked shop; drawn are the volume (5–30 % of the shop's
//! recent orders, and of its recent reviews when the ring reviews), the spread (1–14 days), the
//! orders per account (1–3), the stars (1★ bomb, 4★, 5★, or no reviews), copied or fresh text,
//! and reviews written right after delivery or a day later.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::prelude::*;

use super::*;
use crate::generate::{generate_with_truth, GenerateConfig, GroundTruth};
use crate::index::trend::category_slice;
use crate::rng::SplitMix64;

fn demo() -> &'static (Dataset, GroundTruth) {
    static DEMO: OnceLock<(Dataset, GroundTruth)> = OnceLock::new();
    // The marketplace the guard's targets were set on, without the planted cold-start cohort:
    // its shops opened in the last weeks and a 20 % ring moves their scores more (up to 11
    // points, measured 2026-12-03) — a known gap, recorded in docs/index-methodology.md.
    DEMO.get_or_init(|| {
        generate_with_truth(&GenerateConfig {
            cold_start_cohort: 0,
            ..GenerateConfig::default()
        })
        .unwrap()
    })
}

fn demo_as_of() -> LocalDate {
    GenerateConfig::default().as_of
}

/// Per category: its slice of the demo and every member's report before any attack.
type Slices = BTreeMap<String, (Dataset, BTreeMap<String, IndexReport>)>;

fn slices() -> &'static Slices {
    static SLICES: OnceLock<Slices> = OnceLock::new();
    SLICES.get_or_init(|| {
        let (d, _) = demo();
        let config = IndexConfig::default();
        let mut out = BTreeMap::new();
        for c in d.categories.iter().filter(|c| c.parent_id.is_some()) {
            let slice = category_slice(d, &c.id);
            if slice.merchants.is_empty() {
                continue;
            }
            let market = market_index(&slice, demo_as_of(), &config).unwrap();
            let reports = market
                .reports(&config)
                .unwrap()
                .into_iter()
                .map(|r| (r.merchant_id.clone(), r))
                .collect();
            out.insert(c.id.clone(), (slice, reports));
        }
        out
    })
}

#[derive(Debug, Clone)]
struct Attack {
    /// Share of the shop's recent orders (and recent reviews, when the ring reviews).
    volume: f64,
    spread_days: u32,
    /// Orders per account, drawn uniformly from this range.
    orders_per_account: (u32, u32),
    /// Stars of the ring's reviews; None: no reviews.
    stars: Option<u8>,
    copied_text: bool,
    /// Reviews within the hour after delivery (else 5–48 hours later).
    quick_reviews: bool,
    /// Accounts registered 1 hour – 20 days before their first order (else 200–1500 days).
    new_accounts: bool,
    /// Accounts per device cluster and per address cluster (1: each its own).
    per_device: u32,
    per_address: u32,
}

const FRESH: [&str; 12] = [
    "东西收到了",
    "质量不错",
    "包装很好",
    "物流挺快",
    "性价比高",
    "会回购的",
    "推荐购买",
    "颜色好看",
    "味道可以",
    "客服耐心",
    "跟描述一样",
    "做工精细",
];

/// `base` with the attack planted on merchant `target`.
fn attacked(base: &Dataset, target: &str, a: &Attack, seed: u64) -> Dataset {
    let mut d = base.clone();
    let mut rng = SplitMix64::new(seed);
    let recent = DayWindow::trailing(demo_as_of(), 30, 1);
    let own: Vec<&Order> = base
        .orders
        .iter()
        .filter(|o| o.merchant_id == target)
        .collect();
    let own_ids: std::collections::HashSet<&str> = own.iter().map(|o| o.id.as_str()).collect();
    let recent_orders = own.iter().filter(|o| recent.contains(o.paid_at)).count();
    let own_reviews: Vec<&Review> = base
        .reviews
        .iter()
        .filter(|r| own_ids.contains(r.order_id.as_str()))
        .collect();
    let recent_reviews = own_reviews
        .iter()
        .filter(|r| recent.contains(r.created_at))
        .count();
    let texts: Vec<&str> = own_reviews
        .iter()
        .map(|r| r.text.as_str())
        .filter(|t| crate::text::normalize(t).chars().count() >= 8)
        .collect();
    // The cheapest item the shop sold (brushing pays for every order).
    let Some(cheapest) = own
        .iter()
        .min_by_key(|o| (o.amount_fen / i64::from(o.quantity), o.id.clone()))
    else {
        return d;
    };
    let (product, price) = (
        cheapest.product_id.clone(),
        cheapest.amount_fen / i64::from(cheapest.quantity),
    );
    let fake_orders = ((recent_orders as f64) * a.volume).ceil().max(1.0) as usize;
    let fake_reviews = match a.stars {
        Some(_) => ((recent_reviews as f64) * a.volume).ceil().max(1.0) as usize,
        None => 0,
    };
    // The last order three days before T, so every review is written before T.
    let last_start = demo_as_of().minus_days(3).start().unix() - i64::from(a.spread_days) * 86_400;
    let mut placed = 0usize;
    let mut reviewed = 0usize;
    let mut account = 0u32;
    while placed < fake_orders {
        let buyer = format!("atk-{target}-{account}");
        let n = rng.below(u64::from(
            a.orders_per_account.1 - a.orders_per_account.0 + 1,
        )) as u32
            + a.orders_per_account.0;
        let mut paid = last_start + rng.below(u64::from(a.spread_days) * 86_400) as i64;
        let registered = if a.new_accounts {
            paid - 3600 - rng.below(20 * 86_400) as i64
        } else {
            paid - 200 * 86_400 - rng.below(1300 * 86_400) as i64
        };
        d.buyers.push(Buyer {
            id: buyer.clone(),
            registered_at: Timestamp::from_unix(registered),
            address_cluster: Some(format!("atk-a-{target}-{}", account / a.per_address.max(1))),
            device_cluster: Some(format!("atk-d-{target}-{}", account / a.per_device.max(1))),
        });
        for _ in 0..n {
            if placed >= fake_orders {
                break;
            }
            let paid_at = Timestamp::from_unix(paid).unwrap();
            let shipped = paid_at.plus_seconds(2 * 3600 + rng.below(8 * 3600) as i64);
            let delivered = shipped.plus_seconds(20 * 3600 + rng.below(30 * 3600) as i64);
            let id = format!("atk-o-{target}-{placed}");
            d.orders.push(Order {
                id: id.clone(),
                buyer_id: buyer.clone(),
                merchant_id: target.to_owned(),
                product_id: product.clone(),
                channel: Channel::LiveRoom,
                quantity: 1,
                amount_fen: price,
                paid_at,
                shipped_at: Some(shipped),
                delivered_at: Some(delivered),
                refund: None,
            });
            if let Some(stars) = a.stars.filter(|_| reviewed < fake_reviews) {
                let delay = if a.quick_reviews {
                    300 + rng.below(3000) as i64
                } else {
                    5 * 3600 + rng.below(43 * 3600) as i64
                };
                let text = if a.copied_text && !texts.is_empty() {
                    texts[rng.below(texts.len() as u64) as usize].to_owned()
                } else {
                    let mut parts: Vec<&str> = Vec::new();
                    for _ in 0..3 {
                        parts.push(FRESH[rng.below(FRESH.len() as u64) as usize]);
                    }
                    parts.join("，")
                };
                d.reviews.push(Review {
                    id: format!("atk-r-{target}-{reviewed}"),
                    order_id: id,
                    buyer_id: buyer.clone(),
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
                    text,
                    media_count: 0,
                    created_at: delivered.plus_seconds(delay),
                    helpful_votes: 0,
                    reply: None,
                });
                reviewed += 1;
            }
            placed += 1;
            paid += 12 * 3600 + rng.below(u64::from(a.spread_days.max(2)) * 43_200) as i64;
        }
        account += 1;
    }
    d
}

/// The merchant's report after the attack, next to the one before.
fn before_after(category: &str, target: &str, a: &Attack, seed: u64) -> (IndexReport, IndexReport) {
    let (slice, reports) = &slices()[category];
    let config = IndexConfig::default();
    let after = market_index(&attacked(slice, target, a, seed), demo_as_of(), &config)
        .unwrap()
        .report(target, &config)
        .unwrap();
    (reports[target].clone(), after)
}

fn overall(r: &IndexReport) -> f64 {
    r.overall.map_or(0.0, |s| s.value)
}

/// Every demo merchant attacked in turn: the worst score change, and how many shown tiers changed
/// (to another tier, or between a tier and "not enough data").
fn sweep(a: &Attack) -> (f64, usize, usize) {
    let (d, _) = demo();
    let mut worst = 0.0f64;
    let mut changed = 0;
    for (i, m) in d.merchants.iter().enumerate() {
        let (b, after) = before_after(&m.category_id, &m.id, a, i as u64);
        worst = worst.max((overall(&after) - overall(&b)).abs());
        if b.placement.tier != after.placement.tier {
            changed += 1;
        }
    }
    (worst, changed, d.merchants.len())
}

fn ring(stars: Option<u8>) -> Attack {
    Attack {
        volume: 0.2,
        spread_days: 7,
        orders_per_account: (1, 3),
        stars,
        copied_text: false,
        quick_reviews: false,
        new_accounts: true,
        per_device: 4,
        per_address: 6,
    }
}

/// The targets: at 20 % volume, at most 5 points and at most 1 in 20 changed tiers.
fn assert_within_targets(name: &str, a: &Attack) {
    let (worst, changed, n) = sweep(a);
    eprintln!("{name}: worst overall change {worst:.2} points, tiers changed at {changed} of {n}");
    assert!(worst <= 5.0, "{name}: a score moved {worst:.2} points");
    assert!(changed * 20 <= n, "{name}: {changed} of {n} tiers changed");
}

#[test]
fn a_5_star_ring_with_copied_text_in_48_hours_at_20_percent_barely_moves_scores_or_tiers() {
    let a = Attack {
        spread_days: 2,
        orders_per_account: (1, 1),
        copied_text: true,
        quick_reviews: true,
        ..ring(Some(5))
    };
    assert_within_targets("5★ copied, 48 h", &a);
}

#[test]
fn a_5_star_ring_with_fresh_text_over_14_days_and_repeat_orders_barely_moves_scores_or_tiers() {
    let a = Attack {
        spread_days: 14,
        orders_per_account: (2, 3),
        ..ring(Some(5))
    };
    assert_within_targets("5★ fresh, 14 days, 2–3 orders", &a);
}

#[test]
fn a_4_star_ring_barely_moves_scores_or_tiers() {
    assert_within_targets("4★ fresh, 7 days", &ring(Some(4)));
}

#[test]
fn brushed_repeat_purchases_without_reviews_barely_move_scores_or_tiers() {
    let a = Attack {
        spread_days: 14,
        orders_per_account: (2, 3),
        ..ring(None)
    };
    assert_within_targets("repeat orders, no reviews", &a);
}

#[test]
fn a_1_star_rating_bomb_barely_moves_the_victims_score_or_tier() {
    let a = Attack {
        spread_days: 3,
        orders_per_account: (1, 1),
        per_device: 3,
        per_address: 8,
        ..ring(Some(1))
    };
    assert_within_targets("1★ bomb, 3 days", &a);
}

fn print_sweep(name: &str, a: &Attack) {
    let (worst, changed, n) = sweep(a);
    eprintln!("{name}: worst overall change {worst:.2} points, tiers changed at {changed} of {n}");
}

/// Not a test of a target: what the evidence cannot see. Rings of aged accounts leave only the
/// devices they share, and one that keeps to two accounts per device stays under the ring
/// threshold; aged accounts on their own devices and addresses, spread over two weeks, writing
/// fresh text a day after delivery, leave only "only this shop". Run with
/// `cargo test -p livetrust-core --release --lib -- --ignored measure_ --nocapture` to print the
/// figures recorded in docs/index-methodology.md.
#[test]
#[ignore]
fn measure_rings_of_aged_accounts() {
    let aged = Attack {
        new_accounts: false,
        per_address: 1,
        per_device: 3,
        spread_days: 14,
        ..ring(Some(5))
    };
    print_sweep("aged accounts, 3 per device", &aged);
    let clean = Attack {
        per_device: 1,
        ..aged
    };
    print_sweep("aged accounts, own devices and addresses", &clean);
}

fn attack_strategy() -> impl Strategy<Value = (Attack, u64, usize)> {
    (
        (0.05f64..=0.30, 1u32..=14, 1u32..=3, 0usize..4),
        (any::<bool>(), any::<bool>(), 0usize..3, 3u32..=6, 4u32..=10),
        any::<u64>(),
        0usize..300,
    )
        .prop_map(
            |(
                (volume, spread_days, opa, stars),
                (copied_text, quick_reviews, sharing, dev, addr),
                seed,
                merchant,
            )| {
                // A ring shares devices, addresses or both (what makes it a ring to the platform).
                let (per_device, per_address) = match sharing {
                    0 => (dev, 1),
                    1 => (1, addr),
                    _ => (dev, addr),
                };
                (
                    Attack {
                        volume,
                        spread_days,
                        orders_per_account: (1, opa),
                        stars: [Some(1), Some(4), Some(5), None][stars],
                        copied_text,
                        quick_reviews,
                        new_accounts: true,
                        per_device,
                        per_address,
                    },
                    seed,
                    merchant,
                )
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the ring does within the model, the merchant's overall score moves by at most 5
    /// points (the target at 20 % volume, held here up to 30 %).
    #[test]
    fn a_drawn_brushing_attack_moves_the_overall_score_by_at_most_5_points((a, seed, merchant) in attack_strategy()) {
        let (d, _) = demo();
        let m = &d.merchants[merchant % d.merchants.len()];
        let (b, after) = before_after(&m.category_id, &m.id, &a, seed);
        let moved = (overall(&after) - overall(&b)).abs();
        prop_assert!(moved <= 5.0, "{:?} moved {} by {:.2}", a, m.id, moved);
    }
}

#[test]
fn a_category_slice_gives_its_merchants_the_same_reports_as_the_whole_market() {
    let (d, _) = demo();
    let config = IndexConfig::default();
    let whole = market_index(d, demo_as_of(), &config).unwrap();
    for (category, (_, reports)) in slices().iter().take(6) {
        for (id, r) in reports {
            assert_eq!(&whole.report(id, &config).unwrap(), r, "{category} {id}");
        }
    }
}

/// Planted orders and the genuine ones the guard discounted, over the demo.
#[test]
fn on_the_demo_at_most_1_percent_of_genuine_orders_and_reviews_are_discounted_and_the_rings_are_caught(
) {
    use crate::index::guard::assess;
    let (d, truth) = demo();
    let config = IndexConfig::default();
    let merchants: rustc_hash::FxHashMap<&str, usize> = d
        .merchants
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let a = assess(d, demo_as_of(), &config, &merchants);
    let order_of: rustc_hash::FxHashMap<&str, usize> = d
        .orders
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let planted: std::collections::HashSet<&str> =
        truth.planted_orders.iter().map(String::as_str).collect();
    let (mut genuine, mut genuine_discounted, mut fake, mut fake_caught) =
        (0usize, 0usize, 0usize, 0usize);
    for o in &d.orders {
        let m = merchants[o.merchant_id.as_str()];
        let discounted = a.standing(m, &o.buyer_id).unwrap().discounted;
        if planted.contains(o.id.as_str()) {
            fake += 1;
            fake_caught += usize::from(discounted);
        } else {
            genuine += 1;
            genuine_discounted += usize::from(discounted);
        }
    }
    let (mut genuine_reviews, mut genuine_reviews_discounted) = (0usize, 0usize);
    for r in &d.reviews {
        if planted.contains(r.order_id.as_str()) {
            continue;
        }
        let m = merchants[d.orders[order_of[r.order_id.as_str()]].merchant_id.as_str()];
        genuine_reviews += 1;
        genuine_reviews_discounted += usize::from(a.standing(m, &r.buyer_id).unwrap().discounted);
    }
    eprintln!(
        "genuine orders discounted: {genuine_discounted} of {genuine}; genuine reviews discounted: \
         {genuine_reviews_discounted} of {genuine_reviews}; planted orders caught: {fake_caught} of {fake}"
    );
    assert!(genuine_discounted * 100 <= genuine);
    assert!(genuine_reviews_discounted * 100 <= genuine_reviews);
    assert!(
        fake_caught * 10 >= fake * 9,
        "{fake_caught} of {fake} planted orders caught"
    );
    // Every brushed and bombed merchant shows what was discounted.
    let market = market_index(d, demo_as_of(), &config).unwrap();
    for id in truth
        .brushed_merchants
        .iter()
        .chain(&truth.bombed_merchants)
    {
        let r = market.report(id, &config).unwrap();
        assert!(r.guard.discounted_buyers > 0, "{id}");
        assert!(!r.guard.examples.is_empty(), "{id}");
    }
}
