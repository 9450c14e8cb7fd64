//! The audience package (人群包, 精准人群圈定): which buyers to reach before the session, scored
//! by their affinity for the planned products, with the reservations to expect and the products
//! that drive them.
//!
//! Buyer history is kept column-wise ([`AudienceHistory`]: purchases grouped by buyer, product
//! and category as indices, days ago, unit price) so a platform-sized sample — a million buyers —
//! scores in one pass without allocating per buyer. The score, for buyer b and planned product p
//! of category c at live price L (all sums over b's purchases, each weighted `w = 0.5^(daysAgo /
//! halfLifeDays)`):
//!
//! ```text
//! P = Σ w over purchases of p          C = Σ w over purchases of other products of c
//! interest = 1 − exp(−(productWeight·P + categoryWeight·C))
//! priceFit = min(1, m / L)             m = w-weighted mean unit price b paid in c
//! s_p = interest · priceFit            best = max_p s_p (the driver is that p; ties: plan order)
//! affinity = 1 − (1 − best)(1 − followerWeight·[follows])(1 − reservationWeight·(1 − 0.5^r))
//! ```
//!
//! where r is how many earlier sessions of the merchant b reserved. The package is every buyer
//! with `affinity ≥ minAffinity`, the highest first, at most `maxSize`. Each reserves with
//! probability `reserveRate.expected × affinity`; the range runs from `reserveRate.low` less
//! 1.645 standard deviations of the count to `reserveRate.high` plus 1.645 (normal approximation
//! of the sum of Bernoulli trials): it covers chance and the stated uncertainty of the rate, not
//! a wrong model.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::draft::Preview;
use crate::model::{Dataset, LocalDate};
use crate::{Error, Result};

/// The reservation rate of a fully affine buyer, with its plausible range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RateRange {
    pub low: f64,
    pub expected: f64,
    pub high: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct AudienceConfig {
    pub half_life_days: f64,
    pub product_weight: f64,
    pub category_weight: f64,
    pub follower_weight: f64,
    pub reservation_weight: f64,
    pub min_affinity: f64,
    pub max_size: u32,
    pub reserve_rate: RateRange,
    /// How many of the top buyers the report lists.
    pub top_shown: u32,
}

impl Default for AudienceConfig {
    fn default() -> Self {
        AudienceConfig {
            half_life_days: 30.0,
            product_weight: 1.0,
            category_weight: 0.4,
            follower_weight: 0.25,
            reservation_weight: 0.35,
            min_affinity: 0.2,
            max_size: 200_000,
            reserve_rate: RateRange {
                low: 0.15,
                expected: 0.25,
                high: 0.35,
            },
            top_shown: 20,
        }
    }
}

impl AudienceConfig {
    pub fn validate(&self) -> Result<()> {
        let bad = |field: &str, reason: &str| Err(Error::invalid_field(field, reason));
        if !(self.half_life_days.is_finite() && self.half_life_days > 0.0) {
            return bad("halfLifeDays", "must be a positive number");
        }
        for (field, value) in [
            ("productWeight", self.product_weight),
            ("categoryWeight", self.category_weight),
        ] {
            if !(value.is_finite() && value >= 0.0) {
                return bad(field, "must be a number of at least 0");
            }
        }
        for (field, value) in [
            ("followerWeight", self.follower_weight),
            ("reservationWeight", self.reservation_weight),
            ("minAffinity", self.min_affinity),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return bad(field, "must be from 0 to 1");
            }
        }
        let r = self.reserve_rate;
        let ordered_rates = (0.0..=1.0).contains(&r.low)
            && (0.0..=1.0).contains(&r.high)
            && r.low <= r.expected
            && r.expected <= r.high;
        if !ordered_rates {
            return bad(
                "reserveRate",
                "must be rates from 0 to 1 with low ≤ expected ≤ high",
            );
        }
        Ok(())
    }
}

/// A product the history knows: its id and its category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HistoryProduct {
    pub id: String,
    pub category_id: String,
}

