//! Buyer accounts: when each registered and the opaque address and device clusters the platform
//! would know, so the brushing guard has the evidence a platform has.
//!
//! Real customers mostly registered long before they buy here; about one in ten registered in
//! the month before their first order; households of up to three share an address and sometimes
//! a device; a few accounts lack a field (old data). Ring accounts registered days before they
//! buy and share a few devices and addresses per ring.

use super::fake::Ring;
use super::orders::Draft;
use super::sample::{stream, Sample};
use super::{fnv1a64, ts, DAY, HOUR, TAG_BUYERS};
use crate::model::Buyer;
use crate::Result;

/// Households never exceed this many accounts, so a real home never looks like a ring.
const MAX_HOUSEHOLD: u32 = 3;

fn key(kind: &str, a: u64, b: u64) -> String {
    format!("{:016x}", fnv1a64(format!("{kind}:{a}:{b}").as_bytes()))
}

pub(super) fn accounts(
    seed: u64,
    drafts: &[Draft],
    rings: &[Ring],
    buyer_id: impl Fn(usize) -> String,
) -> Result<Vec<Buyer>> {
    let count = drafts.iter().map(|d| d.buyer + 1).max().unwrap_or(0);
    // Per buyer: the first payment and the ring account, if any (drafts are in payment order).
    let mut first_paid: Vec<Option<i64>> = vec![None; count];
    let mut ring_of: Vec<Option<(u32, u32)>> = vec![None; count];
    for d in drafts {
        if let Some(slot) = first_paid.get_mut(d.buyer) {
            slot.get_or_insert(d.paid);
        }
        if let (Some(f), Some(slot)) = (d.fake, ring_of.get_mut(d.buyer)) {
            *slot = Some((f.ring, f.account));
        }
    }
    let mut rng = stream(seed, TAG_BUYERS, 0);
    // Households: (members, whether the founder's device is already shared with one of them).
    let mut households: Vec<(u32, bool)> = Vec::new();
    let mut recent: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(count);
    for b in 0..count {
        let first = first_paid[b].unwrap_or(0);
        let mut buyer = Buyer {
            id: buyer_id(b),
            ..Buyer::default()
        };
        if let Some((r, account)) = ring_of[b] {
            let ring = rings.get(r as usize);
            let per_device = ring.map_or(4, |x| x.per_device.max(1));
            let per_address = ring.map_or(6, |x| x.per_address.max(1));
            buyer.registered_at = Some(ts(first - rng.int(2 * HOUR, 20 * DAY))?);
            buyer.device_cluster = Some(key(
                "ring-device",
                u64::from(r),
                u64::from(account / per_device),
            ));
            buyer.address_cluster = Some(key(
                "ring-address",
                u64::from(r),
                u64::from(account / per_address),
            ));
            out.push(buyer);
            continue;
        }
        if !rng.chance(0.04) {
            let before = if rng.chance(0.1) {
                rng.int(HOUR, 29 * DAY)
            } else {
                rng.int(30 * DAY, 1500 * DAY)
            };
            buyer.registered_at = Some(ts(first - before)?);
        }
        // Join a recent buyer's household, or found a new one.
        let joinable: Vec<usize> = recent
            .iter()
            .copied()
            .filter(|&h| households.get(h).is_some_and(|x| x.0 < MAX_HOUSEHOLD))
            .collect();
        // The founder's device is the household's device; a member shares it or has its own.
        let (household, household_device) = if !joinable.is_empty() && rng.chance(0.08) {
            let h = rng.pick(&joinable);
            let share = households.get(h).is_some_and(|x| !x.1) && rng.chance(0.3);
            if let Some(x) = households.get_mut(h) {
                x.0 += 1;
                x.1 |= share;
            }
            (h, share)
        } else {
            households.push((1, false));
            let h = households.len() - 1;
            recent.push(h);
            if recent.len() > 200 {
                recent.remove(0);
            }
            (h, true)
        };
        if !rng.chance(0.02) {
            buyer.address_cluster = Some(key("address", household as u64, 0));
        }
        if !rng.chance(0.03) {
            buyer.device_cluster = Some(if household_device {
                key("device", household as u64, 0)
            } else {
                key("device", household as u64, 1 + b as u64)
            });
        }
        out.push(buyer);
    }
    Ok(out)
}
