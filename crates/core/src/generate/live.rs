//! Live sessions: almost every merchant streams on a cadence of its type over the whole history
//! (the on-air schedule, explain marks, staged products and a [`SessionSummary`]), and a handful of
//! sessions in the last 14 days carry per-second signals and a transcript for the clip planner and
//! the replay.
//!
//! Every order in a session's `orders` signal is also an order row (channel liveRoom, paid at that
//! second, for the product on air), so session GMV and the orders table agree. Summarised
//! sessions add no orders: the shop's regular liveRoom orders stand for them. The sessions with
//! signals are numbered first (`ls0001`, …), the summarised ones after them in start order.

use super::categories::L2;
use super::live_text::{transcript, Slot};
use super::orders::{quantity, OrderSeed};
use super::sample::{retail_price, smooth, stream, Sample};
use super::traits::MerchantPlan;
use super::{ts, Window, HOUR, TAG_LIVE, TAG_SUMMARY};
use crate::model::{
    Channel, ExplainMark, LiveSession, MerchantType, OnAirInterval, Product, SessionSignals,
    SessionSummary, StagedProduct,
};
use crate::rng::SplitMix64;
use crate::Result;

#[derive(Debug)]
pub(super) struct Live {
    pub sessions: Vec<LiveSession>,
    /// Order seeds per merchant, from the sessions' order signal.
    pub seeds: Vec<Vec<OrderSeed>>,
}

pub(super) fn sessions(
    seed: u64,
    plans: &[MerchantPlan],
    products: &[Product],
    window: &Window,
) -> Result<Live> {
    let mut seeds = vec![Vec::new(); plans.len()];
    let mut rng = stream(seed, TAG_LIVE, 0);
    // Streamers with two weeks of trading and something to sell, biggest first.
    let mut eligible: Vec<usize> = plans
        .iter()
        .enumerate()
        .filter(|(_, p)| p.first_day + 15 <= window.days && !p.products.is_empty())
        .map(|(i, _)| i)
        .collect();
    eligible.sort_by_key(|&i| std::cmp::Reverse(plans.get(i).map_or(0, |p| p.target_orders)));
    let Some(&largest) = eligible.first() else {
        return Ok(Live {
            sessions: Vec::new(),
            seeds,
        });
    };
    // The largest merchant, two from the top quarter and one from the rest.
    let mut chosen = vec![largest];
    let quarter = (eligible.len() / 4).max(1);
    let mut top: Vec<usize> = eligible.iter().skip(1).take(quarter).copied().collect();
    rng.shuffle(&mut top);
    chosen.extend(top.into_iter().take(2));
    let mut rest: Vec<usize> = eligible.iter().skip(1 + quarter).copied().collect();
    rng.shuffle(&mut rest);
    chosen.extend(rest.into_iter().take(1));

    let total = rng.int(6, 10) as usize;
    // The largest streams most often; the rest share the remainder.
    let mut per_merchant = vec![0usize; chosen.len()];
    for k in 0..total {
        let slot = if k < 3 { 0 } else { k % chosen.len() };
        if let Some(c) = per_merchant.get_mut(slot) {
            *c += 1;
        }
    }
    let mut sessions = Vec::with_capacity(total);
    // The days a merchant streams with signals: its summarised sessions keep off them.
    let mut taken = std::collections::BTreeSet::new();
    let mut j = 0u64;
    for (&m, &count) in chosen.iter().zip(&per_merchant) {
        let Some(plan) = plans.get(m) else { continue };
        let mut days: Vec<u32> = (1..=14).collect();
        rng.shuffle(&mut days);
        for &back in days.iter().take(count) {
            j += 1;
            let mut srng = stream(seed, TAG_LIVE, j);
            let day = window.days.saturating_sub(back);
            taken.insert((m, day));
            // Evening prime time; 180 minutes from 20:30 still ends before midnight.
            let start = window.day_start(day) + srng.int(19 * HOUR, 20 * HOUR + HOUR / 2);
            let mut sink = Vec::new();
            sessions.push(build(
                &mut srng,
                plan,
                products,
                window.days,
                start,
                &mut sink,
            )?);
            if let Some(out) = seeds.get_mut(m) {
                out.extend(sink);
            }
        }
    }
    sessions.sort_by_key(|s| s.start_at);
    let mut summarised = summarised(seed, plans, products, window, &taken)?;
    summarised.sort_by_key(|s| s.start_at);
    sessions.extend(summarised);
    for (i, s) in sessions.iter_mut().enumerate() {
        s.id = format!("ls{:04}", i + 1);
    }
    Ok(Live { sessions, seeds })
}

