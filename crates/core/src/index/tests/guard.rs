//! The brushing guard's rules (docs/index-methodology.md, "Brushing guard"), each around its
//! threshold, and their effect on the tallies.

use rustc_hash::FxHashMap;

use super::*;
use crate::index::guard::{assess, unusual_days, Evidence, Standing};

/// Each buyer's standing at merchant `m` after the guard ran with `config`.
fn standings(d: &Dataset, config: &IndexConfig, m: usize) -> FxHashMap<String, Standing> {
    let merchants: FxHashMap<&str, usize> = d
        .merchants
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let a = assess(d, as_of(), config, &merchants);
    a.buyers_at(m).map(|(k, v)| (k.to_owned(), *v)).collect()
}

fn evidence(d: &Dataset, buyer: &str) -> Vec<Evidence> {
    let s = standings(d, &IndexConfig::default(), 0)[buyer];
    let mut e: Vec<Evidence> = s.account.iter().chain(s.activity.iter()).collect();
    e.sort();
    e.dedup();
    e
}

fn account(
    d: &mut Dataset,
    id: &str,
    registered: Option<&str>,
    address: Option<&str>,
    device: Option<&str>,
) {
    d.buyers.push(Buyer {
        id: id.into(),
        registered_at: registered.map(ts),
        address_cluster: address.map(str::to_owned),
        device_cluster: device.map(str::to_owned),
    });
}

/// A buyer that also shops elsewhere (so `onlyThisShop` does not apply) at merchant 1.
fn also_elsewhere(d: &mut Dataset, buyer: &str) {
    order(d, 1, buyer, "2026-09-01T04:00:00Z", Channel::Shop);
}

#[test]
fn an_account_registered_at_most_30_days_before_its_first_order_at_the_shop_is_new() {
    let mut d = market(2);
    account(&mut d, "new", Some("2026-10-11T04:00:00Z"), None, None);
    account(&mut d, "old", Some("2026-10-11T03:59:59Z"), None, None);
    account(&mut d, "unknown", None, None, None);
    for b in ["new", "old", "unknown"] {
        order(&mut d, 0, b, "2026-11-10T04:00:00Z", Channel::Shop);
        also_elsewhere(&mut d, b);
    }
    // "new" ordered elsewhere first (09-01, before registering: the importer would reject it,
    // but the rule is about the first order at this shop).
    assert_eq!(evidence(&d, "new"), vec![Evidence::NewAccount]);
    assert_eq!(evidence(&d, "old"), vec![]);
    assert_eq!(evidence(&d, "unknown"), vec![]);
}

#[test]
fn a_buyer_that_never_ordered_anywhere_else_shows_only_this_shop() {
    let mut d = market(2);
    order(&mut d, 0, "loyal", "2026-11-10T04:00:00Z", Channel::Shop);
    order(&mut d, 0, "loyal", "2026-11-12T04:00:00Z", Channel::Shop);
    order(&mut d, 0, "roaming", "2026-11-10T04:00:00Z", Channel::Shop);
    also_elsewhere(&mut d, "roaming");
    assert_eq!(evidence(&d, "loyal"), vec![Evidence::OnlyThisShop]);
    assert_eq!(evidence(&d, "roaming"), vec![]);
}

#[test]
fn a_device_cluster_shared_by_at_least_3_buyers_of_the_shop_and_an_address_cluster_by_at_least_4_are_a_rings(
) {
    let mut d = market(2);
    // Device "d1": three buyers of m0. Device "d2": two of m0, one of m1 only.
    // Address "a1": four buyers of m0. Address "a2": three.
    let rows = [
        ("x1", "d1", "a1"),
        ("x2", "d1", "a1"),
        ("x3", "d1", "a1"),
        ("x4", "d2", "a1"),
        ("y1", "d2", "a2"),
        ("y2", "d3", "a2"),
        ("y3", "d3", "a2"),
    ];
    for (i, (b, device, address)) in rows.into_iter().enumerate() {
        account(&mut d, b, None, Some(address), Some(device));
        order(
            &mut d,
            0,
            b,
            &format!("2026-11-{:02}T04:00:00Z", 2 + 2 * i),
            Channel::Shop,
        );
        also_elsewhere(&mut d, b);
    }
    account(&mut d, "z", None, Some("a2"), Some("d2"));
    order(&mut d, 1, "z", "2026-11-10T04:00:00Z", Channel::Shop);
    let both = vec![Evidence::SharedDevice, Evidence::SharedAddress];
    assert_eq!(evidence(&d, "x1"), both);
    // x1–x3 are discounted (5 points); x4 shares their address, and is linked to them.
    assert_eq!(
        evidence(&d, "x4"),
        vec![Evidence::SharedAddress, Evidence::LinkedToRing]
    );
    assert_eq!(
        evidence(&d, "y1"),
        vec![],
        "d2 has two buyers at m0, a2 three"
    );
}

