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

impl PeerTier {
    pub const ALL: [PeerTier; 3] = [
        PeerTier::Leading,
        PeerTier::Average,
        PeerTier::SlightlyBelow,
    ];

    /// Its name in JSON (`slightlyBelow`), without a serializer.
    pub const fn json_name(self) -> &'static str {
        match self {
            PeerTier::Leading => "leading",
            PeerTier::Average => "average",
            PeerTier::SlightlyBelow => "slightlyBelow",
        }
    }
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
#[path = "tests/peer_tier.rs"]
mod tests;