/// How a merchant type streams: the share of merchants that do, sessions per week, and minutes
/// per session (达人 stream nearly daily and long; service providers rarely).
fn cadence(kind: MerchantType) -> (f64, (i64, i64), (i64, i64)) {
    match kind {
        MerchantType::Individual => (0.97, (4, 6), (90, 240)),
        MerchantType::FastBrand => (0.95, (3, 5), (90, 180)),
        MerchantType::Vertical => (0.9, (2, 4), (60, 150)),
        MerchantType::Brand => (0.85, (2, 3), (90, 180)),
        MerchantType::ServiceProvider => (0.8, (1, 2), (45, 120)),
    }
}

/// Comments per viewer relative to the market: honest, engaging content gets talked to.
fn engagement(content: f64) -> f64 {
    0.35 + 1.3 * content
}

/// The chance that the streamer explains (讲解) a product while it is on air.
fn explain_chance(content: f64) -> f64 {
    0.4 + 0.55 * content
}

/// Every streaming merchant's sessions from its first day on, on the days not `taken` by a
/// session with signals, as summaries.
fn summarised(
    seed: u64,
    plans: &[MerchantPlan],
    products: &[Product],
    window: &Window,
    taken: &std::collections::BTreeSet<(usize, u32)>,
) -> Result<Vec<LiveSession>> {
    let mut out = Vec::new();
    for (m, plan) in plans.iter().enumerate() {
        if plan.products.is_empty() {
            continue;
        }
        let mut rng = stream(seed, TAG_LIVE ^ TAG_SUMMARY, m as u64);
        let (share, (lo, hi), (short, long)) = cadence(plan.merchant.merchant_type);
        if !rng.chance(share) {
            continue;
        }
        let per_week = rng.int(lo, hi) as f64;
        for day in plan.first_day..window.days {
            if !rng.chance(per_week / 7.0) || taken.contains(&(m, day)) {
                continue;
            }
            let duration = (rng.int(short, long) * 60 + rng.int(0, 59)) as u32;
            // From 18:00 so that it ends before midnight, however long it is.
            let latest = (24 * HOUR - i64::from(duration) - 600).max(18 * HOUR);
            let start = window.day_start(day) + rng.int(18 * HOUR, latest);
            out.push(summary_session(&mut rng, plan, products, start, duration)?);
        }
    }
    Ok(out)
}

fn summary_session(
    rng: &mut SplitMix64,
    plan: &MerchantPlan,
    products: &[Product],
    start: i64,
    duration: u32,
) -> Result<LiveSession> {
    let slots = schedule(rng, plan, products, duration);
    let content = plan.traits.content;
    let explain_marks = explain_marks(rng, &slots, products, content);
    let peak = peak_viewers(rng, plan);
    // The audience over the session relative to its peak: the ramp-up, waves and the fade.
    let shape = rng.uniform(0.55, 0.8);
    let viewer_minutes = (peak * shape * f64::from(duration) / 60.0).floor().max(1.0);
    // Per viewer-second as in the sessions with signals (before their rushes), with a
    // session's own mood.
    let viewer_seconds = viewer_minutes * 60.0;
    let mood = rng.uniform(0.8, 1.25);
    let comments = rng.count(viewer_seconds * 0.0012 * engagement(content) * mood);
    let liking = rng.uniform(0.8, 1.4);
    let likes = rng.count(viewer_seconds * 0.008 * liking);
    let gifts = rng.count(viewer_seconds * 0.00015);
    let staged = staged_of(rng, plan, products, &slots, duration);
    Ok(LiveSession {
        id: String::new(),
        merchant_id: plan.merchant.id.clone(),
        start_at: ts(start)?,
        end_at: ts(start + i64::from(duration))?,
        signals: None,
        summary: Some(SessionSummary {
            viewer_minutes: viewer_minutes as u64,
            peak_viewers: peak.round() as u32,
            comments: u64::from(comments),
            likes: u64::from(likes),
            gifts: u64::from(gifts),
        }),
        on_air: on_air_of(&slots, products),
        explain_marks,
        staged,
        transcript: Vec::new(),
    })
}

