//! Reads a badge's (and the review carousel's) data from a JavaScript object (what `JSON.parse` gives for the CLI's or the npm
//! package's `IndexReport`) without serde: a serde deserializer and its error formatting would
//! double the widget bundle. Field names are those of the core's serde types and enum names come
//! from the core's `json_name` tables (tests compare both with serde). Errors name the field's path and what it
//! should hold: `placement.missing[0].kind: expected one of noData, fewOrders, fewPeers, wideInterval`.

use livetrust_core::index::report::{DataStatus, Placement, PlacementStatus, Shortfall};
use livetrust_core::index::{Dimension, MetricId};
use livetrust_core::peer_tier::PeerTier;
use wasm_bindgen::{JsCast, JsValue};

use livetrust_core::model::{MerchantReply, Timestamp};
use livetrust_core::reviews::report::SelectionRule;
use livetrust_core::reviews::tags::Polarity;
use livetrust_core::reviews::{AspectTag, ShownReview};

use crate::badge::{BadgeData, BadgeDimension};
use crate::preview::{CardItem, PreviewData};
use crate::reviews::ReviewsData;
use livetrust_core::preview::Role;

/// A field that could not be read: where, and what it should hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub path: String,
    pub expected: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)?;
        f.write_str(": expected ")?;
        f.write_str(&self.expected)
    }
}

impl std::error::Error for ReadError {}

type Read<T> = Result<T, ReadError>;

fn fail<T>(path: &str, expected: impl Into<String>) -> Read<T> {
    Err(ReadError {
        path: path.to_owned(),
        expected: expected.into(),
    })
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        [path, ".", name].concat()
    }
}

/// The property `name` of `object`, `None` when absent or `null`.
fn get(object: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn object(value: &JsValue, path: &str) -> Read<()> {
    if value.is_object() && !js_sys::Array::is_array(value) {
        Ok(())
    } else {
        fail(path, "an object")
    }
}

fn required(object: &JsValue, path: &str, name: &str) -> Read<JsValue> {
    get(object, name).map_or_else(|| fail(&join(path, name), "a value (it is missing)"), Ok)
}

/// One of `all`, by its JSON name.
fn named<T: Copy>(value: &JsValue, path: &str, all: &[T], name: fn(T) -> &'static str) -> Read<T> {
    let text = value.as_string();
    all.iter()
        .copied()
        .find(|v| text.as_deref() == Some(name(*v)))
        .map_or_else(
            || {
                let names: Vec<&str> = all.iter().map(|v| name(*v)).collect();
                fail(path, ["one of ", &names.join(", ")].concat())
            },
            Ok,
        )
}

/// A whole number from 0 to `max`.
fn whole(value: &JsValue, path: &str, max: f64) -> Read<f64> {
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (0.0..=max).contains(&n) => Ok(n),
        _ => fail(
            path,
            if max == 100.0 {
                "a whole percent from 0 to 100"
            } else {
                "a whole number, 0 or more"
            },
        ),
    }
}

const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

fn percent(value: &JsValue, path: &str) -> Read<u8> {
    whole(value, path, 100.0).map(|n| n as u8)
}

fn optional_percent(object: &JsValue, path: &str, name: &str) -> Read<Option<u8>> {
    get(object, name)
        .map(|v| percent(&v, &join(path, name)))
        .transpose()
}

fn count_u32(object: &JsValue, path: &str, name: &str) -> Read<u32> {
    whole(
        &required(object, path, name)?,
        &join(path, name),
        f64::from(u32::MAX),
    )
    .map(|n| n as u32)
}

fn count_u64(object: &JsValue, path: &str, name: &str) -> Read<u64> {
    whole(&required(object, path, name)?, &join(path, name), MAX_SAFE).map(|n| n as u64)
}

fn array(value: &JsValue, path: &str) -> Read<js_sys::Array> {
    value
        .dyn_ref::<js_sys::Array>()
        .cloned()
        .map_or_else(|| fail(path, "an array"), Ok)
}

fn item_path(path: &str, index: u32) -> String {
    [path, "[", &index.to_string(), "]"].concat()
}

fn optional_tier(object: &JsValue, path: &str) -> Read<Option<PeerTier>> {
    get(object, "tier")
        .map(|v| named(&v, &join(path, "tier"), &PeerTier::ALL, PeerTier::json_name))
        .transpose()
}

