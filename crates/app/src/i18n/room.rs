//! The viewer's live room page (`/live/:session`) and the list of rooms on air, in Chinese
//! (default) and English.

#[derive(Debug)]
pub struct RoomTexts {
    pub rooms_heading: &'static str,
    pub rooms_intro: &'static str,
    pub enter: &'static str,
    pub replay: &'static str,
    pub clock: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    pub recording: &'static str,
    pub stand_in: &'static str,
    pub explaining: &'static str,
    pub between: &'static str,
    pub viewers: &'static str,
    pub cart: &'static str,
    pub cart_count: &'static str,
    pub on_air: &'static str,
    pub buy: &'static str,
    pub nothing_on_air: &'static str,
    pub coming_up: &'static str,
    pub coming_up_empty: &'static str,
    pub due: &'static str,
    pub from_zone: &'static str,
    pub from_recording: &'static str,
    pub unknown_room: &'static str,
    pub back: &'static str,
    pub loading: &'static str,
    pub ended: &'static str,
}

impl RoomTexts {
    pub fn is_zh(&self) -> bool {
        std::ptr::eq(self, &ZH)
    }

    /// "m:ss 后上车" / "on air in m:ss".
    pub fn countdown(&self, seconds: u32) -> String {
        let t = format!("{}:{:02}", seconds / 60, seconds % 60);
        if self.is_zh() {
            format!("{t} 后上车")
        } else {
            format!("on air in {t}")
        }
    }

    /// The count of products in the cart.
    pub fn products(&self, n: usize) -> String {
        if self.is_zh() {
            format!("{n} 件商品")
        } else if n == 1 {
            "1 product".to_owned()
        } else {
            format!("{n} products")
        }
    }

    /// The audience, "1.2万" style in Chinese.
    pub fn audience(&self, n: u32) -> String {
        if self.is_zh() && n >= 10_000 {
            format!("{}{:.1}万", self.viewers, f64::from(n) / 10_000.0)
        } else if self.is_zh() {
            format!("{}{n}", self.viewers)
        } else {
            format!("{n} {}", self.viewers)
        }
    }
}

impl PartialEq for RoomTexts {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub static ZH: RoomTexts = RoomTexts {
    rooms_heading: "正在直播",
    rooms_intro:
        "进入直播间，看正在讲解的商品、即将上车的商品和回头客怎么说（演示数据的直播为回放）。",
    enter: "进入直播间",
    replay: "回放",
    clock: "直播时间",
    pause: "暂停回放",
    resume: "继续回放",
    recording: "用本地录像回放",
    stand_in: "直播画面（示意）",
    explaining: "正在讲解",
    between: "主播正在准备下一件商品",
    viewers: "观看 ",
    cart: "小黄车",
    cart_count: "全部商品",
    on_air: "讲解中",
    buy: "去看看",
    nothing_on_air: "现在没有商品在讲解",
    coming_up: "即将上车",
    coming_up_empty: "本场直播接下来没有安排上车的商品。",
    due: "马上上车",
    from_zone: "来自主播的上车准备区",
    from_recording: "来自本场直播的上车计划",
    unknown_room: "找不到这个直播间",
    back: "返回直播间列表",
    loading: "正在进入直播间…",
    ended: "本场直播已结束",
};

pub static EN: RoomTexts = RoomTexts {
    rooms_heading: "On air now",
    rooms_intro: "Enter a room to see the product being presented, what comes on air next and what repeat buyers say (the demo's sessions are replays).",
    enter: "Enter the room",
    replay: "replay",
    clock: "Session time",
    pause: "Pause the replay",
    resume: "Resume the replay",
    recording: "Replay a local recording",
    stand_in: "Stream (stand-in)",
    explaining: "Presenting",
    between: "The host is getting the next product ready",
    viewers: "viewers",
    cart: "Cart",
    cart_count: "All products",
    on_air: "On air",
    buy: "View",
    nothing_on_air: "No product is on air right now",
    coming_up: "Coming up",
    coming_up_empty: "Nothing more is staged for this session.",
    due: "Any moment",
    from_zone: "From the host's staging zone",
    from_recording: "From this session's plan",
    unknown_room: "This room does not exist",
    back: "Back to the rooms",
    loading: "Entering the room…",
    ended: "This session has ended",
};
