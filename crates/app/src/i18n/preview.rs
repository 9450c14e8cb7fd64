//! The back office's live-preview editor, in Chinese (default) and English: labels, states, and
//! every validation problem as a sentence (the machine-readable kinds stay the core's).

use livetrust_core::preview::money::{format_yuan, MoneyProblem};
use livetrust_core::preview::{PreviewProblemKind, Role};

#[derive(Debug)]
pub struct PreviewTexts {
    pub nav: &'static str,
    pub intro: &'static str,
    pub basics: &'static str,
    pub start: &'static str,
    pub start_hint: &'static str,
    pub minutes: &'static str,
    pub title_field: &'static str,
    pub cover_text: &'static str,
    pub products: &'static str,
    pub products_hint: &'static str,
    pub add_product: &'static str,
    pub choose_product: &'static str,
    pub role: &'static str,
    pub live_price: &'static str,
    pub list_price: &'static str,
    pub stock: &'static str,
    pub stock_hint: &'static str,
    pub copy: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub remove: &'static str,
    pub generate: &'static str,
    pub generate_hint: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub card_heading: &'static str,
    pub audience_heading: &'static str,
    pub audience_working: &'static str,
    pub audience_unavailable: &'static str,
    pub audience_empty: &'static str,
    pub drivers: &'static str,
    pub ready: &'static str,
    pub problems_heading: &'static str,
    pub saved: &'static str,
    pub saving: &'static str,
    pub busy: &'static str,
    pub take_over: &'static str,
    pub read_only: &'static str,
    pub lost: &'static str,
    pub conflict: &'static str,
    pub load_theirs: &'static str,
    pub keep_mine: &'static str,
    pub full: &'static str,
    pub unavailable: &'static str,
    pub export: &'static str,
    pub no_products: &'static str,
    pub note_no_hero: &'static str,
    pub note_no_sales: &'static str,
    title: fn(&str) -> String,
    role_name: fn(Role) -> &'static str,
    chars: fn(usize, u32) -> String,
    package: fn(u64, u64) -> String,
    reservations: fn(f64, u64, u64) -> String,
    driver: fn(&str, u64, f64) -> String,
    problem: fn(&PreviewProblemKind) -> String,
    money: fn(MoneyProblem) -> String,
    product_option: fn(&str, i64) -> String,
}

impl PreviewTexts {
    pub fn title(&self, shop: &str) -> String {
        (self.title)(shop)
    }
    pub fn role_name(&self, role: Role) -> &'static str {
        (self.role_name)(role)
    }
    /// "12 / 30 字".
    pub fn chars(&self, n: usize, max: u32) -> String {
        (self.chars)(n, max)
    }
    /// The package's size among the buyers scored.
    pub fn package(&self, size: u64, scored: u64) -> String {
        (self.package)(size, scored)
    }
    pub fn reservations(&self, expected: f64, low: u64, high: u64) -> String {
        (self.reservations)(expected, low, high)
    }
    pub fn driver(&self, product: &str, buyers: u64, share: f64) -> String {
        (self.driver)(product, buyers, share)
    }
    pub fn problem(&self, problem: &PreviewProblemKind) -> String {
        (self.problem)(problem)
    }
    pub fn money(&self, problem: MoneyProblem) -> String {
        (self.money)(problem)
    }
    pub fn product_option(&self, title: &str, list_fen: i64) -> String {
        (self.product_option)(title, list_fen)
    }
}

