//! The session's live plan and the staging zone's state, as the app keeps them and the CLI reads
//! them, with the checks a state from storage or a file must pass.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::config::StagingConfig;
use crate::model::{LiveSession, StagedProduct};
use crate::preview::audience::PlannedProduct;
use crate::{Error, Result};

/// The products the merchant brings to the session, with their live prices (the preview's
/// product list when there is one).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LivePlan {
    pub session_id: String,
    pub products: Vec<PlannedProduct>,
}

impl LivePlan {
    pub fn knows(&self, product_id: &str) -> bool {
        self.products.iter().any(|p| p.product_id == product_id)
    }

    pub fn price_of(&self, product_id: &str) -> Option<i64> {
        self.products
            .iter()
            .find(|p| p.product_id == product_id)
            .map(|p| p.live_price_fen)
    }

    /// Every product planned once, with a price of at least 0.
    pub fn check(&self) -> Result<()> {
        let mut seen = HashSet::new();
        for (i, p) in self.products.iter().enumerate() {
            if p.product_id.trim().is_empty() {
                return Err(Error::invalid_field(
                    format!("products[{i}].productId"),
                    "must not be empty",
                ));
            }
            if !seen.insert(p.product_id.as_str()) {
                return Err(Error::invalid_field(
                    format!("products[{i}].productId"),
                    format!("{} is planned twice", p.product_id),
                ));
            }
            if p.live_price_fen < 0 {
                return Err(Error::invalid_field(
                    format!("products[{i}].livePriceFen"),
                    "must not be negative",
                ));
            }
        }
        Ok(())
    }
}

/// The product on air and since when (seconds from the session's start).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OnAirNow {
    pub product_id: String,
    pub since_second: u32,
}

/// The zone at the session clock `nowSecond`: the product on air, and the staged products in
/// the order they go on air (their planned seconds never decrease along the list).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StagingState {
    pub now_second: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub on_air: Option<OnAirNow>,
    #[serde(default)]
    pub staged: Vec<StagedProduct>,
}

impl StagingState {
    /// The zone as a recorded session left it: its staged products, at its start.
    pub fn of_session(session: &LiveSession) -> StagingState {
        let mut staged = session.staged.clone();
        staged.sort_by_key(|s| s.planned_second);
        StagingState {
            now_second: 0,
            on_air: None,
            staged,
        }
    }

    /// `session` with this zone's staged products: what the clip planner's "coming up" and the
    /// viewer room's strip read.
    pub fn applied_to(&self, session: &LiveSession) -> LiveSession {
        let mut s = session.clone();
        s.staged = self.staged.clone();
        s
    }

    /// The rules every state keeps: products of the plan, none staged twice or while on air, in
    /// on-air order, within the zone's size. A planned second already past is allowed here (the
    /// clock moves on; the strip shows it as due) but not in a new edit.
    pub fn check(&self, plan: &LivePlan, config: &StagingConfig) -> Result<()> {
        if let Some(on_air) = &self.on_air {
            if !plan.knows(&on_air.product_id) {
                return Err(Error::invalid_field(
                    "onAir.productId",
                    format!("{} is not in the session's live plan", on_air.product_id),
                ));
            }
            if on_air.since_second > self.now_second {
                return Err(Error::invalid_field(
                    "onAir.sinceSecond",
                    "must not be after nowSecond",
                ));
            }
        }
        if self.staged.len() > config.max_staged as usize {
            return Err(Error::invalid_field(
                "staged",
                format!("at most {} products", config.max_staged),
            ));
        }
        let mut seen = HashSet::new();
        let mut last = 0;
        for (i, s) in self.staged.iter().enumerate() {
            let field = |name: &str| format!("staged[{i}].{name}");
            if !plan.knows(&s.product_id) {
                return Err(Error::invalid_field(
                    field("productId"),
                    format!("{} is not in the session's live plan", s.product_id),
                ));
            }
            if !seen.insert(s.product_id.as_str()) {
                return Err(Error::invalid_field(
                    field("productId"),
                    format!("{} is staged twice", s.product_id),
                ));
            }
            if self
                .on_air
                .as_ref()
                .is_some_and(|o| o.product_id == s.product_id)
            {
                return Err(Error::invalid_field(
                    field("productId"),
                    format!("{} is on air now", s.product_id),
                ));
            }
            if s.planned_second < last {
                return Err(Error::invalid_field(
                    field("plannedSecond"),
                    "must not be before the product staged ahead of it",
                ));
            }
            last = s.planned_second;
        }
        Ok(())
    }
}
