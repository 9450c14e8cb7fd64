//! The inputs of the estimate, gathered once per dataset: each merchant's sessions with traffic
//! in time order, and the market's activity per day from the sessions no push could have levered.
//!
//! Such a session (of a merchant that never pushes, or an unlevered one of a merchant that does)
//! counts as its natural exposure over the mean of its merchant's unlevered sessions; a day's
//! activity is the mean of those ratios (1 = a usual day) over the other merchants — the one
//! being estimated is left out — or its week's when the day has fewer than `minControlSessions`
//! of them, or 1 when the week has too few as well.

use std::collections::{BTreeMap, HashMap};

use super::config::LeverageConfig;
use crate::model::{Dataset, LiveSession, LocalDate, SessionTraffic};

/// One session with its traffic record.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    pub session: &'a LiveSession,
    pub traffic: &'a SessionTraffic,
    pub day: LocalDate,
}

impl Row<'_> {
    pub fn pushed(&self) -> bool {
        self.traffic.paid_spend_fen > 0 || self.traffic.paid_exposure > 0
    }
}

/// Per session of `rows` (in time order): pushed, or one of the `following` sessions after a
/// pushed one.
pub fn levered_flags(rows: &[Row], following: u32) -> Vec<bool> {
    let mut since_push: Option<u32> = None;
    rows.iter()
        .map(|r| {
            since_push = if r.pushed() {
                Some(0)
            } else {
                since_push.map(|n| n.saturating_add(1))
            };
            since_push.is_some_and(|n| n <= following)
        })
        .collect()
}

#[derive(Debug)]
pub struct Prepared<'a> {
    /// Merchant id → its sessions with traffic, by start time (then id).
    pub by_merchant: BTreeMap<&'a str, Vec<Row<'a>>>,
    /// (sum of ratios, count) per day and per week over every merchant's unlevered sessions.
    days: HashMap<LocalDate, (f64, u32)>,
    weeks: HashMap<i64, (f64, u32)>,
    first_day: Option<LocalDate>,
    min_control_sessions: u32,
}

impl<'a> Prepared<'a> {
    pub fn of(data: &'a Dataset, config: &LeverageConfig) -> Self {
        let sessions: HashMap<&str, &LiveSession> = data
            .live_sessions
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
        let mut by_merchant: BTreeMap<&str, Vec<Row>> = BTreeMap::new();
        for t in &data.session_traffic {
            // The importer keeps only records of known sessions; a hand-built dataset may not.
            let Some(&session) = sessions.get(t.session_id.as_str()) else {
                continue;
            };
            by_merchant
                .entry(session.merchant_id.as_str())
                .or_default()
                .push(Row {
                    session,
                    traffic: t,
                    day: session.start_at.local_date(),
                });
        }
        for rows in by_merchant.values_mut() {
            rows.sort_by(|a, b| {
                (a.session.start_at, a.session.id.as_str())
                    .cmp(&(b.session.start_at, b.session.id.as_str()))
            });
        }
        let first_day = by_merchant.values().flatten().map(|r| r.day).min();
        let mut prepared = Prepared {
            by_merchant: BTreeMap::new(),
            days: HashMap::new(),
            weeks: HashMap::new(),
            first_day,
            min_control_sessions: config.min_control_sessions,
        };
        for rows in by_merchant.values() {
            for (day, (sum, n)) in prepared.contributions(rows, config.following_sessions) {
                let d = prepared.days.entry(day).or_default();
                d.0 += sum;
                d.1 += n;
                let w = prepared.weeks.entry(prepared.week_of(day)).or_default();
                w.0 += sum;
                w.1 += n;
            }
        }
        prepared.by_merchant = by_merchant;
        prepared
    }

    fn week_of(&self, day: LocalDate) -> i64 {
        self.first_day
            .map_or(0, |f| (day.0 - f.0).num_days().div_euclid(7))
    }

    /// What `rows` (one merchant's sessions) add to each day's activity: per day the sum of its
    /// unlevered sessions' natural exposure over their mean, and how many there are.
    pub fn contributions(&self, rows: &[Row], following: u32) -> HashMap<LocalDate, (f64, u32)> {
        let mut out: HashMap<LocalDate, (f64, u32)> = HashMap::new();
        let unlevered: Vec<&Row> = rows
            .iter()
            .zip(levered_flags(rows, following))
            .filter(|(_, l)| !l)
            .map(|(r, _)| r)
            .collect();
        if unlevered.len() < 2 {
            return out;
        }
        let mean = unlevered
            .iter()
            .map(|r| r.traffic.natural_exposure as f64)
            .sum::<f64>()
            / unlevered.len() as f64;
        if mean <= 0.0 {
            return out;
        }
        for r in unlevered {
            let d = out.entry(r.day).or_default();
            d.0 += r.traffic.natural_exposure as f64 / mean;
            d.1 += 1;
        }
        out
    }

    /// The market's activity on `day` (1 = usual), never 0, leaving out `own`: the contributions
    /// of the merchant being estimated, so its own sessions do not pull their baseline to them.
    pub fn activity_without(&self, day: LocalDate, own: &HashMap<LocalDate, (f64, u32)>) -> f64 {
        let week = self.week_of(day);
        let own_day = own.get(&day).copied().unwrap_or_default();
        let own_week = own
            .iter()
            .filter(|(d, _)| self.week_of(**d) == week)
            .fold((0.0, 0), |acc, (_, c)| (acc.0 + c.0, acc.1 + c.1));
        let level = |total: Option<&(f64, u32)>, mine: (f64, u32)| {
            let (sum, n) = total.copied().unwrap_or_default();
            let (sum, n) = (sum - mine.0, n.saturating_sub(mine.1));
            (n >= self.min_control_sessions && n > 0).then(|| sum / f64::from(n))
        };
        let v = level(self.days.get(&day), own_day)
            .or_else(|| level(self.weeks.get(&week), own_week))
            .unwrap_or(1.0);
        if v > 0.0 {
            v
        } else {
            1.0
        }
    }
}
