//! Evidence, not folklore: for the cold start's open questions — short videos or live first,
//! followers or sales first — compare the merchants of the same type and L2 category whose first
//! `windowDays` days lie inside the data, by the paid orders of their second stretch
//! (`pathDays` up to `windowDays` after opening), with the cohort size and a bootstrap interval,
//! or say the data are too thin to tell. See docs/coldstart.md.
//!
//! A merchant is in the cohort when it opened on or after the data's first order day and its
//! first `windowDays` days end by the day after the data's last order. Its path is read from its
//! first `pathDays` days only: which came first, its first short-video order or its first live
//! session; and whether it gained `followerGain` followers (from its opening day's count) before
//! its `orderMark`-th order — on the same day, or neither, leaves it unclassified.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::model::{Channel, Dataset, LocalDate, Merchant, MerchantType, Timestamp};
use crate::rng::SplitMix64;
use crate::{Error, Result};

/// How the cohort comparison is made; every field has a documented default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct EvidenceConfig {
    /// The days after opening a merchant's path is read from (30).
    pub path_days: u32,
    /// The days after opening the cohort must have in the data (60); the outcome is the paid
    /// orders from day `pathDays` to day `windowDays`.
    pub window_days: u32,
    /// Fewer merchants than this on either path is too thin to tell (5).
    pub min_per_path: u32,
    /// Followers gained since the opening day that count as "followers first" (500).
    pub follower_gain: u64,
    /// Paid orders that count as "sales first" (10).
    pub order_mark: u32,
    /// Bootstrap resamples for the 95 % interval (2000).
    pub resamples: u32,
}

impl Default for EvidenceConfig {
    fn default() -> Self {
        EvidenceConfig {
            path_days: 30,
            window_days: 60,
            min_per_path: 5,
            follower_gain: 500,
            order_mark: 10,
            resamples: 2000,
        }
    }
}

