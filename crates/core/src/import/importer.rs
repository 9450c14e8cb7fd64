//! The importer: reads records table by table (JSON, NDJSON or CSV), checks each against its shape
//! and rules, keeps the valid ones and reports every skipped one with file, record, field and
//! reason. It never stops at the first problem and never drops a valid record silently.
//!
//! Tables must arrive in dependency order (`Table::ALL`): a record is checked against the tables
//! before its own. [`import_files`](super::import_files) sorts files accordingly.

use std::io::Read;

use serde::de::DeserializeSeed;
use serde_json::value::RawValue;

use super::parse::{csv_issue, parse_flat, parse_json, ArraySeed, CsvRow, SkipBom};
use super::refs::{CategoryLevel, Key, OrderFacts, PendingParent, Refs};
use super::report::{FileSummary, ImportReport, Problem, ProblemKind};
use super::rules::{self, Issue, Issues};
use crate::model::{
    Buyer, Category, Dataset, FollowerCount, LiveSession, Merchant, Order, Product, Promotion,
    Repurchase, Review, ServiceEvent, SessionTraffic, Table,
};

/// How an import behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportOptions {
    /// Keep accepted records in the resulting dataset. `false` validates only, remembering ids
    /// but not records, for inputs larger than memory.
    pub keep_records: bool,
    /// At most this many problems are listed (all are counted).
    pub max_problems: usize,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            keep_records: true,
            max_problems: 1_000,
        }
    }
}

/// The outcome: the accepted records and the report of what was skipped and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub dataset: Dataset,
    pub report: ImportReport,
}

#[derive(Debug)]
pub struct Importer {
    options: ImportOptions,
    refs: Refs,
    dataset: Dataset,
    report: ImportReport,
    /// Index into `report.files` of the file being read.
    current: Option<usize>,
}

/// Lines an in-memory NDJSON file is checked in at a time.
const NDJSON_BATCH_LINES: usize = 16_384;

/// A line or record after the part of the import that can run in any order.
pub(super) enum Checked {
    /// A blank line: not a record.
    Blank,
    /// Parsed, with what its rules found (nothing when it passes them) and what was looked up
    /// for remembering it.
    Record(Parsed, Vec<Issue>, Known),
    /// Not a record of the table, and why.
    Failed(Vec<Issue>),
}

/// Ids of earlier tables a record refers to, looked up while checking it (the merchant's and,
/// for an order, the buyer's number; `None` when unknown or not looked up).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Known {
    buyer: Option<u32>,
    merchant: Option<u32>,
}

/// A record of a table, already parsed.
pub(super) enum Parsed {
    Category(Category),
    Merchant(Merchant),
    Buyer(Buyer),
    Product(Product),
    Order(Order),
    Review(Review),
    ServiceEvent(ServiceEvent),
    LiveSession(Box<LiveSession>),
    FollowerCount(FollowerCount),
    Promotion(Promotion),
    SessionTraffic(SessionTraffic),
}

impl Importer {
    pub fn new(options: ImportOptions) -> Self {
        Importer {
            options,
            refs: Refs::default(),
            dataset: Dataset::default(),
            report: ImportReport::default(),
            current: None,
        }
    }

    /// Starts a file holding records of `table`.
    pub fn begin_file(&mut self, file: &str, table: Table) {
        if let Some(previous) = self.current_table() {
            if previous == Table::Categories && table != Table::Categories {
                self.finish_categories();
            }
        }
        self.report.files.push(FileSummary {
            file: file.to_owned(),
            table,
            records: 0,
            accepted: 0,
            skipped: 0,
        });
        self.current = Some(self.report.files.len() - 1);
    }

    /// Records read so far over every file (accepted and skipped), for progress displays.
    pub fn records_read(&self) -> u64 {
        self.report.files.iter().map(|f| f.records).sum()
    }

    fn current_table(&self) -> Option<Table> {
        self.current.map(|i| self.report.files[i].table)
    }

    fn file_name(&self) -> String {
        self.current
            .map(|i| self.report.files[i].file.clone())
            .unwrap_or_default()
    }

