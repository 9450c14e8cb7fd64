//! Tests of the reservation rules at their boundaries and of the calendar export, read back by a
//! small RFC 5545 reader (unfolding, unescaping) written here independently of the writer.

mod audience;
mod fixture;
mod generation;
mod validation;

use super::*;
use crate::model::Timestamp;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

#[test]
fn reservers_are_reminded_within_an_hour_of_the_announced_start_both_ends_included() {
    let announced = ts("2026-12-05T12:00:00Z");
    let at = |s: &str| on_start(announced, ts(s));
    assert_eq!(
        at("2026-12-05T12:00:00Z"),
        StartDecision::Remind { late_seconds: 0 }
    );
    assert_eq!(
        at("2026-12-05T13:00:00Z"),
        StartDecision::Remind { late_seconds: 3600 }
    );
    assert_eq!(
        at("2026-12-05T13:00:01Z"),
        StartDecision::VoidedLate { late_seconds: 3601 }
    );
    assert_eq!(
        at("2026-12-05T11:00:00Z"),
        StartDecision::Remind {
            late_seconds: -3600
        }
    );
    assert_eq!(
        at("2026-12-05T10:59:59Z"),
        StartDecision::TooEarly {
            early_seconds: 3601
        }
    );
}

#[test]
fn cancelling_tells_every_reserver_and_resets_the_count() {
    assert_eq!(
        cancel(1234),
        Cancellation {
            notified: 1234,
            reservations: 0
        }
    );
    assert_eq!(cancel(0).notified, 0);
}

/// The properties of the calendar's VEVENT (after unfolding and unescaping), in order.
fn read_event(ics: &str) -> Vec<(String, String)> {
    assert!(ics.ends_with("\r\n"));
    let mut lines: Vec<String> = Vec::new();
    for raw in ics.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(raw.len() <= 75, "a line of {} octets: {raw}", raw.len());
        match raw.strip_prefix(' ') {
            Some(rest) => lines.last_mut().unwrap().push_str(rest),
            None => lines.push(raw.to_owned()),
        }
    }
    let start = lines.iter().position(|l| l == "BEGIN:VEVENT").unwrap();
    let end = lines.iter().position(|l| l == "BEGIN:VALARM").unwrap();
    lines[start + 1..end]
        .iter()
        .map(|l| {
            let (name, value) = l.split_once(':').unwrap();
            let mut text = String::new();
            let mut chars = value.chars();
            while let Some(c) = chars.next() {
                if c == '\\' {
                    match chars.next() {
                        Some('n') | Some('N') => text.push('\n'),
                        Some(other) => text.push(other),
                        None => {}
                    }
                } else {
                    text.push(c);
                }
            }
            (name.to_owned(), text)
        })
        .collect()
}

fn event() -> CalendarEvent {
    CalendarEvent {
        uid: "session-42@livetrust".into(),
        title: "橙子福利专场; 9.9元秒杀, 限量500份\\真的".into(),
        description: "爆款：赣南脐橙 5斤装\n福利：9.9元 限量500份".repeat(3),
        // 16:00 UTC is midnight in Shanghai: the event is on the next local day.
        start: ts("2026-12-05T16:00:00Z"),
        minutes: 90,
        url: Some("https://live.example.com/s/42".into()),
        stamp: ts("2026-12-01T08:30:00Z"),
    }
}

#[test]
fn a_reservation_reads_back_as_an_event_in_shanghai_time_with_its_texts_intact() {
    let ics = reservation_ics(&event()).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.contains("TZID:Asia/Shanghai\r\n") && ics.contains("TZOFFSETTO:+0800\r\n"));
    assert!(ics.contains("TRIGGER:-PT10M\r\n"));
    let props = read_event(&ics);
    let get = |name: &str| {
        props
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(get("DTSTART;TZID=Asia/Shanghai"), "20261206T000000");
    assert_eq!(get("DTEND;TZID=Asia/Shanghai"), "20261206T013000");
    assert_eq!(get("DTSTAMP"), "20261201T083000Z");
    assert_eq!(get("SUMMARY"), event().title);
    assert_eq!(get("DESCRIPTION"), event().description);
    assert_eq!(get("URL"), "https://live.example.com/s/42");
    assert_eq!(get("UID"), "session-42@livetrust");
}

#[test]
fn lines_fold_at_75_octets_between_characters() {
    let long = CalendarEvent {
        title: "福".repeat(200),
        ..event()
    };
    let ics = reservation_ics(&long).unwrap();
    // read_event checks every physical line's length; a split character would not read back.
    let props = read_event(&ics);
    assert_eq!(
        props.iter().find(|(n, _)| n == "SUMMARY").unwrap().1,
        "福".repeat(200)
    );
}

#[test]
fn an_event_that_cannot_be_written_is_an_error_naming_the_field() {
    let field = |e: CalendarEvent| reservation_ics(&e).unwrap_err().to_string();
    assert!(field(CalendarEvent {
        title: " ".into(),
        ..event()
    })
    .contains("title"));
    assert!(field(CalendarEvent {
        uid: String::new(),
        ..event()
    })
    .contains("uid"));
    assert!(field(CalendarEvent {
        minutes: 0,
        ..event()
    })
    .contains("minutes"));
    assert!(field(CalendarEvent {
        url: Some("javascript:alert(1)".into()),
        ..event()
    })
    .contains("url"));
}

#[test]
fn calendar_times_agree_with_the_zone_database_for_sessions_since_1991() {
    use chrono_tz::Asia::Shanghai;
    let mut t = ts("1991-09-15T00:00:00Z").unix();
    // Every 7 hours 13 minutes for about fifty years: all hours, days, leap days and years.
    while t < ts("2040-01-01T00:00:00Z").unix() {
        let at = Timestamp::from_unix(t).unwrap();
        let event = CalendarEvent {
            start: at,
            stamp: at,
            ..event()
        };
        let props = read_event(&reservation_ics(&event).unwrap());
        let start = props
            .iter()
            .find(|(n, _)| n == "DTSTART;TZID=Asia/Shanghai")
            .unwrap();
        let stamp = props.iter().find(|(n, _)| n == "DTSTAMP").unwrap();
        assert_eq!(
            start.1,
            at.0.with_timezone(&Shanghai)
                .format("%Y%m%dT%H%M%S")
                .to_string()
        );
        assert_eq!(stamp.1, at.0.format("%Y%m%dT%H%M%SZ").to_string());
        t += 7 * 3600 + 13 * 60;
    }
}

#[test]
fn civil_dates_round_trip() {
    use super::ics::{civil, from_civil};
    let mut t = -86_400 * 365 * 30;
    while t < 86_400 * 365 * 80 {
        let (y, mo, d, h, mi, _) = civil(t);
        assert_eq!(from_civil(y, mo, d, h, mi), t - t.rem_euclid(60));
        t += 86_400 * 3 + 3_607;
    }
}
