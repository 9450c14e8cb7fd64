//! A benchmark fixture: the demo marketplace plus one very large merchant (a million orders in
//! the last 30 days), for measuring the index at platform scale natively and in the browser.

use super::categories::Kind;
use super::sample::Sample;
use super::text::{review_text, Experience};
use super::{generate, GenerateConfig};
use crate::model::{
    Buyer, Channel, Dataset, Merchant, MerchantType, Order, Product, Ratings, Review, Timestamp,
};
use crate::rng::SplitMix64;
use crate::Result;

/// The id of the large merchant.
pub const LARGE_MERCHANT: &str = "big";

/// The demo marketplace of `config` plus merchant [`LARGE_MERCHANT`] in the first merchant's
/// category, with `orders` orders from about `orders / 2.5` buyers over the 30 days before
/// `config.as_of`, and `reviews` reviews of delivered orders, written as the demo's buyers write
/// theirs (the generator's phrases for beauty products; some happy buyers leave no text).
pub fn with_large_merchant(
    config: &GenerateConfig,
    orders: usize,
    reviews: usize,
) -> Result<Dataset> {
    let mut d = generate(config)?;
    let category = d
        .merchants
        .first()
        .map(|m| m.category_id.clone())
        .unwrap_or_default();
    d.merchants.push(Merchant {
        id: LARGE_MERCHANT.into(),
        name: "大店".into(),
        category_id: category.clone(),
        merchant_type: MerchantType::Brand,
        start_date: config.as_of.minus_days(2000),
        followers: 5_000_000,
    });
    d.products.push(Product {
        id: "big-p".into(),
        merchant_id: LARGE_MERCHANT.into(),
        title: "爆款".into(),
        list_price_fen: 9900,
        category_id: category,
    });
    let mut rng = SplitMix64::new(config.seed ^ 0xB16);
    let start = config.as_of.minus_days(30).start().unix();
    let buyers = (orders as u64 * 2 / 5).max(1);
    // Long-standing accounts with their own addresses and devices: a genuine shop.
    let registered = Timestamp::from_unix(config.as_of.minus_days(400).start().unix());
    d.buyers.extend((0..buyers).map(|b| Buyer {
        id: format!("big-b{b}"),
        registered_at: registered,
        address_cluster: Some(format!("big-a{b}")),
        device_cluster: Some(format!("big-d{b}")),
    }));
    let first = d.orders.len();
    for i in 0..orders {
        let paid = Timestamp::from_unix(start + rng.below(29 * 86_400) as i64)
            .unwrap_or(config.as_of.start());
        let shipped = paid.plus_seconds(3600 * (6 + rng.below(60) as i64));
        d.orders.push(Order {
            id: format!("big-o{i}"),
            buyer_id: format!("big-b{}", rng.below(buyers)),
            merchant_id: LARGE_MERCHANT.into(),
            product_id: "big-p".into(),
            channel: if rng.below(10) < 8 {
                Channel::LiveRoom
            } else {
                Channel::Shop
            },
            quantity: 1,
            amount_fen: 9900,
            paid_at: paid,
            shipped_at: Some(shipped),
            delivered_at: Some(shipped.plus_seconds(3600 * (24 + rng.below(40) as i64))),
            refund: None,
        });
    }
    let step = (orders / reviews.max(1)).max(1);
    for i in 0..reviews.min(orders) {
        let o = &d.orders[first + i * step];
        let stars = 1 + rng.below(5) as u8;
        let experience = Experience {
            overall: stars,
            quality: stars,
            logistics: 3 + rng.below(3) as u8,
            service: if stars <= 2 { 2 } else { 4 },
            worth: stars >= 3,
            returning: rng.chance(0.6),
        };
        let text = review_text(&mut rng, Kind::Beauty, &experience);
        let created_at = o.delivered_at.unwrap_or(o.paid_at).plus_seconds(3600);
        let review = Review {
            id: format!("big-r{i}"),
            order_id: o.id.clone(),
            buyer_id: o.buyer_id.clone(),
            ratings: Ratings {
                overall: stars,
                quality: Some(stars),
                value_for_money: None,
                logistics: None,
                service: None,
            },
            text,
            media_count: 0,
            created_at,
            helpful_votes: 0,
            reply: None,
        };
        d.reviews.push(review);
    }
    Ok(d)
}
