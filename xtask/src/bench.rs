//! `cargo xtask bench`: the benchmarks behind docs/benchmarks.md. Native figures come from divan
//! (`cargo bench`), browser figures from a timing harness in headless Chromium (tests/bench/).
//! Never part of `cargo xtask test`: timings are measured, not asserted.

use crate::install;
use crate::pkg;
use crate::process::{cmd, project_root, run as run_command, Result};

pub fn run(_args: &[&str]) -> Result {
    install::build_tools()?;
    install::browser_tools()?;
    run_command(cmd("cargo", &["fetch", "--locked"]))?;
    let data = project_root().join("target/bench/demo-1000");
    run_command(cmd(
        "cargo",
        &[
            "run",
            "--locked",
            "--release",
            "-q",
            "-p",
            "livetrust-cli",
            "--",
            "demo",
            "--seed",
            "2026",
            "--merchants",
            "1000",
            "--out",
            &data.to_string_lossy(),
        ],
    ))?;
    run_command(cmd(
        "cargo",
        &[
            "bench",
            "--locked",
            "-p",
            "livetrust-core",
            "--bench",
            "import",
        ],
    ))?;
    run_command(cmd(
        "cargo",
        &[
            "bench",
            "--locked",
            "-p",
            "livetrust-core",
            "--bench",
            "index",
        ],
    ))?;
    pkg::build()?;
    run_command(cmd(
        "node",
        &[
            "tests/bench/import.bench.mjs",
            &data.to_string_lossy(),
            &pkg::out_dir().to_string_lossy(),
        ],
    ))?;
    run_command(cmd(
        "trunk",
        &["build", "--release", "--offline", "--locked"],
    ))?;
    run_command(cmd("node", &["tests/bench/startup.bench.mjs"]))?;
    let large = project_root().join("target/bench/large-merchant");
    run_command(cmd(
        "cargo",
        &[
            "run",
            "--locked",
            "--release",
            "-q",
            "-p",
            "livetrust-cli",
            "--",
            "demo",
            "--large-merchant-orders",
            "1000000",
            "--large-merchant-reviews",
            "200000",
            "--out",
            &large.to_string_lossy(),
        ],
    ))?;
    run_command(cmd(
        "node",
        &[
            "tests/bench/index.bench.mjs",
            &large.to_string_lossy(),
            &pkg::out_dir().to_string_lossy(),
        ],
    ))
}
