//! Shop names (山里鲜果园, 老杨家土蜂蜜, 植然官方旗舰店) and product titles, composed from word lists.
//!
//! The pattern follows the merchant type because that is how real shops are named: brands carry
//! 官方旗舰店, streamers their nickname, vertical sellers a place or a family name.

use std::collections::BTreeSet;

use super::categories::{Kind, L2Def};
use super::sample::Sample;
use crate::model::MerchantType;
use crate::rng::SplitMix64;

const PLACES: [&str; 24] = [
    "山里",
    "海边",
    "东北",
    "云南",
    "新疆",
    "赣南",
    "烟台",
    "五常",
    "丹东",
    "潮汕",
    "四川",
    "湖南",
    "江南",
    "岭南",
    "大凉山",
    "长白山",
    "舟山",
    "黄山",
    "草原",
    "西湖",
    "太行",
    "秦岭",
    "塞北",
    "苏杭",
];
const SURNAMES: [&str; 18] = [
    "杨", "王", "李", "张", "刘", "陈", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "郭", "何",
    "林", "罗",
];
const NICKNAMES: [&str; 16] = [
    "小美", "阿敏", "大鹏", "小雨", "胖哥", "甜甜", "阿强", "小七", "莉莉", "大熊", "二丫", "小鱼",
    "阿杰", "糖糖", "芳芳", "壮壮",
];
const SUFFIXES: [&str; 12] = [
    "铺",
    "坊",
    "小铺",
    "小店",
    "仓",
    "工坊",
    "直发",
    "严选",
    "好物",
    "优选",
    "精品店",
    "生活馆",
];
const BRAND_FIRST: [&str; 20] = [
    "植", "悦", "源", "禾", "初", "森", "雅", "臻", "沐", "拾", "素", "朗", "青", "元", "嘉", "优",
    "宜", "米", "橙", "栗",
];
const BRAND_SECOND: [&str; 20] = [
    "然", "序", "光", "选", "物", "木", "本", "颜", "纪", "品", "森", "语", "觅", "屿", "舍", "里",
    "集", "味", "造", "境",
];

fn brand(rng: &mut SplitMix64) -> String {
    format!("{}{}", rng.pick(&BRAND_FIRST), rng.pick(&BRAND_SECOND))
}

fn candidate(rng: &mut SplitMix64, kind: MerchantType, l2: &L2Def) -> String {
    let word = rng.pick(l2.shop_words);
    match kind {
        MerchantType::Individual => {
            let nick = rng.pick(&NICKNAMES);
            match rng.index(4) {
                0 => format!("{nick}的{word}小店"),
                1 => format!("{nick}严选"),
                2 => format!("{nick}爱{word}"),
                _ => format!("跟着{nick}买{word}"),
            }
        }
        MerchantType::Vertical => match rng.index(3) {
            0 => format!("{}{word}{}", rng.pick(&PLACES), rng.pick(&SUFFIXES)),
            1 => format!("老{}家{word}", rng.pick(&SURNAMES)),
            _ => format!("{}记{word}{}", rng.pick(&SURNAMES), rng.pick(&SUFFIXES)),
        },
        MerchantType::Brand => format!("{}官方旗舰店", brand(rng)),
        MerchantType::FastBrand => {
            if rng.chance(0.5) {
                format!("{}{word}", brand(rng))
            } else {
                format!("{}{word}旗舰店", brand(rng))
            }
        }
        MerchantType::ServiceProvider => {
            if rng.chance(0.5) {
                format!("{}{word}专营店", rng.pick(&PLACES))
            } else {
                format!("{}{word}专卖店", brand(rng))
            }
        }
    }
}

/// A shop name not used yet: a few fresh draws, then a numbered branch (二店, 3号店) so names
/// stay unique however many merchants are asked for.
pub(super) fn shop_name(
    rng: &mut SplitMix64,
    kind: MerchantType,
    l2: &L2Def,
    taken: &mut BTreeSet<String>,
) -> String {
    let mut name = candidate(rng, kind, l2);
    for _ in 0..6 {
        if !taken.contains(&name) {
            break;
        }
        name = candidate(rng, kind, l2);
    }
    if taken.contains(&name) {
        let base = name.clone();
        let mut n = 2u64;
        while taken.contains(&name) {
            name = if n == 2 {
                format!("{base}二店")
            } else {
                format!("{base}{n}号店")
            };
            n += 1;
        }
    }
    taken.insert(name.clone());
    name
}

const FOOD_PREFIXES: [&str; 5] = ["产地直发", "当季新鲜", "现摘现发", "农家自产", "直播间专享"];
const PREFIXES: [&str; 5] = ["新款", "爆款", "直播专享", "官方正品", "厂家直销"];

/// A product title: an optional selling prefix, the item and a spec (产地直发 赣南脐橙 5斤装).
pub(super) fn product_title(rng: &mut SplitMix64, l2: &L2Def, item: &str) -> String {
    let spec = rng.pick(l2.specs);
    if rng.chance(0.5) {
        let prefixes: &[&str] = if l2.kind() == Kind::Food {
            &FOOD_PREFIXES
        } else {
            &PREFIXES
        };
        format!("{}{item} {spec}", rng.pick(prefixes))
    } else {
        format!("{item} {spec}")
    }
}
