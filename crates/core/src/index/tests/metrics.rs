//! One test per metric definition and window rule of docs/index-methodology.md, each named after
//! the rule's sentence. T is 2026-11-24 (Asia/Shanghai), so the recent window [T-30, T-1] is
//! 2026-10-25 … 2026-11-23, i.e. [2026-10-24T16:00Z, 2026-11-23T16:00Z); the lagged window
//! [T-44, T-15] is [2026-10-10T16:00Z, 2026-11-09T16:00Z); shipping [T-30, T-3] ends at
//! 2026-11-21T16:00Z.

use super::*;

const RECENT: &str = "2026-11-10T04:00:00Z";

#[test]
fn repeat_buyer_rate_is_buyers_with_two_live_room_orders_in_the_recent_window_over_all_its_buyers()
{
    let mut d = market(1);
    // b1: two live-room orders → repeat. b2: one live, one shop → not. b3: one order.
    order(&mut d, 0, "b1", "2026-11-10T04:00:00Z", Channel::LiveRoom);
    order(&mut d, 0, "b1", "2026-11-12T04:00:00Z", Channel::LiveRoom);
    order(&mut d, 0, "b2", "2026-11-10T04:00:00Z", Channel::LiveRoom);
    order(&mut d, 0, "b2", "2026-11-11T04:00:00Z", Channel::Shop);
    order(&mut d, 0, "b3", "2026-11-11T04:00:00Z", Channel::ShortVideo);
    // b4's second live-room order is before the window: one order in it, not a repeat buyer.
    order(&mut d, 0, "b4", "2026-10-20T04:00:00Z", Channel::LiveRoom);
    order(&mut d, 0, "b4", "2026-11-11T04:00:00Z", Channel::LiveRoom);
    let t = &tally::tally_all(&d, as_of(), &no_guard())[0];
    assert_eq!(sum_n(t.tally(MetricId::RepeatBuyerRate)), (1.0, 4.0));
    assert_eq!(t.recent_orders, 6);
}

#[test]
fn positive_review_rate_is_reviewers_whose_latest_review_in_the_recent_window_is_four_or_five_stars(
) {
    let mut d = market(1);
    let reviewed = |d: &mut Dataset, buyer: &str, paid: &str, stars: u8| {
        let o = order(d, 0, buyer, paid, Channel::Shop);
        review(d, o, stars, None, 5);
    };
    reviewed(&mut d, "b1", "2026-11-01T04:00:00Z", 2);
    reviewed(&mut d, "b1", "2026-11-10T04:00:00Z", 5); // latest: positive
    reviewed(&mut d, "b2", "2026-11-01T04:00:00Z", 5);
    reviewed(&mut d, "b2", "2026-11-10T04:00:00Z", 3); // latest: not positive
    reviewed(&mut d, "b3", "2026-11-10T04:00:00Z", 4); // positive
    reviewed(&mut d, "b4", "2026-10-01T04:00:00Z", 5); // written before the window
    let t = tally_of(&d, &no_guard(), 0, MetricId::PositiveReviewRate);
    assert_eq!(sum_n(t), (2.0, 3.0));
}

#[test]
fn dissatisfaction_is_rated_reviews_within_14_days_of_payment_with_quality_at_most_3_or_not_worth_over_rated_reviews(
) {
    let mut d = market(1);
    let a = order(&mut d, 0, "b1", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, a, 2, Some(2), 5); // dissatisfied
    let b = order(&mut d, 0, "b2", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, b, 5, Some(5), 5); // satisfied
    let c = order(&mut d, 0, "b3", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, c, 1, None, 5); // not rated on quality or value: not counted
    let e = order(&mut d, 0, "b4", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, e, 1, Some(1), 24 * 20); // 20 days after delivery: too late
    let f = order(&mut d, 0, "b5", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, f, 4, Some(4), 5);
    d.reviews.last_mut().unwrap().ratings.value_for_money = Some(ValueForMoney::NotWorth);
    let g = order(&mut d, 0, "b6", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, g, 4, Some(3), 5); // quality 3: dissatisfied
    let t = tally_of(&d, &no_guard(), 0, MetricId::DissatisfactionRate);
    assert_eq!(sum_n(t), (3.0, 4.0));
}