#[test]
fn a_buyer_of_the_shop_on_the_device_or_at_the_address_of_a_buyer_discounted_there_is_linked_to_the_ring_once(
) {
    let mut d = market(2);
    // Three discounted accounts on one device; "pair" shares the address of one of them, and
    // "friend" shares pair's device (two links away: not linked, ring expansion is one round).
    for b in ["r1", "r2", "r3"] {
        account(
            &mut d,
            b,
            None,
            Some(&format!("addr-{b}")),
            Some("ring-device"),
        );
    }
    account(&mut d, "pair", None, Some("addr-r1"), Some("pair-device"));
    account(&mut d, "friend", None, None, Some("pair-device"));
    for (i, b) in ["r1", "r2", "r3", "pair", "friend"].into_iter().enumerate() {
        order(
            &mut d,
            0,
            b,
            &format!("2026-11-{:02}T04:00:00Z", 2 + 3 * i),
            Channel::Shop,
        );
    }
    let s = standings(&d, &IndexConfig::default(), 0);
    assert!(s["r1"].discounted && s["r2"].discounted && s["r3"].discounted);
    // pair: only this shop (1) + linked (3).
    assert_eq!(
        evidence(&d, "pair"),
        vec![Evidence::OnlyThisShop, Evidence::LinkedToRing]
    );
    assert!(s["pair"].discounted);
    assert_eq!(evidence(&d, "friend"), vec![Evidence::OnlyThisShop]);
    assert!(!s["friend"].discounted);
}

/// `days` daily counts of one product at m0 ending on T-1, every order its own buyer who also
/// shops elsewhere; returns the order indices per day.
fn daily_orders(d: &mut Dataset, counts: &[u32], amount_fen: i64) -> Vec<Vec<usize>> {
    let first = as_of().minus_days(counts.len() as u64);
    let mut out = Vec::new();
    for (k, &c) in counts.iter().enumerate() {
        let day = first.plus_days(k as u64).start();
        let mut today = Vec::new();
        for i in 0..c {
            let buyer = format!("d{k}-{i}");
            let o = order(
                d,
                0,
                &buyer,
                &day.plus_seconds(12 * 3600).to_string(),
                Channel::Shop,
            );
            d.orders[o].amount_fen = amount_fen;
            also_elsewhere(d, &buyer);
            today.push(o);
        }
        out.push(today);
    }
    out
}

#[test]
fn a_spike_is_a_48_hour_span_with_at_least_5_orders_of_a_product_and_more_than_4_times_its_usual_count_at_least_1(
) {
    // Usual: one order a day, so a 48-hour span usually holds 2; a spike needs more than 8.
    let mut counts = vec![1u32; 60];
    counts[40] = 7; // span 1 + 7 = 8: not more than 8
    counts[50] = 8; // span 1 + 8 = 9: a spike
    let (marked, usual) = unusual_days(&counts, 0, 5, 4.0);
    assert_eq!(usual, 2.0);
    assert!(!marked[40] && !marked[39] && !marked[41]);
    assert!(marked[49] && marked[50] && marked[51]);
    // Usual 0 counts as 1: more than 4 are needed, and at least the minimum.
    let mut quiet = vec![0u32; 60];
    quiet[10] = 4;
    quiet[30] = 5;
    let (marked, usual) = unusual_days(&quiet, 0, 5, 4.0);
    assert_eq!(usual, 0.0);
    assert!(!marked[10] && marked[30]);
    let (marked, _) = unusual_days(&quiet, 0, 6, 4.0);
    assert!(!marked[30], "below the minimum");
}

