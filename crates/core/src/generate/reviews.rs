//! Reviews of delivered orders: ratings that follow what actually happened to the order, text
//! that agrees with the ratings, photos, helpful votes and merchant replies — plus the 5★
//! one-liners of brushed orders and the 1★ of rating bombs.

use super::categories::L2;
use super::fake::FakeKind;
use super::orders::{Draft, Issue};
use super::sample::{stream, Sample};
use super::text::{reply_text, review_text, Experience, BOMB, FAKE};
use super::traits::MerchantPlan;
use super::{ts, Window, DAY, HOUR, TAG_REVIEWS};
use crate::model::{MerchantReply, Order, Ratings, Review, ValueForMoney};
use crate::rng::SplitMix64;
use crate::Result;

pub(super) fn reviews(
    seed: u64,
    drafts: &[Draft],
    orders: &[Order],
    plans: &[MerchantPlan],
    window: &Window,
) -> Result<Vec<Review>> {
    let mut rng = stream(seed, TAG_REVIEWS, 0);
    let end = window.end();
    let mut out: Vec<(i64, Review)> = Vec::with_capacity(drafts.len() / 3);
    for (d, order) in drafts.iter().zip(orders) {
        let (Some(delivered), Some(plan)) = (d.delivered, plans.get(d.merchant)) else {
            continue;
        };
        if let Some(f) = d.fake {
            // Most ring orders are reviewed, soon after the (often empty) parcel arrives.
            let created = delivered + rng.int(600, 8 * HOUR);
            if created < end && rng.chance(0.85) {
                out.push((created, fake_review(&mut rng, order, f.kind, created)?));
            }
            continue;
        }
        let troubled = d.issue != Issue::None || d.slow || d.refund.is_some();
        // Unhappy buyers are more likely to write.
        if !rng.chance(if troubled { 0.42 } else { 0.26 }) {
            continue;
        }
        // Most reviews come within a couple of days of delivery.
        let u = rng.next_f64();
        let created = delivered + 2 * HOUR + (u * u * 6.0 * DAY as f64) as i64;
        if created >= end {
            continue;
        }
        let e = experience(&mut rng, plan, d);
        let kind = L2[plan.l2 % L2.len()].kind();
        let text = review_text(&mut rng, kind, &e);
        let media_count = if e.overall <= 2 && rng.chance(0.5) {
            // Complaints come with evidence.
            rng.int(1, 6) as u32
        } else {
            match rng.weighted(&[65, 25, 10]) {
                0 => 0,
                1 => rng.int(1, 3) as u32,
                _ => rng.int(4, 9) as u32,
            }
        };
        let helpful_votes = helpful(&mut rng, &text, media_count, e.overall);
        let reply = reply(&mut rng, plan, e.overall, created, end)?;
        out.push((
            created,
            Review {
                id: String::new(),
                order_id: order.id.clone(),
                buyer_id: order.buyer_id.clone(),
                ratings: shown_ratings(&mut rng, &e),
                text,
                media_count,
                created_at: ts(created)?,
                helpful_votes,
                reply,
            },
        ));
    }
    // Stable: reviews at the same second keep order-id order.
    out.sort_by_key(|(t, _)| *t);
    Ok(out
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut r))| {
            r.id = format!("r{:07}", i + 1);
            r
        })
        .collect())
}

fn fake_review(
    rng: &mut SplitMix64,
    order: &Order,
    kind: FakeKind,
    created: i64,
) -> Result<Review> {
    let (stars, worth, texts): (u8, ValueForMoney, &[&str]) = match kind {
        FakeKind::Brush => (5, ValueForMoney::Worth, &FAKE),
        FakeKind::Bomb => (1, ValueForMoney::NotWorth, &BOMB),
    };
    Ok(Review {
        id: String::new(),
        order_id: order.id.clone(),
        buyer_id: order.buyer_id.clone(),
        ratings: Ratings {
            overall: stars,
            quality: rng.chance(0.7).then_some(stars),
            value_for_money: rng.chance(0.5).then_some(worth),
            logistics: rng.chance(0.7).then_some(stars),
            service: rng.chance(0.5).then_some(stars),
        },
        text: rng.pick(texts).to_owned(),
        media_count: 0,
        created_at: ts(created)?,
        helpful_votes: 0,
        reply: None,
    })
}

