//! `cargo xtask test`: every test layer, in order from cheapest to dearest, each a step of one
//! pipeline so that one failure does not hide the others.
//!
//! Steps that need an earlier one (the e2e tests need the release build) are skipped, and counted
//! as not passed, when it failed.

use crate::install;
use crate::pipeline::Pipeline;
use crate::pkg;
use crate::process::{cmd, project_root, run_scanned, Result, TestCounts};
use crate::sizes;
use crate::widgets;

const WASM: &str = "wasm32-unknown-unknown";

fn plain(result: Result) -> (Result, TestCounts) {
    (result, TestCounts::default())
}

pub fn run(args: &[&str]) -> Result {
    let mut p = Pipeline::default();
    let installed = if args.contains(&"--no-install") {
        true
    } else {
        p.step("install missing tools", || {
            plain(install::build_tools().and_then(|()| install::browser_tools()))
        })
    };
    if !installed {
        p.skip("all test steps", "tools could not be installed");
        return p.finish();
    }

    let fetched = p.step("cargo fetch --locked", || {
        run_scanned(cmd("cargo", &["fetch", "--locked"]))
    });
    p.step("cargo fmt --check", || {
        run_scanned(cmd("cargo", &["fmt", "--all", "--", "--check"]))
    });
    if !fetched {
        p.skip("build and test steps", "dependencies could not be fetched");
        return p.finish();
    }
    p.step("clippy (native)", || {
        run_scanned(cmd(
            "cargo",
            &[
                "clippy",
                "--locked",
                "--workspace",
                "--all-targets",
                "--features",
                "livetrust-widgets/elements",
                "--",
                "-D",
                "warnings",
            ],
        ))
    });
    p.step("clippy (wasm32)", || {
        run_scanned(cmd(
            "cargo",
            &[
                "clippy",
                "--locked",
                "--target",
                WASM,
                "--all-targets",
                "-p",
                "livetrust-core",
                "-p",
                "livetrust-widgets",
                "-p",
                "livetrust-wasm",
                "-p",
                "livetrust-app",
                "--features",
                "livetrust-widgets/elements",
                "--",
                "-D",
                "warnings",
            ],
        ))
    });
    p.step("native tests", || {
        run_scanned(cmd(
            "cargo",
            &["test", "--locked", "--no-fail-fast", "--workspace"],
        ))
    });
    p.step("wasm tests (headless Chromium)", || {
        // Two runs: the widgets' `elements` feature brings the element bundle's small
        // free-list allocator, which suits a few badges but not the app's tests (they generate
        // whole marketplaces), so the app is tested as it ships, without the feature.
        let (elements, mut counts) = run_scanned(cmd(
            "cargo",
            &[
                "test",
                "--locked",
                "--no-fail-fast",
                "--target",
                WASM,
                "-p",
                "livetrust-widgets",
                "--features",
                "livetrust-widgets/elements",
            ],
        ));
        let (rest, more) = run_scanned(cmd(
            "cargo",
            &[
                "test",
                "--locked",
                "--no-fail-fast",
                "--target",
                WASM,
                "-p",
                "livetrust-wasm",
                "-p",
                "livetrust-app",
            ],
        ));
        counts.add(more);
        (elements.and(rest), counts)
    });
    let packaged = p.step("npm package (crates/wasm/pkg)", || {
        (pkg::build(), TestCounts::default())
    });
    let widgets_built = p.step("widget bundle (crates/widgets/pkg)", || {
        (widgets::build(), TestCounts::default())
    });
    let built = p.step("trunk build --release", || {
        run_scanned(cmd(
            "trunk",
            &["build", "--release", "--offline", "--locked"],
        ))
    });
    if built && packaged && widgets_built {
        match sizes::measure(&project_root().join("dist")) {
            Ok(table) => p.note(format!(
                "release build sizes in bytes (dist/):\n{}",
                sizes::format_table(&table)
            )),
            Err(e) => p.note(format!("size report failed: {e}")),
        }
        if let Ok(table) = sizes::measure(&pkg::out_dir()) {
            p.note(format!(
                "npm package sizes in bytes (crates/wasm/pkg/):\n{}",
                sizes::format_table(&table)
            ));
        }
        if let Ok(table) = sizes::measure(&widgets::out_dir()) {
            p.note(format!(
                "widget bundle sizes in bytes (crates/widgets/pkg/; target: total brotli <= 50 KB for the badge):\n{}",
                sizes::format_table(&table)
            ));
        }
        p.step("e2e (Playwright + axe-core)", || {
            let mut c = cmd(
                "node",
                &[
                    "--test",
                    "--test-reporter=tap",
                    "--test-concurrency=1",
                    "tests/e2e/",
                ],
            );
            c.env("DIST_DIR", project_root().join("dist"));
            run_scanned(c)
        });
    } else {
        p.skip(
            "e2e (Playwright + axe-core)",
            "the release build, the package or the widget bundle failed",
        );
    }
    p.finish()
}
