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
    use livetrust_core::generate::{with_large_merchant, GenerateConfig};
    use livetrust_core::index::{
        market_index, what_if, IndexConfig, MetricEdit, MetricId, PlacementInput,
    };
    use livetrust_core::model::{Dataset, LocalDate};

    pub fn run() {
        divan::main();
    }

    const ORDERS: usize = 1_000_000;
    const REVIEWS: usize = 200_000;

    fn big_merchant() -> &'static (Dataset, LocalDate) {
        static DATA: std::sync::OnceLock<(Dataset, LocalDate)> = std::sync::OnceLock::new();
        DATA.get_or_init(|| {
            let config = GenerateConfig::default();
            (
                with_large_merchant(&config, ORDERS, REVIEWS).unwrap(),
                config.as_of,
            )
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
        let placement = PlacementInput {
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
