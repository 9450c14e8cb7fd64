//! What viewers read, in Chinese (default) and English: the language type shared with the app, and
//! the strings of the viewer widgets as a typed table (a missing translation is a compile error).
//! The app's back-office table reuses these, so a tier or a metric is named the same everywhere.

use livetrust_core::index::report::Shortfall;
use livetrust_core::index::{Dimension, MetricId};
use livetrust_core::peer_tier::PeerTier;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// BCP 47 tag for a `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language a `lang` attribute asks for: English for `en` and its subtags (`en-GB`),
    /// Chinese for anything else, absent included.
    pub fn from_tag(tag: &str) -> Lang {
        let b = tag.as_bytes();
        let english = b.len() >= 2
            && b[..2].eq_ignore_ascii_case(b"en")
            && matches!(b.get(2), None | Some(b'-' | b'_'));
        if english {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    pub fn viewer(self) -> &'static ViewerTexts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// The strings of the viewer widgets.
#[derive(Debug)]
pub struct ViewerTexts {
    pub lang: Lang,
    pub index_name: &'static str,
    /// Put between the index's name and the tier when read as one sentence.
    pub name_separator: &'static str,
    /// Put between the tier and "better than x%".
    pub separator: &'static str,
    pub tier_leading: &'static str,
    pub tier_average: &'static str,
    pub tier_slightly_below: &'static str,
    pub not_enough_data: &'static str,
    pub dimensions_of: &'static str,
    /// What the tiers compare, in one line.
    pub badge_meaning: &'static str,
    pub close: &'static str,
    /// A dimension or metric without any case: not a score, not a tier.
    pub no_data_yet: &'static str,
    /// Data, but too few merchants of the category have it to compare with.
    pub few_peers: &'static str,
    /// Shown while an element waits for its data.
    pub loading: &'static str,
    /// Shown instead of a badge whose data could not be read; the reason follows.
    pub unreadable: &'static str,
    better_than: fn(u8) -> String,
    shortfall: fn(&Shortfall) -> String,
}

impl ViewerTexts {
    pub fn tier(&self, tier: PeerTier) -> &'static str {
        match tier {
            PeerTier::Leading => self.tier_leading,
            PeerTier::Average => self.tier_average,
            PeerTier::SlightlyBelow => self.tier_slightly_below,
        }
    }

    pub fn dimension(&self, d: Dimension) -> &'static str {
        match (d, self.lang) {
            (Dimension::Quality, Lang::Zh) => "品质",
            (Dimension::Service, Lang::Zh) => "服务",
            (Dimension::Content, Lang::Zh) => "内容",
            (Dimension::RepeatExperience, Lang::Zh) => "回头客购物体验",
            (Dimension::Quality, Lang::En) => "Quality",
            (Dimension::Service, Lang::En) => "Service",
            (Dimension::Content, Lang::En) => "Content",
            (Dimension::RepeatExperience, Lang::En) => "Repeat-buyer experience",
        }
    }

    pub fn metric(&self, m: MetricId) -> &'static str {
        use MetricId::*;
        match (m, self.lang) {
            (RepeatBuyerRate, Lang::Zh) => "回头客占比",
            (PositiveReviewRate, Lang::Zh) => "好评率",
            (DissatisfactionRate, Lang::Zh) => "商品不满意率",
            (QualityRefundRate, Lang::Zh) => "品质退款率",
            (RefundOnlyHours, Lang::Zh) => "仅退款完结时长",
            (ReturnRefundHours, Lang::Zh) => "退货退款完结时长",
            (FirstResponseMinutes, Lang::Zh) => "客服首次响应时长",
            (ComplaintRate, Lang::Zh) => "投诉率",
            (ShipWithin48hRate, Lang::Zh) => "48小时发货率",
            (DeliveryHours, Lang::Zh) => "签收时长",
            (LiveEngagement, Lang::Zh) => "直播间互动",
            (ExplainCoverage, Lang::Zh) => "商品讲解覆盖率",
            (RepeatBuyerRate, Lang::En) => "Repeat-buyer rate",
            (PositiveReviewRate, Lang::En) => "Positive-review rate",
            (DissatisfactionRate, Lang::En) => "Product dissatisfaction rate",
            (QualityRefundRate, Lang::En) => "Quality refund rate",
            (RefundOnlyHours, Lang::En) => "Refund-only completion time",
            (ReturnRefundHours, Lang::En) => "Return-and-refund completion time",
            (FirstResponseMinutes, Lang::En) => "First response time",
            (ComplaintRate, Lang::En) => "Complaint rate",
            (ShipWithin48hRate, Lang::En) => "Shipped within 48 h",
            (DeliveryHours, Lang::En) => "Time to delivery",
            (LiveEngagement, Lang::En) => "Live-room engagement",
            (ExplainCoverage, Lang::En) => "Explain coverage",
        }
    }

    /// "better than x% of peers".
    pub fn better_than(&self, percent: u8) -> String {
        (self.better_than)(percent)
    }

    /// Why no tier is shown, in one sentence.
    pub fn shortfall(&self, s: &Shortfall) -> String {
        (self.shortfall)(s)
    }
}

