//! The batched NDJSON path (`Importer::ndjson_lines`, on all cores with the `parallel` feature)
//! against the line-by-line one: the same report — problems in the same order — and the same
//! records, on generated data with mutated lines, in batches of any size.

use std::sync::OnceLock;

use proptest::prelude::*;
use serde::Serialize;

use crate::generate::{generate, GenerateConfig};
use crate::import::{ImportOptions, Imported, Importer};
use crate::model::Table;

const CAP: usize = 1 << 16;

/// A table's NDJSON lines (`None`: a line too long to read).
type Lines = Vec<Option<Vec<u8>>>;

fn lines_of<T: Serialize>(records: &[T]) -> Lines {
    records
        .iter()
        .map(|r| Some(serde_json::to_vec(r).unwrap()))
        .collect()
}

/// Every table of a small generated marketplace as NDJSON lines, in dependency order.
fn tables() -> &'static Vec<(Table, Lines)> {
    static TABLES: OnceLock<Vec<(Table, Lines)>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let d = generate(&GenerateConfig {
            merchants: 12,
            cold_start_cohort: 2,
            ..GenerateConfig::default()
        })
        .unwrap();
        Table::ALL
            .iter()
            .map(|&t| {
                let lines = match t {
                    Table::Categories => lines_of(&d.categories),
                    Table::Merchants => lines_of(&d.merchants),
                    Table::Buyers => lines_of(&d.buyers),
                    Table::Products => lines_of(&d.products),
                    Table::Orders => lines_of(&d.orders),
                    Table::Reviews => lines_of(&d.reviews),
                    Table::ServiceEvents => lines_of(&d.service_events),
                    Table::LiveSessions => lines_of(&d.live_sessions),
                    Table::FollowerCounts => lines_of(&d.follower_counts),
                    Table::Promotions => lines_of(&d.promotions),
                    Table::SessionTraffic => lines_of(&d.session_traffic),
                };
                (t, lines)
            })
            .collect()
    })
}

/// `line` changed by mutation `kind`: cut short, blank, not UTF-8, too long, a field's value
/// broken; or (kind 5, handled by the caller) repeated on the next line.
fn mutate(line: &mut Option<Vec<u8>>, kind: u8, at: usize) {
    let Some(bytes) = line.as_mut() else { return };
    match kind {
        0 => bytes.truncate(at % bytes.len().max(1)),
        1 => bytes.clear(),
        2 => bytes.insert(at % (bytes.len() + 1), 0xFF),
        3 => *line = None,
        4 => {
            // The first digit becomes a letter: a number or a timestamp goes bad.
            let from = at % bytes.len().max(1);
            if let Some(d) = bytes.iter_mut().skip(from).find(|b| b.is_ascii_digit()) {
                *d = b'x';
            }
        }
        _ => {}
    }
}

fn import(tables: &[(Table, Lines)], keep_records: bool, batch: Option<usize>) -> Imported {
    let mut importer = Importer::new(ImportOptions {
        keep_records,
        max_problems: 10_000,
    });
    for (table, lines) in tables {
        importer.begin_file(&format!("{table:?}.ndjson"), *table);
        let numbered: Vec<(u64, Option<&[u8]>)> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| (i as u64 + 1, l.as_deref()))
            .collect();
        match batch {
            None => {
                for &(n, line) in &numbered {
                    match line {
                        Some(bytes) => importer.ndjson_line(n, bytes),
                        None => importer.line_too_long(n, CAP),
                    }
                }
            }
            Some(size) => {
                for chunk in numbered.chunks(size) {
                    importer.ndjson_lines(chunk, CAP);
                }
            }
        }
    }
    importer.finish()
}

#[test]
fn clean_data_gives_the_same_import_in_batches_as_line_by_line() {
    let t = tables();
    let one = import(t, true, None);
    assert_eq!(
        one.report.problem_count,
        0,
        "{:?}",
        one.report.problems.first()
    );
    for size in [1, 7, 100, 16_384] {
        assert_eq!(import(t, true, Some(size)), one, "batch of {size}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_lines_give_the_same_import_in_batches_as_line_by_line(
        mutations in prop::collection::vec((0usize..11, any::<u16>(), 0u8..6, any::<u16>()), 1..40),
        batch in 1usize..3_000,
        keep_records in any::<bool>(),
    ) {
        let mut t = tables().clone();
        for (table, line, kind, at) in mutations {
            let lines = &mut t[table].1;
            if lines.is_empty() {
                continue;
            }
            let i = usize::from(line) % lines.len();
            if kind == 5 {
                // A repeated record: a duplicate id (or a second count for the same day).
                let copy = lines[i].clone();
                lines.insert(i + 1, copy);
            } else {
                mutate(&mut lines[i], kind, usize::from(at));
            }
        }
        let one = import(&t, keep_records, None);
        let batched = import(&t, keep_records, Some(batch));
        prop_assert_eq!(batched, one);
    }
}
