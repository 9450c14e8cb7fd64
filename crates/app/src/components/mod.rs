//! Reusable widgets.

pub mod lang_switch;
pub mod trust_badge;
