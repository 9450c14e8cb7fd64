//! A synthetic live-commerce marketplace (Kuaishou-style) for demos, tests and benchmarks.
//!
//! [`generate`] turns a small [`GenerateConfig`] into a whole [`Dataset`]: a Chinese category
//! tree, merchants with hidden behaviour traits, products, a shared buyer pool, orders with
//! shipping and refunds, reviews, planted brushing rings and rating bombs, buyer accounts with
//! registration and address/device clusters, customer-service events and
//! live sessions (every streamer's, summarised; a few with per-second signals), and on top a
//! planted cold-start cohort with daily follower counts (`cohort.rs`). Behaviour drives the data — a merchant with poor
//! quality gets quality refunds, low ratings and complaints — so the trust indices computed from
//! it tell good merchants from bad ones the way they would on real data.
//!
//! The output is byte-identical for the same config on every platform (native and wasm): all
//! randomness comes from [`SplitMix64`](crate::rng::SplitMix64) sub-streams, only IEEE-exact
//! float operations are used (see `sample.rs`), nothing iterates a hash map, and floats never
//! reach the output.

mod buyers;
mod catalog;
mod categories;
mod cohort;
mod fake;
mod large;
mod live;
mod live_text;
mod names;
mod orders;
mod reviews;
mod sample;
mod service;
mod text;
mod traffic;
mod traits;

#[cfg(test)]
mod check;
#[cfg(test)]
mod tests;

use chrono::{Datelike, Weekday};
use serde::{Deserialize, Serialize};

use crate::model::{Dataset, LocalDate, Timestamp};
use crate::{Error, Result};

/// What to generate. The defaults give the demo marketplace: 300 merchants plus a cold-start
/// cohort of 36 over the 75 days before 2026-11-24, which covers 双十一.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenerateConfig {
    pub seed: u64,
    /// Number of merchants, 1–100 000.
    pub merchants: u32,
    /// The day the data is "as of": history covers the whole days before it, none of it.
    pub as_of: LocalDate,
    /// Days of history before `as_of`, 45–400 (the indices look back up to 30 days plus a
    /// comparison period).
    pub history_days: u32,
    /// Merchants added on top of `merchants`: a planted cold-start cohort (0–1000; 36 when
    /// absent). See [`PlantedStart`].
    #[serde(default = "default_cohort")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub cold_start_cohort: u32,
}

fn default_cohort() -> u32 {
    36
}

impl Default for GenerateConfig {
    fn default() -> Self {
        GenerateConfig {
            seed: 2026,
            merchants: 300,
            as_of: LocalDate(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()),
            history_days: 75,
            cold_start_cohort: default_cohort(),
        }
    }
}

impl GenerateConfig {
    pub fn validate(&self) -> Result<()> {
        if !(1..=100_000).contains(&self.merchants) {
            return Err(Error::invalid_field(
                "merchants",
                format!("must be between 1 and 100000, got {}", self.merchants),
            ));
        }
        if !(45..=400).contains(&self.history_days) {
            return Err(Error::invalid_field(
                "historyDays",
                format!("must be between 45 and 400, got {}", self.history_days),
            ));
        }
        if self.cold_start_cohort > 1000 {
            return Err(Error::invalid_field(
                "coldStartCohort",
                format!("must be between 0 and 1000, got {}", self.cold_start_cohort),
            ));
        }
        // Keeps every derived instant far inside chrono's range and the zone database's era.
        if !(2000..=2100).contains(&self.as_of.0.year()) {
            return Err(Error::invalid_field(
                "asOf",
                format!("must be a date in the years 2000–2100, got {}", self.as_of),
            ));
        }
        Ok(())
    }
}

pub use cohort::{PlantedPath, PlantedStart, COHORT_TYPE};
pub use large::{with_large_merchant, LARGE_MERCHANT};
pub use traffic::{PlantedLeverage, FOLLOWING_SESSIONS};

/// Generates the whole marketplace for `config`.
pub fn generate(config: &GenerateConfig) -> Result<Dataset> {
    generate_with_truth(config).map(|(dataset, _)| dataset)
}

