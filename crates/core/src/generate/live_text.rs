//! What the streamer says: greeting, product explanation with the price, 福利款 announcements,
//! "还有三分钟上车" before the next product, Q&A and the goodbye, timed to the on-air schedule.

use super::categories::Kind;
use super::sample::{yuan, Sample};
use crate::model::TranscriptSegment;
use crate::rng::SplitMix64;

/// A product's turn on air, as the script needs it (seconds from the session start).
#[derive(Debug, Clone)]
pub(super) struct Slot {
    /// Index into the products table.
    pub product: usize,
    pub title: String,
    pub list_fen: i64,
    pub live_fen: i64,
    /// A 福利款: a deep discount that pulls viewers and orders.
    pub hero: bool,
    pub start: u32,
    pub end: u32,
    pub planned: u32,
}

const GREETINGS: [&str; 5] = [
    "欢迎刚进来的家人们，点点关注不迷路",
    "家人们晚上好，今天给大家准备了好多福利，不要走开",
    "先扣个1让我看看有多少家人在",
    "新来的宝宝点个关注，主播每天晚上八点准时开播",
    "今天的福利款一会儿就上，大家先把小黄车点开看看",
];
const GOODBYES: [&str; 4] = [
    "今天的直播就到这里，感谢家人们的陪伴",
    "没抢到的家人别着急，明天晚上八点不见不散",
    "拍了的家人记得催单，我们四十八小时内发货",
    "谢谢大家，点个关注下次开播第一时间通知你",
];
const URGENCY: [&str; 4] = [
    "库存不多了，拍完就没了",
    "已经抢了好多单了，还没拍的抓紧",
    "这个价格只有直播间有，下了播就恢复原价",
    "后台再给大家加一百单，手慢无",
];
const GENERAL_QA: [(&str, &str); 4] = [
    ("什么时候发货", "四十八小时内发货"),
    ("有运费险吗", "有的，放心拍"),
    ("能开发票吗", "可以的，联系客服开"),
    ("库存还有多少", "后台看着不多了，抓紧"),
];
const WELCOME: [&str; 3] = [
    "欢迎新进来的家人，左上角点个关注",
    "刚进来的宝宝看一下，我们正在讲的是这款",
    "点赞点起来，点到十万再加一波福利",
];

#[rustfmt::skip]
fn features(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Food => &["口感清甜，汁水很足", "产地直发，新鲜看得见", "不添加防腐剂，老人孩子都能吃", "坏果包赔，放心拍"],
        Kind::Beauty => &["温和不刺激，敏感肌也能用", "质地很清爽，一抹就吸收", "正品保障，假一赔十", "用完皮肤水水润润的"],
        Kind::Apparel => &["面料透气，版型显瘦", "做工很细，没有线头", "今年最流行的颜色", "支持七天无理由退换"],
        Kind::Home => &["做工扎实，用得久", "材质安全，没有异味", "家里用刚刚好", "一年只换不修"],
        Kind::Digital => &["做工精细，功能齐全", "正品行货，全国联保", "操作简单，老人也会用", "一年质保，坏了包换"],
        Kind::Baby => &["材质安全，宝妈放心", "宝宝超喜欢", "正品保障，假一赔十", "大牌同厂，品质有保障"],
        Kind::Pet => &["毛孩子超喜欢", "用料实在，品质放心", "猫狗都能用", "大品牌代工，品质放心"],
        Kind::Jewelry => &["足金999，附检测证书", "做工精致，送人有面子", "支持专柜检测", "款式经典，戴多久都不过时"],
    }
}

#[rustfmt::skip]
fn questions(kind: Kind) -> &'static [(&'static str, &'static str)] {
    match kind {
        Kind::Food => &[("好不好吃", "不好吃包退"), ("保质期多久", "详情页写着呢，都是新日期"), ("有坏的怎么办", "拍照联系客服，坏一个赔一个")],
        Kind::Beauty => &[("孕妇能用吗", "成分很温和，孕妇也可以用"), ("是正品吗", "官方授权，假一赔十"), ("油皮能用吗", "油皮干皮都可以")],
        Kind::Apparel => &[("尺码怎么选", "平时穿什么码就拍什么码"), ("会起球吗", "不会起球，放心穿"), ("有没有运费险", "有的，不合适包退")],
        Kind::Home => &[("多大尺寸", "详情页有尺寸，拍之前量一下"), ("有味道吗", "没有味道，拆开就能用"), ("包安装吗", "送货上门，免费安装")],
        Kind::Digital => &[("保修多久", "一年质保，全国联保"), ("兼容苹果吗", "苹果安卓都能用"), ("是新机吗", "全新未拆封，支持验货")],
        Kind::Baby => &[("多大的宝宝能用", "详情页写着呢，按月龄选"), ("是正品吗", "品牌授权，假一赔十"), ("能退吗", "没拆封随时退")],
        Kind::Pet => &[("幼猫能用吗", "全阶段都能用"), ("毛孩子不喜欢怎么办", "不喜欢包退"), ("是正品吗", "品牌授权，放心拍")],
        Kind::Jewelry => &[("是真金吗", "足金999，附证书，支持检测"), ("能调大小吗", "开口可调节"), ("有礼盒吗", "送精美礼盒")],
    }
}

