//! Reads a badge's data from a JavaScript object (what `JSON.parse` gives for the CLI's or the npm
//! package's `IndexReport`) without serde: a serde deserializer and its error formatting would
//! double the widget bundle. Field names are those of the core's serde types and enum names come
//! from the core's `json_name` tables (tests compare both with serde). Errors name the field's path and what it
//! should hold: `placement.missing[0].kind: expected one of noData, fewOrders, fewPeers, wideInterval`.

use livetrust_core::index::report::{DataStatus, Placement, PlacementStatus, Shortfall};
use livetrust_core::index::{Dimension, MetricId};
use livetrust_core::peer_tier::PeerTier;
use wasm_bindgen::{JsCast, JsValue};

use crate::badge::{BadgeData, BadgeDimension};

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
