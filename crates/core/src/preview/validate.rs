//! Checking a preview before it is published: every problem with the field it is about, all at
//! once (a form shows each next to its field), not only the first.

use std::collections::HashMap;

use serde::Serialize;

use super::config::PreviewConfig;
use super::draft::{Preview, Role};
use super::money::MAX_FEN;
use crate::model::{Product, Timestamp};

/// One problem of a preview and the field it is about (`start`, `items[2].livePriceFen`, …).
/// Its TypeScript type (`{field: string} & PreviewProblemKind`) is declared by the wasm crate:
/// tsify would make a flattened enum an interface's base, which TypeScript refuses.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewProblem {
    pub field: String,
    #[serde(flatten)]
    pub problem: PreviewProblemKind,
}

/// What is wrong. Serialized with a `kind` tag and the numbers a message needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum PreviewProblemKind {
    /// The start is less than `minLeadMinutes` from now (or already past).
    #[serde(rename_all = "camelCase")]
    StartTooSoon {
        min_lead_minutes: u32,
    },
    /// The start is more than `maxLeadDays` from now.
    #[serde(rename_all = "camelCase")]
    StartTooFar {
        max_lead_days: u32,
    },
    MinutesOutOfRange {
        min: u32,
        max: u32,
    },
    TextTooShort {
        chars: u32,
        min: u32,
    },
    TextTooLong {
        chars: u32,
        max: u32,
    },
    /// A control character or a bidirectional override (U+202A–U+202E, U+2066–U+2069).
    ControlCharacter {
        code: u32,
    },
    /// A preview needs at least one hero item.
    NoHero,
    #[serde(rename_all = "camelCase")]
    TooManyItems {
        max: u32,
    },
    EmptyProductId,
    /// The product is already in the plan at position `first`.
    DuplicateProduct {
        first: usize,
    },
    /// Money must be a positive whole number of fen.
    NotPositive,
    #[serde(rename_all = "camelCase")]
    TooLarge {
        max_fen: i64,
    },
    /// A welfare deal's live price must be below the list price.
    #[serde(rename_all = "camelCase")]
    WelfareNotBelowList {
        list_price_fen: i64,
    },
    /// A live price above the list price.
    #[serde(rename_all = "camelCase")]
    AboveList {
        list_price_fen: i64,
    },
    /// A welfare deal needs a stock limit.
    WelfareNeedsStock,
    /// A coupon must take a positive amount off, less than the live price, and its threshold
    /// must not be negative.
    CouponInvalid,
    /// With the catalogue: no such product, or another merchant's.
    UnknownProduct,
    NotMerchantsProduct,
    /// With the catalogue: the item's copy of the list price is out of date.
    #[serde(rename_all = "camelCase")]
    ListPriceChanged {
        catalog_fen: i64,
    },
}