fn shortfall(value: &JsValue, path: &str) -> Read<Shortfall> {
    object(value, path)?;
    let kind = required(value, path, "kind")?;
    const KINDS: [&str; 4] = ["noData", "fewOrders", "fewPeers", "wideInterval"];
    let kind = named(&kind, &join(path, "kind"), &KINDS, |k| k)?;
    Ok(match kind {
        "noData" => Shortfall::NoData,
        "fewOrders" => Shortfall::FewOrders {
            orders: count_u64(value, path, "orders")?,
            needed: count_u32(value, path, "needed")?,
        },
        "fewPeers" => Shortfall::FewPeers {
            peers: count_u32(value, path, "peers")?,
            needed: count_u32(value, path, "needed")?,
        },
        _ => Shortfall::WideInterval {
            low: percent(&required(value, path, "low")?, &join(path, "low"))?,
            high: percent(&required(value, path, "high")?, &join(path, "high"))?,
            metric: get(value, "metric")
                .map(|m| {
                    named(
                        &m,
                        &join(path, "metric"),
                        &MetricId::ALL,
                        MetricId::json_name,
                    )
                })
                .transpose()?,
            sample: match required(value, path, "sample")?.as_f64() {
                Some(s) if s.is_finite() && s >= 0.0 => s,
                _ => return fail(&join(path, "sample"), "a number, 0 or more"),
            },
            more_cases: count_u64(value, path, "moreCases")?,
        },
    })
}

fn placement(value: &JsValue, path: &str) -> Read<Placement> {
    object(value, path)?;
    let status = named(
        &required(value, path, "status")?,
        &join(path, "status"),
        &PlacementStatus::ALL,
        PlacementStatus::json_name,
    )?;
    let missing_path = join(path, "missing");
    let missing = array(&required(value, path, "missing")?, &missing_path)?;
    let mut shortfalls = Vec::with_capacity(missing.length() as usize);
    for (i, s) in missing.iter().enumerate() {
        shortfalls.push(shortfall(&s, &item_path(&missing_path, i as u32))?);
    }
    Ok(Placement {
        status,
        tier: optional_tier(value, path)?,
        better_than_percent: optional_percent(value, path, "betterThanPercent")?,
        better_than_low: optional_percent(value, path, "betterThanLow")?,
        better_than_high: optional_percent(value, path, "betterThanHigh")?,
        peer_count: count_u32(value, path, "peerCount")?,
        missing: shortfalls,
    })
}

fn dimension(value: &JsValue, path: &str) -> Read<BadgeDimension> {
    object(value, path)?;
    Ok(BadgeDimension {
        dimension: named(
            &required(value, path, "dimension")?,
            &join(path, "dimension"),
            &Dimension::ALL,
            Dimension::json_name,
        )?,
        status: named(
            &required(value, path, "status")?,
            &join(path, "status"),
            &DataStatus::ALL,
            DataStatus::json_name,
        )?,
        tier: optional_tier(value, path)?,
    })
}

/// Reads a badge's data: an `IndexReport` (or any object with its `placement` and, optionally,
/// its `dimensions`), or a bare placement. Paths in errors start at `placement` for the first,
/// at the placement's own fields for the second.
pub fn badge_data(value: &JsValue) -> Read<BadgeData> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return fail("report", "an object (an IndexReport or its placement)");
    }
    let Some(wrapped) = get(value, "placement") else {
        return Ok(BadgeData {
            placement: placement(value, "")?,
            dimensions: Vec::new(),
        });
    };
    let placement = placement(&wrapped, "placement")?;
    let mut dimensions = Vec::new();
    if let Some(list) = get(value, "dimensions") {
        for (i, d) in array(&list, "dimensions")?.iter().enumerate() {
            dimensions.push(dimension(&d, &item_path("dimensions", i as u32))?);
        }
    }
    Ok(BadgeData {
        placement,
        dimensions,
    })
}

fn text(object: &JsValue, path: &str, name: &str) -> Read<String> {
    required(object, path, name)?
        .as_string()
        .map_or_else(|| fail(&join(path, name), "a string"), Ok)
}

fn two(b: &[u8], at: usize) -> Option<i64> {
    let d = b.get(at..at + 2)?;
    d.iter()
        .all(u8::is_ascii_digit)
        .then(|| i64::from(d[0] - b'0') * 10 + i64::from(d[1] - b'0'))
}

