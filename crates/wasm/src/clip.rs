//! The lead-in clip planner in the package: `planClip` once, or a `ClipPlanner` that keeps the
//! session's score between plans so that an edit re-plans in milliseconds; `exportClip` writes
//! a plan as JSON, OTIO, CMX3600, WebVTT or an FFmpeg concat script — the CLI's `clip`;
//! `Market.clipSource` reads a session from imported data.

use livetrust_core::clip::{self, ClipCandidates, ClipPlan, ClipRequest, ClipSource, ExportFormat};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::error::{self, Mistake};
use crate::Market;

/// An optional request: `undefined` or `null` plans with the defaults.
fn request_from(value: JsValue) -> Result<ClipRequest, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(ClipRequest::default());
    }
    error::from_js(value, Mistake::Field)
}

/// Plans a clip from a session and its products.
#[wasm_bindgen(js_name = planClip)]
pub fn plan_clip(
    source: Ts<ClipSource>,
    #[wasm_bindgen(unchecked_param_type = "ClipRequest | undefined")] request: JsValue,
) -> Result<Ts<ClipPlan>, JsValue> {
    let source: ClipSource = error::from_js_large(source.into(), Mistake::Field)?;
    let request = request_from(request)?;
    let plan = clip::ClipPlanner::new(source)
        .and_then(|mut planner| planner.plan(&request))
        .map_err(error::to_js)?;
    error::output(plan.into_ts())
}

/// A plan in one of the export formats (`json`, `otio`, `edl`, `vtt`, `ffconcat`); `media` is
/// the recording's file name the cuts refer to (default `recording.mp4`).
#[wasm_bindgen(js_name = exportClip)]
pub fn export_clip(
    plan: Ts<ClipPlan>,
    format: Ts<ExportFormat>,
    media: Option<String>,
) -> Result<String, JsValue> {
    let plan: ClipPlan = error::from_js(plan.into(), Mistake::Field)?;
    let format: ExportFormat = error::from_js(format.into(), Mistake::Field)?;
    clip::export(&plan, format, media.as_deref().unwrap_or("recording.mp4")).map_err(error::to_js)
}

/// One session, scored once per moment and configuration; `plan` after an edit (locked or
/// excluded parts, budget, order) reuses the score.
#[wasm_bindgen(js_name = ClipPlanner)]
#[derive(Debug)]
pub struct Planner {
    inner: clip::ClipPlanner,
}

#[wasm_bindgen(js_class = ClipPlanner)]
impl Planner {
    #[wasm_bindgen(constructor)]
    pub fn new(source: Ts<ClipSource>) -> Result<Planner, JsValue> {
        let source: ClipSource = error::from_js_large(source.into(), Mistake::Field)?;
        Ok(Planner {
            inner: clip::ClipPlanner::new(source).map_err(error::to_js)?,
        })
    }

    pub fn plan(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ClipRequest | undefined")] request: JsValue,
    ) -> Result<Ts<ClipPlan>, JsValue> {
        let plan = self
            .inner
            .plan(&request_from(request)?)
            .map_err(error::to_js)?;
        error::output(plan.into_ts())
    }

    /// What `plan` chooses from.
    pub fn candidates(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ClipRequest | undefined")] request: JsValue,
    ) -> Result<Ts<ClipCandidates>, JsValue> {
        let c = self
            .inner
            .candidates(&request_from(request)?)
            .map_err(error::to_js)?;
        error::output(c.into_ts())
    }

    /// The fused per-second score up to the request's moment, for charts.
    pub fn scores(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ClipRequest | undefined")] request: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let request = request_from(request)?;
        Ok(self
            .inner
            .track(&request)
            .map_err(error::to_js)?
            .fused
            .clone())
    }

    /// The moment a request without `atSecond` plans at.
    #[wasm_bindgen(getter, js_name = defaultAt)]
    pub fn default_at(&self) -> u32 {
        self.inner.default_at()
    }
}

#[wasm_bindgen(js_class = Market)]
impl Market {
    /// A live session with its products (titles, live prices from its orders), for `planClip`
    /// or a `ClipPlanner` — what the CLI's `clip --data DIR --session-id ID` plans from.
    #[wasm_bindgen(js_name = clipSource)]
    pub fn clip_source(
        &self,
        #[wasm_bindgen(js_name = sessionId)] session_id: &str,
    ) -> Result<Ts<ClipSource>, JsValue> {
        let source = ClipSource::from_dataset(&self.dataset, session_id).map_err(error::to_js)?;
        error::output(source.into_ts())
    }
}
