//! The clean-up before anything is shown: each rule names why a review is left out. Texts are
//! never changed; rules only read them (through `text::normalize`, which also decodes HTML
//! entities and folds full-width forms).
//!
//! Near duplicates: MinHash over the normal form's character shingles (64 hash functions), with
//! locality-sensitive hashing (16 bands of 4) to find candidate pairs; a pair whose estimated
//! Jaccard similarity reaches `nearDuplicate` is a near duplicate.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::normalize;

/// Normal forms that say nothing by themselves: platform placeholders and bare praise.
pub const BOILERPLATE: &[&str] = &[
    "此用户未填写评价",
    "此用户没有填写评价",
    "该用户未填写评价",
    "用户未填写评价",
    "未填写评价内容",
    "评价方未及时做出评价系统默认好评",
    "系统默认好评",
    "默认好评",
    "五星好评",
    "好评",
    "非常好",
    "很好",
    "不错",
    "满意",
    "好",
];

/// Words of a web page's navigation, found in text scraped together with the page.
pub const NAVIGATION: &[&str] = &[
    "首页",
    "登录",
    "注册",
    "购物车",
    "我的订单",
    "上一页",
    "下一页",
    "返回顶部",
    "帮助中心",
    "客服中心",
    "版权所有",
    "copyright",
    "网站地图",
    "加入收藏",
    "关于我们",
    "联系我们",
    "全部评价",
    "收藏本站",
];

const HASHES: usize = 64;
const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;

/// A text's normal form and MinHash signature.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    pub normal: String,
    signature: [u64; HASHES],
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Fingerprint {
    pub fn of(text: &str, shingle: usize) -> Self {
        let normal = normalize(text);
        let chars: Vec<char> = normal.chars().collect();
        let mut signature = [u64::MAX; HASHES];
        let width = shingle.max(1).min(chars.len().max(1));
        for window in chars.windows(width) {
            let mut h = 0xcbf2_9ce4_8422_2325u64;
            for &c in window {
                h = mix(h ^ u64::from(c));
            }
            for (i, slot) in signature.iter_mut().enumerate() {
                let v = mix(h ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
                if v < *slot {
                    *slot = v;
                }
            }
        }
        Fingerprint { normal, signature }
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets.
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        if self.normal.is_empty() || other.normal.is_empty() {
            return if self.normal == other.normal {
                1.0
            } else {
                0.0
            };
        }
        let same = self
            .signature
            .iter()
            .zip(&other.signature)
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / HASHES as f64
    }

    fn band_keys(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        (0..BANDS).map(move |b| {
            let key = self.signature[b * ROWS..(b + 1) * ROWS]
                .iter()
                .fold(b as u64, |h, &v| mix(h ^ v));
            (b, key)
        })
    }
}

/// Finds near-duplicate candidates: an index of band keys over the texts added so far.
#[derive(Debug, Default)]
pub struct NearIndex {
    bands: FxHashMap<(usize, u64), Vec<usize>>,
}

impl NearIndex {
    /// Texts added earlier that share a band with `f` (candidates, to be verified).
    pub fn candidates(&self, f: &Fingerprint) -> FxHashSet<usize> {
        let mut out = FxHashSet::default();
        for key in f.band_keys() {
            if let Some(list) = self.bands.get(&key) {
                out.extend(list.iter().copied());
            }
        }
        out
    }

    pub fn add(&mut self, id: usize, f: &Fingerprint) {
        for key in f.band_keys() {
            self.bands.entry(key).or_default().push(id);
        }
    }
}

/// Whether the normal form is only placeholders and bare praise.
pub fn is_boilerplate(normal: &str, min_chars: usize) -> bool {
    if normal.is_empty() {
        return false;
    }
    let mut rest = normal.to_owned();
    let mut found = false;
    for phrase in BOILERPLATE {
        if rest.contains(phrase) {
            found = true;
            rest = rest.replace(phrase, "");
        }
    }
    found && rest.chars().count() < min_chars
}

/// Whether the text reads like a scraped page rather than a review: a link, or two or more
/// navigation words.
pub fn is_navigation_junk(text: &str, normal: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") {
        return true;
    }
    NAVIGATION.iter().filter(|w| normal.contains(*w)).count() >= 2
}
