//! `cargo xtask bench`: the benchmarks behind docs/benchmarks.md. Native figures come from divan
//! (`cargo bench`), browser figures from timing harnesses in headless Chromium (tests/bench/).
//! Never part of `cargo xtask test`: timings are measured, not asserted.

use std::path::{Path, PathBuf};

use crate::install;
use crate::pkg;
use crate::process::{cmd, project_root, run as run_command, Result};
use crate::widgets;

/// Writes demo data with the release CLI (`livetrust demo --out DIR ARGS…`).
fn demo_data(name: &str, args: &[&str]) -> Result<PathBuf> {
    let out = project_root().join("target/bench").join(name);
    let out_text = out.to_string_lossy().into_owned();
    let mut all = vec![
        "run",
        "--locked",
        "--release",
        "-q",
        "-p",
        "livetrust-cli",
        "--",
        "demo",
        "--out",
        &out_text,
    ];
    all.extend_from_slice(args);
    run_command(cmd("cargo", &all))?;
    Ok(out)
}

fn cargo_bench(name: &str) -> Result {
    run_command(cmd(
        "cargo",
        &["bench", "--locked", "-p", "livetrust-core", "--bench", name],
    ))
}

/// Runs a browser harness on a data directory and the npm package.
fn browser_bench(script: &str, data: &Path) -> Result {
    run_command(cmd(
        "node",
        &[
            script,
            &data.to_string_lossy(),
            &pkg::out_dir().to_string_lossy(),
        ],
    ))
}

/// The lead-in clip planner on a 4-hour session in Chromium, and what the planner adds to the
/// package: the package built without the `clip` feature beside the real one; then the same
/// session natively (divan).
fn clip_bench() -> Result {
    let without = project_root().join("target/bench/pkg-without-clip");
    pkg::build_wasm(&without, &["--no-default-features"])?;
    // The real package last, so crates/wasm/pkg and the build directory agree afterwards.
    pkg::build()?;
    run_command(cmd(
        "node",
        &[
            "tests/bench/clip.bench.mjs",
            &without.to_string_lossy(),
            &pkg::out_dir().to_string_lossy(),
        ],
    ))?;
    // Natively on the session the harness wrote (target/bench/clip-4h.json).
    cargo_bench("clip")
}

/// The 1 M-order fixture of issue 16 (and of the browser index benchmark).
fn large_merchant_data() -> Result<PathBuf> {
    demo_data(
        "large-merchant",
        &[
            "--large-merchant-orders",
            "1000000",
            "--large-merchant-reviews",
            "200000",
        ],
    )
}

/// livetrust against DuckDB on the same files (tests/bench/duckdb/race.py): the release CLI's
/// `index` from NDJSON and from its own Parquet conversion, DuckDB's SQL version of the metrics
/// with 1 and 2 threads from both; the script checks DuckDB's values against livetrust's and
/// fails on any mismatch.
fn duckdb_race(data: &Path) -> Result {
    let python = install::duckdb_python()?;
    let release_cli = project_root().join("target/release/livetrust");
    let parquet = data.with_file_name(format!(
        "{}-parquet",
        data.file_name()
            .map_or("data".into(), |n| n.to_string_lossy())
    ));
    run_command(cmd(
        &release_cli.to_string_lossy(),
        &[
            "-q",
            "convert",
            "--data",
            &data.to_string_lossy(),
            "--out",
            &parquet.to_string_lossy(),
        ],
    ))?;
    run_command(cmd(
        &python.to_string_lossy(),
        &[
            "tests/bench/duckdb/race.py",
            "--data",
            &data.to_string_lossy(),
            "--parquet-dir",
            &parquet.to_string_lossy(),
            "--livetrust-parquet",
            "--livetrust",
            &release_cli.to_string_lossy(),
            "--threads",
            "1,2",
            "--runs",
            "3",
        ],
    ))
}

/// `cargo xtask bench` runs every benchmark; `cargo xtask bench clip` only the clip planner's,
/// `cargo xtask bench duckdb` only the race against DuckDB.
pub fn run(args: &[&str]) -> Result {
    if args.first() == Some(&"duckdb") {
        run_command(cmd("cargo", &["fetch", "--locked"]))?;
        let data = large_merchant_data()?;
        return duckdb_race(&data);
    }
    install::build_tools()?;
    install::browser_tools()?;
    run_command(cmd("cargo", &["fetch", "--locked"]))?;
    if args.first() == Some(&"clip") {
        return clip_bench();
    }
    let demo = demo_data("demo-1000", &["--merchants", "1000"])?;
    cargo_bench("import")?;
    cargo_bench("index")?;
    cargo_bench("generate")?;
    pkg::build()?;
    browser_bench("tests/bench/import.bench.mjs", &demo)?;
    run_command(cmd(
        "trunk",
        &["build", "--release", "--offline", "--locked"],
    ))?;
    run_command(cmd("node", &["tests/bench/startup.bench.mjs"]))?;
    // The widget bundle on a host page with twenty badges, and Lighthouse on that page and the
    // live room; both feed the badges the release CLI's reports.
    widgets::build()?;
    let release_cli = project_root().join("target/release/livetrust");
    for script in [
        "tests/bench/widgets.bench.mjs",
        "tests/bench/lighthouse/lighthouse.bench.mjs",
    ] {
        let mut c = cmd("node", &[script]);
        c.env("LIVETRUST_CLI", &release_cli);
        run_command(c)?;
    }
    // The repeat-buyer reviews of a merchant with 100 000 reviews (docs/benchmarks.md).
    let reviews = demo_data(
        "reviews-100k",
        &[
            "--large-merchant-orders",
            "150000",
            "--large-merchant-reviews",
            "100000",
        ],
    )?;
    browser_bench("tests/bench/reviews.bench.mjs", &reviews)?;
    // The audience package for a million buyers: the harness makes its own columns.
    browser_bench("tests/bench/audience.bench.mjs", Path::new("-"))?;
    let large = large_merchant_data()?;
    duckdb_race(&large)?;
    browser_bench("tests/bench/index.bench.mjs", &large)?;
    cargo_bench("leverage")?;
    browser_bench("tests/bench/leverage.bench.mjs", &large)?;
    clip_bench()
}
