//! The live assistant's staging zone in the package: `Market.staging(sessionId, request)` applies
//! a request's edits to the zone under the rules and returns the coming-up strip and the priority
//! audience matching — the CLI's `staging`. The buyer history of the session's day is kept
//! between calls (the assistant asks on every edit, and building it reads every order).

use livetrust_core::preview::AudienceSignals;
use livetrust_core::staging::{self, StagingReport, StagingRequest};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::error::{self, Mistake};
use crate::Market;

#[wasm_bindgen(js_class = Market)]
impl Market {
    /// The staging zone of `sessionId` after `request` (`{state?, edits, config?}`; `undefined`:
    /// an empty zone at the clock's 0). A refused edit throws a `LivetrustError` naming it
    /// (`edits[1].atSecond`).
    #[wasm_bindgen(js_name = staging)]
    pub fn staging(
        &self,
        #[wasm_bindgen(js_name = sessionId)] session_id: &str,
        #[wasm_bindgen(unchecked_param_type = "StagingRequest | undefined")] request: JsValue,
    ) -> Result<Ts<StagingReport>, JsValue> {
        let request: StagingRequest = if request.is_undefined() || request.is_null() {
            StagingRequest::default()
        } else {
            error::from_js(request, Mistake::Field)?
        };
        let day = self
            .dataset
            .live_sessions
            .iter()
            .find(|s| s.id == session_id)
            .map(|s| s.start_at.local_date());
        let report = match day {
            // The history `staging::run` would build: the orders before the session's day.
            Some(day) => self.with_history(day, &AudienceSignals::default(), |history| {
                staging::run(&self.dataset, session_id, &request, Some(history))
            })?,
            None => {
                staging::run(&self.dataset, session_id, &request, None).map_err(error::to_js)?
            }
        };
        error::output(report.into_ts())
    }
}