pub static ZH: PreviewTexts = PreviewTexts {
    nav: "直播预告",
    intro: "提前公布爆款和福利款，观众在预告阶段就知道有哪些好货；每次修改都会自动保存在本浏览器。",
    basics: "基本信息",
    start: "开播时间（北京时间）",
    start_hint: "至少提前10分钟，最多提前30天。",
    minutes: "直播时长（分钟）",
    title_field: "预告标题",
    cover_text: "封面文案",
    products: "直播商品（按上架顺序）",
    products_hint: "至少一款爆款；福利款的直播价须低于原价，并设置限量库存。",
    add_product: "添加商品",
    choose_product: "选择要添加的商品",
    role: "角色",
    live_price: "直播价（元）",
    list_price: "原价",
    stock: "限量库存（件）",
    stock_hint: "留空表示不限量",
    copy: "卖点文案",
    move_up: "上移",
    move_down: "下移",
    remove: "移除",
    generate: "根据数据生成",
    generate_hint: "按近30天销量、品质和折扣生成；你改过的内容不会被覆盖。",
    undo: "撤销",
    redo: "重做",
    card_heading: "观众看到的预告",
    audience_heading: "人群包预估",
    audience_working: "正在后台计算人群包…",
    audience_unavailable: "此浏览器无法在后台计算人群包。",
    audience_empty: "添加商品后即可预估人群包。",
    drivers: "带来预约的商品",
    ready: "预告可以发布：没有需要修改的地方。",
    problems_heading: "发布前需要修改",
    saved: "已自动保存",
    saving: "正在保存…",
    busy: "这份预告正在另一个标签页中编辑。",
    take_over: "在这里继续编辑",
    read_only: "当前为只读",
    lost: "另一个标签页接管了编辑；这里改为只读，你的内容已保存。",
    conflict: "另一个标签页刚保存了这份预告的新版本。",
    load_theirs: "载入那个版本",
    keep_mine: "保留我的版本",
    full: "浏览器存储空间已满，草稿无法保存。请导出草稿，以免丢失。",
    unavailable: "此浏览器不允许保存草稿（可能是无痕模式）。请导出草稿，以免丢失。",
    export: "导出草稿（JSON）",
    no_products: "这家店铺没有商品，无法生成预告。",
    note_no_hero: "没有商品达到爆款的品质标准，已先用销量最高的商品，请确认。",
    note_no_sales: "近30天没有销售，生成结果只参考了原价。",
    title: |shop| format!("{shop} · 直播预告"),
    role_name: |role| match role {
        Role::Hero => "爆款",
        Role::Welfare => "福利款",
        Role::Regular => "常规款",
    },
    chars: |n, max| format!("{n} / {max} 字"),
    package: |size, scored| format!("人群包 {size} 人（共评估 {scored} 位买家）"),
    reservations: |e, lo, hi| format!("预计预约 {e:.1} 人，区间 {lo}–{hi} 人"),
    driver: |p, n, share| format!("{p}：{n} 人，占预计预约 {:.0}%", share * 100.0),
    problem: |p| match p {
        PreviewProblemKind::StartTooSoon { min_lead_minutes } => {
            format!("开播时间至少要在{min_lead_minutes}分钟之后。")
        }
        PreviewProblemKind::StartTooFar { max_lead_days } => {
            format!("开播时间最多只能提前{max_lead_days}天。")
        }
        PreviewProblemKind::MinutesOutOfRange { min, max } => {
            format!("直播时长须在{min}到{max}分钟之间。")
        }
        PreviewProblemKind::TextTooShort { chars, min } => {
            format!("至少{min}个字，现在{chars}个。")
        }
        PreviewProblemKind::TextTooLong { chars, max } => format!("最多{max}个字，现在{chars}个。"),
        PreviewProblemKind::ControlCharacter { code } => {
            format!("含有不能显示的控制字符 U+{code:04X}，请删除。")
        }
        PreviewProblemKind::NoHero => "至少要有一款爆款。".into(),
        PreviewProblemKind::TooManyItems { max } => format!("最多{max}款商品。"),
        PreviewProblemKind::EmptyProductId => "商品编号不能为空。".into(),
        PreviewProblemKind::DuplicateProduct { first } => {
            format!("这款商品已经在第{}个位置。", first + 1)
        }
        PreviewProblemKind::NotPositive => "须大于0。".into(),
        PreviewProblemKind::TooLarge { max_fen } => format!("不能超过¥{}。", format_yuan(*max_fen)),
        PreviewProblemKind::WelfareNotBelowList { list_price_fen } => format!(
            "福利款的直播价须低于原价¥{}。",
            format_yuan(*list_price_fen)
        ),
        PreviewProblemKind::AboveList { list_price_fen } => {
            format!("直播价不能高于原价¥{}。", format_yuan(*list_price_fen))
        }
        PreviewProblemKind::WelfareNeedsStock => "福利款须设置限量库存。".into(),
        PreviewProblemKind::CouponInvalid => "优惠券的减免金额须大于0且低于直播价。".into(),
        PreviewProblemKind::UnknownProduct => "店铺里没有这款商品。".into(),
        PreviewProblemKind::NotMerchantsProduct => "这不是本店的商品。".into(),
        PreviewProblemKind::ListPriceChanged { catalog_fen } => {
            format!(
                "原价已改为¥{}，请重新添加这款商品。",
                format_yuan(*catalog_fen)
            )
        }
    },
    money: |p| match p {
        MoneyProblem::Empty => "请填写金额。".into(),
        MoneyProblem::NotANumber => "请填写数字金额，例如 9.90。".into(),
        MoneyProblem::NotWholeFen => "金额最多保留两位小数（精确到分）。".into(),
        MoneyProblem::TooLarge => "金额太大。".into(),
    },
    product_option: |title, list| format!("{title}（原价¥{}）", format_yuan(list)),
};

