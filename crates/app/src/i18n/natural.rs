//! The trust-weighted natural traffic model (信任加权自然流量) on the traffic page and in the
//! what-if panel, in Chinese (default) and English.

use livetrust_core::traffic::{ModelShortfall, TrafficReport, TrafficVerdict};

#[derive(Debug)]
pub struct NaturalTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub curve_caption: &'static str,
    pub col_score: &'static str,
    pub col_expected: &'static str,
    pub col_low: &'static str,
    pub col_high: &'static str,
    pub now_mark: &'static str,
    pub model_link: &'static str,
    pub assumptions_title: &'static str,
    /// `{reach}` is the base reach, `{pool}` the pool sentence.
    pub assumptions: [&'static str; 5],
    pub pool_fixed: &'static str,
    pub pool_grows: &'static str,
}

fn count(v: f64) -> String {
    format!("{:.0}", v.max(0.0))
}

impl NaturalTexts {
    pub fn is_zh(&self) -> bool {
        std::ptr::eq(self, &ZH)
    }

    fn signed(v: f64) -> String {
        format!("{v:+.1}%")
    }

    /// Why there is no estimate, or `None` when there is one.
    pub fn why_not(&self, r: &TrafficReport, min_merchants: u32) -> Option<String> {
        let zh = self.is_zh();
        Some(match (r.verdict, r.shortfall) {
            (TrafficVerdict::Estimated, _) => return None,
            (TrafficVerdict::NoTraffic, _) => {
                if zh {
                    "数据里没有这家店不受投流影响的场次流量记录，模型无法估计它的自然曝光。"
                        .to_owned()
                } else {
                    "The data have no session traffic of this shop outside pushes, so the model cannot estimate its natural exposure.".to_owned()
                }
            }
            (TrafficVerdict::NoScore, _) => {
                if zh {
                    "这家店还没有回头客推荐指数的总分，无法放进模型。".to_owned()
                } else {
                    "This shop has no overall repeat-buyer index score yet, so the model cannot place it.".to_owned()
                }
            }
            (_, Some(ModelShortfall::WideInterval)) => {
                if zh {
                    "数据不够：指数对自然流量的弹性估得太宽，给不出可靠的数字。".to_owned()
                } else {
                    "Not enough data: the elasticity of natural traffic to the index is too uncertain to give a number.".to_owned()
                }
            }
            (_, Some(ModelShortfall::NoSpread)) => {
                if zh {
                    "数据不够：同类目店铺的指数几乎一样，看不出指数对流量的作用。".to_owned()
                } else {
                    "Not enough data: shops of the same category have nearly the same score, so the index's effect cannot be seen.".to_owned()
                }
            }
            _ => {
                if zh {
                    format!("数据不够：有指数分且场次够的店铺只有 {} 家，模型至少要 {min_merchants} 家。", r.merchants_fitted)
                } else {
                    format!("Not enough data: {} shops have a score and enough sessions; the model needs at least {min_merchants}.", r.merchants_fitted)
                }
            }
        })
    }

    /// The model and where the merchant stands, as sentences.
    pub fn summary(&self, r: &TrafficReport) -> Option<String> {
        let (e, score, base, share) = (
            r.elasticity?,
            r.score?,
            r.baseline_exposure?,
            r.share_percent?,
        );
        let (est, low, high) = (
            format!("{:.2}", e.estimate),
            format!("{:.2}", e.low),
            format!("{:.2}", e.high),
        );
        Some(if self.is_zh() {
            format!(
                "模型从 {} 家店、{} 个二级类目拟合：指数高 1%，自然曝光约多 {est}%（弹性 90% 区间 {low} 至 {high}）。你现在 {score:.1} 分，平常每场约 {} 次自然曝光，在同类目 {} 家有流量的店里分得约 {share:.1}%。",
                r.merchants_fitted, r.categories_fitted, count(base), r.category_merchants
            )
        } else {
            format!(
                "Fitted on {} shops in {} L2 categories: a 1 % higher index brings about {est} % more natural exposure (elasticity, 90 % interval {low} to {high}). You score {score:.1} and usually get about {} natural exposures a session, about {share:.1} % of what the {} shops of your category with traffic get.",
                r.merchants_fitted, r.categories_fitted, count(base), r.category_merchants
            )
        })
    }

