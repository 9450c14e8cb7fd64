//! The back office's campaign calendar page (营销日历), in Chinese (default) and English.

use livetrust_core::calendar::report::KeyDateKind;
use livetrust_core::calendar::{CampaignStatus, Gate};

#[derive(Debug)]
pub struct CalendarTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub list_view: &'static str,
    pub month_view: &'static str,
    pub eligible: &'static str,
    pub not_eligible: &'static str,
    pub gate: &'static str,
    pub your_value: &'static str,
    pub passed: &'static str,
    pub failed: &'static str,
    pub no_value: &'static str,
    pub improve: &'static str,
    pub dates: &'static str,
    pub choose: &'static str,
    pub export: &'static str,
    pub none_chosen: &'static str,
    pub previous_month: &'static str,
    pub next_month: &'static str,
    pub weekdays: [&'static str; 7],
    pub gameplays: &'static str,
    pub rewards: &'static str,
    pub loading: &'static str,
    pub source: &'static str,
}

impl CalendarTexts {
    pub fn is_zh(&self) -> bool {
        std::ptr::eq(self, &ZH)
    }

    pub fn status(&self, s: CampaignStatus) -> &'static str {
        use CampaignStatus::*;
        match (self.is_zh(), s) {
            (true, Upcoming) => "未开始报名",
            (true, SignupOpen) => "报名中",
            (true, SignupClosed) => "报名已截止",
            (true, Running) => "活动进行中",
            (true, Ended) => "已结束",
            (false, Upcoming) => "sign-up not open yet",
            (false, SignupOpen) => "sign-up open",
            (false, SignupClosed) => "sign-up closed",
            (false, Running) => "running",
            (false, Ended) => "ended",
        }
    }

    pub fn key_date(&self, k: KeyDateKind) -> &'static str {
        use KeyDateKind::*;
        match (self.is_zh(), k) {
            (true, SignupOpens) => "报名开始",
            (true, SignupCloses) => "报名截止",
            (true, WarmUpStarts) => "预热开始",
            (true, EventStarts) => "活动开始",
            (true, EventEnds) => "活动结束",
            (false, SignupOpens) => "sign-up opens",
            (false, SignupCloses) => "sign-up closes",
            (false, WarmUpStarts) => "warm-up starts",
            (false, EventStarts) => "event starts",
            (false, EventEnds) => "event ends",
        }
    }

    /// "5 天后" / "20 天前" / "今天".
    pub fn days(&self, d: i64) -> String {
        match (self.is_zh(), d) {
            (true, 0) => "今天".to_owned(),
            (true, d) if d > 0 => format!("{d} 天后"),
            (true, d) => format!("{} 天前", -d),
            (false, 0) => "today".to_owned(),
            (false, d) if d > 0 => format!("in {d} days"),
            (false, d) => format!("{} days ago", -d),
        }
    }

    /// A phase's label in the month view.
    pub fn phase(&self, key: &str) -> &'static str {
        match (self.is_zh(), key) {
            (true, "signup") => "报名",
            (true, "warmUp") => "预热",
            (true, _) => "活动",
            (false, "signup") => "sign-up",
            (false, "warmUp") => "warm-up",
            (false, _) => "event",
        }
    }

    /// A gate as a sentence about what it asks, with the index's names.
    pub fn gate(&self, t: &crate::i18n::Texts, g: &Gate) -> String {
        let zh = self.is_zh();
        match g {
            Gate::MinOverallScore { min } => {
                if zh {
                    format!("综合得分 ≥ {min}")
                } else {
                    format!("overall score ≥ {min}")
                }
            }
            Gate::MinTier { tier } => {
                if zh {
                    format!("同行对比不低于「{}」", t.tier(*tier))
                } else {
                    format!("tier at least “{}”", t.tier(*tier))
                }
            }
            Gate::MinDimensionScore { dimension, min } => {
                format!("{} ≥ {min}", t.dimension(*dimension))
            }
            Gate::MinMetric { metric, min } => {
                format!("{} ≥ {}", t.metric(*metric), t.metric_value(*metric, *min))
            }
            Gate::MaxMetric { metric, max } => {
                format!("{} ≤ {}", t.metric(*metric), t.metric_value(*metric, *max))
            }
            Gate::MinRecentOrders { min } => {
                if zh {
                    format!("近 30 天订单 ≥ {min}")
                } else {
                    format!("orders in the last 30 days ≥ {min}")
                }
            }
            Gate::MinFollowers { min } => {
                if zh {
                    format!("粉丝 ≥ {min}")
                } else {
                    format!("followers ≥ {min}")
                }
            }
            Gate::MerchantTypes { .. } => {
                if zh {
                    "限定商家类型".to_owned()
                } else {
                    "merchant types".to_owned()
                }
            }
        }
    }
}

impl PartialEq for CalendarTexts {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub static ZH: CalendarTexts = CalendarTexts {
    nav: "营销日历",
    title: "营销日历",
    intro: "平台全年的大促活动：报名、预热和活动日期，玩法与奖励，以及你现在能否报名——每个门槛都列出你的数值，没达标的给出回头客推荐指数里能帮上忙的改进建议。",
    list_view: "列表",
    month_view: "月历",
    eligible: "符合报名条件",
    not_eligible: "暂不符合报名条件",
    gate: "报名门槛",
    your_value: "你的数值",
    passed: "达标",
    failed: "未达标",
    no_value: "暂无数据",
    improve: "要达标，可以先做这些",
    dates: "关键日期",
    choose: "加入日历导出",
    export: "导出所选活动（.ics）",
    none_chosen: "先勾选要导出的活动。",
    previous_month: "上个月",
    next_month: "下个月",
    weekdays: ["一", "二", "三", "四", "五", "六", "日"],
    gameplays: "玩法",
    rewards: "奖励",
    loading: "正在计算…",
    source: "日期来源",
};

pub static EN: CalendarTexts = CalendarTexts {
    nav: "Campaign calendar",
    title: "Campaign calendar",
    intro: "The platform's campaigns of the year: sign-up, warm-up and event dates, gameplays and rewards, and whether you can sign up now — every gate with your value, and for the ones you miss the index's suggestions that help.",
    list_view: "List",
    month_view: "Month",
    eligible: "Eligible to sign up",
    not_eligible: "Not eligible yet",
    gate: "Gate",
    your_value: "Your value",
    passed: "met",
    failed: "not met",
    no_value: "no data",
    improve: "To qualify, start with these",
    dates: "Key dates",
    choose: "Include in the calendar export",
    export: "Export the chosen campaigns (.ics)",
    none_chosen: "Tick the campaigns to export first.",
    previous_month: "Previous month",
    next_month: "Next month",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    gameplays: "Gameplays",
    rewards: "Rewards",
    loading: "Computing…",
    source: "Dates from",
};