/// The history as columns, the way a data team holds it (and the wasm API passes typed arrays):
/// purchase `k` is buyer `purchaseBuyer[k]` buying product `purchaseProduct[k]` (an index into
/// `products`) `purchaseDaysAgo[k]` days ago at `purchaseUnitPriceFen[k]` a piece.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HistoryColumns {
    pub buyer_count: u32,
    /// Names of the buyers, by index; without them the report names buyers by index.
    pub buyer_ids: Option<Vec<String>>,
    pub products: Vec<HistoryProduct>,
    pub purchase_buyer: Vec<u32>,
    pub purchase_product: Vec<u32>,
    pub purchase_days_ago: Vec<u16>,
    pub purchase_unit_price_fen: Vec<u32>,
    /// Indices of the buyers who follow the merchant.
    pub followers: Vec<u32>,
    /// Per buyer, how many earlier sessions of the merchant they reserved (empty: none known).
    pub earlier_reservations: Vec<u16>,
}

/// What the platform knows besides orders: who follows the merchant and who reserved its earlier
/// sessions. Buyer ids must be in the data's buyers or orders.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct AudienceSignals {
    pub followers: Vec<String>,
    pub earlier_reservations: Vec<ReservationCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReservationCount {
    pub buyer_id: String,
    pub count: u16,
}

/// Buyer history ready to score: purchases grouped by buyer.
#[derive(Debug, Clone)]
pub struct AudienceHistory {
    buyer_ids: Option<Vec<String>>,
    products: Vec<HistoryProduct>,
    product_category: Vec<u32>,
    category_count: u32,
    /// `offsets[b]..offsets[b + 1]` are buyer b's purchases.
    offsets: Vec<u32>,
    product: Vec<u32>,
    days_ago: Vec<u16>,
    unit_price: Vec<u32>,
    follower: Vec<bool>,
    reservations: Vec<u16>,
}