#[test]
fn the_usual_count_is_the_median_from_the_shops_first_day_and_needs_a_week_of_it() {
    // A shop that opened 20 days ago with 3 look-alike reviews a day: the 40 empty days before
    // it existed are not its usual (with them the median would be 0 and every day a burst).
    let mut counts = vec![0u32; 60];
    for c in &mut counts[40..] {
        *c = 3;
    }
    let (marked, usual) = unusual_days(&counts, 40, 3, 4.0);
    assert_eq!(usual, 6.0);
    assert!(marked.iter().all(|m| !m));
    let (marked, _) = unusual_days(&counts, 0, 3, 4.0);
    assert!(
        marked[41],
        "counted from day 0 the same days look like a burst"
    );
    // Six days of history are not a baseline: nothing is judged unusual.
    let mut young = vec![0u32; 60];
    young[59] = 50;
    assert!(unusual_days(&young, 54, 3, 4.0).0.iter().all(|m| !m));
    assert!(unusual_days(&young, 53, 3, 4.0).0[59]);
}

#[test]
fn an_order_in_a_spike_of_its_product_paid_at_most_the_shops_median_unit_price_is_spike_evidence() {
    let mut counts = vec![0u32; 60];
    counts[50] = 6;
    let has_spike = |d: &Dataset, o: usize| {
        standings(d, &IndexConfig::default(), 0)[&d.orders[o].buyer_id]
            .activity
            .iter()
            .any(|e| e == Evidence::OrderSpike)
    };
    let mut d = market(2);
    let days = daily_orders(&mut d, &counts, 3000);
    assert!(days[50].iter().all(|&o| has_spike(&d, o)));
    let t = tally::tally_all(&d, as_of(), &IndexConfig::default());
    assert_eq!(t[0].guard.spikes.len(), 1);
    assert_eq!(t[0].guard.spikes[0].orders, 6);
    assert_eq!(t[0].guard.spikes[0].product_id, "p0");

    // The same spike in a shop whose median unit price is lower: brushing buys cheap, and these
    // orders are not.
    let mut d = market(2);
    counts[20] = 10;
    let days = daily_orders(&mut d, &counts, 3000);
    for &o in &days[20] {
        d.orders[o].amount_fen = 1000;
    }
    assert!(days[50].iter().all(|&o| !has_spike(&d, o)));
}

#[test]
fn a_review_written_at_most_60_minutes_after_delivery_is_instant() {
    let mut d = market(2);
    for (b, minutes) in [("fast", 60), ("slow", 61)] {
        let o = order(&mut d, 0, b, "2026-11-01T04:00:00Z", Channel::Shop);
        review(&mut d, o, 4, Some(4), 0);
        let r = d.reviews.last_mut().unwrap();
        r.created_at = r.created_at.plus_seconds(minutes * 60);
        also_elsewhere(&mut d, b);
    }
    assert_eq!(evidence(&d, "fast"), vec![Evidence::InstantReview]);
    assert_eq!(evidence(&d, "slow"), vec![]);
}

#[test]
fn a_review_whose_normalised_text_of_at_least_8_characters_was_first_written_at_the_shop_by_another_buyer_is_copied(
) {
    let mut d = market(2);
    let written = |d: &mut Dataset, buyer: &str, paid: &str, text: &str| {
        let o = order(d, 0, buyer, paid, Channel::Shop);
        review(d, o, 4, Some(4), 5);
        d.reviews.last_mut().unwrap().text = text.into();
        also_elsewhere(d, buyer);
    };
    written(
        &mut d,
        "first",
        "2026-11-01T04:00:00Z",
        "橙子很甜，物流也快，还会回购",
    );
    written(
        &mut d,
        "copier",
        "2026-11-02T04:00:00Z",
        "橙子很甜 物流也快!! 还会回购",
    );
    written(&mut d, "short1", "2026-11-01T04:00:00Z", "很好，好评");
    written(&mut d, "short2", "2026-11-02T04:00:00Z", "很好，好评");
    assert_eq!(evidence(&d, "first"), vec![]);
    assert_eq!(evidence(&d, "copier"), vec![Evidence::CopiedText]);
    assert_eq!(
        evidence(&d, "short2"),
        vec![],
        "4 characters are too short to call a copy"
    );
    // The same buyer repeating itself is not copying someone.
    written(
        &mut d,
        "first",
        "2026-11-03T04:00:00Z",
        "橙子很甜，物流也快，还会回购",
    );
    assert_eq!(evidence(&d, "first"), vec![]);
}

