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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Timestamp(#[cfg_attr(feature = "tsify", tsify(type = "string"))] pub DateTime<Utc>);

/// A calendar day in Asia/Shanghai. JSON: `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct LocalDate(#[cfg_attr(feature = "tsify", tsify(type = "string"))] pub NaiveDate);

impl Timestamp {
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
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn shanghai_day_boundary_is_16_utc() {
        assert_eq!(
            ts("2026-11-01T15:59:59Z").local_date().to_string(),
            "2026-11-01"
        );
        assert_eq!(
            ts("2026-11-01T16:00:00Z").local_date().to_string(),
            "2026-11-02"
        );
    }

    #[test]
    fn summer_time_1988_is_respected() {
        // On 1988-07-01 China was on UTC+9: local midnight was 15:00 UTC the day before.
        let d: LocalDate = "1988-07-01".parse().unwrap();
        assert_eq!(d.start().to_string(), "1988-06-30T15:00:00Z");
        let winter: LocalDate = "1988-12-01".parse().unwrap();
        assert_eq!(winter.start().to_string(), "1988-11-30T16:00:00Z");
    }

    #[test]
    fn trailing_window_t30_to_t1() {
        let as_of: LocalDate = "2026-11-24".parse().unwrap();
        let w = DayWindow::trailing(as_of, 30, 1);
        assert_eq!(w.first_day.to_string(), "2026-10-25");
        assert_eq!(w.last_day.to_string(), "2026-11-23");
        assert!(w.contains(ts("2026-11-23T15:59:59Z")));
        assert!(
            !w.contains(ts("2026-11-23T16:00:00Z")),
            "that is already T (11-24) in Shanghai"
        );
        assert!(w.contains(ts("2026-10-24T16:00:00Z")));
        assert!(!w.contains(ts("2026-10-24T15:59:59Z")));
        let (start, end) = w.utc_bounds();
        assert_eq!(start.to_string(), "2026-10-24T16:00:00Z");
        assert_eq!(end.to_string(), "2026-11-23T16:00:00Z");
    }

    #[test]
    fn parses_offsets_and_rejects_garbage() {
        assert_eq!(
            ts("2026-11-02T00:30:00+08:00").to_string(),
            "2026-11-01T16:30:00Z"
        );
        assert!("2026-13-01T00:00:00Z".parse::<Timestamp>().is_err());
        assert!("yesterday".parse::<Timestamp>().is_err());
        assert!("2026-02-30".parse::<LocalDate>().is_err());
    }
}
