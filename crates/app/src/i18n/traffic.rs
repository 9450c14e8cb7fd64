//! The back office's "1+N" leverage page (投流撬动), in Chinese (default) and English.

use livetrust_core::leverage::{LeverageReport, LeverageVerdict, NotEnoughReason};

#[derive(Debug)]
pub struct TrafficTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub loading: &'static str,
    pub roi_paid: &'static str,
    pub roi_levered: &'static str,
    pub lift_title: &'static str,
    pub timeline_title: &'static str,
    pub legend_natural: &'static str,
    pub legend_paid: &'static str,
    pub legend_pushed: &'static str,
    pub legend_levered: &'static str,
    pub col_session: &'static str,
    pub col_start: &'static str,
    pub col_natural: &'static str,
    pub col_paid: &'static str,
    pub col_spend: &'static str,
    pub col_gmv: &'static str,
    pub col_role: &'static str,
    pub col_activity: &'static str,
    pub role_pushed: &'static str,
    pub role_levered: &'static str,
    pub role_plain: &'static str,
    pub assumptions_title: &'static str,
    pub assumptions: [&'static str; 4],
}

impl TrafficTexts {
    pub fn is_zh(&self) -> bool {
        std::ptr::eq(self, &ZH)
    }

    /// A share as signed percentage points: "+48.2%".
    pub fn percent(&self, v: f64) -> String {
        format!("{:+.1}%", v * 100.0)
    }

    /// What the report says, as a sentence.
    /// `min_sessions`: the configuration's `minSessions`, named when there are too few.
    pub fn verdict(&self, r: &LeverageReport, min_sessions: u32) -> String {
        let zh = self.is_zh();
        let n = r.following_sessions;
        match (r.verdict, r.lift, r.levered_natural_exposure, r.levered_natural_gmv_fen) {
            (LeverageVerdict::Estimated, Some(l), Some(e), Some(g)) => {
                let (lift, low, high) = (self.percent(l.estimate), self.percent(l.low), self.percent(l.high));
                let exposure = e.estimate.round();
                let yuan = (g.estimate / 100.0).round();
                if zh {
                    format!("投流让直播间的自然流量多了 {lift}（90% 区间 {low} 至 {high}）：{} 场投流及其后各 {n} 场，共 {} 场，约多带来 {exposure} 次自然曝光、{yuan} 元成交。", r.pushes, r.levered_sessions)
                } else {
                    format!("Your pushes raised the live room's natural exposure by {lift} (90 % interval {low} to {high}): {} pushed sessions and the {n} after each, {} in all, brought about {exposure} more natural exposures and ¥{yuan} of GMV.", r.pushes, r.levered_sessions)
                }
            }
            (LeverageVerdict::NoPushes, ..) => {
                if zh {
                    format!("这段时间 {} 场直播都没有投流，没有可以估算的撬动。", r.sessions)
                } else {
                    format!("None of the {} sessions in this period had a paid push: there is no leverage to estimate.", r.sessions)
                }
            }
            (LeverageVerdict::NoTraffic, ..) => {
                if zh {
                    "数据里没有这家店的场次流量记录（sessionTraffic），无法估算。".to_owned()
                } else {
                    "The data have no session traffic for this shop (sessionTraffic), so nothing can be estimated.".to_owned()
                }
            }
            _ => match (zh, r.reason) {
                (true, Some(NotEnoughReason::WideInterval)) => "数据不够：估算的区间太宽，给不出可靠的数字。多投几场、多播几场后再看。".to_owned(),
                (true, Some(NotEnoughReason::NoBaseline)) => "数据不够：没投流的场次没有自然曝光，无法对比。".to_owned(),
                (true, _) => format!("数据不够：受投流影响的场次 {} 场、不受影响的 {} 场，每边至少要 {min_sessions} 场才能估算。", r.levered_sessions, r.unlevered_sessions),
                (false, Some(NotEnoughReason::WideInterval)) => "Not enough data: the interval is too wide to give a reliable number. Look again after more sessions and pushes.".to_owned(),
                (false, Some(NotEnoughReason::NoBaseline)) => "Not enough data: the sessions without a push had no natural exposure to compare with.".to_owned(),
                (false, _) => format!("Not enough data: {} sessions a push could lever and {} it could not; each side needs at least {min_sessions}.", r.levered_sessions, r.unlevered_sessions),
            },
        }
    }

