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

#[test]
fn offsets_rfc_3339_forbids_are_rejected_not_applied() {
    for bad in [
        "2026-11-01T12:00:00+99:00",
        "2026-11-01T12:00:00+05:99",
        "2026-11-01T12:00:00-24:00",
        "2026-11-01T12:00:00+23:60",
    ] {
        assert!(
            serde_json::from_str::<Timestamp>(&format!("\"{bad}\"")).is_err(),
            "{bad}"
        );
    }
    // The largest offsets RFC 3339 allows still parse, on the fast path and the general one.
    assert_eq!(
        serde_json::from_str::<Timestamp>("\"2026-11-01T12:00:00+23:59\"")
            .unwrap()
            .to_string(),
        "2026-10-31T12:01:00Z"
    );
}

/// What the general parser (chrono) makes of a string, as the deserializer would return it.
fn general(text: &str) -> Option<DateTime<Utc>> {
    text.parse::<Timestamp>().ok().map(|t| t.0)
}

fn deserialized(text: &str) -> Option<DateTime<Utc>> {
    serde_json::from_str::<Timestamp>(&serde_json::to_string(text).unwrap())
        .ok()
        .map(|t| t.0)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

    /// Whatever the fast path accepts, chrono accepts as the same instant; whatever it declines
    /// goes to chrono: the deserializer's answer is always chrono's.
    #[test]
    fn the_fast_path_agrees_with_chrono_on_arbitrary_strings(text in "\\PC{0,30}") {
        if let Some(t) = fast_rfc3339(text.as_bytes()) {
            proptest::prop_assert_eq!(general(&text), Some(t.0));
        }
        proptest::prop_assert_eq!(deserialized(&text), general(&text));
    }

    #[test]
    fn the_fast_path_agrees_with_chrono_on_near_timestamps(
        text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(Z|z|[+-][0-9]{2}:[0-9]{2}|\\.[0-9]{1,3}Z)"
    ) {
        if let Some(t) = fast_rfc3339(text.as_bytes()) {
            proptest::prop_assert_eq!(general(&text), Some(t.0), "{}", text);
        }
        proptest::prop_assert_eq!(deserialized(&text), general(&text), "{}", text);
    }
}
