//! From records to each merchant's sufficient statistics for every metric, after the brushing
//! guard ([`super::guard`]) has decided whose orders and reviews are discounted. The metric
//! definitions are in docs/index-methodology.md; each rule there has a test named after it.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::config::IndexConfig;
use super::guard::{self, GuardSummary};
use super::metric::{MetricId, Tally};
use crate::model::{
    Channel, Dataset, DayWindow, LocalDate, RefundKind, RefundReason, ServiceEvent, Timestamp,
    ValueForMoney,
};

const HOUR: f64 = 3600.0;
const DAY_SECONDS: i64 = 24 * 3600;

/// Everything the index needs to know about one merchant, without the records themselves.
/// Serializable: a platform can send it to a browser together with the category's peer
/// statistics, and the browser computes the same report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MerchantTallies {
    pub merchant_id: String,
    /// One tally per metric, in `MetricId::ALL` order.
    pub tallies: Vec<Tally>,
    /// Genuine (not discounted) orders paid in the recent window.
    pub recent_orders: u64,
    pub guard: GuardSummary,
}

impl MerchantTallies {
    pub fn tally(&self, metric: MetricId) -> Tally {
        self.tallies
            .get(metric.index())
            .copied()
            .unwrap_or_default()
    }
}

struct Bounds {
    start: i64,
    end: i64,
}

impl Bounds {
    fn of(window: DayWindow) -> Self {
        let (s, e) = window.utc_bounds();
        Bounds {
            start: s.unix(),
            end: e.unix(),
        }
    }

    fn contains(&self, t: Timestamp) -> bool {
        let t = t.unix();
        self.start <= t && t < self.end
    }
}

/// Hours from `from` to `to`; None when `to` is before `from` (such records are invalid — the
/// importer rejects them — and a negative duration is not counted as a perfect one).
fn hours(from: Timestamp, to: Timestamp) -> Option<f64> {
    let seconds = to.unix() - from.unix();
    (seconds >= 0).then(|| seconds as f64 / HOUR)
}

