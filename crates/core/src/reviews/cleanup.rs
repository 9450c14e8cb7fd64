//! The clean-up before anything is shown: each rule names why a review is left out. Texts are
//! never changed; rules only read them (through `text::normalize`, which also decodes HTML
//! entities and folds full-width forms).
//!
//! Near duplicates: MinHash over the normal form's character shingles (64 hash functions) with
//! locality-sensitive hashing (16 bands of 4) finds candidate pairs; a candidate whose shingle
//! sets' Jaccard similarity, computed exactly, reaches `nearDuplicate` is a near duplicate.

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
/// One seed per hash function: fixed, so every shell computes the same signatures.
const SEEDS: [u64; HASHES] = {
    let mut seeds = [0u64; HASHES];
    let mut i = 0;
    let mut z = 0x2545_f491_4f6c_dd1du64;
    while i < HASHES {
        z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut x = z;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        seeds[i] = x ^ (x >> 31);
        i += 1;
    }
    seeds
};

/// A text's normal form and MinHash signature.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    pub normal: String,
    /// Characters of the normal form.
    pub chars: usize,
    shingles: Vec<u64>,
    signature: [u64; HASHES],
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Fingerprint {
    /// The shingles' hashes (a full mix of each shingle's characters), sorted and without
    /// repeats, and their MinHash signature: function `i` permutes each hash cheaply, by one
    /// multiplication after xor with a seed of its own and a final xor-shift.
    pub fn of(text: &str, shingle: usize) -> Self {
        Self::of_normal(normalize(text), shingle)
    }

    /// The fingerprint of a text whose normal form (`text::normalize`) is `normal`.
    pub fn of_normal(normal: String, shingle: usize) -> Self {
        let chars: Vec<char> = normal.chars().collect();
        let width = shingle.max(1).min(chars.len().max(1));
        let mut shingles: Vec<u64> = chars
            .windows(width)
            .map(|window| {
                window
                    .iter()
                    .fold(0xcbf2_9ce4_8422_2325u64, |h, &c| mix(h ^ u64::from(c)))
            })
            .collect();
        shingles.sort_unstable();
        shingles.dedup();
        let mut signature = [u64::MAX; HASHES];
        for &h in &shingles {
            for (slot, seed) in signature.iter_mut().zip(SEEDS.iter()) {
                let v = (h ^ seed).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                let v = v ^ (v >> 29);
                if v < *slot {
                    *slot = v;
                }
            }
        }
        Fingerprint {
            chars: chars.len(),
            normal,
            shingles,
            signature,
        }
    }

    /// The Jaccard similarity of the two texts' shingle sets (exact, up to 64-bit hash
    /// collisions); 1 for two empty texts.
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        let (a, b) = (&self.shingles, &other.shingles);
        if a.is_empty() || b.is_empty() {
            return if a.is_empty() && b.is_empty() {
                1.0
            } else {
                0.0
            };
        }
        let (mut i, mut j, mut same) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    same += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        same as f64 / (a.len() + b.len() - same) as f64
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

/// Whether the normal form is nothing but placeholders and bare praise: at most one character
/// is left without them ("默认好评", "好评好评!", "很好很好啊"). A short text with something of
/// its own ("早餐不错") is not boilerplate; it is judged by its length.
pub fn is_boilerplate(normal: &str) -> bool {
    if normal.is_empty() {
        return false;
    }
    // Two characters that occur in no phrase stay whatever is removed: not boilerplate (most
    // texts end here, after one pass).
    let foreign = normal
        .chars()
        .filter(|c| !BOILERPLATE.iter().any(|p| p.contains(*c)))
        .nth(1);
    if foreign.is_some() {
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
    found && rest.chars().count() < 2
}

/// Whether the text reads like a scraped page rather than a review: a link, or two or more
/// navigation words.
pub fn is_navigation_junk(text: &str, normal: &str) -> bool {
    has_link(text) || has_navigation_words(normal)
}

/// Whether the text holds `http://`, `https://` or `www.` (any case).
pub fn has_link(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Every pattern has a ':' or a '.': most reviews have neither and end here.
    if !bytes.iter().any(|&b| b == b':' || b == b'.') {
        return false;
    }
    ["http://", "https://", "www."].iter().any(|p| {
        bytes
            .windows(p.len())
            .any(|w| w.eq_ignore_ascii_case(p.as_bytes()))
    })
}

/// Whether the normal form holds two or more navigation words of a web page.
pub fn has_navigation_words(normal: &str) -> bool {
    NAVIGATION
        .iter()
        .filter(|w| normal.contains(*w))
        .nth(1)
        .is_some()
}
