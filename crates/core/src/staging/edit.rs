//! The merchant's edits of the staging zone, each checked against the rules before it lands: a
//! product of the live plan, not staged twice, not the one on air, not planned in the past.

use serde::{Deserialize, Serialize};

use super::config::StagingConfig;
use super::state::{LivePlan, OnAirNow, StagingState};
use crate::model::StagedProduct;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(
    tag = "op",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum StagingEdit {
    /// Puts a product in the zone `inMinutes` from the clock or at `atSecond` (exactly one of
    /// them). It joins the list where its time puts it (after products planned at the same
    /// second).
    Stage {
        product_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "tsify", tsify(optional))]
        in_minutes: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "tsify", tsify(optional))]
        at_second: Option<u32>,
    },
    /// Takes a product out of the zone.
    Unstage { product_id: String },
    /// Moves a staged product to position `to` (0: next). The planned times stay where they
    /// were: the products take them in their new order.
    Move { product_id: String, to: u32 },
    /// Puts a product on air now (out of the zone, if it was staged).
    OnAir { product_id: String },
    /// Takes the product on air off air.
    OffAir,
    /// Sets the session clock; it never goes back.
    Clock { now_second: u32 },
}

fn staged_index(state: &StagingState, product_id: &str) -> Option<usize> {
    state.staged.iter().position(|s| s.product_id == product_id)
}

fn known(plan: &LivePlan, product_id: &str) -> Result<()> {
    if plan.knows(product_id) {
        Ok(())
    } else {
        Err(Error::invalid_field(
            "productId",
            format!("{product_id} is not in the session's live plan"),
        ))
    }
}

/// `state` after `edit`, or the rule it breaks as a field error of the edit (`productId`,
/// `inMinutes`, `atSecond`, `to`, `nowSecond`). `state` itself must pass
/// [`StagingState::check`].
pub fn apply(
    plan: &LivePlan,
    state: &StagingState,
    edit: &StagingEdit,
    config: &StagingConfig,
) -> Result<StagingState> {
    let mut next = state.clone();
    match edit {
        StagingEdit::Stage {
            product_id,
            in_minutes,
            at_second,
        } => {
            known(plan, product_id)?;
            if staged_index(state, product_id).is_some() {
                return Err(Error::invalid_field(
                    "productId",
                    format!("{product_id} is already staged"),
                ));
            }
            if state
                .on_air
                .as_ref()
                .is_some_and(|o| &o.product_id == product_id)
            {
                return Err(Error::invalid_field(
                    "productId",
                    format!("{product_id} is on air now"),
                ));
            }
            if state.staged.len() >= config.max_staged as usize {
                return Err(Error::invalid_field(
                    "productId",
                    format!("the zone holds at most {} products", config.max_staged),
                ));
            }
            let planned = match (in_minutes, at_second) {
                (Some(m), None) => {
                    if *m == 0 || *m > config.max_lead_minutes {
                        return Err(Error::invalid_field(
                            "inMinutes",
                            format!("must be from 1 to {}", config.max_lead_minutes),
                        ));
                    }
                    state.now_second.saturating_add(m * 60)
                }
                (None, Some(at)) => {
                    if *at < state.now_second {
                        return Err(Error::invalid_field(
                            "atSecond",
                            format!(
                                "is in the past: the session clock is at {} s",
                                state.now_second
                            ),
                        ));
                    }
                    *at
                }
                _ => {
                    return Err(Error::invalid_field(
                        "inMinutes",
                        "give either inMinutes or atSecond",
                    ))
                }
            };
            let at = next.staged.partition_point(|s| s.planned_second <= planned);
            next.staged.insert(
                at,
                StagedProduct {
                    product_id: product_id.clone(),
                    planned_second: planned,
                },
            );
        }
        StagingEdit::Unstage { product_id } => {
            let Some(i) = staged_index(state, product_id) else {
                return Err(Error::invalid_field(
                    "productId",
                    format!("{product_id} is not staged"),
                ));
            };
            next.staged.remove(i);
        }
        StagingEdit::Move { product_id, to } => {
            let Some(i) = staged_index(state, product_id) else {
                return Err(Error::invalid_field(
                    "productId",
                    format!("{product_id} is not staged"),
                ));
            };
            let to = *to as usize;
            if to >= state.staged.len() {
                return Err(Error::invalid_field(
                    "to",
                    format!("must be below {} (the staged products)", state.staged.len()),
                ));
            }
            let times: Vec<u32> = state.staged.iter().map(|s| s.planned_second).collect();
            let moved = next.staged.remove(i);
            next.staged.insert(to, moved);
            for (s, t) in next.staged.iter_mut().zip(times) {
                s.planned_second = t;
            }
        }
        StagingEdit::OnAir { product_id } => {
            known(plan, product_id)?;
            if let Some(i) = staged_index(state, product_id) {
                next.staged.remove(i);
            }
            next.on_air = Some(OnAirNow {
                product_id: product_id.clone(),
                since_second: state.now_second,
            });
        }
        StagingEdit::OffAir => {
            if state.on_air.is_none() {
                return Err(Error::invalid_field("op", "no product is on air"));
            }
            next.on_air = None;
        }
        StagingEdit::Clock { now_second } => {
            if *now_second < state.now_second {
                return Err(Error::invalid_field(
                    "nowSecond",
                    format!("must not go back from {} s", state.now_second),
                ));
            }
            next.now_second = *now_second;
        }
    }
    Ok(next)
}

/// `edits` one after another from `state`; an error names the edit (`edits[3].atSecond`).
pub fn apply_all(
    plan: &LivePlan,
    state: &StagingState,
    edits: &[StagingEdit],
    config: &StagingConfig,
) -> Result<StagingState> {
    plan.check().map_err(|e| e.within("plan"))?;
    state.check(plan, config).map_err(|e| e.within("state"))?;
    let mut now = state.clone();
    for (i, edit) in edits.iter().enumerate() {
        now = apply(plan, &now, edit, config).map_err(|e| e.within(&format!("edits[{i}]")))?;
    }
    Ok(now)
}
