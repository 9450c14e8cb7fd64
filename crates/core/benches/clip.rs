//! The lead-in clip planner natively (`cargo bench -p livetrust-core --bench clip`), on the
//! 4-hour session that tests/bench/clip.bench.mjs writes to target/bench/clip-4h.json (run
//! `cargo xtask bench clip`, which writes it first): a plan from scratch, the score alone, and
//! a re-plan after an edit — the browser harness's figures without wasm.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::run();
}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark on its own generated data
mod native {
    use divan::Bencher;
    use livetrust_core::clip::{ClipPlanner, ClipRequest, ClipSource, LockedSegment};

    pub fn run() {
        divan::main();
    }

    fn source() -> &'static ClipSource {
        static SOURCE: std::sync::OnceLock<ClipSource> = std::sync::OnceLock::new();
        SOURCE.get_or_init(|| {
            let path = std::env::var("CLIP_SESSION").unwrap_or_else(|_| {
                concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../target/bench/clip-4h.json"
                )
                .to_owned()
            });
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!("{path}: {e} (run `cargo xtask bench clip`, which writes it)")
            });
            serde_json::from_str(&text).expect("a clip source")
        })
    }

    fn request() -> ClipRequest {
        let at = source().session.duration_seconds() - 300;
        ClipRequest {
            at_second: Some(at),
            ..ClipRequest::default()
        }
    }

    #[divan::bench(sample_count = 20)]
    fn parse_source_json(b: Bencher) {
        let text = serde_json::to_string(source()).unwrap();
        b.bench(|| serde_json::from_str::<ClipSource>(&text).unwrap());
    }

    #[divan::bench(sample_count = 20)]
    fn plan_from_scratch(b: Bencher) {
        b.with_inputs(|| source().clone())
            .bench_values(|s| ClipPlanner::new(s).unwrap().plan(&request()).unwrap());
    }

    #[divan::bench(sample_count = 20)]
    fn score_only(b: Bencher) {
        b.with_inputs(|| ClipPlanner::new(source().clone()).unwrap())
            .bench_refs(|p| p.track(&request()).map(|t| t.fused.len()).unwrap());
    }

    #[divan::bench(sample_count = 50)]
    fn replan_after_an_edit(b: Bencher) {
        let mut planner = ClipPlanner::new(source().clone()).unwrap();
        let plan = planner.plan(&request()).unwrap();
        let seg = plan.segments[0].clone();
        let mut k = 0;
        b.bench_local(|| {
            k = (k + 1) % 20;
            let edited = ClipRequest {
                locked: vec![LockedSegment {
                    part: seg.part,
                    source_in: seg.source_in,
                    source_out: seg.source_out + 1 + k,
                    product_id: seg.product_id.clone(),
                }],
                ..request()
            };
            planner.plan(&edited).unwrap()
        });
    }
}
