//! Columnar files against the text formats: a generated marketplace written as Parquet (and as
//! Arrow IPC) imports to exactly the records its NDJSON gives; schemas that do not fit a table
//! are refused column by column before any row; bad rows are reported with their row number
//! and column, across batch boundaries, and every accepted Arrow type reads to the same value.

use std::sync::Arc;

use arrow_array::builder::{StringDictionaryBuilder, UInt64Builder};
use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, Float64Array, Int32Array, LargeStringArray, RecordBatch, RecordBatchReader,
    StringArray, TimestampNanosecondArray, TimestampSecondArray,
};
use arrow_schema::{DataType, Schema};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use serde::Serialize;

use super::columns::columns;
use super::write_parquet;
use crate::generate::{generate, GenerateConfig};
use crate::import::{import_files, ImportOptions, Imported, InputFile, ProblemKind};
use crate::model::{Dataset, Table};

fn small() -> Dataset {
    generate(&GenerateConfig {
        merchants: 12,
        cold_start_cohort: 2,
        ..GenerateConfig::default()
    })
    .unwrap()
}

fn ndjson<T: Serialize>(records: &[T]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        out.extend(serde_json::to_vec(r).unwrap());
        out.push(b'\n');
    }
    out
}

fn ndjson_files(d: &Dataset) -> Vec<InputFile> {
    let file = |t: Table, bytes| InputFile {
        name: format!("{}.ndjson", t.name()),
        bytes,
    };
    vec![
        file(Table::Categories, ndjson(&d.categories)),
        file(Table::Merchants, ndjson(&d.merchants)),
        file(Table::Buyers, ndjson(&d.buyers)),
        file(Table::Products, ndjson(&d.products)),
        file(Table::Orders, ndjson(&d.orders)),
        file(Table::Reviews, ndjson(&d.reviews)),
        file(Table::ServiceEvents, ndjson(&d.service_events)),
        file(Table::LiveSessions, ndjson(&d.live_sessions)),
        file(Table::FollowerCounts, ndjson(&d.follower_counts)),
        file(Table::Promotions, ndjson(&d.promotions)),
        file(Table::SessionTraffic, ndjson(&d.session_traffic)),
    ]
}

fn parquet_bytes(d: &Dataset, table: Table) -> Vec<u8> {
    let mut out = Vec::new();
    write_parquet(d, table, &mut out).unwrap();
    out
}

fn import(files: &[InputFile]) -> Imported {
    import_files(files, ImportOptions::default())
}

/// The per-file counts without the file names.
fn counts(i: &Imported) -> Vec<(Table, u64, u64, u64)> {
    i.report
        .files
        .iter()
        .map(|f| (f.table, f.records, f.accepted, f.skipped))
        .collect()
}

#[test]
fn a_marketplace_written_as_parquet_imports_to_the_records_its_ndjson_gives() {
    let d = small();
    let from_text = import(&ndjson_files(&d));
    assert!(from_text.report.is_clean());
    let parquet: Vec<InputFile> = Table::ALL
        .iter()
        .map(|&t| InputFile {
            name: format!("{}.parquet", t.name()),
            bytes: parquet_bytes(&d, t),
        })
        .collect();
    let from_parquet = import(&parquet);
    assert_eq!(from_parquet.report.problems, vec![]);
    assert_eq!(counts(&from_parquet), counts(&from_text));
    assert_eq!(from_parquet.dataset, from_text.dataset);
    // Every table has records, so every column layout was exercised.
    assert!(from_parquet.report.files.iter().all(|f| f.accepted > 0));
}

/// The batches of a Parquet file, to write them again in another container.
fn batches(bytes: Vec<u8>) -> (Arc<Schema>, Vec<RecordBatch>) {
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes))
        .unwrap()
        .with_batch_size(1000)
        .build()
        .unwrap();
    let schema = reader.schema();
    (schema, reader.map(Result::unwrap).collect())
}

#[test]
fn arrow_ipc_files_and_streams_import_to_the_same_records() {
    let d = small();
    let from_text = import(&ndjson_files(&d));
    let mut files = Vec::new();
    for (n, &table) in Table::ALL.iter().enumerate() {
        let (schema, batches) = batches(parquet_bytes(&d, table));
        let mut bytes = Vec::new();
        // Alternate the two IPC forms so both are read in one import.
        if n % 2 == 0 {
            let mut w = arrow_ipc::writer::FileWriter::try_new(&mut bytes, &schema).unwrap();
            batches.iter().for_each(|b| w.write(b).unwrap());
            w.finish().unwrap();
        } else {
            let mut w = arrow_ipc::writer::StreamWriter::try_new(&mut bytes, &schema).unwrap();
            batches.iter().for_each(|b| w.write(b).unwrap());
            w.finish().unwrap();
        }
        files.push(InputFile {
            name: format!("{}.arrow", table.name()),
            bytes,
        });
    }
    let from_ipc = import(&files);
    assert_eq!(from_ipc.report.problems, vec![]);
    assert_eq!(from_ipc.dataset, from_text.dataset);
}

