//! Import problems in words a merchant reads: a sentence per problem kind in Chinese or English
//! that names the field and what it should hold, a fix where one is known, and the parser's own
//! detail kept beside it. The core's machine-readable kinds and reasons stay as they are (the CLI
//! and the wasm package report those); this is only how the app says them.

use livetrust_core::import::{Problem, ProblemKind};
use livetrust_core::model::Table;

use crate::i18n::Lang;

/// A table's name for people.
pub fn table_name(lang: Lang, table: Table) -> &'static str {
    match (lang, table) {
        (Lang::Zh, Table::Categories) => "类目",
        (Lang::Zh, Table::Merchants) => "商家",
        (Lang::Zh, Table::Buyers) => "买家",
        (Lang::Zh, Table::Products) => "商品",
        (Lang::Zh, Table::Orders) => "订单",
        (Lang::Zh, Table::Reviews) => "评价",
        (Lang::Zh, Table::ServiceEvents) => "客服记录",
        (Lang::Zh, Table::FollowerCounts) => "粉丝数记录",
        (Lang::Zh, Table::LiveSessions) => "直播场次",
        (Lang::Zh, Table::Promotions) => "投流计划",
        (Lang::Zh, Table::SessionTraffic) => "场次流量",
        (Lang::En, Table::Categories) => "categories",
        (Lang::En, Table::Merchants) => "merchants",
        (Lang::En, Table::Buyers) => "buyers",
        (Lang::En, Table::Products) => "products",
        (Lang::En, Table::Orders) => "orders",
        (Lang::En, Table::Reviews) => "reviews",
        (Lang::En, Table::ServiceEvents) => "service events",
        (Lang::En, Table::FollowerCounts) => "follower counts",
        (Lang::En, Table::LiveSessions) => "live sessions",
        (Lang::En, Table::Promotions) => "promotions",
        (Lang::En, Table::SessionTraffic) => "session traffic",
    }
}

/// The text between the first pair of backticks after `after`.
fn quoted_after<'a>(text: &'a str, after: &str) -> Option<&'a str> {
    let rest = &text[text.find(after)? + after.len()..];
    let start = rest.find('`')? + 1;
    let end = rest[start..].find('`')? + start;
    Some(&rest[start..end])
}

/// Every backticked word of `text` after `after`.
fn all_quoted_after<'a>(text: &'a str, after: &str) -> Vec<&'a str> {
    let Some(at) = text.find(after) else {
        return Vec::new();
    };
    text[at + after.len()..]
        .split('`')
        .skip(1)
        .step_by(2)
        .collect()
}

/// What serde expected, in words: "i64" is a whole number, and so on.
fn expected_words(lang: Lang, expected: &str) -> String {
    let e = expected.trim();
    let zh = lang == Lang::Zh;
    let integer = ["i64", "u64", "u32", "u8", "i32", "an integer"];
    if integer.iter().any(|k| e.starts_with(k)) {
        return (if zh { "整数" } else { "a whole number" }).to_owned();
    }
    if e.starts_with("f64") || e.starts_with("a number") {
        return (if zh { "数字" } else { "a number" }).to_owned();
    }
    if e.starts_with("a string") || e == "string" {
        return (if zh {
            "文本（加引号）"
        } else {
            "text (in quotes)"
        })
        .to_owned();
    }
    if e.starts_with("a boolean") {
        return "true / false".to_owned();
    }
    if e.contains("RFC 3339") {
        return (if zh {
            "RFC 3339 时间，如 2026-11-01T12:00:00Z"
        } else {
            "an RFC 3339 time such as 2026-11-01T12:00:00Z"
        })
        .to_owned();
    }
    if e.starts_with("a sequence") {
        return (if zh {
            "列表（[…]）"
        } else {
            "a list ([…])"
        })
        .to_owned();
    }
    if e.contains("YYYY-MM-DD") {
        return (if zh {
            "日期，如 2026-11-01"
        } else {
            "a date such as 2026-11-01"
        })
        .to_owned();
    }
    // serde appends the position: "i64 at line 1 column 131".
    e.split(" at line ").next().unwrap_or(e).to_owned()
}

