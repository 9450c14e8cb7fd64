//! Planted manipulation, so the index's brushing guard has something realistic to catch and the
//! demo shows it:
//!
//! - **Brushing rings (刷单)** on about 4 % of merchants: a ring of fresh accounts, registered days
//!   before they buy, sharing a few devices and a few (empty-parcel) addresses, buys the shop's
//!   cheapest item one to three times each in the live room over a few days — which also fakes
//!   repeat buyers — and most orders get a short 5★ review soon after "delivery".
//! - **Rating bombs (恶意差评)** on two merchants: a competitor's ring buys once from the victim and
//!   leaves 1★ reviews.
//!
//! Rings go to small and mid-sized shops, where they matter: their volume is 10–25 % of what the
//! shop sells in a month.

use super::orders::OrderSeed;
use super::sample::{stream, Sample};
use super::traits::MerchantPlan;
use super::{Window, DAY, HOUR, TAG_FAKE};
use crate::model::{Channel, Product};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FakeKind {
    /// Orders and 5★ reviews the shop pays for.
    Brush,
    /// 1★ reviews against a competitor.
    Bomb,
}

/// Which ring account placed a planted order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FakeSeed {
    pub kind: FakeKind,
    /// Index into [`Planted::rings`].
    pub ring: u32,
    pub account: u32,
}

/// A ring of fake accounts working on one merchant.
#[derive(Debug, Clone)]
pub(super) struct Ring {
    pub merchant: usize,
    pub kind: FakeKind,
    /// Accounts that share one device cluster.
    pub per_device: u32,
    /// Accounts that share one address cluster.
    pub per_address: u32,
}

#[derive(Debug, Default)]
pub(super) struct Planted {
    /// Planted order seeds per merchant (empty for most).
    pub seeds: Vec<Vec<OrderSeed>>,
    pub rings: Vec<Ring>,
}

/// Orders a merchant sells in an average 30 days of its active history.
fn monthly_orders(plan: &MerchantPlan, days: u32) -> f64 {
    let active = f64::from(days - plan.first_day.min(days - 1));
    f64::from(plan.target_orders) / active * 30.0
}

fn cheapest(plan: &MerchantPlan, products: &[Product]) -> Option<(i64, usize)> {
    plan.products
        .clone()
        .filter_map(|i| products.get(i).map(|p| (p.list_price_fen, i)))
        .min()
}

pub(super) fn plant(
    seed: u64,
    plans: &[MerchantPlan],
    products: &[Product],
    window: &Window,
) -> Planted {
    let mut planted = Planted {
        seeds: vec![Vec::new(); plans.len()],
        rings: Vec::new(),
    };
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
    let brushed = ((plans.len() as f64 * 0.04).round() as usize).max(2);
    let bombed = 2.min(eligible.len().saturating_sub(brushed));
    for (n, &m) in eligible.iter().take(brushed + bombed).enumerate() {
        let Some(plan) = plans.get(m) else { continue };
        let Some((price, product)) = cheapest(plan, products) else {
            continue;
        };
        let kind = if n < brushed {
            FakeKind::Brush
        } else {
            FakeKind::Bomb
        };
        let monthly = monthly_orders(plan, days);
        let (accounts, per_device, per_address) = match kind {
            FakeKind::Brush => {
                let orders = (monthly * rng.uniform(0.10, 0.25)).clamp(20.0, 600.0);
                // One to three orders per account: two on average.
                ((orders / 2.0).ceil() as u32, rng.int(3, 6), rng.int(4, 10))
            }
            FakeKind::Bomb => (rng.int(15, 40) as u32, rng.int(3, 5), rng.int(5, 12)),
        };
        let ring = u32::try_from(planted.rings.len()).unwrap_or(u32::MAX);
        planted.rings.push(Ring {
            merchant: m,
            kind,
            per_device: per_device as u32,
            per_address: per_address as u32,
        });
        // Somewhere in the last two months, ending early enough that every review is in.
        let spread = rng.int(2, 10) as u32;
        let lo = (plan.first_day + 3).max(days.saturating_sub(60));
        let hi = days.saturating_sub(6 + spread);
        let first_day = rng.int(i64::from(lo.min(hi)), i64::from(hi)) as u32;
        let start = window.day_start(first_day) + 9 * HOUR;
        let Some(seeds) = planted.seeds.get_mut(m) else {
            continue;
        };
        for account in 0..accounts {
            let orders = match kind {
                FakeKind::Brush => rng.int(1, 3),
                FakeKind::Bomb => 1,
            };
            let mut paid = start + rng.int(0, i64::from(spread) * DAY - 12 * HOUR);
            for _ in 0..orders {
                seeds.push(OrderSeed {
                    paid,
                    product,
                    quantity: 1,
                    amount_fen: price,
                    channel: Channel::LiveRoom,
                    fake: Some(FakeSeed {
                        kind,
                        ring,
                        account,
                    }),
                });
                paid += rng.int(DAY, 4 * DAY);
            }
        }
        seeds.retain(|s| s.paid < window.end() - 3 * DAY);
    }
    planted
}