/// A count as digits, without pulling float formatting into the widget bundle.
fn count(n: u64) -> String {
    n.to_string()
}

/// A sample size (a fractional weight in the report) rounded to a whole number of cases.
fn cases(sample: f64) -> String {
    if sample.is_finite() && sample > 0.0 {
        count((sample + 0.5) as u64)
    } else {
        count(0)
    }
}

pub static ZH: ViewerTexts = ViewerTexts {
    lang: Lang::Zh,
    index_name: "回头客推荐指数",
    name_separator: "：",
    separator: "，",
    tier_leading: "领先",
    tier_average: "平均",
    tier_slightly_below: "略低于同行",
    not_enough_data: "暂无足够数据",
    dimensions_of: "四项表现",
    badge_meaning: "与同一二级类目的商家比较：领先＝超过至少75%的同行，平均＝超过25%–75%，略低于同行＝不足25%。",
    close: "关闭",
    no_data_yet: "暂无数据",
    few_peers: "同行数据不足",
    loading: "正在载入回头客推荐指数",
    unreadable: "无法显示回头客推荐指数",
    better_than: |p| ["超过", &count(p.into()), "%同行"].concat(),
    shortfall: |s| match s {
        Shortfall::NoData => "还没有可以计算的数据。".to_owned(),
        Shortfall::FewOrders { orders, needed } => [
            "近30天有效订单 ",
            &count(*orders),
            " 笔，至少需要 ",
            &count((*needed).into()),
            " 笔（已剔除的刷单不计）。",
        ]
        .concat(),
        Shortfall::FewPeers { peers, needed } => [
            "同类目只有 ",
            &count((*peers).into()),
            " 家商家有数据，至少需要 ",
            &count((*needed).into()),
            " 家才能比较。",
        ]
        .concat(),
        Shortfall::WideInterval {
            low,
            high,
            metric,
            sample,
            more_cases,
        } => {
            let mut s = [
                "数据还不足以确定层级：可能超过 ",
                &count((*low).into()),
                "%–",
                &count((*high).into()),
                "% 的同行，跨越了不止一个层级。",
            ]
            .concat();
            if let Some(m) = metric {
                s.push_str(
                    &[
                        "区间最宽的是「",
                        ZH.metric(*m),
                        "」（样本 ",
                        &cases(*sample),
                        "），再有约 ",
                        &count(*more_cases),
                        " 个样本可让它的区间缩小一半。",
                    ]
                    .concat(),
                );
            }
            s
        }
    },
};

