//! What the staging zone allows and how its matching estimates viewers.

use serde::{Deserialize, Serialize};

use crate::preview::audience::{AudienceConfig, RateRange};
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct StagingConfig {
    /// How far ahead the platform matches audiences for staged products (seconds; 600: ten
    /// minutes) and the coming-up strip counts down.
    pub horizon_seconds: u32,
    /// At most this many products in the zone at once.
    pub max_staged: u32,
    /// Staging "in N minutes" accepts N from 1 to this.
    pub max_lead_minutes: u32,
    /// The share of matched buyers who enter the room when the platform pushes it to them
    /// (low, expected, high).
    pub enter_rate: RateRange,
    /// The affinity scoring, as the preview's audience package uses it (its `reserveRate` is not
    /// used here: `enterRate` is).
    pub audience: AudienceConfig,
}

impl Default for StagingConfig {
    fn default() -> Self {
        StagingConfig {
            horizon_seconds: 600,
            max_staged: 20,
            max_lead_minutes: 120,
            enter_rate: RateRange {
                low: 0.03,
                expected: 0.06,
                high: 0.10,
            },
            audience: AudienceConfig::default(),
        }
    }
}

impl StagingConfig {
    pub fn validate(&self) -> Result<()> {
        if self.horizon_seconds == 0 {
            return Err(Error::invalid_field("horizonSeconds", "must be at least 1"));
        }
        if self.max_staged == 0 {
            return Err(Error::invalid_field("maxStaged", "must be at least 1"));
        }
        if self.max_lead_minutes == 0 {
            return Err(Error::invalid_field("maxLeadMinutes", "must be at least 1"));
        }
        let r = self.enter_rate;
        let ordered = [r.low, r.expected, r.high]
            .iter()
            .all(|x| (0.0..=1.0).contains(x))
            && r.low <= r.expected
            && r.expected <= r.high;
        if !ordered {
            return Err(Error::invalid_field(
                "enterRate",
                "must be rates from 0 to 1 with low ≤ expected ≤ high",
            ));
        }
        self.audience.validate().map_err(|e| match e {
            Error::InvalidField { field, reason } => {
                Error::invalid_field(format!("audience.{field}"), reason)
            }
            other => other,
        })
    }
}
