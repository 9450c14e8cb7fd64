//! Fake-review bursts (刷单刷评): on 3–5% of merchants, a batch of brushed orders from one-off
//! accounts, all delivered and reviewed 5★ within 48 hours.
//!
//! Bursts go to small and mid-sized shops, where they also stand out: the burst is several times
//! what the shop normally gets in two days, which is what a detector should flag.

use super::orders::OrderSeed;
use super::sample::{stream, Sample};
use super::traits::MerchantPlan;
use super::{Window, HOUR, TAG_FAKE};
use crate::model::{Channel, Product};

/// Share of delivered orders that normally get reviewed, roughly (see `reviews.rs`).
const REVIEW_RATE: f64 = 0.3;

/// Brushed order seeds per merchant (empty for most).
pub(super) fn bursts(
    seed: u64,
    plans: &[MerchantPlan],
    products: &[Product],
    window: &Window,
) -> Vec<Vec<OrderSeed>> {
    let mut out = vec![Vec::new(); plans.len()];
    let mut rng = stream(seed, TAG_FAKE, 0);
    let mut sizes: Vec<u32> = plans.iter().map(|p| p.target_orders).collect();
    sizes.sort_unstable();
    let median = sizes.get(sizes.len() / 2).copied().unwrap_or(0);
    let days = window.days;
    let mut eligible: Vec<usize> = plans
        .iter()
        .enumerate()
        .filter(|(_, p)| p.target_orders <= median.saturating_mul(3) && p.first_day + 20 <= days)
        .map(|(i, _)| i)
        .collect();
    rng.shuffle(&mut eligible);
    let wanted = ((plans.len() as f64 * 0.04).round() as usize).max(2);
    for &m in eligible.iter().take(wanted) {
        let Some(plan) = plans.get(m) else { continue };
        let active = f64::from(days - plan.first_day.min(days - 1));
        let baseline_48h = f64::from(plan.target_orders) / active * 2.0 * REVIEW_RATE;
        let count = (6.0 * baseline_48h).ceil().clamp(15.0, 300.0) as i64 + rng.int(0, 10);
        // Brushing uses the cheapest item: the shop pays for every fake order.
        let cheapest = plan
            .products
            .clone()
            .filter_map(|i| products.get(i).map(|p| (p.list_price_fen, i)))
            .min();
        let Some((price, product)) = cheapest else {
            continue;
        };
        // Somewhere in the last two months, ending early enough that every review is in.
        let lo = (plan.first_day + 3).max(days.saturating_sub(60));
        let hi = days - 5;
        let day = rng.int(i64::from(lo.min(hi)), i64::from(hi)) as u32;
        let t0 = window.day_start(day) + rng.int(9 * HOUR, 20 * HOUR);
        if let Some(seeds) = out.get_mut(m) {
            for _ in 0..count {
                seeds.push(OrderSeed {
                    paid: t0 + rng.int(0, 10 * HOUR),
                    product,
                    quantity: 1,
                    amount_fen: price,
                    channel: Channel::Shop,
                    fake: true,
                });
            }
        }
    }
    out
}