impl AudienceHistory {
    /// Checks the columns (lengths, indices in range; errors name the column and row) and groups
    /// the purchases by buyer.
    pub fn from_columns(columns: HistoryColumns) -> Result<Self> {
        let n = columns.buyer_count as usize;
        let purchases = columns.purchase_buyer.len();
        for (field, len) in [
            ("purchaseProduct", columns.purchase_product.len()),
            ("purchaseDaysAgo", columns.purchase_days_ago.len()),
            (
                "purchaseUnitPriceFen",
                columns.purchase_unit_price_fen.len(),
            ),
        ] {
            if len != purchases {
                return Err(Error::invalid_field(
                    field,
                    format!("has {len} rows, purchaseBuyer has {purchases}"),
                ));
            }
        }
        if u32::try_from(purchases).is_err() {
            return Err(Error::invalid_field(
                "purchaseBuyer",
                "more than 2³² purchases",
            ));
        }
        if let Some(ids) = &columns.buyer_ids {
            if ids.len() != n {
                return Err(Error::invalid_field(
                    "buyerIds",
                    format!("has {} names for {n} buyers", ids.len()),
                ));
            }
        }
        if !columns.earlier_reservations.is_empty() && columns.earlier_reservations.len() != n {
            return Err(Error::invalid_field(
                "earlierReservations",
                format!(
                    "has {} rows for {n} buyers (give one per buyer, or none)",
                    columns.earlier_reservations.len()
                ),
            ));
        }
        let mut categories: HashMap<&str, u32> = HashMap::new();
        let mut product_category = Vec::with_capacity(columns.products.len());
        for p in &columns.products {
            let next = u32::try_from(categories.len()).unwrap_or(u32::MAX);
            product_category.push(*categories.entry(p.category_id.as_str()).or_insert(next));
        }
        let category_count = u32::try_from(categories.len()).unwrap_or(u32::MAX);
        let mut counts = vec![0u32; n + 1];
        for (k, &b) in columns.purchase_buyer.iter().enumerate() {
            if b as usize >= n {
                return Err(Error::invalid_field(
                    format!("purchaseBuyer[{k}]"),
                    format!("buyer {b} is not below buyerCount {n}"),
                ));
            }
            if columns.purchase_product[k] as usize >= columns.products.len() {
                return Err(Error::invalid_field(
                    format!("purchaseProduct[{k}]"),
                    format!(
                        "product {} is not below the {} products",
                        columns.purchase_product[k],
                        columns.products.len()
                    ),
                ));
            }
            counts[b as usize + 1] += 1;
        }
        for i in 1..=n {
            counts[i] += counts[i - 1];
        }
        let offsets = counts.clone();
        let mut next = counts;
        let mut product = vec![0u32; purchases];
        let mut days_ago = vec![0u16; purchases];
        let mut unit_price = vec![0u32; purchases];
        for k in 0..purchases {
            let b = columns.purchase_buyer[k] as usize;
            let at = next[b] as usize;
            next[b] += 1;
            product[at] = columns.purchase_product[k];
            days_ago[at] = columns.purchase_days_ago[k];
            unit_price[at] = columns.purchase_unit_price_fen[k];
        }
        // Each buyer's purchases in a fixed order, so sums (and so the last bits of every
        // affinity) do not depend on the order of the input rows.
        let mut rows: Vec<(u32, u16, u32)> = Vec::new();
        for b in 0..n {
            let (from, to) = (offsets[b] as usize, offsets[b + 1] as usize);
            if to - from > 1 {
                rows.clear();
                rows.extend((from..to).map(|k| (product[k], days_ago[k], unit_price[k])));
                rows.sort_unstable();
                for (k, &(p, d, u)) in (from..to).zip(&rows) {
                    product[k] = p;
                    days_ago[k] = d;
                    unit_price[k] = u;
                }
            }
        }
        let mut follower = vec![false; n];
        for (i, &b) in columns.followers.iter().enumerate() {
            match follower.get_mut(b as usize) {
                Some(f) => *f = true,
                None => {
                    return Err(Error::invalid_field(
                        format!("followers[{i}]"),
                        format!("buyer {b} is not below buyerCount {n}"),
                    ))
                }
            }
        }
        Ok(AudienceHistory {
            buyer_ids: columns.buyer_ids,
            products: columns.products,
            product_category,
            category_count,
            offsets,
            product,
            days_ago,
            unit_price,
            follower,
            reservations: columns.earlier_reservations,
        })
    }

