//! Merchants: category, size, type, start date, followers, name — and the hidden behaviour traits
//! that every later table is drawn from.
//!
//! Sizes are heavy-tailed (a Pareto with exponent 4/3) and drawn by stratified sampling: merchant
//! ranks are shuffled and each rank gets one draw from its own slice of the distribution, so even
//! 300 merchants reproduce the tail (a few giants, a long body of small shops) instead of leaving
//! it to luck.

use std::collections::BTreeSet;
use std::ops::Range;

use super::categories::L2;
use super::names::shop_name;
use super::sample::{pareto_34, stream, Sample};
use super::{Window, TAG_MERCHANTS};
use crate::model::{Merchant, MerchantType};

/// Behaviour on a 0–1 scale, 1 = best, except `dispute` (a propensity: 1 = escalates a lot).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Traits {
    pub quality: f64,
    pub shipping: f64,
    pub service: f64,
    pub refund_speed: f64,
    pub dispute: f64,
    /// Honest, engaging content: fewer "not as described" refunds, livelier live rooms.
    pub content: f64,
}

impl Traits {
    /// How much buyers come back: mostly product quality, then service and delivery.
    pub fn retention(&self) -> f64 {
        0.55 * self.quality + 0.25 * self.service + 0.2 * self.shipping
    }
}

/// The clearly bad merchants have one dominant failure, the way problems show up on real
/// platforms; everybody else is `Normal` with correlated but varied traits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Archetype {
    Normal,
    PoorQuality,
    SlowShipping,
    SlowRefunds,
    Disputes,
}

#[derive(Debug)]
pub(super) struct MerchantPlan {
    pub merchant: Merchant,
    /// Index into [`L2`].
    pub l2: usize,
    // Read by the tests, which check that bad merchants really stand out.
    #[allow(dead_code)]
    pub archetype: Archetype,
    pub traits: Traits,
    /// Regular orders over the active part of the history (live-session and fake orders come
    /// on top).
    pub target_orders: u32,
    /// The first history day the merchant sells on (0 when it opened before the window).
    pub first_day: u32,
    /// This merchant's rows of the products table.
    pub products: Range<usize>,
}

/// Median regular orders of a merchant over 75 days is about 1.68 × this.
const SIZE_SCALE: f64 = 120.0;

pub(super) fn plan_merchants(seed: u64, n: u32, window: &Window) -> Vec<MerchantPlan> {
    let n_us = n as usize;
    let mut rng = stream(seed, TAG_MERCHANTS, 0);
    let categories = assign_categories(&mut rng, n_us);
    let mut ranks: Vec<usize> = (0..n_us).collect();
    rng.shuffle(&mut ranks);
    let archetypes = assign_archetypes(&mut rng, n_us);

    let mut taken = BTreeSet::new();
    let mut plans = Vec::with_capacity(n_us);
    for (i, ((&l2, &rank), &archetype)) in
        categories.iter().zip(&ranks).zip(&archetypes).enumerate()
    {
        let mut rng = stream(seed, TAG_MERCHANTS, i as u64 + 1);
        // u is the merchant's upper-tail probability: small u = big merchant.
        // The floor caps the single largest merchant near 120 × 600^¾ ≈ 14 500 orders.
        let floor = (0.5 / f64::from(n)).max(1e-3);
        let u = ((rank as f64 + rng.next_f64()) / f64::from(n)).max(floor);
        let days = window.days;
        let full = SIZE_SCALE * pareto_34(u) * f64::from(days) / 75.0;
        // About one small or mid merchant in ten opened during the window; giants are old.
        let first_day = if u > 0.2 && rng.chance(0.1) {
            rng.int(1, i64::from(days) - 21) as u32
        } else {
            0
        };
        let active = f64::from(days - first_day) / f64::from(days);
        let target_orders = (full * active).round().max(6.0) as u32;

        let merchant_type = merchant_type(&mut rng, u);
        let start_date = if first_day > 0 {
            window.as_of.minus_days(u64::from(days - first_day))
        } else {
            let age = if u < 0.05 {
                rng.int(700, 2500)
            } else {
                rng.int(30, 1500)
            };
            window.as_of.minus_days(u64::from(days) + age as u64)
        };
        let per_75_days = full * 75.0 / f64::from(days);
        let fan_factor = match merchant_type {
            MerchantType::Individual => rng.uniform(80.0, 400.0),
            MerchantType::Brand => rng.uniform(30.0, 150.0),
            _ => rng.uniform(15.0, 80.0),
        };
        let followers = (per_75_days * fan_factor + rng.uniform(200.0, 2000.0)).round() as u64;
        let cat = &L2[l2 % L2.len()];
        let name = shop_name(&mut rng, merchant_type, cat, &mut taken);
        let traits = draw_traits(&mut rng, archetype);
        plans.push(MerchantPlan {
            merchant: Merchant {
                id: format!("m{:04}", i + 1),
                name,
                category_id: cat.id.to_owned(),
                merchant_type,
                start_date,
                followers,
            },
            l2: l2 % L2.len(),
            archetype,
            traits,
            target_orders,
            first_day,
            products: 0..0,
        });
    }
    plans
}