/// Look-alike reviews: 5★ from one-time buyers, `per_day[k]` on day k of the 60 days before T.
fn look_alike_reviews(d: &mut Dataset, per_day: &[u32], also_elsewhere_too: bool) {
    let first = as_of().minus_days(per_day.len() as u64);
    for (k, &c) in per_day.iter().enumerate() {
        for i in 0..c {
            let buyer = format!("r{k}-{i}");
            // Paid two days apart so the orders themselves make no spike; reviewed on day k.
            let paid = first
                .plus_days(k as u64)
                .start()
                .plus_seconds(-(2 + 2 * i64::from(i)) * 86_400);
            let o = order(d, 0, &buyer, &paid.to_string(), Channel::Shop);
            d.orders[o].delivered_at = Some(paid.plus_seconds(3600));
            review(d, o, 5, Some(5), 0);
            d.reviews.last_mut().unwrap().created_at =
                first.plus_days(k as u64).start().plus_seconds(10 * 3600);
            if also_elsewhere_too {
                also_elsewhere(d, &buyer);
            }
        }
    }
}

#[test]
fn a_burst_is_a_48_hour_span_with_at_least_3_look_alike_reviews_and_more_than_4_times_the_usual_count_at_least_1(
) {
    // Usual 2 per 48 hours (one a day): 8 in a span is not a burst, 9 is.
    let mut per_day = vec![1u32; 60];
    per_day[20] = 7;
    per_day[45] = 8;
    let mut d = market(2);
    look_alike_reviews(&mut d, &per_day, true);
    let t = tally::tally_all(&d, as_of(), &IndexConfig::default());
    let bursts = &t[0].guard.bursts;
    assert_eq!(bursts.len(), 1, "{bursts:?}");
    assert_eq!(bursts[0].usual, 2.0);
    assert_eq!(bursts[0].first_day, as_of().minus_days(60 - 44));
    assert_eq!(bursts[0].last_day, as_of().minus_days(60 - 46));
    assert_eq!(bursts[0].reviews, 1 + 8 + 1);
    // A look-alike review in the burst carries the evidence; one outside does not.
    let s = standings(&d, &IndexConfig::default(), 0);
    assert!(s["r45-0"]
        .activity
        .iter()
        .any(|e| e == Evidence::ReviewBurst));
    assert!(!s["r20-0"]
        .activity
        .iter()
        .any(|e| e == Evidence::ReviewBurst));
}

#[test]
fn a_buyer_is_discounted_at_a_shop_with_at_least_4_points_its_account_points_plus_those_of_its_most_suspicious_order(
) {
    let mut d = market(2);
    // One-shop buyers (1) with a new account (1): 2 points.
    for b in ["split", "together"] {
        account(&mut d, b, Some("2026-11-01T00:00:00Z"), None, None);
    }
    // "split": an instant review (1) on one order and a copied text (1) on another: 3 at most.
    // "together": both on one order: 4.
    let with_review = |d: &mut Dataset, buyer: &str, paid: &str, text: &str, after_minutes: i64| {
        let o = order(d, 0, buyer, paid, Channel::Shop);
        review(d, o, 4, Some(4), 0);
        let r = d.reviews.last_mut().unwrap();
        r.created_at = r.created_at.plus_seconds(after_minutes * 60);
        r.text = text.into();
    };
    let original = "这家的橙子真的特别甜，推荐";
    let orig = order(&mut d, 0, "someone", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, orig, 5, Some(5), 30);
    d.reviews.last_mut().unwrap().text = original.into();
    also_elsewhere(&mut d, "someone");
    with_review(&mut d, "split", "2026-11-03T04:00:00Z", "", 10);
    with_review(&mut d, "split", "2026-11-06T04:00:00Z", original, 600);
    with_review(&mut d, "together", "2026-11-03T04:00:00Z", original, 10);
    let s = standings(&d, &IndexConfig::default(), 0);
    assert!(!s["split"].discounted);
    assert!(s["together"].discounted);
}

/// A ring: `n` fresh accounts sharing one device and one address, each placing two live-room
/// orders at m0 in the recent window, with a complaint each (a ring can complain too).
fn ring(d: &mut Dataset, n: usize) {
    for i in 0..n {
        let b = format!("ring{i}");
        account(
            d,
            &b,
            Some("2026-11-01T00:00:00Z"),
            Some("addr-ring"),
            Some("dev-ring"),
        );
        order(
            d,
            0,
            &b,
            &format!("2026-11-{:02}T04:00:00Z", 2 + i),
            Channel::LiveRoom,
        );
        order(
            d,
            0,
            &b,
            &format!("2026-11-{:02}T04:00:00Z", 6 + i),
            Channel::LiveRoom,
        );
    }
}