    /// The assumptions, with `n` the sessions after a push it may lever (`{n}` in the texts).
    pub fn assumptions(&self, n: u32) -> Vec<String> {
        self.assumptions
            .iter()
            .map(|a| a.replace("{n}", &n.to_string()))
            .collect()
    }

    pub fn roi(&self, v: f64) -> String {
        format!("{v:.2}")
    }

    pub fn roi_interval(&self, low: f64, high: f64) -> String {
        if self.is_zh() {
            format!("90% 区间 {low:.2} – {high:.2}")
        } else {
            format!("90 % interval {low:.2} to {high:.2}")
        }
    }

    pub fn timeline_caption(&self, n: usize) -> String {
        if self.is_zh() {
            format!("每场直播的曝光（{n} 场）")
        } else {
            format!("Exposure of each session ({n})")
        }
    }
}

impl PartialEq for TrafficTexts {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub static ZH: TrafficTexts = TrafficTexts {
    nav: "投流撬动",
    title: "投流撬动（1+N）",
    intro: "一次精准的付费投流，能撬动这场和之后几场直播更多的自然流量。这里用你自己的场次数据估算：投流真正带来了多少自然曝光和成交，算上它之后的 ROI 是多少。",
    loading: "正在计算…",
    roi_paid: "只算付费流量的 ROI",
    roi_levered: "算上撬动的自然成交的 ROI",
    lift_title: "自然流量提升",
    timeline_title: "每场直播的流量来源",
    legend_natural: "自然曝光",
    legend_paid: "付费曝光",
    legend_pushed: "投流场次",
    legend_levered: "受投流影响的场次",
    col_session: "场次",
    col_start: "开播时间",
    col_natural: "自然曝光",
    col_paid: "付费曝光",
    col_spend: "投流花费（元）",
    col_gmv: "成交（元）",
    col_role: "投流",
    col_activity: "大盘活跃度",
    role_pushed: "投流",
    role_levered: "受影响",
    role_plain: "—",
    assumptions_title: "这个估算怎么算的",
    assumptions: [
        "受影响的场次：投流的那一场和它之后的 {n} 场；其余场次是对照。",
        "每场的自然曝光先除以当天的大盘活跃度（其他店铺没受投流影响的场次算出），去掉周末、大促带来的起伏。",
        "提升 = 受影响场次的平均自然曝光 ÷ 对照场次的平均 − 1，给出 90% 区间；场次太少或区间太宽就不给数字。",
        "这是从你的数据估算的模型，不是平台的分配算法；店铺自己选择何时投流，估算可能受其他同期变化影响。",
    ],
};

pub static EN: TrafficTexts = TrafficTexts {
    nav: "Push leverage",
    title: "Push leverage (1+N)",
    intro: "One precise paid push can lever more natural traffic in its live session and the ones after it. This page estimates from your own sessions what your pushes really brought in natural exposure and GMV, and the ROI once that is counted.",
    loading: "Computing…",
    roi_paid: "ROI of the paid traffic only",
    roi_levered: "ROI with the levered natural GMV",
    lift_title: "Natural exposure lift",
    timeline_title: "Where each session's traffic came from",
    legend_natural: "natural exposure",
    legend_paid: "paid exposure",
    legend_pushed: "pushed session",
    legend_levered: "session a push could lever",
    col_session: "Session",
    col_start: "Started",
    col_natural: "Natural",
    col_paid: "Paid",
    col_spend: "Spend (¥)",
    col_gmv: "GMV (¥)",
    col_role: "Push",
    col_activity: "Market activity",
    role_pushed: "pushed",
    role_levered: "levered",
    role_plain: "—",
    assumptions_title: "How this is estimated",
    assumptions: [
        "Levered sessions: a pushed session and the {n} after it; every other session is the comparison.",
        "Each session's natural exposure is first divided by the market's activity that day (from other shops' sessions no push could lever), removing the swing of weekends and big sales.",
        "Lift = the levered sessions' mean natural exposure over the comparison sessions' mean, minus 1, with a 90 % interval; with too few sessions or too wide an interval no number is given.",
        "This is a model estimated from your data, not the platform's algorithm; you chose when to push, so other changes at the same time may show in the estimate.",
    ],
};
