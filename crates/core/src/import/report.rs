//! What an import says about its input: every problem with file, record, field and reason, and
//! per file how many records were read, accepted and skipped.

use serde::{Deserialize, Serialize};

use crate::model::Table;

/// What kind of problem a record has; lets a caller group or filter problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ProblemKind {
    /// Not parseable at all (broken JSON or CSV). For a JSON array this ends the file.
    Syntax,
    /// The bytes are not UTF-8.
    InvalidUtf8,
    /// Parseable, but not the documented shape: wrong type, missing or unknown field, unknown
    /// enum value.
    Shape,
    /// A value out of its allowed range (negative amount, rating 7, empty id, huge text, …).
    InvalidValue,
    /// An id seen before in the same table.
    DuplicateId,
    /// A reference to a record that is not in the data (or was skipped).
    UnknownReference,
    /// Times in an impossible order (refund before payment, delivery before shipping, …).
    InconsistentTime,
    /// The file's name or format is not one the importer understands.
    UnsupportedFile,
}

/// One problem. A record with any problem is skipped (not imported); the report says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub file: String,
    /// 1-based line number for NDJSON and CSV; 1-based position in the array for JSON.
    pub record: u64,
    /// JSON-style path of the field (`refund.requestedAt`), empty for whole-record problems.
    pub field: String,
    pub kind: ProblemKind,
    pub reason: String,
}

/// Counts for one input file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FileSummary {
    pub file: String,
    pub table: Table,
    /// Records read (blank lines are not records).
    pub records: u64,
    pub accepted: u64,
    pub skipped: u64,
}

/// The whole account of an import or validation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub files: Vec<FileSummary>,
    /// Problems in input order, at most `ImportOptions::max_problems` of them.
    pub problems: Vec<Problem>,
    /// How many problems there were in all (more than `problems.len()` when the list was capped).
    pub problem_count: u64,
}

impl ImportReport {
    /// True when every record of every file was accepted.
    pub fn is_clean(&self) -> bool {
        self.problem_count == 0
    }

    pub fn skipped(&self) -> u64 {
        self.files.iter().map(|f| f.skipped).sum()
    }

    pub fn accepted(&self) -> u64 {
        self.files.iter().map(|f| f.accepted).sum()
    }

    /// The text report the CLI prints: one `file:record: field: reason` line per problem.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for p in &self.problems {
            let field = if p.field.is_empty() {
                String::new()
            } else {
                format!(" {}:", p.field)
            };
            out.push_str(&format!("{}:{}:{} {}\n", p.file, p.record, field, p.reason));
        }
        if self.problem_count > self.problems.len() as u64 {
            out.push_str(&format!(
                "… and {} more problems\n",
                self.problem_count - self.problems.len() as u64
            ));
        }
        for f in &self.files {
            out.push_str(&format!(
                "{}: {} {} records, {} accepted, {} skipped\n",
                f.file,
                f.records,
                f.table.name(),
                f.accepted,
                f.skipped
            ));
        }
        out
    }
}
