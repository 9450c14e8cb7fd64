//! Aspect tags (大家都在说): aspect + opinion pairs found in Chinese review text with a compact
//! e-commerce lexicon — no segmenter, no dictionary download. An aspect word followed, within a
//! few characters, by one of that aspect's opinion words makes a mention ("物流很快" → 物流快);
//! a negator right before the opinion turns it ("质量不好" → 质量不好, negative). Each review
//! counts once per tag.

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

/// Whether a tag praises or criticises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Polarity {
    Positive,
    Negative,
}

impl Polarity {
    pub const ALL: [Polarity; 2] = [Polarity::Positive, Polarity::Negative];

    /// The JSON name (as serde writes it; a test compares), for readers without serde.
    pub const fn json_name(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }
    }
}

/// One aspect: its name, the words that mention it, and its opinions as (word, label, polarity):
/// the label is what the tag says after the aspect's name.
struct Aspect {
    name: &'static str,
    words: &'static [&'static str],
    opinions: &'static [(&'static str, &'static str, Polarity)],
}

use Polarity::{Negative as N, Positive as P};

const LEXICON: &[Aspect] = &[
    Aspect {
        name: "质量",
        words: &["质量", "品质", "做工", "材质", "用料"],
        opinions: &[
            ("非常好", "好", P),
            ("很好", "好", P),
            ("挺好", "好", P),
            ("不错", "不错", P),
            ("好", "好", P),
            ("扎实", "扎实", P),
            ("结实", "结实", P),
            ("精细", "精细", P),
            ("一般", "一般", N),
            ("很差", "差", N),
            ("太差", "差", N),
            ("差", "差", N),
            ("粗糙", "粗糙", N),
        ],
    },
    Aspect {
        name: "物流",
        words: &["物流", "快递", "发货", "送货", "配送"],
        opinions: &[
            ("超快", "快", P),
            ("很快", "快", P),
            ("挺快", "快", P),
            ("快", "快", P),
            ("及时", "快", P),
            ("很慢", "慢", N),
            ("太慢", "慢", N),
            ("慢", "慢", N),
        ],
    },
    Aspect {
        name: "包装",
        words: &["包装"],
        opinions: &[
            ("非常好", "好", P),
            ("很好", "好", P),
            ("不错", "不错", P),
            ("严实", "严实", P),
            ("精美", "精美", P),
            ("好", "好", P),
            ("一般", "一般", N),
            ("简陋", "简陋", N),
            ("破损", "破损", N),
            ("破了", "破损", N),
            ("差", "差", N),
        ],
    },
    Aspect {
        name: "味道",
        words: &["味道", "口感", "口味"],
        opinions: &[
            ("很好", "好", P),
            ("不错", "不错", P),
            ("好", "好", P),
            ("鲜美", "鲜美", P),
            ("正宗", "正宗", P),
            ("一般", "一般", N),
            ("太咸", "偏咸", N),
            ("偏咸", "偏咸", N),
            ("咸", "偏咸", N),
            ("太甜", "偏甜", N),
            ("偏甜", "偏甜", N),
            ("太淡", "偏淡", N),
            ("偏淡", "偏淡", N),
            ("差", "差", N),
        ],
    },
    Aspect {
        name: "性价比",
        words: &["性价比"],
        opinions: &[
            ("超高", "高", P),
            ("很高", "高", P),
            ("高", "高", P),
            ("低", "低", N),
        ],
    },
    Aspect {
        name: "价格",
        words: &["价格", "价钱"],
        opinions: &[
            ("实惠", "实惠", P),
            ("便宜", "实惠", P),
            ("划算", "实惠", P),
            ("偏贵", "偏贵", N),
            ("太贵", "偏贵", N),
            ("贵", "偏贵", N),
            ("偏高", "偏贵", N),
        ],
    },
    Aspect {
        name: "客服",
        words: &["客服", "服务", "态度", "卖家"],
        opinions: &[
            ("很好", "好", P),
            ("热情", "热情", P),
            ("耐心", "耐心", P),
            ("周到", "周到", P),
            ("不错", "不错", P),
            ("好", "好", P),
            ("冷淡", "冷淡", N),
            ("敷衍", "敷衍", N),
            ("很差", "差", N),
            ("差", "差", N),
        ],
    },
    Aspect {
        name: "尺码",
        words: &["尺码", "大小", "尺寸", "码数"],
        opinions: &[
            ("合适", "合适", P),
            ("正好", "合适", P),
            ("标准", "合适", P),
            ("偏小", "偏小", N),
            ("偏大", "偏大", N),
            ("太小", "偏小", N),
            ("太大", "偏大", N),
        ],
    },
    Aspect {
        name: "颜色",
        words: &["颜色", "色差"],
        opinions: &[
            ("好看", "好看", P),
            ("正", "正", P),
            ("很大", "色差大", N),
            ("大", "色差大", N),
            ("不正", "不正", N),
        ],
    },
    Aspect {
        name: "效果",
        words: &["效果"],
        opinions: &[
            ("明显", "明显", P),
            ("很好", "好", P),
            ("不错", "不错", P),
            ("好", "好", P),
            ("一般", "一般", N),
            ("差", "差", N),
        ],
    },
    Aspect {
        name: "新鲜度",
        words: &["新鲜度", "新鲜"],
        opinions: &[
            ("很高", "高", P),
            ("高", "高", P),
            ("不够", "不够", N),
            ("差", "差", N),
        ],
    },
];

