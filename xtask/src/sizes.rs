//! Size report of a built bundle (the app in `dist/`, an npm package): raw, gzip -9 and brotli
//! -q 11 bytes of every `.wasm`, `.js` and `.css`, and their total — the figures a page pays over
//! the wire.

use std::path::{Path, PathBuf};

use crate::process::{cmd, Result};

#[derive(Debug)]
pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: Option<u64>,
    pub brotli: Option<u64>,
}

pub fn measure(dist: &Path) -> Result<Vec<FileSize>> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("cannot read {dist:?}: {e}"))?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("wasm" | "js" | "css")
            )
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no .wasm, .js or .css files in {dist:?}"));
    }
    files
        .iter()
        .map(|path| {
            let raw = std::fs::metadata(path)
                .map_err(|e| format!("{path:?}: {e}"))?
                .len();
            Ok(FileSize {
                name: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                raw,
                gzip: compressed_len("gzip", &["-9", "-n", "-c"], path),
                brotli: compressed_len("brotli", &["-q", "11", "-c"], path),
            })
        })
        .collect()
}

/// Length of `tool`'s output on `path`, or None when the tool is not installed.
fn compressed_len(tool: &str, args: &[&str], path: &Path) -> Option<u64> {
    let path = path.to_string_lossy();
    let mut all: Vec<&str> = args.to_vec();
    all.push(&path);
    let out = cmd(tool, &all).output().ok()?;
    out.status.success().then_some(out.stdout.len() as u64)
}

pub fn format_table(sizes: &[FileSize]) -> String {
    let opt = |v: Option<u64>| v.map_or_else(|| "n/a".to_owned(), |n| n.to_string());
    let mut s = format!(
        "{:<44} {:>10} {:>10} {:>10}\n",
        "file", "raw", "gzip", "brotli"
    );
    for f in sizes {
        s.push_str(&format!(
            "{:<44} {:>10} {:>10} {:>10}\n",
            f.name,
            f.raw,
            opt(f.gzip),
            opt(f.brotli)
        ));
    }
    let sum = |get: fn(&FileSize) -> Option<u64>| -> Option<u64> { sizes.iter().map(get).sum() };
    s.push_str(&format!(
        "{:<44} {:>10} {:>10} {:>10}\n",
        "total",
        sizes.iter().map(|f| f.raw).sum::<u64>(),
        opt(sum(|f| f.gzip)),
        opt(sum(|f| f.brotli))
    ));
    s
}

pub fn print_report(dist: &Path) -> Result {
    print!("{}", format_table(&measure(dist)?));
    Ok(())
}
