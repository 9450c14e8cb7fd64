//! One pass over a dataset: each merchant's sufficient statistics for every metric, with the
//! review guard applied (only reviews of delivered orders count, one buyer's weight is capped,
//! bursts are down-weighted and reported).

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::config::IndexConfig;
use super::metric::{MetricId, Tally};
use crate::model::{
    Channel, Dataset, DayWindow, LocalDate, RefundKind, RefundReason, ServiceEvent, Timestamp,
    ValueForMoney,
};

const HOUR: f64 = 3600.0;
const DAY_SECONDS: i64 = 24 * 3600;

/// A span of unusually many reviews, reported to the merchant and down-weighted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReviewBurst {
    pub first_day: LocalDate,
    pub last_day: LocalDate,
    pub reviews: u32,
    /// The merchant's usual number of reviews in 48 hours (median).
    pub usual: f64,
}

/// What the review guard did for one merchant.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GuardSummary {
    /// Reviews not tied to a delivered order of this merchant by its buyer (not counted).
    pub ignored_reviews: u32,
    /// Reviews beyond the per-buyer cap (not counted).
    pub capped_reviews: u32,
    /// Reviews inside bursts (counted with a small weight).
    pub down_weighted_reviews: u32,
    pub bursts: Vec<ReviewBurst>,
}

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
    /// Orders paid in the recent window.
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

fn hours(from: Timestamp, to: Timestamp) -> f64 {
    (to.unix() - from.unix()) as f64 / HOUR
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
    let n = dataset.merchants.len();
    let mut tallies = vec![vec![Tally::default(); MetricId::ALL.len()]; n];
    let mut recent_orders = vec![0u64; n];
    // Per merchant: buyer → (orders in the recent window, live-room orders among them).
    let mut buyers: Vec<FxHashMap<&str, (u32, u32)>> = vec![FxHashMap::default(); n];
    // Per merchant: buyer → orders ever (one-time buyers are who brushed reviews come from).
    let mut lifetime_orders: Vec<FxHashMap<&str, u32>> = vec![FxHashMap::default(); n];
    let mut order_index: FxHashMap<&str, usize> = FxHashMap::default();
    order_index.reserve(dataset.orders.len());

    for (oi, o) in dataset.orders.iter().enumerate() {
        let Some(&m) = merchant_index.get(o.merchant_id.as_str()) else {
            continue;
        };
        order_index.insert(o.id.as_str(), oi);
        *lifetime_orders[m].entry(o.buyer_id.as_str()).or_default() += 1;
        let t = &mut tallies[m];
        if recent.contains(o.paid_at) {
            recent_orders[m] += 1;
            let entry = buyers[m].entry(o.buyer_id.as_str()).or_default();
            entry.0 += 1;
            if o.channel == Channel::LiveRoom {
                entry.1 += 1;
            }
        }
        if lagged.contains(o.paid_at) {
            let quality_refund = o.refund.as_ref().is_some_and(|r| {
                r.reason == RefundReason::Quality
                    && r.requested_at.unix() - o.paid_at.unix() <= settle
            });
            t[MetricId::QualityRefundRate.index()].add_case(quality_refund, 1.0);
        }
        if ship.contains(o.paid_at) {
            let on_time = o.shipped_at.is_some_and(|s| hours(o.paid_at, s) <= 48.0);
            t[MetricId::ShipWithin48hRate.index()].add_case(on_time, 1.0);
        }
        if let Some(delivered) = o.delivered_at.filter(|&d| recent.contains(d)) {
            t[MetricId::DeliveryHours.index()].add_value(hours(o.paid_at, delivered).max(0.0));
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
                t[metric.index()].add_value(hours(r.requested_at, done).max(0.0));
            }
        }
    }
    for (m, b) in buyers.iter().enumerate() {
        let t = &mut tallies[m][MetricId::RepeatBuyerRate.index()];
        for &(_, live) in b.values() {
            t.add_case(live >= 2, 1.0);
        }
    }

    let guards = review_metrics(
        dataset,
        as_of,
        config,
        &merchant_index,
        &order_index,
        &lifetime_orders,
        &recent,
        &lagged,
        settle,
        &mut tallies,
    );

    for e in &dataset.service_events {
        let Some(&m) = merchant_index.get(e.merchant_id()) else {
            continue;
        };
        match e {
            ServiceEvent::Conversation {
                started_at,
                first_response_seconds,
                ..
            } if recent.contains(*started_at) => {
                let minutes =
                    first_response_seconds.map_or(60.0, |s| (f64::from(s) / 60.0).min(60.0));
                tallies[m][MetricId::FirstResponseMinutes.index()].add_value(minutes);
            }
            ServiceEvent::Complaint { created_at, .. } if recent.contains(*created_at) => {
                tallies[m][MetricId::ComplaintRate.index()].sum += 1.0;
            }
            _ => {}
        }
    }
    for (m, t) in tallies.iter_mut().enumerate() {
        // Complaints are a share of the recent orders (a complaint without orders still counts).
        let c = &mut t[MetricId::ComplaintRate.index()];
        c.n = (recent_orders[m] as f64).max(c.sum);
    }

    for s in &dataset.live_sessions {
        let Some(&m) = merchant_index.get(s.merchant_id.as_str()) else {
            continue;
        };
        if !recent.contains(s.start_at) {
            continue;
        }
        let viewer_minutes = s.signals.viewers.iter().map(|&v| f64::from(v)).sum::<f64>() / 60.0;
        if viewer_minutes > 0.0 {
            let comments: f64 = s.signals.comments.iter().map(|&c| f64::from(c)).sum();
            tallies[m][MetricId::LiveEngagement.index()]
                .add_value(comments * 1000.0 / viewer_minutes);
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
        .zip(guards)
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

/// Day number of an instant in Asia/Shanghai (for burst spans).
fn day_number(t: Timestamp) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&t.local_date().0))
}

