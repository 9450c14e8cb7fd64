//! Importing and validating marketplace data: JSON, NDJSON and CSV, one table per file (named
//! after the table: `orders.ndjson`, `merchants.csv`, …) or a whole dataset in one JSON object;
//! with the `columnar` feature also Parquet and Arrow IPC (`orders.parquet`, `orders.arrow`).
//!
//! Every problem is reported with file, record, field and reason; valid records are kept, and
//! the report says exactly which records were skipped and why. See docs/data-format.md.

#[cfg(feature = "columnar")]
pub mod columnar;
mod csv_rows;
mod importer;
mod parse;
mod refs;
mod report;
mod rules;

pub use importer::{ImportOptions, Imported, Importer};
pub use report::{FileSummary, ImportReport, Problem, ProblemKind};

use serde::{Deserialize, Serialize};

use crate::model::Table;

/// The format of an input file, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Format {
    Json,
    Ndjson,
    Csv,
    /// Read with the `columnar` feature (the CLI), not in the browser build.
    Parquet,
    /// Arrow IPC, file (Feather 2) or stream; read with the `columnar` feature.
    ArrowIpc,
}

const EXTENSIONS: &str = ".json, .ndjson, .jsonl, .csv, .parquet or .arrow";

/// What a file name says about its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// One table in one format.
    Table(Table, Format),
    /// A JSON object with several tables.
    Dataset,
}

/// Reads a file name: `orders.ndjson` → orders as NDJSON, `orders.parquet` as Parquet,
/// `orders.arrow` (`.feather`, `.arrows`) as Arrow IPC; `service_events.csv` and
/// `service-events.csv` are accepted for `serviceEvents`; any other `.json` name (such as
/// `dataset.json` or `marketplace.json`) is a whole dataset. Directories in the name are ignored.
pub fn file_kind(name: &str) -> Result<FileKind, String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let (stem, ext) = base
        .rsplit_once('.')
        .ok_or_else(|| format!("`{base}` has no extension; expected {EXTENSIONS}"))?;
    let format = match ext.to_ascii_lowercase().as_str() {
        "json" => Format::Json,
        "ndjson" | "jsonl" => Format::Ndjson,
        "csv" => Format::Csv,
        "parquet" => Format::Parquet,
        "arrow" | "feather" | "arrows" => Format::ArrowIpc,
        other => {
            return Err(format!(
                "`{base}`: .{other} files are not read; expected {EXTENSIONS}"
            ))
        }
    };
    let normalised: String = {
        let mut out = String::new();
        let mut upper = false;
        for c in stem.chars() {
            if c == '_' || c == '-' {
                upper = true;
            } else if upper {
                out.extend(c.to_uppercase());
                upper = false;
            } else {
                out.push(c);
            }
        }
        out
    };
    match (Table::from_name(&normalised), format) {
        (Some(table), format) => Ok(FileKind::Table(table, format)),
        (None, Format::Json) => Ok(FileKind::Dataset),
        (None, _) => {
            let known: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
            Err(format!(
                "`{base}`: the file name must name a table ({}) so the importer knows what it holds",
                known.join(", ")
            ))
        }
    }
}

/// Why the browser build refuses Parquet and Arrow files (ARCHITECTURE.md says why it leaves
/// them out).
#[cfg(not(feature = "columnar"))]
pub const COLUMNAR_NOT_HERE: &str = "Parquet and Arrow files are read by the command line \
     (`livetrust`), not here: `livetrust convert --data DIR --to ndjson --out OUT` writes NDJSON";

/// A file held in memory (the browser's case; the CLI streams files itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Imports files held in memory, in dependency order whatever order they are given in.
pub fn import_files(files: &[InputFile], options: ImportOptions) -> Imported {
    let mut importer = Importer::new(options);
    let mut ordered: Vec<(Option<Table>, &InputFile, FileKind)> = Vec::new();
    for file in files {
        match file_kind(&file.name) {
            Ok(kind @ FileKind::Dataset) => ordered.push((None, file, kind)),
            Ok(kind @ FileKind::Table(table, _)) => ordered.push((Some(table), file, kind)),
            Err(reason) => importer.file_problem(&file.name, ProblemKind::UnsupportedFile, reason),
        }
    }
    // Whole datasets first, then single tables in dependency order; stable for equal tables.
    ordered.sort_by_key(|(table, _, _)| *table);
    for (_, file, kind) in ordered {
        match kind {
            FileKind::Dataset => importer.json_dataset(&file.name, &file.bytes),
            FileKind::Table(table, Format::Json) => {
                importer.json_array(&file.name, table, file.bytes.as_slice())
            }
            FileKind::Table(table, Format::Ndjson) => {
                importer.ndjson(&file.name, table, &file.bytes)
            }
            FileKind::Table(table, Format::Csv) => {
                importer.csv(&file.name, table, file.bytes.as_slice())
            }
            #[cfg(feature = "columnar")]
            FileKind::Table(table, Format::Parquet) => {
                importer.parquet(&file.name, table, bytes::Bytes::from(file.bytes.clone()))
            }
            #[cfg(feature = "columnar")]
            FileKind::Table(table, Format::ArrowIpc) => {
                importer.arrow_ipc(&file.name, table, std::io::Cursor::new(&file.bytes))
            }
            #[cfg(not(feature = "columnar"))]
            FileKind::Table(_, Format::Parquet | Format::ArrowIpc) => {
                importer.file_problem(&file.name, ProblemKind::UnsupportedFile, COLUMNAR_NOT_HERE)
            }
        }
    }
    importer.finish()
}

#[cfg(test)]
mod tests;
