//! Chosen campaigns as an iCalendar file (RFC 5545): one all-day event per phase — sign-up,
//! warm-up, event — with `DTEND` the day after the phase's last day (all-day ends are
//! exclusive), stable UIDs (a re-import updates the same entries), texts escaped and lines
//! folded as in the live preview's reservation file.

use super::model::{Campaign, CampaignCalendar, Phase};
use crate::model::{LocalDate, Timestamp};
use crate::preview::ics::{escape, push_folded, utc};
use crate::{Error, Result};

fn day(d: LocalDate) -> String {
    d.0.format("%Y%m%d").to_string()
}

fn phase_event(
    lines: &mut Vec<String>,
    c: &Campaign,
    key: &str,
    label: &str,
    p: &Phase,
    stamp: &str,
) {
    lines.extend([
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}-{key}@livetrust", c.id),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", day(p.start)),
        format!("DTEND;VALUE=DATE:{}", day(p.end.plus_days(1))),
        format!("SUMMARY:{}", escape(&format!("{label} · {}", c.name))),
        format!(
            "CATEGORIES:{}",
            escape(&format!("{:?}", c.level).replace("APlus", "A+"))
        ),
        "TRANSP:TRANSPARENT".to_owned(),
        "END:VEVENT".to_owned(),
    ]);
}

/// The `.ics` of the campaigns `ids` of `calendar` (in the calendar's order), or an error naming
/// an id the calendar does not have.
pub fn campaigns_ics(
    calendar: &CampaignCalendar,
    ids: &[String],
    stamp: Timestamp,
) -> Result<String> {
    calendar.check()?;
    for (i, id) in ids.iter().enumerate() {
        if !calendar.campaigns.iter().any(|c| &c.id == id) {
            return Err(Error::invalid_field(
                format!("campaignIds[{i}]"),
                format!("no campaign {id:?} in the calendar"),
            ));
        }
    }
    let stamp = utc(stamp);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//livetrust//campaign calendar//ZH".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    for c in calendar.campaigns.iter().filter(|c| ids.contains(&c.id)) {
        phase_event(&mut lines, c, "signup", "报名", &c.signup, &stamp);
        if let Some(w) = &c.warm_up {
            phase_event(&mut lines, c, "warmup", "预热", w, &stamp);
        }
        phase_event(&mut lines, c, "event", "活动", &c.event, &stamp);
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in &lines {
        push_folded(&mut out, line);
    }
    Ok(out)
}
