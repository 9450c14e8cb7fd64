//! The index for one large merchant, natively (`cargo bench -p livetrust-core --bench index`):
//! 1 000 000 orders and 200 000 reviews in the window, against the peers of the demo marketplace,
//! and a what-if recompute for that merchant.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::run();
}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::unwrap_used)] // a benchmark on its own generated data
mod native {
    use divan::Bencher;
    use livetrust_core::generate::{generate, GenerateConfig};
    use livetrust_core::index::{
        market_index, what_if, IndexConfig, MetricEdit, MetricId, Placement,
    };
    use livetrust_core::model::*;
    use livetrust_core::rng::SplitMix64;

    pub fn run() {
        divan::main();
    }

    const ORDERS: usize = 1_000_000;
    const REVIEWS: usize = 200_000;

    /// The demo marketplace's catalog plus one extra merchant in the first category with 1 M
    /// orders (about 400 k buyers) and 200 k reviews over the last 30 days.
    fn big_merchant() -> &'static (Dataset, LocalDate) {
        static DATA: std::sync::OnceLock<(Dataset, LocalDate)> = std::sync::OnceLock::new();
        DATA.get_or_init(|| {
            let config = GenerateConfig::default();
            let mut d = generate(&config).unwrap();
            let category = d.merchants[0].category_id.clone();
            d.merchants.push(Merchant {
                id: "big".into(),
                name: "大店".into(),
                category_id: category.clone(),
                merchant_type: MerchantType::Brand,
                start_date: "2020-01-01".parse().unwrap(),
                followers: 5_000_000,
            });
            d.products.push(Product {
                id: "big-p".into(),
                merchant_id: "big".into(),
                title: "爆款".into(),
                list_price_fen: 9900,
                category_id: category,
            });
            let mut rng = SplitMix64::new(7);
            let start = config.as_of.minus_days(30).start().unix();
            for i in 0..ORDERS {
                let paid = Timestamp::from_unix(start + rng.below(29 * 86_400) as i64).unwrap();
                d.orders.push(Order {
                    id: format!("big-o{i}"),
                    buyer_id: format!("big-b{}", rng.below(400_000)),
                    merchant_id: "big".into(),
                    product_id: "big-p".into(),
                    channel: if rng.below(10) < 8 {
                        Channel::LiveRoom
                    } else {
                        Channel::Shop
                    },
                    quantity: 1,
                    amount_fen: 9900,
                    paid_at: paid,
                    shipped_at: Some(paid.plus_seconds(3600 * (6 + rng.below(60) as i64))),
                    delivered_at: Some(paid.plus_seconds(3600 * (60 + rng.below(40) as i64))),
                    refund: None,
                });
            }
            for i in 0..REVIEWS {
                let o = &d.orders[d.orders.len() - ORDERS + i * (ORDERS / REVIEWS)];
                let stars = 1 + rng.below(5) as u8;
                d.reviews.push(Review {
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
                    text: String::new(),
                    media_count: 0,
                    created_at: o.delivered_at.unwrap().plus_seconds(3600),
                    helpful_votes: 0,
                    reply: None,
                });
            }
            (d, config.as_of)
        })
    }

    #[divan::bench(sample_count = 5)]
    fn whole_market_with_one_million_order_merchant(bencher: Bencher) {
        let (d, as_of) = big_merchant();
        let config = IndexConfig::default();
        bencher.bench(|| {
            market_index(d, *as_of, &config)
                .unwrap()
                .report("big", &config)
                .unwrap()
        });
    }

    #[divan::bench(sample_count = 20)]
    fn what_if_for_the_large_merchant(bencher: Bencher) {
        let (d, as_of) = big_merchant();
        let config = IndexConfig::default();
        let market = market_index(d, *as_of, &config).unwrap();
        let i = market
            .merchants
            .iter()
            .position(|m| m.merchant_id == "big")
            .unwrap();
        let placement = Placement {
            as_of: *as_of,
            merchant: market.merchants[i].clone(),
            peers: market
                .peers(&market.merchant_categories[i])
                .unwrap()
                .clone(),
            config: None,
        };
        let edits = [MetricEdit {
            metric: MetricId::ShipWithin48hRate,
            value: 0.95,
        }];
        bencher.bench(|| what_if(&placement, &edits).unwrap());
    }
}
