//! The trust-weighted traffic model's settings; every field has a documented default
//! (docs/traffic.md) and is checked with its name.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// What happens to the peers when one merchant's weight changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum PoolMode {
    /// The category's natural traffic is a fixed pool: what one merchant gains, its peers lose.
    #[default]
    Fixed,
    /// The pool grows with the merchant's weight: the peers keep what they have.
    Grows,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct TrafficConfig {
    /// Reach every shop has before its followers, in followers (24 000): a shop's relevance is
    /// its followers plus this.
    pub base_reach: f64,
    /// Sessions after a pushed one that count as levered and stay out of the fit (2), as the
    /// leverage estimate's `followingSessions`.
    pub following_sessions: u32,
    /// Unlevered sessions a merchant needs to enter the fit (4).
    pub min_sessions: u32,
    /// Merchants with a score and enough sessions the fit needs (20), in categories with at
    /// least two of them.
    pub min_merchants: u32,
    /// A 90 % interval of the elasticity wider than this (0.5) is not enough data.
    pub max_interval_width: f64,
    /// Sessions a day needs for its own market-activity figure (5), as in the leverage estimate.
    pub min_control_sessions: u32,
    /// Whether a what-if takes its gain from the peers (`fixed`, the default) or adds to the pool.
    pub pool: PoolMode,
}

impl Default for TrafficConfig {
    fn default() -> Self {
        TrafficConfig {
            base_reach: 24_000.0,
            following_sessions: 2,
            min_sessions: 4,
            min_merchants: 20,
            max_interval_width: 0.5,
            min_control_sessions: 5,
            pool: PoolMode::Fixed,
        }
    }
}

impl TrafficConfig {
    pub fn check(&self) -> Result<()> {
        if !(self.base_reach.is_finite() && self.base_reach >= 1.0 && self.base_reach <= 1e12) {
            return Err(Error::invalid_field(
                "baseReach",
                "must be a number from 1 to 10¹²",
            ));
        }
        // followingSessions and minControlSessions mean what they mean to the leverage estimate
        // and are checked by it, with the same field names.
        self.leverage().check()?;
        if !(1..=10_000).contains(&self.min_sessions) {
            return Err(Error::invalid_field(
                "minSessions",
                "must be between 1 and 10000",
            ));
        }
        if !(3..=1_000_000).contains(&self.min_merchants) {
            return Err(Error::invalid_field(
                "minMerchants",
                "must be between 3 and 1000000 (a slope and its error need three)",
            ));
        }
        if !(self.max_interval_width > 0.0 && self.max_interval_width <= 100.0) {
            return Err(Error::invalid_field(
                "maxIntervalWidth",
                "must be above 0 and at most 100",
            ));
        }
        Ok(())
    }

    /// The leverage settings that decide which sessions are levered and the market's activity.
    pub(crate) fn leverage(&self) -> crate::leverage::LeverageConfig {
        crate::leverage::LeverageConfig {
            following_sessions: self.following_sessions,
            min_control_sessions: self.min_control_sessions,
            ..crate::leverage::LeverageConfig::default()
        }
    }
}
