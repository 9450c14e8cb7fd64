//! The brushing guard (刷单识别): which buyers' orders and reviews the index discounts at a shop,
//! from evidence a platform has, and the summary the merchant sees.
//!
//! Every piece of evidence adds points to a buyer's suspicion at one shop
//! ([`EvidencePoints`](super::config::EvidencePoints)); a buyer with at least
//! `discountFromPoints` is discounted there, and then none of its orders and reviews at that
//! shop count (they weigh `discountWeight`, 0 by default) — so brushed repeat purchases do not
//! make repeat buyers and a rating bomb does not sink the victim. The evidence:
//!
//! - about the account at this shop: registered shortly before its first order here
//!   (`newAccount`); never ordered anywhere else (`onlyThisShop`); its device or address cluster
//!   is shared by many buyers of this shop (`sharedDevice`, `sharedAddress`);
//! - about one order: paid inside a spike of orders of one product at no more than the shop's
//!   median unit price (`orderSpike`);
//! - about one review: a look-alike review inside a burst of them (`reviewBurst`), written right
//!   after delivery (`instantReview`), or the same text, once normalised, as an earlier review of
//!   another buyer at this shop (`copiedText`).
//!
//! A buyer's points are its account points plus the most its single most suspicious order (with
//! that order's review) adds: evidence must come together in one buyer, not be summed over a
//! loyal customer's many ordinary orders. The rules and their numbers are in
//! docs/index-methodology.md.

use rustc_hash::{FxHashMap, FxHasher};
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};

use super::config::{EvidencePoints, Guard, IndexConfig};
use crate::model::{Buyer, Dataset, LocalDate};

const DAY_SECONDS: i64 = 86_400;

/// One kind of brushing evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Evidence {
    NewAccount,
    OnlyThisShop,
    SharedDevice,
    SharedAddress,
    OrderSpike,
    ReviewBurst,
    InstantReview,
    CopiedText,
    LinkedToRing,
}

impl Evidence {
    pub const ALL: [Evidence; 9] = [
        Evidence::NewAccount,
        Evidence::OnlyThisShop,
        Evidence::SharedDevice,
        Evidence::SharedAddress,
        Evidence::OrderSpike,
        Evidence::ReviewBurst,
        Evidence::InstantReview,
        Evidence::CopiedText,
        Evidence::LinkedToRing,
    ];

    fn bit(self) -> u16 {
        1 << (self as u16)
    }

    pub fn points(self, p: &EvidencePoints) -> u32 {
        match self {
            Evidence::NewAccount => p.new_account,
            Evidence::OnlyThisShop => p.only_this_shop,
            Evidence::SharedDevice => p.shared_device,
            Evidence::SharedAddress => p.shared_address,
            Evidence::OrderSpike => p.order_spike,
            Evidence::ReviewBurst => p.review_burst,
            Evidence::InstantReview => p.instant_review,
            Evidence::CopiedText => p.copied_text,
            Evidence::LinkedToRing => p.linked_to_ring,
        }
    }
}

/// A set of evidence, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct EvidenceSet(u16);

impl EvidenceSet {
    fn with(self, e: Evidence, present: bool) -> Self {
        if present {
            EvidenceSet(self.0 | e.bit())
        } else {
            self
        }
    }

    fn union(self, other: EvidenceSet) -> Self {
        EvidenceSet(self.0 | other.0)
    }

    fn points(self, p: &EvidencePoints) -> u32 {
        self.iter().map(|e| e.points(p)).sum()
    }

    pub(crate) fn iter(self) -> impl Iterator<Item = Evidence> {
        Evidence::ALL
            .into_iter()
            .filter(move |e| self.0 & e.bit() != 0)
    }
}

/// A span of unusually many look-alike reviews (5★ or 1★ from a buyer whose only order with the
/// shop is the reviewed one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReviewBurst {
    pub first_day: LocalDate,
    pub last_day: LocalDate,
    /// Look-alike reviews on these days.
    pub reviews: u32,
    /// The usual number of look-alike reviews in 48 hours (the median over the history days).
    pub usual: f64,
}

/// A span of unusually many orders of one product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OrderSpike {
    pub product_id: String,
    pub first_day: LocalDate,
    pub last_day: LocalDate,
    pub orders: u32,
    /// The product's usual number of orders in 48 hours (the median over the history days).
    pub usual: f64,
}

/// How many discounted buyers showed one kind of evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct EvidenceCount {
    pub evidence: Evidence,
    pub buyers: u32,
}

