//! `livetrust demo`: writes the deterministic demo marketplace as a dataset directory (one NDJSON
//! file per table, the format `livetrust validate` and the app read back).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use livetrust_core::generate::{generate, with_large_merchant, GenerateConfig};
use livetrust_core::model::{Dataset, Table};
use serde::Serialize;

/// Writes `records` as NDJSON to `dir/<table>.ndjson`; returns the bytes written.
fn write_table<T: Serialize>(dir: &Path, table: Table, records: &[T]) -> Result<u64, String> {
    let path = dir.join(format!("{}.ndjson", table.name()));
    let file = File::create(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let mut bytes = 0u64;
    for record in records {
        let line = serde_json::to_string(record).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += line.len() as u64 + 1;
        writeln!(out, "{line}").map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    out.flush()
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(bytes)
}

pub fn write_dataset(dataset: &Dataset, dir: &Path) -> Result<Vec<(Table, usize, u64)>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let d = dataset;
    Ok(vec![
        (
            Table::Categories,
            d.categories.len(),
            write_table(dir, Table::Categories, &d.categories)?,
        ),
        (
            Table::Merchants,
            d.merchants.len(),
            write_table(dir, Table::Merchants, &d.merchants)?,
        ),
        (
            Table::Buyers,
            d.buyers.len(),
            write_table(dir, Table::Buyers, &d.buyers)?,
        ),
        (
            Table::Products,
            d.products.len(),
            write_table(dir, Table::Products, &d.products)?,
        ),
        (
            Table::Orders,
            d.orders.len(),
            write_table(dir, Table::Orders, &d.orders)?,
        ),
        (
            Table::Reviews,
            d.reviews.len(),
            write_table(dir, Table::Reviews, &d.reviews)?,
        ),
        (
            Table::ServiceEvents,
            d.service_events.len(),
            write_table(dir, Table::ServiceEvents, &d.service_events)?,
        ),
        (
            Table::LiveSessions,
            d.live_sessions.len(),
            write_table(dir, Table::LiveSessions, &d.live_sessions)?,
        ),
        (
            Table::FollowerCounts,
            d.follower_counts.len(),
            write_table(dir, Table::FollowerCounts, &d.follower_counts)?,
        ),
        (
            Table::Promotions,
            d.promotions.len(),
            write_table(dir, Table::Promotions, &d.promotions)?,
        ),
        (
            Table::SessionTraffic,
            d.session_traffic.len(),
            write_table(dir, Table::SessionTraffic, &d.session_traffic)?,
        ),
    ])
}

pub fn run(
    config: &GenerateConfig,
    (large_orders, large_reviews): (usize, usize),
    out: &Path,
) -> Result<String, livetrust_core::Error> {
    let step = crate::progress::step("generating the marketplace");
    let dataset = if large_orders > 0 {
        with_large_merchant(config, large_orders, large_reviews)?
    } else {
        generate(config)?
    };
    step.set_message("writing the tables");
    let written = write_dataset(&dataset, out)
        .map_err(|message| livetrust_core::Error::InvalidInput { message })?;
    step.finish_and_clear();
    let mut summary = format!(
        "demo marketplace (seed {}, {} merchants, as of {}) written to {}\n",
        config.seed,
        dataset.merchants.len(),
        config.as_of,
        out.display()
    );
    for (table, records, bytes) in written {
        summary.push_str(&format!(
            "  {:<24} {:>9} records {:>12} bytes\n",
            format!("{}.ndjson", table.name()),
            records,
            bytes
        ));
    }
    Ok(summary)
}