/// Generates the marketplace and says what was planted in it (brushing rings, rating bombs).
pub fn generate_with_truth(config: &GenerateConfig) -> Result<(Dataset, GroundTruth)> {
    generate_all(config).map(|(dataset, truth, _)| (dataset, truth))
}

/// The index the generator computed to plant the traffic: as of the day after the latest order
/// (the config's `asOf` without orders), default settings, every merchant's report. The index
/// reads no traffic table, so this is what `market_index` gives on the finished dataset.
#[derive(Debug)]
pub struct GeneratedIndex {
    pub market: crate::index::MarketIndex,
    pub reports: Vec<crate::index::IndexReport>,
}

/// Generates the marketplace with its index, so a caller that shows the index (the app's demo)
/// does not compute it a second time.
pub fn generate_with_index(config: &GenerateConfig) -> Result<(Dataset, GeneratedIndex)> {
    generate_all(config).map(|(dataset, _, index)| (dataset, index))
}

fn generate_all(config: &GenerateConfig) -> Result<(Dataset, GroundTruth, GeneratedIndex)> {
    config.validate()?;
    let window = Window::new(config)?;
    let seed = config.seed;
    let categories = catalog::categories();
    let mut plans = traits::plan_merchants(seed, config.merchants, &window);
    let products = catalog::products(seed, &mut plans);
    let live = live::sessions(seed, &plans, &products, &window)?;
    let planted = fake::plant(seed, &plans, &products, &window);
    let drafts = orders::draft_orders(seed, &plans, &products, &window, live.seeds, planted.seeds);
    let orders = orders::finish(&drafts, &plans, &products)?;
    let buyers = buyers::accounts(seed, &drafts, &planted.rings, orders::buyer_id)?;
    let reviews = reviews::reviews(seed, &drafts, &orders, &plans, &window)?;
    let service_events = service::events(seed, &drafts, &orders, &plans, &window)?;
    let mut truth = GroundTruth::default();
    for ring in &planted.rings {
        if let Some(plan) = plans.get(ring.merchant) {
            let list = match ring.kind {
                fake::FakeKind::Brush => &mut truth.brushed_merchants,
                fake::FakeKind::Bomb => &mut truth.bombed_merchants,
            };
            list.push(plan.merchant.id.clone());
        }
    }
    let mut fake_buyers = std::collections::BTreeSet::new();
    for (d, o) in drafts.iter().zip(&orders) {
        if d.fake.is_some() {
            truth.planted_orders.push(o.id.clone());
            fake_buyers.insert(o.buyer_id.clone());
        }
    }
    truth.planted_buyers = fake_buyers.into_iter().collect();
    let mut dataset = Dataset {
        categories,
        merchants: plans.into_iter().map(|p| p.merchant).collect(),
        products,
        buyers,
        orders,
        reviews,
        service_events,
        live_sessions: live.sessions,
        follower_counts: Vec::new(),
        promotions: Vec::new(),
        session_traffic: Vec::new(),
    };
    truth.cold_start_cohort = cohort::plant(seed, config.cold_start_cohort, &window, &mut dataset)?;
    let index = index_of(&dataset, &window)?;
    let scores = crate::traffic::scores(&index.reports);
    let traffic = traffic::plant(seed, &window, &scores, &mut dataset)?;
    truth.leverage = traffic.leverage;
    truth.trust_elasticity = traffic.elasticity;
    Ok((dataset, truth, index))
}

/// What the generator planted, for tests and measurements of the brushing guard: the index never
/// sees this.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroundTruth {
    /// Merchants with a brushing ring (fake orders and 5★ reviews they paid for).
    pub brushed_merchants: Vec<String>,
    /// Merchants hit by a competitor's rating bomb (1★ reviews).
    pub bombed_merchants: Vec<String>,
    /// Every planted order, in id order.
    pub planted_orders: Vec<String>,
    /// Every ring account, in id order.
    pub planted_buyers: Vec<String>,
    /// The planted cold-start cohort, in id order.
    pub cold_start_cohort: Vec<PlantedStart>,
    /// The planted "1+N" lift of every merchant that pushes, in merchant order; the others never
    /// push.
    pub leverage: Vec<PlantedLeverage>,
    /// Natural exposure ∝ (overall index score / the category's mean score)^this.
    pub trust_elasticity: f64,
}