/// The room's peak audience: a share of the followers, livelier with engaging content.
fn peak_viewers(rng: &mut SplitMix64, plan: &MerchantPlan) -> f64 {
    (plan.merchant.followers as f64 * rng.uniform(0.004, 0.012)).clamp(60.0, 20_000.0)
        * (0.7 + 0.6 * plan.traits.content)
}

fn on_air_of(slots: &[Slot], products: &[Product]) -> Vec<OnAirInterval> {
    slots
        .iter()
        .map(|s| OnAirInterval {
            product_id: product_id(products, s.product),
            start_second: s.start,
            end_second: s.end,
        })
        .collect()
}

/// The slots' products as staged, and sometimes one more the session ended before.
fn staged_of(
    rng: &mut SplitMix64,
    plan: &MerchantPlan,
    products: &[Product],
    slots: &[Slot],
    duration: u32,
) -> Vec<StagedProduct> {
    let mut staged: Vec<StagedProduct> = slots
        .iter()
        .map(|s| StagedProduct {
            product_id: product_id(products, s.product),
            planned_second: s.planned,
        })
        .collect();
    if rng.chance(0.5) {
        let own = plan.products.clone();
        let extra = own.start + rng.index(own.len());
        staged.push(StagedProduct {
            product_id: product_id(products, extra),
            planned_second: duration.saturating_sub(rng.int(30, 120) as u32),
        });
    }
    staged.sort_by_key(|s| s.planned_second);
    staged
}