    /// A problem that is not about one record (an unreadable or unsupported file).
    pub fn file_problem(&mut self, file: &str, kind: ProblemKind, reason: impl Into<String>) {
        self.problem(Problem {
            file: file.to_owned(),
            record: 0,
            field: String::new(),
            kind,
            reason: reason.into(),
        });
    }

    pub(super) fn problem(&mut self, problem: Problem) {
        self.report.problem_count += 1;
        if self.report.problems.len() < self.options.max_problems {
            self.report.problems.push(problem);
        }
    }

    pub(super) fn skip(&mut self, record: u64, issues: Vec<Issue>) {
        let file = self.file_name();
        for issue in issues {
            self.problem(Problem {
                file: file.clone(),
                record,
                field: issue.field,
                kind: issue.kind,
                reason: issue.reason,
            });
        }
        if let Some(i) = self.current {
            self.report.files[i].skipped += 1;
        }
    }

    pub(super) fn count_record(&mut self) {
        if let Some(i) = self.current {
            self.report.files[i].records += 1;
        }
    }

    /// One record as JSON text (an NDJSON line or a JSON array element).
    pub fn record_json(&mut self, record: u64, text: &str) {
        let Some(table) = self.current_table() else {
            return;
        };
        let checked = self.check_json(table, text);
        self.apply(record, checked);
    }

    /// Parses one record of `table` and runs its rules. Only reads what the tables before
    /// `table` left in the refs (the rules never look at their own table), so the records of a
    /// file can be checked in any order, and on several threads; duplicates and remembering are
    /// left to [`apply`](Self::apply), in file order.
    fn check_json(&self, table: Table, text: &str) -> Checked {
        let parsed = match table {
            Table::Categories => parse_json(text).map(Parsed::Category),
            Table::Merchants => parse_json(text).map(Parsed::Merchant),
            Table::Buyers => parse_json(text).map(Parsed::Buyer),
            Table::Products => parse_json(text).map(Parsed::Product),
            Table::Orders => parse_json(text).map(Parsed::Order),
            Table::Reviews => parse_json(text).map(Parsed::Review),
            Table::ServiceEvents => parse_json(text).map(Parsed::ServiceEvent),
            Table::LiveSessions => parse_json(text).map(|s| Parsed::LiveSession(Box::new(s))),
            Table::FollowerCounts => parse_json(text).map(Parsed::FollowerCount),
            Table::Promotions => parse_json(text).map(Parsed::Promotion),
            Table::SessionTraffic => parse_json(text).map(Parsed::SessionTraffic),
        };
        self.checked(parsed)
    }

    /// A parsed record with what its rules found, or why it could not be parsed.
    pub(super) fn checked(&self, parsed: Result<Parsed, Issue>) -> Checked {
        match parsed {
            Ok(parsed) => {
                let Issues(issues) = self.rules(&parsed);
                let known = if issues.is_empty() {
                    self.known(&parsed)
                } else {
                    Known::default()
                };
                Checked::Record(parsed, issues, known)
            }
            Err(issue) => Checked::Failed(vec![issue]),
        }
    }

    /// [`check_json`](Self::check_json) for one NDJSON line (`None`: longer than `cap`).
    fn check_line(
        &self,
        table: Table,
        line_number: u64,
        line: Option<&[u8]>,
        cap: usize,
    ) -> Checked {
        let Some(bytes) = line else {
            return Checked::Failed(vec![Issue {
                field: String::new(),
                kind: ProblemKind::InvalidValue,
                reason: format!("the line is longer than {cap} bytes and was not read"),
            }]);
        };
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        let bytes = if line_number == 1 {
            bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
        } else {
            bytes
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Checked::Blank;
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => self.check_json(table, text),
            Err(e) => Checked::Failed(vec![Issue {
                field: String::new(),
                kind: ProblemKind::InvalidUtf8,
                reason: format!("not UTF-8 from byte {} of the line", e.valid_up_to() + 1),
            }]),
        }
    }

    /// The sequential part of taking a record: count it, check it is not a duplicate, and keep
    /// it or report why not.
    pub(super) fn apply(&mut self, record: u64, checked: Checked) {
        match checked {
            Checked::Blank => {}
            Checked::Failed(issues) => {
                self.count_record();
                self.skip(record, issues);
            }
            Checked::Record(parsed, issues, known) => {
                self.count_record();
                self.accept(record, parsed, issues, known);
            }
        }
    }

