//! Interface strings in Chinese (default) and English, as a typed table: a missing translation is a
//! compile error, and the whole table costs a few hundred bytes of wasm.

use livetrust_core::index::report::Shortfall;
use livetrust_core::index::{Dimension, Evidence, MetricId};
use livetrust_core::peer_tier::PeerTier;

pub use livetrust_widgets::i18n::Lang;

pub mod assistant;
pub mod calendar;
pub mod clip;
pub mod coldstart;
pub mod natural;
pub mod preview;
pub mod reviews;
pub mod room;
pub mod traffic;
pub use clip::ClipTexts;
use livetrust_widgets::i18n::{ViewerTexts, EN as VIEWER_EN, ZH as VIEWER_ZH};
pub use preview::PreviewTexts;
pub use reviews::ReviewsTexts;

/// The app's strings of a language (the viewer widgets' own strings are [`Lang::viewer`]).
pub trait LangTexts {
    fn texts(self) -> &'static Texts;
}

impl LangTexts for Lang {
    fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// Which way a suggestion moves a metric: up for higher-is-better metrics, down for rates where
/// lower is better, shorter for durations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Raise,
    Lower,
    Shorten,
}

impl Direction {
    pub fn of(metric: MetricId) -> Self {
        use livetrust_core::index::metric::MetricKind;
        if metric.higher_is_better() {
            Direction::Raise
        } else if metric.kind() == MetricKind::Mean {
            Direction::Shorten
        } else {
            Direction::Lower
        }
    }
}

/// The parts of one suggestion sentence, already formatted.
#[derive(Debug)]
pub struct SuggestionText<'a> {
    pub metric: &'a str,
    pub direction: Direction,
    pub current: &'a str,
    pub target: &'a str,
    pub top10: bool,
    pub gain: f64,
    pub dimension: &'a str,
    pub dimension_gain: f64,
    /// The tier it would bring, when that is not the tier the merchant has now.
    pub new_tier: Option<&'a str>,
    /// Whether the merchant shows no tier now (then a tier is gained, not changed).
    pub untiered_now: bool,
}

