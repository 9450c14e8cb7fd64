//! A reservation as an iCalendar event (RFC 5545) in the Asia/Shanghai time zone: the
//! `VTIMEZONE` the event's `DTSTART;TZID=Asia/Shanghai` refers to (UTC+8, no summer time since
//! 1991), a reminder ten minutes before, every text escaped (`\`, `;`, `,`, line breaks) and every
//! line folded at 75 octets without splitting a character. Lines end in CRLF.
//!
//! Local times are written at UTC+8, the offset the file's own `VTIMEZONE` declares, with plain
//! calendar arithmetic rather than chrono's formatter: the viewer widgets build this file in the
//! browser, and the formatter would add to every page's download.

use serde::{Deserialize, Serialize};

use crate::model::Timestamp;
use crate::{Error, Result};

/// The event a reservation exports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CalendarEvent {
    /// Unique and stable for the session (a re-download replaces the same calendar entry).
    pub uid: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub start: Timestamp,
    /// Planned length in minutes (1 to 1440).
    pub minutes: u32,
    /// Where to watch, if there is a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub url: Option<String>,
    /// When the file is made (`DTSTAMP`).
    pub stamp: Timestamp,
}

/// Minutes before the start at which the calendar reminds.
pub const ALARM_MINUTES: u32 = 10;

pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            // Other control characters have no place in a content line.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (continuations start with a space), then CRLF.
pub(crate) fn push_folded(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// `YYYYMMDDTHHMMSS` of `seconds` since the epoch.
fn basic_format(seconds: i64) -> String {
    let (year, month, day, h, m, s) = civil(seconds);
    format!("{year:04}{month:02}{day:02}T{h:02}{m:02}{s:02}")
}

/// Year, month, day, hour, minute, second of `seconds` since the epoch (proleptic Gregorian;
/// days to date after H. Hinnant's `civil_from_days`). Add 8 hours for Shanghai wall-clock time.
pub fn civil(seconds: i64) -> (i64, u32, u32, u32, u32, u32) {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Every value below is in range by construction (month 1–12, day 1–31, secs < 86 400).
    (
        year,
        month as u32,
        day as u32,
        (secs / 3600) as u32,
        (secs % 3600 / 60) as u32,
        (secs % 60) as u32,
    )
}

/// Seconds since the epoch of a proleptic Gregorian date and time (the inverse of [`civil`];
/// H. Hinnant's `days_from_civil`). Subtract 8 hours from a Shanghai wall-clock time.
pub fn from_civil(year: i64, month: u32, day: u32, hour: u32, minute: u32) -> i64 {
    let (m, d) = (i64::from(month), i64::from(day));
    let y = if m <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60
}

/// Shanghai wall-clock time at the `VTIMEZONE`'s UTC+8.
fn local(t: Timestamp) -> String {
    basic_format(t.unix() + 8 * 3600)
}

pub(crate) fn utc(t: Timestamp) -> String {
    basic_format(t.unix()) + "Z"
}

/// The `.ics` file of `event`, or an error naming the field that cannot be written.
pub fn reservation_ics(event: &CalendarEvent) -> Result<String> {
    if event.uid.trim().is_empty() {
        return Err(Error::invalid_field("uid", "must not be empty"));
    }
    if event.title.trim().is_empty() {
        return Err(Error::invalid_field("title", "must not be empty"));
    }
    if !(1..=1440).contains(&event.minutes) {
        return Err(Error::invalid_field("minutes", "must be 1 to 1440"));
    }
    if let Some(url) = &event.url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(Error::invalid_field(
                "url",
                "must be an http or https address",
            ));
        }
    }
    let end = event.start.plus_seconds(i64::from(event.minutes) * 60);
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//livetrust//live preview//ZH".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VTIMEZONE".into(),
        "TZID:Asia/Shanghai".into(),
        "BEGIN:STANDARD".into(),
        "DTSTART:19910915T000000".into(),
        "TZOFFSETFROM:+0800".into(),
        "TZOFFSETTO:+0800".into(),
        "TZNAME:CST".into(),
        "END:STANDARD".into(),
        "END:VTIMEZONE".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}", escape(&event.uid)),
        format!("DTSTAMP:{}", utc(event.stamp)),
        format!("DTSTART;TZID=Asia/Shanghai:{}", local(event.start)),
        format!("DTEND;TZID=Asia/Shanghai:{}", local(end)),
        format!("SUMMARY:{}", escape(&event.title)),
    ];
    if !event.description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape(&event.description)));
    }
    if let Some(url) = &event.url {
        lines.push(format!("URL:{}", escape(url)));
    }
    lines.extend([
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        format!("DESCRIPTION:{}", escape(&event.title)),
        format!("TRIGGER:-PT{ALARM_MINUTES}M"),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ]);
    let mut out = String::new();
    for line in &lines {
        push_folded(&mut out, line);
    }
    Ok(out)
}
