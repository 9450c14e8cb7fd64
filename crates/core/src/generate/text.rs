//! Chinese review and reply phrases, and how they are put together.
//!
//! A review's text is composed from the same facts as its ratings (a 1★ quality rating gets a
//! quality complaint, a slow delivery a logistics complaint), so text-based features and rating
//! features agree, as they mostly do on real platforms.

use super::categories::Kind;
use super::sample::Sample;
use crate::rng::SplitMix64;

/// Phrases about the goods, by category family: (good, middling, bad).
#[rustfmt::skip]
fn quality_phrases(kind: Kind) -> (&'static [&'static str], &'static [&'static str], &'static [&'static str]) {
    match kind {
        Kind::Food => (
            &["味道很好", "很新鲜，分量足", "口感不错", "吃着放心", "包装完好，没有坏的", "家里人都说好吃"],
            &["味道一般般", "分量有点少", "口感还行吧"],
            &["收到有坏的，一股怪味", "不新鲜，口感很差", "有好几个烂了", "快过期了，不新鲜", "跟直播间说的完全不一样"],
        ),
        Kind::Beauty => (
            &["用着很温和，不刺激", "保湿效果很好", "质地清爽，吸收快", "是正品，效果明显"],
            &["效果一般般", "味道有点重"],
            &["用了脸过敏发红", "怀疑不是正品", "用着搓泥，效果很差", "包装漏液了"],
        ),
        Kind::Apparel => (
            &["面料舒服，版型好看", "尺码标准，穿着很显瘦", "做工精细，没有线头", "很暖和，质量不错"],
            &["有点起球", "颜色和图片有点差别"],
            &["线头很多，做工很差", "洗一次就掉色", "尺码严重偏小，面料很薄", "跟图片完全不一样"],
        ),
        Kind::Home => (
            &["做工扎实，用着顺手", "质量很好，很厚实", "材质不错，没有异味"],
            &["质量一般，凑合用", "比想象的小一点"],
            &["做工粗糙，有异味", "用了几天就坏了", "材料很薄，跟描述不符"],
        ),
        Kind::Digital => (
            &["做工精细，功能齐全", "很好用，用着顺手", "质量不错，操作简单", "是正品，性能稳定"],
            &["功能一般，凑合用", "做工一般"],
            &["用了两天就坏了", "有划痕，像是二手的", "根本不好用，质量太差", "跟宣传的功能不一样"],
        ),
        Kind::Baby => (
            &["宝宝很喜欢", "材质安全，宝宝用着放心", "是正品，质量很好", "宝妈放心，质量没得说"],
            &["还行，宝宝不太喜欢", "一般般"],
            &["质量很差，跟描述不符", "怀疑不是正品", "有异味，不敢给宝宝用", "包装破损了", "做工粗糙，有毛刺"],
        ),
        Kind::Pet => (
            &["毛孩子很喜欢", "猫咪超爱", "质量很好，狗狗很喜欢", "用料实在，品质放心"],
            &["猫咪不太感兴趣", "一般般"],
            &["有股怪味，猫咪不喜欢", "质量很差，用几天就坏了", "跟图片不一样，做工粗糙"],
        ),
        Kind::Jewelry => (
            &["成色很好，很漂亮", "做工精致，有证书", "戴着很好看，是正品"],
            &["比想象的小一点", "做工一般"],
            &["颜色发暗，跟图片不一样", "戴了几天就掉色", "做工粗糙，怀疑是假的"],
        ),
    }
}

const LOGISTICS_GOOD: [&str; 4] = [
    "物流很快",
    "第二天就到了",
    "发货速度快，包装很严实",
    "快递送货上门",
];
const LOGISTICS_MID: [&str; 2] = ["物流还可以", "快递慢了一点"];
const LOGISTICS_BAD: [&str; 3] = [
    "物流太慢了，等了一个星期",
    "发货太慢，催了好几次",
    "快递很慢，包装都压坏了",
];
const SERVICE_GOOD: [&str; 3] = ["客服很耐心", "客服回复很快，态度好", "售后很负责"];
const SERVICE_BAD: [&str; 4] = [
    "客服不理人",
    "售后推来推去",
    "找客服半天没人回",
    "退款拖了好久",
];
const WORTH: [&str; 3] = ["性价比很高", "这个价格很值", "比超市便宜多了"];
const NOT_WORTH: [&str; 2] = ["有点贵，不值这个价", "这个价格买亏了"];
const CLOSING_GOOD: [&str; 4] = ["下次还来买", "推荐大家入手", "满意，好评", "会回购的"];
const CLOSING_BAD: [&str; 4] = ["不会再买了", "大家慎重", "很失望", "差评"];
const REPEAT: [&str; 3] = [
    "已经回购好几次了",
    "老顾客了，一直在这家买",
    "第二次买了，还是那么好",
];