impl EvidenceConfig {
    pub fn check(&self) -> Result<()> {
        let field = |f: &str| format!("evidence.{f}");
        if !(1..=365).contains(&self.path_days) {
            return Err(Error::invalid_field(
                field("pathDays"),
                "must be between 1 and 365",
            ));
        }
        if self.window_days <= self.path_days || self.window_days > 730 {
            return Err(Error::invalid_field(
                field("windowDays"),
                "must be after pathDays and at most 730",
            ));
        }
        if self.min_per_path < 2 {
            return Err(Error::invalid_field(
                field("minPerPath"),
                "must be at least 2 (an interval needs two merchants a side)",
            ));
        }
        if self.follower_gain == 0 {
            return Err(Error::invalid_field(
                field("followerGain"),
                "must be at least 1",
            ));
        }
        if self.order_mark == 0 {
            return Err(Error::invalid_field(
                field("orderMark"),
                "must be at least 1",
            ));
        }
        if !(100..=100_000).contains(&self.resamples) {
            return Err(Error::invalid_field(
                field("resamples"),
                "must be between 100 and 100000",
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Question {
    ShortVideoOrLive,
    FollowersOrSales,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum StartPath {
    ShortVideoFirst,
    LiveFirst,
    FollowersFirst,
    SalesFirst,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// The interval excludes 0: `favoured` did better.
    Favours,
    /// Enough merchants on both paths, and the interval includes 0.
    NoClearDifference,
    /// Fewer than `minPerPath` merchants on a path.
    TooThin,
    /// No cohort merchant has follower counts from its opening day.
    NoFollowerHistory,
}

/// The outcome of one path: second-stretch paid orders of its merchants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PathOutcome {
    pub path: StartPath,
    pub merchants: u32,
    /// Mean, median, lowest and highest orders (absent without merchants).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub mean: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub median: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub min: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub max: Option<u64>,
}

/// The first path's mean minus the second's, with a percentile-bootstrap 95 % interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Difference {
    pub estimate: f64,
    pub low: f64,
    pub high: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct QuestionEvidence {
    pub question: Question,
    /// The two paths, in the order the difference is taken.
    pub paths: Vec<PathOutcome>,
    /// Cohort merchants on neither path.
    pub unclassified: u32,
    /// Present when both paths have at least `minPerPath` merchants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub difference: Option<Difference>,
    pub verdict: Verdict,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub favoured: Option<StartPath>,
}

/// One cohort merchant: its paths and its outcome, so every figure can be checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CohortMember {
    pub merchant_id: String,
    pub start_date: LocalDate,
    /// Paid orders from day `pathDays` to day `windowDays` after opening.
    pub outcome_orders: u64,
    /// Whether its follower counts start on its opening day (needed for `growthPath`).
    pub follower_history: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub channel_path: Option<StartPath>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub growth_path: Option<StartPath>,
}

/// The merchant's own start, read like a cohort member's: its paths from its first `pathDays`
/// days, or from the days it has had so far while younger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OwnStart {
    /// Days from its opening day to the day after the latest order in the data.
    pub days_open: u32,
    /// Whether its first `pathDays` days are all in the data (the paths are final).
    pub paths_final: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub channel_path: Option<StartPath>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub growth_path: Option<StartPath>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CohortEvidence {
    pub merchant_type: MerchantType,
    pub category_id: String,
    pub path_days: u32,
    pub window_days: u32,
    /// The cohort, by merchant id.
    pub members: Vec<CohortMember>,
    /// Merchants of the same type and category that opened inside the data but have not had
    /// `windowDays` days yet (not in the cohort).
    pub still_starting: u32,
    pub questions: Vec<QuestionEvidence>,
    /// The merchant's own start; absent when it opened before the data begin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub own: Option<OwnStart>,
}

/// What the data say for merchants like `merchant`.
pub fn evidence(
    data: &Dataset,
    merchant: &Merchant,
    config: &EvidenceConfig,
) -> Result<CohortEvidence> {
    config.check()?;
    let similar: BTreeMap<&str, &Merchant> = data
        .merchants
        .iter()
        .filter(|m| {
            m.merchant_type == merchant.merchant_type && m.category_id == merchant.category_id
        })
        .map(|m| (m.id.as_str(), m))
        .collect();
    let mut members = Vec::new();
    let mut still_starting = 0;
    let mut own = None;
    if let (Some(first), Some(end)) = (
        data.orders.iter().map(|o| o.paid_at).min(),
        data.day_after_latest_order(),
    ) {
        let first = first.local_date();
        let mut facts: HashMap<&str, Facts> = HashMap::new();
        for m in similar.values() {
            if m.start_date < first {
                continue;
            }
            if m.start_date.plus_days(u64::from(config.window_days)) > end {
                still_starting += 1;
                continue;
            }
            facts.insert(m.id.as_str(), Facts::default());
        }
        // The merchant itself is read in the same pass, whether or not it is in the cohort.
        let own_facts = merchant.start_date >= first && !facts.contains_key(merchant.id.as_str());
        if own_facts {
            facts.insert(merchant.id.as_str(), Facts::default());
        }
        gather(data, config, &similar, &mut facts);
        for (id, f) in facts {
            let Some(m) = similar.get(id) else { continue };
            let member = f.member(m, config);
            if m.id == merchant.id {
                let days_open = (end.0 - merchant.start_date.0).num_days().max(0);
                own = Some(OwnStart {
                    days_open: u32::try_from(days_open).unwrap_or(u32::MAX),
                    paths_final: days_open >= i64::from(config.path_days),
                    channel_path: member.channel_path,
                    growth_path: member.growth_path,
                });
                if own_facts {
                    continue;
                }
            }
            members.push(member);
        }
        members.sort_by(|a, b| a.merchant_id.cmp(&b.merchant_id));
    }
    let has_history = members.iter().any(|m| m.follower_history);
    let questions = vec![
        compare(
            Question::ShortVideoOrLive,
            [StartPath::ShortVideoFirst, StartPath::LiveFirst],
            &members,
            |m| m.channel_path,
            config,
            true,
        ),
        compare(
            Question::FollowersOrSales,
            [StartPath::FollowersFirst, StartPath::SalesFirst],
            &members,
            |m| m.growth_path,
            config,
            has_history,
        ),
    ];
    Ok(CohortEvidence {
        merchant_type: merchant.merchant_type,
        category_id: merchant.category_id.clone(),
        path_days: config.path_days,
        window_days: config.window_days,
        members,
        still_starting,
        questions,
        own,
    })
}

/// What one cohort merchant's data say, gathered in one pass over each table.
#[derive(Debug, Default)]
struct Facts {
    orders: Vec<(Timestamp, Channel)>,
    first_session: Option<Timestamp>,
    /// (day, followers) from the opening day on.
    followers: Vec<(LocalDate, u64)>,
}

fn gather<'a>(
    data: &'a Dataset,
    config: &EvidenceConfig,
    similar: &BTreeMap<&str, &Merchant>,
    facts: &mut HashMap<&'a str, Facts>,
) {
    let path_end = |m: &Merchant| m.start_date.plus_days(u64::from(config.path_days)).start();
    for o in &data.orders {
        if let Some(f) = facts.get_mut(o.merchant_id.as_str()) {
            f.orders.push((o.paid_at, o.channel));
        }
    }
    for s in &data.live_sessions {
        let (Some(f), Some(m)) = (
            facts.get_mut(s.merchant_id.as_str()),
            similar.get(s.merchant_id.as_str()),
        ) else {
            continue;
        };
        if s.start_at >= m.start_date.start() && s.start_at < path_end(m) {
            f.first_session = Some(f.first_session.map_or(s.start_at, |t| t.min(s.start_at)));
        }
    }
    for c in &data.follower_counts {
        if let Some(f) = facts.get_mut(c.merchant_id.as_str()) {
            f.followers.push((c.date, c.followers));
        }
    }
}

impl Facts {
    fn member(mut self, m: &Merchant, config: &EvidenceConfig) -> CohortMember {
        self.orders.sort_by_key(|o| o.0);
        self.followers.sort_by_key(|f| f.0);
        let open = m.start_date.start();
        let path_end = m.start_date.plus_days(u64::from(config.path_days)).start();
        let window_end = m
            .start_date
            .plus_days(u64::from(config.window_days))
            .start();
        let early: Vec<&(Timestamp, Channel)> = self
            .orders
            .iter()
            .filter(|o| o.0 >= open && o.0 < path_end)
            .collect();
        let first_video = early
            .iter()
            .find(|o| o.1 == Channel::ShortVideo)
            .map(|o| o.0);
        let channel_path = match (first_video, self.first_session) {
            (None, None) => None,
            (Some(_), None) => Some(StartPath::ShortVideoFirst),
            (None, Some(_)) => Some(StartPath::LiveFirst),
            (Some(v), Some(s)) if v < s => Some(StartPath::ShortVideoFirst),
            (Some(v), Some(s)) if s < v => Some(StartPath::LiveFirst),
            _ => None,
        };
        let sales_day = usize::try_from(config.order_mark)
            .ok()
            .and_then(|n| early.get(n.checked_sub(1)?))
            .map(|o| o.0.local_date());
        let follower_history = self.followers.first().is_some_and(|f| f.0 == m.start_date);
        let growth_path = match self.followers.first() {
            Some(&(day, base)) if day == m.start_date => {
                let last_day = m.start_date.plus_days(u64::from(config.path_days));
                let follower_day = self
                    .followers
                    .iter()
                    .take_while(|f| f.0 < last_day)
                    .find(|f| f.1.saturating_sub(base) >= config.follower_gain)
                    .map(|f| f.0);
                match (follower_day, sales_day) {
                    (Some(f), Some(s)) if f < s => Some(StartPath::FollowersFirst),
                    (Some(f), Some(s)) if s < f => Some(StartPath::SalesFirst),
                    (Some(_), None) => Some(StartPath::FollowersFirst),
                    (None, Some(_)) => Some(StartPath::SalesFirst),
                    _ => None,
                }
            }
            _ => None,
        };
        CohortMember {
            merchant_id: m.id.clone(),
            start_date: m.start_date,
            outcome_orders: self
                .orders
                .iter()
                .filter(|o| o.0 >= path_end && o.0 < window_end)
                .count() as u64,
            follower_history,
            channel_path,
            growth_path,
        }
    }
}

fn compare(
    question: Question,
    paths: [StartPath; 2],
    members: &[CohortMember],
    path_of: impl Fn(&CohortMember) -> Option<StartPath>,
    config: &EvidenceConfig,
    has_data: bool,
) -> QuestionEvidence {
    let outcomes = paths.map(|p| {
        let mut v: Vec<u64> = members
            .iter()
            .filter(|m| path_of(m) == Some(p))
            .map(|m| m.outcome_orders)
            .collect();
        v.sort_unstable();
        v
    });
    let unclassified = members.iter().filter(|m| path_of(m).is_none()).count() as u32;
    let summaries = paths
        .iter()
        .zip(&outcomes)
        .map(|(&path, v)| summary(path, v))
        .collect();
    let thin = outcomes
        .iter()
        .any(|v| v.len() < config.min_per_path as usize);
    let (difference, verdict, favoured) = if !has_data {
        (None, Verdict::NoFollowerHistory, None)
    } else if thin {
        (None, Verdict::TooThin, None)
    } else {
        let d = bootstrap(&outcomes[0], &outcomes[1], config.resamples, question);
        if d.low > 0.0 {
            (Some(d), Verdict::Favours, Some(paths[0]))
        } else if d.high < 0.0 {
            (Some(d), Verdict::Favours, Some(paths[1]))
        } else {
            (Some(d), Verdict::NoClearDifference, None)
        }
    };
    QuestionEvidence {
        question,
        paths: summaries,
        unclassified,
        difference,
        verdict,
        favoured,
    }
}

fn mean(v: &[u64]) -> f64 {
    v.iter().map(|&x| x as f64).sum::<f64>() / v.len().max(1) as f64
}

/// `v` sorted.
fn summary(path: StartPath, v: &[u64]) -> PathOutcome {
    let n = v.len();
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2] as f64),
        _ => Some((v[n / 2 - 1] + v[n / 2]) as f64 / 2.0),
    };
    PathOutcome {
        path,
        merchants: n as u32,
        mean: (n > 0).then(|| mean(v)),
        median,
        min: v.first().copied(),
        max: v.last().copied(),
    }
}

