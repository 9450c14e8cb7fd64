//! The cold-start traffic pools and each merchant type's step plan. The defaults are livetrust's
//! reading of a live-commerce platform's cold start (docs/coldstart.md), not the platform's rules:
//! a configuration replaces them whole, checked with the field named.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::evidence::EvidenceConfig;
use crate::model::MerchantType;
use crate::{Error, Result};

const TYPES: [MerchantType; 5] = [
    MerchantType::Individual,
    MerchantType::Vertical,
    MerchantType::Brand,
    MerchantType::FastBrand,
    MerchantType::ServiceProvider,
];

/// A traffic pool a step unlocks (the platform's cold-start pools are tiers of exposure).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrafficPool {
    pub id: String,
    pub name: String,
    /// What the pool gives, in a sentence.
    pub description: String,
}

/// What a step asks for, counted from the merchant's own data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Goal {
    /// Live sessions of at least `minMinutes`.
    LiveSessions {
        count: u32,
        min_minutes: u32,
    },
    /// Paid orders (any channel).
    Orders {
        count: u32,
    },
    /// Paid orders through short videos (a short video with the product attached sold).
    ShortVideoOrders {
        count: u32,
    },
    /// Buyers with at least two paid orders at the shop.
    RepeatBuyers {
        count: u32,
    },
    /// Reviews of four or five stars.
    PositiveReviews {
        count: u32,
    },
    Followers {
        count: u64,
    },
}

impl Goal {
    pub fn target(&self) -> u64 {
        match self {
            Goal::LiveSessions { count, .. }
            | Goal::Orders { count }
            | Goal::ShortVideoOrders { count }
            | Goal::RepeatBuyers { count }
            | Goal::PositiveReviews { count } => u64::from(*count),
            Goal::Followers { count } => *count,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub goal: Goal,
    /// The pool this step unlocks (an id of `pools`).
    pub unlocks: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TypePlan {
    pub merchant_type: MerchantType,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ColdStartConfig {
    pub pools: Vec<TrafficPool>,
    /// One plan per merchant type.
    pub plans: Vec<TypePlan>,
    /// How the cohort evidence is computed (the defaults when absent).
    #[serde(default)]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub evidence: EvidenceConfig,
}

fn pool(id: &str, name: &str, description: &str) -> TrafficPool {
    TrafficPool {
        id: id.into(),
        name: name.into(),
        description: description.into(),
    }
}

fn step(id: &str, goal: Goal, unlocks: &str) -> Step {
    Step {
        id: id.into(),
        goal,
        unlocks: unlocks.into(),
    }
}

impl Default for ColdStartConfig {
    fn default() -> Self {
        use Goal::*;
        let first_live = || LiveSessions {
            count: 1,
            min_minutes: 60,
        };
        let tier = || Orders { count: 30 };
        ColdStartConfig {
            pools: vec![
                pool("starter", "新手流量池", "开播和短视频获得的基础曝光"),
                pool("boost", "冷启加权池", "新店前几周的额外推荐权重"),
                pool(
                    "trust",
                    "信任流量池",
                    "回头客推荐指数有了档位后，按指数分配的自然流量",
                ),
                pool("growth", "成长流量池", "复购和口碑带来的持续推荐"),
            ],
            plans: vec![
                TypePlan {
                    merchant_type: MerchantType::Individual,
                    steps: vec![
                        step("first-live", first_live(), "starter"),
                        step(
                            "three-lives",
                            LiveSessions {
                                count: 3,
                                min_minutes: 60,
                            },
                            "boost",
                        ),
                        step("first-30-orders", tier(), "trust"),
                        step("first-repeat-buyer", RepeatBuyers { count: 1 }, "growth"),
                    ],
                },
                TypePlan {
                    merchant_type: MerchantType::Vertical,
                    steps: vec![
                        step(
                            "first-short-video-sales",
                            ShortVideoOrders { count: 3 },
                            "starter",
                        ),
                        step("first-live", first_live(), "boost"),
                        step("first-30-orders", tier(), "trust"),
                        step("first-repeat-buyer", RepeatBuyers { count: 1 }, "growth"),
                    ],
                },
                TypePlan {
                    merchant_type: MerchantType::Brand,
                    steps: vec![
                        step("first-30-orders", tier(), "trust"),
                        step("ten-good-reviews", PositiveReviews { count: 10 }, "boost"),
                        step("first-live", first_live(), "starter"),
                        step("five-repeat-buyers", RepeatBuyers { count: 5 }, "growth"),
                    ],
                },
                TypePlan {
                    merchant_type: MerchantType::FastBrand,
                    steps: vec![
                        step("first-live", first_live(), "starter"),
                        step(
                            "first-short-video-sales",
                            ShortVideoOrders { count: 3 },
                            "boost",
                        ),
                        step("first-30-orders", tier(), "trust"),
                        step("three-repeat-buyers", RepeatBuyers { count: 3 }, "growth"),
                    ],
                },
                TypePlan {
                    merchant_type: MerchantType::ServiceProvider,
                    steps: vec![
                        step("first-30-orders", tier(), "trust"),
                        step("first-live", first_live(), "starter"),
                        step("ten-good-reviews", PositiveReviews { count: 10 }, "boost"),
                        step("first-repeat-buyer", RepeatBuyers { count: 1 }, "growth"),
                    ],
                },
            ],
            evidence: EvidenceConfig::default(),
        }
    }
}

impl ColdStartConfig {
    /// Pools named once; one plan per type, every type planned; step ids unique within a plan,
    /// targets at least 1, each step unlocking a known pool; the evidence settings in range.
    pub fn check(&self) -> Result<()> {
        self.evidence.check()?;
        let mut pools = HashSet::new();
        for (i, p) in self.pools.iter().enumerate() {
            if p.id.trim().is_empty() || !pools.insert(p.id.as_str()) {
                return Err(Error::invalid_field(
                    format!("pools[{i}].id"),
                    "must be non-empty and unique",
                ));
            }
            if p.name.trim().is_empty() {
                return Err(Error::invalid_field(
                    format!("pools[{i}].name"),
                    "must not be empty",
                ));
            }
        }
        let mut types = HashSet::new();
        for (i, plan) in self.plans.iter().enumerate() {
            if !types.insert(plan.merchant_type) {
                return Err(Error::invalid_field(
                    format!("plans[{i}].merchantType"),
                    "has a plan already",
                ));
            }
            if plan.steps.is_empty() {
                return Err(Error::invalid_field(
                    format!("plans[{i}].steps"),
                    "must not be empty",
                ));
            }
            let mut ids = HashSet::new();
            for (k, s) in plan.steps.iter().enumerate() {
                let at = |f: &str| format!("plans[{i}].steps[{k}].{f}");
                if s.id.trim().is_empty() || !ids.insert(s.id.as_str()) {
                    return Err(Error::invalid_field(
                        at("id"),
                        "must be non-empty and unique in the plan",
                    ));
                }
                if s.goal.target() == 0 {
                    return Err(Error::invalid_field(at("goal.count"), "must be at least 1"));
                }
                if !pools.contains(s.unlocks.as_str()) {
                    return Err(Error::invalid_field(
                        at("unlocks"),
                        format!("{:?} is not one of the pools", s.unlocks),
                    ));
                }
            }
        }
        for t in TYPES {
            if !types.contains(&t) {
                return Err(Error::invalid_field(
                    "plans",
                    format!("no plan for merchant type {t:?}"),
                ));
            }
        }
        Ok(())
    }

    pub fn plan(&self, t: MerchantType) -> Option<&TypePlan> {
        self.plans.iter().find(|p| p.merchant_type == t)
    }
}