#[test]
fn quality_refund_rate_is_orders_paid_in_the_lagged_window_with_a_quality_refund_requested_within_14_days_over_those_orders(
) {
    let mut d = market(1);
    let a = order(&mut d, 0, "b1", "2026-11-01T04:00:00Z", Channel::Shop);
    refund(
        &mut d,
        a,
        RefundKind::RefundOnly,
        RefundReason::Quality,
        "2026-11-06T04:00:00Z",
        None,
        false,
    );
    let b = order(&mut d, 0, "b2", "2026-11-01T05:00:00Z", Channel::Shop);
    // 19 days after payment: too late to count.
    refund(
        &mut d,
        b,
        RefundKind::RefundOnly,
        RefundReason::Quality,
        "2026-11-20T04:00:00Z",
        None,
        false,
    );
    let c = order(&mut d, 0, "b3", "2026-11-02T04:00:00Z", Channel::Shop);
    // Another reason is not a quality refund.
    refund(
        &mut d,
        c,
        RefundKind::RefundOnly,
        RefundReason::ChangedMind,
        "2026-11-03T04:00:00Z",
        None,
        false,
    );
    // Paid on T-14: not in the lagged window.
    let late = order(&mut d, 0, "b4", "2026-11-10T04:00:00Z", Channel::Shop);
    refund(
        &mut d,
        late,
        RefundKind::RefundOnly,
        RefundReason::Quality,
        "2026-11-11T04:00:00Z",
        None,
        false,
    );
    let t = tally_of(&d, &no_guard(), 0, MetricId::QualityRefundRate);
    assert_eq!(sum_n(t), (1.0, 3.0));
}

/// Refunds of every kind for [`refund_only_hours…`] and [`return_refund_hours…`]: each metric
/// must see exactly its own completed, undisputed cases in the recent window.
fn after_sales_market() -> Dataset {
    let mut d = market(1);
    let cases: [(RefundKind, &str, Option<&str>, bool); 7] = [
        (
            RefundKind::RefundOnly,
            "2026-11-10T00:00:00Z",
            Some("2026-11-10T10:00:00Z"),
            false,
        ), // 10 h
        (
            RefundKind::RefundOnly,
            "2026-11-11T00:00:00Z",
            Some("2026-11-11T20:00:00Z"),
            false,
        ), // 20 h
        (
            RefundKind::RefundOnly,
            "2026-11-12T00:00:00Z",
            Some("2026-11-16T04:00:00Z"),
            true,
        ), // disputed
        (
            RefundKind::RefundOnly,
            "2026-10-20T00:00:00Z",
            Some("2026-10-21T00:00:00Z"),
            false,
        ), // done before the window
        (RefundKind::RefundOnly, "2026-11-13T00:00:00Z", None, false), // still open
        (
            RefundKind::ReturnAndRefund,
            "2026-11-10T00:00:00Z",
            Some("2026-11-12T02:00:00Z"),
            false,
        ), // 50 h
        (
            RefundKind::ReturnAndRefund,
            "2026-11-10T00:00:00Z",
            Some("2026-11-20T00:00:00Z"),
            true,
        ), // disputed
    ];
    for (i, (kind, requested, completed, disputed)) in cases.into_iter().enumerate() {
        let o = order(
            &mut d,
            0,
            &format!("b{i}"),
            "2026-10-19T04:00:00Z",
            Channel::Shop,
        );
        refund(
            &mut d,
            o,
            kind,
            RefundReason::Quality,
            requested,
            completed,
            disputed,
        );
    }
    d
}

#[test]
fn refund_only_hours_is_the_mean_request_to_completion_time_of_refund_only_cases_completed_in_the_recent_window_disputes_excluded(
) {
    let t = tally_of(
        &after_sales_market(),
        &no_guard(),
        0,
        MetricId::RefundOnlyHours,
    );
    assert_eq!(sum_n(t), (30.0, 2.0));
    assert_eq!(t.sum_sq, 100.0 + 400.0);
}

#[test]
fn return_refund_hours_is_the_same_for_return_and_refund_cases() {
    let t = tally_of(
        &after_sales_market(),
        &no_guard(),
        0,
        MetricId::ReturnRefundHours,
    );
    assert_eq!(sum_n(t), (50.0, 1.0));
}