fn build(
    rng: &mut SplitMix64,
    plan: &MerchantPlan,
    products: &[Product],
    window_days: u32,
    start: i64,
    orders: &mut Vec<OrderSeed>,
) -> Result<LiveSession> {
    let duration = (rng.int(45, 180) * 60 + rng.int(0, 59)) as u32;
    let slots = schedule(rng, plan, products, duration);
    let d = duration as usize;

    // Which slot is on air at each second.
    let mut on_air_at: Vec<Option<usize>> = vec![None; d];
    for (k, s) in slots.iter().enumerate() {
        for x in on_air_at
            .iter_mut()
            .take(s.end as usize)
            .skip(s.start as usize)
        {
            *x = Some(k);
        }
    }
    let explain_marks = explain_marks(rng, &slots, products, plan.traits.content);
    // Buying interest rises for a minute after the streamer explains a product.
    let mut explaining = vec![false; d];
    for mark in &explain_marks {
        let from = mark.second as usize;
        for x in explaining.iter_mut().skip(from).take(60) {
            *x = true;
        }
    }

    let peak = peak_viewers(rng, plan);
    let talk = engagement(plan.traits.content);
    let viewers = viewer_curve(rng, &slots, duration, peak);
    let mut signals = SessionSignals {
        viewers: Vec::with_capacity(d),
        comments: Vec::with_capacity(d),
        likes: Vec::with_capacity(d),
        gifts: Vec::with_capacity(d),
        orders: Vec::with_capacity(d),
        gmv_fen: Vec::with_capacity(d),
    };
    // Buying interest per viewer-second, relative: the 福利款 rush and explanations sell more.
    let interest: Vec<f64> = (0..d)
        .map(|sec| {
            let slot = on_air_at
                .get(sec)
                .copied()
                .flatten()
                .and_then(|k| slots.get(k));
            let offer = match slot {
                None => 0.0,
                Some(s) if s.hero && (sec as u32) < s.start + 180 => 8.0,
                Some(s) if s.hero => 2.0,
                Some(_) => 1.0,
            };
            offer
                * if explaining.get(sec).copied().unwrap_or(false) {
                    1.6
                } else {
                    1.0
                }
        })
        .collect();
    // A session sells one to three days' worth of the shop's usual orders (at least a couple
    // of dozen): the conversion is scaled to hit that, so big rooms do not flood the table.
    let daily = f64::from(plan.target_orders) / f64::from(window_days.max(1));
    let wanted = (daily * rng.uniform(1.0, 3.0)).max(rng.uniform(20.0, 40.0));
    let weight: f64 = viewers
        .iter()
        .zip(&interest)
        .map(|(&v, &i)| f64::from(v) * i)
        .sum();
    let conversion = if weight > 0.0 { wanted / weight } else { 0.0 };
    for (sec, &v) in viewers.iter().enumerate() {
        let slot = on_air_at
            .get(sec)
            .copied()
            .flatten()
            .and_then(|k| slots.get(k));
        // The first three minutes of a 福利款 are the rush.
        let rush = slot.is_some_and(|s| s.hero && (sec as u32) < s.start + 180);
        let explain = explaining.get(sec).copied().unwrap_or(false);
        let vf = f64::from(v);
        let rush_factor = if rush { 3.0 } else { 1.0 };
        let explain_factor = if explain { 1.5 } else { 1.0 };
        signals.viewers.push(v);
        signals
            .comments
            .push(rng.count(vf * 0.0012 * talk * rush_factor * explain_factor));
        signals
            .likes
            .push(rng.count(vf * 0.008 * (0.5 + 0.5 * rush_factor)));
        signals.gifts.push(rng.count(vf * 0.00015));
        let (n, gmv) = match slot {
            Some(s) => {
                let boost = interest.get(sec).copied().unwrap_or(0.0);
                let n = rng.count(vf * conversion * boost);
                let mut gmv = 0i64;
                for _ in 0..n {
                    let qty = if s.hero { 1 } else { quantity(rng, s.live_fen) };
                    let amount = s.live_fen * i64::from(qty);
                    gmv += amount;
                    orders.push(OrderSeed {
                        paid: start + sec as i64,
                        product: s.product,
                        quantity: qty,
                        amount_fen: amount,
                        channel: Channel::LiveRoom,
                        fake: None,
                    });
                }
                (n, gmv)
            }
            None => (0, 0),
        };
        signals.orders.push(n);
        signals.gmv_fen.push(gmv);
    }

    let kind = L2[plan.l2 % L2.len()].kind();
    let transcript = transcript(rng, kind, &plan.merchant.name, &slots, duration);
    let staged = staged_of(rng, plan, products, &slots, duration);
    Ok(LiveSession {
        id: String::new(),
        merchant_id: plan.merchant.id.clone(),
        start_at: ts(start)?,
        end_at: ts(start + i64::from(duration))?,
        signals: Some(signals),
        summary: None,
        on_air: on_air_of(&slots, products),
        explain_marks,
        staged,
        transcript,
    })
}

fn product_id(products: &[Product], i: usize) -> String {
    products.get(i).map(|p| p.id.clone()).unwrap_or_default()
}

