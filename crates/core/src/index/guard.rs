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

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
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
    NewcomerSpike,
    ReviewBurst,
    InstantReview,
    CopiedText,
    LinkedToRing,
    WithTheRing,
}

impl Evidence {
    pub const ALL: [Evidence; 11] = [
        Evidence::NewAccount,
        Evidence::OnlyThisShop,
        Evidence::SharedDevice,
        Evidence::SharedAddress,
        Evidence::OrderSpike,
        Evidence::NewcomerSpike,
        Evidence::ReviewBurst,
        Evidence::InstantReview,
        Evidence::CopiedText,
        Evidence::LinkedToRing,
        Evidence::WithTheRing,
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
            Evidence::NewcomerSpike => p.newcomer_spike,
            Evidence::ReviewBurst => p.review_burst,
            Evidence::InstantReview => p.instant_review,
            Evidence::CopiedText => p.copied_text,
            Evidence::LinkedToRing => p.linked_to_ring,
            Evidence::WithTheRing => p.with_the_ring,
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
///
/// Buyers are numbered once, and each (shop, buyer) pair that has an order gets a dense number
/// in order of its first order, so that the passes over millions of orders index vectors instead
/// of probing string- or pair-keyed hash tables.
#[derive(Debug)]
pub(crate) struct Assessment<'a> {
    /// Buyer id → number.
    buyer_numbers: FxHashMap<&'a str, u32>,
    /// Buyer number → id (for tests, which look at buyers by id).
    #[cfg(test)]
    buyer_names: Vec<&'a str>,
    pairs: Pairs,
    /// Per pair: the buyer's standing at the shop.
    pub standings: Vec<Standing>,
    /// Per order: its pair (u32::MAX for orders of merchants not in the data).
    pub pair_of_order: Vec<u32>,
    /// Per merchant: eligible reviews as (review index, order index), oldest first.
    pub eligible: Vec<Vec<(usize, usize)>>,
    pub summaries: Vec<GuardSummary>,
}

/// The (shop, buyer) pairs: most buyers shop at one merchant, so a pair is found from the
/// buyer's first pair without hashing; only buyers of several shops use the map.
#[derive(Debug, Default)]
struct Pairs {
    /// Per buyer number: (merchant, pair) of its first order at a merchant in the data.
    first: Vec<(u32, u32)>,
    more: FxHashMap<(u32, u32), u32>,
    /// Per pair: (merchant, buyer number).
    of: Vec<(u32, u32)>,
    /// Per merchant: its pairs, in order of their first order.
    by_merchant: Vec<Vec<u32>>,
}

impl Pairs {
    fn get(&self, m: u32, b: u32) -> Option<u32> {
        match self.first.get(b as usize) {
            Some(&(fm, pair)) if fm == m => Some(pair),
            Some(&(fm, _)) if fm != u32::MAX => self.more.get(&(m, b)).copied(),
            _ => None,
        }
    }

    /// The pair of (m, b), made if new.
    fn get_or_make(&mut self, m: u32, b: u32) -> (u32, bool) {
        if let Some(pair) = self.get(m, b) {
            return (pair, false);
        }
        let pair = u32::try_from(self.of.len()).unwrap_or(u32::MAX);
        self.of.push((m, b));
        if let Some(list) = self.by_merchant.get_mut(m as usize) {
            list.push(pair);
        }
        match self.first.get_mut(b as usize) {
            Some(slot) if slot.0 == u32::MAX => *slot = (m, pair),
            _ => {
                self.more.insert((m, b), pair);
            }
        }
        (pair, true)
    }
}

impl Assessment<'_> {
    /// Whether the buyer of order `oi` is discounted at its merchant, and the weight of its
    /// orders and reviews there: 1, or the discount weight.
    pub fn order_verdict(&self, oi: usize, guard: &Guard) -> (bool, f64) {
        let discounted = self
            .pair_of_order
            .get(oi)
            .and_then(|&p| self.standings.get(p as usize))
            .is_some_and(|s| s.discounted);
        if discounted {
            (true, guard.discount_weight)
        } else {
            (false, 1.0)
        }
    }