    /// The history of every buyer of `dataset` (the buyers table, then any buyer only seen in
    /// orders) from the orders paid before `today` (an Asia/Shanghai day; its own orders are
    /// still coming in), each aged in calendar days, with the merchant's `signals`.
    pub fn from_dataset(
        dataset: &Dataset,
        today: LocalDate,
        signals: &AudienceSignals,
    ) -> Result<Self> {
        let midnight = today.start();
        let mut buyer_index: HashMap<&str, u32> = HashMap::new();
        let mut buyer_ids: Vec<String> = Vec::new();
        fn index_of<'a>(
            id: &'a str,
            index: &mut HashMap<&'a str, u32>,
            ids: &mut Vec<String>,
        ) -> u32 {
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            *index.entry(id).or_insert_with(|| {
                ids.push(id.to_owned());
                next
            })
        }
        for b in &dataset.buyers {
            index_of(&b.id, &mut buyer_index, &mut buyer_ids);
        }
        let products: Vec<HistoryProduct> = dataset
            .products
            .iter()
            .map(|p| HistoryProduct {
                id: p.id.clone(),
                category_id: p.category_id.clone(),
            })
            .collect();
        let product_index: HashMap<&str, u32> = dataset
            .products
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let mut columns = HistoryColumns::default();
        for order in &dataset.orders {
            if order.paid_at >= midnight || order.quantity == 0 {
                continue;
            }
            let Some(&p) = product_index.get(order.product_id.as_str()) else {
                continue;
            };
            let b = index_of(&order.buyer_id, &mut buyer_index, &mut buyer_ids);
            let days = (today.0 - order.paid_at.local_date().0).num_days();
            let unit = (order.amount_fen / i64::from(order.quantity)).clamp(0, i64::from(u32::MAX));
            columns.purchase_buyer.push(b);
            columns.purchase_product.push(p);
            columns
                .purchase_days_ago
                .push(u16::try_from(days).unwrap_or(u16::MAX));
            columns.purchase_unit_price_fen.push(unit as u32);
        }
        let lookup = |field: String, id: &str| {
            buyer_index
                .get(id)
                .copied()
                .ok_or_else(|| Error::invalid_field(field, format!("no buyer `{id}` in the data")))
        };
        for (i, id) in signals.followers.iter().enumerate() {
            columns
                .followers
                .push(lookup(format!("signals.followers[{i}]"), id)?);
        }
        if !signals.earlier_reservations.is_empty() {
            columns.earlier_reservations = vec![0; buyer_ids.len()];
            for (i, r) in signals.earlier_reservations.iter().enumerate() {
                let b = lookup(
                    format!("signals.earlierReservations[{i}].buyerId"),
                    &r.buyer_id,
                )?;
                columns.earlier_reservations[b as usize] = r.count;
            }
        }
        columns.buyer_count = u32::try_from(buyer_ids.len())
            .map_err(|_| Error::invalid_field("buyers", "more than 2³² buyers"))?;
        columns.buyer_ids = Some(buyer_ids);
        columns.products = products;
        Self::from_columns(columns)
    }

    pub fn buyer_count(&self) -> usize {
        self.follower.len()
    }

    pub fn purchase_count(&self) -> usize {
        self.product.len()
    }

    /// Whether the history has product `id` (a plan's unknown products are the validation's
    /// to report; the package scores the known ones).
    pub fn knows(&self, id: &str) -> bool {
        self.products.iter().any(|p| p.id == id)
    }
}

/// A product of the plan and its price in the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlannedProduct {
    pub product_id: String,
    pub live_price_fen: i64,
}

impl PlannedProduct {
    /// The plan of a preview: its items in order.
    pub fn of(preview: &Preview) -> Vec<PlannedProduct> {
        preview
            .items
            .iter()
            .map(|i| PlannedProduct {
                product_id: i.product_id.clone(),
                live_price_fen: i.live_price_fen,
            })
            .collect()
    }
}

/// A buyer of the package.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PackagedBuyer {
    pub buyer_id: String,
    pub affinity: f64,
    /// The planned product the buyer's affinity comes from, if any (a follower without
    /// purchases in the plan's categories has none).
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub driver: Option<String>,
}

/// How one planned product drives the package.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ProductDriver {
    pub product_id: String,
    /// Buyers of the package whose affinity comes from this product.
    pub buyers: u64,
    /// Their expected reservations.
    pub expected_reservations: f64,
    /// That as a share of all expected reservations (0–1).
    pub share: f64,
}

/// The expected number of reservations (four decimals) and its range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReservationEstimate {
    pub expected: f64,
    pub low: u64,
    pub high: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AudienceReport {
    /// Buyers scored.
    pub buyers_scored: u64,
    /// Buyers with any affinity above zero.
    pub buyers_with_affinity: u64,
    /// Buyers at or above `minAffinity` (before the `maxSize` cap).
    pub qualified: u64,
    /// The package's size: `qualified` capped at `maxSize`.
    pub size: u64,
    /// The lowest affinity in the package (0 when it is empty).
    pub cutoff_affinity: f64,
    pub reservations: ReservationEstimate,
    /// One per planned product, in plan order.
    pub drivers: Vec<ProductDriver>,
    /// The package's buyers by affinity in tenths: `[0.0, 0.1)`, …, `[0.9, 1.0]`.
    pub histogram: [u64; 10],
    /// The highest `topShown` buyers, highest first (ties: lower buyer index first).
    pub top: Vec<PackagedBuyer>,
}

