//! Reading Parquet and Arrow IPC files into the importer: the schema check, then batch by batch
//! the rows checked (on all cores with the `parallel` feature) and taken in file order.

use std::io::{Read, Seek, SeekFrom};

use arrow_array::RecordBatch;
use arrow_schema::{ArrowError, Schema};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::file::reader::ChunkReader;

use super::cell::{ColumnData, Row};
use super::columns::{columns, Column};
use crate::import::importer::{Checked, Importer};
use crate::import::parse::{parse_flat, FlatRow};
use crate::import::report::{Problem, ProblemKind};
use crate::import::rules::Issue;
use crate::model::Table;

/// Rows decoded at a time: enough to keep both cores busy, few enough to stay in cache.
const BATCH_ROWS: usize = 16_384;

impl FlatRow for Row<'_> {
    fn read<T: serde::de::DeserializeOwned>(&mut self) -> Result<T, Issue> {
        T::deserialize(&mut *self).map_err(|e| {
            let reason = e.0;
            let field = match reason
                .strip_prefix("missing field `")
                .and_then(|rest| rest.split_once('`'))
            {
                Some((name, _)) => name.to_owned(),
                None => self.current.to_owned(),
            };
            Issue {
                field,
                kind: ProblemKind::Shape,
                reason,
            }
        })
    }
}

impl Importer {
    /// A Parquet file holding records of `table`.
    pub fn parquet(&mut self, file: &str, table: Table, reader: impl ChunkReader + 'static) {
        self.begin_file(file, table);
        let builder = match ParquetRecordBatchReaderBuilder::try_new(reader) {
            Ok(builder) => builder,
            Err(e) => {
                self.file_problem(
                    file,
                    ProblemKind::Syntax,
                    format!("not a Parquet file: {e}"),
                );
                return;
            }
        };
        let Some(wanted) = self.check_schema(file, table, builder.schema()) else {
            return;
        };
        match builder.with_batch_size(BATCH_ROWS).build() {
            Ok(batches) => self.record_batches(table, &wanted, batches),
            Err(e) => self.file_problem(file, ProblemKind::Syntax, format!("{e}")),
        }
    }

    /// An Arrow IPC file (the file format, `ARROW1…`, also called Feather 2) or stream holding
    /// records of `table`.
    pub fn arrow_ipc(&mut self, file: &str, table: Table, mut reader: impl Read + Seek) {
        self.begin_file(file, table);
        let mut magic = [0u8; 6];
        let is_file_format = reader.read_exact(&mut magic).is_ok() && &magic == b"ARROW1";
        if let Err(e) = reader.seek(SeekFrom::Start(0)) {
            self.file_problem(
                file,
                ProblemKind::UnsupportedFile,
                format!("cannot read: {e}"),
            );
            return;
        }
        let not_ipc = |e: ArrowError| format!("not an Arrow IPC file or stream: {e}");
        if is_file_format {
            match arrow_ipc::reader::FileReader::try_new(reader, None) {
                Ok(batches) => {
                    if let Some(wanted) = self.check_schema(file, table, &batches.schema()) {
                        self.record_batches(table, &wanted, batches);
                    }
                }
                Err(e) => self.file_problem(file, ProblemKind::Syntax, not_ipc(e)),
            }
        } else {
            match arrow_ipc::reader::StreamReader::try_new(reader, None) {
                Ok(batches) => {
                    if let Some(wanted) = self.check_schema(file, table, &batches.schema()) {
                        self.record_batches(table, &wanted, batches);
                    }
                }
                Err(e) => self.file_problem(file, ProblemKind::Syntax, not_ipc(e)),
            }
        }
    }

    /// The file's columns that `table` has, with their place in the schema; `None` (and the
    /// problems reported) when a column is unknown, of the wrong type, repeated, or a required
    /// one is missing — then no row is read, as every row would fail the same way.
    fn check_schema(
        &mut self,
        file: &str,
        table: Table,
        schema: &Schema,
    ) -> Option<Vec<(usize, Column)>> {
        let expected = columns(table);
        let mut wanted = Vec::new();
        let mut problems: Vec<(String, String)> = Vec::new();
        for (i, field) in schema.fields().iter().enumerate() {
            let name = field.name();
            match expected.iter().find(|c| c.name == name) {
                None => problems.push((
                    name.clone(),
                    format!(
                        "unknown column; {} has {}",
                        table.name(),
                        expected
                            .iter()
                            .map(|c| c.name)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )),
                Some(_) if wanted.iter().any(|(_, c): &(usize, Column)| c.name == name) => {
                    problems.push((name.clone(), "the column appears twice".into()));
                }
                Some(column) if !column.kind.accepts(field.data_type()) => problems.push((
                    name.clone(),
                    format!(
                        "the column is {}; expected {}",
                        field.data_type(),
                        column.kind.expected()
                    ),
                )),
                Some(column) => wanted.push((i, *column)),
            }
        }
        for column in expected.iter().filter(|c| c.required) {
            if schema.field_with_name(column.name).is_err() {
                problems.push((
                    column.name.to_owned(),
                    "a required column is missing".into(),
                ));
            }
        }
        if problems.is_empty() {
            return Some(wanted);
        }
        for (field, reason) in problems {
            self.column_problem(file, field, reason);
        }
        None
    }

    fn column_problem(&mut self, file: &str, field: String, reason: String) {
        self.problem(Problem {
            file: file.to_owned(),
            record: 0,
            field,
            kind: ProblemKind::Shape,
            reason,
        });
    }

    fn record_batches(
        &mut self,
        table: Table,
        wanted: &[(usize, Column)],
        batches: impl Iterator<Item = Result<RecordBatch, ArrowError>>,
    ) {
        let mut rows_before = 0u64;
        for batch in batches {
            let batch = match batch {
                Ok(batch) => batch,
                Err(e) => {
                    self.count_record();
                    self.skip(
                        rows_before + 1,
                        vec![Issue {
                            field: String::new(),
                            kind: ProblemKind::Syntax,
                            reason: format!("{e} (nothing from this row on was read)"),
                        }],
                    );
                    return;
                }
            };
            let mut data = Vec::with_capacity(wanted.len());
            for &(i, column) in wanted {
                match ColumnData::new(column.kind, batch.column(i)) {
                    Ok(d) => data.push((column, d)),
                    Err(e) => {
                        self.count_record();
                        self.skip(
                            rows_before + 1,
                            vec![Issue {
                                field: column.name.to_owned(),
                                kind: ProblemKind::Shape,
                                reason: format!("{e} (nothing from this row on was read)"),
                            }],
                        );
                        return;
                    }
                }
            }
            let checked = self.check_rows(table, &data, batch.num_rows());
            for (i, c) in checked.into_iter().enumerate() {
                self.apply(rows_before + i as u64 + 1, c);
            }
            rows_before += batch.num_rows() as u64;
        }
    }

    /// Every row of a batch parsed and checked: on all cores with the `parallel` feature.
    fn check_rows(&self, table: Table, data: &[(Column, ColumnData)], rows: usize) -> Vec<Checked> {
        let check = |row: usize| {
            let mut flat = Row {
                columns: data,
                row,
                current: "",
            };
            self.checked(parse_flat(table, &mut flat))
        };
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            (0..rows)
                .into_par_iter()
                .with_min_len(512)
                .map(check)
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            (0..rows).map(check).collect()
        }
    }
}
