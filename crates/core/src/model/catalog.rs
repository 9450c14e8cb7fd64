//! Who sells what: the two-level category tree, merchants (with their daily follower counts),
//! products and (pseudonymous) buyers.

use serde::{Deserialize, Serialize};

use super::time::{LocalDate, Timestamp};

/// Whether customers of an L2 category come back often. The index uses the repeat-buyer rate for
/// high-repurchase categories and the positive-review rate for low-repurchase ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Repurchase {
    High,
    Low,
}

/// A node of the category tree. L1 categories (食品饮料) have no parent; L2 categories (生鲜水果)
/// have an L1 parent and a repurchase flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub parent_id: Option<String>,
    /// Required on L2 categories, absent on L1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub repurchase: Option<Repurchase>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum MerchantType {
    /// 达人: an individual seller, usually a streamer.
    Individual,
    /// 垂类商家: a merchant specialised in one vertical.
    Vertical,
    /// 品牌
    Brand,
    /// 快品牌: a brand born on the platform.
    FastBrand,
    /// 服务商: a service provider operating shops for others.
    ServiceProvider,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Merchant {
    pub id: String,
    pub name: String,
    /// An L2 category: peers are the merchants of the same L2 category.
    pub category_id: String,
    pub merchant_type: MerchantType,
    pub start_date: LocalDate,
    pub followers: u64,
}

/// A merchant's follower count at the end of one Asia/Shanghai day (the platform's daily
/// snapshot). Optional history: the cold-start assistant reads it to tell whether a merchant
/// grew its followers or its sales first; `Merchant::followers` stays the current count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FollowerCount {
    pub merchant_id: String,
    pub date: LocalDate,
    pub followers: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Product {
    pub id: String,
    pub merchant_id: String,
    pub title: String,
    /// List price in fen (分, 1/100 yuan). Money is always integer fen, never a float.
    pub list_price_fen: i64,
    pub category_id: String,
}

/// A buyer: a pseudonymous id and, optionally, what the platform knows about the account that
/// helps tell real customers from brushing rings (刷单). No personal data: the cluster keys are
/// opaque hashes the platform computes (one key per shipping-address cluster, one per device
/// cluster), so two buyers can be seen to share an address or a device without either being
/// revealed. Old data without these fields still works; the brushing guard then has less
/// evidence (docs/index-methodology.md).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Buyer {
    pub id: String,
    /// When the account was registered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub registered_at: Option<Timestamp>,
    /// Opaque key of the buyer's shipping-address cluster (hashed by the platform).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub address_cluster: Option<String>,
    /// Opaque key of the buyer's device cluster (hashed by the platform).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub device_cluster: Option<String>,
}
