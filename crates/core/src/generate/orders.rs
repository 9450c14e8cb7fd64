//! Orders: when they are paid, who buys (new, returning or cross-shopping buyers), how fast they
//! ship and arrive, and which get refunded, why, and how quickly.
//!
//! Orders are first drafted per merchant in time order (so "returning buyer" can look back over
//! the merchant's last weeks), then sorted globally so ids run chronologically. Drafts keep the
//! hidden facts (a defective item, a slow delivery) that reviews and service events are drawn
//! from, so every table tells the same story about a merchant.

use std::collections::BTreeMap;

use super::categories::{Kind, L2};
use super::fake::FakeSeed;
use super::sample::{stream, Sample};
use super::traits::{MerchantPlan, Traits};
use super::{ts, Window, DAY, HOUR, TAG_ORDERS};
use crate::model::{
    Channel, MerchantType, Order, Product, Refund, RefundKind, RefundReason, Repurchase,
};
use crate::rng::SplitMix64;
use crate::Result;

/// An order before buyers and fulfilment are decided: what, when, for how much.
#[derive(Debug, Clone)]
pub(super) struct OrderSeed {
    pub paid: i64,
    /// Index into the products table.
    pub product: usize,
    pub quantity: u32,
    pub amount_fen: i64,
    pub channel: Channel,
    /// A planted order (brushing or a rating bomb) and the ring account behind it.
    pub fake: Option<FakeSeed>,
}

/// What went wrong with the goods, hidden from the order row but visible in refunds and reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Issue {
    None,
    Defect,
    NotAsDescribed,
}

#[derive(Debug, Clone)]
pub(super) struct RefundDraft {
    pub kind: RefundKind,
    pub reason: RefundReason,
    pub requested: i64,
    pub completed: Option<i64>,
    pub disputed: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub merchant: usize,
    pub product: usize,
    pub buyer: usize,
    pub channel: Channel,
    pub quantity: u32,
    pub amount_fen: i64,
    pub paid: i64,
    pub shipped: Option<i64>,
    pub delivered: Option<i64>,
    pub refund: Option<RefundDraft>,
    pub fake: Option<FakeSeed>,
    pub issue: Issue,
    /// Shipped late or took long to arrive.
    pub slow: bool,
    /// How many earlier orders this buyer placed with this merchant.
    pub nth: u32,
}

/// Local hour-of-day weights: lunch, and the evening live-stream peak 19–23 h.
const HOUR_WEIGHTS: [u32; 24] = [
    30, 15, 8, 5, 4, 5, 10, 20, 35, 45, 55, 60, 70, 60, 55, 55, 55, 60, 75, 110, 140, 150, 120, 70,
];

/// The shared buyer pool: ids in creation order, and those that may shop again elsewhere.
#[derive(Debug, Default)]
struct BuyerPool {
    next: usize,
    reusable: Vec<usize>,
}

impl BuyerPool {
    fn fresh(&mut self, reusable: bool) -> usize {
        let b = self.next;
        self.next += 1;
        if reusable {
            self.reusable.push(b);
        }
        b
    }
}

pub(super) fn draft_orders(
    seed: u64,
    plans: &[MerchantPlan],
    products: &[Product],
    window: &Window,
    live_seeds: Vec<Vec<OrderSeed>>,
    fake_seeds: Vec<Vec<OrderSeed>>,
) -> Vec<Draft> {
    let expected: usize = plans.iter().map(|p| p.target_orders as usize).sum();
    let mut all = Vec::with_capacity(expected + expected / 8);
    let mut pool = BuyerPool::default();
    let mut live = live_seeds.into_iter();
    let mut fake = fake_seeds.into_iter();
    for (m, plan) in plans.iter().enumerate() {
        let mut rng = stream(seed, TAG_ORDERS, m as u64);
        let own = products.get(plan.products.clone()).unwrap_or_default();
        let mut seeds = regular_seeds(&mut rng, plan, own, window);
        seeds.extend(live.next().unwrap_or_default());
        seeds.extend(fake.next().unwrap_or_default());
        seeds.sort_by_key(|s| s.paid);
        merchant_orders(&mut rng, m, plan, seeds, window, &mut pool, &mut all);
    }
    // Stable: ties keep merchant order, so the result is fully determined.
    all.sort_by_key(|d| d.paid);
    // Buyer ids by first purchase, so b000001 is the earliest buyer.
    let mut renumber = vec![usize::MAX; pool.next];
    let mut next = 0;
    for d in &mut all {
        if let Some(slot) = renumber.get_mut(d.buyer) {
            if *slot == usize::MAX {
                *slot = next;
                next += 1;
            }
            d.buyer = *slot;
        }
    }
    all
}