    /// One NDJSON line (without its `\n`). Blank lines are not records; a trailing `\r` and a
    /// byte-order mark on the first line are tolerated.
    pub fn ndjson_line(&mut self, line_number: u64, bytes: &[u8]) {
        let Some(table) = self.current_table() else {
            return;
        };
        let checked = self.check_line(table, line_number, Some(bytes), 0);
        self.apply(line_number, checked);
    }

    /// Records that a line was longer than the reader accepts (the CLI caps lines so that a
    /// file without newlines cannot exhaust memory).
    pub fn line_too_long(&mut self, line_number: u64, cap: usize) {
        let Some(table) = self.current_table() else {
            return;
        };
        let checked = self.check_line(table, line_number, None, cap);
        self.apply(line_number, checked);
    }

    /// Consecutive NDJSON lines of the current file, each with its line number (`None`: longer
    /// than `cap`, not read). The same report and records as [`ndjson_line`](Self::ndjson_line)
    /// and [`line_too_long`](Self::line_too_long) line by line; with the `parallel` feature the
    /// lines are parsed and checked on all cores first, then taken in order.
    pub fn ndjson_lines(&mut self, lines: &[(u64, Option<&[u8]>)], cap: usize) {
        let Some(table) = self.current_table() else {
            return;
        };
        let checked = self.check_lines(table, lines, cap);
        for (&(n, _), c) in lines.iter().zip(checked) {
            self.apply(n, c);
        }
    }

