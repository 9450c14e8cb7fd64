//! The repeat-buyer reviews report: what viewers see (the selection, the tags, the rule) and what
//! the merchant sees of what was left out (counts and examples per reason).

use serde::{Deserialize, Serialize};

use super::tags::Polarity;
use crate::model::{LocalDate, MerchantReply, Timestamp};

/// Why a review of the shop is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum FilterReason {
    /// The order was not delivered (or its review came before delivery).
    NotDelivered,
    /// The buyer has fewer than `minOrders` orders at the shop.
    NotRepeatBuyer,
    /// The index's brushing guard discounted the buyer at this shop.
    DiscountedByGuard,
    /// The merchant chose to show the reviews of other products only (`products`; disclosed to
    /// viewers in `rule.products`).
    ProductNotChosen,
    /// No text, or its letters and digits number fewer than `minChars`.
    TooShort,
    /// Only placeholders and bare praise (默认好评, 此用户未填写评价, 好评 …).
    Boilerplate,
    /// A link, or the navigation words of a scraped page (首页, 登录, 购物车 …).
    NavigationJunk,
    /// The same or nearly the same text written by `spamBuyers` or more buyers.
    CopyPasteSpam,
    /// The same text as a review shown (or kept) before it.
    ExactDuplicate,
    /// The same letters and digits (punctuation, spacing, width, case, entities aside).
    NormalizedDuplicate,
    /// Shingle similarity of at least `nearDuplicate` to a kept review.
    NearDuplicate,
}

/// A review left out, as an example for the merchant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FilteredExample {
    pub review_id: String,
    pub text: String,
    /// The kept review it repeats, for the duplicate reasons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub duplicate_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FilterCount {
    pub reason: FilterReason,
    pub count: u32,
    /// Up to three, oldest first.
    pub examples: Vec<FilteredExample>,
}

/// An aspect tag: "质量好 (32)".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AspectTag {
    pub label: String,
    pub polarity: Polarity,
    /// Kept repeat-buyer reviews that mention it.
    pub count: u32,
    /// Whether viewers see it: the `tagsShown` most mentioned (so no hidden tag, negative or
    /// not, has more mentions than a shown one).
    pub shown: bool,
}

/// One review as viewers see it: the buyer's own text, unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ShownReview {
    pub review_id: String,
    pub product_id: String,
    /// The product's title as the shop lists it (empty when the product is not in the data).
    pub product_title: String,
    /// The buyer's paid orders at the shop by the day T ("bought N times").
    pub orders_at_shop: u32,
    pub rating: u8,
    pub text: String,
    pub media_count: u32,
    pub helpful_votes: u32,
    pub created_at: Timestamp,
    /// Labels of the tags it mentions.
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub reply: Option<MerchantReply>,
}

/// The selection rule, for viewers to read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SelectionRule {
    pub min_orders: u32,
    pub shown: usize,
    /// Whether a critical review (≤ 3★) was kept in on purpose.
    pub includes_critical: bool,
    /// The products the merchant chose to show reviews of (empty: all); viewers are told.
    pub products: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReviewsReport {
    pub merchant_id: String,
    pub as_of: LocalDate,
    /// Reviews of the shop's orders by the day T.
    pub reviews: u32,
    /// Of them, by repeat buyers on delivered orders, not discounted.
    pub eligible: u32,
    /// Of those, kept by the clean-up.
    pub kept: u32,
    pub shown: Vec<ShownReview>,
    /// Every tag of the kept reviews, most mentioned first.
    pub tags: Vec<AspectTag>,
    /// What was left out, per reason (reasons with none are absent), in the reasons' order.
    pub filtered: Vec<FilterCount>,
    pub rule: SelectionRule,
}

/// The clean-up and tags over bare texts ([`super::clean_texts`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TextsReport {
    pub texts: u32,
    pub kept: u32,
    /// Per reason (reasons with none are absent), with example texts by 1-based position.
    pub filtered: Vec<FilterCount>,
    pub tags: Vec<AspectTag>,
}

/// One review of the shop as its merchant sees it in the back office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ListedReview {
    /// The review (its `tags`: every tag its text mentions, whether kept or not).
    pub review: ShownReview,
    /// Whether viewers see it (it is in the report's `shown`).
    pub shown: bool,
    /// Why it is left out, when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub left_out: Option<FilterReason>,
    /// For the duplicate reasons: the kept review it repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub duplicate_of: Option<String>,
}

/// The report and every review of the shop, oldest first ([`super::Reviews::listing`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReviewListing {
    pub report: ReviewsReport,
    pub reviews: Vec<ListedReview>,
}