/// Every fixed string of the interface.
#[derive(Debug)]
pub struct Texts {
    /// The viewer widgets' strings of the same language: tiers, dimensions and metrics are named
    /// as the badge names them.
    pub viewer: &'static ViewerTexts,
    /// The reviews page and the reply editor.
    pub reviews: &'static ReviewsTexts,
    /// The live-preview editor.
    pub preview: &'static PreviewTexts,
    /// The lead-in clip page.
    pub clip: &'static ClipTexts,
    /// The live assistant page.
    pub assistant: &'static assistant::AssistantTexts,
    /// The viewer's room page and the list of rooms.
    pub room: &'static room::RoomTexts,
    /// The campaign calendar page.
    pub calendar: &'static calendar::CalendarTexts,
    /// The cold-start assistant page.
    pub coldstart: &'static coldstart::ColdStartTexts,
    /// The "1+N" push leverage page.
    pub traffic: &'static traffic::TrafficTexts,
    /// The trust-weighted natural traffic model (traffic page, what-if panel).
    pub natural: &'static natural::NaturalTexts,
    pub app_name: &'static str,
    pub skip_to_content: &'static str,
    pub nav_live_room: &'static str,
    pub language_label: &'static str,
    pub live_room_title: &'static str,
    pub live_room_intro: &'static str,
    pub not_found: &'static str,
    pub back_home: &'static str,
    pub nav_import: &'static str,
    pub import_title: &'static str,
    pub import_intro: &'static str,
    pub import_choose: &'static str,
    pub import_drop_hint: &'static str,
    pub import_privacy: &'static str,
    pub import_use: &'static str,
    pub import_files_caption: &'static str,
    pub import_problems_caption: &'static str,
    pub import_unrecognised: &'static str,
    pub source_import_own: &'static str,
    pub import_picked: &'static str,
    pub import_remove_short: &'static str,
    pub import_clear: &'static str,
    pub source_back_to_demo: &'static str,
    pub import_detail: &'static str,
    pub col_file: &'static str,
    pub col_table: &'static str,
    pub col_records: &'static str,
    pub col_accepted: &'static str,
    pub col_skipped: &'static str,
    pub col_record: &'static str,
    pub col_field: &'static str,
    pub col_reason: &'static str,
    pub view_details: &'static str,
    pub loading: &'static str,
    /// The source banner before the data are known.
    pub source_pending: &'static str,
    pub merchant_title: &'static str,
    pub overall_score: &'static str,
    pub dimensions_title: &'static str,
    pub chart_desc: &'static str,
    pub legend_you: &'static str,
    pub legend_median: &'static str,
    pub legend_top10: &'static str,
    pub metrics_title: &'static str,
    pub col_metric: &'static str,
    pub col_value: &'static str,
    pub col_window: &'static str,
    pub col_sample: &'static str,
    pub col_percentile: &'static str,
    pub col_weight: &'static str,
    pub col_contribution: &'static str,
    pub col_dimension: &'static str,
    pub col_score: &'static str,
    pub col_peer_median: &'static str,
    pub col_peer_top10: &'static str,
    pub suggestions_title: &'static str,
    pub no_suggestions: &'static str,
    pub what_if_title: &'static str,
    pub what_if_intro: &'static str,
    pub what_if_reset: &'static str,
    pub what_if_fix: &'static str,
    pub what_if_dimensions: &'static str,
    pub what_if_now: &'static str,
    pub what_if_then: &'static str,
    pub guard_title: &'static str,
    pub no_data: &'static str,
    pub guard_intro: &'static str,
    pub guard_none: &'static str,
    pub guard_reasons_caption: &'static str,
    pub guard_examples_caption: &'static str,
    pub col_buyer: &'static str,
    pub col_points: &'static str,
    pub col_evidence: &'static str,
    pub col_orders: &'static str,
    pub col_reviews: &'static str,
    pub col_buyers: &'static str,
    pub col_status: &'static str,
    pub why_no_tier: &'static str,
    pub unknown_merchant: &'static str,
    pub unknown_merchant_hint: &'static str,
    pub windows_note: &'static str,
    pub weights_note: &'static str,
    pub trend_title: &'static str,
    pub trend_desc: &'static str,
    pub col_day: &'static str,
    pub col_interval: &'static str,
    pub col_placement: &'static str,
    interval: fn(f64, f64) -> String,
    suggestion: fn(&SuggestionText) -> String,
    burst: fn(&str, &str, u32, f64) -> String,
    guard_counts: fn(u32, u32) -> String,
    guard_discounted: fn(u32, u32, u32, u64) -> String,
    spike: fn(&str, &str, &str, u32, f64) -> String,
    evidence: fn(Evidence) -> &'static str,
    what_if_result: fn(&str, &str, &str, &str, &str) -> String,
    out_of_range: fn(f64, f64, &str) -> String,
    import_reading: fn(usize) -> String,
    import_clean: fn(u64) -> String,
    import_with_problems: fn(u64, u64, u64) -> String,
    import_more_problems: fn(u64) -> String,
    source_demo: fn(usize) -> String,
    import_remove: fn(&str) -> String,
    import_missing: fn(&str) -> String,
    source_imported: fn(usize, usize) -> String,
    source_imported_unkept: fn(usize, usize) -> String,
}

