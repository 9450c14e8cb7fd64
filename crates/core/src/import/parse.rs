//! Turning bytes into records: one JSON record with the path of any bad field, one CSV row of a
//! table, a streamed JSON array handed to the importer element by element, and a reader that
//! drops a UTF-8 byte-order mark.

use std::io::Read;

use serde::de::{DeserializeOwned, DeserializeSeed, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::csv_rows::{OrderRow, ReviewRow, ServiceEventRow};
use super::importer::{Importer, Parsed};
use super::report::ProblemKind;
use super::rules::Issue;
use crate::model::Table;

/// Parses one record; on failure says which field and why (re-parsing with path tracking only
/// then, so the common path stays fast).
pub(super) fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, Issue> {
    match serde_json::from_str::<T>(text) {
        Ok(value) => Ok(value),
        Err(first) => {
            let mut de = serde_json::Deserializer::from_str(text);
            let (field, error) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
                Err(e) => {
                    let path = e.path().to_string();
                    (
                        if path == "." { String::new() } else { path },
                        e.into_inner(),
                    )
                }
                Ok(_) => (String::new(), first),
            };
            // serde reports a missing field at its parent's path; name the field itself.
            let message = error.to_string();
            let field = match message
                .strip_prefix("missing field `")
                .and_then(|rest| rest.split_once('`'))
            {
                Some((name, _)) if field.is_empty() => name.to_owned(),
                Some((name, _)) => format!("{field}.{name}"),
                None => field,
            };
            let kind = match error.classify() {
                serde_json::error::Category::Data => ProblemKind::Shape,
                _ => ProblemKind::Syntax,
            };
            Err(Issue {
                field,
                kind,
                reason: message,
            })
        }
    }
}

/// A row of a flat table (a CSV row, a row of an Arrow batch) that can be read as a row type.
pub(super) trait FlatRow {
    fn read<T: DeserializeOwned>(&mut self) -> Result<T, Issue>;
}

/// A CSV data row with the file's header.
pub(super) struct CsvRow<'a> {
    pub(super) row: &'a csv::ByteRecord,
    pub(super) headers: &'a csv::ByteRecord,
}

impl FlatRow for CsvRow<'_> {
    fn read<T: DeserializeOwned>(&mut self) -> Result<T, Issue> {
        let headers = self.headers;
        self.row.deserialize::<T>(Some(headers)).map_err(|e| {
            let field = match e.kind() {
                csv::ErrorKind::Deserialize { err, .. } => err
                    .field()
                    .and_then(|i| headers.get(i as usize))
                    .map(|h| String::from_utf8_lossy(h).into_owned())
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let reason = match e.kind() {
                csv::ErrorKind::Deserialize { err, .. } => err.kind().to_string(),
                other => format!("{other:?}"),
            };
            Issue {
                field,
                kind: ProblemKind::Shape,
                reason,
            }
        })
    }
}

/// One row of a flat table into its record: the CSV layout's row types for the tables with
/// nested fields, the model types for the others. Live sessions are read from columnar files
/// only (their nested fields as JSON text); the CSV reader refuses them before any row.
pub(super) fn parse_flat(table: Table, row: &mut impl FlatRow) -> Result<Parsed, Issue> {
    let flat = |(field, reason): (&str, &str)| Issue {
        field: field.to_owned(),
        kind: ProblemKind::Shape,
        reason: reason.to_owned(),
    };
    Ok(match table {
        Table::Categories => Parsed::Category(row.read()?),
        Table::Merchants => Parsed::Merchant(row.read()?),
        Table::Buyers => Parsed::Buyer(row.read()?),
        Table::Products => Parsed::Product(row.read()?),
        Table::Orders => Parsed::Order(row.read::<OrderRow>()?.into_order().map_err(flat)?),
        Table::Reviews => Parsed::Review(row.read::<ReviewRow>()?.into_review().map_err(flat)?),
        Table::ServiceEvents => {
            Parsed::ServiceEvent(row.read::<ServiceEventRow>()?.into_event().map_err(flat)?)
        }
        Table::FollowerCounts => Parsed::FollowerCount(row.read()?),
        Table::Promotions => Parsed::Promotion(row.read()?),
        Table::SessionTraffic => Parsed::SessionTraffic(row.read()?),
        Table::LiveSessions => Parsed::LiveSession(Box::new(row.read()?)),
    })
}

pub(super) fn csv_issue(e: &csv::Error) -> Issue {
    let kind = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => ProblemKind::InvalidUtf8,
        _ => ProblemKind::Syntax,
    };
    let reason = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("has {len} columns; the header has {expected_len}"),
        csv::ErrorKind::Utf8 { err, .. } => format!("not UTF-8 ({err})"),
        _ => e.to_string(),
    };
    Issue {
        field: String::new(),
        kind,
        reason,
    }
}

/// Drives a streamed JSON array, handing each element to the importer as raw JSON text.
pub(super) struct ArraySeed<'a> {
    pub(super) importer: &'a mut Importer,
    pub(super) seen: &'a mut u64,
}

impl<'de> DeserializeSeed<'de> for ArraySeed<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ArraySeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(raw) = seq.next_element::<Box<RawValue>>()? {
            *self.seen += 1;
            self.importer.record_json(*self.seen, raw.get());
        }
        Ok(())
    }
}

/// A reader that drops a leading UTF-8 byte-order mark (spreadsheet exports often start with one).
pub(super) struct SkipBom<R> {
    inner: R,
    checked: bool,
    pending: Vec<u8>,
}

impl<R: Read> SkipBom<R> {
    pub(super) fn new(inner: R) -> Self {
        SkipBom {
            inner,
            checked: false,
            pending: Vec::new(),
        }
    }
}

impl<R: Read> Read for SkipBom<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if !self.checked {
            self.checked = true;
            let mut head = [0u8; 3];
            let mut n = 0;
            while n < 3 {
                let got = self.inner.read(&mut head[n..])?;
                if got == 0 {
                    break;
                }
                n += got;
            }
            if &head[..n] != b"\xEF\xBB\xBF" {
                self.pending.extend_from_slice(&head[..n]);
            }
        }
        if !self.pending.is_empty() {
            let n = self.pending.len().min(buf.len());
            buf[..n].copy_from_slice(&self.pending[..n]);
            self.pending.drain(..n);
            return Ok(n);
        }
        self.inner.read(buf)
    }
}