/// The index as the app and the CLI compute it by default (as of the day after the latest order,
/// default settings), for planting traffic against its scores.
fn index_of(dataset: &Dataset, window: &Window) -> Result<GeneratedIndex> {
    let config = crate::index::IndexConfig::default();
    let as_of = dataset.day_after_latest_order().unwrap_or(window.as_of);
    let market = crate::index::market_index(dataset, as_of, &config)?;
    let reports = market.reports(&config)?;
    Ok(GeneratedIndex { market, reports })
}

/// FNV-1a, 64 bit: a tiny, dependency-free fingerprint of generated JSON, used to pin the output
/// so native and wasm builds can be compared against one constant.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01B3);
    }
    hash
}

// Sub-stream tags: one per table, so each table's draws are independent of the others'.
const TAG_MERCHANTS: u64 = 0x6D65_7263_6861_6E74;
const TAG_PRODUCTS: u64 = 0x7072_6F64_7563_7473;
const TAG_LIVE: u64 = 0x6C69_7665_7365_7373;
const TAG_SUMMARY: u64 = 0x7375_6D6D_6172_7900;
const TAG_FAKE: u64 = 0x6661_6B65_6275_7273;
const TAG_ORDERS: u64 = 0x6F72_6465_7273_0001;
const TAG_REVIEWS: u64 = 0x7265_7669_6577_7300;
const TAG_SERVICE: u64 = 0x7365_7276_6963_6500;
const TAG_BUYERS: u64 = 0x6275_7965_7273_0001;

const HOUR: i64 = 3600;
const DAY: i64 = 86_400;

/// The history window `[as_of − history_days, as_of)` as Asia/Shanghai days.
#[derive(Debug)]
struct Window {
    pub as_of: LocalDate,
    pub days: u32,
    /// Unix second at which each history day starts (index 0 is the first day); one more entry
    /// at the end: the start of `as_of`, the first instant nothing may reach.
    pub day_starts: Vec<i64>,
    /// Relative shopping activity of each day: weekends and the 双十一 festival sell more.
    pub day_weights: Vec<u32>,
}

impl Window {
    fn new(config: &GenerateConfig) -> Result<Self> {
        let days = config.history_days;
        let mut day_starts = Vec::with_capacity(days as usize + 1);
        let mut day_weights = Vec::with_capacity(days as usize);
        for k in 0..=u64::from(days) {
            let date = config.as_of.minus_days(u64::from(days) - k);
            day_starts.push(date.start().unix());
            if k < u64::from(days) {
                day_weights.push(calendar_weight(date));
            }
        }
        if day_starts.windows(2).any(|w| w[1] <= w[0]) {
            return Err(Error::invalid_field("asOf", "calendar days out of order"));
        }
        Ok(Window {
            as_of: config.as_of,
            days,
            day_starts,
            day_weights,
        })
    }

    pub fn start(&self) -> i64 {
        self.day_starts.first().copied().unwrap_or(0)
    }

    /// The start of `as_of`: every generated instant is before it.
    pub fn end(&self) -> i64 {
        self.day_starts.last().copied().unwrap_or(0)
    }

    pub fn day_start(&self, day: u32) -> i64 {
        self.day_starts
            .get(day as usize)
            .copied()
            .unwrap_or_else(|| self.end())
    }
}

fn calendar_weight(date: LocalDate) -> u32 {
    let d = date.0;
    let base = match d.weekday() {
        Weekday::Fri => 110,
        Weekday::Sat | Weekday::Sun => 125,
        _ => 100,
    };
    // 双十一: presales from late October, the peak on 11-11, returns and after-sales sales after.
    let festival = match (d.month(), d.day()) {
        (11, 11) => 300,
        (11, 10) => 190,
        (11, 1..=9) | (10, 24..=31) => 135,
        (11, 12..=13) => 125,
        (6, 18) => 220,
        (6, 1..=17) => 120,
        _ => 100,
    };
    base * festival / 100
}

/// A model timestamp from a Unix second computed inside the validated window.
fn ts(unix: i64) -> Result<Timestamp> {
    Timestamp::from_unix(unix)
        .ok_or_else(|| Error::invalid_field("asOf", "a generated time is out of range"))
}
