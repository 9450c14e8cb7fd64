//! One row of an Arrow record batch as a serde map, so that a row is checked by the same row
//! types and rules as a CSV row: each column's array is brought to one of a few forms once per
//! batch, null cells are left out of the map (absent, as an empty CSV cell), and nested JSON
//! columns are handed to serde_json.

use std::fmt;

use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, Int64Type, UInt64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Int32Array, Int64Array, StringArray, UInt64Array,
};
use arrow_schema::{ArrowError, DataType, TimeUnit};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{DeserializeSeed, MapAccess, Visitor};
use serde::forward_to_deserialize_any;

use super::columns::{Column, Kind};

/// A column of a batch in the form its cells are read from.
#[derive(Debug)]
pub(super) enum ColumnData {
    Text(StringArray),
    Json(StringArray),
    Signed(Int64Array),
    Unsigned(UInt64Array),
    Boolean(BooleanArray),
    /// Timestamp values in `unit` since the Unix epoch.
    Instant(Int64Array, TimeUnit),
    /// Days since 1970-01-01.
    Day(Int32Array),
}

impl ColumnData {
    /// `array` (whose type [`Kind::accepts`]) in the form its cells are read from.
    pub(super) fn new(kind: Kind, array: &ArrayRef) -> Result<Self, ArrowError> {
        use arrow_cast::cast;
        let data_type = array.data_type();
        let text = || -> Result<StringArray, ArrowError> {
            Ok(cast(array, &DataType::Utf8)?.as_string::<i32>().clone())
        };
        Ok(match kind {
            Kind::Json => ColumnData::Json(text()?),
            _ if super::columns::is_text(data_type) => ColumnData::Text(text()?),
            Kind::Integer if *data_type == DataType::UInt64 => {
                ColumnData::Unsigned(array.as_primitive::<UInt64Type>().clone())
            }
            Kind::Integer => ColumnData::Signed(
                cast(array, &DataType::Int64)?
                    .as_primitive::<Int64Type>()
                    .clone(),
            ),
            Kind::Boolean => ColumnData::Boolean(array.as_boolean().clone()),
            Kind::Instant => {
                let DataType::Timestamp(unit, _) = data_type else {
                    return Err(ArrowError::CastError(format!(
                        "{data_type} is not a timestamp"
                    )));
                };
                let values = cast(array, &DataType::Int64)?
                    .as_primitive::<Int64Type>()
                    .clone();
                ColumnData::Instant(values, *unit)
            }
            Kind::Day => ColumnData::Day(
                cast(array, &DataType::Date32)?
                    .as_primitive::<arrow_array::types::Date32Type>()
                    .reinterpret_cast::<Int32Type>(),
            ),
            Kind::Text => ColumnData::Text(text()?),
        })
    }

    fn cell(&self, row: usize) -> Cell<'_> {
        fn get<A: Array>(
            array: &A,
            row: usize,
            value: impl FnOnce() -> Cell<'static>,
        ) -> Cell<'static> {
            if array.is_null(row) {
                Cell::Null
            } else {
                value()
            }
        }
        match self {
            ColumnData::Text(a) if a.is_valid(row) => Cell::Text(a.value(row)),
            ColumnData::Json(a) if a.is_valid(row) => Cell::Json(a.value(row)),
            ColumnData::Text(_) | ColumnData::Json(_) => Cell::Null,
            ColumnData::Signed(a) => get(a, row, || Cell::Signed(a.value(row))),
            ColumnData::Unsigned(a) => get(a, row, || Cell::Unsigned(a.value(row))),
            ColumnData::Boolean(a) => get(a, row, || Cell::Boolean(a.value(row))),
            ColumnData::Instant(a, unit) => get(a, row, || Cell::Instant(a.value(row), *unit)),
            ColumnData::Day(a) => get(a, row, || Cell::Day(a.value(row))),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Cell<'a> {
    Null,
    Text(&'a str),
    Json(&'a str),
    Signed(i64),
    Unsigned(u64),
    Boolean(bool),
    Instant(i64, TimeUnit),
    Day(i32),
}

/// Why a cell does not fit its field.
#[derive(Debug)]
pub(super) struct CellError(pub(super) String);

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CellError {}

impl serde::de::Error for CellError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        CellError(msg.to_string())
    }
}

/// RFC 3339 text of an instant, written into `buf` without allocating for years 0–9999.
fn instant_text(value: i64, unit: TimeUnit, buf: &mut [u8; 32]) -> Result<&str, CellError> {
    let time = match unit {
        TimeUnit::Second => DateTime::from_timestamp(value, 0),
        TimeUnit::Millisecond => DateTime::from_timestamp_millis(value),
        TimeUnit::Microsecond => DateTime::from_timestamp_micros(value),
        TimeUnit::Nanosecond => Some(DateTime::from_timestamp_nanos(value)),
    }
    .ok_or_else(|| CellError(format!("the timestamp {value} ({unit:?}) is out of range")))?;
    write_instant(time, buf)
}

