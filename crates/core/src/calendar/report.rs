//! A merchant's view of the calendar on a day: each campaign's status, its gates with the
//! merchant's values, whether it is eligible, the index's suggestions that would lift a failed
//! gate, and the dates that matter counted from the day.

use serde::{Deserialize, Serialize};

use super::gates::{Gate, GateResult, MerchantFacts};
use super::model::{Campaign, CampaignCalendar, CampaignLevel};
use crate::index::report::Suggestion;
use crate::model::LocalDate;

/// Where a campaign stands on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum CampaignStatus {
    /// The sign-up has not opened.
    Upcoming,
    SignupOpen,
    /// Sign-up closed, the event not started (the warm-up may be on).
    SignupClosed,
    Running,
    Ended,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum KeyDateKind {
    SignupOpens,
    SignupCloses,
    WarmUpStarts,
    EventStarts,
    EventEnds,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct KeyDate {
    pub kind: KeyDateKind,
    pub date: LocalDate,
    /// Negative once past.
    pub days_from_today: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CampaignReport {
    pub campaign_id: String,
    pub name: String,
    pub level: CampaignLevel,
    pub status: CampaignStatus,
    /// Every gate passed.
    pub eligible: bool,
    pub gates: Vec<GateResult>,
    /// The index's suggestions that work on a failed gate, most overall points first, each
    /// metric once.
    pub improve: Vec<Suggestion>,
    pub key_dates: Vec<KeyDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CalendarReport {
    pub merchant_id: String,
    pub today: LocalDate,
    pub campaigns: Vec<CampaignReport>,
}

fn status(c: &Campaign, today: LocalDate) -> CampaignStatus {
    if today < c.signup.start {
        CampaignStatus::Upcoming
    } else if c.event.contains(today) {
        CampaignStatus::Running
    } else if today > c.event.end {
        CampaignStatus::Ended
    } else if c.signup.contains(today) {
        CampaignStatus::SignupOpen
    } else {
        CampaignStatus::SignupClosed
    }
}

fn key_dates(c: &Campaign, today: LocalDate) -> Vec<KeyDate> {
    let mut dates = vec![
        (KeyDateKind::SignupOpens, c.signup.start),
        (KeyDateKind::SignupCloses, c.signup.end),
    ];
    if let Some(w) = &c.warm_up {
        dates.push((KeyDateKind::WarmUpStarts, w.start));
    }
    dates.push((KeyDateKind::EventStarts, c.event.start));
    dates.push((KeyDateKind::EventEnds, c.event.end));
    dates
        .into_iter()
        .map(|(kind, date)| KeyDate {
            kind,
            date,
            days_from_today: (date.0 - today.0).num_days(),
        })
        .collect()
}

/// The suggestions that move a failed gate's value.
fn improving<'a>(gate: &Gate, suggestions: &'a [Suggestion]) -> Vec<&'a Suggestion> {
    suggestions
        .iter()
        .filter(|s| match gate {
            Gate::MinOverallScore { .. } | Gate::MinTier { .. } => true,
            Gate::MinDimensionScore { dimension, .. } => s.dimension == *dimension,
            Gate::MinMetric { metric, .. } | Gate::MaxMetric { metric, .. } => s.metric == *metric,
            _ => false,
        })
        .collect()
}

/// `calendar` on `today` for the merchant `merchant_id` described by `facts`, with the index's
/// `suggestions` for it.
pub fn calendar_report(
    calendar: &CampaignCalendar,
    merchant_id: &str,
    facts: &MerchantFacts,
    suggestions: &[Suggestion],
    today: LocalDate,
) -> CalendarReport {
    let campaigns = calendar
        .campaigns
        .iter()
        .map(|c| {
            let gates: Vec<GateResult> = c.gates.iter().map(|g| g.evaluate(facts)).collect();
            let mut improve: Vec<Suggestion> = Vec::new();
            for r in gates.iter().filter(|r| !r.passed) {
                for s in improving(&r.gate, suggestions) {
                    if !improve.iter().any(|x| x.metric == s.metric) {
                        improve.push(s.clone());
                    }
                }
            }
            improve.sort_by(|a, b| b.overall_gain.total_cmp(&a.overall_gain));
            CampaignReport {
                campaign_id: c.id.clone(),
                name: c.name.clone(),
                level: c.level,
                status: status(c, today),
                eligible: gates.iter().all(|r| r.passed),
                gates,
                improve,
                key_dates: key_dates(c, today),
            }
        })
        .collect();
    CalendarReport {
        merchant_id: merchant_id.to_owned(),
        today,
        campaigns,
    }
}