/// Every L2 category first gets up to five merchants (so peers exist), the rest follow category
/// popularity; the list is then shuffled so ids do not reveal the category.
fn assign_categories(rng: &mut crate::rng::SplitMix64, n: usize) -> Vec<usize> {
    let l2n = L2.len();
    let mut order: Vec<usize> = (0..l2n).collect();
    rng.shuffle(&mut order);
    let guaranteed = n.min(5 * l2n);
    let weights: Vec<u32> = L2.iter().map(|c| c.popularity).collect();
    let mut cats: Vec<usize> = (0..n)
        .map(|i| {
            if i < guaranteed {
                order[i % l2n]
            } else {
                rng.weighted(&weights)
            }
        })
        .collect();
    rng.shuffle(&mut cats);
    cats
}

/// About 6% of merchants (at least one) are clearly bad, cycling through the failure kinds.
fn assign_archetypes(rng: &mut crate::rng::SplitMix64, n: usize) -> Vec<Archetype> {
    const BAD: [Archetype; 4] = [
        Archetype::PoorQuality,
        Archetype::SlowShipping,
        Archetype::SlowRefunds,
        Archetype::Disputes,
    ];
    let bad = ((n as f64 * 0.06).round() as usize).max(1).min(n);
    let mut idx: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut idx);
    let mut out = vec![Archetype::Normal; n];
    for (k, &i) in idx.iter().take(bad).enumerate() {
        out[i] = BAD[k % BAD.len()];
    }
    out
}

fn merchant_type(rng: &mut crate::rng::SplitMix64, u: f64) -> MerchantType {
    const TYPES: [MerchantType; 5] = [
        MerchantType::Individual,
        MerchantType::Vertical,
        MerchantType::Brand,
        MerchantType::FastBrand,
        MerchantType::ServiceProvider,
    ];
    // Giants are mostly brands and star streamers; the long tail is small vertical shops.
    let weights: [u32; 5] = if u < 0.05 {
        [30, 10, 35, 25, 0]
    } else if u < 0.4 {
        [30, 30, 10, 20, 10]
    } else {
        [35, 40, 5, 10, 10]
    };
    TYPES[rng.weighted(&weights) % TYPES.len()]
}

fn draw_traits(rng: &mut crate::rng::SplitMix64, archetype: Archetype) -> Traits {
    // One latent "how well run" level plus per-trait noise: good shops tend to be good at
    // everything, but not uniformly.
    let g = 0.3 + 0.65 * rng.bell();
    let mut around = |spread: f64| (g + rng.uniform(-spread, spread)).clamp(0.05, 0.99);
    let mut t = Traits {
        quality: around(0.2),
        shipping: around(0.25),
        service: around(0.25),
        refund_speed: around(0.25),
        content: around(0.25),
        dispute: 0.0,
    };
    t.dispute = (0.3 - 0.25 * g + rng.uniform(-0.08, 0.08)).clamp(0.01, 0.95);
    match archetype {
        Archetype::Normal => {}
        Archetype::PoorQuality => {
            t.quality = rng.uniform(0.05, 0.2);
            t.content = rng.uniform(0.15, 0.4);
            t.dispute = t.dispute.max(rng.uniform(0.3, 0.5));
        }
        Archetype::SlowShipping => {
            t.shipping = rng.uniform(0.02, 0.15);
            t.service = t.service.min(0.5);
        }
        Archetype::SlowRefunds => {
            t.refund_speed = rng.uniform(0.02, 0.15);
            t.service = rng.uniform(0.05, 0.3);
        }
        Archetype::Disputes => {
            t.dispute = rng.uniform(0.7, 0.95);
            t.quality = rng.uniform(0.25, 0.4);
            t.refund_speed = rng.uniform(0.1, 0.3);
        }
    }
    t
}