    /// Every line of `lines` through [`check_line`](Self::check_line): on all cores with the
    /// `parallel` feature, in order on this thread without it.
    fn check_lines(
        &self,
        table: Table,
        lines: &[(u64, Option<&[u8]>)],
        cap: usize,
    ) -> Vec<Checked> {
        let check = |&(n, line): &(u64, Option<&[u8]>)| self.check_line(table, n, line, cap);
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            lines.par_iter().with_min_len(512).map(check).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            lines.iter().map(check).collect()
        }
    }

    /// A whole NDJSON file held in memory (the browser's case).
    pub fn ndjson(&mut self, file: &str, table: Table, bytes: &[u8]) {
        self.begin_file(file, table);
        // In batches, so that no more than one batch of parsed records waits to be taken.
        let mut batch: Vec<(u64, Option<&[u8]>)> = Vec::with_capacity(NDJSON_BATCH_LINES);
        for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
            batch.push((i as u64 + 1, Some(line)));
            if batch.len() == NDJSON_BATCH_LINES {
                self.ndjson_lines(&batch, usize::MAX);
                batch.clear();
            }
        }
        self.ndjson_lines(&batch, usize::MAX);
    }

    /// A JSON file holding an array of records of `table`, read as a stream: elements are checked
    /// one at a time and only the ids of accepted ones are kept in `validate` mode.
    pub fn json_array(&mut self, file: &str, table: Table, reader: impl Read) {
        self.begin_file(file, table);
        let mut de = serde_json::Deserializer::from_reader(SkipBom::new(reader));
        let mut seen = 0u64;
        let result = ArraySeed {
            importer: self,
            seen: &mut seen,
        }
        .deserialize(&mut de)
        .and_then(|()| de.end());
        if let Err(e) = result {
            self.count_record();
            self.skip(
                seen + 1,
                vec![Issue {
                    field: String::new(),
                    kind: ProblemKind::Syntax,
                    reason: format!(
                        "{e} (a JSON file must hold an array of {} records; nothing after this point was read)",
                        table.name()
                    ),
                }],
            );
        }
    }

    /// A JSON object holding several tables (`{"categories": [...], "orders": [...]}`), read
    /// whole. Tables are imported in dependency order whatever their order in the file.
    pub fn json_dataset(&mut self, file: &str, bytes: &[u8]) {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let tables: std::collections::BTreeMap<String, Box<RawValue>> =
            match serde_json::from_slice(bytes) {
                Ok(tables) => tables,
                Err(e) => {
                    self.file_problem(
                        file,
                        ProblemKind::Syntax,
                        format!(
                            "{e} (expected an object of tables, such as {{\"orders\": [...]}})"
                        ),
                    );
                    return;
                }
            };
        for key in tables.keys() {
            if Table::from_name(key).is_none() {
                let known: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
                self.file_problem(
                    file,
                    ProblemKind::Shape,
                    format!(
                        "unknown table `{key}`; expected one of {}",
                        known.join(", ")
                    ),
                );
            }
        }
        for table in Table::ALL {
            if let Some(raw) = tables.get(table.name()) {
                self.json_array(
                    &format!("{file}#{}", table.name()),
                    table,
                    raw.get().as_bytes(),
                );
            }
        }
    }

    /// A CSV file with a header row naming the columns (see docs/data-format.md).
    pub fn csv(&mut self, file: &str, table: Table, reader: impl Read) {
        self.begin_file(file, table);
        if table == Table::LiveSessions {
            self.file_problem(
                file,
                ProblemKind::UnsupportedFile,
                "live sessions have nested per-second signals: use JSON or NDJSON",
            );
            return;
        }
        let mut csv = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(SkipBom::new(reader));
        let headers = match csv.byte_headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                self.count_record();
                self.skip(1, vec![csv_issue(&e)]);
                return;
            }
        };
        let mut row = csv::ByteRecord::new();
        loop {
            let line = csv.position().line() + 1;
            match csv.read_byte_record(&mut row) {
                Ok(false) => break,
                Ok(true) => {
                    let line = row.position().map_or(line, |p| p.line());
                    let mut flat = CsvRow {
                        row: &row,
                        headers: &headers,
                    };
                    let checked = self.checked(parse_flat(table, &mut flat));
                    self.apply(line, checked);
                }
                Err(e) => {
                    self.count_record();
                    let line = e.position().map_or(line, |p| p.line());
                    self.skip(line, vec![csv_issue(&e)]);
                    if !matches!(
                        e.kind(),
                        csv::ErrorKind::UnequalLengths { .. } | csv::ErrorKind::Utf8 { .. }
                    ) {
                        break;
                    }
                }
            }
        }
    }

    fn rules(&self, parsed: &Parsed) -> Issues {
        match parsed {
            Parsed::Category(c) => rules::category(c),
            Parsed::Merchant(m) => rules::merchant(m, &self.refs),
            Parsed::Buyer(b) => rules::buyer(b),
            Parsed::Product(p) => rules::product(p, &self.refs),
            Parsed::Order(o) => rules::order(o, &self.refs),
            Parsed::Review(r) => rules::review(r, &self.refs),
            Parsed::ServiceEvent(e) => rules::service_event(e, &self.refs),
            Parsed::LiveSession(s) => rules::live_session(s, &self.refs),
            Parsed::FollowerCount(f) => rules::follower_count(f, &self.refs),
            Parsed::Promotion(p) => rules::promotion(p, &self.refs),
            Parsed::SessionTraffic(t) => rules::session_traffic(t, &self.refs),
        }
    }

    fn accept(&mut self, record: u64, parsed: Parsed, mut issues: Vec<Issue>, known: Known) {
        if !issues.is_empty() {
            if let Some(duplicate) = self.duplicate(&parsed) {
                issues.push(duplicate);
            }
            self.skip(record, issues);
            return;
        }
        // A record that passes its rules is remembered in one probe of its table's map, which
        // also finds a duplicate: the sequential part of an import is mostly these probes.
        match self.remember(record, parsed, known) {
            Ok(()) => {
                if let Some(i) = self.current {
                    self.report.files[i].accepted += 1;
                }
            }
            Err(duplicate) => self.skip(record, vec![duplicate]),
        }
    }

    /// What the parallel part looks up for the sequential part, so that remembering a record
    /// does not probe the maps of earlier tables again.
    pub(super) fn known(&self, parsed: &Parsed) -> Known {
        let (merchant, buyer) = match parsed {
            Parsed::Order(o) => (&o.merchant_id, Some(&o.buyer_id)),
            Parsed::Product(p) => (&p.merchant_id, None),
            Parsed::LiveSession(s) => (&s.merchant_id, None),
            Parsed::FollowerCount(f) => (&f.merchant_id, None),
            Parsed::Promotion(p) => (&p.merchant_id, None),
            _ => return Known::default(),
        };
        Known {
            buyer: buyer.and_then(|id| self.refs.buyers.get(id)),
            merchant: self.refs.merchants.get(merchant),
        }
    }

    fn duplicate(&self, parsed: &Parsed) -> Option<Issue> {
        let refs = &self.refs;
        let (id, seen) = match parsed {
            Parsed::Category(c) => (&c.id, refs.categories.contains_key(c.id.as_str())),
            Parsed::Merchant(m) => (&m.id, refs.merchants.get(&m.id).is_some()),
            Parsed::Buyer(b) => (&b.id, refs.buyers.get(&b.id).is_some()),
            Parsed::Product(p) => (&p.id, refs.products.contains_key(p.id.as_str())),
            Parsed::Order(o) => (&o.id, refs.orders.contains_key(o.id.as_str())),
            Parsed::Review(r) => (&r.id, refs.reviews.contains(r.id.as_str())),
            Parsed::ServiceEvent(e) => {
                let id = e.id();
                return refs
                    .service_events
                    .contains(id)
                    .then(|| duplicate_issue(id));
            }
            Parsed::LiveSession(s) => (&s.id, refs.live_sessions.contains_key(s.id.as_str())),
            Parsed::Promotion(p) => (&p.id, refs.promotions.contains_key(p.id.as_str())),
            Parsed::SessionTraffic(t) => {
                return refs
                    .session_traffic
                    .contains(t.session_id.as_str())
                    .then(|| session_traffic_issue(t));
            }
            Parsed::FollowerCount(f) => {
                let merchant = refs.merchants.get(&f.merchant_id)?;
                return refs
                    .follower_days
                    .contains(&(merchant, f.date))
                    .then(|| follower_day_issue(f));
            }
        };
        seen.then(|| duplicate_issue(id))
    }

    /// Remembers an accepted record and keeps it, or returns why it is a duplicate (then nothing
    /// is changed). `known` is what [`known`](Self::known) found for it.
    fn remember(&mut self, record: u64, parsed: Parsed, known: Known) -> Result<(), Issue> {
        use std::collections::hash_map::Entry;
        let keep = self.options.keep_records;
        let file = self.current.unwrap_or(0);
        let refs = &mut self.refs;
        let data = &mut self.dataset;
        // Inserts `value` under a new id, or reports the id as a duplicate.
        fn insert_new<V>(
            map: &mut rustc_hash::FxHashMap<Key, V>,
            id: &str,
            value: impl FnOnce() -> V,
        ) -> Result<(), Issue> {
            match map.entry(Key::from(id)) {
                Entry::Occupied(_) => Err(duplicate_issue(id)),
                Entry::Vacant(slot) => {
                    slot.insert(value());
                    Ok(())
                }
            }
        }
        let merchant = known.merchant.unwrap_or(u32::MAX);
        match parsed {
            Parsed::Category(c) => {
                let level = match (&c.parent_id, c.repurchase) {
                    (Some(_), repurchase) => {
                        CategoryLevel::L2(repurchase.unwrap_or(Repurchase::Low))
                    }
                    (None, _) => CategoryLevel::L1,
                };
                insert_new(&mut refs.categories, &c.id, || level)?;
                if let Some(parent) = &c.parent_id {
                    refs.category_parents.push(PendingParent {
                        file,
                        record,
                        id: c.id.clone(),
                        parent: parent.clone(),
                    });
                }
                if keep {
                    data.categories.push(c);
                }
            }
            Parsed::Merchant(m) => {
                refs.merchants
                    .insert_new(&m.id)
                    .ok_or_else(|| duplicate_issue(&m.id))?;
                if keep {
                    data.merchants.push(m);
                }
            }
            Parsed::Buyer(b) => {
                let id = refs
                    .buyers
                    .insert_new(&b.id)
                    .ok_or_else(|| duplicate_issue(&b.id))?;
                refs.buyers_table_given = true;
                if let Some(registered) = b.registered_at {
                    refs.buyer_registered.insert(id, registered);
                }
                if keep {
                    data.buyers.push(b);
                }
            }
            Parsed::Product(p) => {
                insert_new(&mut refs.products, &p.id, || merchant)?;
                if keep {
                    data.products.push(p);
                }
            }
            Parsed::Order(o) => {
                let buyers = &mut refs.buyers;
                insert_new(&mut refs.orders, &o.id, || OrderFacts {
                    // Without a buyers table, the orders name the buyers.
                    buyer: known.buyer.unwrap_or_else(|| buyers.insert(&o.buyer_id)),
                    merchant,
                    paid_at: o.paid_at,
                })?;
                if keep {
                    data.orders.push(o);
                }
            }
            Parsed::Review(r) => {
                if !refs.reviews.insert(r.id.as_str().into()) {
                    return Err(duplicate_issue(&r.id));
                }
                if keep {
                    data.reviews.push(r);
                }
            }
            Parsed::ServiceEvent(e) => {
                if !refs.service_events.insert(e.id().into()) {
                    return Err(duplicate_issue(e.id()));
                }
                if keep {
                    data.service_events.push(e);
                }
            }
            Parsed::LiveSession(s) => {
                insert_new(&mut refs.live_sessions, &s.id, || merchant)?;
                if keep {
                    data.live_sessions.push(*s);
                }
            }
            Parsed::FollowerCount(f) => {
                if let Some(merchant) = known.merchant {
                    if !refs.follower_days.insert((merchant, f.date)) {
                        return Err(follower_day_issue(&f));
                    }
                }
                if keep {
                    data.follower_counts.push(f);
                }
            }
            Parsed::Promotion(p) => {
                insert_new(&mut refs.promotions, &p.id, || merchant)?;
                if keep {
                    data.promotions.push(p);
                }
            }
            Parsed::SessionTraffic(t) => {
                if !refs.session_traffic.insert(t.session_id.as_str().into()) {
                    return Err(session_traffic_issue(&t));
                }
                if keep {
                    data.session_traffic.push(t);
                }
            }
        }
        Ok(())
    }

    /// Checks the parents of the L2 categories once all categories are known; a category whose
    /// parent is missing is withdrawn (and reported) before anything can refer to it.
    fn finish_categories(&mut self) {
        let pending = std::mem::take(&mut self.refs.category_parents);
        for PendingParent {
            file: file_index,
            record,
            id,
            parent,
        } in pending
        {
            let Some(issue) = rules::category_parent(&self.refs, &parent) else {
                continue;
            };
            self.refs.categories.remove(id.as_str());
            self.dataset.categories.retain(|c| c.id != id);
            let file = self
                .report
                .files
                .get(file_index)
                .map(|f| f.file.clone())
                .unwrap_or_default();
            if let Some(summary) = self.report.files.get_mut(file_index) {
                summary.accepted = summary.accepted.saturating_sub(1);
                summary.skipped += 1;
            }
            self.problem(Problem {
                file,
                record,
                field: issue.field,
                kind: issue.kind,
                reason: issue.reason,
            });
        }
    }

    pub fn finish(mut self) -> Imported {
        self.finish_categories();
        Imported {
            dataset: self.dataset,
            report: self.report,
        }
    }
}

fn session_traffic_issue(t: &SessionTraffic) -> Issue {
    Issue {
        field: "sessionId".into(),
        kind: ProblemKind::DuplicateId,
        reason: format!(
            "session `{}` has a traffic record already; the first one was kept",
            t.session_id
        ),
    }
}

fn follower_day_issue(f: &FollowerCount) -> Issue {
    Issue {
        field: "date".into(),
        kind: ProblemKind::DuplicateId,
        reason: format!(
            "merchant `{}` has a follower count for {} already; the first one was kept",
            f.merchant_id, f.date
        ),
    }
}

fn duplicate_issue(id: &str) -> Issue {
    Issue {
        field: "id".into(),
        kind: ProblemKind::DuplicateId,
        reason: format!("`{id}` appears more than once; the first one was kept"),
    }
}
