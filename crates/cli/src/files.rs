//! Streaming the files of a dataset into the core importer without holding them in memory:
//! NDJSON line by line (with a cap on line length), JSON arrays, CSV and Arrow IPC through buffered
//! readers, Parquet from the file (it is read by seeking, footer first).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use livetrust_core::import::{file_kind, FileKind, Format, Importer, ProblemKind};
use livetrust_core::model::Table;

/// A line longer than this is reported and skipped rather than buffered.
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// The data files of `path` (a file, or the files directly inside a directory), sorted by name.
pub fn data_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        files.sort();
        Ok(files)
    } else {
        // Opening it here turns a missing file into an error now rather than a problem later.
        File::open(path)?;
        Ok(vec![path.to_path_buf()])
    }
}

/// Feeds every file to `importer`, tables in dependency order.
pub fn import_paths(importer: &mut Importer, files: &[PathBuf]) {
    let mut ordered: Vec<(Option<Table>, &PathBuf, FileKind)> = Vec::new();
    for path in files {
        let name = path.to_string_lossy();
        match file_kind(&name) {
            Ok(kind @ FileKind::Dataset) => ordered.push((None, path, kind)),
            Ok(kind @ FileKind::Table(table, _)) => ordered.push((Some(table), path, kind)),
            Err(reason) => importer.file_problem(&name, ProblemKind::UnsupportedFile, reason),
        }
    }
    ordered.sort_by_key(|(table, _, _)| *table);
    let total: u64 = ordered
        .iter()
        .filter_map(|(_, path, _)| std::fs::metadata(path).ok())
        .map(|m| m.len())
        .sum();
    let bar = crate::progress::bytes(total);
    for (_, path, kind) in ordered {
        let name = path.to_string_lossy().into_owned();
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                importer.file_problem(
                    &name,
                    ProblemKind::UnsupportedFile,
                    format!("cannot read: {e}"),
                );
                continue;
            }
        };
        let columnar_len = match kind {
            FileKind::Table(_, Format::Parquet | Format::ArrowIpc) => {
                file.metadata().map_or(0, |m| m.len())
            }
            _ => 0,
        };
        if let FileKind::Table(table, Format::Parquet) = kind {
            // Parquet is read by seeking to its footer and then its column chunks, not as a
            // stream; the bar moves by the whole file when it is done.
            importer.parquet(&name, table, file);
            bar.inc(columnar_len);
            continue;
        }
        let reader = BufReader::with_capacity(1 << 20, bar.wrap_read(file));
        match kind {
            FileKind::Dataset => {
                let mut bytes = Vec::new();
                let mut reader = reader;
                match reader.read_to_end(&mut bytes) {
                    Ok(_) => importer.json_dataset(&name, &bytes),
                    Err(e) => importer.file_problem(
                        &name,
                        ProblemKind::UnsupportedFile,
                        format!("cannot read: {e}"),
                    ),
                }
            }
            FileKind::Table(table, Format::Json) => importer.json_array(&name, table, reader),
            FileKind::Table(table, Format::Csv) => importer.csv(&name, table, reader),
            FileKind::Table(table, Format::ArrowIpc) => importer.arrow_ipc(&name, table, reader),
            FileKind::Table(_, Format::Parquet) => {}
            FileKind::Table(table, Format::Ndjson) => {
                importer.begin_file(&name, table);
                if let Err(e) = for_each_batch(reader, MAX_LINE_BYTES, BATCH_BYTES, |lines| {
                    importer.ndjson_lines(lines, MAX_LINE_BYTES);
                    crate::progress::records(&bar, importer.records_read());
                }) {
                    importer.file_problem(
                        &name,
                        ProblemKind::UnsupportedFile,
                        format!("read failed: {e}"),
                    );
                }
            }
        }
    }
    bar.finish_and_clear();
}

/// NDJSON is handed to the importer in batches of about this many bytes: big enough to keep every
/// core busy, small enough that one batch of parsed records is all that waits in memory.
pub const BATCH_BYTES: usize = 256 << 10;

/// Calls `each` with consecutive lines, as [`for_each_line`] gives them, about `batch` bytes at a
/// time. The input is read and split into lines on a thread of its own, at most two batches
/// ahead, so that reading overlaps the import instead of taking turns with it.
pub fn for_each_batch(
    reader: impl BufRead + Send,
    cap: usize,
    batch: usize,
    mut each: impl FnMut(&[(u64, Option<&[u8]>)]),
) -> std::io::Result<()> {
    // A batch's bytes, and each line's number and, unless too long, its range in the bytes.
    type Batch = (Vec<u8>, Vec<(u64, Option<(usize, usize)>)>);
    let fresh = || -> Batch { (Vec::with_capacity(batch + cap.min(batch)), Vec::new()) };
    let (full_tx, full_rx) = std::sync::mpsc::sync_channel::<Batch>(1);
    // Batches the import is done with go back to be filled again, so their memory is reused.
    let (spent_tx, spent_rx) = std::sync::mpsc::channel::<Batch>();
    std::thread::scope(|scope| {
        let reading = scope.spawn(move || {
            let mut current = fresh();
            let result = for_each_line(reader, cap, |n, line| {
                let span = line.map(|l| {
                    let start = current.0.len();
                    current.0.extend_from_slice(l);
                    (start, current.0.len())
                });
                current.1.push((n, span));
                if current.0.len() >= batch {
                    let next = spent_rx.try_recv().unwrap_or_else(|_| fresh());
                    // Fails only when the import has stopped; then nothing is left to do.
                    let _ = full_tx.send(std::mem::replace(&mut current, next));
                }
            });
            if !current.1.is_empty() {
                let _ = full_tx.send(current);
            }
            result
        });
        for (mut bytes, mut spans) in full_rx {
            let lines: Vec<(u64, Option<&[u8]>)> = spans
                .iter()
                .map(|&(n, span)| (n, span.map(|(a, b)| &bytes[a..b])))
                .collect();
            each(&lines);
            drop(lines);
            bytes.clear();
            spans.clear();
            let _ = spent_tx.send((bytes, spans));
        }
        reading
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the reading thread failed")))
    })
}

/// Calls `each(line_number, Some(bytes))` for every line (without `\n`), or `None` for a line
/// longer than `cap`, whose bytes are skipped without being buffered.
pub fn for_each_line(
    mut reader: impl BufRead,
    cap: usize,
    mut each: impl FnMut(u64, Option<&[u8]>),
) -> std::io::Result<()> {
    let mut line = Vec::new();
    let mut number = 0u64;
    let mut too_long = false;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            if !line.is_empty() || too_long {
                number += 1;
                each(number, (!too_long).then_some(line.as_slice()));
            }
            return Ok(());
        }
        let (chunk, found_newline) = match memchr::memchr(b'\n', buf) {
            Some(i) => (&buf[..i], true),
            None => (buf, false),
        };
        if !too_long {
            if line.len() + chunk.len() > cap {
                too_long = true;
                line.clear();
            } else {
                line.extend_from_slice(chunk);
            }
        }
        let consumed = chunk.len() + usize::from(found_newline);
        reader.consume(consumed);
        if found_newline {
            number += 1;
            each(number, (!too_long).then_some(line.as_slice()));
            line.clear();
            too_long = false;
        }
    }
}

#[cfg(test)]
#[path = "tests/files.rs"]
mod tests;
