//! Traffic in the package: "1+N" leverage, `Market.leverage(merchantId, config?)` and
//! `Market.marketLeverage(config?)` — the CLI's `leverage --merchant` and `leverage --market` —
//! and the trust-weighted natural traffic model, `Market.traffic(merchantId, whatIfScore?,
//! config?)` — the CLI's `traffic`.

use livetrust_core::index::IndexConfig;
use livetrust_core::leverage::{self, LeverageConfig, LeverageReport, MarketLeverage};
use livetrust_core::model::LocalDate;
use livetrust_core::traffic::{self, TrafficConfig, TrafficModel, TrafficReport};
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

/// The settings and day a cached traffic model was fitted for.
#[derive(Debug)]
pub(crate) struct TrafficKey {
    config: TrafficConfig,
    as_of: LocalDate,
    model: TrafficModel,
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

    /// The trust-weighted natural traffic model fitted to the data (the index as of the day after
    /// the latest order, default index settings) and what `whatIfScore` (0–100; `undefined`:
    /// none) would mean for the merchant's natural exposure per session; `config` a (possibly
    /// partial) `TrafficConfig`.
    #[wasm_bindgen(js_name = traffic)]
    pub fn traffic(
        &self,
        #[wasm_bindgen(js_name = merchantId)] merchant_id: &str,
        #[wasm_bindgen(js_name = whatIfScore)] what_if_score: Option<f64>,
        #[wasm_bindgen(unchecked_param_type = "TrafficConfig | undefined")] config: JsValue,
    ) -> Result<Ts<TrafficReport>, JsValue> {
        let config: TrafficConfig = if config.is_undefined() || config.is_null() {
            TrafficConfig::default()
        } else {
            error::from_js(config, Mistake::Field)?
        };
        config.check().map_err(error::to_js)?;
        self.dataset.merchant(merchant_id).map_err(error::to_js)?;
        let as_of = self.dataset.as_of_or_default(None).map_err(error::to_js)?;
        let mut cached = self.traffic.borrow_mut();
        let stale = cached
            .as_ref()
            .is_none_or(|k| k.config != config || k.as_of != as_of);
        if stale {
            let index_config = IndexConfig::default();
            let scores = self.with_index(None, &index_config, |market| {
                market.reports(&index_config).map(|r| traffic::scores(&r))
            })?;
            let model = traffic::model(&self.dataset, &scores, &config).map_err(error::to_js)?;
            *cached = Some(TrafficKey {
                config,
                as_of,
                model,
            });
        }
        let Some(key) = cached.as_ref() else {
            return Err(error::to_js(livetrust_core::Error::InvalidInput {
                message: "the traffic model could not be fitted".into(),
            }));
        };
        let report = traffic::simulate(&self.dataset, &key.model, merchant_id, what_if_score)
            .map_err(error::to_js)?;
        error::output(report.into_ts())
    }
}