/// Products go on air one after another after an intro, every third one a 福利款; streamers run
/// a little behind the plan.
fn schedule(
    rng: &mut SplitMix64,
    plan: &MerchantPlan,
    products: &[Product],
    duration: u32,
) -> Vec<Slot> {
    let mut lineup: Vec<usize> = plan.products.clone().collect();
    rng.shuffle(&mut lineup);
    let intro = rng.int(90, 300) as u32;
    let stop = duration.saturating_sub(rng.int(60, 180) as u32);
    let mut slots: Vec<Slot> = Vec::new();
    let mut cursor = intro;
    while cursor + 60 <= stop && !lineup.is_empty() {
        let k = slots.len();
        let product = lineup.get(k % lineup.len()).copied().unwrap_or(0);
        let (title, list) = products.get(product).map_or((String::new(), 990), |p| {
            (p.title.clone(), p.list_price_fen)
        });
        let hero = k.is_multiple_of(3);
        let live = if hero {
            retail_price(list as f64 * rng.uniform(0.45, 0.7))
        } else {
            retail_price(list as f64 * rng.uniform(0.85, 0.98))
        }
        .min(list);
        let end = (cursor + rng.int(300, 1200) as u32).min(stop);
        slots.push(Slot {
            product,
            title,
            list_fen: list,
            live_fen: live,
            hero,
            start: cursor,
            end,
            planned: cursor.saturating_sub(rng.int(0, 90) as u32),
        });
        cursor = end + rng.int(0, 45) as u32;
    }
    slots
}

/// Explain marks inside the on-air slots: a slot is explained with [`explain_chance`], then once
/// or more every 2–6 minutes.
fn explain_marks(
    rng: &mut SplitMix64,
    slots: &[Slot],
    products: &[Product],
    content: f64,
) -> Vec<ExplainMark> {
    let mut marks = Vec::new();
    for s in slots {
        if !rng.chance(explain_chance(content)) {
            continue;
        }
        let len = s.end - s.start;
        let count = 1 + u32::from(len > 600) + u32::from(rng.chance(0.5));
        let mut at = s.start + rng.int(5, 40).min(i64::from(len) - 1) as u32;
        for _ in 0..count {
            if at >= s.end {
                break;
            }
            marks.push(ExplainMark {
                product_id: product_id(products, s.product),
                second: at,
            });
            at += rng.int(120, 360) as u32;
        }
    }
    marks
}

/// Concurrent viewers: a ramp-up, slow waves, a bump whenever a 福利款 goes on air, a fade at
/// the end, and per-second jitter.
fn viewer_curve(rng: &mut SplitMix64, slots: &[Slot], duration: u32, peak: f64) -> Vec<u32> {
    let d = duration as usize;
    let mut bump = vec![0.0f64; d];
    for s in slots {
        let amp = if s.hero {
            rng.uniform(0.4, 0.9)
        } else {
            rng.uniform(0.0, 0.12)
        };
        for (i, b) in bump.iter_mut().skip(s.start as usize).take(600).enumerate() {
            let i = i as f64;
            *b += if i < 60.0 {
                amp * smooth(i / 60.0)
            } else {
                amp * (1.0 - (i - 60.0) / 540.0)
            };
        }
    }
    // Wave knots every 2–5 minutes, eased in between.
    let mut knots: Vec<(u32, f64)> = vec![(0, rng.uniform(0.85, 1.1))];
    let mut at = 0u32;
    while at < duration {
        at += rng.int(120, 300) as u32;
        knots.push((at, rng.uniform(0.75, 1.15)));
    }
    let ramp = rng.int(180, 480) as f64;
    let fade_from = duration.saturating_sub(rng.int(240, 420) as u32);
    let mut out = Vec::with_capacity(d);
    let mut knot = 0usize;
    for sec in 0..duration {
        while knots.get(knot + 1).is_some_and(|k| k.0 <= sec) {
            knot += 1;
        }
        let (a_at, a) = knots.get(knot).copied().unwrap_or((0, 1.0));
        let (b_at, b) = knots.get(knot + 1).copied().unwrap_or((duration, a));
        let wave = a + (b - a) * smooth(f64::from(sec - a_at) / f64::from((b_at - a_at).max(1)));
        let warm = 0.05 + 0.95 * smooth(f64::from(sec) / ramp);
        let fade = if sec >= fade_from {
            1.0 - 0.5 * smooth(f64::from(sec - fade_from) / f64::from(duration - fade_from))
        } else {
            1.0
        };
        let jitter = rng.uniform(0.97, 1.03);
        let b = bump.get(sec as usize).copied().unwrap_or(0.0);
        out.push(
            (peak * warm * wave * (1.0 + b) * fade * jitter)
                .round()
                .max(1.0) as u32,
        );
    }
    out
}