fn local_date_of_day(day: i64) -> Option<LocalDate> {
    i32::try_from(day)
        .ok()
        .and_then(chrono::NaiveDate::from_num_days_from_ce_opt)
        .map(LocalDate)
}

#[allow(clippy::too_many_arguments)]
fn review_metrics(
    dataset: &Dataset,
    as_of: LocalDate,
    config: &IndexConfig,
    merchant_index: &FxHashMap<&str, usize>,
    order_index: &FxHashMap<&str, usize>,
    lifetime_orders: &[FxHashMap<&str, u32>],
    recent: &Bounds,
    lagged: &Bounds,
    settle: i64,
    tallies: &mut [Vec<Tally>],
) -> Vec<GuardSummary> {
    let guard = &config.review_guard;
    let mut summaries = vec![GuardSummary::default(); tallies.len()];
    // Eligible reviews per merchant: (review index, order index).
    let mut eligible: Vec<Vec<(usize, usize)>> = vec![Vec::new(); tallies.len()];
    let history_start = day_number(as_of.start()) - 60;
    for (ri, r) in dataset.reviews.iter().enumerate() {
        let Some(&oi) = order_index.get(r.order_id.as_str()) else {
            continue;
        };
        let o = &dataset.orders[oi];
        let Some(&m) = merchant_index.get(o.merchant_id.as_str()) else {
            continue;
        };
        let delivered_before = o.delivered_at.is_some_and(|d| d <= r.created_at);
        if !delivered_before || o.buyer_id != r.buyer_id {
            summaries[m].ignored_reviews += 1;
            continue;
        }
        eligible[m].push((ri, oi));
    }
    for (m, reviews) in eligible.iter_mut().enumerate() {
        reviews.sort_by_key(|&(ri, _)| (dataset.reviews[ri].created_at, ri));
        // Reviews per Asia/Shanghai day over the last 60 days, for burst detection.
        // Bought reviews look alike: an extreme rating from a buyer whose only order with this
        // shop is the reviewed one. Bursts are counted on those, so a burst of them stands out
        // even in a shop with many genuine reviews.
        let suspicious = |ri: usize| {
            let r = &dataset.reviews[ri];
            let one_time = lifetime_orders[m]
                .get(r.buyer_id.as_str())
                .copied()
                .unwrap_or(0)
                <= 1;
            one_time && (r.ratings.overall == 5 || r.ratings.overall <= 1)
        };
        let mut per_day: std::collections::BTreeMap<i64, u32> = std::collections::BTreeMap::new();
        for &(ri, _) in reviews.iter() {
            let d = day_number(dataset.reviews[ri].created_at);
            if d >= history_start && suspicious(ri) {
                *per_day.entry(d).or_default() += 1;
            }
        }
        let last_day = day_number(as_of.start()) - 1;
        let spans: Vec<u32> = (history_start + 1..=last_day)
            .map(|d| {
                per_day.get(&(d - 1)).copied().unwrap_or(0) + per_day.get(&d).copied().unwrap_or(0)
            })
            .collect();
        let usual = median(&spans);
        // Every 48-hour span is judged; a day is a burst day when any span containing it is a
        // burst, and consecutive burst days are reported as one burst.
        let count_of = |d: i64| per_day.get(&d).copied().unwrap_or(0);
        let mut burst_days: Vec<i64> = Vec::new();
        for d in history_start + 1..=last_day {
            let count = count_of(d - 1) + count_of(d);
            if count >= guard.burst_min_reviews
                && f64::from(count) > guard.burst_ratio * usual.max(1.0)
            {
                for day in [d - 1, d] {
                    if !burst_days.contains(&day) {
                        burst_days.push(day);
                    }
                }
            }
        }
        let mut i = 0;
        while i < burst_days.len() {
            let first = burst_days[i];
            let mut last = first;
            while i + 1 < burst_days.len() && burst_days[i + 1] == last + 1 {
                i += 1;
                last = burst_days[i];
            }
            summaries[m].bursts.push(ReviewBurst {
                first_day: local_date_of_day(first).unwrap_or(as_of),
                last_day: local_date_of_day(last).unwrap_or(as_of),
                reviews: (first..=last).map(count_of).sum(),
                usual,
            });
            i += 1;
        }
        let mut per_buyer: FxHashMap<&str, u32> = FxHashMap::default();
        // The latest review of each reviewer in the recent window decides "positive reviewer".
        // Ordered by buyer so the weighted sum is added up in the same order on every platform.
        let mut reviewer_latest: std::collections::BTreeMap<&str, (bool, f64)> =
            std::collections::BTreeMap::new();
        for &(ri, oi) in reviews.iter() {
            let r = &dataset.reviews[ri];
            let o = &dataset.orders[oi];
            let count = per_buyer.entry(r.buyer_id.as_str()).or_default();
            *count += 1;
            if *count > guard.max_reviews_per_buyer {
                summaries[m].capped_reviews += 1;
                continue;
            }
            // Inside a burst only the reviews that look bought are down-weighted; regular
            // customers' reviews on those days keep their full weight.
            let weight = if suspicious(ri) && burst_days.contains(&day_number(r.created_at)) {
                summaries[m].down_weighted_reviews += 1;
                guard.burst_weight
            } else {
                1.0
            };
            if recent.contains(r.created_at) {
                reviewer_latest.insert(r.buyer_id.as_str(), (r.ratings.overall >= 4, weight));
            }
            let rated = r.ratings.quality.is_some() || r.ratings.value_for_money.is_some();
            let in_time = r.created_at.unix() - o.paid_at.unix() <= settle;
            if lagged.contains(o.paid_at) && in_time && rated {
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
    summaries
}

fn median(values: &[u32]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mid = sorted.len() / 2;
    if sorted.len().is_multiple_of(2) {
        (f64::from(sorted[mid - 1]) + f64::from(sorted[mid])) / 2.0
    } else {
        f64::from(sorted[mid])
    }
}