fn regular_seeds(
    rng: &mut SplitMix64,
    plan: &MerchantPlan,
    products: &[Product],
    window: &Window,
) -> Vec<OrderSeed> {
    let first = plan.first_day.min(window.days.saturating_sub(1));
    let active = i64::from(window.days - first).max(1);
    // A merchant's own trend: some are growing, some fading.
    let growth = rng.int(-40, 60);
    let mut cumulative = Vec::with_capacity(active as usize);
    let mut total = 0u64;
    for (k, &w) in window.day_weights.iter().skip(first as usize).enumerate() {
        let trend = 100 + growth * k as i64 / active;
        total += (i64::from(w) * trend / 100).max(1) as u64;
        cumulative.push(total);
    }
    // Sales concentrate on a few hit products.
    let popularity: Vec<u32> = (0..products.len() as u32)
        .map(|k| 600 / (k + 1) + 20)
        .collect();
    let channels: [u32; 3] = match plan.merchant.merchant_type {
        MerchantType::Individual => [80, 15, 5],
        MerchantType::Brand => [55, 15, 30],
        _ => [70, 18, 12],
    };
    let mut seeds = Vec::with_capacity(plan.target_orders as usize);
    for _ in 0..plan.target_orders {
        let r = rng.below(total);
        let day = first + cumulative.partition_point(|&c| c <= r) as u32;
        let second = rng.weighted(&HOUR_WEIGHTS) as i64 * HOUR + rng.int(0, HOUR - 1);
        let paid = (window.day_start(day) + second).min(window.day_start(day + 1) - 1);
        let k = rng.weighted(&popularity);
        let price = products.get(k).map_or(990, |p| p.list_price_fen);
        let quantity = quantity(rng, price);
        seeds.push(OrderSeed {
            paid,
            product: plan.products.start + k,
            quantity,
            amount_fen: discounted(rng, price * i64::from(quantity)),
            channel: [Channel::LiveRoom, Channel::ShortVideo, Channel::Shop]
                [rng.weighted(&channels) % 3],
            fake: None,
        });
    }
    seeds
}

pub(super) fn quantity(rng: &mut SplitMix64, price_fen: i64) -> u32 {
    if price_fen >= 50_000 {
        return if rng.chance(0.05) { 2 } else { 1 };
    }
    match rng.weighted(&[75, 15, 5, 5]) {
        0 => 1,
        1 => 2,
        2 => 3,
        _ => rng.int(4, 6) as u32,
    }
}

/// A quarter of orders use a coupon of 5–20%, in whole yuan.
fn discounted(rng: &mut SplitMix64, amount: i64) -> i64 {
    if !rng.chance(0.25) {
        return amount;
    }
    let coupon = amount * rng.int(5, 20) / 100 / 100 * 100;
    (amount - coupon).max(0)
}

fn merchant_orders(
    rng: &mut SplitMix64,
    merchant: usize,
    plan: &MerchantPlan,
    seeds: Vec<OrderSeed>,
    window: &Window,
    pool: &mut BuyerPool,
    out: &mut Vec<Draft>,
) {
    let cat = &L2[plan.l2 % L2.len()];
    let retention = plan.traits.retention();
    // Share of orders placed by a buyer who bought here in the last 25 days.
    let p_repeat = match cat.repurchase {
        Repurchase::High => 0.42 * (0.3 + 0.7 * retention),
        Repurchase::Low => 0.05 * (0.4 + 0.6 * retention),
    };
    let mut history: Vec<(i64, usize)> = Vec::with_capacity(seeds.len());
    let mut counts: BTreeMap<usize, u32> = BTreeMap::new();
    // Ring accounts buy only here: each gets a fresh buyer that nobody else reuses.
    let mut ring_accounts: BTreeMap<(u32, u32), usize> = BTreeMap::new();
    for s in seeds {
        let buyer = if let Some(f) = s.fake {
            *ring_accounts
                .entry((f.ring, f.account))
                .or_insert_with(|| pool.fresh(false))
        } else {
            let recent = history.partition_point(|&(t, _)| t < s.paid - 25 * DAY);
            if recent < history.len() && rng.chance(p_repeat) {
                let i = rng.int(recent as i64, history.len() as i64 - 1) as usize;
                history.get(i).map_or(0, |h| h.1)
            } else if !pool.reusable.is_empty() && rng.chance(0.25) {
                rng.pick(&pool.reusable)
            } else {
                pool.fresh(true)
            }
        };
        let seen = counts.entry(buyer).or_insert(0);
        let nth = *seen;
        *seen += 1;
        if s.fake.is_none() {
            history.push((s.paid, buyer));
        }
        out.push(fulfil(
            rng,
            merchant,
            plan,
            cat.kind(),
            s,
            buyer,
            nth,
            window,
        ));
    }
}

