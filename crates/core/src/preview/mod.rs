//! Live previews (直播预告): what a merchant announces before a session, and what a viewer's
//! reservation (预约) does — the reminder rules and the calendar event it exports. See
//! docs/preview.md.
//!
//! Built so far (issue 11, first part): `reservation` (reminders within ±1 hour of the announced
//! start, voided after a later start, cancellation) and `ics` (the reservation as an iCalendar
//! event in Asia/Shanghai). The preview's contents, generation, validation and audience package
//! follow.

pub mod ics;
pub mod reservation;

pub use ics::{reservation_ics, CalendarEvent};
pub use reservation::{cancel, on_start, Cancellation, StartDecision, WINDOW_SECONDS};

#[cfg(test)]
mod tests;
