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
fn levered_flags(rows: &[Row], following: u32) -> Vec<bool> {
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

/// (sum of ratios, count): what unlevered sessions add to a day's or a week's activity.
type Tally = (f64, u32);

/// One merchant's sessions, read once: in time order, which are levered, and what its unlevered
/// sessions add to each day and week of the market's activity.
#[derive(Debug, Default)]
pub struct MerchantSessions<'a> {
    pub rows: Vec<Row<'a>>,
    pub levered: Vec<bool>,
    own_days: HashMap<LocalDate, Tally>,
    own_weeks: HashMap<i64, Tally>,
}

#[derive(Debug)]
pub struct Prepared<'a> {
    /// Merchant id → its sessions with traffic, by start time (then id).
    pub by_merchant: BTreeMap<&'a str, MerchantSessions<'a>>,
    /// Over every merchant's unlevered sessions, per day and per week.
    days: HashMap<LocalDate, Tally>,
    weeks: HashMap<i64, Tally>,
    first_day: Option<LocalDate>,
    min_control_sessions: u32,
}

fn add(to: &mut Tally, t: Tally) {
    to.0 += t.0;
    to.1 += t.1;
}

impl<'a> Prepared<'a> {
    pub fn of(data: &'a Dataset, config: &LeverageConfig) -> Self {
        let sessions: HashMap<&str, &LiveSession> = data
            .live_sessions
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
        let mut grouped: BTreeMap<&str, Vec<Row>> = BTreeMap::new();
        for t in &data.session_traffic {
            // The importer keeps only records of known sessions; a hand-built dataset may not.
            let Some(&session) = sessions.get(t.session_id.as_str()) else {
                continue;
            };
            grouped
                .entry(session.merchant_id.as_str())
                .or_default()
                .push(Row {
                    session,
                    traffic: t,
                    day: session.start_at.local_date(),
                });
        }
        let first_day = grouped.values().flatten().map(|r| r.day).min();
        let week_of =
            |day: LocalDate| first_day.map_or(0, |f| (day.0 - f.0).num_days().div_euclid(7));
        let mut days: HashMap<LocalDate, Tally> = HashMap::new();
        let mut weeks: HashMap<i64, Tally> = HashMap::new();
        let mut by_merchant = BTreeMap::new();
        for (id, mut rows) in grouped {
            rows.sort_by(|a, b| {
                (a.session.start_at, a.session.id.as_str())
                    .cmp(&(b.session.start_at, b.session.id.as_str()))
            });
            let levered = levered_flags(&rows, config.following_sessions);
            let own_days = contributions(&rows, &levered);
            let mut own_weeks: HashMap<i64, Tally> = HashMap::new();
            for (&day, &t) in &own_days {
                add(days.entry(day).or_default(), t);
                add(own_weeks.entry(week_of(day)).or_default(), t);
            }
            for (&week, &t) in &own_weeks {
                add(weeks.entry(week).or_default(), t);
            }
            by_merchant.insert(
                id,
                MerchantSessions {
                    rows,
                    levered,
                    own_days,
                    own_weeks,
                },
            );
        }
        Prepared {
            by_merchant,
            days,
            weeks,
            first_day,
            min_control_sessions: config.min_control_sessions,
        }
    }

    fn week_of(&self, day: LocalDate) -> i64 {
        self.first_day
            .map_or(0, |f| (day.0 - f.0).num_days().div_euclid(7))
    }

    /// The market's activity on `day` (1 = usual), never 0, leaving out merchant `m`'s own
    /// sessions, so they do not pull their baseline to them.
    pub fn activity(&self, m: &MerchantSessions, day: LocalDate) -> f64 {
        let week = self.week_of(day);
        let level = |total: Option<&Tally>, mine: Option<&Tally>| {
            let (sum, n) = total.copied().unwrap_or_default();
            let (own_sum, own_n) = mine.copied().unwrap_or_default();
            let n = n.saturating_sub(own_n);
            (n >= self.min_control_sessions && n > 0).then(|| (sum - own_sum) / f64::from(n))
        };
        let v = level(self.days.get(&day), m.own_days.get(&day))
            .or_else(|| level(self.weeks.get(&week), m.own_weeks.get(&week)))
            .unwrap_or(1.0);
        if v > 0.0 {
            v
        } else {
            1.0
        }
    }
}

/// What one merchant's sessions add to each day's activity: per day the sum of its unlevered
/// sessions' natural exposure over their mean, and how many there are.
fn contributions(rows: &[Row], levered: &[bool]) -> HashMap<LocalDate, Tally> {
    let mut out: HashMap<LocalDate, Tally> = HashMap::new();
    let unlevered: Vec<&Row> = rows
        .iter()
        .zip(levered)
        .filter(|(_, &l)| !l)
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
        add(
            out.entry(r.day).or_default(),
            (r.traffic.natural_exposure as f64 / mean, 1),
        );
    }
    out
}
