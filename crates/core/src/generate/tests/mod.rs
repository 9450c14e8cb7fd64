//! Tests of the generator: determinism (and the pinned hash the wasm build is compared with),
//! integrity of the whole dataset, and the statistical shape the demos rely on.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::prelude::*;

use super::check::problems;
use super::traits::{plan_merchants, Archetype};
use super::*;
use crate::model::{Order, RefundReason, Repurchase};

/// FNV-1a 64 of `serde_json::to_string(&generate(&pinned_config()))`. The wasm test suite checks
/// the same constant, so a change here means native and wasm must both be re-pinned.
const PINNED_HASH_40: u64 = 0x7874_4d4d_19cf_9ee3;

fn pinned_config() -> GenerateConfig {
    GenerateConfig {
        merchants: 40,
        ..GenerateConfig::default()
    }
}

/// The default dataset, generated once for all tests that need it.
fn default_dataset() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| generate(&GenerateConfig::default()).unwrap())
}

fn orders_by_merchant(ds: &Dataset) -> BTreeMap<&str, Vec<&Order>> {
    let mut map: BTreeMap<&str, Vec<&Order>> = BTreeMap::new();
    for o in &ds.orders {
        map.entry(o.merchant_id.as_str()).or_default().push(o);
    }
    map
}

#[test]
fn same_config_same_bytes_other_seed_other_bytes() {
    let c = pinned_config();
    let a = serde_json::to_string(&generate(&c).unwrap()).unwrap();
    let b = serde_json::to_string(&generate(&c).unwrap()).unwrap();
    assert_eq!(a, b);
    let other = GenerateConfig { seed: 7, ..c };
    let o = serde_json::to_string(&generate(&other).unwrap()).unwrap();
    assert_ne!(a, o);
}

#[test]
fn pinned_hash() {
    let json = serde_json::to_string(&generate(&pinned_config()).unwrap()).unwrap();
    let hash = fnv1a64(json.as_bytes());
    println!(
        "fnv1a64 of the 40-merchant default dataset: {hash:#018x} ({} bytes)",
        json.len()
    );
    assert_eq!(hash, PINNED_HASH_40, "got {hash:#018x}");
}

#[test]
fn fnv1a64_reference_values() {
    assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
}

#[test]
fn default_dataset_is_sound_and_round_trips() {
    let ds = default_dataset();
    let found = problems(ds, &GenerateConfig::default());
    assert!(found.is_empty(), "{found:#?}");
    let json = serde_json::to_string(ds).unwrap();
    let back: Dataset = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, ds);
}

#[test]
fn categories_and_peers() {
    let ds = default_dataset();
    let l1 = ds
        .categories
        .iter()
        .filter(|c| c.parent_id.is_none())
        .count();
    let l2: Vec<&str> = ds
        .categories
        .iter()
        .filter(|c| c.parent_id.is_some())
        .map(|c| c.id.as_str())
        .collect();
    assert!(l1 >= 6 && l2.len() >= 24, "{l1} L1, {} L2", l2.len());
    for id in l2 {
        let n = ds.merchants.iter().filter(|m| m.category_id == id).count();
        assert!(n >= 5, "{id} has only {n} merchants");
    }
    for m in &ds.merchants {
        let n = ds.products.iter().filter(|p| p.merchant_id == m.id).count();
        assert!((3..=30).contains(&n), "{} has {n} products", m.id);
    }
}

#[test]
fn sizes_are_heavy_tailed() {
    let ds = default_dataset();
    let by_merchant = orders_by_merchant(ds);
    let mut sizes: Vec<usize> = ds
        .merchants
        .iter()
        .map(|m| by_merchant.get(m.id.as_str()).map_or(0, Vec::len))
        .collect();
    sizes.sort_unstable();
    let median = sizes[sizes.len() / 2];
    let top = sizes.len().div_ceil(100);
    let top_mean = sizes.iter().rev().take(top).sum::<usize>() / top;
    println!(
        "orders {} median {median} top-1% mean {top_mean}",
        ds.orders.len()
    );
    assert!((150..=300).contains(&median), "median {median}");
    assert!(
        top_mean >= 10 * median,
        "top 1% {top_mean} vs median {median}"
    );
    assert!(
        (80_000..=150_000).contains(&ds.orders.len()),
        "{} orders",
        ds.orders.len()
    );
}

