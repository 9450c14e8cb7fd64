//! "1+N" leverage in the package: `Market.leverage(merchantId, config?)` and
//! `Market.marketLeverage(config?)` — the CLI's `leverage --merchant` and `leverage --market`.

use livetrust_core::leverage::{self, LeverageConfig, LeverageReport, MarketLeverage};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::error::{self, Mistake};
use crate::Market;

fn config_of(config: JsValue) -> Result<LeverageConfig, JsValue> {
    if config.is_undefined() || config.is_null() {
        Ok(LeverageConfig::default())
    } else {
        error::from_js(config, Mistake::Field)
    }
}

#[wasm_bindgen(js_class = Market)]
impl Market {
    /// What the merchant's paid pushes levered in natural exposure and GMV, with a 90 % interval
    /// or "not enough data"; `config` (`undefined`: the documented defaults).
    #[wasm_bindgen(js_name = leverage)]
    pub fn leverage(
        &self,
        #[wasm_bindgen(js_name = merchantId)] merchant_id: &str,
        #[wasm_bindgen(unchecked_param_type = "LeverageConfig | undefined")] config: JsValue,
    ) -> Result<Ts<LeverageReport>, JsValue> {
        let config = config_of(config)?;
        let report = leverage::run(&self.dataset, merchant_id, &config).map_err(error::to_js)?;
        error::output(report.into_ts())
    }

    /// Every merchant's leverage and the market's distribution.
    #[wasm_bindgen(js_name = marketLeverage)]
    pub fn market_leverage(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LeverageConfig | undefined")] config: JsValue,
    ) -> Result<Ts<MarketLeverage>, JsValue> {
        let config = config_of(config)?;
        let report = leverage::market(&self.dataset, &config).map_err(error::to_js)?;
        error::output(report.into_ts())
    }
}