/// Scores every buyer of `history` for `plan` and builds the package. Errors name a planned
/// product the history does not know (`plan[2].productId`), a bad price or a bad config field.
pub fn audience_package(
    history: &AudienceHistory,
    plan: &[PlannedProduct],
    config: &AudienceConfig,
) -> Result<AudienceReport> {
    config.validate()?;
    if plan.len() > 255 {
        return Err(Error::invalid_field("plan", "at most 255 products"));
    }
    let product_index: HashMap<&str, usize> = history
        .products
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    // Plan slot per product and plan-category slot per category (u32::MAX: not planned).
    let mut slot_of_product = vec![u32::MAX; history.products.len()];
    let mut cat_slot = vec![u32::MAX; history.category_count as usize];
    let mut plan_cat: Vec<usize> = Vec::with_capacity(plan.len());
    let mut plan_price: Vec<f64> = Vec::with_capacity(plan.len());
    // Whether slot k is its product's first: a product planned twice counts its purchases once.
    let mut owns: Vec<bool> = Vec::with_capacity(plan.len());
    let mut cat_count = 0usize;
    for (k, planned) in plan.iter().enumerate() {
        let Some(&p) = product_index.get(planned.product_id.as_str()) else {
            return Err(Error::invalid_field(
                format!("plan[{k}].productId"),
                format!("no product `{}` in the history", planned.product_id),
            ));
        };
        if planned.live_price_fen <= 0 {
            return Err(Error::invalid_field(
                format!("plan[{k}].livePriceFen"),
                "must be a positive number of fen",
            ));
        }
        if slot_of_product[p] == u32::MAX {
            slot_of_product[p] = k as u32;
        }
        let c = history.product_category[p] as usize;
        if cat_slot[c] == u32::MAX {
            cat_slot[c] = cat_count as u32;
            cat_count += 1;
        }
        owns.push(slot_of_product[p] == k as u32);
        plan_cat.push(cat_slot[c] as usize);
        plan_price.push(planned.live_price_fen as f64);
    }
    let max_days = history.days_ago.iter().copied().max().unwrap_or(0) as usize;
    let weight: Vec<f64> = (0..=max_days)
        .map(|d| 0.5f64.powf(d as f64 / config.half_life_days))
        .collect();

    let n = history.buyer_count();
    let mut p_w = vec![0.0f64; plan.len()];
    let mut c_w = vec![0.0f64; cat_count];
    let mut c_paid = vec![0.0f64; cat_count];
    let mut touched: Vec<usize> = Vec::with_capacity(16);
    let (fw, rw) = (config.follower_weight, config.reservation_weight);
    let mut scored: Vec<(f64, u32, u8)> = Vec::new();
    let mut with_affinity = 0u64;
    let no_driver = u8::MAX;
    for b in 0..n {
        let (from, to) = (history.offsets[b] as usize, history.offsets[b + 1] as usize);
        let mut any = false;
        for k in from..to {
            let p = history.product[k] as usize;
            let c = history.product_category[p] as usize;
            let cs = cat_slot[c];
            if cs == u32::MAX {
                continue;
            }
            let cs = cs as usize;
            let w = weight[history.days_ago[k] as usize];
            if c_w[cs] == 0.0 {
                touched.push(cs);
            }
            c_w[cs] += w;
            c_paid[cs] += w * f64::from(history.unit_price[k]);
            let ps = slot_of_product[p];
            if ps != u32::MAX {
                p_w[ps as usize] += w;
            }
            any = true;
        }
        let mut best = 0.0f64;
        let mut driver = no_driver;
        if any {
            for (k, &cs) in plan_cat.iter().enumerate() {
                let cw = c_w[cs];
                if cw == 0.0 {
                    continue;
                }
                let own = if owns[k] { p_w[k] } else { 0.0 };
                let other = (cw - own).max(0.0);
                let interest =
                    1.0 - (-(config.product_weight * own + config.category_weight * other)).exp();
                let mean_paid = c_paid[cs] / cw;
                let fit = (mean_paid / plan_price[k]).min(1.0);
                let s = interest * fit;
                if s > best {
                    best = s;
                    driver = k as u8;
                }
            }
            for &cs in &touched {
                c_w[cs] = 0.0;
                c_paid[cs] = 0.0;
            }
            touched.clear();
            p_w.iter_mut().for_each(|w| *w = 0.0);
        }
        let follows = if history.follower[b] { fw } else { 0.0 };
        let reserved = history
            .reservations
            .get(b)
            .map_or(0.0, |&r| rw * (1.0 - 0.5f64.powi(i32::from(r))));
        let affinity = 1.0 - (1.0 - best) * (1.0 - follows) * (1.0 - reserved);
        if affinity > 0.0 {
            with_affinity += 1;
            if affinity >= config.min_affinity {
                scored.push((affinity, b as u32, driver));
            }
        }
    }

    let qualified = scored.len() as u64;
    let by_affinity =
        |a: &(f64, u32, u8), b: &(f64, u32, u8)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    let cap = config.max_size as usize;
    if scored.len() > cap {
        scored.select_nth_unstable_by(cap, by_affinity);
        scored.truncate(cap);
    }
    let mut drivers: Vec<ProductDriver> = plan
        .iter()
        .map(|p| ProductDriver {
            product_id: p.product_id.clone(),
            buyers: 0,
            expected_reservations: 0.0,
            share: 0.0,
        })
        .collect();
    let rate = config.reserve_rate;
    let (mut sum, mut var_low, mut var_high) = (0.0f64, 0.0, 0.0);
    let mut histogram = [0u64; 10];
    let mut cutoff = f64::INFINITY;
    for &(a, _, driver) in &scored {
        sum += a;
        let bernoulli_var = |r: f64| (r * a) * (1.0 - r * a);
        var_low += bernoulli_var(rate.low);
        var_high += bernoulli_var(rate.high);
        histogram[((a * 10.0) as usize).min(9)] += 1;
        cutoff = cutoff.min(a);
        if let Some(d) = drivers.get_mut(driver as usize) {
            d.buyers += 1;
            d.expected_reservations += rate.expected * a;
        }
    }
    let expected = rate.expected * sum;
    for d in &mut drivers {
        d.share = if expected > 0.0 {
            round4(d.expected_reservations / expected)
        } else {
            0.0
        };
        d.expected_reservations = round4(d.expected_reservations);
    }
    const Z: f64 = 1.645;
    let low = (rate.low * sum - Z * var_low.sqrt()).max(0.0).floor() as u64;
    let high = (rate.high * sum + Z * var_high.sqrt()).ceil() as u64;

    let shown = (config.top_shown as usize).min(scored.len());
    if shown > 0 && shown < scored.len() {
        scored.select_nth_unstable_by(shown - 1, by_affinity);
    }
    let mut top: Vec<(f64, u32, u8)> = scored[..shown].to_vec();
    top.sort_unstable_by(by_affinity);
    let top = top
        .into_iter()
        .map(|(a, b, driver)| PackagedBuyer {
            buyer_id: match &history.buyer_ids {
                Some(ids) => ids[b as usize].clone(),
                None => format!("#{b}"),
            },
            affinity: round4(a),
            driver: plan.get(driver as usize).map(|p| p.product_id.clone()),
        })
        .collect();
    Ok(AudienceReport {
        buyers_scored: n as u64,
        buyers_with_affinity: with_affinity,
        qualified,
        size: scored.len() as u64,
        cutoff_affinity: if scored.is_empty() {
            0.0
        } else {
            round4(cutoff)
        },
        reservations: ReservationEstimate {
            expected: round4(expected),
            low,
            high,
        },
        drivers,
        histogram,
        top,
    })
}

/// Reported numbers carry four decimals: more would only show the last bits of `exp` and `powf`,
/// which differ between native code and wasm, and the shells must give the same JSON.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
