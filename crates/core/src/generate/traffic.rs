//! Planted live-session traffic: every session's natural and paid exposure, spend and GMV, and the
//! merchants' promotion campaigns, with known effects so the "1+N" leverage estimate can be
//! checked (docs/traffic.md).
//!
//! A session's natural exposure is the merchant's own scale (its reach, followers + 24 000, over 8,
//! × a per-merchant factor) × its trust factor (its overall index score over its category's mean
//! score, to the planted elasticity) × the market's activity on that day (the same for every
//! merchant: weekends and 双十一 draw more) × a noise factor, and × (1 + the merchant's planted
//! lift) when the session or one of the [`FOLLOWING_SESSIONS`] sessions before it had a paid push.
//! The elasticity is k/4 for k drawn from 1–5 per seed: a power of two square roots, exact in
//! IEEE arithmetic, so native and wasm plant the same bits. About two thirds of the merchants push now and then; the others never do,
//! so the market's day-to-day swing can be read from them. Generated after every other table from
//! its own sub-streams: the other records are the same with or without it.

use std::collections::HashMap;

use super::sample::{stream, Sample};
use super::{ts, Window, DAY, HOUR};
use crate::model::{Dataset, Promotion, PromotionGoal, SessionTraffic};
use crate::Result;

const TAG_TRAFFIC: u64 = 0x7472_6166_6669_6301;
const TAG_TRAFFIC_MERCHANT: u64 = 0x7472_6166_6669_6302;
const TAG_TRUST: u64 = 0x7472_6166_6669_6303;

/// Reach every shop has before its followers, as the traffic model's default `baseReach`.
const BASE_REACH: f64 = 24_000.0;

/// A push levers the natural exposure of its own session and of this many sessions after it.
pub const FOLLOWING_SESSIONS: u32 = 2;

/// One merchant's planted "1+N" lift, for tests.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlantedLeverage {
    pub merchant_id: String,
    /// Natural exposure in a levered session is `1 + lift` times what it would have been.
    pub lift: f64,
}

/// What [`plant`] planted.
pub(super) struct PlantedTraffic {
    /// The lift of every merchant that pushed at least once, in merchant order.
    pub leverage: Vec<PlantedLeverage>,
    pub elasticity: f64,
}

/// `(score / mean)^(k/4)` with only square roots and products; 1 without a score.
fn trust_factor(score: Option<f64>, category_mean: f64, k: u32) -> f64 {
    let Some(score) = score else { return 1.0 };
    let root = (score.max(1.0) / category_mean.max(1.0)).sqrt().sqrt();
    (0..k).fold(1.0, |f, _| f * root)
}