#[test]
fn first_response_minutes_is_the_mean_minutes_to_the_first_answer_capped_at_60_with_unanswered_conversations_counting_60(
) {
    let mut d = market(1);
    conversation(&mut d, 0, "2026-11-10T04:00:00Z", Some(120)); // 2 min
    conversation(&mut d, 0, "2026-11-10T05:00:00Z", Some(7_200)); // 120 min → 60
    conversation(&mut d, 0, "2026-11-10T06:00:00Z", None); // unanswered → 60
    conversation(&mut d, 0, "2026-11-10T07:00:00Z", Some(3_599)); // 59.98 min
    conversation(&mut d, 0, "2026-10-20T07:00:00Z", Some(60)); // before the window
    let t = tally_of(&d, &no_guard(), 0, MetricId::FirstResponseMinutes);
    assert_eq!(t.n, 4.0);
    assert!(
        (t.sum - (2.0 + 60.0 + 60.0 + 3_599.0 / 60.0)).abs() < 1e-9,
        "{t:?}"
    );
}

#[test]
fn complaint_rate_is_complaints_in_the_recent_window_over_genuine_orders_paid_in_it_at_most_one_and_no_rate_without_orders(
) {
    let mut d = market(3);
    for i in 0..4 {
        order(&mut d, 0, &format!("b{i}"), RECENT, Channel::Shop);
    }
    complaint(&mut d, 0, "b0", "2026-11-11T04:00:00Z");
    complaint(&mut d, 0, "b1", "2026-10-01T04:00:00Z"); // before the window
                                                        // m1: complaints but no orders in the window.
    order(&mut d, 1, "old", "2026-09-20T04:00:00Z", Channel::Shop);
    complaint(&mut d, 1, "old", "2026-11-11T04:00:00Z");
    // m2: more complaints than orders.
    order(&mut d, 2, "c0", RECENT, Channel::Shop);
    for _ in 0..3 {
        complaint(&mut d, 2, "c0", "2026-11-12T04:00:00Z");
    }
    let t = tally::tally_all(&d, as_of(), &no_guard());
    assert_eq!(sum_n(t[0].tally(MetricId::ComplaintRate)), (1.0, 4.0));
    assert_eq!(t[1].tally(MetricId::ComplaintRate).value(), None);
    assert_eq!(sum_n(t[2].tally(MetricId::ComplaintRate)), (1.0, 1.0));
}

#[test]
fn ship_within_48h_rate_is_orders_paid_in_t30_to_t3_shipped_within_48_hours_of_payment_over_those_orders(
) {
    let mut d = market(1);
    let shipped_after = |d: &mut Dataset, paid: &str, seconds: Option<i64>| {
        let o = order(d, 0, "b", paid, Channel::Shop);
        d.orders[o].shipped_at = seconds.map(|s| d.orders[o].paid_at.plus_seconds(s));
        d.orders[o].delivered_at = None;
    };
    shipped_after(&mut d, RECENT, Some(48 * 3600 - 1)); // on time
    shipped_after(&mut d, RECENT, Some(48 * 3600)); // exactly 48 h: on time
    shipped_after(&mut d, RECENT, Some(48 * 3600 + 1)); // late
    shipped_after(&mut d, RECENT, None); // not shipped: late
    shipped_after(&mut d, "2026-10-24T16:00:00Z", Some(3600)); // first instant of T-30: in
    shipped_after(&mut d, "2026-10-24T15:59:59Z", Some(3600)); // T-31: out
    shipped_after(&mut d, "2026-11-21T15:59:59Z", Some(3600)); // last second of T-3: in
    shipped_after(&mut d, "2026-11-21T16:00:00Z", Some(3600)); // T-2: out (its 48 h are not over)
    let t = tally_of(&d, &no_guard(), 0, MetricId::ShipWithin48hRate);
    assert_eq!(sum_n(t), (4.0, 6.0));
}

#[test]
fn delivery_hours_is_the_mean_payment_to_delivery_time_of_orders_delivered_in_the_recent_window() {
    let mut d = market(1);
    let a = order(&mut d, 0, "b1", RECENT, Channel::Shop); // 60 h
    let b = order(&mut d, 0, "b2", RECENT, Channel::Shop);
    d.orders[b].delivered_at = Some(d.orders[b].paid_at.plus_seconds(30 * 3600)); // 30 h
    let c = order(&mut d, 0, "b3", "2026-11-23T04:00:00Z", Channel::Shop);
    // Delivered on T: outside the window.
    d.orders[c].delivered_at = Some(ts("2026-11-24T01:00:00Z"));
    let e = order(&mut d, 0, "b4", RECENT, Channel::Shop);
    d.orders[e].delivered_at = None;
    // Paid before the window, delivered inside it: counts (the window is of deliveries).
    let f = order(&mut d, 0, "b5", "2026-10-23T16:00:00Z", Channel::Shop);
    d.orders[f].delivered_at = Some(ts("2026-10-26T04:00:00Z")); // 60 h
    let _ = a;
    let t = tally_of(&d, &no_guard(), 0, MetricId::DeliveryHours);
    assert_eq!(sum_n(t), (150.0, 3.0));
}

