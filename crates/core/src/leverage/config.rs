//! The leverage estimate's settings; every field has a documented default (docs/traffic.md) and
//! is checked with its name.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct LeverageConfig {
    /// The sessions after a pushed one that its push may still lever (2): the "N" of "1+N".
    pub following_sessions: u32,
    /// Fewer levered or unlevered sessions than this is not enough data (4).
    pub min_sessions: u32,
    /// A 90 % interval of the lift wider than this (0.6, i.e. 60 points) is not enough data.
    pub max_interval_width: f64,
    /// Sessions of never-pushing merchants a day needs for its own market-activity figure (5);
    /// days with fewer use their week's, and weeks with fewer count as average.
    pub min_control_sessions: u32,
}

impl Default for LeverageConfig {
    fn default() -> Self {
        LeverageConfig {
            following_sessions: 2,
            min_sessions: 4,
            max_interval_width: 0.6,
            min_control_sessions: 5,
        }
    }
}

impl LeverageConfig {
    pub fn check(&self) -> Result<()> {
        if self.following_sessions > 20 {
            return Err(Error::invalid_field(
                "followingSessions",
                "must be between 0 and 20",
            ));
        }
        if !(2..=10_000).contains(&self.min_sessions) {
            return Err(Error::invalid_field(
                "minSessions",
                "must be between 2 and 10000 (an interval needs two sessions a side)",
            ));
        }
        if !(self.max_interval_width > 0.0 && self.max_interval_width <= 100.0) {
            return Err(Error::invalid_field(
                "maxIntervalWidth",
                "must be above 0 and at most 100",
            ));
        }
        if self.min_control_sessions == 0 {
            return Err(Error::invalid_field(
                "minControlSessions",
                "must be at least 1",
            ));
        }
        Ok(())
    }
}
