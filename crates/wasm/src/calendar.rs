//! The campaign calendar in the package: `Market.campaignCalendar(merchantId, calendar?, today?)`
//! — the CLI's `calendar` — and `campaignsIcs(calendar, ids, stamp)`, its `--ics`.

use livetrust_core::calendar::{self, CalendarReport, CampaignCalendar, MerchantFacts};
use livetrust_core::model::{LocalDate, Timestamp};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::error::{self, Mistake};
use crate::Market;

/// `undefined` or `null`: the demo's 2022 calendar; else a calendar, checked.
fn calendar_from(value: JsValue) -> Result<CampaignCalendar, JsValue> {
    let calendar = if value.is_undefined() || value.is_null() {
        calendar::demo_calendar().map_err(error::to_js)?
    } else {
        error::from_js(value, Mistake::Field)?
    };
    calendar.check().map_err(error::to_js)?;
    Ok(calendar)
}

fn day(field: &str, text: &str) -> Result<LocalDate, JsValue> {
    text.parse().map_err(|_| {
        error::to_js(livetrust_core::Error::invalid_field(
            field,
            format!("{text:?} is not a YYYY-MM-DD date"),
        ))
    })
}

#[wasm_bindgen(js_class = Market)]
impl Market {
    /// The merchant's view of `calendar` (`undefined`: the demo's 2022 calendar) on `today`
    /// (YYYY-MM-DD; `undefined`: the index's day T): each campaign's status, gates with the
    /// merchant's values, what to improve, the dates that matter. The index is the default
    /// configuration's as of T.
    #[wasm_bindgen(js_name = campaignCalendar)]
    pub fn campaign_calendar(
        &self,
        #[wasm_bindgen(js_name = merchantId)] merchant_id: &str,
        #[wasm_bindgen(unchecked_param_type = "CampaignCalendar | undefined")] calendar: JsValue,
        today: Option<String>,
    ) -> Result<Ts<CalendarReport>, JsValue> {
        let calendar = calendar_from(calendar)?;
        let merchant = self
            .dataset
            .merchants
            .iter()
            .find(|m| m.id == merchant_id)
            .ok_or_else(|| {
                error::to_js(livetrust_core::Error::invalid_field(
                    "merchantId",
                    format!("no merchant {merchant_id:?}"),
                ))
            })?;
        let config = livetrust_core::index::IndexConfig::default();
        let (report, as_of) = self.with_index(None, &config, |market| {
            Ok((market.report(merchant_id, &config)?, market.as_of))
        })?;
        let today = match today {
            Some(text) => day("today", &text)?,
            None => as_of,
        };
        let facts = MerchantFacts::of(merchant, &report);
        error::output(
            calendar::calendar_report(&calendar, merchant_id, &facts, &report.suggestions, today)
                .into_ts(),
        )
    }
}

/// The campaigns `ids` of `calendar` (`undefined`: the demo's) as an .ics file; `stamp` (an
/// RFC 3339 instant) is its `DTSTAMP`.
#[wasm_bindgen(js_name = campaignsIcs)]
pub fn campaigns_ics(
    #[wasm_bindgen(unchecked_param_type = "CampaignCalendar | undefined")] calendar: JsValue,
    ids: Vec<String>,
    stamp: &str,
) -> Result<String, JsValue> {
    let calendar = calendar_from(calendar)?;
    let stamp: Timestamp = stamp.parse().map_err(|_| {
        error::to_js(livetrust_core::Error::invalid_field(
            "stamp",
            format!("{stamp:?} is not an RFC 3339 instant"),
        ))
    })?;
    calendar::campaigns_ics(&calendar, &ids, stamp).map_err(error::to_js)
}
