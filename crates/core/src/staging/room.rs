//! The viewer's live room at a moment of the session: the product on air in the cart (小黄车)
//! and the coming-up strip (即将上车) with its countdowns, from the live assistant's zone when
//! the merchant runs one, else from what the recorded session planned. The app's room page
//! replays a session second by second through this.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::config::StagingConfig;
use super::report::{coming_up, ComingUp};
use super::state::{LivePlan, OnAirNow, StagingState};
use crate::model::{LiveSession, StagedProduct};

/// The product in the cart as on air, with its live price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CartOnAir {
    pub product_id: String,
    pub since_second: u32,
    pub live_price_fen: i64,
}

/// What the room shows at `clockSecond`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RoomMoment {
    /// The clock, at most the session's length.
    pub clock_second: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub on_air: Option<CartOnAir>,
    /// In on-air order; each product once, never the one on air.
    pub coming_up: Vec<ComingUp>,
}

/// The room of `session` at `clock` seconds from its start.
///
/// With the assistant's `zone`, the zone decides: its product on air (the recording's when the
/// zone has none on air) and its staged products, counted down from `clock` (never earlier than
/// the zone's own clock). Without one, the recording decides: the on-air interval holding `clock`
/// and the staged products planned at or after `clock`, the first plan of each product, at most
/// the zone's size.
pub fn room_moment(
    session: &LiveSession,
    plan: &LivePlan,
    zone: Option<&StagingState>,
    clock: u32,
    config: &StagingConfig,
) -> RoomMoment {
    let clock = clock.min(session.duration_seconds());
    let recorded = session
        .on_air
        .iter()
        .find(|a| a.start_second <= clock && clock < a.end_second)
        .map(|a| OnAirNow {
            product_id: a.product_id.clone(),
            since_second: a.start_second,
        });
    let state = match zone {
        Some(z) => StagingState {
            now_second: clock.max(z.now_second),
            on_air: z.on_air.clone().or(recorded),
            staged: z.staged.clone(),
        },
        None => recorded_zone(session, recorded, clock, config),
    };
    let on_air_id = state.on_air.as_ref().map(|o| o.product_id.as_str());
    let mut strip = coming_up(plan, &state, config);
    strip.retain(|c| Some(c.product_id.as_str()) != on_air_id);
    RoomMoment {
        clock_second: clock,
        on_air: state.on_air.as_ref().map(|o| CartOnAir {
            product_id: o.product_id.clone(),
            since_second: o.since_second,
            live_price_fen: plan.price_of(&o.product_id).unwrap_or(0),
        }),
        coming_up: strip,
    }
}

fn recorded_zone(
    session: &LiveSession,
    on_air: Option<OnAirNow>,
    clock: u32,
    config: &StagingConfig,
) -> StagingState {
    let mut planned: Vec<&StagedProduct> = session
        .staged
        .iter()
        .filter(|s| s.planned_second >= clock)
        .collect();
    planned.sort_by_key(|s| s.planned_second);
    let mut seen = HashSet::new();
    if let Some(o) = &on_air {
        seen.insert(o.product_id.as_str());
    }
    let staged = planned
        .into_iter()
        .filter(|s| seen.insert(s.product_id.as_str()))
        .take(config.max_staged as usize)
        .cloned()
        .collect();
    StagingState {
        now_second: clock,
        on_air,
        staged,
    }
}