    /// The what-if panel's line: today's exposure and the what-if's, with the interval.
    pub fn what_if(&self, r: &TrafficReport) -> Option<String> {
        let (w, base) = (r.what_if?, r.baseline_exposure?);
        let (then, low, high) = (
            count(w.expected_exposure.estimate),
            count(w.expected_exposure.low),
            count(w.expected_exposure.high),
        );
        let change = Self::signed(w.change_percent.estimate);
        let peers = Self::signed(w.peers_change_percent);
        Some(if self.is_zh() {
            format!("按信任加权流量模型，每场自然曝光约 {} → {then}（{change}，90% 区间 {low} 至 {high}）；同类目其他店铺的自然流量变化 {peers}。", count(base))
        } else {
            format!("By the trust-weighted traffic model, natural exposure per session goes from about {} to {then} ({change}, 90 % interval {low} to {high}); the other shops of your category change by {peers}.", count(base))
        })
    }

    pub fn count(&self, v: f64) -> String {
        count(v)
    }

    pub fn assumptions(&self, base_reach: f64, fixed: bool) -> Vec<String> {
        let pool = if fixed {
            self.pool_fixed
        } else {
            self.pool_grows
        };
        self.assumptions
            .iter()
            .map(|a| {
                a.replace("{reach}", &count(base_reach))
                    .replace("{pool}", pool)
            })
            .collect()
    }
}

impl PartialEq for NaturalTexts {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub static ZH: NaturalTexts = NaturalTexts {
    title: "信任加权自然流量",
    intro: "平台的基础流量政策让更值得信任的店铺得到更多自然流量。这个模型从全平台的场次数据估计：回头客推荐指数高一些，你平常每场能多得多少自然曝光。它是一个透明的模型，不是平台的分配算法。",
    curve_caption: "不同指数分下，你每场的预计自然曝光",
    col_score: "指数分",
    col_expected: "每场预计自然曝光",
    col_low: "90% 区间下限",
    col_high: "90% 区间上限",
    now_mark: "现在",
    model_link: "看流量模型和它的假设",
    assumptions_title: "这个模型的假设",
    assumptions: [
        "同一个二级类目的店铺分同一池自然流量；每家店的权重 = 触达 × 指数分的 ε 次方，触达 = 粉丝数 + {reach}。",
        "ε（弹性）从各店不受投流影响的场次拟合：每场自然曝光先除以当天的大盘活跃度，再在类目内比较指数分不同的店铺；给出 90% 区间，区间太宽就不给数字。",
        "你的预计值从你自己平常每场的自然曝光出发，乘以模型在新分数下的倍数：你和同分同触达店铺的差别保持不变。",
        "{pool}",
        "指数用它今天的总分；场次、粉丝和同行都按现在的算。这是从数据估计的模型，不是平台的算法，实际流量还受内容、时段和投流等影响。",
    ],
    pool_fixed: "类目的自然流量总量不变：你多得的，来自同类目的其他店铺。",
    pool_grows: "类目的自然流量随你的权重变大：其他店铺不受影响。",
};

pub static EN: NaturalTexts = NaturalTexts {
    title: "Trust-weighted natural traffic",
    intro: "The platform's base traffic policy gives more trustworthy shops more natural traffic. This model estimates from every shop's sessions how much more natural exposure a session would usually get with a higher repeat-buyer index. It is a transparent model, not the platform's algorithm.",
    curve_caption: "Your expected natural exposure per session at each index score",
    col_score: "Index score",
    col_expected: "Expected natural exposure per session",
    col_low: "90 % interval, low",
    col_high: "90 % interval, high",
    now_mark: "now",
    model_link: "See the traffic model and its assumptions",
    assumptions_title: "What the model assumes",
    assumptions: [
        "Shops of one L2 category share one pool of natural traffic; each shop's weight is its reach × its index score to the power ε, with reach = followers + {reach}.",
        "ε (the elasticity) is fitted from every shop's sessions without a push nearby: each session's natural exposure is divided by the market's activity that day, and shops with different scores are compared within their category; with a 90 % interval, and no number when it is too wide.",
        "Your expected figure starts from your own usual natural exposure per session, times the model's factor at the new score: what sets you apart from shops of the same score and reach stays.",
        "{pool}",
        "The index is today's overall score; sessions, followers and peers stay as they are now. This is a model estimated from data, not the platform's algorithm; real traffic also depends on content, time slots and pushes.",
    ],
    pool_fixed: "The category's natural traffic is a fixed total: what you gain comes from the other shops of your category.",
    pool_grows: "The category's natural traffic grows with your weight: the other shops keep theirs.",
};
