//! Writing a table of a dataset as Parquet (`livetrust convert`): the CSV layout's columns with
//! the types of [`Kind::written_type`](super::columns::Kind::written_type), Snappy-compressed, in
//! row groups of at most [`ROWS_PER_BATCH`] rows. Reading the file back gives the same records.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Date32Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch, TimestampMicrosecondArray};
use arrow_schema::{ArrowError, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use serde_json::{Map, Value};

use super::columns::{columns, Column, Kind};
use crate::import::csv_rows::{OrderRow, ReviewRow, ServiceEventRow};
use crate::model::{Dataset, LocalDate, Table, Timestamp};

/// Records put into one batch (and so one row group) at a time.
pub const ROWS_PER_BATCH: usize = 65_536;

/// Why a table could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ConvertError {
    #[error("writing Parquet: {0}")]
    Parquet(#[from] ParquetError),
    #[error("building Arrow arrays: {0}")]
    Arrow(#[from] ArrowError),
    #[error("{table} record {record}, column `{column}`: {reason}")]
    Value {
        table: &'static str,
        record: usize,
        column: String,
        reason: String,
    },
}

/// The number of records `dataset` holds in `table`.
pub fn table_len(dataset: &Dataset, table: Table) -> usize {
    match table {
        Table::Categories => dataset.categories.len(),
        Table::Merchants => dataset.merchants.len(),
        Table::Buyers => dataset.buyers.len(),
        Table::Products => dataset.products.len(),
        Table::Orders => dataset.orders.len(),
        Table::Reviews => dataset.reviews.len(),
        Table::ServiceEvents => dataset.service_events.len(),
        Table::LiveSessions => dataset.live_sessions.len(),
        Table::FollowerCounts => dataset.follower_counts.len(),
        Table::Promotions => dataset.promotions.len(),
        Table::SessionTraffic => dataset.session_traffic.len(),
    }
}

/// Record `i` of `table` as its flat row, a JSON object keyed by column.
fn row(dataset: &Dataset, table: Table, i: usize) -> Result<Value, serde_json::Error> {
    match table {
        Table::Categories => serde_json::to_value(&dataset.categories[i]),
        Table::Merchants => serde_json::to_value(&dataset.merchants[i]),
        Table::Buyers => serde_json::to_value(&dataset.buyers[i]),
        Table::Products => serde_json::to_value(&dataset.products[i]),
        Table::Orders => serde_json::to_value(OrderRow::from(&dataset.orders[i])),
        Table::Reviews => serde_json::to_value(ReviewRow::from(&dataset.reviews[i])),
        Table::ServiceEvents => {
            serde_json::to_value(ServiceEventRow::from(&dataset.service_events[i]))
        }
        Table::LiveSessions => serde_json::to_value(&dataset.live_sessions[i]),
        Table::FollowerCounts => serde_json::to_value(&dataset.follower_counts[i]),
        Table::Promotions => serde_json::to_value(&dataset.promotions[i]),
        Table::SessionTraffic => serde_json::to_value(&dataset.session_traffic[i]),
    }
}

/// The Arrow schema `convert` writes for `table`.
pub fn schema(table: Table) -> Schema {
    Schema::new(
        columns(table)
            .iter()
            .map(|c| Field::new(c.name, c.kind.written_type(), !c.required))
            .collect::<Vec<_>>(),
    )
}

/// Writes every record of `table` in `dataset` to `out` as a Parquet file; returns the rows
/// written.
pub fn write_parquet(
    dataset: &Dataset,
    table: Table,
    out: impl Write + Send,
) -> Result<usize, ConvertError> {
    let schema = Arc::new(schema(table));
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(ROWS_PER_BATCH))
        .build();
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(properties))?;
    let len = table_len(dataset, table);
    let mut start = 0;
    while start < len {
        let end = (start + ROWS_PER_BATCH).min(len);
        let mut rows = Vec::with_capacity(end - start);
        for i in start..end {
            let value = row(dataset, table, i).map_err(|e| ConvertError::Value {
                table: table.name(),
                record: i + 1,
                column: String::new(),
                reason: e.to_string(),
            })?;
            let Value::Object(map) = value else {
                return Err(ConvertError::Value {
                    table: table.name(),
                    record: i + 1,
                    column: String::new(),
                    reason: "is not an object".into(),
                });
            };
            rows.push(map);
        }
        let mut arrays = Vec::with_capacity(schema.fields().len());
        for column in columns(table) {
            arrays.push(column_array(table, *column, &rows, start)?);
        }
        for (i, map) in rows.iter().enumerate() {
            if let Some(key) = map
                .keys()
                .find(|k| !columns(table).iter().any(|c| c.name == *k))
            {
                return Err(ConvertError::Value {
                    table: table.name(),
                    record: start + i + 1,
                    column: key.clone(),
                    reason: "the record has a field the Parquet layout has no column for".into(),
                });
            }
        }
        writer.write(&RecordBatch::try_new(schema.clone(), arrays)?)?;
        start = end;
    }
    writer.close()?;
    Ok(len)
}

