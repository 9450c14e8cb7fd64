//! Reusable widgets.

pub mod import_report;
pub mod lang_switch;
pub mod trust_badge;