#[test]
fn a_discounted_buyers_orders_and_reviews_count_in_no_metric_make_no_repeat_buyer_and_do_not_count_toward_min_orders(
) {
    let mut d = market(2);
    for i in 0..6 {
        let b = format!("real{i}");
        order(
            &mut d,
            0,
            &b,
            &format!("2026-11-{:02}T04:00:00Z", 12 + i),
            Channel::LiveRoom,
        );
        also_elsewhere(&mut d, &b);
    }
    ring(&mut d, 4);
    for o in 0..d.orders.len() {
        if d.orders[o].buyer_id.starts_with("ring") {
            d.orders[o].shipped_at = Some(d.orders[o].paid_at.plus_seconds(600));
        }
    }
    complaint(&mut d, 0, "ring0", "2026-11-12T04:00:00Z");
    let t = &tally::tally_all(&d, as_of(), &IndexConfig::default())[0];
    assert_eq!(t.guard.discounted_buyers, 4);
    assert_eq!(t.guard.discounted_orders, 8);
    assert_eq!(t.guard.discounted_recent_orders, 8);
    assert_eq!(t.recent_orders, 6);
    assert_eq!(sum_n(t.tally(MetricId::RepeatBuyerRate)), (0.0, 6.0));
    assert_eq!(t.tally(MetricId::ShipWithin48hRate).n, 6.0);
    assert_eq!(sum_n(t.tally(MetricId::ComplaintRate)), (0.0, 6.0));
    let reasons: Vec<(Evidence, u32)> = t
        .guard
        .reasons
        .iter()
        .map(|r| (r.evidence, r.buyers))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (Evidence::NewAccount, 4),
            (Evidence::OnlyThisShop, 4),
            (Evidence::SharedDevice, 4),
            (Evidence::SharedAddress, 4)
        ]
    );
    assert_eq!(t.guard.examples.len(), 4);
    assert_eq!(t.guard.examples[0].points, 7);

    // With the guard off the ring makes four repeat buyers out of ten.
    let off = &tally::tally_all(&d, as_of(), &no_guard())[0];
    assert_eq!(sum_n(off.tally(MetricId::RepeatBuyerRate)), (4.0, 10.0));
}

#[test]
fn a_burst_from_one_shop_accounts_without_account_data_still_needs_a_further_sign_to_be_discounted()
{
    // 30 five-star reviews from one-time, one-shop buyers within 48 hours (old data: no
    // registration or clusters): burst (2) + only this shop (1) = 3, not yet discounted; the
    // same reviews written within an hour of delivery (1 more) are.
    let mut per_day = vec![0u32; 60];
    per_day[50] = 15;
    per_day[51] = 15;
    let mut d = market(2);
    look_alike_reviews(&mut d, &per_day, false);
    let t = &tally::tally_all(&d, as_of(), &IndexConfig::default())[0];
    assert_eq!(t.guard.bursts.len(), 1);
    assert_eq!(t.guard.discounted_buyers, 0);
    for r in &d.reviews.clone() {
        let o = d.orders.iter_mut().find(|o| o.id == r.order_id).unwrap();
        o.delivered_at = Some(r.created_at.plus_seconds(-30 * 60));
    }
    let t = &tally::tally_all(&d, as_of(), &IndexConfig::default())[0];
    assert_eq!(t.guard.discounted_buyers, 30);
    assert_eq!(t.guard.discounted_reviews, 30);
    assert_eq!(t.tally(MetricId::PositiveReviewRate).n, 0.0);
}

