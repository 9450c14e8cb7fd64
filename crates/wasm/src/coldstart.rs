//! The cold-start assistant in the package: `Market.coldStart(merchantId, config?)` — the CLI's
//! `coldstart`.

use livetrust_core::coldstart::{self, ColdStartConfig, ColdStartReport};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::error::{self, Mistake};
use crate::Market;

#[wasm_bindgen(js_class = Market)]
impl Market {
    /// The merchant's cold-start plan with its progress; `config` (`undefined`: the documented
    /// defaults) replaces the pools and plans whole.
    #[wasm_bindgen(js_name = coldStart)]
    pub fn cold_start(
        &self,
        #[wasm_bindgen(js_name = merchantId)] merchant_id: &str,
        #[wasm_bindgen(unchecked_param_type = "ColdStartConfig | undefined")] config: JsValue,
    ) -> Result<Ts<ColdStartReport>, JsValue> {
        let config: ColdStartConfig = if config.is_undefined() || config.is_null() {
            ColdStartConfig::default()
        } else {
            error::from_js(config, Mistake::Field)?
        };
        let report = coldstart::run(&self.dataset, merchant_id, &config).map_err(error::to_js)?;
        error::output(report.into_ts())
    }
}