/// Seconds since the epoch of an RFC 3339 time (`2026-11-05T04:00:00Z`, fractions and offsets
/// allowed), without a date library in the bundle.
fn rfc3339(s: &str) -> Option<i64> {
    let b = s.trim().as_bytes();
    let year = two(b, 0)? * 100 + two(b, 2)?;
    let (month, day) = (two(b, 5)?, two(b, 8)?);
    let (hour, minute, second) = (two(b, 11)?, two(b, 14)?, two(b, 17)?);
    let separators = b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && matches!(b.get(10), Some(b'T' | b't' | b' '))
        && b.get(13) == Some(&b':')
        && b.get(16) == Some(&b':');
    let month_days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in = |m: i64| month_days[(m - 1) as usize] + i64::from(m == 2 && leap);
    if !separators
        || !(1..=12).contains(&month)
        || !(1..=days_in(month)).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = &b[19..];
    if rest.first() == Some(&b'.') {
        let digits = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        rest = &rest[1 + digits..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), ..] if rest.len() == 6 && rest[3] == b':' => {
            let minutes = two(rest, 1)? * 60 + two(rest, 4)?;
            if *sign == b'+' {
                minutes * 60
            } else {
                -minutes * 60
            }
        }
        _ => return None,
    };
    // Days since 1970-01-01 of the civil date (H. Hinnant's algorithm).
    let y = year - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

fn timestamp(object: &JsValue, path: &str, name: &str) -> Read<Timestamp> {
    let text = text(object, path, name)?;
    rfc3339(&text)
        .and_then(Timestamp::from_unix)
        .map_or_else(|| fail(&join(path, name), "an RFC 3339 time"), Ok)
}

fn shown_review(value: &JsValue, path: &str) -> Read<ShownReview> {
    object(value, path)?;
    let tags_path = join(path, "tags");
    let tags = array(&required(value, path, "tags")?, &tags_path)?;
    let mut labels = Vec::with_capacity(tags.length() as usize);
    for (i, tag) in tags.iter().enumerate() {
        labels.push(
            tag.as_string()
                .map_or_else(|| fail(&item_path(&tags_path, i as u32), "a string"), Ok)?,
        );
    }
    let reply = match get(value, "reply") {
        None => None,
        Some(r) => {
            let reply_path = join(path, "reply");
            object(&r, &reply_path)?;
            Some(MerchantReply {
                text: text(&r, &reply_path, "text")?,
                replied_at: timestamp(&r, &reply_path, "repliedAt")?,
            })
        }
    };
    let rating = match required(value, path, "rating")?.as_f64() {
        Some(r) if r.fract() == 0.0 && (1.0..=5.0).contains(&r) => r,
        _ => return fail(&join(path, "rating"), "a whole number of stars from 1 to 5"),
    };
    Ok(ShownReview {
        review_id: text(value, path, "reviewId")?,
        product_id: text(value, path, "productId")?,
        product_title: get(value, "productTitle")
            .and_then(|t| t.as_string())
            .unwrap_or_default(),
        orders_at_shop: count_u32(value, path, "ordersAtShop")?,
        rating: rating as u8,
        text: text(value, path, "text")?,
        media_count: count_u32(value, path, "mediaCount")?,
        helpful_votes: count_u32(value, path, "helpfulVotes")?,
        created_at: timestamp(value, path, "createdAt")?,
        tags: labels,
        reply,
    })
}

fn aspect_tag(value: &JsValue, path: &str) -> Read<AspectTag> {
    object(value, path)?;
    Ok(AspectTag {
        label: text(value, path, "label")?,
        polarity: named(
            &required(value, path, "polarity")?,
            &join(path, "polarity"),
            &Polarity::ALL,
            Polarity::json_name,
        )?,
        count: count_u32(value, path, "count")?,
        shown: get(value, "shown")
            .and_then(|s| s.as_bool())
            .unwrap_or(true),
    })
}

