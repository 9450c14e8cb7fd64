//! The back office's cold-start assistant page (冷启助手), in Chinese (default) and English.

use livetrust_core::coldstart::{
    ColdStartConfig, Goal, Question, QuestionEvidence, StartPath, StepStatus, TrafficPool, Verdict,
};

/// The default pools (`ColdStartConfig::default`) in English, by id.
const DEFAULT_POOLS_EN: [(&str, &str, &str); 4] = [
    (
        "starter",
        "starter pool",
        "the basic exposure going live and short videos get",
    ),
    (
        "boost",
        "cold-start boost",
        "extra recommendation weight in a new shop's first weeks",
    ),
    (
        "trust",
        "trust pool",
        "natural traffic by the repeat-buyer index once it shows a tier",
    ),
    (
        "growth",
        "growth pool",
        "lasting recommendation from repeat buyers and reviews",
    ),
];
use livetrust_core::model::MerchantType;

#[derive(Debug)]
pub struct ColdStartTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub loading: &'static str,
    pub next_title: &'static str,
    pub all_done: &'static str,
    pub steps_title: &'static str,
    pub progress_label: &'static str,
    pub evidence_title: &'static str,
    pub chart_axis: &'static str,
    pub col_path: &'static str,
    pub col_merchants: &'static str,
    pub col_mean: &'static str,
    pub col_median: &'static str,
    pub col_range: &'static str,
    pub col_merchant: &'static str,
    pub col_opened: &'static str,
    pub col_outcome: &'static str,
    pub unclassified: &'static str,
    pub legend_mean: &'static str,
    pub legend_range: &'static str,
    pub legend_median: &'static str,
    pub caveat: &'static str,
}

impl ColdStartTexts {
    pub fn is_zh(&self) -> bool {
        std::ptr::eq(self, &ZH)
    }