#[allow(clippy::too_many_arguments)]
fn fulfil(
    rng: &mut SplitMix64,
    merchant: usize,
    plan: &MerchantPlan,
    kind: Kind,
    s: OrderSeed,
    buyer: usize,
    nth: u32,
    window: &Window,
) -> Draft {
    let end = window.end();
    let t = &plan.traits;
    let mut draft = Draft {
        merchant,
        product: s.product,
        buyer,
        channel: s.channel,
        quantity: s.quantity,
        amount_fen: s.amount_fen,
        paid: s.paid,
        shipped: None,
        delivered: None,
        refund: None,
        fake: s.fake,
        issue: Issue::None,
        slow: false,
        nth,
    };
    if s.fake.is_some() {
        // Planted orders ship at once and arrive the next day: the reviews must land fast.
        let shipped = s.paid + rng.int(2 * HOUR, 6 * HOUR);
        draft.shipped = Some(shipped);
        draft.delivered = Some(shipped + rng.int(20 * HOUR, 28 * HOUR));
        return clip(draft, end);
    }
    let ship_delay = ship_delay(rng, t);
    let transit = rng.int(18 * HOUR, 70 * HOUR)
        + if rng.chance(0.08) {
            rng.int(24 * HOUR, 72 * HOUR)
        } else {
            0
        };
    draft.shipped = Some(s.paid + ship_delay);
    draft.delivered = Some(s.paid + ship_delay + transit);
    draft.slow = ship_delay > 72 * HOUR || ship_delay + transit > 6 * DAY;
    let q = 1.0 - t.quality;
    let c = 1.0 - t.content;
    draft.issue = if rng.chance(0.008 + 0.28 * q * q) {
        Issue::Defect
    } else if rng.chance(0.004 + 0.12 * c * c) {
        Issue::NotAsDescribed
    } else {
        Issue::None
    };

    let refund = if rng.chance(0.015) {
        // Changed their mind before it shipped: a refund-only cancellation.
        let latest = (ship_delay - 60).min(12 * HOUR);
        Some((
            RefundReason::ChangedMind,
            s.paid + rng.int(300, latest.max(300)),
            true,
        ))
    } else if ship_delay > 48 * HOUR && rng.chance(0.1 + 0.15 * (1.0 - t.shipping)) {
        // Tired of waiting for shipment.
        Some((
            RefundReason::Logistics,
            s.paid + rng.int(48 * HOUR, ship_delay - 60),
            true,
        ))
    } else {
        after_delivery_reason(rng, kind, draft.issue, draft.slow).map(|reason| {
            let u = rng.next_f64();
            let after = HOUR + (u * u * 96.0 * HOUR as f64) as i64;
            (reason, s.paid + ship_delay + transit + after, false)
        })
    };
    if let Some((reason, requested, before_shipping)) = refund {
        if requested < end {
            let refund_kind = refund_kind(rng, reason, kind, before_shipping, s.amount_fen);
            let disputed = rng.chance(
                (0.01 + 0.3 * t.dispute + if before_shipping { 0.0 } else { 0.05 })
                    * if before_shipping { 0.3 } else { 1.0 },
            );
            let completed = completion(rng, t, refund_kind, disputed)
                .map(|d| requested + d)
                .filter(|&at| at < end);
            if before_shipping {
                draft.shipped = None;
                draft.delivered = None;
            }
            draft.refund = Some(RefundDraft {
                kind: refund_kind,
                reason,
                requested,
                completed,
                disputed,
            });
        }
    }
    clip(draft, end)
}

/// Good shippers send most parcels within 24 h and nearly all within 48 h; bad ones often
/// take more than two days.
fn ship_delay(rng: &mut SplitMix64, t: &Traits) -> i64 {
    let s = t.shipping;
    let p_fast = 0.15 + 0.65 * s;
    let p_slow = 0.02 + 0.6 * (1.0 - s) * (1.0 - s);
    let u = rng.next_f64();
    if u < p_fast {
        rng.int(2 * HOUR, 24 * HOUR)
    } else if u < 1.0 - p_slow {
        rng.int(24 * HOUR, 48 * HOUR)
    } else {
        let worst = 48.0 + 24.0 * (2.0 + 5.0 * (1.0 - s));
        rng.int(48 * HOUR + 1, (worst * HOUR as f64) as i64)
    }
}