/// One column of a batch of rows; `first` is the 0-based record of the first row, for errors.
fn column_array(
    table: Table,
    column: Column,
    rows: &[Map<String, Value>],
    first: usize,
) -> Result<ArrayRef, ConvertError> {
    let bad = |i: usize, reason: String| ConvertError::Value {
        table: table.name(),
        record: first + i + 1,
        column: column.name.to_owned(),
        reason,
    };
    let cells = rows
        .iter()
        .map(|r| r.get(column.name).filter(|v| !v.is_null()));
    Ok(match column.kind {
        Kind::Text => {
            let mut b = StringBuilder::new();
            for (i, cell) in cells.enumerate() {
                match cell {
                    None => b.append_null(),
                    Some(Value::String(s)) => b.append_value(s),
                    Some(other) => return Err(bad(i, format!("{other} is not text"))),
                }
            }
            Arc::new(b.finish())
        }
        Kind::Json => {
            let mut b = StringBuilder::new();
            for cell in cells {
                match cell {
                    None => b.append_null(),
                    Some(value) => b.append_value(value.to_string()),
                }
            }
            Arc::new(b.finish())
        }
        Kind::Integer => {
            let mut b = Int64Builder::new();
            for (i, cell) in cells.enumerate() {
                match cell {
                    None => b.append_null(),
                    Some(v) => b.append_value(
                        v.as_i64()
                            .ok_or_else(|| bad(i, format!("{v} does not fit an Int64")))?,
                    ),
                }
            }
            Arc::new(b.finish())
        }
        Kind::Boolean => {
            let mut b = BooleanBuilder::new();
            for (i, cell) in cells.enumerate() {
                match cell {
                    None => b.append_null(),
                    Some(Value::Bool(v)) => b.append_value(*v),
                    Some(other) => return Err(bad(i, format!("{other} is not true or false"))),
                }
            }
            Arc::new(b.finish())
        }
        Kind::Instant => {
            let mut values = Vec::with_capacity(rows.len());
            for (i, cell) in cells.enumerate() {
                values.push(match cell {
                    None => None,
                    Some(Value::String(s)) => {
                        let t: Timestamp = s.parse().map_err(|e: String| bad(i, e))?;
                        Some(t.0.timestamp_micros())
                    }
                    Some(other) => return Err(bad(i, format!("{other} is not a time"))),
                });
            }
            Arc::new(TimestampMicrosecondArray::from(values).with_timezone("UTC"))
        }
        Kind::Day => {
            let mut b = Date32Builder::new();
            for (i, cell) in cells.enumerate() {
                match cell {
                    None => b.append_null(),
                    Some(Value::String(s)) => {
                        let day: LocalDate = s.parse().map_err(|e: String| bad(i, e))?;
                        b.append_value(day.0.to_epoch_days());
                    }
                    Some(other) => return Err(bad(i, format!("{other} is not a date"))),
                }
            }
            Arc::new(b.finish())
        }
    })
}
