//! The leverage of every merchant with traffic records, and the market's distribution: the
//! figures a data team compares with the platform's reported "1+N" results.

use super::config::LeverageConfig;
use super::estimate::fit;
use super::prepare::Prepared;
use super::report::{LeverageVerdict, MarketLeverage, MerchantLeverage, Quantiles};
use crate::model::Dataset;
use crate::Result;

/// The `q` quantile of sorted `v` (linear between ranks).
fn quantile(v: &[f64], q: f64) -> f64 {
    let pos = q * (v.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = (lo + 1).min(v.len() - 1);
    v[lo] + (v[hi] - v[lo]) * (pos - lo as f64)
}

pub fn market(data: &Dataset, config: &LeverageConfig) -> Result<MarketLeverage> {
    config.check()?;
    let prepared = Prepared::of(data, config);
    let mut merchants = Vec::with_capacity(prepared.by_merchant.len());
    let mut lifts = Vec::new();
    let (mut levered, mut natural, mut levered_gmv, mut gmv) = (0.0, 0.0, 0.0, 0.0);
    let (mut paid_gmv, mut spend) = (0.0, 0.0);
    let (mut pushing, mut never, mut estimated, mut thin) = (0, 0, 0, 0);
    for (id, m) in &prepared.by_merchant {
        let f = fit(m, &prepared, config);
        match f.verdict {
            LeverageVerdict::NoPushes | LeverageVerdict::NoTraffic => never += 1,
            LeverageVerdict::NotEnoughData => {
                pushing += 1;
                thin += 1;
            }
            LeverageVerdict::Estimated => {
                pushing += 1;
                estimated += 1;
            }
        }
        if let (Some(l), Some(e), Some(g)) = (f.lift, f.levered_exposure, f.levered_gmv_fen) {
            lifts.push(l.estimate);
            levered += e.estimate;
            natural += f.levered_natural;
            levered_gmv += g.estimate;
            gmv += f.levered_gmv_total;
            paid_gmv += f.paid_gmv_fen;
            spend += f.spend_fen as f64;
        }
        merchants.push(MerchantLeverage {
            merchant_id: (*id).to_owned(),
            verdict: f.verdict,
            reason: f.reason,
            lift: f.lift,
        });
    }
    lifts.sort_by(f64::total_cmp);
    let uplift = |gain: f64, total: f64| (total - gain > 0.0).then(|| gain / (total - gain));
    Ok(MarketLeverage {
        following_sessions: config.following_sessions,
        merchants_with_traffic: merchants.len() as u32,
        pushing,
        never_pushing: never,
        estimated,
        not_enough_data: thin,
        lift_quantiles: (!lifts.is_empty()).then(|| Quantiles {
            p10: quantile(&lifts, 0.1),
            p25: quantile(&lifts, 0.25),
            median: quantile(&lifts, 0.5),
            p75: quantile(&lifts, 0.75),
            p90: quantile(&lifts, 0.9),
        }),
        natural_exposure_uplift: (estimated > 0).then(|| uplift(levered, natural)).flatten(),
        gmv_uplift: (estimated > 0).then(|| uplift(levered_gmv, gmv)).flatten(),
        roi_paid_only: (spend > 0.0).then(|| paid_gmv / spend),
        roi_with_levered: (spend > 0.0).then(|| (paid_gmv + levered_gmv) / spend),
        merchants,
    })
}