fn control_character(text: &str) -> Option<u32> {
    text.chars()
        .find(|c| c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .map(u32::from)
}

fn chars(text: &str) -> u32 {
    u32::try_from(text.trim().chars().count()).unwrap_or(u32::MAX)
}

/// Every problem of `preview` at time `now`; empty when it can be published. `products`, when
/// given, is the catalogue the items are checked against (existence, owner, list price).
pub fn validate(
    preview: &Preview,
    now: Timestamp,
    config: &PreviewConfig,
    products: Option<&[Product]>,
) -> Vec<PreviewProblem> {
    let mut out = Vec::new();
    let mut push =
        |field: String, problem: PreviewProblemKind| out.push(PreviewProblem { field, problem });

    let lead = preview.start.unix() - now.unix();
    if lead < i64::from(config.min_lead_minutes) * 60 {
        push(
            "start".into(),
            PreviewProblemKind::StartTooSoon {
                min_lead_minutes: config.min_lead_minutes,
            },
        );
    } else if lead > i64::from(config.max_lead_days) * 86_400 {
        push(
            "start".into(),
            PreviewProblemKind::StartTooFar {
                max_lead_days: config.max_lead_days,
            },
        );
    }
    if !(config.min_minutes..=config.max_minutes).contains(&preview.minutes) {
        push(
            "minutes".into(),
            PreviewProblemKind::MinutesOutOfRange {
                min: config.min_minutes,
                max: config.max_minutes,
            },
        );
    }

    let mut text = |field: &str, value: &str, min: u32, max: u32| {
        let n = chars(value);
        let problem = if n < min {
            Some(PreviewProblemKind::TextTooShort { chars: n, min })
        } else if n > max {
            Some(PreviewProblemKind::TextTooLong { chars: n, max })
        } else {
            control_character(value).map(|code| PreviewProblemKind::ControlCharacter { code })
        };
        if let Some(problem) = problem {
            push(field.to_owned(), problem);
        }
    };
    text(
        "title",
        &preview.title,
        config.title_min_chars,
        config.title_max_chars,
    );
    text(
        "coverText",
        &preview.cover_text,
        0,
        config.cover_text_max_chars,
    );
    for (i, item) in preview.items.iter().enumerate() {
        text(
            &format!("items[{i}].copy"),
            &item.copy,
            0,
            config.copy_max_chars,
        );
    }

    if !preview.items.iter().any(|i| i.role == Role::Hero) {
        out.push(PreviewProblem {
            field: "items".into(),
            problem: PreviewProblemKind::NoHero,
        });
    }
    if preview.items.len() > config.max_items as usize {
        out.push(PreviewProblem {
            field: "items".into(),
            problem: PreviewProblemKind::TooManyItems {
                max: config.max_items,
            },
        });
    }

    let catalog: Option<HashMap<&str, &Product>> =
        products.map(|ps| ps.iter().map(|p| (p.id.as_str(), p)).collect());
    let mut first_at: HashMap<&str, usize> = HashMap::new();
    for (i, item) in preview.items.iter().enumerate() {
        let field = |name: &str| format!("items[{i}].{name}");
        let mut push = |field: String, problem: PreviewProblemKind| {
            out.push(PreviewProblem { field, problem })
        };
        if item.product_id.trim().is_empty() {
            push(field("productId"), PreviewProblemKind::EmptyProductId);
        } else if let Some(&first) = first_at.get(item.product_id.as_str()) {
            push(
                field("productId"),
                PreviewProblemKind::DuplicateProduct { first },
            );
        } else {
            first_at.insert(&item.product_id, i);
            if let Some(catalog) = &catalog {
                match catalog.get(item.product_id.as_str()) {
                    None => push(field("productId"), PreviewProblemKind::UnknownProduct),
                    Some(p) if p.merchant_id != preview.merchant_id => {
                        push(field("productId"), PreviewProblemKind::NotMerchantsProduct)
                    }
                    Some(p) if p.list_price_fen != item.list_price_fen => push(
                        field("listPriceFen"),
                        PreviewProblemKind::ListPriceChanged {
                            catalog_fen: p.list_price_fen,
                        },
                    ),
                    Some(_) => {}
                }
            }
        }
        let money = |value: i64| {
            if value <= 0 {
                Some(PreviewProblemKind::NotPositive)
            } else if value > MAX_FEN {
                Some(PreviewProblemKind::TooLarge { max_fen: MAX_FEN })
            } else {
                None
            }
        };
        let list_ok = match money(item.list_price_fen) {
            Some(problem) => {
                push(field("listPriceFen"), problem);
                false
            }
            None => true,
        };
        match money(item.live_price_fen) {
            Some(problem) => push(field("livePriceFen"), problem),
            None if list_ok => {
                if item.role == Role::Welfare && item.live_price_fen >= item.list_price_fen {
                    push(
                        field("livePriceFen"),
                        PreviewProblemKind::WelfareNotBelowList {
                            list_price_fen: item.list_price_fen,
                        },
                    );
                } else if item.live_price_fen > item.list_price_fen {
                    push(
                        field("livePriceFen"),
                        PreviewProblemKind::AboveList {
                            list_price_fen: item.list_price_fen,
                        },
                    );
                }
            }
            None => {}
        }
        match item.stock {
            Some(stock) if stock <= 0 => push(field("stock"), PreviewProblemKind::NotPositive),
            None if item.role == Role::Welfare => {
                push(field("stock"), PreviewProblemKind::WelfareNeedsStock)
            }
            _ => {}
        }
        if let Some(coupon) = item.coupon {
            if coupon.off_fen <= 0
                || coupon.threshold_fen < 0
                || coupon.off_fen >= item.live_price_fen.max(1)
                || coupon.threshold_fen > MAX_FEN
            {
                push(field("coupon"), PreviewProblemKind::CouponInvalid);
            }
        }
    }
    out
}
