//! The back office's lead-in clip page, in Chinese (default) and English.

use livetrust_core::clip::{Part, SegmentOrigin};

#[derive(Debug)]
pub struct ClipTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub session: &'static str,
    pub no_sessions: &'static str,
    pub moment: &'static str,
    pub moment_hint: &'static str,
    pub moment_invalid: &'static str,
    pub budget: &'static str,
    pub order: &'static str,
    pub chronological: &'static str,
    pub strongest_first: &'static str,
    pub reset: &'static str,
    pub chart_heading: &'static str,
    pub chart_score: &'static str,
    pub chart_viewers: &'static str,
    pub chart_orders: &'static str,
    pub chart_moment: &'static str,
    pub segments_heading: &'static str,
    pub previously: &'static str,
    pub coming_up: &'static str,
    pub lock: &'static str,
    pub unlock: &'static str,
    pub locked: &'static str,
    pub remove: &'static str,
    pub edges_hint: &'static str,
    pub score: &'static str,
    pub breakdown: &'static str,
    pub components: [&'static str; 8],
    pub origin_peak: &'static str,
    pub origin_mention: &'static str,
    pub origin_explain: &'static str,
    pub origin_now: &'static str,
    pub origin_locked: &'static str,
    pub player_heading: &'static str,
    pub pick_recording: &'static str,
    pub privacy: &'static str,
    pub play: &'static str,
    pub stop: &'static str,
    pub no_recording: &'static str,
    pub export_heading: &'static str,
    pub saved: &'static str,
    pub saving: &'static str,
    pub save_failed: &'static str,
    pub other_tab: &'static str,
    pub plan_failed: &'static str,
    pub loading: &'static str,
}

/// Two texts are the same language when they are the same table.
impl PartialEq for ClipTexts {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl ClipTexts {
    pub fn part(&self, p: Part) -> &'static str {
        match p {
            Part::Previously => self.previously,
            Part::ComingUp => self.coming_up,
        }
    }

    pub fn origin(&self, o: SegmentOrigin) -> &'static str {
        match o {
            SegmentOrigin::Peak => self.origin_peak,
            SegmentOrigin::Mention => self.origin_mention,
            SegmentOrigin::Explain => self.origin_explain,
            SegmentOrigin::Now => self.origin_now,
            SegmentOrigin::Locked => self.origin_locked,
        }
    }

    pub fn is_zh(&self) -> bool {
        std::ptr::eq(self, &ZH)
    }

    /// "Segment 3 start" / "第 3 段起点".
    pub fn edge(&self, n: usize, start: bool) -> String {
        match (self.is_zh(), start) {
            (true, true) => format!("第 {n} 段起点"),
            (true, false) => format!("第 {n} 段终点"),
            (false, true) => format!("Segment {n} start"),
            (false, false) => format!("Segment {n} end"),
        }
    }

    /// A frame position as spoken: "1 分 4 秒 12 帧" / "1 minute 4 seconds 12 frames".
    pub fn frames_text(&self, frames: u32, fps: u32) -> String {
        let fps = fps.max(1);
        let (total, f) = (frames / fps, frames % fps);
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
        if self.is_zh() {
            let mut out = String::new();
            if h > 0 {
                out.push_str(&format!("{h} 小时 "));
            }
            out.push_str(&format!("{m} 分 {s} 秒 {f} 帧"));
            out
        } else {
            let unit =
                |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
            let mut parts = Vec::new();
            if h > 0 {
                parts.push(unit(h, "hour", "hours"));
            }
            parts.push(unit(m, "minute", "minutes"));
            parts.push(unit(s, "second", "seconds"));
            parts.push(unit(f, "frame", "frames"));
            parts.join(" ")
        }
    }

    pub fn summary(&self, segments: usize, seconds: f64, score: f64) -> String {
        if self.is_zh() {
            format!("共 {segments} 段，{seconds:.1} 秒，总分 {score:.2}")
        } else {
            format!("{segments} segments, {seconds:.1} s, total score {score:.2}")
        }
    }

    pub fn playing(&self, n: usize, of: usize) -> String {
        if self.is_zh() {
            format!("正在播放第 {n}/{of} 段")
        } else {
            format!("Playing segment {n} of {of}")
        }
    }

    pub fn export(&self, format: &str) -> String {
        if self.is_zh() {
            format!("导出 {format}")
        } else {
            format!("Export {format}")
        }
    }
}

