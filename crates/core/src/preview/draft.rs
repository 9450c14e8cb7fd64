//! What a preview holds: the session's start and length, its title and cover text, and the
//! products in their planned on-air order, each with a role and the deal; plus the set of fields
//! the merchant changed by hand, which regeneration leaves alone.
//!
//! The draft is self-contained (each item carries the product's title and list price) so a
//! viewer's card and the validation need no catalogue; with the catalogue at hand the check also
//! compares the copies against it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::Timestamp;

/// What an item is for in the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// 爆款: the best sellers the session is built around.
    Hero,
    /// 福利款: a deep discount in limited stock, to reward the viewers who come.
    Welfare,
    /// 常规款
    Regular,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Hero, Role::Welfare, Role::Regular];

    /// The JSON name (what serde writes), for readers without serde.
    pub fn json_name(self) -> &'static str {
        match self {
            Role::Hero => "hero",
            Role::Welfare => "welfare",
            Role::Regular => "regular",
        }
    }
}

/// A coupon for the item: `offFen` off an order of at least `thresholdFen` (满减). A threshold of
/// zero is an unconditional coupon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Coupon {
    pub threshold_fen: i64,
    pub off_fen: i64,
}

/// One product of the live plan. Money is integer fen (分).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreviewItem {
    pub product_id: String,
    /// The product's title, copied from the catalogue when the item was added.
    pub title: String,
    /// The product's list price, copied from the catalogue.
    pub list_price_fen: i64,
    pub role: Role,
    /// The price in the session.
    pub live_price_fen: i64,
    /// How many are offered at that price; absent means no limit (required for welfare deals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub stock: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub coupon: Option<Coupon>,
    /// One short line shown under the item on the card.
    #[serde(default)]
    pub copy: String,
}

/// A live preview (直播预告). `items` are in the planned on-air order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Preview {
    pub merchant_id: String,
    /// The announced start.
    pub start: Timestamp,
    /// Planned length in minutes.
    pub minutes: u32,
    pub title: String,
    #[serde(default)]
    pub cover_text: String,
    #[serde(default)]
    pub items: Vec<PreviewItem>,
    /// The fields the merchant changed by hand (see [`edited`]); regeneration keeps them.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub edited: BTreeSet<String>,
}

/// The names a field has in [`Preview::edited`]. Item fields are keyed by product, not position,
/// so an edit stays with its product when the order changes.
pub mod edited {
    pub const START: &str = "start";
    pub const MINUTES: &str = "minutes";
    pub const TITLE: &str = "title";
    pub const COVER_TEXT: &str = "coverText";
    /// Which products are in the plan, and their order.
    pub const ITEMS: &str = "items";

    /// The item fields that can be edited one by one.
    pub const ITEM_FIELDS: [&str; 5] = ["role", "livePriceFen", "stock", "coupon", "copy"];

    /// `items.<productId>.<field>`, e.g. `items.p-12.livePriceFen`.
    pub fn item(product_id: &str, field: &str) -> String {
        format!("items.{product_id}.{field}")
    }
}

impl Preview {
    pub fn is_edited(&self, field: &str) -> bool {
        self.edited.contains(field)
    }

    pub fn is_item_edited(&self, product_id: &str, field: &str) -> bool {
        self.edited.contains(&edited::item(product_id, field))
    }
}
