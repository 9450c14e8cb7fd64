//! The columns of each table in Parquet and Arrow IPC files: the CSV layout (flat, with prefixed
//! columns for nested fields), each with the kind of value it holds. Reading checks a file's
//! schema against these before any row; `convert` writes exactly these.

use arrow_schema::{DataType, TimeUnit};

use crate::model::Table;

/// What a column holds, and so which Arrow types it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text (ids, names, enum values): Utf8, LargeUtf8, Utf8View or a dictionary of Utf8.
    Text,
    /// Whole numbers: any Arrow integer type.
    Integer,
    /// True or false: Boolean.
    Boolean,
    /// An instant: an Arrow timestamp of any unit (a time zone, if any, only changes how it is
    /// shown), or RFC 3339 text.
    Instant,
    /// A calendar day: Date32, Date64 or `YYYY-MM-DD` text.
    Day,
    /// A nested value (live sessions' signals, summary, …) as JSON text.
    Json,
}

impl Kind {
    /// Whether a column of Arrow type `data_type` can hold this kind.
    pub fn accepts(self, data_type: &DataType) -> bool {
        let text = is_text(data_type);
        match self {
            Kind::Text | Kind::Json => text,
            Kind::Integer => data_type.is_integer(),
            Kind::Boolean => *data_type == DataType::Boolean,
            Kind::Instant => text || matches!(data_type, DataType::Timestamp(_, _)),
            Kind::Day => text || matches!(data_type, DataType::Date32 | DataType::Date64),
        }
    }

    /// The Arrow types the kind accepts, for messages.
    pub fn expected(self) -> &'static str {
        match self {
            Kind::Text => "text (Utf8)",
            Kind::Json => "JSON text (Utf8)",
            Kind::Integer => "an integer type (Int8 … UInt64)",
            Kind::Boolean => "Boolean",
            Kind::Instant => "a timestamp, or RFC 3339 text",
            Kind::Day => "a date (Date32), or YYYY-MM-DD text",
        }
    }

    /// The type `convert` writes.
    pub fn written_type(self) -> DataType {
        match self {
            Kind::Text | Kind::Json => DataType::Utf8,
            Kind::Integer => DataType::Int64,
            Kind::Boolean => DataType::Boolean,
            Kind::Instant => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
            Kind::Day => DataType::Date32,
        }
    }
}

pub(super) fn is_text(data_type: &DataType) -> bool {
    match data_type {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Dictionary(key, value) => key.is_integer() && is_text(value),
        _ => false,
    }
}

/// One column: its name, kind, and whether every row must have a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
}

const fn req(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        required: true,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        required: false,
    }
}

use Kind::{Boolean, Day, Instant, Integer, Json, Text};

const CATEGORIES: &[Column] = &[
    req("id", Text),
    req("name", Text),
    opt("parentId", Text),
    opt("repurchase", Text),
];
const MERCHANTS: &[Column] = &[
    req("id", Text),
    req("name", Text),
    req("categoryId", Text),
    req("merchantType", Text),
    req("startDate", Day),
    req("followers", Integer),
];
const BUYERS: &[Column] = &[
    req("id", Text),
    opt("registeredAt", Instant),
    opt("addressCluster", Text),
    opt("deviceCluster", Text),
];
const PRODUCTS: &[Column] = &[
    req("id", Text),
    req("merchantId", Text),
    req("title", Text),
    req("listPriceFen", Integer),
    req("categoryId", Text),
];
const ORDERS: &[Column] = &[
    req("id", Text),
    req("buyerId", Text),
    req("merchantId", Text),
    req("productId", Text),
    req("channel", Text),
    req("quantity", Integer),
    req("amountFen", Integer),
    req("paidAt", Instant),
    opt("shippedAt", Instant),
    opt("deliveredAt", Instant),
    opt("refundKind", Text),
    opt("refundReason", Text),
    opt("refundRequestedAt", Instant),
    opt("refundCompletedAt", Instant),
    opt("refundDisputed", Boolean),
];
const REVIEWS: &[Column] = &[
    req("id", Text),
    req("orderId", Text),
    req("buyerId", Text),
    req("overallRating", Integer),
    opt("qualityRating", Integer),
    opt("valueForMoney", Text),
    opt("logisticsRating", Integer),
    opt("serviceRating", Integer),
    opt("text", Text),
    opt("mediaCount", Integer),
    req("createdAt", Instant),
    opt("helpfulVotes", Integer),
    opt("replyText", Text),
    opt("repliedAt", Instant),
];
const SERVICE_EVENTS: &[Column] = &[
    req("kind", Text),
    req("id", Text),
    req("merchantId", Text),
    req("buyerId", Text),
    opt("startedAt", Instant),
    opt("firstResponseSeconds", Integer),
    opt("orderId", Text),
    opt("createdAt", Instant),
    opt("reason", Text),
];
const LIVE_SESSIONS: &[Column] = &[
    req("id", Text),
    req("merchantId", Text),
    req("startAt", Instant),
    req("endAt", Instant),
    opt("signals", Json),
    opt("summary", Json),
    opt("onAir", Json),
    opt("explainMarks", Json),
    opt("staged", Json),
    opt("transcript", Json),
];
const FOLLOWER_COUNTS: &[Column] = &[
    req("merchantId", Text),
    req("date", Day),
    req("followers", Integer),
];
const PROMOTIONS: &[Column] = &[
    req("id", Text),
    req("merchantId", Text),
    req("startAt", Instant),
    req("endAt", Instant),
    req("budgetFen", Integer),
    req("goal", Text),
];
const SESSION_TRAFFIC: &[Column] = &[
    req("sessionId", Text),
    req("naturalExposure", Integer),
    req("paidExposure", Integer),
    req("paidSpendFen", Integer),
    req("gmvFen", Integer),
    opt("promotionId", Text),
];

/// The columns of `table`, in the order `convert` writes them.
pub fn columns(table: Table) -> &'static [Column] {
    match table {
        Table::Categories => CATEGORIES,
        Table::Merchants => MERCHANTS,
        Table::Buyers => BUYERS,
        Table::Products => PRODUCTS,
        Table::Orders => ORDERS,
        Table::Reviews => REVIEWS,
        Table::ServiceEvents => SERVICE_EVENTS,
        Table::LiveSessions => LIVE_SESSIONS,
        Table::FollowerCounts => FOLLOWER_COUNTS,
        Table::Promotions => PROMOTIONS,
        Table::SessionTraffic => SESSION_TRAFFIC,
    }
}