#[test]
fn live_engagement_is_comments_per_1000_viewer_minutes_per_session_started_in_the_recent_window_averaged_over_sessions(
) {
    let mut d = market(1);
    // 100 viewers for 600 s = 1 000 viewer-minutes; 2 comments a second = 1 200 comments.
    session(&mut d, 0, "2026-11-10T12:00:00Z", 600, 100, 2);
    // 10 viewers for 60 s = 10 viewer-minutes; 1 comment a second = 60 → 6 000 per 1 000.
    session(&mut d, 0, "2026-11-11T12:00:00Z", 60, 10, 1);
    // No viewers: no rate, not a zero.
    session(&mut d, 0, "2026-11-12T12:00:00Z", 60, 0, 0);
    // Started before the window.
    session(&mut d, 0, "2026-10-20T12:00:00Z", 60, 10, 5);
    let t = tally_of(&d, &no_guard(), 0, MetricId::LiveEngagement);
    assert_eq!(t.n, 2.0);
    assert!((t.sum - (1_200.0 + 6_000.0)).abs() < 1e-9, "{t:?}");
}

#[test]
fn explain_coverage_is_on_air_intervals_with_an_explain_mark_of_their_product_inside_them_over_on_air_intervals(
) {
    let mut d = market(1);
    d.products.push(Product {
        id: "p0b".into(),
        merchant_id: "m0".into(),
        title: "苹果".into(),
        list_price_fen: 2000,
        category_id: "c-fresh".into(),
    });
    let s = session(&mut d, 0, "2026-11-10T12:00:00Z", 400, 10, 0);
    let on = |p: &str, a: u32, b: u32| OnAirInterval {
        product_id: p.into(),
        start_second: a,
        end_second: b,
    };
    let mark = |p: &str, second: u32| ExplainMark {
        product_id: p.into(),
        second,
    };
    d.live_sessions[s].on_air = vec![
        on("p0", 0, 100),
        on("p0", 100, 200),
        on("p0b", 200, 300),
        on("p0", 300, 400),
    ];
    d.live_sessions[s].explain_marks = vec![
        mark("p0", 50),   // explains the first interval
        mark("p0b", 150), // another product during the second: not an explanation of it
        mark("p0b", 300), // the third interval ends at 300 (exclusive)
        mark("p0", 399),  // the fourth's last second
    ];
    let t = tally_of(&d, &no_guard(), 0, MetricId::ExplainCoverage);
    assert_eq!(sum_n(t), (2.0, 4.0));
}

#[test]
fn the_recent_window_is_t30_to_t1_in_shanghai_days() {
    let mut d = market(1);
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
    assert_eq!(
        tally::tally_all(&d, as_of(), &no_guard())[0].recent_orders,
        2
    );
}

#[test]
fn the_lagged_window_is_t44_to_t15_at_its_first_and_last_day() {
    let mut d = market(1);
    for paid in [
        "2026-10-10T16:00:00Z", // first instant of T-44: in
        "2026-10-10T15:59:59Z", // T-45: out
        "2026-11-09T15:59:59Z", // last second of T-15: in
        "2026-11-09T16:00:00Z", // T-14: out
    ] {
        order(&mut d, 0, "b", paid, Channel::Shop);
    }
    let t = tally_of(&d, &no_guard(), 0, MetricId::QualityRefundRate);
    assert_eq!(t.n, 2.0);
}

#[test]
fn refunds_and_reviews_count_toward_lagged_metrics_within_14_days_of_payment() {
    let mut d = market(1);
    let a = order(&mut d, 0, "b1", "2026-11-01T04:00:00Z", Channel::Shop);
    refund(
        &mut d,
        a,
        RefundKind::RefundOnly,
        RefundReason::Quality,
        "2026-11-15T04:00:00Z",
        None,
        false,
    ); // exactly 14 days
    let b = order(&mut d, 0, "b2", "2026-11-01T04:00:00Z", Channel::Shop);
    refund(
        &mut d,
        b,
        RefundKind::RefundOnly,
        RefundReason::Quality,
        "2026-11-15T04:00:01Z",
        None,
        false,
    ); // 1 s later
    let t = tally_of(&d, &no_guard(), 0, MetricId::QualityRefundRate);
    assert_eq!(sum_n(t), (1.0, 2.0));
}