/// One discounted buyer, as an example for the merchant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DiscountedBuyer {
    pub buyer_id: String,
    pub points: u32,
    pub evidence: Vec<Evidence>,
    /// The buyer's orders and eligible reviews at this shop (all discounted).
    pub orders: u32,
    pub reviews: u32,
}

/// Examples shown to the merchant, at most.
const EXAMPLES: usize = 5;

/// What the guard did for one merchant.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GuardSummary {
    /// Reviews not tied to a delivered order of this merchant by its buyer, or written before
    /// delivery (never counted).
    pub ignored_reviews: u32,
    /// Reviews beyond the per-buyer cap in a metric's window (not counted there).
    pub capped_reviews: u32,
    /// Buyers discounted at this shop, and their orders and eligible reviews.
    pub discounted_buyers: u32,
    pub discounted_orders: u32,
    pub discounted_reviews: u32,
    /// Discounted orders paid in the recent window (not part of `recentOrders`).
    pub discounted_recent_orders: u64,
    /// Per kind of evidence, how many discounted buyers showed it (kinds with none left out).
    pub reasons: Vec<EvidenceCount>,
    /// The most suspicious discounted buyers (most points first, at most five).
    pub examples: Vec<DiscountedBuyer>,
    pub bursts: Vec<ReviewBurst>,
    pub spikes: Vec<OrderSpike>,
}

/// One buyer at one shop.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Standing {
    pub orders: u32,
    pub first_paid: i64,
    pub reviews: u32,
    pub account: EvidenceSet,
    /// The evidence of the buyer's most suspicious order (with its review).
    pub activity: EvidenceSet,
    pub activity_points: u32,
    pub discounted: bool,
}

/// The guard's verdicts over a dataset.
#[derive(Debug)]
pub(crate) struct Assessment<'a> {
    /// Per merchant: every buyer that ordered there.
    pub standings: Vec<FxHashMap<&'a str, Standing>>,
    /// Per merchant: eligible reviews as (review index, order index), oldest first.
    pub eligible: Vec<Vec<(usize, usize)>>,
    pub summaries: Vec<GuardSummary>,
}

impl Assessment<'_> {
    /// Whether a buyer is discounted at merchant `m`, and the weight of its orders and reviews
    /// there: 1, or the discount weight.
    pub fn verdict(&self, m: usize, buyer: &str, guard: &Guard) -> (bool, f64) {
        match self.standings.get(m).and_then(|s| s.get(buyer)) {
            Some(s) if s.discounted => (true, guard.discount_weight),
            _ => (false, 1.0),
        }
    }

    pub fn weight(&self, m: usize, buyer: &str, guard: &Guard) -> f64 {
        self.verdict(m, buyer, guard).1
    }
}

/// The `history_days` whole Asia/Shanghai days before T, from the zone database.
struct HistoryDays {
    first: LocalDate,
    /// Start of each day, and one more: the start of T.
    starts: Vec<i64>,
}

impl HistoryDays {
    fn new(as_of: LocalDate, days: u32) -> Self {
        let first = as_of.minus_days(u64::from(days));
        let starts = (0..=u64::from(days))
            .map(|k| first.plus_days(k).start().unix())
            .collect();
        HistoryDays { first, starts }
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Index of the day `unix` falls on, None outside the history.
    fn day_of(&self, unix: i64) -> Option<usize> {
        let (first, last) = (*self.starts.first()?, *self.starts.last()?);
        if unix < first || unix >= last {
            return None;
        }
        Some(self.starts.partition_point(|&s| s <= unix) - 1)
    }

    fn date(&self, day: usize) -> LocalDate {
        self.first.plus_days(day as u64)
    }
}

/// Median of a list (0 for an empty one).
fn median(values: &mut [u32]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (f64::from(values[mid - 1]) + f64::from(values[mid])) / 2.0
    } else {
        f64::from(values[mid])
    }
}

/// Days inside unusual 48-hour spans of daily counts: a span of days `d-1` and `d` is unusual
/// with at least `min` and more than `ratio × max(usual, 1)`, where `usual` is the median span.
/// Returns the marked days and the usual count.
pub(crate) fn unusual_days(counts: &[u32], min: u32, ratio: f64) -> (Vec<bool>, f64) {
    let spans: Vec<u32> = counts.windows(2).map(|w| w[0] + w[1]).collect();
    let usual = median(&mut spans.clone());
    let mut marked = vec![false; counts.len()];
    for (d, &span) in spans.iter().enumerate() {
        if span >= min && f64::from(span) > ratio * usual.max(1.0) {
            marked[d] = true;
            marked[d + 1] = true;
        }
    }
    (marked, usual)
}