pub static EN: PreviewTexts = PreviewTexts {
    nav: "Live preview",
    intro: "Announce the best sellers and welfare deals before the session, so viewers know what is coming; every change is saved in this browser as you make it.",
    basics: "Basics",
    start: "Start (Beijing time)",
    start_hint: "At least 10 minutes and at most 30 days ahead.",
    minutes: "Length (minutes)",
    title_field: "Title",
    cover_text: "Cover text",
    products: "Products (in on-air order)",
    products_hint: "At least one best seller; a welfare deal's live price must be below its list price, with a stock limit.",
    add_product: "Add a product",
    choose_product: "Choose a product to add",
    role: "Role",
    live_price: "Live price (yuan)",
    list_price: "List price",
    stock: "Stock limit (pieces)",
    stock_hint: "Empty: no limit",
    copy: "Selling line",
    move_up: "Move up",
    move_down: "Move down",
    remove: "Remove",
    generate: "Generate from the data",
    generate_hint: "From the last 30 days' sales, quality and discounts; what you changed is kept.",
    undo: "Undo",
    redo: "Redo",
    card_heading: "What viewers see",
    audience_heading: "Audience package estimate",
    audience_working: "Computing the audience package in the background…",
    audience_unavailable: "This browser cannot compute the audience package in the background.",
    audience_empty: "Add products to estimate the audience package.",
    drivers: "Products that bring reservations",
    ready: "Ready to publish: nothing to fix.",
    problems_heading: "To fix before publishing",
    saved: "Saved automatically",
    saving: "Saving…",
    busy: "This preview is being edited in another tab.",
    take_over: "Edit here instead",
    read_only: "Read only",
    lost: "Another tab took over editing; this one is read only now, and your changes are saved.",
    conflict: "Another tab just saved a newer version of this preview.",
    load_theirs: "Load that version",
    keep_mine: "Keep my version",
    full: "The browser's storage is full and the draft cannot be saved. Export it so nothing is lost.",
    unavailable: "This browser does not allow saving drafts (private mode?). Export it so nothing is lost.",
    export: "Export the draft (JSON)",
    no_products: "This shop has no products to build a preview from.",
    note_no_hero: "No product met the best-seller quality bar; the top seller was used anyway, please check it.",
    note_no_sales: "No sales in the last 30 days: the proposal follows list prices only.",
    title: |shop| format!("{shop} · Live preview"),
    role_name: |role| match role {
        Role::Hero => "Best seller",
        Role::Welfare => "Welfare deal",
        Role::Regular => "Regular",
    },
    chars: |n, max| format!("{n} / {max} characters"),
    package: |size, scored| format!("Audience package: {size} buyers (of {scored} scored)"),
    reservations: |e, lo, hi| format!("Expected reservations: {e:.1} (range {lo}–{hi})"),
    driver: |p, n, share| format!("{p}: {n} buyers, {:.0}% of expected reservations", share * 100.0),
    problem: |p| match p {
        PreviewProblemKind::StartTooSoon { min_lead_minutes } => {
            format!("The start must be at least {min_lead_minutes} minutes from now.")
        }
        PreviewProblemKind::StartTooFar { max_lead_days } => {
            format!("The start can be at most {max_lead_days} days ahead.")
        }
        PreviewProblemKind::MinutesOutOfRange { min, max } => {
            format!("The length must be {min} to {max} minutes.")
        }
        PreviewProblemKind::TextTooShort { chars, min } => {
            format!("At least {min} characters; it has {chars}.")
        }
        PreviewProblemKind::TextTooLong { chars, max } => format!("At most {max} characters; it has {chars}."),
        PreviewProblemKind::ControlCharacter { code } => {
            format!("Holds the control character U+{code:04X}; remove it.")
        }
        PreviewProblemKind::NoHero => "At least one product must be a best seller.".into(),
        PreviewProblemKind::TooManyItems { max } => format!("At most {max} products."),
        PreviewProblemKind::EmptyProductId => "The product id is empty.".into(),
        PreviewProblemKind::DuplicateProduct { first } => {
            format!("This product is already at position {}.", first + 1)
        }
        PreviewProblemKind::NotPositive => "Must be above 0.".into(),
        PreviewProblemKind::TooLarge { max_fen } => format!("At most ¥{}.", format_yuan(*max_fen)),
        PreviewProblemKind::WelfareNotBelowList { list_price_fen } => format!(
            "A welfare deal's live price must be below the list price ¥{}.",
            format_yuan(*list_price_fen)
        ),
        PreviewProblemKind::AboveList { list_price_fen } => format!(
            "The live price cannot be above the list price ¥{}.",
            format_yuan(*list_price_fen)
        ),
        PreviewProblemKind::WelfareNeedsStock => "A welfare deal needs a stock limit.".into(),
        PreviewProblemKind::CouponInvalid => {
            "A coupon must take off more than 0 and less than the live price.".into()
        }
        PreviewProblemKind::UnknownProduct => "The shop has no such product.".into(),
        PreviewProblemKind::NotMerchantsProduct => "This is not one of the shop's products.".into(),
        PreviewProblemKind::ListPriceChanged { catalog_fen } => format!(
            "The list price is now ¥{}; add the product again.",
            format_yuan(*catalog_fen)
        ),
    },
    money: |p| match p {
        MoneyProblem::Empty => "Enter an amount.".into(),
        MoneyProblem::NotANumber => "Enter a number, such as 9.90.".into(),
        MoneyProblem::NotWholeFen => "At most two decimals (whole fen).".into(),
        MoneyProblem::TooLarge => "The amount is too large.".into(),
    },
    product_option: |title, list| format!("{title} (list ¥{})", format_yuan(list)),
};
