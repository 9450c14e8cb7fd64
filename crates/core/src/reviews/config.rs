//! The repeat-buyer reviews' settings: what counts as a repeat buyer, what the clean-up removes
//! and how the selection is ranked. Configuration with documented defaults (docs/reviews.md).

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ReviewsConfig {
    /// A repeat buyer has at least this many paid orders at the shop (by the day T).
    pub min_orders: u32,
    /// Texts whose normal form (letters and digits only) is shorter are "too short to inform".
    pub min_chars: usize,
    /// Characters per shingle for near-duplicate detection.
    pub shingle: usize,
    /// Two texts whose shingle sets' Jaccard similarity (MinHash estimate) reaches this are near
    /// duplicates.
    pub near_duplicate: f64,
    /// A text (or a near duplicate of it) written by at least this many different buyers anywhere
    /// in the data is copy-paste spam.
    pub spam_buyers: usize,
    /// How many reviews the selection shows.
    pub shown: usize,
    /// Maximal marginal relevance: weight of a review's own score against its similarity to the
    /// reviews already chosen (1 = score only).
    pub relevance_weight: f64,
    /// Days for a review's recency weight to halve.
    pub recency_half_life_days: f64,
    /// How many aspect tags are shown (the most mentioned; every tag's count is reported).
    pub tags_shown: usize,
    /// The merchant's choice of products whose reviews are shown (empty: every product). The
    /// choice is disclosed to viewers with the selection rule.
    pub products: Vec<String>,
}

impl Default for ReviewsConfig {
    fn default() -> Self {
        ReviewsConfig {
            min_orders: 2,
            min_chars: 6,
            shingle: 3,
            near_duplicate: 0.8,
            spam_buyers: 3,
            shown: 9,
            relevance_weight: 0.7,
            recency_half_life_days: 90.0,
            tags_shown: 8,
            products: Vec::new(),
        }
    }
}

impl ReviewsConfig {
    pub fn validate(&self) -> Result<()> {
        let field = |name: &str, reason: &str| Err(Error::invalid_field(name, reason));
        if self.min_orders < 2 {
            return field("minOrders", "a repeat buyer has at least 2 orders");
        }
        if !(1..=8).contains(&self.shingle) {
            return field("shingle", "must be 1 to 8 characters");
        }
        if !(self.near_duplicate > 0.0 && self.near_duplicate <= 1.0) {
            return field("nearDuplicate", "must be in (0, 1]");
        }
        if self.spam_buyers < 2 {
            return field(
                "spamBuyers",
                "must be at least 2 (one buyer repeating is a duplicate)",
            );
        }
        if !(0.0..=1.0).contains(&self.relevance_weight) {
            return field("relevanceWeight", "must be in [0, 1]");
        }
        if !(self.recency_half_life_days.is_finite() && self.recency_half_life_days > 0.0) {
            return field("recencyHalfLifeDays", "must be a positive number of days");
        }
        if self.shown == 0 || self.shown > 100 {
            return field("shown", "must be 1 to 100");
        }
        if let Some(i) = self.products.iter().position(|p| p.trim().is_empty()) {
            return Err(Error::invalid_field(
                format!("products[{i}]"),
                "a product id must not be empty",
            ));
        }
        Ok(())
    }
}