fn after_delivery_reason(
    rng: &mut SplitMix64,
    kind: Kind,
    issue: Issue,
    slow: bool,
) -> Option<RefundReason> {
    let changed_mind = match kind {
        Kind::Apparel => 0.07,
        Kind::Jewelry => 0.04,
        Kind::Beauty => 0.03,
        _ => 0.02,
    };
    if issue == Issue::Defect && rng.chance(0.65) {
        Some(RefundReason::Quality)
    } else if issue == Issue::NotAsDescribed && rng.chance(0.5) {
        Some(RefundReason::NotAsDescribed)
    } else if slow && rng.chance(0.1) {
        Some(RefundReason::Logistics)
    } else if rng.chance(changed_mind) {
        Some(RefundReason::ChangedMind)
    } else if rng.chance(0.004) {
        Some(RefundReason::Other)
    } else {
        None
    }
}

fn refund_kind(
    rng: &mut SplitMix64,
    reason: RefundReason,
    kind: Kind,
    before_shipping: bool,
    amount_fen: i64,
) -> RefundKind {
    if before_shipping {
        return RefundKind::RefundOnly;
    }
    match reason {
        // Spoilt food or a cheap item is not worth sending back.
        RefundReason::Quality | RefundReason::NotAsDescribed
            if (kind == Kind::Food || amount_fen < 3000) && rng.chance(0.7) =>
        {
            RefundKind::RefundOnly
        }
        RefundReason::Logistics => RefundKind::RefundOnly,
        _ => RefundKind::ReturnAndRefund,
    }
}

/// Seconds from request to completion, or None when a dispute never settles.
fn completion(rng: &mut SplitMix64, t: &Traits, kind: RefundKind, disputed: bool) -> Option<i64> {
    let mut d = if rng.chance(0.1 + 0.85 * t.refund_speed) {
        rng.int(HOUR / 2, 24 * HOUR)
    } else {
        let worst = 48.0 + 240.0 * (1.0 - t.refund_speed);
        rng.int(48 * HOUR, (worst * HOUR as f64) as i64)
    };
    if kind == RefundKind::ReturnAndRefund {
        // The buyer ships the goods back first.
        d += rng.int(48 * HOUR, 120 * HOUR);
    }
    if disputed {
        if rng.chance(0.2) {
            return None;
        }
        d += rng.int(72 * HOUR, 240 * HOUR);
    }
    Some(d)
}

/// Drops what has not happened yet by the end of the window.
fn clip(mut d: Draft, end: i64) -> Draft {
    if d.shipped.is_some_and(|t| t >= end) {
        d.shipped = None;
    }
    if d.shipped.is_none() || d.delivered.is_some_and(|t| t >= end) {
        d.delivered = None;
    }
    d
}

/// The order rows.
pub(super) fn finish(
    drafts: &[Draft],
    plans: &[MerchantPlan],
    products: &[Product],
) -> Result<Vec<Order>> {
    let mut orders = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.iter().enumerate() {
        let refund = match &d.refund {
            Some(r) => Some(Refund {
                kind: r.kind,
                reason: r.reason,
                requested_at: ts(r.requested)?,
                completed_at: r.completed.map(ts).transpose()?,
                disputed: r.disputed,
            }),
            None => None,
        };
        orders.push(Order {
            id: order_id(i),
            buyer_id: buyer_id(d.buyer),
            merchant_id: plans
                .get(d.merchant)
                .map(|p| p.merchant.id.clone())
                .unwrap_or_default(),
            product_id: products
                .get(d.product)
                .map(|p| p.id.clone())
                .unwrap_or_default(),
            channel: d.channel,
            quantity: d.quantity,
            amount_fen: d.amount_fen,
            paid_at: ts(d.paid)?,
            shipped_at: d.shipped.map(ts).transpose()?,
            delivered_at: d.delivered.map(ts).transpose()?,
            refund,
        });
    }
    Ok(orders)
}

pub(super) fn order_id(i: usize) -> String {
    format!("o{:07}", i + 1)
}

pub(super) fn buyer_id(b: usize) -> String {
    format!("b{:06}", b + 1)
}
