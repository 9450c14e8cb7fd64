//! The merchant's step plan with its progress: each step done (and when) or not, the first
//! step not done is next, and what is missing for it; with the cohort evidence beside it.

use serde::{Deserialize, Serialize};

use super::config::{ColdStartConfig, Goal, TrafficPool};
use super::evidence::CohortEvidence;
use super::progress::Progress;
use crate::model::{Merchant, MerchantType, Timestamp};
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum StepStatus {
    Done,
    /// The first step not done.
    Next,
    Later,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StepReport {
    pub id: String,
    pub goal: Goal,
    pub status: StepStatus,
    pub value: u64,
    pub target: u64,
    /// How much is still missing (0 once done).
    pub missing: u64,
    /// When the target was reached, when the data tell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub reached_at: Option<Timestamp>,
    pub unlocks: TrafficPool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ColdStartReport {
    pub merchant_id: String,
    pub merchant_type: MerchantType,
    pub steps: Vec<StepReport>,
    /// The next step's id; absent once every step is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub next: Option<String>,
    /// Steps done of all.
    pub done: u32,
    /// What merchants of the same type and category did in their first weeks.
    pub evidence: CohortEvidence,
}

/// The plan of `merchant`'s type with `progress`.
pub fn report(
    config: &ColdStartConfig,
    merchant: &Merchant,
    progress: &Progress,
    evidence: CohortEvidence,
) -> Result<ColdStartReport> {
    let plan = config.plan(merchant.merchant_type).ok_or_else(|| {
        Error::invalid_field("plans", format!("no plan for {:?}", merchant.merchant_type))
    })?;
    let mut next = None;
    let mut steps = Vec::with_capacity(plan.steps.len());
    for s in &plan.steps {
        let value = progress.value(&s.goal);
        let target = s.goal.target();
        let done = value >= target;
        let status = if done {
            StepStatus::Done
        } else if next.is_none() {
            next = Some(s.id.clone());
            StepStatus::Next
        } else {
            StepStatus::Later
        };
        let unlocks = config
            .pools
            .iter()
            .find(|p| p.id == s.unlocks)
            .cloned()
            .ok_or_else(|| Error::invalid_field("pools", format!("no pool {:?}", s.unlocks)))?;
        steps.push(StepReport {
            id: s.id.clone(),
            goal: s.goal.clone(),
            status,
            value,
            target,
            missing: target.saturating_sub(value),
            reached_at: if done {
                progress.reached_at(&s.goal)
            } else {
                None
            },
            unlocks,
        });
    }
    Ok(ColdStartReport {
        merchant_id: merchant.id.clone(),
        merchant_type: merchant.merchant_type,
        done: steps
            .iter()
            .filter(|s| s.status == StepStatus::Done)
            .count() as u32,
        steps,
        next,
        evidence,
    })
}