pub static EN: ViewerTexts = ViewerTexts {
    lang: Lang::En,
    index_name: "Repeat-buyer index",
    name_separator: ": ",
    separator: ", ",
    tier_leading: "Leading",
    tier_average: "Average",
    tier_slightly_below: "Slightly below peers",
    not_enough_data: "Not enough data yet",
    dimensions_of: "Four dimensions",
    badge_meaning: "Compared with merchants of the same L2 category: Leading = better than at least 75% of them, Average = 25–75%, Slightly below peers = under 25%.",
    close: "Close",
    no_data_yet: "No data yet",
    few_peers: "Too few peers with data",
    loading: "Loading the repeat-buyer index",
    unreadable: "The repeat-buyer index cannot be shown",
    better_than: |p| ["better than ", &count(p.into()), "% of peers"].concat(),
    shortfall: |s| match s {
        Shortfall::NoData => "There is no data to compute from yet.".to_owned(),
        Shortfall::FewOrders { orders, needed } => [
            &count(*orders),
            " genuine orders in the last 30 days; at least ",
            &count((*needed).into()),
            " are needed (discounted orders do not count).",
        ]
        .concat(),
        Shortfall::FewPeers { peers, needed } => [
            "Only ",
            &count((*peers).into()),
            " merchants of the category have data; at least ",
            &count((*needed).into()),
            " are needed to compare.",
        ]
        .concat(),
        Shortfall::WideInterval {
            low,
            high,
            metric,
            sample,
            more_cases,
        } => {
            let mut s = [
                "The data cannot tell the tier yet: better than somewhere between ",
                &count((*low).into()),
                "% and ",
                &count((*high).into()),
                "% of peers, which spans more than one tier.",
            ]
            .concat();
            if let Some(m) = metric {
                s.push_str(
                    &[
                        " The widest is “",
                        EN.metric(*m),
                        "” (",
                        &cases(*sample),
                        " cases); about ",
                        &count(*more_cases),
                        " more would halve its interval.",
                    ]
                    .concat(),
                );
            }
            s
        }
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lang_attribute_picks_english_only_for_english() {
        assert_eq!(Lang::from_tag("en"), Lang::En);
        assert_eq!(Lang::from_tag("EN-gb"), Lang::En);
        assert_eq!(Lang::from_tag("en_US"), Lang::En);
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag(""), Lang::Zh);
        assert_eq!(Lang::from_tag("english"), Lang::Zh);
    }

    #[test]
    fn sample_sizes_are_rounded_half_up_to_whole_cases() {
        for (sample, shown) in [
            (0.0, "0"),
            (0.4, "0"),
            (0.5, "1"),
            (1.49, "1"),
            (12.5, "13"),
            (99.99, "100"),
        ] {
            assert_eq!(cases(sample), shown, "{sample}");
        }
        assert_eq!(cases(f64::NAN), "0");
        assert_eq!(cases(-3.0), "0");
        assert_eq!(cases(f64::INFINITY), "0");
    }

    #[test]
    fn a_wide_interval_names_the_metric_and_the_cases_in_both_languages() {
        let s = Shortfall::WideInterval {
            low: 40,
            high: 80,
            metric: Some(MetricId::QualityRefundRate),
            sample: 31.6,
            more_cases: 95,
        };
        assert_eq!(
            ZH.shortfall(&s),
            "数据还不足以确定层级：可能超过 40%–80% 的同行，跨越了不止一个层级。区间最宽的是「品质退款率」（样本 32），再有约 95 个样本可让它的区间缩小一半。"
        );
        assert!(EN.shortfall(&s).ends_with(
            "The widest is “Quality refund rate” (32 cases); about 95 more would halve its interval."
        ));
        assert_eq!(ZH.better_than(87), "超过87%同行");
        assert_eq!(EN.better_than(87), "better than 87% of peers");
    }
}

/// The strings of the repeat-buyer review carousel (回头客说).
#[derive(Debug)]
pub struct CarouselTexts {
    pub title: &'static str,
    /// `aria-roledescription` of the carousel and of each slide (the screen reader adds them to
    /// the labels, which therefore never repeat them).
    pub carousel: &'static str,
    pub slide: &'static str,
    pub stop: &'static str,
    pub start: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub tags_label: &'static str,
    pub reply_label: &'static str,
    pub none_yet: &'static str,
    pub with_media: &'static str,
    pub helpful: &'static str,
    /// "2 / 9" read as a sentence: the slide's label.
    position: fn(usize, usize) -> String,
    bought: fn(u32) -> String,
    stars: fn(u8) -> String,
    rule: fn(u32, bool) -> String,
    products_chosen: fn(usize) -> String,
}

impl CarouselTexts {
    pub fn position(&self, at: usize, of: usize) -> String {
        (self.position)(at, of)
    }
    /// "第N次回购" / "bought N times": the buyer's paid orders at the shop.
    pub fn bought(&self, orders: u32) -> String {
        (self.bought)(orders)
    }
    pub fn stars(&self, rating: u8) -> String {
        (self.stars)(rating)
    }
    /// The selection rule viewers read.
    pub fn rule(&self, min_orders: u32, includes_critical: bool) -> String {
        (self.rule)(min_orders, includes_critical)
    }
    /// The merchant's product choice, disclosed.
    pub fn products_chosen(&self, products: usize) -> String {
        (self.products_chosen)(products)
    }
}

impl Lang {
    pub fn carousel(self) -> &'static CarouselTexts {
        match self {
            Lang::Zh => &CAROUSEL_ZH,
            Lang::En => &CAROUSEL_EN,
        }
    }
}

static CAROUSEL_ZH: CarouselTexts = CarouselTexts {
    title: "回头客说",
    carousel: "轮播",
    slide: "评价",
    stop: "停止自动播放",
    start: "开始自动播放",
    previous: "上一条评价",
    next: "下一条评价",
    tags_label: "大家都在说",
    reply_label: "商家回复",
    none_yet: "还没有回头客的评价。",
    with_media: "附图",
    helpful: "有用",
    position: |at, of| format!("第 {at} 条，共 {of} 条"),
    bought: |n| format!("第{n}次回购"),
    stars: |r| format!("{r} 星（满分 5 星）"),
    rule: |min, critical| {
        let base = format!(
            "只展示在本店买过 {min} 次及以上的买家写下的评价，已去除重复、默认好评和刷单；按信息量、时效、有用数和商品多样性挑选"
        );
        if critical {
            base + "，包含差评。"
        } else {
            base + "。"
        }
    },
    products_chosen: |n| format!("商家选择只展示 {n} 款商品的评价。"),
};

