//! Placing one merchant's score among its category peers: the tier a viewer sees on the trust
//! badge (领先 leading / 平均 average / 略低于同行 slightly below) and the "better than x% of peers"
//! figure.
//!
//! The percentile is a mid-rank: peers with exactly the merchant's score count as half beaten, so
//! a merchant in a category of identical scores sits at 50%, not at 0% or 100%.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Where a merchant stands against peers of the same L2 category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum PeerTier {
    /// 领先: better than most peers.
    Leading,
    /// 平均: in the middle of the pack.
    Average,
    /// 略低于同行: behind most peers.
    SlightlyBelow,
}

/// Percentile cut-offs between tiers, in percent of peers beaten. Configuration, not constants.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TierCutoffs {
    /// A merchant better than at least this share of peers is `leading`.
    pub leading_from: f64,
    /// A merchant better than at least this share (but below `leading_from`) is `average`.
    pub average_from: f64,
}

impl Default for TierCutoffs {
    fn default() -> Self {
        TierCutoffs {
            leading_from: 75.0,
            average_from: 25.0,
        }
    }
}

/// Input of [`place_against_peers`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PeerComparison {
    /// The merchant's score on a 0–100 scale.
    pub score: f64,
    /// Scores of the other merchants of the same L2 category, 0–100 each.
    pub peer_scores: Vec<f64>,
    /// Tier cut-offs; the platform defaults (75 / 25) when absent.
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub cutoffs: Option<TierCutoffs>,
}

/// Output of [`place_against_peers`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PeerPlacement {
    pub tier: PeerTier,
    /// Share of peers this merchant is better than, in whole percent (rounded down, so the
    /// badge never overstates).
    pub better_than_percent: u8,
    /// Number of peers compared against.
    pub peer_count: u32,
}

const SCORE_RANGE: std::ops::RangeInclusive<f64> = 0.0..=100.0;

/// Places `input.score` among `input.peer_scores` and assigns a tier.
pub fn place_against_peers(input: &PeerComparison) -> Result<PeerPlacement> {
    check_score("score", input.score)?;
    if input.peer_scores.is_empty() {
        return Err(Error::invalid_field(
            "peerScores",
            "needs at least one peer score to compare against",
        ));
    }
    for (i, &peer) in input.peer_scores.iter().enumerate() {
        check_score(&format!("peerScores[{i}]"), peer)?;
    }
    let cutoffs = input.cutoffs.unwrap_or_default();
    check_cutoffs(&cutoffs)?;

    let (mut below, mut equal) = (0u64, 0u64);
    for &peer in &input.peer_scores {
        if peer < input.score {
            below += 1;
        } else if peer == input.score {
            equal += 1;
        }
    }
    let peer_count = input.peer_scores.len() as u64;
    // Mid-rank percentile in exact integer arithmetic: 100 * (below + equal/2) / n, rounded down.
    let better_than_percent = ((200 * below + 100 * equal) / (2 * peer_count)).min(100) as u8;
    let percent = f64::from(better_than_percent);
    let tier = if percent >= cutoffs.leading_from {
        PeerTier::Leading
    } else if percent >= cutoffs.average_from {
        PeerTier::Average
    } else {
        PeerTier::SlightlyBelow
    };
    Ok(PeerPlacement {
        tier,
        better_than_percent,
        peer_count: u32::try_from(peer_count).unwrap_or(u32::MAX),
    })
}

fn check_score(field: &str, value: f64) -> Result<()> {
    if !value.is_finite() {
        return Err(Error::invalid_field(field, "must be a finite number"));
    }
    if !SCORE_RANGE.contains(&value) {
        return Err(Error::invalid_field(
            field,
            format!("must be between 0 and 100, got {value}"),
        ));
    }
    Ok(())
}

