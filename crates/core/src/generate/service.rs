//! Customer-service events: conversations with the first-response time (or none, when nobody
//! answered) and complaints to the platform, both driven by what happened to the order.

use super::orders::{Draft, Issue};
use super::sample::{stream, Sample};
use super::traits::MerchantPlan;
use super::{ts, Window, DAY, HOUR, TAG_SERVICE};
use crate::model::{ComplaintReason, Order, RefundReason, ServiceEvent};
use crate::rng::SplitMix64;
use crate::Result;

/// An event before ids are assigned: (time, tie-break, event).
type Pending = (i64, u8, ServiceEvent);

pub(super) fn events(
    seed: u64,
    drafts: &[Draft],
    orders: &[Order],
    plans: &[MerchantPlan],
    window: &Window,
) -> Result<Vec<ServiceEvent>> {
    let mut rng = stream(seed, TAG_SERVICE, 0);
    let end = window.end();
    let mut out: Vec<Pending> = Vec::with_capacity(drafts.len() / 6);
    for (d, order) in drafts.iter().zip(orders) {
        let Some(plan) = plans.get(d.merchant) else {
            continue;
        };
        if d.fake.is_some() {
            continue;
        }
        if let Some(at) = conversation_time(&mut rng, plan, d, window) {
            if at < end {
                let first_response_seconds = first_response(&mut rng, plan, at);
                out.push((
                    at,
                    0,
                    ServiceEvent::Conversation {
                        id: String::new(),
                        merchant_id: order.merchant_id.clone(),
                        buyer_id: order.buyer_id.clone(),
                        started_at: ts(at)?,
                        first_response_seconds,
                    },
                ));
            }
        }
        if let Some((at, reason)) = complaint(&mut rng, plan, d) {
            if at < end {
                out.push((
                    at,
                    1,
                    ServiceEvent::Complaint {
                        id: String::new(),
                        merchant_id: order.merchant_id.clone(),
                        buyer_id: order.buyer_id.clone(),
                        // Some complaints are about the shop in general.
                        order_id: rng.chance(0.9).then(|| order.id.clone()),
                        created_at: ts(at)?,
                        reason,
                    },
                ));
            }
        }
    }
    out.sort_by_key(|(t, k, _)| (*t, *k));
    let mut n = 0usize;
    Ok(out
        .into_iter()
        .map(|(_, _, mut e)| {
            n += 1;
            match &mut e {
                ServiceEvent::Conversation { id, .. } | ServiceEvent::Complaint { id, .. } => {
                    *id = format!("s{n:07}");
                }
            }
            e
        })
        .collect())
}

/// Buyers talk to the shop before buying, when the parcel is late, and around refunds.
fn conversation_time(
    rng: &mut SplitMix64,
    plan: &MerchantPlan,
    d: &Draft,
    window: &Window,
) -> Option<i64> {
    if let Some(r) = &d.refund {
        return rng
            .chance(0.6)
            .then(|| (r.requested - rng.int(0, 2 * HOUR)).max(d.paid + 60));
    }
    if d.slow && rng.chance(0.35) {
        return Some(d.paid + rng.int(48 * HOUR, 96 * HOUR));
    }
    if d.issue != Issue::None {
        if let Some(delivered) = d.delivered {
            if rng.chance(0.3) {
                return Some(delivered + rng.int(HOUR, 2 * DAY));
            }
        }
    }
    let p = 0.05 + 0.06 * (1.0 - plan.traits.quality);
    if !rng.chance(p) {
        return None;
    }
    // A pre-sale question, or an after-sale one when that would fall before the history.
    let before = d.paid - rng.int(120, HOUR);
    Some(if before >= window.start() {
        before
    } else {
        d.paid + rng.int(60, 600)
    })
}

/// Seconds to the first answer; None when the conversation was never answered. Responsive shops
/// answer within a minute, slow ones in minutes to hours, and nights are slower for everyone.
fn first_response(rng: &mut SplitMix64, plan: &MerchantPlan, at: i64) -> Option<u32> {
    let s = plan.traits.service;
    if rng.chance(0.01 + 0.25 * (1.0 - s) * (1.0 - s)) {
        return None;
    }
    // Asia/Shanghai is UTC+8 all year in the generated era.
    let local_hour = (at + 8 * HOUR).rem_euclid(DAY) / HOUR;
    let night = local_hour < 8;
    let seconds = if !night && rng.chance(0.2 + 0.75 * s) {
        rng.int(3, 60)
    } else if rng.chance(0.3 + 0.5 * s) {
        rng.int(60, 600)
    } else {
        rng.int(600, 4 * HOUR)
    };
    Some(seconds as u32)
}

fn complaint(
    rng: &mut SplitMix64,
    plan: &MerchantPlan,
    d: &Draft,
) -> Option<(i64, ComplaintReason)> {
    let t = &plan.traits;
    let escalation = 0.5 + t.dispute;
    if let Some(r) = &d.refund {
        let stuck = r.disputed || r.completed.is_none_or(|c| c - r.requested > 5 * DAY);
        if stuck && rng.chance(0.3 * escalation) {
            let reason = match r.reason {
                RefundReason::Quality => ComplaintReason::Quality,
                RefundReason::NotAsDescribed => ComplaintReason::FalseAdvertising,
                _ => ComplaintReason::Service,
            };
            return Some((r.requested + rng.int(2 * DAY, 5 * DAY), reason));
        }
    }
    match (d.issue, d.delivered) {
        (Issue::Defect, Some(at)) if rng.chance(0.06 * escalation) => {
            return Some((at + rng.int(HOUR, 3 * DAY), ComplaintReason::Quality));
        }
        (Issue::NotAsDescribed, Some(at)) if rng.chance(0.06 * escalation) => {
            return Some((
                at + rng.int(HOUR, 3 * DAY),
                ComplaintReason::FalseAdvertising,
            ));
        }
        _ => {}
    }
    if d.slow && rng.chance(0.04 * escalation) {
        return Some((
            d.paid + rng.int(3 * DAY, 6 * DAY),
            ComplaintReason::Shipping,
        ));
    }
    rng.chance(0.0008)
        .then(|| (d.paid + rng.int(HOUR, 5 * DAY), ComplaintReason::Other))
}