pub static ZH: ClipTexts = ClipTexts {
    nav: "引流短视频",
    title: "直播引流短视频",
    intro: "从本场直播的数据中挑出最精彩的时刻（前情回顾）和接下来要上车的商品（即将上车），在 30 秒内剪成一条引流短视频。拖动或用键盘调整片段，锁定或移除后方案会立即围绕你的修改重新计算。",
    session: "直播场次",
    no_sessions: "这位商家还没有带逐秒数据的直播场次。",
    moment: "剪辑时刻（时:分:秒，从开播算起）",
    moment_hint: "前情回顾只用这一刻之前的画面；即将上车取这一刻之后 10 分钟内上车的商品。",
    moment_invalid: "请输入 时:分:秒，例如 1:42:15，且不晚于直播结束。",
    budget: "时长上限",
    order: "片段顺序",
    chronological: "按时间",
    strongest_first: "最精彩的先播",
    reset: "恢复自动方案",
    chart_heading: "直播数据与入选片段",
    chart_score: "精彩度",
    chart_viewers: "在线人数",
    chart_orders: "订单",
    chart_moment: "剪辑时刻",
    segments_heading: "剪辑方案",
    previously: "前情回顾",
    coming_up: "即将上车",
    lock: "锁定",
    unlock: "解除锁定",
    locked: "已锁定",
    remove: "移除",
    edges_hint: "起点和终点可以拖动，或聚焦后用方向键（±1 帧）、PageUp/PageDown（±1 秒）、Home/End 调整；调整后的片段会被锁定。",
    score: "得分",
    breakdown: "得分构成",
    components: ["在线人数", "评论", "点赞", "礼物", "订单", "成交额", "讲解", "点名商品"],
    origin_peak: "数据高峰",
    origin_mention: "主播点名该商品",
    origin_explain: "该商品的讲解",
    origin_now: "当前画面",
    origin_locked: "你锁定的片段",
    player_heading: "预览",
    pick_recording: "选择本场录像",
    privacy: "录像只在本机浏览器里播放，不会上传。",
    play: "播放剪辑方案",
    stop: "停止",
    no_recording: "选择录像后即可按方案预览。",
    export_heading: "导出",
    saved: "修改已保存在本机",
    saving: "正在保存…",
    save_failed: "浏览器无法保存修改（存储已满或被禁用）；请导出 JSON 备份。",
    other_tab: "另一个标签页修改了这个方案，这里显示的是最新版本。",
    plan_failed: "无法生成方案：",
    loading: "正在加载…",
};

pub static EN: ClipTexts = ClipTexts {
    nav: "Lead-in clip",
    title: "30-second lead-in clip",
    intro: "The session's best moments so far (previously) and the product going on air next (coming up), picked from its own data and cut into a lead-in clip of at most 30 seconds. Drag or use the keyboard to adjust a segment; lock or remove one and the plan is recomputed around your change at once.",
    session: "Live session",
    no_sessions: "This merchant has no live session with per-second data yet.",
    moment: "Clip moment (h:mm:ss from the start)",
    moment_hint: "\"Previously\" uses footage before this moment; \"coming up\", products going on air within 10 minutes after it.",
    moment_invalid: "Enter h:mm:ss, for example 1:42:15, no later than the session's end.",
    budget: "Length limit",
    order: "Segment order",
    chronological: "In time order",
    strongest_first: "Strongest first",
    reset: "Back to the automatic plan",
    chart_heading: "The session and the chosen segments",
    chart_score: "Highlight score",
    chart_viewers: "Viewers",
    chart_orders: "Orders",
    chart_moment: "Clip moment",
    segments_heading: "The plan",
    previously: "Previously",
    coming_up: "Coming up",
    lock: "Lock",
    unlock: "Unlock",
    locked: "Locked",
    remove: "Remove",
    edges_hint: "Drag a start or end, or focus it and use the arrow keys (±1 frame), Page Up/Page Down (±1 second), Home/End; a segment you adjust is locked.",
    score: "Score",
    breakdown: "Score breakdown",
    components: ["Viewers", "Comments", "Likes", "Gifts", "Orders", "GMV", "Explaining", "Product named"],
    origin_peak: "A peak in the data",
    origin_mention: "The streamer names the product",
    origin_explain: "The product explained",
    origin_now: "The room right now",
    origin_locked: "Locked by you",
    player_heading: "Preview",
    pick_recording: "Choose the session's recording",
    privacy: "The recording plays in this browser only; nothing is uploaded.",
    play: "Play the plan",
    stop: "Stop",
    no_recording: "Choose the recording to preview the plan.",
    export_heading: "Export",
    saved: "Changes saved in this browser",
    saving: "Saving…",
    save_failed: "This browser cannot keep your changes (storage full or blocked); export the JSON to keep them.",
    other_tab: "Another tab changed this plan; the latest version is shown.",
    plan_failed: "No plan: ",
    loading: "Loading…",
};