impl Texts {
    pub fn tier(&self, tier: PeerTier) -> &'static str {
        self.viewer.tier(tier)
    }

    pub fn dimension(&self, d: Dimension) -> &'static str {
        self.viewer.dimension(d)
    }

    pub fn metric(&self, m: MetricId) -> &'static str {
        self.viewer.metric(m)
    }

    /// A metric value with its unit: rates as percent, times in hours or minutes.
    pub fn metric_value(&self, m: MetricId, value: f64) -> String {
        let zh = self.viewer.lang == Lang::Zh;
        use MetricId::*;
        match m {
            RefundOnlyHours | ReturnRefundHours | DeliveryHours => {
                if zh {
                    format!("{value:.1}小时")
                } else {
                    format!("{value:.1} h")
                }
            }
            FirstResponseMinutes => {
                if zh {
                    format!("{value:.1}分钟")
                } else {
                    format!("{value:.1} min")
                }
            }
            LiveEngagement => {
                if zh {
                    format!("{value:.1}条/千人分钟")
                } else {
                    format!("{value:.1} per 1k viewer-min")
                }
            }
            _ => format!("{:.1}%", value * 100.0),
        }
    }

    pub fn interval(&self, low: f64, high: f64) -> String {
        (self.interval)(low, high)
    }

    pub fn suggestion(&self, parts: &SuggestionText) -> String {
        (self.suggestion)(parts)
    }

    pub fn burst(&self, first: &str, last: &str, reviews: u32, usual: f64) -> String {
        (self.burst)(first, last, reviews, usual)
    }

    pub fn guard_counts(&self, ignored: u32, capped: u32) -> String {
        (self.guard_counts)(ignored, capped)
    }

    /// "x suspicious buyers, their y orders and z reviews are not counted (w of the recent
    /// orders)".
    pub fn guard_discounted(&self, buyers: u32, orders: u32, reviews: u32, recent: u64) -> String {
        (self.guard_discounted)(buyers, orders, reviews, recent)
    }

    pub fn spike(&self, product: &str, first: &str, last: &str, orders: u32, usual: f64) -> String {
        (self.spike)(product, first, last, orders, usual)
    }

    /// Why no tier is shown, in one sentence.
    pub fn shortfall(&self, s: &Shortfall) -> String {
        self.viewer.shortfall(s)
    }

    pub fn evidence(&self, e: Evidence) -> &'static str {
        (self.evidence)(e)
    }

    /// "Overall a → b (±c); tier x → y".
    pub fn what_if_result(
        &self,
        before: &str,
        after: &str,
        change: &str,
        placement_before: &str,
        placement_after: &str,
    ) -> String {
        (self.what_if_result)(before, after, change, placement_before, placement_after)
    }

    pub fn out_of_range(&self, min: f64, max: f64, unit: &str) -> String {
        (self.out_of_range)(min, max, unit)
    }

    /// The unit a metric is shown and edited in.
    pub fn unit(&self, m: MetricId) -> &'static str {
        let zh = self.viewer.lang == Lang::Zh;
        use MetricId::*;
        match (m, zh) {
            (RefundOnlyHours | ReturnRefundHours | DeliveryHours, true) => "小时",
            (RefundOnlyHours | ReturnRefundHours | DeliveryHours, false) => "h",
            (FirstResponseMinutes, true) => "分钟",
            (FirstResponseMinutes, false) => "min",
            (LiveEngagement, true) => "条/千人分钟",
            (LiveEngagement, false) => "per 1,000 viewer-min",
            (_, _) => "%",
        }
    }

    /// "better than x% of peers".
    pub fn better_than(&self, percent: u8) -> String {
        self.viewer.better_than(percent)
    }

    pub fn import_reading(&self, files: usize) -> String {
        (self.import_reading)(files)
    }

    pub fn import_clean(&self, accepted: u64) -> String {
        (self.import_clean)(accepted)
    }

    pub fn import_with_problems(&self, accepted: u64, skipped: u64, problems: u64) -> String {
        (self.import_with_problems)(accepted, skipped, problems)
    }

    pub fn import_more_problems(&self, more: u64) -> String {
        (self.import_more_problems)(more)
    }

    pub fn import_remove(&self, file: &str) -> String {
        (self.import_remove)(file)
    }

    /// Why the index cannot be computed yet: the tables no file gave a valid record of.
    pub fn import_missing(&self, tables: &str) -> String {
        (self.import_missing)(tables)
    }

    pub fn source_demo(&self, merchants: usize) -> String {
        (self.source_demo)(merchants)
    }

    pub fn source_imported(&self, merchants: usize, files: usize, kept: bool) -> String {
        if kept {
            (self.source_imported)(merchants, files)
        } else {
            (self.source_imported_unkept)(merchants, files)
        }
    }
}