/// Mean of `a` minus mean of `b` with the 2.5th and 97.5th percentiles of the same difference
/// over `resamples` resamples of each side with replacement. Seeded per question, so the same
/// data always give the same interval (natively and in wasm).
fn bootstrap(a: &[u64], b: &[u64], resamples: u32, question: Question) -> Difference {
    let mut rng = SplitMix64::new(match question {
        Question::ShortVideoOrLive => 0x636F_6C64_7374_0001,
        Question::FollowersOrSales => 0x636F_6C64_7374_0002,
    });
    let mut resampled_mean = |v: &[u64]| {
        let sum: u64 = (0..v.len())
            .map(|_| v[rng.below(v.len() as u64) as usize])
            .sum();
        sum as f64 / v.len() as f64
    };
    let mut diffs: Vec<f64> = (0..resamples)
        .map(|_| resampled_mean(a) - resampled_mean(b))
        .collect();
    diffs.sort_by(f64::total_cmp);
    let r = diffs.len();
    let low_at = (r as f64 * 0.025).floor() as usize;
    let high_at = ((r as f64 * 0.975).ceil() as usize).saturating_sub(1);
    Difference {
        estimate: mean(a) - mean(b),
        low: diffs.get(low_at).copied().unwrap_or(0.0),
        high: diffs
            .get(high_at.min(r.saturating_sub(1)))
            .copied()
            .unwrap_or(0.0),
    }
}
