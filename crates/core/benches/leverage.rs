//! "1+N" leverage for the whole market, natively (`cargo bench -p livetrust-core --bench
//! leverage`): the 1 000 000-order fixture (the demo marketplace and its session traffic plus one
//! merchant with a million orders), every merchant's estimate and the distribution; and one
//! merchant's report with its timeline.

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
    use livetrust_core::leverage::{self, LeverageConfig};
    use livetrust_core::model::Dataset;

    pub fn run() {
        divan::main();
    }

    fn fixture() -> &'static Dataset {
        static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
        DATA.get_or_init(|| {
            with_large_merchant(&GenerateConfig::default(), 1_000_000, 200_000).unwrap()
        })
    }

    #[divan::bench(sample_count = 20)]
    fn market_leverage_on_the_one_million_order_fixture(bencher: Bencher) {
        let d = fixture();
        let config = LeverageConfig::default();
        bencher.bench(|| leverage::market(d, &config).unwrap());
    }

    #[divan::bench(sample_count = 20)]
    fn one_merchants_leverage_with_its_timeline(bencher: Bencher) {
        let d = fixture();
        let config = LeverageConfig::default();
        bencher.bench(|| leverage::run(d, "m0002", &config).unwrap());
    }
}
