//! One merchant in its category's pool: its weight is reach × score^elasticity, the category's
//! exposure per unit of weight is calibrated on the peers' unlevered sessions, and a what-if
//! score changes the merchant's weight alone — its share grows, and with a fixed pool the peers'
//! exposure shrinks by the same amount in total. The interval follows the elasticity's.

use super::config::{PoolMode, TrafficConfig};
use super::fit::MIN_SCORE;
use super::report::{
    CurvePoint, Interval, MerchantTraffic, TrafficModel, TrafficReport, TrafficVerdict,
    WhatIfTraffic,
};
use crate::model::Merchant;
use crate::{Error, Result};

/// The category's pool at one elasticity.
struct Pool<'a> {
    elasticity: f64,
    /// Score of peers without one: the category's geometric mean score.
    neutral: f64,
    /// Natural exposure per session on an average day per unit of weight.
    per_weight: f64,
    /// Σ sessions × weight over the category.
    total: f64,
    merchant: &'a MerchantTraffic,
    pool: PoolMode,
}

fn weight(m: &MerchantTraffic, score: f64, elasticity: f64) -> f64 {
    m.reach * libm::pow(score.max(MIN_SCORE), elasticity)
}

impl<'a> Pool<'a> {
    fn of(
        peers: &[&MerchantTraffic],
        merchant: &'a MerchantTraffic,
        elasticity: f64,
        config: &TrafficConfig,
    ) -> Option<Self> {
        let scored: Vec<f64> = peers.iter().filter_map(|p| p.score).collect();
        let neutral = if scored.is_empty() {
            1.0
        } else {
            libm::exp(
                scored
                    .iter()
                    .map(|s| libm::log(s.max(MIN_SCORE)))
                    .sum::<f64>()
                    / scored.len() as f64,
            )
        };
        let w = |p: &MerchantTraffic| weight(p, p.score.unwrap_or(neutral), elasticity);
        let (mut seen, mut weighed, mut total) = (0.0, 0.0, 0.0);
        for p in peers {
            if let Some(usual) = p.usual_exposure {
                seen += f64::from(p.unlevered_sessions) * usual;
                weighed += f64::from(p.unlevered_sessions) * w(p);
            }
            total += f64::from(p.sessions) * w(p);
        }
        (weighed > 0.0 && total > 0.0).then(|| Pool {
            elasticity,
            neutral,
            per_weight: seen / weighed,
            total,
            merchant,
            pool: config.pool,
        })
    }

    fn own_weight(&self, score: Option<f64>) -> f64 {
        weight(
            self.merchant,
            score.unwrap_or(self.neutral),
            self.elasticity,
        )
    }

    /// Expected exposure per session at `score`, today's share and the peers' change, percent.
    fn at(&self, score: f64) -> (f64, f64, f64) {
        let sessions = f64::from(self.merchant.sessions);
        let (now, then) = (
            self.own_weight(self.merchant.score),
            self.own_weight(Some(score)),
        );
        let total = self.total - sessions * now + sessions * then;
        let per_weight = match self.pool {
            PoolMode::Fixed => self.per_weight * self.total / total,
            PoolMode::Grows => self.per_weight,
        };
        (
            per_weight * then,
            100.0 * sessions * then / total,
            100.0 * (per_weight / self.per_weight - 1.0),
        )
    }

    fn expected_now(&self) -> f64 {
        self.per_weight * self.own_weight(self.merchant.score)
    }
}

/// `merchant`'s report from the market's `model`, with `what_if_score` (0–100) when given.
pub fn simulate(
    model: &TrafficModel,
    merchant: &Merchant,
    what_if_score: Option<f64>,
) -> Result<TrafficReport> {
    if let Some(s) = what_if_score {
        if !(s.is_finite() && (0.0..=100.0).contains(&s)) {
            return Err(Error::invalid_field(
                "whatIfScore",
                format!("must be a score from 0 to 100, got {s}"),
            ));
        }
    }
    let config = &model.config;
    let own = model
        .merchants
        .iter()
        .find(|m| m.merchant_id == merchant.id);
    let peers: Vec<&MerchantTraffic> = model
        .merchants
        .iter()
        .filter(|m| m.category_id == merchant.category_id)
        .collect();
    let mut report = TrafficReport {
        merchant_id: merchant.id.clone(),
        category_id: merchant.category_id.clone(),
        verdict: TrafficVerdict::NoTraffic,
        shortfall: model.shortfall,
        pool: config.pool,
        elasticity: model.elasticity,
        merchants_fitted: model.merchants_fitted,
        categories_fitted: model.categories_fitted,
        score: own.and_then(|m| m.score),
        reach: own.map_or(merchant.followers as f64 + config.base_reach, |m| m.reach),
        category_merchants: peers.len() as u32,
        sessions: own.map_or(0, |m| m.sessions),
        unlevered_sessions: own.map_or(0, |m| m.unlevered_sessions),
        usual_exposure: own.and_then(|m| m.usual_exposure),
        expected_exposure: None,
        baseline_exposure: None,
        share_percent: None,
        what_if: None,
        curve: Vec::new(),
    };
    let Some(own) = own.filter(|m| m.sessions > 0) else {
        return Ok(report);
    };
    let Some(elasticity) = model.elasticity else {
        report.verdict = TrafficVerdict::NotEnoughData;
        return Ok(report);
    };
    let Some(score) = own.score else {
        report.verdict = TrafficVerdict::NoScore;
        return Ok(report);
    };
    let pools: Vec<Pool> = [elasticity.estimate, elasticity.low, elasticity.high]
        .iter()
        .filter_map(|&e| Pool::of(&peers, own, e, config))
        .collect();
    let Some(central) = pools.first().filter(|_| pools.len() == 3) else {
        // No peer (the merchant included) has an unlevered session to calibrate on.
        return Ok(report);
    };
    // The what-if starts from the merchant's own usual exposure: what sets it apart from a
    // typical shop of its reach and score stays when the score changes. Each elasticity's ratio
    // of then to now is applied to it: today's figure is observed, the uncertainty is in what the
    // change of score brings.
    let now = own.usual_exposure.unwrap_or_else(|| central.expected_now());
    let ratios =
        |s: f64| -> Vec<f64> { pools.iter().map(|p| p.at(s).0 / p.expected_now()).collect() };
    let spread = |r: &[f64], scale: f64, shift: f64| Interval {
        estimate: r[0] * scale + shift,
        low: r.iter().copied().fold(f64::INFINITY, f64::min) * scale + shift,
        high: r.iter().copied().fold(f64::NEG_INFINITY, f64::max) * scale + shift,
    };
    report.verdict = TrafficVerdict::Estimated;
    report.expected_exposure = Some(central.expected_now());
    report.baseline_exposure = Some(now);
    report.share_percent = Some(central.at(score).1);
    report.what_if = what_if_score.map(|s| {
        let r = ratios(s);
        let (_, share, peers_change) = central.at(s);
        WhatIfTraffic {
            score: s,
            expected_exposure: spread(&r, now, 0.0),
            change_percent: spread(&r, 100.0, -100.0),
            share_percent: share,
            peers_change_percent: peers_change,
        }
    });
    report.curve = (1..=10)
        .map(|k| {
            let s = f64::from(k * 10);
            CurvePoint {
                score: s,
                expected_exposure: spread(&ratios(s), now, 0.0),
            }
        })
        .collect();
    Ok(report)
}
