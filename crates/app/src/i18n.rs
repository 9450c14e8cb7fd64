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
    pub nav_import: &'static str,
    pub import_title: &'static str,
    pub import_intro: &'static str,
    pub import_choose: &'static str,
    pub import_drop_hint: &'static str,
    pub import_privacy: &'static str,
    pub import_files_caption: &'static str,
    pub import_problems_caption: &'static str,
    pub col_file: &'static str,
    pub col_table: &'static str,
    pub col_records: &'static str,
    pub col_accepted: &'static str,
    pub col_skipped: &'static str,
    pub col_record: &'static str,
    pub col_field: &'static str,
    pub col_reason: &'static str,
    better_than: fn(u8) -> String,
    import_reading: fn(usize) -> String,
    import_clean: fn(u64) -> String,
    import_with_problems: fn(u64, u64, u64) -> String,
    import_more_problems: fn(u64) -> String,
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
    nav_import: "导入数据",
    import_title: "导入数据",
    import_intro: "载入店铺自己的订单、评价等数据文件（JSON、NDJSON 或 CSV），逐条校验。",
    import_choose: "选择文件",
    import_drop_hint: "也可以把文件拖到这里。文件名需写明数据表，如 orders.ndjson、merchants.csv。",
    import_privacy: "文件只在本浏览器中读取，不会上传。",
    import_files_caption: "文件",
    import_problems_caption: "问题",
    col_file: "文件",
    col_table: "数据表",
    col_records: "记录",
    col_accepted: "已接收",
    col_skipped: "已跳过",
    col_record: "行/记录",
    col_field: "字段",
    col_reason: "原因",
    better_than: |p| format!("超过{p}%同行"),
    import_reading: |n| format!("正在读取 {n} 个文件……"),
    import_clean: |a| format!("全部 {a} 条记录校验通过。"),
    import_with_problems: |a, s, p| format!("已接收 {a} 条记录，跳过 {s} 条，共发现 {p} 个问题。"),
    import_more_problems: |m| format!("另有 {m} 个问题未列出。"),
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
    nav_import: "Import data",
    import_title: "Import data",
    import_intro: "Load your shop's own data files (JSON, NDJSON or CSV): orders, reviews and more, checked record by record.",
    import_choose: "Choose files",
    import_drop_hint: "Or drop files here. File names must name their table, such as orders.ndjson or merchants.csv.",
    import_privacy: "Files are read in this browser only; nothing is uploaded.",
    import_files_caption: "Files",
    import_problems_caption: "Problems",
    col_file: "File",
    col_table: "Table",
    col_records: "Records",
    col_accepted: "Accepted",
    col_skipped: "Skipped",
    col_record: "Line/record",
    col_field: "Field",
    col_reason: "Reason",
    better_than: |p| format!("better than {p}% of peers"),
    import_reading: |n| format!("Reading {n} file(s)…"),
    import_clean: |a| format!("All {a} records are valid."),
    import_with_problems: |a, s, p| format!("{a} records accepted, {s} skipped, {p} problems found."),
    import_more_problems: |m| format!("{m} more problems are not listed."),
};
