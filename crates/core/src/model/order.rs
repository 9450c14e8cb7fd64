//! Orders and their refunds, the raw material of the quality, service and repeat-buyer metrics.

use serde::{Deserialize, Serialize};

use super::time::Timestamp;

/// Where the buyer placed the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Channel {
    /// 直播间
    LiveRoom,
    /// 短视频
    ShortVideo,
    /// 店铺 (the shop page)
    Shop,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Order {
    pub id: String,
    pub buyer_id: String,
    pub merchant_id: String,
    pub product_id: String,
    pub channel: Channel,
    pub quantity: u32,
    /// Amount paid, in fen.
    pub amount_fen: i64,
    pub paid_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub shipped_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub delivered_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub refund: Option<Refund>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum RefundKind {
    /// 仅退款
    RefundOnly,
    /// 退货退款
    ReturnAndRefund,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum RefundReason {
    /// 质量问题: counts toward the quality refund rate.
    Quality,
    /// 与描述不符
    NotAsDescribed,
    /// 物流问题
    Logistics,
    /// 不想要了
    ChangedMind,
    /// 其他
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Refund {
    pub kind: RefundKind,
    pub reason: RefundReason,
    pub requested_at: Timestamp,
    /// When the refund was completed; absent while it is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub completed_at: Option<Timestamp>,
    /// Whether the buyer escalated to a platform dispute (excluded from completion times).
    #[serde(default)]
    pub disputed: bool,
}
