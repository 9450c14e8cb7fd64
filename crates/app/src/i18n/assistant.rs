//! The back office's live assistant (直播助手) page, in Chinese (default) and English.

#[derive(Debug)]
pub struct AssistantTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub session: &'static str,
    pub no_sessions: &'static str,
    pub clock: &'static str,
    pub clock_hint: &'static str,
    pub set_clock: &'static str,
    pub plan_heading: &'static str,
    pub in5: &'static str,
    pub in10: &'static str,
    pub on_air: &'static str,
    pub at_time: &'static str,
    pub stage_at: &'static str,
    pub product: &'static str,
    pub zone_heading: &'static str,
    pub zone_empty: &'static str,
    pub on_air_now: &'static str,
    pub nothing_on_air: &'static str,
    pub off_air: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub unstage: &'static str,
    pub due: &'static str,
    pub matching_heading: &'static str,
    pub matching_intro: &'static str,
    pub matched: &'static str,
    pub expected: &'static str,
    pub change: &'static str,
    pub by_product: &'static str,
    pub first_matched: &'static str,
    pub buyer: &'static str,
    pub affinity: &'static str,
    pub nothing_matched: &'static str,
    pub clip_link: &'static str,
    pub saved: &'static str,
    pub saving: &'static str,
    pub save_failed: &'static str,
    pub other_tab: &'static str,
    pub loading: &'static str,
    pub refused: &'static str,
}

impl AssistantTexts {
    pub fn is_zh(&self) -> bool {
        std::ptr::eq(self, &ZH)
    }

    /// "in m min s s" / "还有 m 分 s 秒".
    pub fn countdown(&self, seconds: u32) -> String {
        if self.is_zh() {
            format!("还有 {} 分 {} 秒", seconds / 60, seconds % 60)
        } else {
            format!("in {} min {} s", seconds / 60, seconds % 60)
        }
    }

    pub fn move_label(&self, up: bool, title: &str) -> String {
        let verb = if up { self.up } else { self.down };
        format!("{verb}：{title}")
    }
}

impl PartialEq for AssistantTexts {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub static ZH: AssistantTexts = AssistantTexts {
    nav: "直播助手",
    title: "直播助手 · 上车准备区",
    intro: "把接下来 5 或 10 分钟要上车的商品放进上车准备区，平台会提前为它们匹配人群，把更精准的流量引进直播间；观众在直播间看到“即将上车”和倒计时，引流短视频的“即将上车”片段也跟着它。",
    session: "直播场次",
    no_sessions: "这家店还没有直播场次。",
    clock: "直播时钟（时:分:秒，从开播算起）",
    clock_hint: "上车时间从这一刻算起，不能早于它。",
    set_clock: "设定时钟",
    plan_heading: "本场直播商品",
    in5: "5 分钟后上车",
    in10: "10 分钟后上车",
    on_air: "上车",
    at_time: "上车时间（时:分:秒）",
    stage_at: "定时上车",
    product: "商品",
    zone_heading: "上车准备区",
    zone_empty: "准备区还是空的：从本场直播商品里选一个放进来。",
    on_air_now: "正在讲解",
    nothing_on_air: "现在没有商品上车。",
    off_air: "下车",
    up: "上移",
    down: "下移",
    unstage: "移出",
    due: "已到上车时间",
    matching_heading: "优先匹配人群",
    matching_intro: "平台用直播预告人群包的同一套兴趣评分，为 10 分钟内上车的商品优先匹配买家，并按进房率估计会多来多少观众。",
    matched: "优先匹配的买家",
    expected: "预计多来的观众（10 分钟内）",
    change: "比上一次调整",
    by_product: "按商品",
    first_matched: "最先触达的买家",
    buyer: "买家",
    affinity: "兴趣分",
    nothing_matched: "10 分钟内没有待上车的商品，暂不匹配。",
    clip_link: "看引流短视频",
    saved: "准备区已保存在本机",
    saving: "正在保存…",
    save_failed: "保存失败：浏览器存储不可用或已满。",
    other_tab: "另一个标签页修改了准备区，这里显示的是最新版本。",
    loading: "正在加载…",
    refused: "没有执行",
};

pub static EN: AssistantTexts = AssistantTexts {
    nav: "Live assistant",
    title: "Live assistant · staging zone",
    intro: "Put the products that go on air in the next 5 or 10 minutes into the staging zone: the platform matches an audience for them in advance and steers more precise traffic into the room. Viewers see them as “coming up” with a countdown, and the lead-in clip's “coming up” segment follows them.",
    session: "Session",
    no_sessions: "This shop has no live sessions yet.",
    clock: "Session clock (h:mm:ss from the start)",
    clock_hint: "On-air times count from here and cannot be earlier.",
    set_clock: "Set clock",
    plan_heading: "The session's products",
    in5: "On air in 5 min",
    in10: "On air in 10 min",
    on_air: "On air now",
    at_time: "On-air time (h:mm:ss)",
    stage_at: "Stage at time",
    product: "Product",
    zone_heading: "Staging zone",
    zone_empty: "The zone is empty: stage one of the session's products.",
    on_air_now: "On air",
    nothing_on_air: "No product is on air.",
    off_air: "Off air",
    up: "Move up",
    down: "Move down",
    unstage: "Remove",
    due: "Due now",
    matching_heading: "Priority audience matching",
    matching_intro: "The platform scores buyers for the products staged within 10 minutes with the preview audience package's interest formula, and estimates the extra viewers from the entry rate.",
    matched: "Buyers matched first",
    expected: "Extra viewers expected (10 min)",
    change: "Since the last change",
    by_product: "By product",
    first_matched: "Reached first",
    buyer: "Buyer",
    affinity: "Interest",
    nothing_matched: "Nothing is staged within 10 minutes: no matching yet.",
    clip_link: "Lead-in clip",
    saved: "Zone saved in this browser",
    saving: "Saving…",
    save_failed: "Saving failed: browser storage is unavailable or full.",
    other_tab: "Another tab changed the zone; this shows the latest version.",
    loading: "Loading…",
    refused: "Not done",
};