    pub fn merchant_type(&self, t: MerchantType) -> &'static str {
        use MerchantType::*;
        match (self.is_zh(), t) {
            (true, Individual) => "达人",
            (true, Vertical) => "垂类商家",
            (true, Brand) => "品牌",
            (true, FastBrand) => "快品牌",
            (true, ServiceProvider) => "服务商",
            (false, Individual) => "streamer",
            (false, Vertical) => "vertical merchant",
            (false, Brand) => "brand",
            (false, FastBrand) => "fast brand",
            (false, ServiceProvider) => "service provider",
        }
    }

    /// What a step asks for, as a sentence.
    pub fn goal(&self, g: &Goal) -> String {
        let zh = self.is_zh();
        match *g {
            Goal::LiveSessions {
                count: 1,
                min_minutes,
            } if zh => {
                format!("第一场 {min_minutes} 分钟以上的直播")
            }
            Goal::LiveSessions { count, min_minutes } if zh => {
                format!("{count} 场 {min_minutes} 分钟以上的直播")
            }
            Goal::LiveSessions {
                count: 1,
                min_minutes,
            } => {
                format!("The first live session of {min_minutes} minutes or more")
            }
            Goal::LiveSessions { count, min_minutes } => {
                format!("{count} live sessions of {min_minutes} minutes or more")
            }
            Goal::Orders { count } if zh => format!("累计 {count} 单成交"),
            Goal::Orders { count } => format!("{count} paid orders"),
            Goal::ShortVideoOrders { count } if zh => format!("短视频挂车成交 {count} 单"),
            Goal::ShortVideoOrders { count } => {
                format!("{count} orders through short videos with the product attached")
            }
            Goal::RepeatBuyers { count: 1 } if zh => "第一位回头客".to_owned(),
            Goal::RepeatBuyers { count } if zh => format!("{count} 位回头客"),
            Goal::RepeatBuyers { count: 1 } => "The first repeat buyer".to_owned(),
            Goal::RepeatBuyers { count } => format!("{count} repeat buyers"),
            Goal::PositiveReviews { count } if zh => format!("{count} 条四星及以上的评价"),
            Goal::PositiveReviews { count } => format!("{count} reviews of four or five stars"),
            Goal::Followers { count } if zh => format!("粉丝达到 {count}"),
            Goal::Followers { count } => format!("{count} followers"),
        }
    }

    /// "2 / 3，还差 1" — a step's value against its target.
    pub fn progress(&self, value: u64, target: u64, missing: u64) -> String {
        match (self.is_zh(), missing) {
            (true, 0) => format!("{value} / {target}，已达成"),
            (true, m) => format!("{value} / {target}，还差 {m}"),
            (false, 0) => format!("{value} of {target}, reached"),
            (false, m) => format!("{value} of {target}, {m} to go"),
        }
    }

    pub fn status(&self, s: StepStatus) -> &'static str {
        match (self.is_zh(), s) {
            (true, StepStatus::Done) => "已完成",
            (true, StepStatus::Next) => "下一步",
            (true, StepStatus::Later) => "之后",
            (false, StepStatus::Done) => "done",
            (false, StepStatus::Next) => "next",
            (false, StepStatus::Later) => "later",
        }
    }

    pub fn reached(&self, day: &str) -> String {
        if self.is_zh() {
            format!("{day} 达成")
        } else {
            format!("reached on {day}")
        }
    }

    /// The pool a step unlocks. The default pools (livetrust's configuration, in Chinese) read
    /// in English on the English page; a merchant's own pools are shown as configured.
    pub fn unlocks(&self, pool: &TrafficPool) -> String {
        if self.is_zh() {
            return format!("解锁「{}」：{}", pool.name, pool.description);
        }
        let default = ColdStartConfig::default();
        let english = DEFAULT_POOLS_EN
            .iter()
            .find(|(id, _, _)| *id == pool.id && default.pools.iter().any(|d| d == pool));
        match english {
            Some((_, name, description)) => format!("Unlocks “{name}”: {description}"),
            None => format!("Unlocks “{}”: {}", pool.name, pool.description),
        }
    }

    /// "已完成 1/4 步 · 开店第 18 天".
    pub fn summary(&self, done: u32, steps: usize, days_open: Option<u32>) -> String {
        let zh = self.is_zh();
        let mut s = if zh {
            format!("已完成 {done}/{steps} 步")
        } else {
            format!("{done} of {steps} steps done")
        };
        if let Some(d) = days_open {
            if zh {
                s.push_str(&format!(" · 开店第 {} 天", d.max(1)));
            } else {
                s.push_str(&format!(" · day {} since opening", d.max(1)));
            }
        }
        s
    }

    /// The page a step's work is done on, as a link label.
    pub fn action(&self, g: &Goal) -> &'static str {
        match (self.is_zh(), g) {
            (true, Goal::ShortVideoOrders { .. }) => "去规划引流短视频",
            (true, Goal::LiveSessions { .. } | Goal::Orders { .. }) => "去创建直播预告",
            (true, Goal::Followers { .. }) => "去圈选人群包",
            (true, Goal::RepeatBuyers { .. } | Goal::PositiveReviews { .. }) => "去看回头客评价",
            (false, Goal::ShortVideoOrders { .. }) => "Plan a lead-in short video",
            (false, Goal::LiveSessions { .. } | Goal::Orders { .. }) => "Create a live preview",
            (false, Goal::Followers { .. }) => "Pick an audience package",
            (false, Goal::RepeatBuyers { .. } | Goal::PositiveReviews { .. }) => {
                "See the repeat-buyer reviews"
            }
        }
    }

    pub fn question(&self, q: Question) -> &'static str {
        match (self.is_zh(), q) {
            (true, Question::ShortVideoOrLive) => "先发短视频，还是先开直播？",
            (true, Question::FollowersOrSales) => "先涨粉，还是先卖货？",
            (false, Question::ShortVideoOrLive) => "Short videos first, or live first?",
            (false, Question::FollowersOrSales) => "Followers first, or sales first?",
        }
    }

    pub fn path(&self, p: StartPath) -> &'static str {
        match (self.is_zh(), p) {
            (true, StartPath::ShortVideoFirst) => "先短视频",
            (true, StartPath::LiveFirst) => "先直播",
            (true, StartPath::FollowersFirst) => "先涨粉",
            (true, StartPath::SalesFirst) => "先卖货",
            (false, StartPath::ShortVideoFirst) => "short video first",
            (false, StartPath::LiveFirst) => "live first",
            (false, StartPath::FollowersFirst) => "followers first",
            (false, StartPath::SalesFirst) => "sales first",
        }
    }

    /// "先短视频（12）" — a path with its merchants.
    pub fn path_with_count(&self, p: StartPath, merchants: u32) -> String {
        if self.is_zh() {
            format!("{}（{merchants}）", self.path(p))
        } else {
            format!("{} ({merchants})", self.path(p))
        }
    }

    /// Who is compared: "垂类商家 · 生鲜水果，开店满 60 天的 24 家店（另有 12 家仍在冷启期）".
    pub fn cohort(
        &self,
        kind: MerchantType,
        category: &str,
        window_days: u32,
        members: usize,
        still_starting: u32,
    ) -> String {
        let kind = self.merchant_type(kind);
        match (self.is_zh(), still_starting) {
            (true, 0) => format!("同类店铺：{kind} · {category}，开店满 {window_days} 天的 {members} 家。"),
            (true, s) => format!("同类店铺：{kind} · {category}，开店满 {window_days} 天的 {members} 家（另有 {s} 家开店不满 {window_days} 天，不计入）。"),
            (false, 0) => format!("Similar shops: {kind}s in {category} with {window_days} days since opening in the data — {members} of them."),
            (false, s) => format!("Similar shops: {kind}s in {category} with {window_days} days since opening in the data — {members} of them ({s} more opened less than {window_days} days ago and are left out)."),
        }
    }

    /// The answer to one question, in a sentence. `paths` in the order the difference is taken.
    pub fn verdict(
        &self,
        q: &QuestionEvidence,
        min_per_path: u32,
        path_days: u32,
        window_days: u32,
    ) -> String {
        let zh = self.is_zh();
        let path_at = |i: usize| {
            q.paths
                .get(i)
                .map_or((StartPath::ShortVideoFirst, 0), |p| (p.path, p.merchants))
        };
        let ((a, na), (b, nb)) = (path_at(0), path_at(1));
        match (q.verdict, q.difference, q.favoured) {
            (Verdict::Favours, Some(d), Some(f)) => {
                // Said from the favoured path's side, so the numbers are gains.
                let (est, low, high) = if f == a {
                    (d.estimate, d.low, d.high)
                } else {
                    (-d.estimate, -d.high, -d.low)
                };
                if zh {
                    format!("{}的店，第 {path_days}–{window_days} 天平均多卖 {est:.1} 单（95% 区间 {low:.1} – {high:.1} 单）。", self.path(f))
                } else {
                    format!("Shops that went {} sold {est:.1} more orders on average in days {path_days}–{window_days} (95 % interval {low:.1} to {high:.1}).", self.path(f))
                }
            }
            (_, Some(d), _) => {
                if zh {
                    format!("两种做法看不出明显差别：{}减{}平均 {:+.1} 单，95% 区间 {:.1} – {:.1} 单，包含 0。", self.path(a), self.path(b), d.estimate, d.low, d.high)
                } else {
                    format!("No clear difference: {} minus {} is {:+.1} orders on average, 95 % interval {:.1} to {:.1}, which includes 0.", self.path(a), self.path(b), d.estimate, d.low, d.high)
                }
            }
            (Verdict::NoFollowerHistory, ..) => {
                if zh {
                    "数据里没有同类店铺从开店当天起的粉丝数记录（followerCounts），无法比较。"
                        .to_owned()
                } else {
                    "The data have no follower counts from a similar shop's opening day (followerCounts), so this cannot be compared.".to_owned()
                }
            }
            _ => {
                if zh {
                    format!("同类店铺太少，还看不出哪种做法更好：每种做法至少要 {min_per_path} 家，现在{}{na} 家、{}{nb} 家。", self.path(a), self.path(b))
                } else {
                    format!("Too few similar shops to tell: each path needs at least {min_per_path}; now {} has {na} and {} has {nb}.", self.path(a), self.path(b))
                }
            }
        }
    }

    /// The merchant's own path so far.
    pub fn own(&self, path: Option<StartPath>, paths_final: bool, path_days: u32) -> String {
        match (self.is_zh(), path, paths_final) {
            (true, Some(p), true) => {
                format!("你的店：{}（按开店前 {path_days} 天）。", self.path(p))
            }
            (true, Some(p), false) => format!(
                "你的店目前：{}（开店还不满 {path_days} 天，可能还会变）。",
                self.path(p)
            ),
            (true, None, _) => "你的店：还看不出是哪种做法。".to_owned(),
            (false, Some(p), true) => format!(
                "Your shop: {} (from its first {path_days} days).",
                self.path(p)
            ),
            (false, Some(p), false) => format!(
                "Your shop so far: {} (less than {path_days} days open, this may change).",
                self.path(p)
            ),
            (false, None, _) => "Your shop: no path shows yet.".to_owned(),
        }
    }

    pub fn difference_row(&self, a: StartPath, b: StartPath) -> String {
        if self.is_zh() {
            format!("差值（{} − {}）", self.path(a), self.path(b))
        } else {
            format!("Difference ({} − {})", self.path(a), self.path(b))
        }
    }

    pub fn table_caption(&self, q: Question, path_days: u32, window_days: u32) -> String {
        if self.is_zh() {
            format!("{}第 {path_days}–{window_days} 天的订单", self.question(q))
        } else {
            format!(
                "{} Orders in days {path_days}–{window_days}",
                self.question(q)
            )
        }
    }

    pub fn members_summary(&self, n: usize) -> String {
        if self.is_zh() {
            format!("查看这 {n} 家同类店铺")
        } else {
            format!("See the {n} similar shops")
        }
    }
}