static CAROUSEL_EN: CarouselTexts = CarouselTexts {
    title: "Repeat buyers say",
    carousel: "carousel",
    slide: "review",
    stop: "Stop automatic rotation",
    start: "Start automatic rotation",
    previous: "Previous review",
    next: "Next review",
    tags_label: "What buyers mention",
    reply_label: "Shop's reply",
    none_yet: "No reviews from repeat buyers yet.",
    with_media: "photos",
    helpful: "helpful",
    position: |at, of| format!("{at} of {of}"),
    bought: |n| format!("bought {n} times"),
    stars: |r| format!("{r} out of 5 stars"),
    rule: |min, critical| {
        let base = format!(
            "Only reviews by buyers with {min} or more orders at this shop, without duplicates, placeholders or brushing; chosen for detail, recency, helpful votes and variety of products"
        );
        if critical {
            base + ", critical ones included."
        } else {
            base + "."
        }
    },
    products_chosen: |n| {
        if n == 1 {
            "The shop chose to show the reviews of 1 product only.".to_owned()
        } else {
            format!("The shop chose to show the reviews of {n} products only.")
        }
    },
};

/// The live-preview card's strings.
#[derive(Debug)]
pub struct PreviewTexts {
    pub label: &'static str,
    pub heroes: &'static str,
    pub welfare: &'static str,
    pub reserve: &'static str,
    pub cancel: &'static str,
    pub download_again: &'static str,
    pub reserved: &'static str,
    pub live_now: &'static str,
    pub watch: &'static str,
    pub ended: &'static str,
    pub starts_in: &'static str,
    pub list_price: &'static str,
    pub calendar_failed: &'static str,
    pub stock: fn(i64) -> String,
    pub more: fn(usize) -> String,
    /// Days, hours, minutes, seconds left.
    pub countdown: fn(i64, i64, i64, i64) -> String,
    /// The start as the viewer reads it (month, day, hour, minute in Shanghai).
    pub when: fn(u32, u32, u32, u32) -> String,
}

impl Lang {
    pub fn preview(self) -> &'static PreviewTexts {
        match self {
            Lang::Zh => &PREVIEW_ZH,
            Lang::En => &PREVIEW_EN,
        }
    }
}

static PREVIEW_ZH: PreviewTexts = PreviewTexts {
    label: "直播预告",
    heroes: "爆款",
    welfare: "福利款",
    reserve: "预约直播",
    cancel: "取消预约",
    download_again: "再次下载日历",
    reserved: "已预约：开播前10分钟提醒，日历文件已下载",
    live_now: "直播中",
    watch: "进入直播间",
    ended: "本场直播已结束",
    starts_in: "距开播",
    list_price: "原价",
    calendar_failed: "日历文件未能生成：",
    stock: |n| format!("限量{n}件"),
    more: |n| format!("另有{n}款商品"),
    countdown: |d, h, m, s| {
        if d > 0 {
            format!("{d}天{h:02}:{m:02}:{s:02}")
        } else {
            format!("{h:02}:{m:02}:{s:02}")
        }
    },
    when: |mo, d, h, mi| format!("{mo}月{d}日 {h:02}:{mi:02}开播"),
};

static PREVIEW_EN: PreviewTexts = PreviewTexts {
    label: "Live preview",
    heroes: "Best sellers",
    welfare: "Welfare deals",
    reserve: "Reserve",
    cancel: "Cancel reservation",
    download_again: "Download the calendar file again",
    reserved: "Reserved: a reminder 10 minutes before; the calendar file was downloaded",
    live_now: "Live now",
    watch: "Watch the live room",
    ended: "This session has ended",
    starts_in: "Starts in",
    list_price: "List price",
    calendar_failed: "The calendar file could not be made: ",
    stock: |n| format!("only {n}"),
    more: |n| format!("{n} more items"),
    countdown: |d, h, m, s| {
        if d > 0 {
            format!("{d}d {h:02}:{m:02}:{s:02}")
        } else {
            format!("{h:02}:{m:02}:{s:02}")
        }
    },
    when: |mo, d, h, mi| format!("Starts {mo}/{d} {h:02}:{mi:02} (Beijing time)"),
};
