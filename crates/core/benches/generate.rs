//! The demo marketplace generator natively (`cargo bench -p livetrust-core --bench generate`):
//! the default demo (300 merchants, ~10 400 live sessions) that the app's worker generates at
//! start-up (tests/bench/startup.bench.mjs reports the same step in Chromium), and the live
//! sessions' share of it.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    divan::main();
}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::unwrap_used)] // a benchmark of the generator's own default config
mod native {
    use livetrust_core::generate::{generate, GenerateConfig};

    #[divan::bench(sample_count = 10)]
    fn default_demo() -> usize {
        let d = generate(&GenerateConfig::default()).unwrap();
        d.live_sessions.len()
    }
}