/// The short generic praise of brushed reviews.
pub(super) const FAKE: [&str; 12] = [
    "好评",
    "很好很好",
    "非常好",
    "满意",
    "好评好评",
    "不错不错",
    "很棒",
    "五星好评",
    "东西很好",
    "挺好的",
    "很好",
    "好",
];

/// The 1★ of rating bombs: vague, loud, and never about a concrete order.
pub(super) const BOMB: [&str; 8] = [
    "垃圾，千万别买",
    "质量太差了，大家别上当",
    "骗人的，差评",
    "假货，别买",
    "差评差评",
    "太差了，退钱",
    "千万别买，后悔死了",
    "黑心商家，差评",
];

const REPLY_GOOD: [&str; 3] = [
    "感谢亲的支持，期待您再次光临～",
    "谢谢亲的认可，我们会继续努力的",
    "感谢好评，祝您生活愉快！",
];
const REPLY_BAD: [&str; 3] = [
    "非常抱歉给您带来不好的体验，已安排客服联系您处理",
    "亲，抱歉让您久等了，请联系在线客服为您补发或退款",
    "收到您的反馈，我们会加强品控，给您添麻烦了",
];

/// What the buyer experienced, on the rating scale (all present even when the buyer left some
/// ratings blank, because the text may still mention them).
#[derive(Debug, Clone, Copy)]
pub(super) struct Experience {
    pub overall: u8,
    pub quality: u8,
    pub logistics: u8,
    pub service: u8,
    pub worth: bool,
    /// The buyer has bought here before.
    pub returning: bool,
}

pub(super) fn review_text(rng: &mut SplitMix64, kind: Kind, e: &Experience) -> String {
    // Happy buyers often leave no text; unhappy ones always explain.
    if e.overall >= 4 && rng.chance(0.12) {
        return String::new();
    }
    let (good, mid, bad) = quality_phrases(kind);
    let mut parts: Vec<&str> = Vec::with_capacity(5);
    let quality = match e.quality {
        5 | 4 => good,
        3 => mid,
        _ => bad,
    };
    if e.quality <= 3 || rng.chance(0.8) {
        parts.push(rng.pick(quality));
    }
    let logistics_noted = e.logistics <= 3 || rng.chance(0.5);
    if logistics_noted {
        parts.push(match e.logistics {
            5 => rng.pick(&LOGISTICS_GOOD),
            4 if rng.chance(0.5) => rng.pick(&LOGISTICS_GOOD),
            4 | 3 => rng.pick(&LOGISTICS_MID),
            _ => rng.pick(&LOGISTICS_BAD),
        });
    }
    if e.service <= 2 {
        parts.push(rng.pick(&SERVICE_BAD));
    } else if e.service == 5 && rng.chance(0.25) {
        parts.push(rng.pick(&SERVICE_GOOD));
    }
    if rng.chance(0.35) || !e.worth {
        parts.push(if e.worth {
            rng.pick(&WORTH)
        } else {
            rng.pick(&NOT_WORTH)
        });
    }
    if e.overall >= 4 {
        if e.returning && rng.chance(0.6) {
            parts.push(rng.pick(&REPEAT));
        } else if rng.chance(0.5) {
            parts.push(rng.pick(&CLOSING_GOOD));
        }
    } else if e.overall <= 2 && rng.chance(0.6) {
        parts.push(rng.pick(&CLOSING_BAD));
    }
    if parts.is_empty() {
        parts.push(if e.overall >= 4 {
            rng.pick(&CLOSING_GOOD)
        } else {
            rng.pick(bad)
        });
    }
    parts.join("，")
}

pub(super) fn reply_text(rng: &mut SplitMix64, overall: u8) -> &'static str {
    if overall >= 4 {
        rng.pick(&REPLY_GOOD)
    } else {
        rng.pick(&REPLY_BAD)
    }
}