    /// The same for a buyer named by id at merchant `m` (service events name no order).
    pub fn buyer_verdict(&self, m: usize, buyer: &str, guard: &Guard) -> (bool, f64) {
        if self.standing(m, buyer).is_some_and(|s| s.discounted) {
            (true, guard.discount_weight)
        } else {
            (false, 1.0)
        }
    }

    /// The standing of a buyer named by id at merchant `m`.
    pub fn standing(&self, m: usize, buyer: &str) -> Option<&Standing> {
        let b = *self.buyer_numbers.get(buyer)?;
        let pair = self.pairs.get(u32::try_from(m).ok()?, b)?;
        self.standings.get(pair as usize)
    }

    /// The merchant position of order `oi`; None for merchants not in the data.
    pub fn merchant_of_order(&self, oi: usize) -> Option<usize> {
        let pair = *self.pair_of_order.get(oi)?;
        self.pairs.of.get(pair as usize).map(|&(m, _)| m as usize)
    }

    /// The pairs of merchant `m`, in order of their first order there.
    pub fn pairs_at(&self, m: usize) -> &[u32] {
        self.pairs.by_merchant.get(m).map_or(&[], Vec::as_slice)
    }

    /// Every buyer of merchant `m` with its standing, in order of their first order there.
    #[cfg(test)]
    pub fn buyers_at(&self, m: usize) -> impl Iterator<Item = (&str, &Standing)> + '_ {
        self.pairs
            .by_merchant
            .get(m)
            .into_iter()
            .flatten()
            .map(move |&p| {
                let (_, b) = self.pairs.of[p as usize];
                (self.buyer_names[b as usize], &self.standings[p as usize])
            })
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

/// Days of a shop's history judged for bursts and spikes need at least this many days of the
/// shop's own past to compare with: a shop's first week has no "usual" yet.
pub(crate) const MIN_BASELINE_DAYS: usize = 7;

/// Days inside unusual 48-hour spans of daily counts: a span of days `d-1` and `d` is unusual
/// with at least `min` and more than `ratio × max(usual, 1)`, where `usual` is the median of the
/// spans from day `from` on (the shop's first day with an order: days before it existed are not
/// its usual). With fewer than [`MIN_BASELINE_DAYS`] days from `from`, nothing is unusual.
/// Returns the marked days and the usual count.
pub(crate) fn unusual_days(counts: &[u32], from: usize, min: u32, ratio: f64) -> (Vec<bool>, f64) {
    let mut marked = vec![false; counts.len()];
    let Some(active) = counts.get(from..).filter(|a| a.len() >= MIN_BASELINE_DAYS) else {
        return (marked, 0.0);
    };
    let spans: Vec<u32> = active.windows(2).map(|w| w[0] + w[1]).collect();
    let usual = median(&mut spans.clone());
    for (d, &span) in spans.iter().enumerate() {
        if span >= min && f64::from(span) > ratio * usual.max(1.0) {
            marked[from + d] = true;
            marked[from + d + 1] = true;
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

/// No cluster key given.
const NO_CLUSTER: u64 = 0;

/// A cluster key as a 64-bit hash (keys are compared, never shown; a collision of two keys in
/// one shop is as unlikely as 2⁻⁶⁴ per pair).
fn cluster_key(key: Option<&str>) -> u64 {
    match key {
        None => NO_CLUSTER,
        Some(k) => {
            let mut h = FxHasher::default();
            k.hash(&mut h);
            h.finish().max(1)
        }
    }
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

/// Runs the guard over `dataset` as of T. `merchant_index` maps merchant ids to positions.
pub(crate) fn assess<'a>(
    dataset: &'a Dataset,
    as_of: LocalDate,
    config: &IndexConfig,
    merchant_index: &FxHashMap<&'a str, usize>,
) -> Assessment<'a> {
    let guard = &config.guard;
    let p = &guard.points;
    let n = dataset.merchants.len();
    let history = HistoryDays::new(as_of, guard.history_days);
    let h = history.len();
    let orders = dataset.orders.len();

    // Pass 1 over orders: number the buyers and the (shop, buyer) pairs; where each buyer shops
    // (by merchant, over every order in the data — also orders at merchants the index does not
    // score, such as another category's in a category slice); each pair's standing; unit prices
    // and each product's daily orders over the history.
    let mut buyer_numbers: FxHashMap<&str, u32> = FxHashMap::default();
    buyer_numbers.reserve(dataset.buyers.len().max(orders / 4));
    let mut buyer_names: Vec<&str> = Vec::new();
    let mut other_merchants: FxHashMap<&str, u32> = FxHashMap::default();
    // Per buyer number: the first merchant number it ordered from, and whether it ordered from
    // another one too.
    let mut shops_of: Vec<(u32, bool)> = Vec::new();
    let mut pairs = Pairs {
        by_merchant: vec![Vec::new(); n],
        ..Pairs::default()
    };
    let mut standings: Vec<Standing> = Vec::new();
    let mut pair_of_order: Vec<u32> = vec![u32::MAX; orders];
    let mut unit_prices: Vec<Vec<i64>> = vec![Vec::new(); n];
    // Per merchant: the first history day with an order (orders before the history: day 0).
    let mut first_day: Vec<usize> = vec![usize::MAX; n];
    let mut product_days: FxHashMap<(usize, &str), Vec<u32>> = FxHashMap::default();
    // The buyers table's accounts are numbered first, in its order, so that an account is found
    // by number later; buyers only the orders name follow, without an account.
    let mut accounts: Vec<Option<&Buyer>> = Vec::with_capacity(dataset.buyers.len());
    let mut number = |id: &'a str, account: Option<&'a Buyer>| -> u32 {
        let next = u32::try_from(buyer_names.len()).unwrap_or(u32::MAX);
        let b = *buyer_numbers.entry(id).or_insert(next);
        if b == next {
            buyer_names.push(id);
            accounts.push(account);
        }
        b
    };
    for account in &dataset.buyers {
        number(account.id.as_str(), Some(account));
    }
    // Reviews find their orders while the orders are passed over: a map of the reviewed order ids
    // is far smaller than one of every order.
    let mut reviewed: FxHashMap<&str, u32> = FxHashMap::default();
    let review_slot: Vec<u32> = dataset
        .reviews
        .iter()
        .map(|r| {
            let next = u32::try_from(reviewed.len()).unwrap_or(u32::MAX);
            *reviewed.entry(r.order_id.as_str()).or_insert(next)
        })
        .collect();
    let mut order_of_slot: Vec<usize> = vec![usize::MAX; reviewed.len()];
    let mut order_buyers: Vec<u32> = Vec::with_capacity(orders);
    for o in &dataset.orders {
        order_buyers.push(number(o.buyer_id.as_str(), None));
    }
    shops_of.resize(buyer_names.len(), (u32::MAX, false));
    pairs.first.resize(buyer_names.len(), (u32::MAX, u32::MAX));
    for (oi, o) in dataset.orders.iter().enumerate() {
        let b = order_buyers[oi];
        let known = merchant_index.get(o.merchant_id.as_str()).copied();
        let shop = match known {
            Some(m) => m as u32,
            None => {
                let next = u32::try_from(n + other_merchants.len()).unwrap_or(u32::MAX);
                *other_merchants
                    .entry(o.merchant_id.as_str())
                    .or_insert(next)
            }
        };
        if let Some(entry) = shops_of.get_mut(b as usize) {
            if entry.0 == u32::MAX {
                entry.0 = shop;
            } else if entry.0 != shop {
                entry.1 = true;
            }
        }
        let Some(m) = known else {
            continue;
        };
        if let Some(&slot) = reviewed.get(o.id.as_str()) {
            // The last order with the id, as a map from order ids would keep.
            order_of_slot[slot as usize] = oi;
        }
        let paid = o.paid_at.unix();
        let (pair, made) = pairs.get_or_make(m as u32, b);
        if made {
            standings.push(Standing {
                first_paid: paid,
                ..Standing::default()
            });
        }
        pair_of_order[oi] = pair;
        let s = &mut standings[pair as usize];
        s.orders += 1;
        s.first_paid = s.first_paid.min(paid);
        let day = history.day_of(paid);
        let since = match day {
            Some(d) => d,
            None if paid < history.starts[0] => 0,
            None => usize::MAX,
        };
        first_day[m] = first_day[m].min(since);
        if let Some(day) = day {
            unit_prices[m].push(o.amount_fen / i64::from(o.quantity.max(1)));
            product_days
                .entry((m, o.product_id.as_str()))
                .or_insert_with(|| vec![0; h])[day] += 1;
        }
    }
    drop(other_merchants);
    drop(reviewed);
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
        let (marked, usual) = unusual_days(
            counts,
            first_day[m],
            guard.spike_min_orders,
            guard.spike_ratio,
        );
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

    // Account evidence: registration, other shops, clusters shared among this shop's buyers.
    // Accounts by buyer number (buyers without orders do not matter), with their cluster keys
    // hashed once, so that counting a shop's buyers per cluster sorts integers.
    let cluster_of = |key: fn(&Buyer) -> Option<&str>| -> Vec<u64> {
        accounts
            .iter()
            .map(|a| cluster_key(a.and_then(key)))
            .collect()
    };
    let device_of = cluster_of(|b| b.device_cluster.as_deref());
    let address_of = cluster_of(|b| b.address_cluster.as_deref());
    let new_account = i64::from(guard.new_account_days) * DAY_SECONDS;
    let both = EvidenceSet::default()
        .with(Evidence::NewAccount, true)
        .with(Evidence::OnlyThisShop, true);
    let fresh = move |s: &Standing| s.account.0 & both.0 == both.0;
    for (m, list) in pairs.by_merchant.iter().enumerate() {
        for &pair in list {
            let i = pairs.of[pair as usize].1 as usize;
            let s = &mut standings[pair as usize];
            let (first, multi) = shops_of[i];
            s.account = EvidenceSet::default()
                .with(
                    Evidence::NewAccount,
                    accounts[i]
                        .and_then(|a| a.registered_at)
                        .is_some_and(|r| s.first_paid - r.unix() <= new_account),
                )
                .with(Evidence::OnlyThisShop, first == m as u32 && !multi);
        }
        // A cluster is a ring's with `min` buyers of the shop, or with two or more that are all
        // fresh (new accounts buying only here): a small shop's ring is small.
        let standings_ref = &standings;
        let ring_clusters = |of: &[u64], min: u32| -> FxHashSet<u64> {
            let mut keys: Vec<(u64, bool)> = list
                .iter()
                .map(|&pair| {
                    let b = pairs.of[pair as usize].1 as usize;
                    (of[b], fresh(&standings_ref[pair as usize]))
                })
                .filter(|&(k, _)| k != NO_CLUSTER)
                .collect();
            keys.sort_unstable();
            keys.chunk_by(|a, b| a.0 == b.0)
                .filter(|run| {
                    run.len() >= min as usize || (run.len() >= 2 && run.iter().all(|x| x.1))
                })
                .map(|run| run[0].0)
                .collect()
        };
        let ring_devices = ring_clusters(&device_of, guard.device_ring_buyers);
        let ring_addresses = ring_clusters(&address_of, guard.address_ring_buyers);
        for &pair in list {
            let i = pairs.of[pair as usize].1 as usize;
            let s = &mut standings[pair as usize];
            s.account = s
                .account
                .with(Evidence::SharedDevice, ring_devices.contains(&device_of[i]))
                .with(
                    Evidence::SharedAddress,
                    ring_addresses.contains(&address_of[i]),
                );
        }
    }
    drop(shops_of);

    // Pass 2 over orders: spike evidence per order, and each pair's most suspicious order. A
    // spike whose orders that day are mostly by new accounts that buy only here is a newcomer
    // spike: real flash sales draw a shop's usual mix of buyers, rings draw fresh accounts.
    let mut in_spikes: Vec<(usize, usize)> = Vec::new();
    let mut spike_mix: FxHashMap<(usize, &str, usize), (u32, u32)> = FxHashMap::default();
    for (oi, o) in dataset.orders.iter().enumerate() {
        let pair = pair_of_order[oi];
        let Some(&(m, _)) = pairs.of.get(pair as usize) else {
            continue;
        };
        let m = m as usize;
        let Some(day) = history.day_of(o.paid_at.unix()).filter(|&day| {
            spike_days
                .get(&(m, o.product_id.as_str()))
                .is_some_and(|marked| marked[day])
        }) else {
            continue;
        };
        if o.amount_fen / i64::from(o.quantity.max(1)) > median_price[m] {
            continue;
        }
        in_spikes.push((oi, day));
        let mix = spike_mix
            .entry((m, o.product_id.as_str(), day))
            .or_default();
        mix.0 += 1;
        if fresh(&standings[pair as usize]) {
            mix.1 += 1;
        }
    }
    let mut order_evidence: Vec<EvidenceSet> = vec![EvidenceSet::default(); orders];
    for (oi, day) in in_spikes {
        let o = &dataset.orders[oi];
        let pair = pair_of_order[oi] as usize;
        let m = pairs.of[pair].0 as usize;
        let (all, new) = spike_mix
            .get(&(m, o.product_id.as_str(), day))
            .copied()
            .unwrap_or_default();
        let mostly_new = f64::from(new) >= guard.newcomer_spike_share * f64::from(all);
        let e = EvidenceSet::default()
            .with(Evidence::OrderSpike, true)
            .with(Evidence::NewcomerSpike, mostly_new);
        order_evidence[oi] = e;
        let s = &mut standings[pair];
        let points = e.points(p);
        if points > s.activity_points {
            s.activity_points = points;
            s.activity = e;
        }
    }
    drop(spike_mix);
    drop(spike_days);

    // Reviews: eligibility, then per shop bursts of look-alike reviews, instant reviews and
    // copied text.
    let mut eligible: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (ri, r) in dataset.reviews.iter().enumerate() {
        let oi = order_of_slot[review_slot[ri] as usize];
        if oi == usize::MAX {
            continue;
        }
        let o = &dataset.orders[oi];
        let Some(&(m, _)) = pairs.of.get(pair_of_order[oi] as usize) else {
            continue;
        };
        let m = m as usize;
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
        // An eligible review is by its order's buyer: the order's pair is the reviewer's.
        let look_alike = |ri: usize, oi: usize, standings: &[Standing]| {
            let r = &dataset.reviews[ri];
            let one_time = standings[pair_of_order[oi] as usize].orders <= 1;
            one_time && (r.ratings.overall == 5 || r.ratings.overall <= 1)
        };
        let mut per_day = vec![0u32; h];
        for &(ri, oi) in reviews.iter() {
            if let Some(day) = history.day_of(dataset.reviews[ri].created_at.unix()) {
                if look_alike(ri, oi, &standings) {
                    per_day[day] += 1;
                }
            }
        }
        let (burst_days, usual) = unusual_days(
            &per_day,
            first_day[m],
            guard.burst_min_reviews,
            guard.burst_ratio,
        );
        for (first, last) in runs(&burst_days) {
            summaries[m].bursts.push(ReviewBurst {
                first_day: history.date(first),
                last_day: history.date(last),
                reviews: per_day[first..=last].iter().sum(),
                usual,
            });
        }
        let mut first_writer: FxHashMap<u64, u32> = FxHashMap::default();
        for &(ri, oi) in reviews.iter() {
            let r = &dataset.reviews[ri];
            let o = &dataset.orders[oi];
            let pair = pair_of_order[oi];
            let in_burst = look_alike(ri, oi, &standings)
                && history
                    .day_of(r.created_at.unix())
                    .is_some_and(|d| burst_days[d]);
            let is_instant = o
                .delivered_at
                .is_some_and(|d| r.created_at.unix() - d.unix() <= instant);
            let copied = match text_key(&r.text, guard.copied_text_min_chars) {
                Some(key) => *first_writer.entry(key).or_insert(pair) != pair,
                None => false,
            };
            let e = order_evidence[oi]
                .with(Evidence::ReviewBurst, in_burst)
                .with(Evidence::InstantReview, is_instant)
                .with(Evidence::CopiedText, copied);
            let s = &mut standings[pair as usize];
            s.reviews += 1;
            let points = e.points(p);
            if points > s.activity_points {
                s.activity_points = points;
                s.activity = e;
            }
        }
    }
    drop(order_evidence);

    // Verdicts, then one round of ring expansion: a buyer of the shop on the device or at the
    // address of a buyer discounted there is linked to the ring, and judged again.
    let threshold = guard.discount_from_points;
    let points_of = |s: &Standing| s.account.points(p) + s.activity_points;
    for list in &pairs.by_merchant {
        let mut ring_devices: FxHashSet<u64> = FxHashSet::default();
        let mut ring_addresses: FxHashSet<u64> = FxHashSet::default();
        for &pair in list {
            let i = pairs.of[pair as usize].1 as usize;
            let s = &mut standings[pair as usize];
            if points_of(s) >= threshold {
                s.discounted = true;
                for (of, set) in [
                    (&device_of, &mut ring_devices),
                    (&address_of, &mut ring_addresses),
                ] {
                    if of[i] != NO_CLUSTER {
                        set.insert(of[i]);
                    }
                }
            }
        }
        if !ring_devices.is_empty() || !ring_addresses.is_empty() {
            for &pair in list {
                let i = pairs.of[pair as usize].1 as usize;
                let s = &mut standings[pair as usize];
                if s.discounted {
                    continue;
                }
                let linked =
                    ring_devices.contains(&device_of[i]) || ring_addresses.contains(&address_of[i]);
                s.account = s.account.with(Evidence::LinkedToRing, linked);
                s.discounted = points_of(s) >= threshold;
            }
        }
    }

    // Then once more, by behaviour: a buyer of the shop whose every order is of a product on a
    // day the discounted buyers bought it at least `ringDayOrders` times, and made at least half
    // of its orders, is with the ring.
    let mut ring_days: FxHashMap<(u32, &str, usize), u32> = FxHashMap::default();
    let mut has_ring = vec![false; n];
    for (oi, o) in dataset.orders.iter().enumerate() {
        let pair = pair_of_order[oi] as usize;
        let (Some(s), Some(day)) = (standings.get(pair), history.day_of(o.paid_at.unix())) else {
            continue;
        };
        if s.discounted {
            let m = pairs.of[pair].0;
            has_ring[m as usize] = true;
            *ring_days
                .entry((m, o.product_id.as_str(), day))
                .or_default() += 1;
        }
    }
    // Per pair: whether all its orders so far fell on ring days (None: no order seen yet).
    let mut with_ring: Vec<Option<bool>> = vec![None; standings.len()];
    for (oi, o) in dataset.orders.iter().enumerate() {
        let pair = pair_of_order[oi] as usize;
        let Some(&(m, _)) = pairs.of.get(pair) else {
            continue;
        };
        if !has_ring[m as usize] || standings[pair].discounted {
            continue;
        }
        let on_ring_day = history.day_of(o.paid_at.unix()).is_some_and(|day| {
            let ring = ring_days
                .get(&(m, o.product_id.as_str(), day))
                .copied()
                .unwrap_or(0);
            let all = product_days
                .get(&(m as usize, o.product_id.as_str()))
                .map_or(0, |days| days[day]);
            ring >= guard.ring_day_orders && 2 * ring >= all
        });
        let slot = &mut with_ring[pair];
        *slot = Some(slot.unwrap_or(true) && on_ring_day);
    }
    drop(ring_days);
    drop(product_days);
    for (pair, with) in with_ring.into_iter().enumerate() {
        if with == Some(true) {
            let s = &mut standings[pair];
            s.account = s.account.with(Evidence::WithTheRing, true);
            s.discounted = points_of(s) >= threshold;
        }
    }

    for (m, list) in pairs.by_merchant.iter().enumerate() {
        let summary = &mut summaries[m];
        let mut reasons = [0u32; Evidence::ALL.len()];
        let mut examples: Vec<DiscountedBuyer> = Vec::new();
        for &pair in list {
            let s = &standings[pair as usize];
            if !s.discounted {
                continue;
            }
            summary.discounted_buyers += 1;
            summary.discounted_orders += s.orders;
            summary.discounted_reviews += s.reviews;
            let evidence = s.account.union(s.activity);
            for e in evidence.iter() {
                reasons[e as usize] += 1;
            }
            examples.push(DiscountedBuyer {
                buyer_id: buyer_names[pairs.of[pair as usize].1 as usize].to_owned(),
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
        buyer_numbers,
        #[cfg(test)]
        buyer_names,
        pairs,
        standings,
        pair_of_order,
        eligible,
        summaries,
    }
}
