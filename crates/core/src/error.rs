//! The one error type every core function returns.
//!
//! Errors name the offending field with a JSON-style path (`peerScores[3]`, `cutoffs.leadingFrom`)
//! so that a shell can show the user exactly what to fix. Core code never panics on bad input.

use serde::Serialize;

/// A typed, serializable error. Serialized with a `kind` tag so JavaScript callers can switch on it.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Error {
    /// A field holds a value the computation cannot accept.
    #[error("{field}: {reason}")]
    #[serde(rename_all = "camelCase")]
    InvalidField { field: String, reason: String },
    /// The input could not be parsed into the expected shape at all.
    #[error("invalid input: {message}")]
    #[serde(rename_all = "camelCase")]
    InvalidInput { message: String },
}

impl Error {
    pub fn invalid_field(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidField {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The error with its field under `prefix` (`edits[2]` + `atSecond` → `edits[2].atSecond`),
    /// for errors of a part of a larger input.
    pub fn within(self, prefix: &str) -> Self {
        match self {
            Error::InvalidField { field, reason } => Error::InvalidField {
                field: if field.starts_with('[') {
                    format!("{prefix}{field}")
                } else {
                    format!("{prefix}.{field}")
                },
                reason,
            },
            other => other,
        }
    }

    /// The field path the error is about, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::InvalidField { field, .. } => Some(field),
            Error::InvalidInput { .. } => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
