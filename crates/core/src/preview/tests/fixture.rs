//! A hand-built shop whose products each play one part in generation: two qualified best
//! sellers, a best seller with too many quality refunds, a deep discount, a cheap item and a
//! product that never sold.

use crate::model::*;

pub fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// The moment the tests generate and validate at.
pub fn now() -> Timestamp {
    ts("2026-12-01T04:00:00Z")
}

pub fn product(d: &mut Dataset, id: &str, merchant: &str, title: &str, list: i64, category: &str) {
    d.products.push(Product {
        id: id.into(),
        merchant_id: merchant.into(),
        title: title.into(),
        list_price_fen: list,
        category_id: category.into(),
    });
}

/// `count` orders of `product` by buyers `b0…`, `days_ago` days before [`now`], at `unit` fen.
#[allow(clippy::too_many_arguments)]
pub fn sell(
    d: &mut Dataset,
    merchant: &str,
    product: &str,
    count: usize,
    unit: i64,
    days_ago: i64,
    quality_refunds: usize,
    rating: Option<u8>,
) {
    for k in 0..count {
        let paid_at = now().plus_seconds(-days_ago * 86_400 - 60 * k as i64);
        let id = format!("o{}", d.orders.len());
        d.orders.push(Order {
            id: id.clone(),
            buyer_id: format!("b{k}"),
            merchant_id: merchant.into(),
            product_id: product.into(),
            channel: Channel::LiveRoom,
            quantity: 1,
            amount_fen: unit,
            paid_at,
            shipped_at: None,
            delivered_at: None,
            refund: (k < quality_refunds).then(|| Refund {
                kind: RefundKind::ReturnAndRefund,
                reason: RefundReason::Quality,
                requested_at: paid_at.plus_seconds(86_400),
                completed_at: None,
                disputed: false,
            }),
        });
        if let Some(overall) = rating {
            d.reviews.push(Review {
                id: format!("r{}", d.reviews.len()),
                order_id: id,
                buyer_id: format!("b{k}"),
                ratings: Ratings {
                    overall,
                    quality: None,
                    value_for_money: None,
                    logistics: None,
                    service: None,
                },
                text: String::new(),
                media_count: 0,
                created_at: paid_at.plus_seconds(3 * 86_400),
                helpful_votes: 0,
                reply: None,
            });
        }
    }
}

pub fn shop() -> Dataset {
    let mut d = Dataset::default();
    d.categories.push(Category {
        id: "food".into(),
        name: "食品".into(),
        parent_id: None,
        repurchase: None,
    });
    d.categories.push(Category {
        id: "fruit".into(),
        name: "水果".into(),
        parent_id: Some("food".into()),
        repurchase: Some(Repurchase::High),
    });
    d.merchants.push(Merchant {
        id: "m0".into(),
        name: "果园".into(),
        category_id: "fruit".into(),
        merchant_type: MerchantType::Vertical,
        start_date: "2025-01-01".parse().unwrap(),
        followers: 100,
    });
    product(&mut d, "p-hero1", "m0", "赣南脐橙", 5900, "fruit");
    product(&mut d, "p-hero2", "m0", "阿克苏苹果", 12900, "fruit");
    product(&mut d, "p-bad", "m0", "软籽石榴", 3900, "fruit");
    product(&mut d, "p-deep", "m0", "车厘子礼盒", 9900, "fruit");
    product(&mut d, "p-cheap", "m0", "砂糖橘", 990, "fruit");
    product(&mut d, "p-new", "m0", "丑橘", 1990, "fruit");
    sell(&mut d, "m0", "p-hero1", 30, 5900, 3, 0, Some(5));
    sell(&mut d, "m0", "p-hero2", 20, 12900, 5, 1, Some(4));
    sell(&mut d, "m0", "p-bad", 40, 3900, 2, 6, Some(3));
    sell(&mut d, "m0", "p-deep", 5, 4900, 10, 0, None);
    sell(&mut d, "m0", "p-cheap", 2, 990, 1, 0, None);
    // Outside the 30-day window: not counted.
    sell(&mut d, "m0", "p-new", 50, 1990, 45, 0, Some(5));
    d
}
