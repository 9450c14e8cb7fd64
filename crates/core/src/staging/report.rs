//! The "coming up" strip (即将上车) as viewers see it: the staged products in on-air order with
//! their countdown from the session clock.

use serde::{Deserialize, Serialize};

use super::config::StagingConfig;
use super::state::{LivePlan, StagingState};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ComingUp {
    pub product_id: String,
    pub planned_second: u32,
    /// Seconds from the clock to the planned time (0 once it is due).
    pub countdown_seconds: u32,
    /// The planned time has come and the product is not on air yet.
    pub due: bool,
    /// Planned within the matching horizon (the next `horizonSeconds`).
    pub within_horizon: bool,
    pub live_price_fen: i64,
}

/// The staged products in on-air order with their countdowns at the state's clock.
pub fn coming_up(plan: &LivePlan, state: &StagingState, config: &StagingConfig) -> Vec<ComingUp> {
    state
        .staged
        .iter()
        .map(|s| {
            let countdown = s.planned_second.saturating_sub(state.now_second);
            ComingUp {
                product_id: s.product_id.clone(),
                planned_second: s.planned_second,
                countdown_seconds: countdown,
                due: countdown == 0,
                within_horizon: countdown <= config.horizon_seconds,
                live_price_fen: plan.price_of(&s.product_id).unwrap_or(0),
            }
        })
        .collect()
}
