//! One merchant's lift: its levered sessions' natural exposure, each divided by the market's
//! activity that day, against its unlevered sessions' the same way — a ratio of means with a
//! delta-method standard error and a t quantile (the smaller side's n − 1 degrees of freedom) for
//! the 90 % interval — and what the lift
//! means in exposure, GMV and ROI. Only `+ − × ÷` and `sqrt`, so native and wasm agree to the bit.

use super::config::LeverageConfig;
use super::prepare::{MerchantSessions, Prepared, Row};
use super::report::{Interval, LeverageReport, LeverageVerdict, NotEnoughReason, SessionPoint};

/// The standard normal's 95th percentile: a two-sided 90 % interval.
const Z90: f64 = 1.644_853_626_951_472_2;

/// Student's t 95th percentile for `df` degrees of freedom (Cornish–Fisher expansion around the
/// normal; within 0.5 % of the exact value from 3 degrees of freedom on).
pub(crate) fn t90(df: f64) -> f64 {
    let z = Z90;
    let df = df.max(1.0);
    let (z3, z5, z7) = (z * z * z, z * z * z * z * z, z * z * z * z * z * z * z);
    z + (z3 + z) / (4.0 * df)
        + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * df * df)
        + (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / (384.0 * df * df * df)
}

/// What one merchant's sessions give, before it becomes a report.
#[derive(Debug, Clone)]
pub struct Fit {
    pub verdict: LeverageVerdict,
    pub reason: Option<NotEnoughReason>,
    pub sessions: u32,
    pub pushes: u32,
    /// The market's activity on each session's day, the merchant left out.
    pub activity: Vec<f64>,
    pub spend_fen: i64,
    pub paid_gmv_fen: f64,
    pub lift: Option<Interval>,
    pub levered_exposure: Option<Interval>,
    pub levered_gmv_fen: Option<Interval>,
    /// Natural exposure and GMV of the levered sessions (for the market's uplift).
    pub levered_natural: f64,
    pub levered_gmv_total: f64,
}

fn mean_var(v: &[f64]) -> (f64, f64) {
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n.max(1.0);
    let var = if v.len() > 1 {
        v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0)
    } else {
        0.0
    };
    (mean, var)
}

/// The share of a levered session's natural exposure due to a lift `l`: `l / (1 + l)`.
fn levered_share(l: f64) -> f64 {
    let l = l.max(-0.99);
    l / (1.0 + l)
}