/// Computes the tallies of every merchant of `dataset` as of the start of `as_of` (T).
pub fn tally_all(
    dataset: &Dataset,
    as_of: LocalDate,
    config: &IndexConfig,
) -> Vec<MerchantTallies> {
    let w = &config.windows;
    let recent = Bounds::of(DayWindow::trailing(
        as_of,
        w.recent.0.into(),
        w.recent.1.into(),
    ));
    let lagged = Bounds::of(DayWindow::trailing(
        as_of,
        w.lagged.0.into(),
        w.lagged.1.into(),
    ));
    // Shipping is judged on orders at least two days old, so every order had its 48 hours.
    let ship = Bounds::of(DayWindow::trailing(
        as_of,
        w.recent.0.into(),
        u64::from(w.recent.1).max(3),
    ));
    let settle = i64::from(w.settle_days) * DAY_SECONDS;

    let merchant_index: FxHashMap<&str, usize> = dataset
        .merchants
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let assessment = guard::assess(dataset, as_of, config, &merchant_index);
    let mut summaries = assessment.summaries.clone();
    let n = dataset.merchants.len();
    let mut tallies = vec![vec![Tally::default(); MetricId::ALL.len()]; n];
    let mut recent_orders = vec![0u64; n];
    // Per (shop, buyer) pair with an order in the recent window: its live-room orders there.
    let mut recent_live: Vec<Option<u32>> = vec![None; assessment.standings.len()];
    let weight_of = |m: usize, buyer: &str| assessment.buyer_verdict(m, buyer, &config.guard).1;

    for (oi, o) in dataset.orders.iter().enumerate() {
        let Some(m) = assessment.merchant_of_order(oi) else {
            continue;
        };
        let (discounted, weight) = assessment.order_verdict(oi, &config.guard);
        let t = &mut tallies[m];
        if recent.contains(o.paid_at) {
            if discounted {
                summaries[m].discounted_recent_orders += 1;
            } else {
                recent_orders[m] += 1;
            }
            let pair = assessment.pair_of_order[oi] as usize;
            let live = recent_live[pair].get_or_insert(0);
            if o.channel == Channel::LiveRoom {
                *live += 1;
            }
        }
        if weight <= 0.0 {
            continue;
        }
        if lagged.contains(o.paid_at) {
            let quality_refund = o.refund.as_ref().is_some_and(|r| {
                r.reason == RefundReason::Quality
                    && r.requested_at.unix() - o.paid_at.unix() <= settle
            });
            t[MetricId::QualityRefundRate.index()].add_case(quality_refund, weight);
        }
        if ship.contains(o.paid_at) {
            // Unshipped is late; shipped before it was paid is not a case at all.
            let shipped = o.shipped_at.map(|s| hours(o.paid_at, s));
            if let Some(on_time) = match shipped {
                None => Some(false),
                Some(Some(h)) => Some(h <= 48.0),
                Some(None) => None,
            } {
                t[MetricId::ShipWithin48hRate.index()].add_case(on_time, weight);
            }
        }
        if let Some(delivered) = o.delivered_at.filter(|&d| recent.contains(d)) {
            if let Some(h) = hours(o.paid_at, delivered) {
                t[MetricId::DeliveryHours.index()].add_weighted_value(h, weight);
            }
        }
        if let Some(r) = &o.refund {
            if let Some(done) = r
                .completed_at
                .filter(|&d| recent.contains(d) && !r.disputed)
            {
                let metric = match r.kind {
                    RefundKind::RefundOnly => MetricId::RefundOnlyHours,
                    RefundKind::ReturnAndRefund => MetricId::ReturnRefundHours,
                };
                if let Some(h) = hours(r.requested_at, done) {
                    t[metric.index()].add_weighted_value(h, weight);
                }
            }
        }
    }
    for (m, t) in tallies.iter_mut().enumerate() {
        let t = &mut t[MetricId::RepeatBuyerRate.index()];
        // Added in pair order (first orders), so the sum is the same on every platform.
        for &pair in assessment.pairs_at(m) {
            let pair = pair as usize;
            let Some(live) = recent_live[pair] else {
                continue;
            };
            let weight = if assessment.standings[pair].discounted {
                config.guard.discount_weight
            } else {
                1.0
            };
            if weight > 0.0 {
                t.add_case(live >= 2, weight);
            }
        }
    }
    drop(recent_live);

    review_metrics(
        dataset,
        config,
        &assessment,
        &recent,
        &lagged,
        settle,
        &mut tallies,
        &mut summaries,
    );

    let mut complaints = vec![0.0f64; n];
    for e in &dataset.service_events {
        let Some(&m) = merchant_index.get(e.merchant_id()) else {
            continue;
        };
        match e {
            ServiceEvent::Conversation {
                buyer_id,
                started_at,
                first_response_seconds,
                ..
            } if recent.contains(*started_at) => {
                let weight = weight_of(m, buyer_id);
                if weight > 0.0 {
                    let minutes =
                        first_response_seconds.map_or(60.0, |s| (f64::from(s) / 60.0).min(60.0));
                    tallies[m][MetricId::FirstResponseMinutes.index()]
                        .add_weighted_value(minutes, weight);
                }
            }
            ServiceEvent::Complaint {
                buyer_id,
                created_at,
                ..
            } if recent.contains(*created_at) => {
                complaints[m] += weight_of(m, buyer_id);
            }
            _ => {}
        }
    }
    for (m, t) in tallies.iter_mut().enumerate() {
        // Complaints are a share of the recent genuine orders, at most all of them; without
        // orders there is no rate (complaints about older orders alone do not make one).
        let orders = recent_orders[m] as f64;
        let c = &mut t[MetricId::ComplaintRate.index()];
        c.n = orders;
        c.sum = complaints[m].min(orders);
    }

    for s in &dataset.live_sessions {
        let Some(&m) = merchant_index.get(s.merchant_id.as_str()) else {
            continue;
        };
        if !recent.contains(s.start_at) {
            continue;
        }
        if let Some((viewer_minutes, comments)) = s.audience().filter(|a| a.0 > 0.0) {
            tallies[m][MetricId::LiveEngagement.index()]
                .add_value(comments as f64 * 1000.0 / viewer_minutes);
        }
        for a in &s.on_air {
            let explained = s.explain_marks.iter().any(|e| {
                e.product_id == a.product_id
                    && a.start_second <= e.second
                    && e.second < a.end_second
            });
            tallies[m][MetricId::ExplainCoverage.index()].add_case(explained, 1.0);
        }
    }

    dataset
        .merchants
        .iter()
        .zip(tallies)
        .zip(recent_orders)
        .zip(summaries)
        .map(
            |(((merchant, tallies), recent_orders), guard)| MerchantTallies {
                merchant_id: merchant.id.clone(),
                tallies,
                recent_orders,
                guard,
            },
        )
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn review_metrics(
    dataset: &Dataset,
    config: &IndexConfig,
    assessment: &guard::Assessment,
    recent: &Bounds,
    lagged: &Bounds,
    settle: i64,
    tallies: &mut [Vec<Tally>],
    summaries: &mut [GuardSummary],
) {
    let guard = &config.guard;
    for (m, reviews) in assessment.eligible.iter().enumerate() {
        // Reviews per buyer counted toward the dissatisfaction rate so far (the cap).
        let mut per_buyer: FxHashMap<&str, u32> = FxHashMap::default();
        // The latest review of each reviewer in the recent window decides "positive reviewer".
        // Ordered by buyer so the weighted sum is added up in the same order on every platform.
        let mut reviewer_latest: std::collections::BTreeMap<&str, (bool, f64)> =
            std::collections::BTreeMap::new();
        for &(ri, oi) in reviews {
            let r = &dataset.reviews[ri];
            let o = &dataset.orders[oi];
            let weight = assessment.order_verdict(oi, guard).1;
            if weight <= 0.0 {
                continue;
            }
            if recent.contains(r.created_at) {
                reviewer_latest.insert(r.buyer_id.as_str(), (r.ratings.overall >= 4, weight));
            }
            let rated = r.ratings.quality.is_some() || r.ratings.value_for_money.is_some();
            let in_time = r.created_at.unix() - o.paid_at.unix() <= settle;
            if lagged.contains(o.paid_at) && in_time && rated {
                let count = per_buyer.entry(r.buyer_id.as_str()).or_default();
                *count += 1;
                if *count > guard.max_reviews_per_buyer {
                    summaries[m].capped_reviews += 1;
                    continue;
                }
                let dissatisfied = r.ratings.quality.is_some_and(|q| q <= 3)
                    || r.ratings.value_for_money == Some(ValueForMoney::NotWorth);
                tallies[m][MetricId::DissatisfactionRate.index()].add_case(dissatisfied, weight);
            }
        }
        let positive = &mut tallies[m][MetricId::PositiveReviewRate.index()];
        for &(is_positive, weight) in reviewer_latest.values() {
            positive.add_case(is_positive, weight);
        }
    }
}
