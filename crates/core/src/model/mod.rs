//! The marketplace data model every feature reads: categories, merchants, products, buyers,
//! orders with refunds, reviews, service events, live sessions, daily follower counts, paid
//! promotions and each live session's traffic by source.
//!
//! All types are plain serde data with camelCase JSON names; input types reject unknown fields
//! so a misspelt column is reported instead of silently ignored. `docs/data-format.md` documents
//! the format and `schemas/` holds the JSON Schemas generated from these types.

mod catalog;
mod live;
mod order;
mod review;
mod service;
pub mod time;
mod traffic;

pub use catalog::{Buyer, Category, FollowerCount, Merchant, MerchantType, Product, Repurchase};
pub use live::{
    ExplainMark, LiveSession, OnAirInterval, SessionSignals, SessionSummary, StagedProduct,
    TranscriptSegment,
};
pub use order::{Channel, Order, Refund, RefundKind, RefundReason};
pub use review::{MerchantReply, Ratings, Review, ValueForMoney};
pub use service::{ComplaintReason, ServiceEvent};
pub use time::{DayWindow, LocalDate, Timestamp};
pub use traffic::{Promotion, PromotionGoal, SessionTraffic};

use serde::{Deserialize, Serialize};

/// A whole marketplace (or one merchant's slice of it).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Dataset {
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub merchants: Vec<Merchant>,
    #[serde(default)]
    pub products: Vec<Product>,
    #[serde(default)]
    pub buyers: Vec<Buyer>,
    #[serde(default)]
    pub orders: Vec<Order>,
    #[serde(default)]
    pub reviews: Vec<Review>,
    #[serde(default)]
    pub service_events: Vec<ServiceEvent>,
    #[serde(default)]
    pub live_sessions: Vec<LiveSession>,
    #[serde(default)]
    pub follower_counts: Vec<FollowerCount>,
    #[serde(default)]
    pub promotions: Vec<Promotion>,
    #[serde(default)]
    pub session_traffic: Vec<SessionTraffic>,
}

impl Dataset {
    /// The merchant `id`, or an error naming `merchantId`.
    pub fn merchant(&self, id: &str) -> crate::Result<&Merchant> {
        self.merchants
            .iter()
            .find(|m| m.id == id)
            .ok_or_else(|| crate::Error::invalid_field("merchantId", format!("no merchant {id:?}")))
    }

    /// The default as-of date T of an index: the Asia/Shanghai day after the latest payment, so
    /// that [T-30, T-1] ends with the data. None without orders.
    pub fn day_after_latest_order(&self) -> Option<LocalDate> {
        self.orders
            .iter()
            .map(|o| o.paid_at)
            .max()
            .map(|t| t.local_date().plus_days(1))
    }

    /// The day T a request names (`YYYY-MM-DD`), or [`Self::day_after_latest_order`] when it
    /// names none: what the CLI's `--as-of` and the wasm `asOf` arguments mean. Errors name
    /// `asOf` (not a date) or `orders` (no day given and no orders to default from).
    pub fn as_of_or_default(&self, as_of: Option<&str>) -> crate::Result<LocalDate> {
        match as_of {
            Some(text) => text
                .parse()
                .map_err(|reason: String| crate::Error::invalid_field("asOf", reason)),
            None => self.day_after_latest_order().ok_or_else(|| {
                crate::Error::invalid_field(
                    "orders",
                    "the data has no orders to compute an index from",
                )
            }),
        }
    }
}

/// The tables of a dataset, in dependency order: a table only refers to tables before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Table {
    Categories,
    Merchants,
    Buyers,
    Products,
    Orders,
    Reviews,
    ServiceEvents,
    LiveSessions,
    FollowerCounts,
    Promotions,
    SessionTraffic,
}

impl Table {
    pub const ALL: [Table; 11] = [
        Table::Categories,
        Table::Merchants,
        Table::Buyers,
        Table::Products,
        Table::Orders,
        Table::Reviews,
        Table::ServiceEvents,
        Table::LiveSessions,
        Table::FollowerCounts,
        Table::Promotions,
        Table::SessionTraffic,
    ];

    /// The file stem of this table in a dataset directory (`orders.ndjson`, `orders.csv`, …) and
    /// its key in a whole-dataset JSON object.
    pub fn name(self) -> &'static str {
        match self {
            Table::Categories => "categories",
            Table::Merchants => "merchants",
            Table::Buyers => "buyers",
            Table::Products => "products",
            Table::Orders => "orders",
            Table::Reviews => "reviews",
            Table::ServiceEvents => "serviceEvents",
            Table::LiveSessions => "liveSessions",
            Table::FollowerCounts => "followerCounts",
            Table::Promotions => "promotions",
            Table::SessionTraffic => "sessionTraffic",
        }
    }

    pub fn from_name(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == name)
    }
}