/// The table an id field refers to, for the fix of an unknown reference.
fn referred_table(field: &str) -> Option<Table> {
    let last = field.rsplit('.').next().unwrap_or(field);
    let last = last.split('[').next().unwrap_or(last);
    match last {
        "merchantId" => Some(Table::Merchants),
        "productId" => Some(Table::Products),
        "categoryId" | "parentId" => Some(Table::Categories),
        "buyerId" => Some(Table::Buyers),
        "orderId" => Some(Table::Orders),
        _ => None,
    }
}

/// The sentence for one problem: what is wrong with which field and what it should hold.
pub fn describe(lang: Lang, p: &Problem) -> String {
    let zh = lang == Lang::Zh;
    let field = if p.field.is_empty() {
        if zh {
            "这条记录".to_owned()
        } else {
            "The record".to_owned()
        }
    } else if zh {
        format!("字段「{}」", p.field)
    } else {
        format!("Field “{}”", p.field)
    };
    let r = p.reason.as_str();
    match p.kind {
        ProblemKind::Syntax => {
            if zh {
                "无法解析：不是有效的 JSON 或 CSV（可能缺了引号、括号或逗号）。".to_owned()
            } else {
                "Cannot be read: not valid JSON or CSV (a quote, bracket or comma may be missing)."
                    .to_owned()
            }
        }
        ProblemKind::InvalidUtf8 => {
            if zh {
                "文本不是 UTF-8 编码：请用 UTF-8 另存该文件。".to_owned()
            } else {
                "The text is not UTF-8: save the file as UTF-8.".to_owned()
            }
        }
        ProblemKind::Shape => {
            if r.starts_with("unknown variant") {
                let found = quoted_after(r, "unknown variant").unwrap_or("");
                let allowed = all_quoted_after(r, "expected");
                if zh {
                    format!(
                        "{field}的值「{found}」不在可选范围内，应为：{}。",
                        allowed.join("、")
                    )
                } else {
                    format!(
                        "{field} cannot be “{found}”; it must be one of: {}.",
                        allowed.join(", ")
                    )
                }
            } else if r.starts_with("missing field") {
                let missing = quoted_after(r, "missing field").unwrap_or("");
                if zh {
                    format!("缺少必填字段「{missing}」。")
                } else {
                    format!("The required field “{missing}” is missing.")
                }
            } else if r.starts_with("unknown field") {
                let unknown = quoted_after(r, "unknown field").unwrap_or("");
                if zh {
                    format!("没有名为「{unknown}」的字段，可能拼写有误（见数据格式说明）。")
                } else {
                    format!(
                        "There is no field “{unknown}”; it may be misspelt (see the data format)."
                    )
                }
            } else if let Some(expected) = r.split("expected ").nth(1) {
                let words = expected_words(lang, expected);
                if zh {
                    format!("{field}的类型不对，应为{words}。")
                } else {
                    format!("{field} has the wrong type; it must be {words}.")
                }
            } else if r.contains("RFC 3339") {
                if zh {
                    format!("{field}不是有效的时间，应为 RFC 3339 时间，如 2026-11-01T12:00:00Z。")
                } else {
                    format!(
                        "{field} is not a valid time; use RFC 3339, such as 2026-11-01T12:00:00Z."
                    )
                }
            } else if r.contains("columns; the header has") {
                if zh {
                    "这一行的列数与表头不一致。".to_owned()
                } else {
                    "This row has a different number of columns than the header.".to_owned()
                }
            } else if zh {
                format!("{field}的格式不对。")
            } else {
                format!("{field} is not in the documented form.")
            }
        }
        ProblemKind::InvalidValue => {
            let what = if r.contains("must not be empty") {
                if zh {
                    "不能为空".to_owned()
                } else {
                    "must not be empty".to_owned()
                }
            } else if r.contains("characters long; at most") || r.starts_with("is longer than") {
                if zh {
                    "太长了".to_owned()
                } else {
                    "is too long".to_owned()
                }
            } else if r.contains("control characters") {
                if zh {
                    "含有控制字符".to_owned()
                } else {
                    "contains control characters".to_owned()
                }
            } else if r.contains("must not be negative") {
                if zh {
                    "不能为负数".to_owned()
                } else {
                    "must not be negative".to_owned()
                }
            } else if r.contains("1 to 5 stars") {
                if zh {
                    "应为 1–5 星".to_owned()
                } else {
                    "must be 1 to 5 stars".to_owned()
                }
            } else if r.contains("must be at least 1") {
                if zh {
                    "至少为 1".to_owned()
                } else {
                    "must be at least 1".to_owned()
                }
            } else if r.contains("is not sold by merchant") {
                if zh {
                    "不是该商家的商品".to_owned()
                } else {
                    "is not sold by that merchant".to_owned()
                }
            } else if r.contains("is not the buyer of order") {
                if zh {
                    "不是该订单的买家".to_owned()
                } else {
                    "is not the buyer of that order".to_owned()
                }
            } else if r.contains("was not placed with merchant") {
                if zh {
                    "是别家商家的订单".to_owned()
                } else {
                    "is another merchant's order".to_owned()
                }
            } else if r.contains("L1 category")
                || r.contains("L2 category")
                || r.contains("repurchase")
            {
                if zh {
                    "的类目层级不对（商家和商品需要二级类目，二级类目需要 repurchase）".to_owned()
                } else {
                    "has the wrong category level (merchants and products need an L2 category; L2 categories need repurchase)".to_owned()
                }
            } else if zh {
                "的取值不合法".to_owned()
            } else {
                "has a value that is not allowed".to_owned()
            };
            if zh {
                format!("{field}{what}。")
            } else {
                format!("{field} {what}.")
            }
        }
        ProblemKind::DuplicateId => {
            let id = quoted_after(r, "").unwrap_or("");
            if zh {
                format!("编号「{id}」重复出现，只保留了第一条。")
            } else {
                format!("The id “{id}” appears more than once; the first was kept.")
            }
        }
        ProblemKind::UnknownReference => {
            let id = quoted_after(r, "refers to").unwrap_or("");
            let table = referred_table(&p.field).map(|t| table_name(lang, t));
            match (zh, table) {
                (true, Some(t)) => {
                    format!("{field}引用的{t}「{id}」不在数据中（或那条记录被跳过了）。")
                }
                (true, None) => format!("{field}引用的「{id}」不在数据中（或那条记录被跳过了）。"),
                (false, Some(t)) => format!(
                    "{field} refers to {t} “{id}”, which is not in the data (or was skipped)."
                ),
                (false, None) => {
                    format!("{field} refers to “{id}”, which is not in the data (or was skipped).")
                }
            }
        }
        ProblemKind::InconsistentTime => {
            if zh {
                format!("{field}的时间顺序不对（早于它之前应发生的时间）。")
            } else {
                format!("{field} is earlier than what must come before it.")
            }
        }
        ProblemKind::UnsupportedFile => {
            if zh {
                "无法识别这个文件：文件名需写明数据表，如 orders.ndjson、merchants.csv，格式为 .json、.ndjson、.jsonl 或 .csv。".to_owned()
            } else {
                "This file is not recognised: its name must name a table, such as orders.ndjson or merchants.csv, in .json, .ndjson, .jsonl or .csv.".to_owned()
            }
        }
    }
}

/// How to fix a group of problems, where one is known (an unknown reference usually means a
/// table was not chosen).
pub fn fix(lang: Lang, p: &Problem) -> Option<String> {
    if p.kind != ProblemKind::UnknownReference {
        return None;
    }
    let table = referred_table(&p.field)?;
    let name = table.name();
    Some(if lang == Lang::Zh {
        format!(
            "如果还没选，请同时选择{}表（{name}.ndjson、{name}.csv 或 {name}.json）。",
            table_name(lang, table)
        )
    } else {
        format!("If you have not yet, also choose the {} table ({name}.ndjson, {name}.csv or {name}.json).", table_name(lang, table))
    })
}

#[cfg(test)]
mod tests;
