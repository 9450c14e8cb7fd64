//! The CSV form of the tables with nested fields: one flat row per record, with prefixed columns
//! (`refundKind`, `qualityRating`, `replyText`, …) and empty cells for absent values. Flat tables
//! (categories, merchants, buyers, products) use the model types directly. Columnar files use the
//! same layout; `convert` writes records through these rows.

use serde::{Deserialize, Serialize};

use crate::model::{
    ComplaintReason, MerchantReply, Order, Ratings, Refund, RefundKind, RefundReason, Review,
    ServiceEvent, Timestamp, ValueForMoney,
};

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrderRow {
    id: String,
    buyer_id: String,
    merchant_id: String,
    product_id: String,
    channel: crate::model::Channel,
    quantity: u32,
    amount_fen: i64,
    paid_at: Timestamp,
    shipped_at: Option<Timestamp>,
    delivered_at: Option<Timestamp>,
    refund_kind: Option<RefundKind>,
    refund_reason: Option<RefundReason>,
    refund_requested_at: Option<Timestamp>,
    refund_completed_at: Option<Timestamp>,
    refund_disputed: Option<bool>,
}

impl OrderRow {
    /// Into the model; Err names the refund column that is missing when others are present.
    pub fn into_order(self) -> Result<Order, (&'static str, &'static str)> {
        let refund = match (
            self.refund_kind,
            self.refund_reason,
            self.refund_requested_at,
        ) {
            (None, None, None) if self.refund_completed_at.is_none() => None,
            (Some(kind), Some(reason), Some(requested_at)) => Some(Refund {
                kind,
                reason,
                requested_at,
                completed_at: self.refund_completed_at,
                disputed: self.refund_disputed.unwrap_or(false),
            }),
            (None, _, _) => {
                return Err((
                    "refundKind",
                    "is needed when other refund columns are filled",
                ))
            }
            (_, None, _) => {
                return Err((
                    "refundReason",
                    "is needed when other refund columns are filled",
                ))
            }
            (_, _, None) => {
                return Err((
                    "refundRequestedAt",
                    "is needed when other refund columns are filled",
                ))
            }
        };
        Ok(Order {
            id: self.id,
            buyer_id: self.buyer_id,
            merchant_id: self.merchant_id,
            product_id: self.product_id,
            channel: self.channel,
            quantity: self.quantity,
            amount_fen: self.amount_fen,
            paid_at: self.paid_at,
            shipped_at: self.shipped_at,
            delivered_at: self.delivered_at,
            refund,
        })
    }
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviewRow {
    id: String,
    order_id: String,
    buyer_id: String,
    overall_rating: u8,
    quality_rating: Option<u8>,
    value_for_money: Option<ValueForMoney>,
    logistics_rating: Option<u8>,
    service_rating: Option<u8>,
    #[serde(default)]
    text: String,
    media_count: Option<u32>,
    created_at: Timestamp,
    helpful_votes: Option<u32>,
    reply_text: Option<String>,
    replied_at: Option<Timestamp>,
}

impl ReviewRow {
    pub fn into_review(self) -> Result<Review, (&'static str, &'static str)> {
        let reply = match (self.reply_text, self.replied_at) {
            (None, None) => None,
            (Some(text), Some(replied_at)) => Some(MerchantReply { text, replied_at }),
            (None, Some(_)) => return Err(("replyText", "is needed when repliedAt is filled")),
            (Some(_), None) => return Err(("repliedAt", "is needed when replyText is filled")),
        };
        Ok(Review {
            id: self.id,
            order_id: self.order_id,
            buyer_id: self.buyer_id,
            ratings: Ratings {
                overall: self.overall_rating,
                quality: self.quality_rating,
                value_for_money: self.value_for_money,
                logistics: self.logistics_rating,
                service: self.service_rating,
            },
            text: self.text,
            media_count: self.media_count.unwrap_or(0),
            created_at: self.created_at,
            helpful_votes: self.helpful_votes.unwrap_or(0),
            reply,
        })
    }
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
enum ServiceEventKind {
    Conversation,
    Complaint,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceEventRow {
    kind: ServiceEventKind,
    id: String,
    merchant_id: String,
    buyer_id: String,
    started_at: Option<Timestamp>,
    first_response_seconds: Option<u32>,
    order_id: Option<String>,
    created_at: Option<Timestamp>,
    reason: Option<ComplaintReason>,
}

impl ServiceEventRow {
    pub fn into_event(self) -> Result<ServiceEvent, (&'static str, &'static str)> {
        Ok(match self.kind {
            ServiceEventKind::Conversation => ServiceEvent::Conversation {
                id: self.id,
                merchant_id: self.merchant_id,
                buyer_id: self.buyer_id,
                started_at: self
                    .started_at
                    .ok_or(("startedAt", "is needed for a conversation"))?,
                first_response_seconds: self.first_response_seconds,
            },
            ServiceEventKind::Complaint => ServiceEvent::Complaint {
                id: self.id,
                merchant_id: self.merchant_id,
                buyer_id: self.buyer_id,
                order_id: self.order_id,
                created_at: self
                    .created_at
                    .ok_or(("createdAt", "is needed for a complaint"))?,
                reason: self.reason.ok_or(("reason", "is needed for a complaint"))?,
            },
        })
    }
}

impl From<&Order> for OrderRow {
    fn from(o: &Order) -> Self {
        let refund = o.refund.as_ref();
        OrderRow {
            id: o.id.clone(),
            buyer_id: o.buyer_id.clone(),
            merchant_id: o.merchant_id.clone(),
            product_id: o.product_id.clone(),
            channel: o.channel,
            quantity: o.quantity,
            amount_fen: o.amount_fen,
            paid_at: o.paid_at,
            shipped_at: o.shipped_at,
            delivered_at: o.delivered_at,
            refund_kind: refund.map(|r| r.kind),
            refund_reason: refund.map(|r| r.reason),
            refund_requested_at: refund.map(|r| r.requested_at),
            refund_completed_at: refund.and_then(|r| r.completed_at),
            refund_disputed: refund.map(|r| r.disputed),
        }
    }
}

impl From<&Review> for ReviewRow {
    fn from(r: &Review) -> Self {
        ReviewRow {
            id: r.id.clone(),
            order_id: r.order_id.clone(),
            buyer_id: r.buyer_id.clone(),
            overall_rating: r.ratings.overall,
            quality_rating: r.ratings.quality,
            value_for_money: r.ratings.value_for_money,
            logistics_rating: r.ratings.logistics,
            service_rating: r.ratings.service,
            text: r.text.clone(),
            media_count: Some(r.media_count),
            created_at: r.created_at,
            helpful_votes: Some(r.helpful_votes),
            reply_text: r.reply.as_ref().map(|m| m.text.clone()),
            replied_at: r.reply.as_ref().map(|m| m.replied_at),
        }
    }
}

impl From<&ServiceEvent> for ServiceEventRow {
    fn from(e: &ServiceEvent) -> Self {
        match e {
            ServiceEvent::Conversation {
                id,
                merchant_id,
                buyer_id,
                started_at,
                first_response_seconds,
            } => ServiceEventRow {
                kind: ServiceEventKind::Conversation,
                id: id.clone(),
                merchant_id: merchant_id.clone(),
                buyer_id: buyer_id.clone(),
                started_at: Some(*started_at),
                first_response_seconds: *first_response_seconds,
                order_id: None,
                created_at: None,
                reason: None,
            },
            ServiceEvent::Complaint {
                id,
                merchant_id,
                buyer_id,
                order_id,
                created_at,
                reason,
            } => ServiceEventRow {
                kind: ServiceEventKind::Complaint,
                id: id.clone(),
                merchant_id: merchant_id.clone(),
                buyer_id: buyer_id.clone(),
                started_at: None,
                first_response_seconds: None,
                order_id: order_id.clone(),
                created_at: Some(*created_at),
                reason: Some(*reason),
            },
        }
    }
}
