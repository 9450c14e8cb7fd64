//! The category table and each merchant's products.

use super::categories::{L1, L2};
use super::names::product_title;
use super::sample::{retail_price, stream, Sample};
use super::traits::MerchantPlan;
use super::TAG_PRODUCTS;
use crate::model::{Category, MerchantType, Product};

pub(super) fn categories() -> Vec<Category> {
    let l1 = L1.iter().map(|c| Category {
        id: c.id.to_owned(),
        name: c.name.to_owned(),
        parent_id: None,
        repurchase: None,
    });
    let l2 = L2.iter().map(|c| Category {
        id: c.id.to_owned(),
        name: c.name.to_owned(),
        parent_id: L1.get(c.l1).map(|p| p.id.to_owned()),
        repurchase: Some(c.repurchase),
    });
    l1.chain(l2).collect()
}

/// 3–30 products per merchant, more for bigger shops, and records each merchant's range.
pub(super) fn products(seed: u64, plans: &mut [MerchantPlan]) -> Vec<Product> {
    let mut out = Vec::with_capacity(plans.len() * 8);
    for (i, plan) in plans.iter_mut().enumerate() {
        let mut rng = stream(seed, TAG_PRODUCTS, i as u64);
        let cat = &L2[plan.l2 % L2.len()];
        let t = plan.target_orders;
        let count = if t < 150 {
            rng.int(3, 7)
        } else if t < 600 {
            rng.int(5, 12)
        } else if t < 3000 {
            rng.int(8, 19)
        } else {
            rng.int(14, 30)
        } as usize;
        let mut items: Vec<usize> = (0..cat.items.len()).collect();
        rng.shuffle(&mut items);
        // Brands price higher within the category range.
        let premium = match plan.merchant.merchant_type {
            MerchantType::Brand => 1.25,
            MerchantType::FastBrand => 1.1,
            _ => 1.0,
        };
        let (lo, hi) = cat.price_fen;
        let start = out.len();
        for k in 0..count {
            let item = items
                .get(k % items.len().max(1))
                .and_then(|&j| cat.items.get(j))
                .copied()
                .unwrap_or("好物");
            let mut title = product_title(&mut rng, cat, item);
            if k >= cat.items.len() {
                title.push_str("（升级款）");
            }
            let u = rng.next_f64();
            let raw = (lo as f64 + (hi - lo) as f64 * u * u) * premium;
            out.push(Product {
                id: format!("p{:06}", out.len() + 1),
                merchant_id: plan.merchant.id.clone(),
                title,
                list_price_fen: retail_price(raw.min(hi as f64)),
                category_id: cat.id.to_owned(),
            });
        }
        plan.products = start..out.len();
    }
    out
}