#[test]
fn a_case_whose_end_is_before_its_start_is_not_counted() {
    let mut d = market(1);
    let a = order(&mut d, 0, "b1", RECENT, Channel::Shop);
    d.orders[a].delivered_at = Some(d.orders[a].paid_at.plus_seconds(-3600));
    refund(
        &mut d,
        a,
        RefundKind::RefundOnly,
        RefundReason::Quality,
        "2026-11-12T00:00:00Z",
        Some("2026-11-11T00:00:00Z"),
        false,
    );
    let b = order(&mut d, 0, "b2", RECENT, Channel::Shop);
    d.orders[b].shipped_at = Some(d.orders[b].paid_at.plus_seconds(-60));
    d.orders[b].delivered_at = None;
    let t = tally::tally_all(&d, as_of(), &no_guard());
    assert_eq!(t[0].tally(MetricId::DeliveryHours).n, 0.0);
    assert_eq!(t[0].tally(MetricId::RefundOnlyHours).n, 0.0);
    // The other order (a) shipped 20 h after payment: one shipping case, not two.
    assert_eq!(sum_n(t[0].tally(MetricId::ShipWithin48hRate)), (1.0, 1.0));
}

#[test]
fn only_reviews_of_delivered_orders_written_by_their_buyer_at_or_after_delivery_count() {
    let mut d = market(1);
    let undelivered = order(&mut d, 0, "b0", "2026-11-01T04:00:00Z", Channel::Shop);
    d.orders[undelivered].delivered_at = None;
    review(&mut d, undelivered, 1, Some(1), 5);
    let early = order(&mut d, 0, "b1", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, early, 1, Some(1), -1); // an hour before delivery
    let other = order(&mut d, 0, "b2", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, other, 1, Some(1), 5);
    d.reviews.last_mut().unwrap().buyer_id = "someone-else".into();
    let ok = order(&mut d, 0, "b3", "2026-11-01T04:00:00Z", Channel::Shop);
    review(&mut d, ok, 2, Some(2), 0); // at delivery: counts
    let t = &tally::tally_all(&d, as_of(), &no_guard())[0];
    assert_eq!(t.guard.ignored_reviews, 3);
    assert_eq!(sum_n(t.tally(MetricId::DissatisfactionRate)), (1.0, 1.0));
}

#[test]
fn in_the_dissatisfaction_rate_at_most_3_reviews_of_one_buyer_count_in_the_window_the_earliest() {
    let mut d = market(1);
    // Five reviews of one buyer in the lagged window: the first three count (all dissatisfied),
    // the two later (satisfied) are capped.
    for (i, quality) in [1, 1, 1, 5, 5].into_iter().enumerate() {
        let o = order(
            &mut d,
            0,
            "b1",
            &format!("2026-11-0{}T04:00:00Z", i + 1),
            Channel::Shop,
        );
        review(&mut d, o, quality, Some(quality), 5);
    }
    // Another buyer's reviews of orders before the window do not use up the cap in it.
    for i in 0..3 {
        let o = order(
            &mut d,
            0,
            "b2",
            &format!("2026-09-0{}T04:00:00Z", i + 1),
            Channel::Shop,
        );
        review(&mut d, o, 5, Some(5), 5);
    }
    for i in 0..2 {
        let o = order(
            &mut d,
            0,
            "b2",
            &format!("2026-11-0{}T05:00:00Z", i + 1),
            Channel::Shop,
        );
        review(&mut d, o, 5, Some(5), 5);
    }
    let t = &tally::tally_all(&d, as_of(), &no_guard())[0];
    assert_eq!(sum_n(t.tally(MetricId::DissatisfactionRate)), (3.0, 5.0));
    assert_eq!(t.guard.capped_reviews, 2);
}

#[test]
fn enums_name_themselves_as_serde_does() {
    use crate::index::config::json_name;
    for d in crate::index::Dimension::ALL {
        assert_eq!(d.json_name(), json_name(d));
    }
    for m in MetricId::ALL {
        assert_eq!(m.json_name(), json_name(m));
    }
    for t in crate::peer_tier::PeerTier::ALL {
        assert_eq!(t.json_name(), json_name(t));
    }
    for s in crate::index::report::DataStatus::ALL {
        assert_eq!(s.json_name(), json_name(s));
    }
    for s in crate::index::report::PlacementStatus::ALL {
        assert_eq!(s.json_name(), json_name(s));
    }
    for p in crate::reviews::tags::Polarity::ALL {
        assert_eq!(p.json_name(), json_name(p));
    }
}
