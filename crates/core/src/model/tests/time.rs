//! Tests of `time` (a child module of it, kept in its own file).

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
fn the_fast_parser_agrees_with_chrono() {
    for text in [
        "2026-11-01T12:00:00Z",
        "1988-07-01T00:00:00+09:00",
        "2026-02-28T23:59:59-05:30",
        "2000-02-29T00:00:00Z",
        "2026-11-01T12:00:00.123Z",
        "2026-11-01 12:00:00Z",
    ] {
        let general = chrono::DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc));
        let fast: Result<Timestamp, _> = serde_json::from_str(&format!("\"{text}\""));
        assert_eq!(fast.ok().map(|t| t.0), general.ok(), "{text}");
    }
    for bad in [
        "2026-02-30T00:00:00Z",
        "2026-11-01T24:00:00Z",
        "２０２６-11-01T12:00:00Z",
    ] {
        assert!(
            serde_json::from_str::<Timestamp>(&format!("\"{bad}\"")).is_err(),
            "{bad}"
        );
    }
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