fn parquet_of(columns: Vec<(&str, ArrayRef)>) -> Vec<u8> {
    let batch = RecordBatch::try_from_iter(columns).unwrap();
    let mut out = Vec::new();
    let mut w = ArrowWriter::try_new(&mut out, batch.schema(), None).unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
    out
}

#[test]
fn a_schema_that_does_not_fit_is_refused_column_by_column_before_any_row() {
    let strings = |v: &[&str]| Arc::new(StringArray::from(v.to_vec())) as ArrayRef;
    let bytes = parquet_of(vec![
        ("id", strings(&["b1"])),
        (
            "registeredAt",
            Arc::new(Float64Array::from(vec![1.5])) as ArrayRef,
        ),
        ("colour", strings(&["red"])),
        ("id", strings(&["again"])),
    ]);
    let imported = import(&[InputFile {
        name: "buyers.parquet".into(),
        bytes,
    }]);
    let problems: Vec<(u64, &str, ProblemKind)> = imported
        .report
        .problems
        .iter()
        .map(|p| (p.record, p.field.as_str(), p.kind))
        .collect();
    assert_eq!(
        problems,
        vec![
            (0, "registeredAt", ProblemKind::Shape),
            (0, "colour", ProblemKind::Shape),
            (0, "id", ProblemKind::Shape),
        ]
    );
    assert!(imported.report.problems[0].reason.contains("Float64"));
    assert!(imported.report.problems[1]
        .reason
        .contains("unknown column"));
    assert_eq!(imported.report.files[0].records, 0);
    assert!(imported.dataset.buyers.is_empty());

    let missing = import(&[InputFile {
        name: "merchants.parquet".into(),
        bytes: parquet_of(vec![("id", strings(&["m1"]))]),
    }]);
    let fields: Vec<&str> = missing
        .report
        .problems
        .iter()
        .map(|p| p.field.as_str())
        .collect();
    let required: Vec<&str> = columns(Table::Merchants)
        .iter()
        .filter(|c| c.required && c.name != "id")
        .map(|c| c.name)
        .collect();
    assert_eq!(fields, required);
}

#[test]
fn bad_rows_are_reported_with_their_row_and_column_across_batches() {
    // More rows than one batch holds, with problems on both sides of the boundary.
    let n = 40_000usize;
    let ids: Vec<String> = (0..n).map(|i| format!("b{i}")).collect();
    let mut ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    ids[29_999] = "b3"; // row 30 000 repeats row 4's id
    let mut registered: Vec<Option<&str>> = vec![Some("2026-01-01T00:00:00+08:00"); n];
    registered[4] = Some("yesterday"); // row 5
    registered[20_000] = None; // absent is fine: the field is optional
    let mut cluster: Vec<Option<&str>> = vec![None; n];
    cluster[16_384] = Some(""); // row 16 385, the first of the second batch: an empty key
    let bytes = parquet_of(vec![
        ("id", Arc::new(StringArray::from(ids)) as ArrayRef),
        (
            "registeredAt",
            Arc::new(StringArray::from(registered)) as ArrayRef,
        ),
        (
            "addressCluster",
            Arc::new(StringArray::from(cluster)) as ArrayRef,
        ),
    ]);
    let imported = import(&[InputFile {
        name: "buyers.parquet".into(),
        bytes,
    }]);
    let problems: Vec<(u64, &str, ProblemKind)> = imported
        .report
        .problems
        .iter()
        .map(|p| (p.record, p.field.as_str(), p.kind))
        .collect();
    assert_eq!(
        problems,
        vec![
            (5, "registeredAt", ProblemKind::Shape),
            (16_385, "addressCluster", ProblemKind::InvalidValue),
            (30_000, "id", ProblemKind::DuplicateId),
        ]
    );
    let file = &imported.report.files[0];
    assert_eq!(
        (file.records, file.accepted, file.skipped),
        (n as u64, n as u64 - 3, 3)
    );
    assert_eq!(imported.dataset.buyers.len(), n - 3);
}

