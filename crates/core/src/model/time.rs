//! Time in the marketplace: instants are UTC (`Timestamp`, RFC 3339 in JSON), and every calendar
//! question — which day an order belongs to, where a trailing window starts — is answered in the
//! display zone Asia/Shanghai from the real zone database (China observed summer time in
//! 1986–1991, so a fixed +08:00 would be wrong for those dates).

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use serde::{Deserialize, Serialize};

/// An instant, stored as UTC. JSON: an RFC 3339 string such as `2026-11-01T12:00:00Z` (any
/// offset is accepted on input and normalised to UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Timestamp(#[cfg_attr(feature = "tsify", tsify(type = "string"))] pub DateTime<Utc>);

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an RFC 3339 time such as 2026-11-01T12:00:00Z")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Timestamp, E> {
                match fast_rfc3339(s.as_bytes()) {
                    Some(t) => Ok(t),
                    None => s.parse().map_err(E::custom),
                }
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// Parses the common `YYYY-MM-DDTHH:MM:SS` + `Z` / `±HH:MM` forms without chrono's general
/// parser (imports read millions of these); anything else, or any invalid field, returns None
/// and takes the general path, which also produces the error message.
fn fast_rfc3339(b: &[u8]) -> Option<Timestamp> {
    let digits = |range: std::ops::Range<usize>| -> Option<i64> {
        let mut n = 0i64;
        for &c in b.get(range)? {
            if !c.is_ascii_digit() {
                return None;
            }
            n = n * 10 + i64::from(c - b'0');
        }
        Some(n)
    };
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    let offset = match (&b[19..], b.len()) {
        (b"Z" | b"z", 20) => 0,
        (_, 25) if matches!(b[19], b'+' | b'-') && b[22] == b':' => {
            // RFC 3339's time-numoffset: hours 00–23, minutes 00–59; anything else is left to
            // the general parser, which rejects it.
            let (hours, minutes) = (digits(20..22)?, digits(23..25)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let minutes = hours * 60 + minutes;
            if b[19] == b'+' {
                minutes * 60
            } else {
                -minutes * 60
            }
        }
        _ => return None,
    };
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )?;
    let days = i64::from(chrono::Datelike::num_days_from_ce(&date)) - 719_163;
    Timestamp::from_unix(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// A calendar day in Asia/Shanghai. JSON: `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct LocalDate(#[cfg_attr(feature = "tsify", tsify(type = "string"))] pub NaiveDate);

impl Timestamp {
    /// 1970-01-01T00:00:00Z.
    pub const EPOCH: Timestamp = Timestamp(DateTime::UNIX_EPOCH);

    /// From seconds since the Unix epoch; None when out of chrono's range.
    pub fn from_unix(seconds: i64) -> Option<Self> {
        DateTime::from_timestamp(seconds, 0).map(Timestamp)
    }

    pub fn unix(self) -> i64 {
        self.0.timestamp()
    }

    /// The Asia/Shanghai calendar day this instant falls on.
    pub fn local_date(self) -> LocalDate {
        LocalDate(self.0.with_timezone(&Shanghai).date_naive())
    }

    /// The Asia/Shanghai wall-clock time as `HH:MM`.
    pub fn beijing_clock(self) -> String {
        self.0.with_timezone(&Shanghai).format("%H:%M").to_string()
    }

    /// `self + seconds`, saturating at chrono's range instead of overflowing.
    pub fn plus_seconds(self, seconds: i64) -> Self {
        Timestamp(
            self.0
                .checked_add_signed(chrono::TimeDelta::seconds(seconds))
                .unwrap_or(self.0),
        )
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}",
            self.0.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        )
    }
}

impl FromStr for Timestamp {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DateTime::parse_from_rfc3339(s.trim())
            .map(|t| Timestamp(t.with_timezone(&Utc)))
            .map_err(|e| format!("`{s}` is not an RFC 3339 time ({e})"))
    }
}

impl LocalDate {
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(LocalDate)
    }

    /// The first instant of this day in Asia/Shanghai.
    pub fn start(self) -> Timestamp {
        let midnight = self.0.and_hms_opt(0, 0, 0).unwrap_or_default();
        // Midnight is never skipped in Asia/Shanghai: its summer-time switches were at 02:00.
        // `earliest` still gives an answer should a future zone rule change that.
        let local = Shanghai
            .from_local_datetime(&midnight)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|| midnight.and_utc());
        Timestamp(local)
    }

    /// `self - days`, saturating at chrono's range.
    pub fn minus_days(self, days: u64) -> Self {
        LocalDate(self.0.checked_sub_days(Days::new(days)).unwrap_or(self.0))
    }

    pub fn plus_days(self, days: u64) -> Self {
        LocalDate(self.0.checked_add_days(Days::new(days)).unwrap_or(self.0))
    }
}

impl fmt::Display for LocalDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl FromStr for LocalDate {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map(LocalDate)
            .map_err(|e| format!("`{s}` is not a YYYY-MM-DD date ({e})"))
    }
}

/// A trailing window of whole Asia/Shanghai days, `[as_of - from_days_ago, as_of - to_days_ago]`,
/// as the platform writes them: `[T-30, T-1]` is `DayWindow::trailing(T, 30, 1)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayWindow {
    pub first_day: LocalDate,
    pub last_day: LocalDate,
}

impl DayWindow {
    pub fn trailing(as_of: LocalDate, from_days_ago: u64, to_days_ago: u64) -> Self {
        DayWindow {
            first_day: as_of.minus_days(from_days_ago),
            last_day: as_of.minus_days(to_days_ago),
        }
    }

    /// Whether `t` falls on one of the window's days (Asia/Shanghai).
    pub fn contains(&self, t: Timestamp) -> bool {
        let day = t.local_date();
        self.first_day <= day && day <= self.last_day
    }

    /// The half-open UTC interval `[start, end)` covering the window, for fast comparisons.
    pub fn utc_bounds(&self) -> (Timestamp, Timestamp) {
        (self.first_day.start(), self.last_day.plus_days(1).start())
    }
}

#[cfg(test)]
#[path = "tests/time.rs"]
mod tests;
