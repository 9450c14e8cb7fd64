//! `cargo xtask pkg`: builds the npm package `livetrust` into `crates/wasm/pkg/`: the release wasm
//! of livetrust-wasm, its ES-module glue and the TypeScript declarations generated from the Rust
//! types (tsify), plus a package.json.

use std::path::{Path, PathBuf};

use crate::process::{cmd, project_root, run as run_command, Result};

pub fn out_dir() -> PathBuf {
    project_root().join("crates/wasm/pkg")
}

/// Optimises a wasm-bindgen output in place with `wasm-opt` at `level` (`-Oz` for size, `-O3` for
/// speed) and `extra` passes, enabling the features rustc 1.95 emits.
pub fn optimize(wasm: &Path, level: &str, extra: &[&str]) -> Result {
    let path = wasm.to_string_lossy();
    let mut args = vec![level];
    args.extend_from_slice(extra);
    args.extend_from_slice(&[
        "--enable-bulk-memory",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-mutable-globals",
        "--enable-reference-types",
        "--enable-multivalue",
        &path,
        "-o",
        &path,
    ]);
    run_command(cmd("wasm-opt", &args))
}

pub fn build() -> Result {
    let out = out_dir();
    build_wasm(&out, &[])?;
    let manifest = format!(
        r#"{{
  "name": "livetrust",
  "version": "{version}",
  "description": "Trust-commerce toolkit for live-stream e-commerce, compiled to WebAssembly",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "livetrust.js",
  "types": "livetrust.d.ts",
  "files": ["livetrust_bg.wasm", "livetrust.js", "livetrust.d.ts", "livetrust_bg.wasm.d.ts"],
  "sideEffects": false
}}
"#,
        version = env!("CARGO_PKG_VERSION")
    );
    std::fs::write(out.join("package.json"), manifest)
        .map_err(|e| format!("cannot write package.json: {e}"))?;
    println!("npm package written to {}", out.display());
    Ok(())
}

/// The release wasm of livetrust-wasm built with `cargo_args` (features) in the speed-optimised
/// `pkg` profile, bound by wasm-bindgen into `out` as `livetrust.js` / `livetrust_bg.wasm` and
/// optimised for speed with `wasm-opt -O3`.
pub fn build_wasm(out: &Path, cargo_args: &[&str]) -> Result {
    let mut args = vec![
        "build",
        "--locked",
        "--profile",
        "pkg",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "livetrust-wasm",
    ];
    args.extend_from_slice(cargo_args);
    run_command(cmd("cargo", &args))?;
    let wasm = project_root().join("target/wasm32-unknown-unknown/pkg/livetrust_wasm.wasm");
    run_command(cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--out-name",
            "livetrust",
            "--out-dir",
            &out.to_string_lossy(),
            &wasm.to_string_lossy(),
        ],
    ))?;
    optimize(&out.join("livetrust_bg.wasm"), "-O3", &[])
}
