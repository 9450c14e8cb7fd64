//! `livetrust convert`: a dataset (any format the importer reads) written again as Parquet, one
//! file per table in the CSV layout, or as NDJSON. Records with problems are listed on stderr and
//! left out, as for every other command; what is written reads back to the same records.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use livetrust_core::import::columnar::{table_len, write_parquet};
use livetrust_core::model::{Dataset, Table};

use crate::Failure;

/// The format `convert` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    Parquet,
    Ndjson,
}

pub fn run(data: &Path, to: Target, out: &Path) -> Result<String, Failure> {
    let dataset = crate::load_records(data)?;
    let step = crate::progress::step("writing the tables");
    let written = match to {
        Target::Parquet => write_parquet_dir(&dataset, out),
        Target::Ndjson => crate::demo::write_dataset(&dataset, out).map(|tables| {
            tables
                .into_iter()
                .map(|(table, records, bytes)| (format!("{}.ndjson", table.name()), records, bytes))
                .collect()
        }),
    }
    .map_err(|message| Failure {
        message,
        typed: None,
        exit_code: 2,
    })?;
    step.finish_and_clear();
    let mut summary = format!("{} written to {}\n", data.display(), out.display());
    for (file, records, bytes) in written {
        summary.push_str(&format!(
            "  {file:<26} {records:>9} records {bytes:>12} bytes\n"
        ));
    }
    Ok(summary)
}

/// Every table with records as `<table>.parquet` in `dir`.
fn write_parquet_dir(dataset: &Dataset, dir: &Path) -> Result<Vec<(String, usize, u64)>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for table in Table::ALL {
        if table_len(dataset, table) == 0 {
            continue;
        }
        let name = format!("{}.parquet", table.name());
        let path = dir.join(&name);
        let file =
            File::create(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        let rows = write_parquet(dataset, table, BufWriter::with_capacity(1 << 20, file))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
        written.push((name, rows, bytes));
    }
    Ok(written)
}