/// Appends the promotions and one traffic record per live session to `d`, natural exposure
/// weighted by the merchants' overall index `scores`.
pub(super) fn plant(
    seed: u64,
    window: &Window,
    scores: &HashMap<String, f64>,
    d: &mut Dataset,
) -> Result<PlantedTraffic> {
    let k = 1 + stream(seed, TAG_TRUST, 0).index(5) as u32;
    let mut category_scores: HashMap<&str, (f64, u32)> = HashMap::new();
    for m in &d.merchants {
        if let Some(s) = scores.get(&m.id) {
            let e = category_scores.entry(m.category_id.as_str()).or_default();
            e.0 += s.max(1.0);
            e.1 += 1;
        }
    }
    let trust: Vec<f64> = d
        .merchants
        .iter()
        .map(|m| {
            let (sum, n) = category_scores
                .get(m.category_id.as_str())
                .copied()
                .unwrap_or((1.0, 1));
            trust_factor(scores.get(&m.id).copied(), sum / f64::from(n.max(1)), k)
        })
        .collect();
    let mut planted = Vec::new();
    let mut promotions = Vec::new();
    let mut traffic = Vec::new();
    // Sessions by merchant, in time order (the generator emits them per merchant already, but
    // the order is not relied on).
    let mut by_merchant: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut index_of = std::collections::HashMap::new();
    for (m, merchant) in d.merchants.iter().enumerate() {
        index_of.insert(merchant.id.as_str(), m);
        by_merchant.push((m, Vec::new()));
    }
    for (s, session) in d.live_sessions.iter().enumerate() {
        if let Some(&m) = index_of.get(session.merchant_id.as_str()) {
            by_merchant[m].1.push(s);
        }
    }
    let max_weight = window.day_weights.iter().copied().max().unwrap_or(1).max(1);
    for (m, mut sessions) in by_merchant {
        let merchant = &d.merchants[m];
        sessions.sort_by_key(|&s| (d.live_sessions[s].start_at, s));
        let mut r = stream(seed, TAG_TRAFFIC_MERCHANT, m as u64);
        let pushes = r.chance(0.65);
        let lift = r.uniform(0.15, 0.85);
        // The shop's own scale: larger with more followers, varied between shops.
        let scale = (merchant.followers as f64 + BASE_REACH) / 8.0 * r.uniform(0.6, 1.4) * trust[m];
        let conversion = r.uniform(0.001, 0.005);
        let order_value_fen = r.uniform(4_000.0, 20_000.0);
        let mut pushed_once = false;
        // Sessions since the last push (None before the first).
        let mut since_push: Option<u32> = None;
        for s in sessions {
            let session = &d.live_sessions[s];
            let mut rs = stream(seed, TAG_TRAFFIC, s as u64);
            let push = pushes && rs.chance(0.15);
            pushed_once |= push;
            since_push = if push {
                Some(0)
            } else {
                since_push.map(|n| n.saturating_add(1))
            };
            let levered = since_push.is_some_and(|n| n <= FOLLOWING_SESSIONS);
            let day = session.start_at.unix() - window.day_starts.first().copied().unwrap_or(0);
            let day = usize::try_from(day.div_euclid(DAY)).unwrap_or(0);
            let activity = f64::from(window.day_weights.get(day).copied().unwrap_or(max_weight))
                / f64::from(max_weight);
            let noise = 0.6 + 0.8 * rs.bell();
            let natural =
                scale * (0.4 + 0.6 * activity) * noise * if levered { 1.0 + lift } else { 1.0 };
            let (spend_fen, paid, promotion_id) = if push {
                let spend = rs.int(5_000, 60_000);
                let paid = spend as f64 / 100.0 * rs.uniform(20.0, 30.0);
                let id = format!("pr{:06}", promotions.len() + 1);
                let goal = [
                    PromotionGoal::RoomViews,
                    PromotionGoal::Orders,
                    PromotionGoal::Followers,
                ][rs.index(3)];
                promotions.push(Promotion {
                    id: id.clone(),
                    merchant_id: merchant.id.clone(),
                    start_at: ts(session.start_at.unix() - HOUR)?,
                    end_at: session.end_at,
                    budget_fen: spend + rs.int(0, spend / 4),
                    goal,
                });
                (spend, paid, Some(id))
            } else {
                (0, 0.0, None)
            };
            let gmv = (natural + paid) * conversion * order_value_fen * (0.8 + 0.4 * rs.bell());
            traffic.push(SessionTraffic {
                session_id: session.id.clone(),
                natural_exposure: natural.round() as u64,
                paid_exposure: paid.round() as u64,
                paid_spend_fen: spend_fen,
                gmv_fen: gmv.round() as i64,
                promotion_id,
            });
        }
        // A shop drawn to push that happened never to push is, in the data, one that never does.
        if pushed_once {
            planted.push(PlantedLeverage {
                merchant_id: merchant.id.clone(),
                lift,
            });
        }
    }
    promotions.sort_by(|a, b| a.id.cmp(&b.id));
    traffic.sort_by(|a, b| a.session_id.cmp(&b.session_id));
    d.promotions = promotions;
    d.session_traffic = traffic;
    Ok(PlantedTraffic {
        leverage: planted,
        elasticity: f64::from(k) / 4.0,
    })
}