/// Reads the carousel's data from a `ReviewsReport` (the CLI's `reviews`, the npm package's
/// `repeatBuyerReviews`) or the same shape with fewer fields: `shown`, `tags` (those with
/// `shown: false` are dropped) and `rule`.
pub fn reviews_data(value: &JsValue) -> Read<ReviewsData> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return fail("report", "an object (a ReviewsReport)");
    }
    let list = array(&required(value, "", "shown")?, "shown")?;
    let mut shown = Vec::with_capacity(list.length() as usize);
    for (i, r) in list.iter().enumerate() {
        shown.push(shown_review(&r, &item_path("shown", i as u32))?);
    }
    let mut tags = Vec::new();
    if let Some(list) = get(value, "tags") {
        for (i, t) in array(&list, "tags")?.iter().enumerate() {
            let tag = aspect_tag(&t, &item_path("tags", i as u32))?;
            if tag.shown {
                tags.push(tag);
            }
        }
    }
    let rule = required(value, "", "rule")?;
    object(&rule, "rule")?;
    let mut products = Vec::new();
    if let Some(list) = get(&rule, "products") {
        for (i, p) in array(&list, "rule.products")?.iter().enumerate() {
            products.push(p.as_string().map_or_else(
                || fail(&item_path("rule.products", i as u32), "a string"),
                Ok,
            )?);
        }
    }
    Ok(ReviewsData {
        shown,
        tags,
        rule: SelectionRule {
            min_orders: count_u32(&rule, "rule", "minOrders")?,
            shown: count_u32(&rule, "rule", "shown")? as usize,
            includes_critical: get(&rule, "includesCritical")
                .and_then(|b| b.as_bool())
                .unwrap_or(false),
            products,
        },
    })
}

fn optional_text(object: &JsValue, path: &str, name: &str) -> Read<Option<String>> {
    get(object, name)
        .map(|v| {
            v.as_string()
                .map_or_else(|| fail(&join(path, name), "a string"), Ok)
        })
        .transpose()
}

/// A whole number of fen, 1 or more.
fn fen(object: &JsValue, path: &str, name: &str) -> Read<i64> {
    let at = join(path, name);
    match required(object, path, name)?.as_f64() {
        Some(n) if n.fract() == 0.0 && (1.0..=MAX_SAFE).contains(&n) => Ok(n as i64),
        _ => fail(&at, "a whole number of fen, 1 or more"),
    }
}

fn card_item(value: &JsValue, path: &str) -> Read<CardItem> {
    object(value, path)?;
    Ok(CardItem {
        title: text(value, path, "title")?,
        role: named(
            &required(value, path, "role")?,
            &join(path, "role"),
            &Role::ALL,
            Role::json_name,
        )?,
        live_price_fen: fen(value, path, "livePriceFen")?,
        list_price_fen: fen(value, path, "listPriceFen")?,
        stock: get(value, "stock")
            .map(|v| whole(&v, &join(path, "stock"), MAX_SAFE).map(|n| n as i64))
            .transpose()?,
        copy: optional_text(value, path, "copy")?.unwrap_or_default(),
    })
}

/// A live-preview card's data: a `Preview` (the core's JSON), with optional `sessionId`,
/// `merchantName` and `url` beside its fields.
pub fn preview_data(value: &JsValue) -> Read<PreviewData> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return fail("report", "an object (a Preview)");
    }
    let start = timestamp(value, "", "start")?;
    let mut items = Vec::new();
    if let Some(list) = get(value, "items") {
        for (i, item) in array(&list, "items")?.iter().enumerate() {
            items.push(card_item(&item, &item_path("items", i as u32))?);
        }
    }
    let merchant = text(value, "", "merchantId")?;
    Ok(PreviewData {
        session_id: optional_text(value, "", "sessionId")?
            .unwrap_or_else(|| format!("{merchant}-{}", start.unix())),
        merchant_id: merchant,
        merchant_name: optional_text(value, "", "merchantName")?,
        title: text(value, "", "title")?,
        cover_text: optional_text(value, "", "coverText")?.unwrap_or_default(),
        start,
        minutes: count_u32(value, "", "minutes")?,
        items,
        url: optional_text(value, "", "url")?,
    })
}

#[cfg(test)]
mod tests {
    use super::rfc3339;

    #[test]
    fn rfc3339_times_read_as_the_core_reads_them() {
        for s in [
            "2026-11-05T04:00:00Z",
            "2024-02-29T23:59:59.123+08:00",
            "1999-12-31t16:00:00-05:30",
            "2000-03-01 00:00:00Z",
        ] {
            let core: livetrust_core::model::Timestamp = s.parse().unwrap();
            assert_eq!(rfc3339(s), Some(core.unix()), "{s}");
        }
        for bad in [
            "2026-02-30T00:00:00Z",
            "2026-11-05T04:00:00",
            "2026-11-05",
            "2026-13-01T00:00:00Z",
            "2026-11-05T04:00:00.Z",
            "2026-11-05T04:00:00+8:00",
        ] {
            assert_eq!(rfc3339(bad), None, "{bad}");
        }
    }
}