/// Share of a merchant's buyers who bought at least twice within 30 days.
fn repeat_share(orders: &[&Order]) -> f64 {
    let mut by_buyer: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    for o in orders {
        by_buyer
            .entry(o.buyer_id.as_str())
            .or_default()
            .push(o.paid_at.unix());
    }
    let repeat = by_buyer
        .values()
        .filter(|t| t.windows(2).any(|w| w[1] - w[0] <= 30 * DAY))
        .count();
    repeat as f64 / by_buyer.len().max(1) as f64
}

#[test]
fn repeat_buyers_follow_the_category() {
    let ds = default_dataset();
    let flags: BTreeMap<&str, Repurchase> = ds
        .categories
        .iter()
        .filter_map(|c| c.repurchase.map(|r| (c.id.as_str(), r)))
        .collect();
    let by_merchant = orders_by_merchant(ds);
    let (mut high, mut low) = (Vec::new(), Vec::new());
    for m in &ds.merchants {
        let Some(orders) = by_merchant.get(m.id.as_str()).filter(|o| o.len() >= 50) else {
            continue;
        };
        let share = repeat_share(orders);
        match flags[m.category_id.as_str()] {
            Repurchase::High => high.push(share),
            Repurchase::Low => low.push(share),
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let (h, l) = (mean(&high), mean(&low));
    println!(
        "repeat share: high {h:.3} ({} merchants), low {l:.3} ({})",
        high.len(),
        low.len()
    );
    assert!(h >= 0.15, "high-repurchase repeat share {h}");
    assert!(h > 3.0 * l, "high {h} vs low {l}");
}

/// Merchants whose busiest 48 h of reviews is far above their usual pace and nearly all 5★.
fn burst_merchants(ds: &Dataset, history_days: u32) -> Vec<String> {
    let merchant_of: BTreeMap<&str, &str> = ds
        .orders
        .iter()
        .map(|o| (o.id.as_str(), o.merchant_id.as_str()))
        .collect();
    let mut reviews: BTreeMap<&str, Vec<(i64, u8)>> = BTreeMap::new();
    for r in &ds.reviews {
        reviews
            .entry(merchant_of[r.order_id.as_str()])
            .or_default()
            .push((r.created_at.unix(), r.ratings.overall));
    }
    let periods = f64::from(history_days) / 2.0 - 1.0;
    let mut flagged = Vec::new();
    for (m, mut rs) in reviews {
        rs.sort_unstable();
        let (mut best, mut best_from, mut lo) = (0, 0, 0);
        for hi in 0..rs.len() {
            while rs[hi].0 - rs[lo].0 > 2 * DAY {
                lo += 1;
            }
            if hi + 1 - lo > best {
                best = hi + 1 - lo;
                best_from = lo;
            }
        }
        let baseline = (rs.len() - best) as f64 / periods;
        let five = rs[best_from..best_from + best]
            .iter()
            .filter(|r| r.1 == 5)
            .count();
        if best >= 10 && best as f64 >= 5.0 * baseline.max(1.0) && five * 10 >= best * 8 {
            flagged.push(m.to_owned());
        }
    }
    flagged
}

#[test]
fn fake_review_bursts_are_detectable() {
    let ds = default_dataset();
    let flagged = burst_merchants(ds, 75);
    println!("burst merchants: {flagged:?}");
    assert!(flagged.len() >= 2, "{flagged:?}");
    assert!(flagged.len() <= 20, "too many bursts: {flagged:?}");
}

#[test]
fn sessions_with_signals_line_up() {
    let ds = default_dataset();
    let with_signals: Vec<_> = ds
        .live_sessions
        .iter()
        .filter(|s| s.signals.is_some())
        .collect();
    let n = with_signals.len();
    assert!((6..=10).contains(&n), "{n} sessions");
    // Numbered first.
    for (i, s) in with_signals.iter().enumerate() {
        assert_eq!(s.id, format!("ls{:04}", i + 1));
    }
    let as_of = GenerateConfig::default().as_of;
    let by_merchant = orders_by_merchant(ds);
    let mut sizes: Vec<(usize, &str)> = by_merchant.iter().map(|(m, o)| (o.len(), *m)).collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    let large: Vec<&str> = sizes.iter().take(5).map(|s| s.1).collect();
    assert!(with_signals
        .iter()
        .any(|s| large.contains(&s.merchant_id.as_str())));
    for s in with_signals {
        let d = s.duration_seconds();
        assert!((45 * 60..=181 * 60).contains(&d), "{} lasts {d}s", s.id);
        assert!(s.start_at >= as_of.minus_days(14).start());
        let signals = s.signals.as_ref().unwrap();
        assert_eq!(signals.viewers.len(), d as usize);
        assert_eq!(signals.gmv_fen.len(), d as usize);
        assert!(!s.on_air.is_empty() && !s.transcript.is_empty() && !s.explain_marks.is_empty());
        assert!(s
            .transcript
            .iter()
            .any(|t| t.text.contains("还有三分钟上车")));
        assert!(s.transcript.iter().any(|t| t.text.contains("福利款")));
        assert!(
            signals.orders.iter().sum::<u32>() > 0,
            "{} sold nothing",
            s.id
        );
    }
}

#[test]
fn nearly_every_merchant_streams_on_its_types_cadence() {
    let config = GenerateConfig::default();
    let ds = default_dataset();
    let window = Window::new(&config).unwrap();
    let mut by_merchant: BTreeMap<&str, Vec<&crate::model::LiveSession>> = BTreeMap::new();
    for s in &ds.live_sessions {
        by_merchant
            .entry(s.merchant_id.as_str())
            .or_default()
            .push(s);
        // Summarised sessions carry no transcript and end the day they start.
        if s.signals.is_none() {
            let sum = s.summary.unwrap();
            assert!(sum.viewer_minutes > 0 && sum.peak_viewers > 0, "{}", s.id);
            assert!(s.transcript.is_empty());
            assert_eq!(s.start_at.local_date(), s.end_at.local_date(), "{}", s.id);
        }
    }
    // A merchant is in one room at a time.
    for (m, sessions) in &mut by_merchant {
        sessions.sort_by_key(|s| s.start_at);
        for w in sessions.windows(2) {
            assert!(
                w[0].end_at <= w[1].start_at,
                "{m}: {} and {} overlap",
                w[0].id,
                w[1].id
            );
        }
    }
    let recent_from = config.as_of.minus_days(30).start();
    let streaming_recently = ds
        .merchants
        .iter()
        .filter(|m| {
            by_merchant
                .get(m.id.as_str())
                .is_some_and(|s| s.iter().any(|s| s.start_at >= recent_from))
        })
        .count();
    let share = streaming_recently as f64 / ds.merchants.len() as f64;
    println!(
        "{} sessions; {share:.3} of merchants streamed in the last 30 days",
        ds.live_sessions.len()
    );
    assert!(share >= 0.8, "{share}");
    // 达人 stream more often than service providers.
    let plans = plan_merchants(config.seed, config.merchants, &window);
    let per_week = |kind: crate::model::MerchantType| {
        let (mut sessions, mut weeks) = (0usize, 0.0f64);
        for p in plans.iter().filter(|p| p.merchant.merchant_type == kind) {
            if let Some(s) = by_merchant.get(p.merchant.id.as_str()) {
                sessions += s.len();
                weeks += f64::from(window.days - p.first_day) / 7.0;
            }
        }
        sessions as f64 / weeks.max(1.0)
    };
    let (individual, provider) = (
        per_week(crate::model::MerchantType::Individual),
        per_week(crate::model::MerchantType::ServiceProvider),
    );
    println!("sessions per week: 达人 {individual:.2}, 服务商 {provider:.2}");
    assert!(individual > 2.0 * provider);
}

#[test]
fn the_content_dimension_has_data_for_most_merchants_and_follows_content() {
    let config = GenerateConfig::default();
    let ds = default_dataset();
    let window = Window::new(&config).unwrap();
    let plans = plan_merchants(config.seed, config.merchants, &window);
    let index_config = crate::index::IndexConfig::default();
    let market = crate::index::market_index(ds, config.as_of, &index_config).unwrap();
    let reports = market.reports(&index_config).unwrap();
    let content: Vec<(f64, f64)> = reports
        .iter()
        .zip(&plans)
        .filter_map(|(r, p)| {
            assert_eq!(r.merchant_id, p.merchant.id);
            let d = r
                .dimensions
                .iter()
                .find(|d| d.dimension == crate::index::Dimension::Content)?;
            Some((d.score.as_ref()?.value, p.traits.content))
        })
        .collect();
    // Over the regular merchants: the planted cold-start cohort has no hidden traits.
    let share = content.len() as f64 / plans.len() as f64;
    let (lo, hi) = content
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &(v, _)| {
            (lo.min(v), hi.max(v))
        });
    println!("content scored for {share:.3} of merchants, from {lo:.1} to {hi:.1}");
    assert!(share >= 0.8, "{share}");
    assert!(hi - lo > 30.0, "content scores {lo}..{hi}");
    // Scores follow the hidden trait: Spearman-free check by halves.
    let mut by_trait = content.clone();
    by_trait.sort_by(|a, b| a.1.total_cmp(&b.1));
    let half = by_trait.len() / 2;
    let mean = |xs: &[(f64, f64)]| xs.iter().map(|x| x.0).sum::<f64>() / xs.len().max(1) as f64;
    let (low, high) = (mean(&by_trait[..half]), mean(&by_trait[half..]));
    println!("mean content score: low-content half {low:.1}, high-content half {high:.1}");
    assert!(high > low + 10.0);
}

#[test]
fn bad_merchants_stand_out() {
    let config = GenerateConfig::default();
    let ds = default_dataset();
    let window = Window::new(&config).unwrap();
    let plans = plan_merchants(config.seed, config.merchants, &window);
    let by_merchant = orders_by_merchant(ds);
    let rate = |arch: Archetype, f: &dyn Fn(&Order) -> bool| {
        let (mut hit, mut all) = (0usize, 0usize);
        for p in plans.iter().filter(|p| p.archetype == arch) {
            for o in by_merchant
                .get(p.merchant.id.as_str())
                .into_iter()
                .flatten()
            {
                all += 1;
                hit += usize::from(f(o));
            }
        }
        hit as f64 / all.max(1) as f64
    };
    let quality = |o: &Order| {
        o.refund
            .as_ref()
            .is_some_and(|r| r.reason == RefundReason::Quality)
    };
    let slow = |o: &Order| {
        o.shipped_at
            .is_some_and(|s| s.unix() - o.paid_at.unix() > 48 * HOUR)
    };
    let disputed = |o: &Order| o.refund.as_ref().is_some_and(|r| r.disputed);
    let (q_bad, q_ok) = (
        rate(Archetype::PoorQuality, &quality),
        rate(Archetype::Normal, &quality),
    );
    let (s_bad, s_ok) = (
        rate(Archetype::SlowShipping, &slow),
        rate(Archetype::Normal, &slow),
    );
    let (d_bad, d_ok) = (
        rate(Archetype::Disputes, &disputed),
        rate(Archetype::Normal, &disputed),
    );
    println!("quality refunds {q_bad:.3} vs {q_ok:.3}; >48h {s_bad:.3} vs {s_ok:.3}; disputes {d_bad:.4} vs {d_ok:.4}");
    assert!(q_bad > 3.0 * q_ok);
    assert!(s_bad > 0.3 && s_ok < 0.15);
    assert!(d_bad > 3.0 * d_ok);

    // Complaints per order: the clearly bad merchants draw several times more.
    let complaints = |bad: bool| {
        let ids: Vec<&str> = plans
            .iter()
            .filter(|p| (p.archetype != Archetype::Normal) == bad)
            .map(|p| p.merchant.id.as_str())
            .collect();
        let n = ds
            .service_events
            .iter()
            .filter(|e| matches!(e, crate::model::ServiceEvent::Complaint { .. }))
            .filter(|e| ids.contains(&e.merchant_id()))
            .count();
        let orders: usize = ids
            .iter()
            .map(|m| by_merchant.get(m).map_or(0, Vec::len))
            .sum();
        n as f64 / orders.max(1) as f64
    };
    let (c_bad, c_ok) = (complaints(true), complaints(false));
    println!("complaints per order {c_bad:.4} vs {c_ok:.4}");
    assert!(c_bad > 2.0 * c_ok);
}

#[test]
fn config_errors_name_the_field() {
    let bad = |c: GenerateConfig| generate(&c).unwrap_err().field().map(str::to_owned);
    let d = GenerateConfig::default();
    assert_eq!(
        bad(GenerateConfig {
            merchants: 0,
            ..d.clone()
        })
        .as_deref(),
        Some("merchants")
    );
    assert_eq!(
        bad(GenerateConfig {
            merchants: 100_001,
            ..d.clone()
        })
        .as_deref(),
        Some("merchants")
    );
    assert_eq!(
        bad(GenerateConfig {
            history_days: 44,
            ..d.clone()
        })
        .as_deref(),
        Some("historyDays")
    );
    assert_eq!(
        bad(GenerateConfig {
            history_days: 401,
            ..d.clone()
        })
        .as_deref(),
        Some("historyDays")
    );
    let old = LocalDate::from_ymd(1999, 12, 31).unwrap();
    assert_eq!(
        bad(GenerateConfig {
            as_of: old,
            ..d.clone()
        })
        .as_deref(),
        Some("asOf")
    );
    let json = r#"{"seed": 1, "merchants": 5, "asOf": "2026-11-24", "historyDays": 60}"#;
    let c: GenerateConfig = serde_json::from_str(json).unwrap();
    assert_eq!(c.history_days, 60);
    assert!(serde_json::from_str::<GenerateConfig>(&json.replace("seed", "sed")).is_err());
}

#[test]
fn smallest_config_works() {
    let c = GenerateConfig {
        merchants: 1,
        history_days: 45,
        cold_start_cohort: 0,
        ..GenerateConfig::default()
    };
    let ds = generate(&c).unwrap();
    assert_eq!(ds.merchants.len(), 1);
    assert!(ds.follower_counts.is_empty());
    assert!(problems(&ds, &c).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_seed_gives_a_sound_dataset(seed in any::<u64>(), merchants in 5u32..=30, history_days in 45u32..=120, cold_start_cohort in 0u32..=12) {
        let c = GenerateConfig { seed, merchants, history_days, cold_start_cohort, ..GenerateConfig::default() };
        let ds = generate(&c).unwrap();
        let found = problems(&ds, &c);
        prop_assert!(found.is_empty(), "{:#?}", found);
        prop_assert_eq!(ds.merchants.len(), (merchants + cold_start_cohort) as usize);
    }
}

#[test]
fn the_cold_start_cohort_is_appended_without_changing_the_rest() {
    let with = GenerateConfig {
        merchants: 40,
        ..GenerateConfig::default()
    };
    let without = GenerateConfig {
        cold_start_cohort: 0,
        ..with.clone()
    };
    let (a, truth) = generate_with_truth(&with).unwrap();
    let b = generate(&without).unwrap();
    assert_eq!(a.merchants.len(), 40 + 36);
    assert_eq!(truth.cold_start_cohort.len(), 36);
    assert_eq!(a.merchants[..40], b.merchants[..]);
    assert_eq!(a.products[..b.products.len()], b.products[..]);
    assert_eq!(a.buyers[..b.buyers.len()], b.buyers[..]);
    assert_eq!(a.orders[..b.orders.len()], b.orders[..]);
    assert_eq!(a.reviews[..b.reviews.len()], b.reviews[..]);
    assert_eq!(
        a.live_sessions[..b.live_sessions.len()],
        b.live_sessions[..]
    );
    assert_eq!(a.service_events, b.service_events);
    // Two thirds have their whole first 60 days in the history; all are vertical fruit shops
    // with a daily follower count from their opening day, never falling.
    let complete = truth
        .cold_start_cohort
        .iter()
        .filter(|p| p.complete)
        .count();
    assert_eq!(complete, 24);
    for planted in &truth.cold_start_cohort {
        let m = a.merchant(&planted.merchant_id).unwrap();
        assert_eq!(m.merchant_type, COHORT_TYPE);
        let counts: Vec<_> = a
            .follower_counts
            .iter()
            .filter(|f| f.merchant_id == m.id)
            .collect();
        assert_eq!(counts.first().map(|f| f.date), Some(m.start_date));
        assert_eq!(
            counts.last().map(|f| f.date),
            Some(with.as_of.minus_days(1))
        );
        assert!(counts.windows(2).all(|w| w[0].followers <= w[1].followers));
        assert_eq!(counts.last().map(|f| f.followers), Some(m.followers));
    }
    assert!(problems(&a, &with).is_empty());
}

#[test]
fn the_index_handed_out_with_the_data_is_the_one_computed_from_it() {
    use crate::index::{market_index, IndexConfig};
    let config = GenerateConfig {
        merchants: 30,
        ..GenerateConfig::default()
    };
    let (data, index) = generate_with_index(&config).unwrap();
    assert_eq!(data, generate(&config).unwrap());
    let settings = IndexConfig::default();
    let market = market_index(&data, data.day_after_latest_order().unwrap(), &settings).unwrap();
    assert_eq!(index.reports, market.reports(&settings).unwrap());
    assert_eq!(index.market, market);
}