/// Star ratings from the order's hidden facts and the merchant's traits.
fn experience(rng: &mut SplitMix64, plan: &MerchantPlan, d: &Draft) -> Experience {
    let t = &plan.traits;
    let quality: u8 = match d.issue {
        Issue::Defect => rng.int(1, 2) as u8,
        Issue::NotAsDescribed => rng.int(2, 3) as u8,
        Issue::None if rng.chance(0.35 + 0.6 * t.quality) => 5,
        Issue::None if rng.chance(0.75) => 4,
        Issue::None => 3,
    };
    let hours = (d.delivered.unwrap_or(d.paid) - d.paid) / HOUR;
    let logistics: u8 = if hours <= 48 {
        if rng.chance(0.85) {
            5
        } else {
            4
        }
    } else if hours <= 96 {
        [3, 4, 5][rng.weighted(&[10, 45, 45]) % 3]
    } else if hours <= 144 {
        [2, 3, 4][rng.weighted(&[20, 45, 35]) % 3]
    } else {
        [1, 2, 3][rng.weighted(&[40, 45, 15]) % 3]
    };
    let refund_trouble = d
        .refund
        .as_ref()
        .is_some_and(|r| r.disputed || r.completed.is_none_or(|c| c - r.requested > 4 * DAY));
    // Low service stars come from real trouble (a refund dragging on), not at random.
    let service: u8 = if refund_trouble {
        rng.int(1, 2) as u8
    } else if rng.chance(0.45 + 0.5 * t.service) {
        5
    } else if rng.chance(0.75) {
        4
    } else {
        3
    };
    // The goods weigh most; bad service sinks a review, a slow parcel only dents it.
    let weighted = (2 * u32::from(quality) + u32::from(logistics) + u32::from(service) + 2) / 4;
    let mut overall = (weighted as u8).min(quality + 1);
    if service <= 2 {
        overall = overall.min(3);
    }
    if logistics <= 2 {
        overall = overall.min(if rng.chance(0.5) { 3 } else { 4 });
    }
    if d.issue == Issue::Defect {
        overall = quality;
    }
    let worth = match quality {
        1 | 2 => false,
        3 => !rng.chance(0.6),
        _ => !rng.chance(0.03),
    };
    Experience {
        overall: overall.clamp(1, 5),
        quality,
        logistics,
        service,
        worth,
        returning: d.nth > 0,
    }
}

/// Buyers often leave the detailed ratings blank.
fn shown_ratings(rng: &mut SplitMix64, e: &Experience) -> Ratings {
    Ratings {
        overall: e.overall,
        quality: rng.chance(0.85).then_some(e.quality),
        value_for_money: rng.chance(0.7).then_some(if e.worth {
            ValueForMoney::Worth
        } else {
            ValueForMoney::NotWorth
        }),
        logistics: rng.chance(0.75).then_some(e.logistics),
        service: rng.chance(0.6).then_some(e.service),
    }
}

/// Mostly zero; long reviews with photos, and complaints, collect the votes.
fn helpful(rng: &mut SplitMix64, text: &str, media: u32, overall: u8) -> u32 {
    let u = rng.next_f64();
    let mut scale = 4.0 + f64::from(media) * 3.0;
    if text.chars().count() > 20 {
        scale += 10.0;
    }
    if overall <= 2 {
        scale *= 2.0;
    }
    (u * u * u * scale).floor() as u32
}

fn reply(
    rng: &mut SplitMix64,
    plan: &MerchantPlan,
    overall: u8,
    created: i64,
    end: i64,
) -> Result<Option<MerchantReply>> {
    let s = plan.traits.service;
    let p = if overall <= 3 {
        0.1 + 0.6 * s
    } else {
        0.03 + 0.25 * s
    };
    if !rng.chance(p) {
        return Ok(None);
    }
    let delay = if rng.chance(0.2 + 0.7 * s) {
        rng.int(600, 6 * HOUR)
    } else {
        rng.int(12 * HOUR, 72 * HOUR)
    };
    let at = created + delay;
    if at >= end {
        return Ok(None);
    }
    Ok(Some(MerchantReply {
        text: reply_text(rng, overall).to_owned(),
        replied_at: ts(at)?,
    }))
}