#[test]
fn a_required_value_that_is_null_names_its_column() {
    let bytes = parquet_of(vec![
        (
            "id",
            Arc::new(StringArray::from(vec!["c1", "c2"])) as ArrayRef,
        ),
        (
            "name",
            Arc::new(StringArray::from(vec![None, Some("食品")])) as ArrayRef,
        ),
        (
            "repurchase",
            Arc::new(StringArray::from(vec![None, Some("sometimes")])) as ArrayRef,
        ),
    ]);
    let imported = import(&[InputFile {
        name: "categories.parquet".into(),
        bytes,
    }]);
    let problems: Vec<(u64, &str)> = imported
        .report
        .problems
        .iter()
        .map(|p| (p.record, p.field.as_str()))
        .collect();
    assert_eq!(problems, vec![(1, "name"), (2, "repurchase")]);
    assert!(imported.report.problems[0].reason.contains("missing field"));
    assert!(imported.report.problems[1].reason.contains("sometimes"));
}

#[test]
fn every_accepted_arrow_type_reads_to_the_same_value() {
    let d = small();
    let from_text = import(&ndjson_files(&d));
    let base: Vec<InputFile> = ndjson_files(&d)
        .into_iter()
        .filter(|f| f.name.starts_with("categories") || f.name.starts_with("merchants"))
        .collect();
    // Follower counts with text as a dictionary, days as text, followers as UInt64.
    let mut merchant = StringDictionaryBuilder::<Int32Type>::new();
    let mut followers = UInt64Builder::new();
    for f in &d.follower_counts {
        merchant.append_value(&f.merchant_id);
        followers.append_value(f.followers);
    }
    let dates: Vec<String> = d
        .follower_counts
        .iter()
        .map(|f| f.date.to_string())
        .collect();
    let counts = parquet_of(vec![
        ("merchantId", Arc::new(merchant.finish()) as ArrayRef),
        ("date", Arc::new(StringArray::from(dates)) as ArrayRef),
        ("followers", Arc::new(followers.finish()) as ArrayRef),
    ]);
    // Promotions with large text, second and nanosecond timestamps, Int32 budgets (all fit).
    let p = &d.promotions;
    let promotions = parquet_of(vec![
        (
            "id",
            Arc::new(LargeStringArray::from_iter_values(p.iter().map(|p| &p.id))) as ArrayRef,
        ),
        (
            "merchantId",
            Arc::new(StringArray::from_iter_values(
                p.iter().map(|p| &p.merchant_id),
            )) as ArrayRef,
        ),
        (
            "startAt",
            Arc::new(TimestampSecondArray::from_iter_values(
                p.iter().map(|p| p.start_at.unix()),
            )) as ArrayRef,
        ),
        (
            "endAt",
            Arc::new(
                TimestampNanosecondArray::from_iter_values(
                    p.iter().map(|p| p.end_at.unix() * 1_000_000_000),
                )
                .with_timezone("Asia/Shanghai"),
            ) as ArrayRef,
        ),
        (
            "budgetFen",
            Arc::new(Int32Array::from_iter_values(
                p.iter().map(|p| i32::try_from(p.budget_fen).unwrap()),
            )) as ArrayRef,
        ),
        (
            "goal",
            Arc::new(StringArray::from_iter_values(p.iter().map(|p| {
                serde_json::to_value(p.goal)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            }))) as ArrayRef,
        ),
    ]);
    let mut files = base;
    files.push(InputFile {
        name: "followerCounts.parquet".into(),
        bytes: counts,
    });
    files.push(InputFile {
        name: "promotions.parquet".into(),
        bytes: promotions,
    });
    let imported = import(&files);
    assert_eq!(imported.report.problems, vec![]);
    assert_eq!(
        imported.dataset.follower_counts,
        from_text.dataset.follower_counts
    );
    assert_eq!(imported.dataset.promotions, from_text.dataset.promotions);
}

#[test]
fn bytes_that_are_not_parquet_or_arrow_are_a_file_problem() {
    let imported = import(&[
        InputFile {
            name: "orders.parquet".into(),
            bytes: b"{\"id\": 1}\n".to_vec(),
        },
        InputFile {
            name: "reviews.arrow".into(),
            bytes: b"ARROW1 but then nothing".to_vec(),
        },
    ]);
    let kinds: Vec<(&str, ProblemKind)> = imported
        .report
        .problems
        .iter()
        .map(|p| (p.file.as_str(), p.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("orders.parquet", ProblemKind::Syntax),
            ("reviews.arrow", ProblemKind::Syntax)
        ]
    );
}

#[test]
fn the_written_schema_is_the_table_columns() {
    for table in Table::ALL {
        let schema = super::schema(table);
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let expected: Vec<&str> = columns(table).iter().map(|c| c.name).collect();
        assert_eq!(names, expected);
        for (field, column) in schema.fields().iter().zip(columns(table)) {
            assert!(
                column.kind.accepts(field.data_type()),
                "{table:?} {}",
                column.name
            );
            assert_eq!(field.is_nullable(), !column.required);
            assert_ne!(field.data_type(), &DataType::Null);
        }
    }
}
