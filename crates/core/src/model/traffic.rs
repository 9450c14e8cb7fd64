//! Where a merchant's live traffic came from: its paid promotion campaigns (商业化投流) and each
//! live session's exposure by source with the paid spend, as the platform's session report gives
//! them. Optional tables: the "1+N" leverage estimate and the trust-weighted traffic model read
//! them (docs/traffic.md).

use serde::{Deserialize, Serialize};

use super::time::Timestamp;

/// What a promotion campaign pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum PromotionGoal {
    /// 直播间观看: viewers into the live room.
    RoomViews,
    /// 商品购买: orders.
    Orders,
    /// 涨粉: followers.
    Followers,
}

/// A paid promotion campaign (投流计划) of one merchant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Promotion {
    pub id: String,
    pub merchant_id: String,
    pub start_at: Timestamp,
    pub end_at: Timestamp,
    /// The campaign's budget in fen.
    pub budget_fen: i64,
    pub goal: PromotionGoal,
}

/// One live session's traffic: exposures (impressions of the live room in feeds) by source, the
/// paid spend and the session's GMV, as the platform reports them per session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SessionTraffic {
    pub session_id: String,
    /// Exposures the platform's recommendation gave the session (自然流量).
    pub natural_exposure: u64,
    /// Exposures bought by promotion (付费流量).
    pub paid_exposure: u64,
    /// What the session's promotion spent, in fen (0 without a push).
    pub paid_spend_fen: i64,
    /// The session's GMV in fen, as the session report gives it.
    pub gmv_fen: i64,
    /// The campaign the spend came from, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub promotion_id: Option<String>,
}
