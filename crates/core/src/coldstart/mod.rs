//! The cold-start assistant (冷启助手): per merchant type a step plan for the first weeks — each
//! step a concrete goal (the first hour-long live session, the first 30 orders so the index can
//! show a tier, the first repeat buyer, …) tied to the cold-start traffic pool it unlocks — and a
//! merchant's progress through it from its own data: which steps are done and when, which is
//! next and what is missing for it — and the evidence from similar merchants for the open
//! questions (short videos or live first, followers or sales first). See docs/coldstart.md.
//!
//! `config` (the pools and each type's steps, with documented defaults), `progress` (the
//! merchant's values for every goal, from the data), `evidence` (the cohort comparison),
//! `report` (the plan with its progress and the evidence).

pub mod config;
pub mod evidence;
pub mod progress;
pub mod report;

#[cfg(test)]
mod tests;

pub use config::{ColdStartConfig, Goal, Step, TrafficPool, TypePlan};
pub use evidence::{
    CohortEvidence, CohortMember, Difference, EvidenceConfig, OwnStart, PathOutcome, Question,
    QuestionEvidence, StartPath, Verdict,
};
pub use progress::Progress;
pub use report::{ColdStartReport, StepReport, StepStatus};

use crate::model::Dataset;
use crate::Result;

/// `merchant_id`'s cold-start plan with its progress in `data`, and the cohort evidence.
pub fn run(data: &Dataset, merchant_id: &str, config: &ColdStartConfig) -> Result<ColdStartReport> {
    config.check()?;
    let merchant = data.merchant(merchant_id)?;
    let progress = Progress::of(data, merchant);
    let evidence = evidence::evidence(data, merchant, &config.evidence)?;
    report::report(config, merchant, &progress, evidence)
}