static ZH: Texts = Texts {
    viewer: &VIEWER_ZH,
    reviews: &reviews::ZH,
    preview: &preview::ZH,
    clip: &clip::ZH,
    assistant: &assistant::ZH,
    room: &room::ZH,
    calendar: &calendar::ZH,
    coldstart: &coldstart::ZH,
    traffic: &traffic::ZH,
    natural: &natural::ZH,
    app_name: "回头客信任",
    skip_to_content: "跳到正文",
    nav_live_room: "直播间",
    language_label: "语言",
    live_room_title: "直播间",
    live_room_intro: "回头客推荐指数：与同类目商家相比的口碑表现。",
    not_found: "页面不存在",
    back_home: "返回直播间",
    nav_import: "导入数据",
    import_title: "导入数据",
    import_intro: "载入店铺自己的订单、评价等数据文件（JSON、NDJSON 或 CSV），逐条校验。",
    import_choose: "选择文件",
    import_drop_hint: "也可以把文件拖到这里。文件名需写明数据表，如 orders.ndjson、merchants.csv。",
    import_privacy: "文件只在本浏览器中读取，不会上传。",
    import_use: "用这些数据计算回头客推荐指数",
    import_files_caption: "文件",
    import_problems_caption: "问题",
    import_unrecognised: "无法识别",
    source_import_own: "导入自己的数据",
    import_picked: "已选择的文件",
    import_remove_short: "移除",
    import_clear: "清空所选文件",
    source_back_to_demo: "回到演示数据",
    import_detail: "原始信息",
    col_file: "文件",
    col_table: "数据表",
    col_records: "记录",
    col_accepted: "已接收",
    col_skipped: "已跳过",
    col_record: "行/记录",
    col_field: "字段",
    col_reason: "原因",
    view_details: "查看指数详情",
    loading: "正在计算回头客推荐指数……",
    source_pending: "正在准备数据……",
    merchant_title: "商家后台 · 回头客推荐指数",
    overall_score: "综合得分",
    dimensions_title: "四项维度与同行对比",
    chart_desc: "每个维度的得分（0–100），以及同类目同行的中位数和前10%水平。",
    legend_you: "本店",
    legend_median: "同行中位数",
    legend_top10: "同行前10%",
    metrics_title: "指标明细",
    col_metric: "指标",
    col_value: "数值",
    col_window: "统计周期",
    col_sample: "样本",
    col_percentile: "超过同行（%）",
    col_weight: "权重",
    col_contribution: "贡献分（合计即综合得分）",
    col_dimension: "维度",
    col_score: "得分",
    col_peer_median: "同行中位数",
    col_peer_top10: "同行前10%",
    suggestions_title: "提升建议",
    no_suggestions: "各项指标均已达到同行前10%水平。",
    what_if_title: "模拟调整",
    what_if_intro: "修改指标数值，立即看到得分、层级和各维度的变化。清空一项即恢复它的实际数值。",
    what_if_reset: "恢复实际数值",
    what_if_fix: "请先修正标出的数值。",
    what_if_dimensions: "各维度得分",
    what_if_now: "现在",
    what_if_then: "调整后",
    guard_title: "刷单与刷评识别",
    no_data: "无数据",
    guard_intro: "可疑买家的订单和评价不计入指数：证据来自账号、设备与地址、下单时间和评价内容，达到4分即剔除。",
    guard_none: "未发现可疑买家。",
    guard_reasons_caption: "剔除原因（每项为出现该证据的可疑买家数）",
    guard_examples_caption: "可疑买家示例",
    col_buyer: "买家",
    col_points: "证据分",
    col_evidence: "证据",
    col_orders: "订单",
    col_reviews: "评价",
    col_buyers: "买家数",
    col_status: "状态",
    why_no_tier: "为什么暂不显示层级",
    unknown_merchant: "找不到该商家",
    unknown_merchant_hint: "这个地址里的商家不在当前数据中。可以回到直播间，从店铺的「查看指数详情」进入。",
    windows_note: "统计周期因指标而异：评价和品质退款要等订单沉淀，统计 T-44 至 T-15 天支付的订单；发货统计到 T-3 天，保证每笔订单都满48小时；其余统计最近30天（T-30 至 T-1）。",
    weights_note: "权重为该指标在本店综合得分中的实际占比：没有数据的指标不计分，它的权重分给同维度（或其他维度）有数据的指标。",
    trend_title: "近五周综合得分走势",
    trend_desc: "每周同一天计算的综合得分（0–100）及其区间。",
    col_day: "日期",
    col_interval: "90% 可信区间",
    col_placement: "同行位置",
    interval: |l, h| format!("90% 可信区间 {l:.1}–{h:.1}（数据越少，区间越宽）"),
    suggestion: |s| {
        let level = if s.top10 {
            "同行前10%"
        } else {
            "同行中位数"
        };
        let verb = match s.direction {
            Direction::Raise => "提升",
            Direction::Lower => "降低",
            Direction::Shorten => "缩短",
        };
        let tier = match (s.new_tier, s.untiered_now) {
            (Some(t), true) => format!("，可获得层级「{t}」"),
            (Some(t), false) => format!("，层级变为「{t}」"),
            (None, _) => String::new(),
        };
        format!(
            "{}从{}{verb}到{}（{level}）→ 综合 +{:.1} 分，{} +{:.1} 分{tier}",
            s.metric, s.current, s.target, s.gain, s.dimension, s.dimension_gain
        )
    },

    burst: |f, l, n, u| {
        format!("{f} 至 {l}：{n} 条同类极端评价（平时48小时约 {u:.0} 条），是刷评证据。")
    },
    guard_counts: |i, c| {
        format!("另有 {i} 条评价未计入（订单未签收、签收前评价或非本人购买）；{c} 条超出单人上限。")
    },
    guard_discounted: |b, o, r, recent| {
        format!("已剔除 {b} 个可疑买家的 {o} 笔订单和 {r} 条评价，其中近30天订单 {recent} 笔。")
    },
    spike: |p, f, l, n, u| {
        format!("{f} 至 {l}：低价商品 {p} 共 {n} 笔订单（平时48小时约 {u:.0} 笔）。")
    },
    evidence: |e| match e {
        Evidence::NewAccount => "新注册账号",
        Evidence::OnlyThisShop => "只在本店购买",
        Evidence::SharedDevice => "多个账号共用设备",
        Evidence::SharedAddress => "多个账号共用收货地址",
        Evidence::OrderSpike => "低价商品订单突增",
        Evidence::NewcomerSpike => "突增订单多来自新账号",
        Evidence::ReviewBurst => "同类极端评价集中出现",
        Evidence::InstantReview => "签收后立即评价",
        Evidence::CopiedText => "评价与他人雷同",
        Evidence::LinkedToRing => "与已识别的刷单账号共用设备或地址",
        Evidence::WithTheRing => "与已识别的刷单账号同日购买同一商品",
    },
    what_if_result: |b, a, c, pb, pa| format!("模拟综合得分 {b} → {a}（{c}）；同行位置 {pb} → {pa}"),
    out_of_range: |lo, hi, u| format!("请输入 {lo}–{hi} 之间的数（单位：{u}）"),
    import_reading: |n| format!("正在读取 {n} 个文件……"),
    import_clean: |a| format!("全部 {a} 条记录校验通过。"),
    import_with_problems: |a, s, p| format!("已接收 {a} 条记录，跳过 {s} 条，共发现 {p} 个问题。"),
    import_more_problems: |m| format!("另有 {m} 个问题未列出。"),
    import_remove: |f| format!("移除 {f}"),
    import_missing: |t| format!("还不能计算指数：还缺少有效的{t}数据。请同时选择这些表的文件（如 categories.json、merchants.csv、products.ndjson、orders.ndjson）。"),
    source_demo: |m| format!("当前显示：演示数据（{m} 家商家，在本浏览器中生成）。"),
    source_imported: |m, f| format!("当前显示：你导入的数据（{m} 家商家，来自 {f} 个文件，保存在本浏览器中，刷新后仍在）。"),
    source_imported_unkept: |m, f| format!("当前显示：你导入的数据（{m} 家商家，来自 {f} 个文件）。本浏览器拒绝保存它们（如隐私模式或存储已满），刷新后会回到演示数据。"),
};

