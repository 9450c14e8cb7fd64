//! The campaign calendar (营销日历): the year's platform campaigns as data — level (A+ / S),
//! sign-up, warm-up and event phases, gameplays, rewards and eligibility gates — and, for one
//! merchant, which campaigns it is eligible for now (each gate with the merchant's value), what
//! it must improve to qualify (the index's suggestions for the failed gates), the dates that
//! matter, and the chosen campaigns as an `.ics` file. See docs/calendar.md.
//!
//! `model` (the calendar and its checks), `gates` (the gates and how each is evaluated),
//! `report` (a merchant's view of the calendar), `ics` (the export). The demo ships the 2022
//! 616 实在购物节 (`demo_calendar`).

pub mod gates;
pub mod ics;
pub mod model;
pub mod report;

#[cfg(test)]
mod tests;

pub use gates::{Gate, GateResult, GateValue, MerchantFacts};
pub use ics::campaigns_ics;
pub use model::{Campaign, CampaignCalendar, CampaignLevel, Gameplay, Phase, Reward};
pub use report::{calendar_report, CalendarReport, CampaignReport, CampaignStatus, KeyDate};

use crate::index::{market_index, IndexConfig};
use crate::model::{Dataset, LocalDate};
use crate::{Error, Result};

/// The demo's calendar: the 2022 mid-year 616 实在购物节 as the platform announced its dates.
pub const DEMO_CALENDAR_JSON: &str = include_str!("calendar-2022.json");

/// The demo calendar, parsed and checked.
pub fn demo_calendar() -> Result<CampaignCalendar> {
    let calendar: CampaignCalendar =
        serde_json::from_str(DEMO_CALENDAR_JSON).map_err(|e| Error::InvalidInput {
            message: format!("the demo calendar does not parse: {e}"),
        })?;
    calendar.check()?;
    Ok(calendar)
}

/// `merchant_id`'s view of `calendar` on day `today`, its gates evaluated on the index of
/// `data` as of `as_of`.
pub fn run(
    data: &Dataset,
    merchant_id: &str,
    as_of: LocalDate,
    today: LocalDate,
    calendar: &CampaignCalendar,
    config: &IndexConfig,
) -> Result<CalendarReport> {
    calendar.check()?;
    let merchant = data.merchant(merchant_id)?;
    let market = market_index(data, as_of, config)?;
    let report = market.report(merchant_id, config)?;
    let facts = MerchantFacts::of(merchant, &report);
    Ok(calendar_report(
        calendar,
        merchant_id,
        &facts,
        &report.suggestions,
        today,
    ))
}