#[test]
fn a_cluster_of_two_or_more_buyers_of_the_shop_who_are_all_fresh_is_a_rings() {
    let mut d = market(2);
    // Two fresh accounts (new, buying only here) at one address: a ring's address. Two at
    // another address of which one also shops elsewhere: a household, not a ring.
    for (b, address) in [("f1", "a1"), ("f2", "a1"), ("h1", "a2"), ("h2", "a2")] {
        account(&mut d, b, Some("2026-11-01T00:00:00Z"), Some(address), None);
    }
    for (i, b) in ["f1", "f2", "h1", "h2"].into_iter().enumerate() {
        order(
            &mut d,
            0,
            b,
            &format!("2026-11-{:02}T04:00:00Z", 3 + 3 * i),
            Channel::Shop,
        );
    }
    also_elsewhere(&mut d, "h2");
    assert_eq!(
        evidence(&d, "f1"),
        vec![
            Evidence::NewAccount,
            Evidence::OnlyThisShop,
            Evidence::SharedAddress
        ]
    );
    assert_eq!(
        evidence(&d, "h1"),
        vec![Evidence::NewAccount, Evidence::OnlyThisShop]
    );
}

#[test]
fn an_order_in_a_spike_whose_orders_of_its_product_that_day_are_at_least_half_by_fresh_buyers_is_a_newcomer_spike(
) {
    // Day 50: six orders of p0 in a quiet shop — a spike. Three are by fresh accounts (half),
    // on day 52 two of six are (a third).
    let mut counts = vec![0u32; 60];
    counts[50] = 6;
    counts[52] = 6;
    let mut d = market(2);
    let days = daily_orders(&mut d, &counts, 3000);
    let fresh = |d: &mut Dataset, o: usize| {
        let buyer = format!("fresh-{o}");
        account(d, &buyer, Some("2026-11-01T00:00:00Z"), None, None);
        d.orders[o].buyer_id = buyer;
    };
    for &o in &days[50][..3] {
        fresh(&mut d, o);
    }
    for &o in &days[52][..2] {
        fresh(&mut d, o);
    }
    let s = standings(&d, &IndexConfig::default(), 0);
    let newcomer = |o: usize| {
        s[&d.orders[o].buyer_id]
            .activity
            .iter()
            .any(|e| e == Evidence::NewcomerSpike)
    };
    assert!(
        days[50].iter().all(|&o| newcomer(o)),
        "half of the day's orders"
    );
    assert!(days[52].iter().all(|&o| !newcomer(o)), "a third of them");
    // Fresh (2) + spike (1) + newcomer spike (1): the fresh accounts on day 50 are discounted.
    assert!(s[&d.orders[days[50][0]].buyer_id].discounted);
    assert!(!s[&d.orders[days[52][0]].buyer_id].discounted);
}

#[test]
fn a_buyer_of_the_shop_whose_every_order_fell_on_a_ring_day_of_its_product_is_with_the_ring() {
    let mut d = market(2);
    // Two orders of p0 a day from regular customers, so the ring makes no spike. A ring of four
    // on one device buys p0 on 11-10 and 11-11 (8 orders); "tagalong", a fresh account of its
    // own, buys p0 on both days too; "regular" also bought on 11-05.
    daily_orders(&mut d, &[2; 60], 3000);
    for (i, day) in ["10", "11"].into_iter().enumerate() {
        for r in 0..4 {
            let b = format!("ring{r}");
            if i == 0 {
                account(
                    &mut d,
                    &b,
                    Some("2026-11-01T00:00:00Z"),
                    None,
                    Some("ring-device"),
                );
            }
            order(
                &mut d,
                0,
                &b,
                &format!("2026-11-{day}T0{r}:00:00Z"),
                Channel::LiveRoom,
            );
        }
    }
    account(&mut d, "tagalong", Some("2026-11-01T00:00:00Z"), None, None);
    order(
        &mut d,
        0,
        "tagalong",
        "2026-11-10T06:00:00Z",
        Channel::LiveRoom,
    );
    order(
        &mut d,
        0,
        "tagalong",
        "2026-11-11T06:00:00Z",
        Channel::LiveRoom,
    );
    order(
        &mut d,
        0,
        "regular",
        "2026-11-05T06:00:00Z",
        Channel::LiveRoom,
    );
    order(
        &mut d,
        0,
        "regular",
        "2026-11-10T07:00:00Z",
        Channel::LiveRoom,
    );
    let s = standings(&d, &IndexConfig::default(), 0);
    assert!(s["ring0"].discounted);
    // New (1) + only here (1) + with the ring (2).
    assert_eq!(
        evidence(&d, "tagalong"),
        vec![
            Evidence::NewAccount,
            Evidence::OnlyThisShop,
            Evidence::WithTheRing
        ]
    );
    assert!(s["tagalong"].discounted);
    assert!(!evidence(&d, "regular").contains(&Evidence::WithTheRing));
}