static EN: Texts = Texts {
    viewer: &VIEWER_EN,
    reviews: &reviews::EN,
    preview: &preview::EN,
    clip: &clip::EN,
    assistant: &assistant::EN,
    room: &room::EN,
    calendar: &calendar::EN,
    coldstart: &coldstart::EN,
    traffic: &traffic::EN,
    natural: &natural::EN,
    app_name: "livetrust",
    skip_to_content: "Skip to content",
    nav_live_room: "Live room",
    language_label: "Language",
    live_room_title: "Live room",
    live_room_intro:
        "Repeat-buyer recommendation index: how each shop compares with peers in its category.",
    not_found: "Page not found",
    back_home: "Back to the live room",
    nav_import: "Import data",
    import_title: "Import data",
    import_intro: "Load your shop's own data files (JSON, NDJSON or CSV): orders, reviews and more, checked record by record.",
    import_choose: "Choose files",
    import_drop_hint: "Or drop files here. File names must name their table, such as orders.ndjson or merchants.csv.",
    import_privacy: "Files are read in this browser only; nothing is uploaded.",
    import_use: "Compute the repeat-buyer index from this data",
    import_files_caption: "Files",
    import_problems_caption: "Problems",
    import_unrecognised: "not recognised",
    source_import_own: "Import your own data",
    import_picked: "Chosen files",
    import_remove_short: "Remove",
    import_clear: "Clear all files",
    source_back_to_demo: "Back to the demo",
    import_detail: "Parser detail",
    col_file: "File",
    col_table: "Table",
    col_records: "Records",
    col_accepted: "Accepted",
    col_skipped: "Skipped",
    col_record: "Line/record",
    col_field: "Field",
    col_reason: "Reason",
    view_details: "Index details",
    loading: "Computing the repeat-buyer index…",
    source_pending: "Preparing the data…",
    merchant_title: "Back office · Repeat-buyer index",
    overall_score: "Overall score",
    dimensions_title: "The four dimensions against peers",
    chart_desc: "Each dimension's score (0–100) with the peer median and the top 10 % of the category.",
    legend_you: "This shop",
    legend_median: "Peer median",
    legend_top10: "Peer top 10 %",
    metrics_title: "Metrics",
    col_metric: "Metric",
    col_value: "Value",
    col_window: "Window",
    col_sample: "Sample",
    col_percentile: "Better than peers (%)",
    col_weight: "Weight",
    col_contribution: "Points (they add up to the overall score)",
    col_dimension: "Dimension",
    col_score: "Score",
    col_peer_median: "Peer median",
    col_peer_top10: "Peer top 10 %",
    suggestions_title: "What to improve",
    no_suggestions: "Every metric is already at the level of the top 10 % of peers.",
    what_if_title: "What if",
    what_if_intro: "Change metric values and see the score, tier and each dimension change at once. Clear a field to go back to its actual value.",
    what_if_reset: "Back to actual values",
    what_if_fix: "Correct the marked values first.",
    what_if_dimensions: "Dimension scores",
    what_if_now: "Now",
    what_if_then: "After the change",
    guard_title: "Brushing guard",
    no_data: "no data",
    guard_intro: "Orders and reviews of suspicious buyers do not count: evidence comes from the account, shared devices and addresses, order timing and review text; 4 points discount a buyer.",
    guard_none: "No suspicious buyers found.",
    guard_reasons_caption: "Why (suspicious buyers showing each piece of evidence)",
    guard_examples_caption: "Examples of suspicious buyers",
    col_buyer: "Buyer",
    col_points: "Points",
    col_evidence: "Evidence",
    col_orders: "Orders",
    col_reviews: "Reviews",
    col_buyers: "Buyers",
    col_status: "Status",
    why_no_tier: "Why no tier is shown yet",
    unknown_merchant: "No such merchant",
    unknown_merchant_hint: "The merchant in this address is not in the current data. Go back to the live room and open a shop's index details from there.",
    windows_note: "Windows differ by metric: reviews and quality refunds need time to settle, so they cover orders paid from T-44 to T-15; shipping runs to T-3 so every order had its 48 hours; the rest cover the last 30 days (T-30 to T-1).",
    weights_note: "A weight is the metric's actual share of this shop's overall score: metrics without data score nothing and their weight goes to the metrics with data in the same (or another) dimension.",
    trend_title: "Overall score over the last five weeks",
    trend_desc: "The overall score (0–100) with its interval, computed on the same weekday each week.",
    col_day: "Day",
    col_interval: "90% interval",
    col_placement: "Among peers",
    interval: |l, h| format!("90% credible interval {l:.1}–{h:.1} (the less data, the wider)"),
    suggestion: |s| {
        let level = if s.top10 { "peer top 10 %" } else { "peer median" };
        let verb = match s.direction {
            Direction::Raise => "Raise",
            Direction::Lower => "Lower",
            Direction::Shorten => "Cut",
        };
        let tier = match (s.new_tier, s.untiered_now) {
            (Some(t), true) => format!(", earning the tier “{t}”"),
            (Some(t), false) => format!(", tier becomes “{t}”"),
            (None, _) => String::new(),
        };
        format!(
            "{verb} {} from {} to {} ({level}) → overall +{:.1}, {} +{:.1}{tier}",
            s.metric.to_lowercase(), s.current, s.target, s.gain, s.dimension, s.dimension_gain
        )
    },
    burst: |f, l, n, u| format!("{f} to {l}: {n} look-alike extreme reviews (usually about {u:.0} in 48 hours), evidence of bought reviews."),
    guard_counts: |i, c| format!("{i} more reviews are not counted (order not delivered, written before delivery, or not by the buyer); {c} are over the per-buyer cap."),
    guard_discounted: |b, o, r, recent| format!("{b} suspicious buyers discounted: {o} orders and {r} reviews do not count, {recent} of the orders in the last 30 days."),
    spike: |p, f, l, n, u| format!("{f} to {l}: {n} orders of the low-priced item {p} (usually about {u:.0} in 48 hours)."),
    evidence: |e| match e {
        Evidence::NewAccount => "New account",
        Evidence::OnlyThisShop => "Buys only here",
        Evidence::SharedDevice => "Device shared by many accounts",
        Evidence::SharedAddress => "Address shared by many accounts",
        Evidence::OrderSpike => "In a spike of low-priced orders",
        Evidence::NewcomerSpike => "In a spike mostly of new accounts",
        Evidence::ReviewBurst => "In a burst of look-alike reviews",
        Evidence::InstantReview => "Reviewed right after delivery",
        Evidence::CopiedText => "Review copied from another buyer",
        Evidence::LinkedToRing => "Shares a device or address with a discounted account",
        Evidence::WithTheRing => "Bought what discounted accounts bought, on their days",
    },
    what_if_result: |b, a, c, pb, pa| format!("Simulated overall score {b} → {a} ({c}); among peers {pb} → {pa}"),
    out_of_range: |lo, hi, u| format!("Enter a number from {lo} to {hi} ({u})"),
    import_reading: |n| format!("Reading {n} file(s)…"),
    import_clean: |a| format!("All {a} records are valid."),
    import_with_problems: |a, s, p| format!("{a} records accepted, {s} skipped, {p} problems found."),
    import_more_problems: |m| format!("{m} more problems are not listed."),
    import_remove: |f| format!("Remove {f}"),
    import_missing: |t| format!("The index cannot be computed yet: no valid records of {t}. Also choose files of these tables (such as categories.json, merchants.csv, products.ndjson, orders.ndjson)."),
    source_demo: |m| format!("Showing the demo data ({m} merchants, generated in this browser)."),
    source_imported: |m, f| format!("Showing your imported data ({m} merchants from {f} files, kept in this browser across reloads)."),
    source_imported_unkept: |m, f| format!("Showing your imported data ({m} merchants from {f} files). This browser refused to keep them (private mode or full storage), so a reload returns to the demo."),
};
