//! Embedded demo data: a deterministic live room whose merchants the app shows out of the box.
//!
//! Everything is derived from a seed with [`SplitMix64`], so native code, the wasm package and the
//! browser app all see the same merchants and scores.

use serde::{Deserialize, Serialize};

use crate::peer_tier::{place_against_peers, PeerComparison, PeerPlacement};
use crate::rng::SplitMix64;
use crate::Result;

/// The seed of the demo data shipped in the app.
pub const DEFAULT_SEED: u64 = 2026;

const SHOP_NAMES: [&str; 12] = [
    "山里鲜果园",
    "老杨家土蜂蜜",
    "海边渔哥",
    "东北大米仓",
    "云南菌子铺",
    "赣南脐橙直发",
    "阿婆手工腊味",
    "新疆红枣坊",
    "烟台苹果汇",
    "五常稻花香",
    "丹东草莓园",
    "潮汕牛肉丸",
];

/// One merchant of the demo live room with its placement among category peers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DemoMerchant {
    pub id: String,
    pub name: String,
    pub score: f64,
    pub placement: PeerPlacement,
}

/// A category of `peer_count` merchants with scores on 0–100 (a hump around the low 70s, with a
/// tail of weak merchants), and the first `shown` of them placed against the others.
pub fn demo_live_room(seed: u64, shown: usize) -> Result<Vec<DemoMerchant>> {
    let mut rng = SplitMix64::new(seed);
    let peer_count = 120;
    let scores: Vec<f64> = (0..peer_count)
        .map(|_| {
            // Mean of three uniforms: bell-shaped; rounded to one decimal like the published score.
            let bell = (rng.next_f64() + rng.next_f64() + rng.next_f64()) / 3.0;
            (((35.0 + 60.0 * bell) * 10.0).round() / 10.0).clamp(0.0, 100.0)
        })
        .collect();
    scores
        .iter()
        .enumerate()
        .take(shown.min(SHOP_NAMES.len()))
        .map(|(i, &score)| {
            let peer_scores = scores
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, &s)| s)
                .collect();
            let placement = place_against_peers(&PeerComparison {
                score,
                peer_scores,
                cutoffs: None,
            })?;
            Ok(DemoMerchant {
                id: format!("m{:04}", i + 1),
                name: SHOP_NAMES[i].to_owned(),
                score,
                placement,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::peer_tier::PeerTier;

    #[test]
    fn demo_is_deterministic_and_varied() {
        let a = demo_live_room(DEFAULT_SEED, 8).unwrap();
        assert_eq!(a, demo_live_room(DEFAULT_SEED, 8).unwrap());
        assert_eq!(a.len(), 8);
        let tiers: std::collections::HashSet<PeerTier> =
            a.iter().map(|m| m.placement.tier).collect();
        assert_eq!(
            tiers.len(),
            3,
            "the demo room should show every tier: {a:?}"
        );
        // Pinned: the app's end-to-end test expects this first shop and badge.
        assert_eq!(a[0].name, "山里鲜果园");
        assert_eq!(a[0].placement.tier, PeerTier::Leading);
        assert_eq!(a[0].placement.better_than_percent, 85);
    }
}
