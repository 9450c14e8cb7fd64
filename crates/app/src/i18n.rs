//! Interface strings in Chinese (default) and English, as a typed table: a missing translation is a
//! compile error, and the whole table costs a few hundred bytes of wasm.

use livetrust_core::peer_tier::PeerTier;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// BCP 47 tag for the `lang` attribute of `<html>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// Every fixed string of the interface.
#[derive(Debug)]
pub struct Texts {
    pub app_name: &'static str,
    pub nav_live_room: &'static str,
    pub language_label: &'static str,
    pub live_room_title: &'static str,
    pub live_room_intro: &'static str,
    pub index_name: &'static str,
    pub not_found: &'static str,
    pub back_home: &'static str,
    pub tier_leading: &'static str,
    pub tier_average: &'static str,
    pub tier_slightly_below: &'static str,
    better_than: fn(u8) -> String,
}

impl Texts {
    pub fn tier(&self, tier: PeerTier) -> &'static str {
        match tier {
            PeerTier::Leading => self.tier_leading,
            PeerTier::Average => self.tier_average,
            PeerTier::SlightlyBelow => self.tier_slightly_below,
        }
    }

    /// "better than x% of peers".
    pub fn better_than(&self, percent: u8) -> String {
        (self.better_than)(percent)
    }
}

static ZH: Texts = Texts {
    app_name: "回头客信任",
    nav_live_room: "直播间",
    language_label: "语言",
    live_room_title: "直播间",
    live_room_intro: "回头客推荐指数：与同类目商家相比的口碑表现。",
    index_name: "回头客推荐指数",
    not_found: "页面不存在",
    back_home: "返回直播间",
    tier_leading: "领先",
    tier_average: "平均",
    tier_slightly_below: "略低于同行",
    better_than: |p| format!("超过{p}%同行"),
};

static EN: Texts = Texts {
    app_name: "livetrust",
    nav_live_room: "Live room",
    language_label: "Language",
    live_room_title: "Live room",
    live_room_intro:
        "Repeat-buyer recommendation index: how each shop compares with peers in its category.",
    index_name: "Repeat-buyer index",
    not_found: "Page not found",
    back_home: "Back to the live room",
    tier_leading: "Leading",
    tier_average: "Average",
    tier_slightly_below: "Slightly below peers",
    better_than: |p| format!("better than {p}% of peers"),
};
