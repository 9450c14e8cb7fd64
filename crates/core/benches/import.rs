//! Import throughput of NDJSON orders, natively (`cargo bench -p livetrust-core --bench import`).
//!
//! The data is the demo marketplace (1 000 merchants) serialized to NDJSON in memory; the catalog
//! tables are imported in the set-up so each sample measures the orders file alone.

// The browser figure comes from `cargo xtask bench` (tests/bench/), not from this file.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::run();
}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::unwrap_used)] // a benchmark on its own generated data
mod native {
    use divan::counter::BytesCount;
    use divan::Bencher;
    use livetrust_core::generate::{generate, GenerateConfig};
    use livetrust_core::import::{ImportOptions, Importer};
    use livetrust_core::model::Table;
    use serde::Serialize;

    pub fn run() {
        divan::main();
    }

    fn ndjson<T: Serialize>(records: &[T]) -> Vec<u8> {
        let mut out = Vec::new();
        for r in records {
            serde_json::to_writer(&mut out, r).unwrap();
            out.push(b'\n');
        }
        out
    }

    struct Data {
        categories: Vec<u8>,
        merchants: Vec<u8>,
        products: Vec<u8>,
        orders: Vec<u8>,
    }

    fn data() -> &'static Data {
        static DATA: std::sync::OnceLock<Data> = std::sync::OnceLock::new();
        DATA.get_or_init(|| {
            let d = generate(&GenerateConfig {
                merchants: 1_000,
                ..GenerateConfig::default()
            })
            .unwrap();
            Data {
                categories: ndjson(&d.categories),
                merchants: ndjson(&d.merchants),
                products: ndjson(&d.products),
                orders: ndjson(&d.orders),
            }
        })
    }

    fn with_catalog(keep_records: bool) -> Importer {
        let d = data();
        let mut importer = Importer::new(ImportOptions {
            keep_records,
            max_problems: 1_000,
        });
        importer.ndjson("categories.ndjson", Table::Categories, &d.categories);
        importer.ndjson("merchants.ndjson", Table::Merchants, &d.merchants);
        importer.ndjson("products.ndjson", Table::Products, &d.products);
        importer
    }

    #[divan::bench(args = [false, true], sample_count = 10)]
    fn orders_ndjson(bencher: Bencher, keep_records: bool) {
        let orders = &data().orders;
        bencher
            .counter(BytesCount::new(orders.len()))
            .with_inputs(|| with_catalog(keep_records))
            .bench_local_values(|mut importer| {
                importer.ndjson("orders.ndjson", Table::Orders, orders);
                let imported = importer.finish();
                assert!(imported.report.is_clean());
                imported
            });
    }
}