pub fn fit(m: &MerchantSessions, prepared: &Prepared, config: &LeverageConfig) -> Fit {
    let (rows, levered) = (m.rows.as_slice(), m.levered.as_slice());
    let activity: Vec<f64> = rows.iter().map(|r| prepared.activity(m, r.day)).collect();
    let pushes = rows.iter().filter(|r| r.pushed()).count() as u32;
    let spend_fen: i64 = rows.iter().map(|r| r.traffic.paid_spend_fen.max(0)).sum();
    let exposure_share = |r: &Row, part: f64| {
        let total = r.traffic.natural_exposure as f64 + r.traffic.paid_exposure as f64;
        if total > 0.0 {
            r.traffic.gmv_fen.max(0) as f64 * part / total
        } else {
            0.0
        }
    };
    let paid_gmv_fen: f64 = rows
        .iter()
        .map(|r| exposure_share(r, r.traffic.paid_exposure as f64))
        .sum();
    let mut fit = Fit {
        verdict: LeverageVerdict::NotEnoughData,
        reason: None,
        sessions: rows.len() as u32,
        pushes,
        activity: activity.clone(),
        spend_fen,
        paid_gmv_fen,
        lift: None,
        levered_exposure: None,
        levered_gmv_fen: None,
        levered_natural: 0.0,
        levered_gmv_total: 0.0,
    };
    if rows.is_empty() {
        fit.verdict = LeverageVerdict::NoTraffic;
        return fit;
    }
    if pushes == 0 {
        fit.verdict = LeverageVerdict::NoPushes;
        return fit;
    }
    let (with, without): (Vec<f64>, Vec<f64>) = {
        let mut with = Vec::new();
        let mut without = Vec::new();
        for ((r, &l), a) in rows.iter().zip(levered).zip(&activity) {
            let adjusted = r.traffic.natural_exposure as f64 / a;
            if l {
                with.push(adjusted);
            } else {
                without.push(adjusted);
            }
        }
        (with, without)
    };
    let min = config.min_sessions as usize;
    if with.len() < min || without.len() < min {
        fit.reason = Some(NotEnoughReason::FewSessions);
        return fit;
    }
    let (mw, vw) = mean_var(&with);
    let (mc, vc) = mean_var(&without);
    if mc <= 0.0 || mw <= 0.0 {
        fit.reason = Some(NotEnoughReason::NoBaseline);
        return fit;
    }
    let ratio = mw / mc;
    // Relative variances of the two means; the ratio's variance is their sum times ratio².
    let a = vw / (with.len() as f64 * mw * mw);
    let b = vc / (without.len() as f64 * mc * mc);
    let se = ratio * (a + b).sqrt();
    // The conservative degrees of freedom of Welch's test (the smaller side's n − 1), not the
    // Satterthwaite estimate: with a handful of levered sessions that estimate runs optimistic.
    let df = (with.len().min(without.len()) - 1) as f64;
    let half = t90(df) * se;
    let lift = Interval {
        estimate: ratio - 1.0,
        low: ratio - half - 1.0,
        high: ratio + half - 1.0,
    };
    if lift.high - lift.low > config.max_interval_width {
        fit.reason = Some(NotEnoughReason::WideInterval);
        return fit;
    }
    let levered_rows = || rows.iter().zip(levered).filter(|(_, &l)| l).map(|(r, _)| r);
    let natural: f64 = levered_rows()
        .map(|r| r.traffic.natural_exposure as f64)
        .sum();
    let exposure_at = |l: f64| natural * levered_share(l);
    let gmv_at = |l: f64| {
        levered_rows()
            .map(|r| exposure_share(r, r.traffic.natural_exposure as f64 * levered_share(l)))
            .sum::<f64>()
    };
    fit.verdict = LeverageVerdict::Estimated;
    fit.lift = Some(lift);
    fit.levered_exposure = Some(Interval {
        estimate: exposure_at(lift.estimate),
        low: exposure_at(lift.low),
        high: exposure_at(lift.high),
    });
    fit.levered_gmv_fen = Some(Interval {
        estimate: gmv_at(lift.estimate),
        low: gmv_at(lift.low),
        high: gmv_at(lift.high),
    });
    fit.levered_natural = natural;
    fit.levered_gmv_total = levered_rows()
        .map(|r| r.traffic.gmv_fen.max(0) as f64)
        .sum();
    fit
}

pub fn report(prepared: &Prepared, merchant_id: &str, config: &LeverageConfig) -> LeverageReport {
    let empty = MerchantSessions::default();
    let m = prepared.by_merchant.get(merchant_id).unwrap_or(&empty);
    let f = fit(m, prepared, config);
    let spend = f.spend_fen as f64;
    let roi = |gmv: f64| gmv / spend;
    LeverageReport {
        merchant_id: merchant_id.to_owned(),
        following_sessions: config.following_sessions,
        verdict: f.verdict,
        reason: f.reason,
        sessions: f.sessions,
        pushes: f.pushes,
        levered_sessions: m.levered.iter().filter(|&&l| l).count() as u32,
        unlevered_sessions: m.levered.iter().filter(|&&l| !l).count() as u32,
        spend_fen: f.spend_fen,
        paid_gmv_fen: f.paid_gmv_fen,
        roi_paid_only: (f.spend_fen > 0).then(|| roi(f.paid_gmv_fen)),
        lift: f.lift,
        levered_natural_exposure: f.levered_exposure,
        levered_natural_gmv_fen: f.levered_gmv_fen,
        roi_with_levered: f
            .levered_gmv_fen
            .filter(|_| f.spend_fen > 0)
            .map(|g| Interval {
                estimate: roi(f.paid_gmv_fen + g.estimate),
                low: roi(f.paid_gmv_fen + g.low),
                high: roi(f.paid_gmv_fen + g.high),
            }),
        timeline: m
            .rows
            .iter()
            .zip(&m.levered)
            .zip(&f.activity)
            .map(|((r, &levered), &market_activity)| SessionPoint {
                session_id: r.session.id.clone(),
                start_at: r.session.start_at,
                natural_exposure: r.traffic.natural_exposure,
                paid_exposure: r.traffic.paid_exposure,
                paid_spend_fen: r.traffic.paid_spend_fen,
                gmv_fen: r.traffic.gmv_fen,
                pushed: r.pushed(),
                levered,
                market_activity,
            })
            .collect(),
    }
}
