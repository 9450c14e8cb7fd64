//! Customer-service events: conversations (with the first-response time) and complaints.

use serde::{Deserialize, Serialize};

use super::time::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ServiceEvent {
    /// A customer-service conversation.
    #[serde(rename_all = "camelCase")]
    Conversation {
        id: String,
        merchant_id: String,
        buyer_id: String,
        started_at: Timestamp,
        /// Seconds until the merchant first answered; absent when nobody answered.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "tsify", tsify(optional))]
        first_response_seconds: Option<u32>,
    },
    /// A complaint to the platform about the merchant.
    #[serde(rename_all = "camelCase")]
    Complaint {
        id: String,
        merchant_id: String,
        buyer_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "tsify", tsify(optional))]
        order_id: Option<String>,
        created_at: Timestamp,
        reason: ComplaintReason,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum ComplaintReason {
    Quality,
    Shipping,
    Service,
    FalseAdvertising,
    Other,
}

impl ServiceEvent {
    pub fn id(&self) -> &str {
        match self {
            ServiceEvent::Conversation { id, .. } | ServiceEvent::Complaint { id, .. } => id,
        }
    }

    pub fn merchant_id(&self) -> &str {
        match self {
            ServiceEvent::Conversation { merchant_id, .. }
            | ServiceEvent::Complaint { merchant_id, .. } => merchant_id,
        }
    }
}