fn write_instant(time: DateTime<Utc>, buf: &mut [u8; 32]) -> Result<&str, CellError> {
    fn put(buf: &mut [u8; 32], at: &mut usize, value: u32, digits: usize) {
        let mut value = value;
        for i in (0..digits).rev() {
            buf[*at + i] = b'0' + (value % 10) as u8;
            value /= 10;
        }
        *at += digits;
    }
    fn sep(buf: &mut [u8; 32], at: &mut usize, byte: u8) {
        buf[*at] = byte;
        *at += 1;
    }
    let year = time.year();
    let Ok(year) = u32::try_from(year) else {
        return Err(CellError(format!("the year {year} is out of range")));
    };
    if year > 9999 {
        return Err(CellError(format!("the year {year} is out of range")));
    }
    let at = &mut 0;
    put(buf, at, year, 4);
    sep(buf, at, b'-');
    put(buf, at, time.month(), 2);
    sep(buf, at, b'-');
    put(buf, at, time.day(), 2);
    sep(buf, at, b'T');
    put(buf, at, time.hour(), 2);
    sep(buf, at, b':');
    put(buf, at, time.minute(), 2);
    sep(buf, at, b':');
    put(buf, at, time.second(), 2);
    // Leap seconds are kept by chrono as nanoseconds ≥ 1e9; RFC 3339 text cannot say more.
    let nanos = time.nanosecond() % 1_000_000_000;
    if nanos != 0 {
        sep(buf, at, b'.');
        put(buf, at, nanos, 9);
    }
    sep(buf, at, b'Z');
    std::str::from_utf8(&buf[..*at]).map_err(|e| CellError(e.to_string()))
}

fn day_text(days: i32, buf: &mut [u8; 32]) -> Result<&str, CellError> {
    let day = NaiveDate::from_epoch_days(days)
        .ok_or_else(|| CellError(format!("the date {days} (days since 1970) is out of range")))?;
    let text = write_instant(day.and_time(chrono::NaiveTime::MIN).and_utc(), buf)?;
    Ok(&text[..10])
}

impl<'de> serde::Deserializer<'de> for Cell<'de> {
    type Error = CellError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, CellError> {
        let mut buf = [0u8; 32];
        match self {
            Cell::Null => visitor.visit_none(),
            Cell::Text(s) | Cell::Json(s) => visitor.visit_borrowed_str(s),
            Cell::Signed(v) => visitor.visit_i64(v),
            Cell::Unsigned(v) => visitor.visit_u64(v),
            Cell::Boolean(v) => visitor.visit_bool(v),
            Cell::Instant(v, unit) => visitor.visit_str(instant_text(v, unit, &mut buf)?),
            Cell::Day(v) => visitor.visit_str(day_text(v, &mut buf)?),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, CellError> {
        match self {
            Cell::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, CellError> {
        match self {
            Cell::Text(s) => visitor.visit_enum(BorrowedStrDeserializer::new(s)),
            other => other.deserialize_any(visitor),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// Row `row` of a batch's columns, as a map from column name to cell (null cells left out).
#[derive(Debug)]
pub(super) struct Row<'a> {
    pub(super) columns: &'a [(Column, ColumnData)],
    pub(super) row: usize,
    /// The column being read, to name it when its cell does not fit.
    pub(super) current: &'static str,
}

struct RowAccess<'a, 'b> {
    row: &'b mut Row<'a>,
    next: usize,
    pending: Cell<'a>,
}

impl<'de> MapAccess<'de> for RowAccess<'de, '_> {
    type Error = CellError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, CellError> {
        let columns = self.row.columns;
        while let Some((column, data)) = columns.get(self.next) {
            self.next += 1;
            let cell = data.cell(self.row.row);
            if matches!(cell, Cell::Null) {
                continue;
            }
            self.pending = cell;
            self.row.current = column.name;
            return seed
                .deserialize(BorrowedStrDeserializer::new(column.name))
                .map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, CellError> {
        match std::mem::replace(&mut self.pending, Cell::Null) {
            Cell::Json(text) => {
                let mut de = serde_json::Deserializer::from_str(text);
                let value = seed
                    .deserialize(&mut de)
                    .and_then(|v| de.end().map(|()| v))
                    .map_err(|e| CellError(format!("{e} (in the column's JSON)")))?;
                Ok(value)
            }
            cell => seed.deserialize(cell),
        }
    }
}

impl<'de> serde::Deserializer<'de> for &mut Row<'de> {
    type Error = CellError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, CellError> {
        visitor.visit_map(RowAccess {
            row: self,
            next: 0,
            pending: Cell::Null,
        })
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_written_as_rfc3339_the_importer_reads_back() {
        let mut buf = [0u8; 32];
        assert_eq!(
            instant_text(1_764_590_400, TimeUnit::Second, &mut buf).ok(),
            Some("2025-12-01T12:00:00Z")
        );
        assert_eq!(
            instant_text(1_764_590_400_250_000, TimeUnit::Microsecond, &mut buf).ok(),
            Some("2025-12-01T12:00:00.250000000Z")
        );
        assert_eq!(
            instant_text(-1, TimeUnit::Nanosecond, &mut buf).ok(),
            Some("1969-12-31T23:59:59.999999999Z")
        );
        assert!(instant_text(i64::MAX, TimeUnit::Second, &mut buf).is_err());
        assert_eq!(day_text(0, &mut buf).ok(), Some("1970-01-01"));
        assert_eq!(day_text(20_423, &mut buf).ok(), Some("2025-12-01"));
    }
}
