//! The live assistant's staging zone (上车准备区): the products a merchant lines up to go on air
//! in the next minutes, the rules an edit must keep, the "coming up" countdown viewers see, and
//! the priority audience matching the platform runs for staged products — which buyers it would
//! push the room to first, and how many extra viewers that is expected to bring in the next ten
//! minutes. See docs/staging.md.
//!
//! `config` (horizon, limits, the entry rate), `state` (the live plan and the zone's state, and
//! the checks a loaded state must pass), `edit` (stage, unstage, reorder, go on air, the clock),
//! `report` (the coming-up strip), `matching` (the audience package of the staged products) and
//! `room` (what the viewer's room shows at a moment of the session).

pub mod config;
pub mod edit;
pub mod matching;
pub mod report;
pub mod room;
pub mod state;

pub use config::StagingConfig;
pub use edit::{apply, apply_all, StagingEdit};
pub use matching::{priority_match, MatchReport, ProductMatch};
pub use report::{coming_up, ComingUp};
pub use room::{room_moment, CartOnAir, RoomMoment};
pub use state::{LivePlan, OnAirNow, StagingState};

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::model::Dataset;
use crate::preview::audience::{AudienceHistory, AudienceSignals};
use crate::{Error, Result};

/// What the CLI's `staging` and the wasm `Market.staging` take: the zone as it is (default: empty,
/// clock at 0), the edits to make, the configuration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct StagingRequest {
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub state: Option<StagingState>,
    pub edits: Vec<StagingEdit>,
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub config: Option<StagingConfig>,
}

/// The zone after the edits, its coming-up strip and the matching for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StagingReport {
    pub plan: LivePlan,
    pub state: StagingState,
    pub coming_up: Vec<ComingUp>,
    pub matching: MatchReport,
}

impl LivePlan {
    /// A recorded session's plan: the products it put on air or staged, at their median live
    /// unit price in the session's orders (the list price without any).
    pub fn from_dataset(data: &Dataset, session_id: &str) -> Result<LivePlan> {
        let source = crate::clip::ClipSource::from_dataset(data, session_id)?;
        Ok(LivePlan {
            session_id: session_id.to_owned(),
            products: source
                .products
                .into_iter()
                .map(|p| crate::preview::audience::PlannedProduct {
                    product_id: p.id,
                    live_price_fen: p.price_fen,
                })
                .collect(),
        })
    }
}

/// `request` on `session_id` of `data`: the plan from the session, the buyer history from the
/// orders paid before the session's day (Asia/Shanghai), and `history` when the caller keeps one.
pub fn run(
    data: &Dataset,
    session_id: &str,
    request: &StagingRequest,
    history: Option<&AudienceHistory>,
) -> Result<StagingReport> {
    let config = request.config.clone().unwrap_or_default();
    config.validate().map_err(|e| e.within("config"))?;
    let plan = LivePlan::from_dataset(data, session_id)?;
    let session = data
        .live_sessions
        .iter()
        .find(|s| s.id == session_id)
        .ok_or_else(|| {
            Error::invalid_field("sessionId", format!("no live session {session_id:?}"))
        })?;
    let state = apply_all(
        &plan,
        &request.state.clone().unwrap_or_default(),
        &request.edits,
        &config,
    )?;
    let built;
    let history = match history {
        Some(h) => h,
        None => {
            built = AudienceHistory::from_dataset(
                data,
                session.start_at.local_date(),
                &AudienceSignals::default(),
            )?;
            &built
        }
    };
    let matching = priority_match(history, &plan, &state, &config)?;
    Ok(StagingReport {
        coming_up: coming_up(&plan, &state, &config),
        plan,
        state,
        matching,
    })
}
