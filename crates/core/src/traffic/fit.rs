//! The fit: for every merchant with a score and enough unlevered sessions, the mean log of its
//! natural exposure on an average day over its reach, against the log of its score, compared
//! within its L2 category (a category's own level drops out) — ordinary least squares for the
//! common slope, the elasticity, with a heteroskedasticity-robust (HC1) standard error and a t
//! quantile on merchants − categories − 1 degrees of freedom for the 90 % interval.
//!
//! Logarithms come from `libm`, the same code natively and in wasm, so both give the same bits.

use std::collections::{BTreeMap, HashMap};

use super::config::TrafficConfig;
use super::report::{Interval, MerchantTraffic, ModelShortfall, TrafficModel};
use crate::leverage::estimate::t90;
use crate::leverage::prepare::Prepared;
use crate::model::Dataset;

/// Scores below this count as this: the model's weight is a power of the score.
pub const MIN_SCORE: f64 = 1.0;

/// One merchant in the fit: log score, mean log exposure over reach.
struct Observation {
    x: f64,
    y: f64,
}

pub fn fit(data: &Dataset, scores: &HashMap<String, f64>, config: &TrafficConfig) -> TrafficModel {
    let prepared = Prepared::of(data, &config.leverage());
    let merchants_by_id: HashMap<&str, &crate::model::Merchant> =
        data.merchants.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut merchants = Vec::new();
    let mut candidates: BTreeMap<&str, Vec<(usize, Observation, u32)>> = BTreeMap::new();
    for (&id, sessions) in &prepared.by_merchant {
        // The importer keeps only sessions of known merchants; a hand-built dataset may not.
        let Some(merchant) = merchants_by_id.get(id) else {
            continue;
        };
        let reach = merchant.followers as f64 + config.base_reach;
        let (mut sum, mut sum_log, mut n) = (0.0, 0.0, 0u32);
        for (row, &levered) in sessions.rows.iter().zip(&sessions.levered) {
            if levered || row.traffic.natural_exposure == 0 {
                continue;
            }
            let usual = row.traffic.natural_exposure as f64 / prepared.activity(sessions, row.day);
            sum += usual;
            sum_log += libm::log(usual);
            n += 1;
        }
        let score = scores.get(id).copied().filter(|s| s.is_finite());
        if let Some(s) = score.filter(|_| n >= config.min_sessions) {
            candidates
                .entry(merchant.category_id.as_str())
                .or_default()
                .push((
                    merchants.len(),
                    Observation {
                        x: libm::log(s.max(MIN_SCORE)),
                        y: sum_log / f64::from(n) - libm::log(reach),
                    },
                    n,
                ));
        }
        merchants.push(MerchantTraffic {
            merchant_id: id.to_owned(),
            category_id: merchant.category_id.clone(),
            score,
            reach,
            sessions: sessions.rows.len() as u32,
            unlevered_sessions: n,
            usual_exposure: (n > 0).then(|| sum / f64::from(n)),
            in_fit: false,
        });
    }
    // A category with one merchant says nothing about the slope within categories.
    candidates.retain(|_, members| members.len() >= 2);
    let (mut sxx, mut sxy, mut n, mut sessions_fitted) = (0.0, 0.0, 0u32, 0u32);
    let mut centred = Vec::new();
    for members in candidates.values() {
        let k = members.len() as f64;
        let mx = members.iter().map(|(_, o, _)| o.x).sum::<f64>() / k;
        let my = members.iter().map(|(_, o, _)| o.y).sum::<f64>() / k;
        for (i, o, s) in members {
            merchants[*i].in_fit = true;
            let (dx, dy) = (o.x - mx, o.y - my);
            sxx += dx * dx;
            sxy += dx * dy;
            centred.push((dx, dy));
            n += 1;
            sessions_fitted += s;
        }
    }
    let categories = candidates.len() as u32;
    let df = n.saturating_sub(categories + 1);
    let mut model = TrafficModel {
        config: config.clone(),
        elasticity: None,
        shortfall: None,
        merchants_fitted: n,
        categories_fitted: categories,
        sessions_fitted,
        degrees_of_freedom: df,
        merchants,
    };
    if n < config.min_merchants || df == 0 {
        model.shortfall = Some(ModelShortfall::FewMerchants);
        return model;
    }
    // Relative to the spread of scores a float sum of squares can hold: below this the scores
    // are equal within every category.
    if sxx <= 1e-12 * f64::from(n) {
        model.shortfall = Some(ModelShortfall::NoSpread);
        return model;
    }
    let slope = sxy / sxx;
    let meat: f64 = centred
        .iter()
        .map(|&(dx, dy)| {
            let e = dy - slope * dx;
            dx * dx * e * e
        })
        .sum();
    let se = (f64::from(n) / f64::from(df) * meat).sqrt() / sxx;
    let half = t90(f64::from(df)) * se;
    if 2.0 * half > config.max_interval_width {
        model.shortfall = Some(ModelShortfall::WideInterval);
        return model;
    }
    model.elasticity = Some(Interval {
        estimate: slope,
        low: slope - half,
        high: slope + half,
    });
    model
}