/// Words that turn the opinion right after them.
const NEGATORS: &[&str] = &["不太", "不是很", "不够", "没有", "不", "没"];

/// How far after an aspect word its opinion may start (characters), skipping fillers like
/// "很", "也", "都", "真的".
const WINDOW: usize = 4;

/// One mention: the tag's label ("物流快") and polarity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mention {
    pub label: String,
    pub polarity: Polarity,
}

fn starts_with_at(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, c)| chars.get(i) == Some(&c))
}

/// The tags a text mentions, each once, in order of first mention.
/// The first characters of the aspects' words: most positions of a text start none, and are
/// passed over without trying every word.
fn first_chars() -> &'static FxHashSet<char> {
    static FIRSTS: std::sync::OnceLock<FxHashSet<char>> = std::sync::OnceLock::new();
    FIRSTS.get_or_init(|| {
        LEXICON
            .iter()
            .flat_map(|a| a.words.iter().filter_map(|w| w.chars().next()))
            .collect()
    })
}

pub fn mentions(text: &str) -> Vec<Mention> {
    let decoded = crate::text::decode_entities(text);
    let chars: Vec<char> = decoded.chars().collect();
    let mut out: Vec<Mention> = Vec::new();
    let firsts = first_chars();
    let mut i = 0;
    while i < chars.len() {
        if !firsts.contains(&chars[i]) {
            i += 1;
            continue;
        }
        let Some((aspect, word_len)) = LEXICON.iter().find_map(|a| {
            a.words
                .iter()
                .find(|w| starts_with_at(&chars, i, w))
                .map(|w| (a, w.chars().count()))
        }) else {
            i += 1;
            continue;
        };
        let after = i + word_len;
        let mut found = None;
        'search: for start in after..(after + WINDOW).min(chars.len()) {
            // A punctuation mark ends the clause: no opinion across it.
            if chars[start].is_ascii_punctuation() || "，。！？；、,.!?;~ \n".contains(chars[start])
            {
                break;
            }
            // An opinion as written comes first (不错 is praise, not a negated 错).
            if let Some(&(_, label, polarity)) = aspect
                .opinions
                .iter()
                .find(|(word, _, _)| starts_with_at(&chars, start, word))
            {
                found = Some((label.to_owned(), polarity));
                break 'search;
            }
            let negated = NEGATORS.iter().find(|n| starts_with_at(&chars, start, n));
            let at = start + negated.map_or(0, |n| n.chars().count());
            if negated.is_some() {
                if let Some(&(word, _, polarity)) = aspect
                    .opinions
                    .iter()
                    .find(|(word, _, _)| starts_with_at(&chars, at, word))
                {
                    // "质量不好" → 质量不好 (negative); "价格不贵" → 价格不贵 (positive).
                    found = Some((
                        [
                            "不",
                            word.trim_start_matches(['很', '太', '非', '常', '挺']),
                        ]
                        .concat(),
                        match polarity {
                            Polarity::Positive => Polarity::Negative,
                            Polarity::Negative => Polarity::Positive,
                        },
                    ));
                    break 'search;
                }
                break;
            }
        }
        if let Some((label, polarity)) = found {
            let mention = Mention {
                label: [aspect.name, label.as_str()].concat(),
                polarity,
            };
            if !out.contains(&mention) {
                out.push(mention);
            }
        }
        i = after;
    }
    out
}
