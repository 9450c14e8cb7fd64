//! Tables in columnar files: Parquet and Arrow IPC in, Parquet out (feature `columnar`, native
//! only). A file holds one table in the CSV layout (see [`columns`]); its schema is checked
//! against the table's columns before any row is read, and each row then goes through the same
//! row types, rules, duplicate checks and report as a CSV row — `record` in a problem is the
//! 1-based row of the file.

mod cell;
pub mod columns;
mod read;
mod write;

pub use write::{schema, table_len, write_parquet, ConvertError, ROWS_PER_BATCH};

#[cfg(test)]
mod tests;
