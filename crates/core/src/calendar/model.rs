//! The calendar as data: campaigns with their level, phases (whole Asia/Shanghai days, both ends
//! included), gameplays, rewards and gates, and the checks a calendar file must pass — each
//! refusal names its field (`campaigns[0].signup.end`).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::gates::Gate;
use crate::model::LocalDate;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CampaignCalendar {
    /// Where the dates come from (an announcement, a plan).
    #[serde(default)]
    pub source: String,
    pub campaigns: Vec<Campaign>,
}

/// The platform's grading of a campaign: S for the year's biggest, A+ below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub enum CampaignLevel {
    S,
    #[serde(rename = "A+")]
    APlus,
}

/// From `start` to `end`, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Phase {
    pub start: LocalDate,
    pub end: LocalDate,
}

impl Phase {
    pub fn contains(&self, day: LocalDate) -> bool {
        self.start <= day && day <= self.end
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Gameplay {
    pub name: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reward {
    pub description: String,
    /// Only for the best `topN` merchants of the campaign (e.g. the top 10 in follower growth).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub top_n: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Campaign {
    pub id: String,
    pub name: String,
    pub level: CampaignLevel,
    pub signup: Phase,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub warm_up: Option<Phase>,
    pub event: Phase,
    #[serde(default)]
    pub gameplays: Vec<Gameplay>,
    #[serde(default)]
    pub rewards: Vec<Reward>,
    /// Every gate must pass for a merchant to be eligible.
    #[serde(default)]
    pub gates: Vec<Gate>,
}

fn phase(field: &str, p: &Phase) -> Result<()> {
    if p.end < p.start {
        return Err(Error::invalid_field(
            format!("{field}.end"),
            format!("{} is before the start {}", p.end, p.start),
        ));
    }
    Ok(())
}

fn text(field: String, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid_field(field, "must not be empty"));
    }
    if value.chars().count() > 200 || value.chars().any(char::is_control) {
        return Err(Error::invalid_field(
            field,
            "must be at most 200 characters on one line",
        ));
    }
    Ok(())
}

impl CampaignCalendar {
    /// Ids unique and non-empty, names on one line, phases in order (sign-up opens before the
    /// event ends and closes by then; a warm-up lies between the sign-up's start and the event's),
    /// gates and rewards in range.
    pub fn check(&self) -> Result<()> {
        let mut ids = HashSet::new();
        for (i, c) in self.campaigns.iter().enumerate() {
            let at = |name: &str| format!("campaigns[{i}].{name}");
            text(at("id"), &c.id)?;
            if !c
                .id
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || "-_.".contains(ch))
            {
                return Err(Error::invalid_field(
                    at("id"),
                    "may hold only ASCII letters, digits, '-', '_' and '.'",
                ));
            }
            if !ids.insert(c.id.as_str()) {
                return Err(Error::invalid_field(
                    at("id"),
                    format!("{} appears twice", c.id),
                ));
            }
            text(at("name"), &c.name)?;
            phase(&at("signup"), &c.signup)?;
            phase(&at("event"), &c.event)?;
            if c.signup.end > c.event.end {
                return Err(Error::invalid_field(
                    at("signup.end"),
                    "the sign-up must close by the end of the event",
                ));
            }
            if let Some(w) = &c.warm_up {
                phase(&at("warmUp"), w)?;
                if w.start < c.signup.start || w.end >= c.event.start {
                    return Err(Error::invalid_field(
                        at("warmUp"),
                        "must lie after the sign-up opens and before the event starts",
                    ));
                }
            }
            for (k, g) in c.gameplays.iter().enumerate() {
                text(at(&format!("gameplays[{k}].name")), &g.name)?;
            }
            for (k, r) in c.rewards.iter().enumerate() {
                text(at(&format!("rewards[{k}].description")), &r.description)?;
                if r.top_n == Some(0) {
                    return Err(Error::invalid_field(
                        at(&format!("rewards[{k}].topN")),
                        "must be at least 1",
                    ));
                }
            }
            for (k, g) in c.gates.iter().enumerate() {
                g.check()
                    .map_err(|e| e.within(&at(&format!("gates[{k}]"))))?;
            }
        }
        Ok(())
    }
}
