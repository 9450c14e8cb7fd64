//! Index tests on hand-built marketplaces. `metrics` has one test per rule of
//! docs/index-methodology.md ("Metrics" and "Windows"), named after the rule; `guard` the brushing
//! guard's rules around their thresholds; `scoring` shrinkage, missing data, peers, tiers,
//! what-if and sharding; `attacks` property tests that attack demo merchants and the false-positive
//! measurement on the demo.

mod attacks;
mod guard;
mod metrics;
mod scoring;

use super::metric::Tally;
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

/// The default configuration with the brushing guard switched off, for tests of the metric
/// definitions on hand-built data (whose one-shop buyers and same-hour orders would otherwise be
/// evidence).
fn no_guard() -> IndexConfig {
    let mut c = IndexConfig::default();
    c.guard.discount_from_points = u32::MAX;
    c
}

fn tally_of(d: &Dataset, config: &IndexConfig, merchant: usize, metric: MetricId) -> Tally {
    tally::tally_all(d, as_of(), config)[merchant].tally(metric)
}

/// `(sum, n)` of a rate's tally or `(sum, n)` of a mean's.
fn sum_n(t: Tally) -> (f64, f64) {
    (t.sum, t.n)
}

fn refund(
    d: &mut Dataset,
    order: usize,
    kind: RefundKind,
    reason: RefundReason,
    requested: &str,
    completed: Option<&str>,
    disputed: bool,
) {
    d.orders[order].refund = Some(Refund {
        kind,
        reason,
        requested_at: ts(requested),
        completed_at: completed.map(ts),
        disputed,
    });
}

fn conversation(d: &mut Dataset, merchant: usize, started: &str, first_response: Option<u32>) {
    let id = format!("e{}", d.service_events.len());
    d.service_events.push(ServiceEvent::Conversation {
        id,
        merchant_id: format!("m{merchant}"),
        buyer_id: "talker".into(),
        started_at: ts(started),
        first_response_seconds: first_response,
    });
}

fn complaint(d: &mut Dataset, merchant: usize, buyer: &str, created: &str) {
    let id = format!("e{}", d.service_events.len());
    d.service_events.push(ServiceEvent::Complaint {
        id,
        merchant_id: format!("m{merchant}"),
        buyer_id: buyer.into(),
        order_id: None,
        created_at: ts(created),
        reason: ComplaintReason::Quality,
    });
}

/// A live session of `seconds` seconds with constant viewers and comments per second.
fn session(
    d: &mut Dataset,
    merchant: usize,
    start: &str,
    seconds: u32,
    viewers: u32,
    comments: u32,
) -> usize {
    let start_at = ts(start);
    let n = seconds as usize;
    d.live_sessions.push(LiveSession {
        id: format!("s{}", d.live_sessions.len()),
        merchant_id: format!("m{merchant}"),
        start_at,
        end_at: start_at.plus_seconds(i64::from(seconds)),
        signals: Some(SessionSignals {
            viewers: vec![viewers; n],
            comments: vec![comments; n],
            likes: vec![0; n],
            gifts: vec![0; n],
            orders: vec![0; n],
            gmv_fen: vec![0; n],
        }),
        summary: None,
        on_air: Vec::new(),
        explain_marks: Vec::new(),
        staged: Vec::new(),
        transcript: Vec::new(),
    });
    d.live_sessions.len() - 1
}

fn report_of(d: &Dataset, merchant: &str, config: &IndexConfig) -> IndexReport {
    market_index(d, as_of(), config)
        .unwrap()
        .report(merchant, config)
        .unwrap()
}

fn metric_of(r: &IndexReport, metric: MetricId) -> &report::MetricReport {
    r.metrics.iter().find(|m| m.metric == metric).unwrap()
}

fn dimension_of(r: &IndexReport, d: Dimension) -> &report::DimensionReport {
    r.dimensions.iter().find(|x| x.dimension == d).unwrap()
}
