//! OpenTimelineIO: a `Timeline.1` with one video `Track.1` of `Clip.2`s, each referring to the
//! recording through an `ExternalReference.1`, times as `RationalTime.1` at the plan's rate —
//! the schema versions OpenTimelineIO 0.17 reads. Each clip's `metadata.livetrust` carries its
//! part, product, caption and score.

use serde_json::{json, Value};

use crate::clip::plan::ClipPlan;
use crate::{Error, Result};

fn rational(value: u32, rate: u32) -> Value {
    json!({"OTIO_SCHEMA": "RationalTime.1", "rate": f64::from(rate), "value": f64::from(value)})
}

fn range(start: u32, duration: u32, rate: u32) -> Value {
    json!({
        "OTIO_SCHEMA": "TimeRange.1",
        "start_time": rational(start, rate),
        "duration": rational(duration, rate),
    })
}

pub fn write(plan: &ClipPlan, media: &str) -> Result<String> {
    let fps = plan.fps;
    let clips: Vec<Value> = plan
        .segments
        .iter()
        .map(|s| {
            json!({
                "OTIO_SCHEMA": "Clip.2",
                "name": s.caption,
                "metadata": {"livetrust": {
                    "part": s.part,
                    "productId": s.product_id,
                    "origin": s.origin,
                    "locked": s.locked,
                    "score": s.score,
                }},
                "source_range": range(s.source_in, s.source_out - s.source_in, fps),
                "effects": [],
                "markers": [],
                "enabled": true,
                "media_references": {"DEFAULT_MEDIA": {
                    "OTIO_SCHEMA": "ExternalReference.1",
                    "name": media,
                    "metadata": {},
                    "available_range": null,
                    "available_image_bounds": null,
                    "target_url": media,
                }},
                "active_media_reference_key": "DEFAULT_MEDIA",
            })
        })
        .collect();
    let item = |schema: &str, name: &str, children: Vec<Value>| {
        json!({
            "OTIO_SCHEMA": schema,
            "name": name,
            "metadata": {},
            "source_range": null,
            "effects": [],
            "markers": [],
            "enabled": true,
            "children": children,
        })
    };
    let mut track = item("Track.1", "V1", clips);
    if let Some(obj) = track.as_object_mut() {
        obj.insert("kind".into(), json!("Video"));
    }
    let timeline = json!({
        "OTIO_SCHEMA": "Timeline.1",
        "name": format!("livetrust clip {}", plan.session_id),
        "metadata": {"livetrust": {
            "sessionId": plan.session_id,
            "merchantId": plan.merchant_id,
            "atSecond": plan.at_second,
            "budgetMs": plan.budget_ms,
            "totalScore": plan.total_score,
        }},
        "global_start_time": rational(0, fps),
        "tracks": item("Stack.1", "tracks", vec![track]),
    });
    serde_json::to_string_pretty(&sorted_keys(timeline)).map_err(|e| Error::InvalidInput {
        message: e.to_string(),
    })
}

/// Rebuilds every object with its keys in sorted order. `serde_json` keeps insertion order when
/// any crate in the build enables its `preserve_order` feature (schemars does) and sorts keys
/// otherwise; sorting here makes the file byte-identical in every build (CLI, wasm, core alone).
fn sorted_keys(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<_> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            serde_json::Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sorted_keys(v)))
                    .collect(),
            )
        }
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(sorted_keys).collect())
        }
        other => other,
    }
}