/// Consecutive marked days as `(first, last)` index pairs.
fn runs(marked: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (d, &m) in marked.iter().chain([false].iter()).enumerate() {
        match (m, start) {
            (true, None) => start = Some(d),
            (false, Some(s)) => {
                out.push((s, d - 1));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn text_key(text: &str, min_chars: u32) -> Option<u64> {
    let normal = crate::text::normalize(text);
    if crate::text::normalized_len(&normal) < min_chars as usize {
        return None;
    }
    let mut h = FxHasher::default();
    normal.hash(&mut h);
    Some(h.finish())
}

/// Runs the guard over `dataset` as of T. `merchant_index` maps merchant ids to positions and
/// `order_index` order ids to positions in `dataset.orders` (for orders of known merchants).
pub(crate) fn assess<'a>(
    dataset: &'a Dataset,
    as_of: LocalDate,
    config: &IndexConfig,
    merchant_index: &FxHashMap<&'a str, usize>,
    order_index: &FxHashMap<&'a str, usize>,
) -> Assessment<'a> {
    let guard = &config.guard;
    let n = dataset.merchants.len();
    let history = HistoryDays::new(as_of, guard.history_days);
    let h = history.len();

    // Pass 1 over orders: where each buyer shops, each buyer's standing at each shop, unit prices
    // and each product's daily orders over the history.
    // Where each buyer shops, by merchant id over every order in the data (also orders at
    // merchants the index does not score, such as another category's in a category slice).
    let mut shops_of: FxHashMap<&str, (&str, bool)> = FxHashMap::default();
    let mut standings: Vec<FxHashMap<&str, Standing>> = vec![FxHashMap::default(); n];
    let mut unit_prices: Vec<Vec<i64>> = vec![Vec::new(); n];
    let mut product_days: FxHashMap<(usize, &str), Vec<u32>> = FxHashMap::default();
    let mut merchant_of_order: Vec<u32> = vec![u32::MAX; dataset.orders.len()];
    for (oi, o) in dataset.orders.iter().enumerate() {
        shops_of
            .entry(o.buyer_id.as_str())
            .and_modify(|(first, multi)| *multi |= *first != o.merchant_id.as_str())
            .or_insert((o.merchant_id.as_str(), false));
        let Some(&m) = merchant_index.get(o.merchant_id.as_str()) else {
            continue;
        };
        merchant_of_order[oi] = m as u32;
        let paid = o.paid_at.unix();
        let s = standings[m].entry(o.buyer_id.as_str()).or_insert(Standing {
            first_paid: paid,
            ..Standing::default()
        });
        s.orders += 1;
        s.first_paid = s.first_paid.min(paid);
        if let Some(day) = history.day_of(paid) {
            unit_prices[m].push(o.amount_fen / i64::from(o.quantity.max(1)));
            product_days
                .entry((m, o.product_id.as_str()))
                .or_insert_with(|| vec![0; h])[day] += 1;
        }
    }
    let median_price: Vec<i64> = unit_prices
        .iter_mut()
        .map(|p| {
            if p.is_empty() {
                return 0;
            }
            let mid = (p.len() - 1) / 2;
            *p.select_nth_unstable(mid).1
        })
        .collect();
    drop(unit_prices);

    let mut summaries = vec![GuardSummary::default(); n];
    // Spikes: per product, the days inside unusual spans.
    let mut spike_days: FxHashMap<(usize, &str), Vec<bool>> = FxHashMap::default();
    let mut products: Vec<(&(usize, &str), &Vec<u32>)> = product_days.iter().collect();
    products.sort_unstable_by_key(|(k, _)| **k);
    for (&(m, product), counts) in products {
        let (marked, usual) = unusual_days(counts, guard.spike_min_orders, guard.spike_ratio);
        let found = runs(&marked);
        if found.is_empty() {
            continue;
        }
        for (first, last) in found {
            summaries[m].spikes.push(OrderSpike {
                product_id: product.to_owned(),
                first_day: history.date(first),
                last_day: history.date(last),
                orders: counts[first..=last].iter().sum(),
                usual,
            });
        }
        spike_days.insert((m, product), marked);
    }
    drop(product_days);

    // Account evidence: registration, other shops, clusters shared among this shop's buyers.
    let accounts: FxHashMap<&str, &Buyer> =
        dataset.buyers.iter().map(|b| (b.id.as_str(), b)).collect();
    let p = &guard.points;
    let new_account = i64::from(guard.new_account_days) * DAY_SECONDS;
    for (merchant, buyers) in dataset.merchants.iter().zip(standings.iter_mut()) {
        let mut devices: FxHashMap<&str, u32> = FxHashMap::default();
        let mut addresses: FxHashMap<&str, u32> = FxHashMap::default();
        for id in buyers.keys() {
            if let Some(b) = accounts.get(id) {
                if let Some(d) = &b.device_cluster {
                    *devices.entry(d.as_str()).or_default() += 1;
                }
                if let Some(a) = &b.address_cluster {
                    *addresses.entry(a.as_str()).or_default() += 1;
                }
            }
        }
        for (id, s) in buyers.iter_mut() {
            let account = accounts.get(id);
            let cluster = |key: Option<&String>, counts: &FxHashMap<&str, u32>, min: u32| {
                key.and_then(|k| counts.get(k.as_str()))
                    .is_some_and(|&c| c >= min)
            };
            s.account = EvidenceSet::default()
                .with(
                    Evidence::NewAccount,
                    account
                        .and_then(|b| b.registered_at)
                        .is_some_and(|r| s.first_paid - r.unix() <= new_account),
                )
                .with(
                    Evidence::OnlyThisShop,
                    shops_of
                        .get(id)
                        .is_some_and(|&(first, multi)| first == merchant.id && !multi),
                )
                .with(
                    Evidence::SharedDevice,
                    cluster(
                        account.and_then(|b| b.device_cluster.as_ref()),
                        &devices,
                        guard.device_ring_buyers,
                    ),
                )
                .with(
                    Evidence::SharedAddress,
                    cluster(
                        account.and_then(|b| b.address_cluster.as_ref()),
                        &addresses,
                        guard.address_ring_buyers,
                    ),
                );
        }
    }
    drop(shops_of);

    // Pass 2 over orders: spike evidence per order, and each buyer's most suspicious order.
    let mut order_evidence: Vec<EvidenceSet> = vec![EvidenceSet::default(); dataset.orders.len()];
    for (oi, o) in dataset.orders.iter().enumerate() {
        let m = merchant_of_order[oi] as usize;
        if m >= n {
            continue;
        }
        let in_spike = history.day_of(o.paid_at.unix()).is_some_and(|day| {
            spike_days
                .get(&(m, o.product_id.as_str()))
                .is_some_and(|marked| marked[day])
        }) && o.amount_fen / i64::from(o.quantity.max(1)) <= median_price[m];
        let e = EvidenceSet::default().with(Evidence::OrderSpike, in_spike);
        order_evidence[oi] = e;
        if let Some(s) = standings[m].get_mut(o.buyer_id.as_str()) {
            let points = e.points(p);
            if points > s.activity_points {
                s.activity_points = points;
                s.activity = e;
            }
        }
    }
    drop(spike_days);

    // Reviews: eligibility, then per shop bursts of look-alike reviews, instant reviews and
    // copied text.
    let mut eligible: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (ri, r) in dataset.reviews.iter().enumerate() {
        let Some(&oi) = order_index.get(r.order_id.as_str()) else {
            continue;
        };
        let o = &dataset.orders[oi];
        let m = merchant_of_order[oi] as usize;
        if m >= n {
            continue;
        }
        let delivered_before = o.delivered_at.is_some_and(|d| d <= r.created_at);
        if !delivered_before || o.buyer_id != r.buyer_id {
            summaries[m].ignored_reviews += 1;
            continue;
        }
        eligible[m].push((ri, oi));
    }
    let instant = i64::from(guard.instant_review_minutes) * 60;
    for (m, reviews) in eligible.iter_mut().enumerate() {
        reviews.sort_by_key(|&(ri, _)| (dataset.reviews[ri].created_at, ri));
        let buyers = &mut standings[m];
        let look_alike = |ri: usize, buyers: &FxHashMap<&str, Standing>| {
            let r = &dataset.reviews[ri];
            let one_time = buyers
                .get(r.buyer_id.as_str())
                .is_none_or(|s| s.orders <= 1);
            one_time && (r.ratings.overall == 5 || r.ratings.overall <= 1)
        };
        let mut per_day = vec![0u32; h];
        for &(ri, _) in reviews.iter() {
            if let Some(day) = history.day_of(dataset.reviews[ri].created_at.unix()) {
                if look_alike(ri, buyers) {
                    per_day[day] += 1;
                }
            }
        }
        let (burst_days, usual) =
            unusual_days(&per_day, guard.burst_min_reviews, guard.burst_ratio);
        for (first, last) in runs(&burst_days) {
            summaries[m].bursts.push(ReviewBurst {
                first_day: history.date(first),
                last_day: history.date(last),
                reviews: per_day[first..=last].iter().sum(),
                usual,
            });
        }
        let mut first_writer: FxHashMap<u64, &str> = FxHashMap::default();
        for &(ri, oi) in reviews.iter() {
            let r = &dataset.reviews[ri];
            let o = &dataset.orders[oi];
            let in_burst = look_alike(ri, buyers)
                && history
                    .day_of(r.created_at.unix())
                    .is_some_and(|d| burst_days[d]);
            let is_instant = o
                .delivered_at
                .is_some_and(|d| r.created_at.unix() - d.unix() <= instant);
            let copied = match text_key(&r.text, guard.copied_text_min_chars) {
                Some(key) => {
                    let first = *first_writer.entry(key).or_insert(r.buyer_id.as_str());
                    first != r.buyer_id.as_str()
                }
                None => false,
            };
            let e = order_evidence[oi]
                .with(Evidence::ReviewBurst, in_burst)
                .with(Evidence::InstantReview, is_instant)
                .with(Evidence::CopiedText, copied);
            if let Some(s) = buyers.get_mut(r.buyer_id.as_str()) {
                s.reviews += 1;
                let points = e.points(p);
                if points > s.activity_points {
                    s.activity_points = points;
                    s.activity = e;
                }
            }
        }
    }

    // Verdicts, then one round of ring expansion: a buyer of the shop on the device or at the
    // address of a buyer discounted there is linked to the ring, and judged again.
    let threshold = guard.discount_from_points;
    let points_of = |s: &Standing| s.account.points(p) + s.activity_points;
    for (m, buyers) in standings.iter_mut().enumerate() {
        let mut ring_devices: FxHashMap<&str, ()> = FxHashMap::default();
        let mut ring_addresses: FxHashMap<&str, ()> = FxHashMap::default();
        for (id, s) in buyers.iter_mut() {
            if points_of(s) >= threshold {
                s.discounted = true;
                if let Some(b) = accounts.get(id) {
                    if let Some(d) = &b.device_cluster {
                        ring_devices.insert(d.as_str(), ());
                    }
                    if let Some(a) = &b.address_cluster {
                        ring_addresses.insert(a.as_str(), ());
                    }
                }
            }
        }
        if !ring_devices.is_empty() || !ring_addresses.is_empty() {
            for (id, s) in buyers.iter_mut().filter(|(_, s)| !s.discounted) {
                let linked = accounts.get(id).is_some_and(|b| {
                    b.device_cluster
                        .as_deref()
                        .is_some_and(|d| ring_devices.contains_key(d))
                        || b.address_cluster
                            .as_deref()
                            .is_some_and(|a| ring_addresses.contains_key(a))
                });
                s.account = s.account.with(Evidence::LinkedToRing, linked);
                s.discounted = points_of(s) >= threshold;
            }
        }
        let summary = &mut summaries[m];
        let mut reasons = [0u32; Evidence::ALL.len()];
        let mut examples: Vec<DiscountedBuyer> = Vec::new();
        for (id, s) in buyers.iter().filter(|(_, s)| s.discounted) {
            summary.discounted_buyers += 1;
            summary.discounted_orders += s.orders;
            summary.discounted_reviews += s.reviews;
            let evidence = s.account.union(s.activity);
            for e in evidence.iter() {
                reasons[e as usize] += 1;
            }
            examples.push(DiscountedBuyer {
                buyer_id: (*id).to_owned(),
                points: points_of(s),
                evidence: evidence.iter().collect(),
                orders: s.orders,
                reviews: s.reviews,
            });
        }
        summary.reasons = Evidence::ALL
            .iter()
            .zip(reasons)
            .filter(|(_, c)| *c > 0)
            .map(|(&evidence, buyers)| EvidenceCount { evidence, buyers })
            .collect();
        examples.sort_by(|a, b| b.points.cmp(&a.points).then(a.buyer_id.cmp(&b.buyer_id)));
        examples.truncate(EXAMPLES);
        summary.examples = examples;
    }
    Assessment {
        standings,
        eligible,
        summaries,
    }
}