pub(crate) fn check_cutoffs(cutoffs: &TierCutoffs) -> Result<()> {
    check_score("cutoffs.leadingFrom", cutoffs.leading_from)?;
    check_score("cutoffs.averageFrom", cutoffs.average_from)?;
    if cutoffs.average_from >= cutoffs.leading_from {
        return Err(Error::invalid_field(
            "cutoffs.averageFrom",
            format!(
                "must be below cutoffs.leadingFrom ({}), got {}",
                cutoffs.leading_from, cutoffs.average_from
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn compare(score: f64, peers: &[f64]) -> Result<PeerPlacement> {
        place_against_peers(&PeerComparison {
            score,
            peer_scores: peers.to_vec(),
            cutoffs: None,
        })
    }

    #[test]
    fn hand_computed_mid_rank() {
        // 2 below, 1 equal, 1 above: (2 + 0.5) / 4 = 62.5% -> 62, average.
        let p = compare(70.0, &[50.0, 60.0, 70.0, 90.0]).unwrap();
        assert_eq!(p.better_than_percent, 62);
        assert_eq!(p.tier, PeerTier::Average);
        assert_eq!(p.peer_count, 4);
    }

    #[test]
    fn tiers_at_the_cut_offs() {
        let peers: Vec<f64> = (0..100).map(f64::from).collect();
        assert_eq!(compare(75.0, &peers).unwrap().better_than_percent, 75);
        assert_eq!(compare(75.0, &peers).unwrap().tier, PeerTier::Leading);
        // 74 beats 0..=73 and ties 74: 74.5% -> 74, just below the leading cut-off.
        assert_eq!(compare(74.0, &peers).unwrap().tier, PeerTier::Average);
        assert_eq!(compare(25.0, &peers).unwrap().tier, PeerTier::Average);
        assert_eq!(compare(24.0, &peers).unwrap().tier, PeerTier::SlightlyBelow);
    }

    #[test]
    fn custom_cut_offs_are_used() {
        let input = PeerComparison {
            score: 60.0,
            peer_scores: vec![10.0, 20.0, 70.0, 80.0],
            cutoffs: Some(TierCutoffs {
                leading_from: 50.0,
                average_from: 10.0,
            }),
        };
        assert_eq!(place_against_peers(&input).unwrap().tier, PeerTier::Leading);
    }

    #[test]
    fn errors_name_the_field() {
        assert_eq!(
            compare(f64::NAN, &[1.0]).unwrap_err().field(),
            Some("score")
        );
        assert_eq!(compare(101.0, &[1.0]).unwrap_err().field(), Some("score"));
        assert_eq!(compare(50.0, &[]).unwrap_err().field(), Some("peerScores"));
        assert_eq!(
            compare(50.0, &[1.0, f64::INFINITY]).unwrap_err().field(),
            Some("peerScores[1]")
        );
        let bad_cutoffs = PeerComparison {
            score: 1.0,
            peer_scores: vec![1.0],
            cutoffs: Some(TierCutoffs {
                leading_from: 30.0,
                average_from: 30.0,
            }),
        };
        assert_eq!(
            place_against_peers(&bad_cutoffs).unwrap_err().field(),
            Some("cutoffs.averageFrom")
        );
    }

    #[test]
    fn json_shape_is_camel_case_and_strict() {
        let input: PeerComparison =
            serde_json::from_str(r#"{"score": 80, "peerScores": [10, 90]}"#).unwrap();
        let out = serde_json::to_value(place_against_peers(&input).unwrap()).unwrap();
        assert_eq!(
            out,
            serde_json::json!({"tier": "average", "betterThanPercent": 50, "peerCount": 2})
        );
        let typo = serde_json::from_str::<PeerComparison>(r#"{"score": 1, "peerScore": [1]}"#);
        assert!(
            typo.is_err(),
            "unknown fields must be rejected, not ignored"
        );
    }

    proptest! {
        #[test]
        fn percent_is_bounded_and_monotone_in_score(
            peers in prop::collection::vec(0.0f64..=100.0, 1..200),
            a in 0.0f64..=100.0,
            b in 0.0f64..=100.0,
        ) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            let p_lo = compare(lo, &peers).unwrap();
            let p_hi = compare(hi, &peers).unwrap();
            prop_assert!(p_hi.better_than_percent <= 100);
            prop_assert!(p_lo.better_than_percent <= p_hi.better_than_percent);
            // Tiers are ordered the same way as the percentile.
            let rank = |t: PeerTier| match t {
                PeerTier::SlightlyBelow => 0,
                PeerTier::Average => 1,
                PeerTier::Leading => 2,
            };
            prop_assert!(rank(p_lo.tier) <= rank(p_hi.tier));
        }

        #[test]
        fn peer_order_does_not_matter(mut peers in prop::collection::vec(0.0f64..=100.0, 1..100), s in 0.0f64..=100.0) {
            let before = compare(s, &peers).unwrap();
            peers.reverse();
            prop_assert_eq!(before, compare(s, &peers).unwrap());
        }
    }
}