/// Segments are added in time order; a line is dropped when it would run past `limit_ms`.
struct Script {
    segments: Vec<TranscriptSegment>,
    cursor_ms: u32,
}

impl Script {
    fn say(&mut self, rng: &mut SplitMix64, text: String, limit_ms: u32) -> bool {
        let chars = text.chars().count() as u32;
        let start = self.cursor_ms + rng.int(800, 7000) as u32;
        let end = start + (chars * 230).max(1500) + rng.int(0, 800) as u32;
        if end > limit_ms {
            return false;
        }
        self.segments.push(TranscriptSegment {
            start_ms: start,
            end_ms: end,
            text,
        });
        self.cursor_ms = end;
        true
    }
}

pub(super) fn transcript(
    rng: &mut SplitMix64,
    kind: Kind,
    shop: &str,
    slots: &[Slot],
    duration: u32,
) -> Vec<TranscriptSegment> {
    let total_ms = duration.saturating_mul(1000);
    let mut s = Script {
        segments: Vec::with_capacity(duration as usize / 8),
        cursor_ms: 0,
    };
    let first = slots.first().map_or(duration, |x| x.start) * 1000;
    s.say(rng, format!("欢迎来到{shop}直播间"), first);
    let mut greetings = GREETINGS;
    rng.shuffle(&mut greetings);
    for line in greetings {
        if !s.say(rng, line.to_owned(), first) {
            break;
        }
    }
    for (i, slot) in slots.iter().enumerate() {
        let next = slots.get(i + 1);
        let limit = next.map_or(slot.end, |n| n.start).max(slot.end) * 1000;
        s.cursor_ms = s.cursor_ms.max(slot.start * 1000);
        let price = yuan(slot.live_fen);
        let opening = if slot.hero {
            format!(
                "福利款来了！{}，直播间只要{price}元，数量有限拼手速",
                slot.title
            )
        } else {
            format!("来看这款{}", slot.title)
        };
        s.say(rng, opening, limit);
        s.say(
            rng,
            format!("原价{}元，今天直播间到手价{price}元", yuan(slot.list_fen)),
            limit,
        );
        s.say(rng, format!("喜欢的家人直接拍{}号链接", i + 1), limit);
        if slot.hero {
            s.say(
                rng,
                "倒数三个数上链接，三、二、一，上车！".to_owned(),
                limit,
            );
        }
        let mut announced = next.is_none();
        let mut recent: Vec<String> = Vec::with_capacity(4);
        loop {
            let line = match next {
                Some(n) if !announced && s.cursor_ms + 180_000 >= n.planned * 1000 => {
                    announced = true;
                    format!("下一款{}还有三分钟上车，家人们准备好", n.title)
                }
                _ => {
                    // Avoid repeating any of the last four lines.
                    let mut line = filler(rng, kind, slot, i + 1, &price);
                    for _ in 0..3 {
                        if !recent.contains(&line) {
                            break;
                        }
                        line = filler(rng, kind, slot, i + 1, &price);
                    }
                    line
                }
            };
            if recent.len() == 4 {
                recent.remove(0);
            }
            recent.push(line.clone());
            if !s.say(rng, line, limit) {
                break;
            }
        }
    }
    let last_end = slots.last().map_or(0, |x| x.end) * 1000;
    s.cursor_ms = s.cursor_ms.max(last_end);
    for line in GOODBYES {
        if !s.say(rng, line.to_owned(), total_ms) {
            break;
        }
    }
    s.segments
}

/// A line while a product is on air: features, Q&A, urgency, a price reminder or a welcome.
fn filler(rng: &mut SplitMix64, kind: Kind, slot: &Slot, link: usize, price: &str) -> String {
    match rng.weighted(&[25, 20, 10, 15, 15, 8]) {
        0 => rng.pick(features(kind)).to_owned(),
        1 => {
            let (q, a) = rng.pick(questions(kind));
            format!("有家人问{q}？{a}")
        }
        2 => {
            let (q, a) = rng.pick(&GENERAL_QA);
            format!("有家人问{q}？{a}")
        }
        3 => rng.pick(&URGENCY).to_owned(),
        4 => format!("{}，到手价{price}元，拍{link}号链接", slot.title),
        _ => rng.pick(&WELCOME).to_owned(),
    }
}