impl PartialEq for ColdStartTexts {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub static ZH: ColdStartTexts = ColdStartTexts {
    nav: "冷启助手",
    title: "冷启助手",
    intro: "新店头几周该先做什么：按你的商家类型排好的冷启步骤，每一步完成后解锁对应的流量池；进度全部来自你店铺自己的数据。下面是同类店铺的真实数据，回答“先短视频还是先直播”“先涨粉还是先卖货”。",
    loading: "正在计算…",
    next_title: "下一步",
    all_done: "冷启步骤已全部完成。",
    steps_title: "冷启步骤",
    progress_label: "冷启进度",
    evidence_title: "同类店铺怎么做的",
    chart_axis: "第二个月的订单（单）",
    col_path: "做法",
    col_merchants: "店铺数",
    col_mean: "平均",
    col_median: "中位数",
    col_range: "最少–最多",
    col_merchant: "店铺",
    col_opened: "开店日期",
    col_outcome: "第二个月订单",
    unclassified: "看不出",
    legend_mean: "平均",
    legend_range: "最少到最多",
    legend_median: "中位数",
    caveat: "这是观察性比较：做法是店铺自己选的，差别说明在这些数据里哪种做法的店卖得更好，不代表做法本身就是原因。",
};

pub static EN: ColdStartTexts = ColdStartTexts {
    nav: "Cold-start assistant",
    title: "Cold-start assistant",
    intro: "What a new shop should do first: the cold-start steps for your merchant type, each unlocking a traffic pool, with your progress read from your own shop's data. Below, what similar shops in the data did, for “short videos or live first” and “followers or sales first”.",
    loading: "Computing…",
    next_title: "Next step",
    all_done: "Every cold-start step is done.",
    steps_title: "Cold-start steps",
    progress_label: "Cold-start progress",
    evidence_title: "What similar shops did",
    chart_axis: "Orders in the second month",
    col_path: "Path",
    col_merchants: "Shops",
    col_mean: "Mean",
    col_median: "Median",
    col_range: "Lowest–highest",
    col_merchant: "Shop",
    col_opened: "Opened",
    col_outcome: "Second-month orders",
    unclassified: "unclear",
    legend_mean: "mean",
    legend_range: "lowest to highest",
    legend_median: "median",
    caveat: "This is an observational comparison: the shops chose their paths, so a difference says which shops sold more in this data, not that the path caused it.",
};
