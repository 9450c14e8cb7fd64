//! `cargo xtask widgets`: builds the viewer widgets' custom-element bundle into
//! `crates/widgets/pkg/` (the npm package `livetrust-widgets`):
//!
//! - `livetrust-widgets.js`: the loader host pages import (`crates/widgets/elements/loader.js` with
//!   the shadow-root stylesheet built in);
//! - `livetrust-widgets-wasm.js` + `livetrust-widgets-wasm_bg.wasm`: wasm-bindgen's glue and the
//!   wasm of livetrust-widgets with its `elements` feature, optimised by wasm-opt;
//! - `livetrust-widgets.css`: the host-page stylesheet that reserves each element's box;
//! - `livetrust-widgets.d.ts` and `package.json`.
//!
//! It builds in its own target directory with the registry and project paths remapped, so the
//! panic locations the wasm carries are short (and the bundle is the same on every machine) without
//! invalidating the other wasm builds' caches.

use std::path::{Path, PathBuf};

use crate::process::{cmd, project_root, run as run_command, Result};

const WASM: &str = "wasm32-unknown-unknown";

pub fn out_dir() -> PathBuf {
    project_root().join("crates/widgets/pkg")
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// A JavaScript string literal holding `text`.
fn js_string(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => {}
            '\u{2028}' => s.push_str("\\u2028"),
            '\u{2029}' => s.push_str("\\u2029"),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// Drops whole-line `//` comments and blank lines from the loader (its source keeps them), under a
/// one-line header: every host page downloads this file.
fn strip_js_comments(js: &str) -> String {
    let mut out = format!(
        "// livetrust-widgets {}: custom elements <livetrust-badge>. Source: crates/widgets/elements/loader.js\n",
        env!("CARGO_PKG_VERSION")
    );
    for line in js.lines() {
        let t = line.trim_start();
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Drops comment blocks and indentation: the stylesheet ships inside the loader.
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn build() -> Result {
    let root = project_root();
    let target_dir = root.join("target/widgets");
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    // Each registry's source directory (`…/registry/src/index.crates.io-<hash>`) becomes empty, so
    // a location reads `yew-0.23.0/src/…`.
    let mut rustflags = format!("--remap-path-prefix={}=", root.display());
    if let Ok(registries) = std::fs::read_dir(cargo_home.join("registry/src")) {
        for registry in registries.flatten() {
            rustflags.push_str(&format!(
                " --remap-path-prefix={}/=",
                registry.path().display()
            ));
        }
    }
    let mut build = cmd(
        "cargo",
        &[
            "build",
            "--locked",
            "--profile",
            "widgets",
            "--target",
            WASM,
            "-p",
            "livetrust-widgets",
            "--features",
            "elements",
        ],
    );
    build
        .env("CARGO_TARGET_DIR", &target_dir)
        .env("RUSTFLAGS", rustflags);
    run_command(build)?;

    let out = out_dir();
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    let wasm = target_dir.join(WASM).join("widgets/livetrust_widgets.wasm");
    run_command(cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "livetrust-widgets-wasm",
            "--out-dir",
            &out.to_string_lossy(),
            &wasm.to_string_lossy(),
        ],
    ))?;
    crate::pkg::optimize(
        &out.join("livetrust-widgets-wasm_bg.wasm"),
        "-Oz",
        &["--converge"],
    )?;

    let sources = root.join("crates/widgets");
    let shadow_css = [
        read(&sources.join("elements/shadow.css"))?,
        read(&sources.join("styles/badge.css"))?,
        read(&sources.join("styles/reviews.css"))?,
        read(&sources.join("styles/preview.css"))?,
    ]
    .concat();
    let loader = read(&sources.join("elements/loader.js"))?;
    const MARKER: &str = "__LIVETRUST_SHADOW_CSS__";
    if !loader.contains(MARKER) {
        return Err(format!("elements/loader.js has no {MARKER} marker"));
    }
    write(
        &out.join("livetrust-widgets.js"),
        &strip_js_comments(&loader).replace(MARKER, &js_string(&minify_css(&shadow_css))),
    )?;
    write(
        &out.join("livetrust-widgets.css"),
        &read(&sources.join("elements/host.css"))?,
    )?;
    write(
        &out.join("livetrust-widgets.d.ts"),
        &read(&sources.join("elements/livetrust-widgets.d.ts"))?,
    )?;
    let manifest = format!(
        r#"{{
  "name": "livetrust-widgets",
  "version": "{version}",
  "description": "livetrust viewer widgets as custom elements: <livetrust-badge>",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "livetrust-widgets.js",
  "module": "livetrust-widgets.js",
  "types": "livetrust-widgets.d.ts",
  "exports": {{
    ".": {{ "types": "./livetrust-widgets.d.ts", "default": "./livetrust-widgets.js" }},
    "./livetrust-widgets.css": "./livetrust-widgets.css"
  }},
  "files": ["livetrust-widgets.js", "livetrust-widgets.css", "livetrust-widgets.d.ts", "livetrust-widgets-wasm.js", "livetrust-widgets-wasm_bg.wasm"],
  "sideEffects": ["./livetrust-widgets.js"]
}}
"#,
        version = env!("CARGO_PKG_VERSION")
    );
    write(&out.join("package.json"), &manifest)?;
    println!("widget bundle written to {}", out.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_loses_comments_and_indentation_but_not_rules() {
        let css = "/* a */\n.a { color: red; }\n  /* b\n c */  .b{x:y}\n";
        assert_eq!(minify_css(css), ".a { color: red; }\n.b{x:y}");
    }

    #[test]
    fn loader_comments_go_but_code_and_strings_stay() {
        let js = "// head\nconst a = 'x // y';\n\n  // note\nlet b = 1; // tail\n";
        let out = strip_js_comments(js);
        assert!(
            out.ends_with("const a = 'x // y';\nlet b = 1; // tail\n"),
            "{out}"
        );
        assert!(!out.contains("note"));
    }

    #[test]
    fn a_js_string_round_trips_quotes_and_newlines() {
        assert_eq!(js_string("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
    }
}
