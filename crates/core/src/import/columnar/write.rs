//! Writing a table of a dataset as Parquet (`livetrust convert`): the CSV layout's columns with
//! the types of [`Kind::written_type`](super::columns::Kind::written_type), Snappy-compressed, in
//! row groups of at most [`ROWS_PER_BATCH`] rows. Reading the file back gives the same records.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int64Builder, StringBuilder, TimestampMicrosecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use serde_json::Value;

use super::columns::{columns, Kind};
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
    let columns = columns(table);
    let len = table_len(dataset, table);
    // Each record's row goes straight into the column builders and is dropped, so a batch holds
    // only Arrow buffers, never a batch of JSON values.
    let mut builders: Vec<ColumnBuilder> =
        columns.iter().map(|c| ColumnBuilder::new(c.kind)).collect();
    let mut cells: Vec<Option<Value>> = vec![None; columns.len()];
    let mut start = 0;
    while start < len {
        let end = (start + ROWS_PER_BATCH).min(len);
        for i in start..end {
            let bad = |column: &str, reason: String| ConvertError::Value {
                table: table.name(),
                record: i + 1,
                column: column.to_owned(),
                reason,
            };
            let Value::Object(map) = row(dataset, table, i).map_err(|e| bad("", e.to_string()))?
            else {
                return Err(bad("", "is not an object".into()));
            };
            for (key, value) in map {
                let Some(slot) = columns.iter().position(|c| c.name == key) else {
                    return Err(bad(
                        &key,
                        "the record has a field the Parquet layout has no column for".into(),
                    ));
                };
                cells[slot] = Some(value).filter(|v| !v.is_null());
            }
            for ((builder, cell), column) in builders.iter_mut().zip(&mut cells).zip(columns) {
                builder
                    .append(cell.take())
                    .map_err(|reason| bad(column.name, reason))?;
            }
        }
        let arrays = builders.iter_mut().map(ColumnBuilder::finish).collect();
        writer.write(&RecordBatch::try_new(schema.clone(), arrays)?)?;
        start = end;
    }
    writer.close()?;
    Ok(len)
}

/// The Arrow builder of one column, by the kind of value it holds.
enum ColumnBuilder {
    Text(StringBuilder),
    Json(StringBuilder),
    Integer(Int64Builder),
    Boolean(BooleanBuilder),
    Instant(TimestampMicrosecondBuilder),
    Day(Date32Builder),
}

impl ColumnBuilder {
    fn new(kind: Kind) -> Self {
        match kind {
            Kind::Text => ColumnBuilder::Text(StringBuilder::new()),
            Kind::Json => ColumnBuilder::Json(StringBuilder::new()),
            Kind::Integer => ColumnBuilder::Integer(Int64Builder::new()),
            Kind::Boolean => ColumnBuilder::Boolean(BooleanBuilder::new()),
            Kind::Instant => {
                ColumnBuilder::Instant(TimestampMicrosecondBuilder::new().with_timezone("UTC"))
            }
            Kind::Day => ColumnBuilder::Day(Date32Builder::new()),
        }
    }

    /// Appends one cell (`None`: null); the reason when the value does not fit the column.
    fn append(&mut self, cell: Option<Value>) -> Result<(), String> {
        match (self, cell) {
            (ColumnBuilder::Text(b) | ColumnBuilder::Json(b), None) => b.append_null(),
            (ColumnBuilder::Text(b), Some(Value::String(s))) => b.append_value(s),
            (ColumnBuilder::Text(_), Some(other)) => return Err(format!("{other} is not text")),
            (ColumnBuilder::Json(b), Some(value)) => b.append_value(value.to_string()),
            (ColumnBuilder::Integer(b), None) => b.append_null(),
            (ColumnBuilder::Integer(b), Some(v)) => b.append_value(
                v.as_i64()
                    .ok_or_else(|| format!("{v} does not fit an Int64"))?,
            ),
            (ColumnBuilder::Boolean(b), None) => b.append_null(),
            (ColumnBuilder::Boolean(b), Some(Value::Bool(v))) => b.append_value(v),
            (ColumnBuilder::Boolean(_), Some(other)) => {
                return Err(format!("{other} is not true or false"))
            }
            (ColumnBuilder::Instant(b), None) => b.append_null(),
            (ColumnBuilder::Instant(b), Some(Value::String(s))) => {
                let t: Timestamp = s.parse()?;
                b.append_value(t.0.timestamp_micros());
            }
            (ColumnBuilder::Instant(_), Some(other)) => {
                return Err(format!("{other} is not a time"))
            }
            (ColumnBuilder::Day(b), None) => b.append_null(),
            (ColumnBuilder::Day(b), Some(Value::String(s))) => {
                let day: LocalDate = s.parse()?;
                b.append_value(day.0.to_epoch_days());
            }
            (ColumnBuilder::Day(_), Some(other)) => return Err(format!("{other} is not a date")),
        }
        Ok(())
    }

    /// The column's values since the last `finish`, as an array; the builder starts over.
    fn finish(&mut self) -> ArrayRef {
        match self {
            ColumnBuilder::Text(b) | ColumnBuilder::Json(b) => Arc::new(b.finish()),
            ColumnBuilder::Integer(b) => Arc::new(b.finish()),
            ColumnBuilder::Boolean(b) => Arc::new(b.finish()),
            ColumnBuilder::Instant(b) => Arc::new(b.finish()),
            ColumnBuilder::Day(b) => Arc::new(b.finish()),
        }
    }
}
