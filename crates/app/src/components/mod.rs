//! Reusable widgets.

pub mod clip_player;
pub mod clip_segments;
pub mod clip_timeline;
pub mod cohort_chart;
pub mod dimension_chart;
pub mod import_report;
pub mod interval_track;
pub mod lang_switch;
pub mod reply_editor;
pub mod source_banner;
pub mod trend_chart;
pub mod trust_traffic;
pub mod what_if;
