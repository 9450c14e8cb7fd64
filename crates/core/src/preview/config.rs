//! The preview's tunable rules: the allowed start window, text lengths, how many items of each
//! role generation proposes and what makes a product a hero or a welfare deal. Every field has a
//! default; a partial JSON config fills in the rest.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct PreviewConfig {
    /// The start must be at least this many minutes after now.
    pub min_lead_minutes: u32,
    /// … and at most this many days after now.
    pub max_lead_days: u32,
    /// Title length in characters, both ends included.
    pub title_min_chars: u32,
    pub title_max_chars: u32,
    pub cover_text_max_chars: u32,
    pub copy_max_chars: u32,
    pub max_items: u32,
    /// Session length bounds in minutes.
    pub min_minutes: u32,
    pub max_minutes: u32,
    /// Generation: the trailing window of orders and reviews it reads, in days before now.
    pub window_days: u32,
    pub hero_count: u32,
    pub welfare_count: u32,
    pub regular_count: u32,
    /// A hero's quality-refund rate over the window must be at most this …
    pub hero_max_quality_refund_rate: f64,
    /// … and its mean overall rating (when it has reviews) at least this.
    pub hero_min_rating: f64,
    /// A welfare deal's live price, as a share of its list price.
    pub welfare_price_share: f64,
    /// A welfare deal's stock: this many days of the product's recent sales, within the bounds.
    pub welfare_stock_days: f64,
    pub welfare_stock_min: u32,
    pub welfare_stock_max: u32,
    /// Default session length of a generated preview, in minutes.
    pub default_minutes: u32,
}

impl Default for PreviewConfig {
    fn default() -> Self {
        PreviewConfig {
            min_lead_minutes: 10,
            max_lead_days: 30,
            title_min_chars: 4,
            title_max_chars: 30,
            cover_text_max_chars: 40,
            copy_max_chars: 40,
            max_items: 30,
            min_minutes: 15,
            max_minutes: 720,
            window_days: 30,
            hero_count: 2,
            welfare_count: 2,
            regular_count: 4,
            hero_max_quality_refund_rate: 0.05,
            hero_min_rating: 4.0,
            welfare_price_share: 0.5,
            welfare_stock_days: 2.0,
            welfare_stock_min: 20,
            welfare_stock_max: 500,
            default_minutes: 120,
        }
    }
}

impl PreviewConfig {
    /// An error naming the first field that cannot work.
    pub fn validate(&self) -> Result<()> {
        let bad = |field: &str, reason: &str| Err(Error::invalid_field(field, reason));
        if self.max_lead_days == 0 {
            return bad("maxLeadDays", "must be at least 1");
        }
        if self.title_min_chars == 0 || self.title_min_chars > self.title_max_chars {
            return bad(
                "titleMinChars",
                "must be at least 1 and at most titleMaxChars",
            );
        }
        if self.max_items == 0 {
            return bad("maxItems", "must be at least 1");
        }
        if self.min_minutes == 0 || self.min_minutes > self.max_minutes {
            return bad("minMinutes", "must be at least 1 and at most maxMinutes");
        }
        if !(self.min_minutes..=self.max_minutes).contains(&self.default_minutes) {
            return bad("defaultMinutes", "must be within minMinutes..maxMinutes");
        }
        if self.window_days == 0 {
            return bad("windowDays", "must be at least 1");
        }
        if !(0.0..=1.0).contains(&self.hero_max_quality_refund_rate) {
            return bad("heroMaxQualityRefundRate", "must be a rate from 0 to 1");
        }
        if !(1.0..=5.0).contains(&self.hero_min_rating) {
            return bad("heroMinRating", "must be from 1 to 5");
        }
        if !(self.welfare_price_share > 0.0 && self.welfare_price_share < 1.0) {
            return bad("welfarePriceShare", "must be above 0 and below 1");
        }
        if !(self.welfare_stock_days.is_finite() && self.welfare_stock_days > 0.0) {
            return bad("welfareStockDays", "must be a positive number");
        }
        if self.welfare_stock_min == 0 || self.welfare_stock_min > self.welfare_stock_max {
            return bad(
                "welfareStockMin",
                "must be at least 1 and at most welfareStockMax",
            );
        }
        if self.hero_count == 0 {
            return bad("heroCount", "must be at least 1 (a preview needs a hero)");
        }
        if self.hero_count + self.welfare_count + self.regular_count > self.max_items {
            return bad(
                "heroCount",
                "heroCount + welfareCount + regularCount exceeds maxItems",
            );
        }
        Ok(())
    }
}
