//! Tests of the campaign calendar: every gate at its boundary, the calendar's checks, the
//! status on each phase's first and last day, the .ics read back, the demo calendar, a merchant
//! of a generated marketplace.

use super::*;
use crate::index::{Dimension, MetricId};
use crate::model::MerchantType;
use crate::peer_tier::PeerTier;

fn facts() -> MerchantFacts {
    MerchantFacts {
        merchant_type: MerchantType::Vertical,
        followers: 5_000,
        recent_orders: 30,
        overall: Some(70.0),
        tier: Some(PeerTier::Average),
        dimensions: vec![(Dimension::Service, Some(40.0)), (Dimension::Content, None)],
        metrics: vec![
            (MetricId::ComplaintRate, Some(0.02)),
            (MetricId::LiveEngagement, None),
        ],
    }
}

fn passes(gate: Gate) -> bool {
    gate.evaluate(&facts()).passed
}

#[test]
fn every_gate_passes_at_its_bound_and_fails_just_beyond() {
    assert!(passes(Gate::MinOverallScore { min: 70.0 }));
    assert!(!passes(Gate::MinOverallScore { min: 70.01 }));
    assert!(passes(Gate::MinTier {
        tier: PeerTier::Average
    }));
    assert!(passes(Gate::MinTier {
        tier: PeerTier::SlightlyBelow
    }));
    assert!(!passes(Gate::MinTier {
        tier: PeerTier::Leading
    }));
    assert!(passes(Gate::MinDimensionScore {
        dimension: Dimension::Service,
        min: 40.0
    }));
    assert!(!passes(Gate::MinDimensionScore {
        dimension: Dimension::Service,
        min: 40.5
    }));
    assert!(passes(Gate::MaxMetric {
        metric: MetricId::ComplaintRate,
        max: 0.02
    }));
    assert!(!passes(Gate::MaxMetric {
        metric: MetricId::ComplaintRate,
        max: 0.0199
    }));
    assert!(passes(Gate::MinMetric {
        metric: MetricId::ComplaintRate,
        min: 0.02
    }));
    assert!(!passes(Gate::MinMetric {
        metric: MetricId::ComplaintRate,
        min: 0.021
    }));
    assert!(passes(Gate::MinRecentOrders { min: 30 }));
    assert!(!passes(Gate::MinRecentOrders { min: 31 }));
    assert!(passes(Gate::MinFollowers { min: 5_000 }));
    assert!(!passes(Gate::MinFollowers { min: 5_001 }));
    assert!(passes(Gate::MerchantTypes {
        types: vec![MerchantType::Brand, MerchantType::Vertical]
    }));
    assert!(!passes(Gate::MerchantTypes {
        types: vec![MerchantType::Brand]
    }));
}

#[test]
fn a_gate_without_a_value_fails_and_says_it_has_none() {
    for gate in [
        Gate::MinDimensionScore {
            dimension: Dimension::Content,
            min: 0.0,
        },
        Gate::MinMetric {
            metric: MetricId::LiveEngagement,
            min: 0.0,
        },
        Gate::MaxMetric {
            metric: MetricId::LiveEngagement,
            max: 1e9,
        },
    ] {
        let r = gate.evaluate(&facts());
        assert!(!r.passed && r.value.is_none(), "{gate:?}");
    }
    let no_tier = MerchantFacts {
        tier: None,
        overall: None,
        ..facts()
    };
    assert!(
        !Gate::MinTier {
            tier: PeerTier::SlightlyBelow
        }
        .evaluate(&no_tier)
        .passed
    );
    assert!(!Gate::MinOverallScore { min: 0.0 }.evaluate(&no_tier).passed);
}

fn day(s: &str) -> crate::model::LocalDate {
    s.parse().unwrap()
}

fn campaign() -> Campaign {
    demo_calendar().unwrap().campaigns.remove(0)
}

fn calendar_with(c: Campaign) -> CampaignCalendar {
    CampaignCalendar {
        source: String::new(),
        campaigns: vec![c],
    }
}

#[test]
fn the_demo_ships_the_616_shopping_festival_as_announced() {
    let c = campaign();
    assert_eq!(c.name, "616 实在购物节");
    assert_eq!(
        (c.signup.start, c.signup.end),
        (day("2022-04-20"), day("2022-05-16"))
    );
    assert_eq!(
        (c.event.start, c.event.end),
        (day("2022-05-20"), day("2022-06-18"))
    );
    assert!(c.rewards.iter().any(|r| r.top_n == Some(10)));
    for name in ["涨粉补贴", "实在好主播评选", "短视频好物榜"] {
        assert!(c.gameplays.iter().any(|g| g.name == name), "{name}");
    }
}

#[test]
fn the_status_changes_on_each_phases_first_and_last_day() {
    let c = calendar_with(campaign());
    let report = |d: &str| {
        calendar_report(&c, "m1", &facts(), &[], day(d))
            .campaigns
            .remove(0)
    };
    use CampaignStatus::*;
    for (d, s) in [
        ("2022-04-19", Upcoming),
        ("2022-04-20", SignupOpen),
        ("2022-05-16", SignupOpen),
        ("2022-05-17", SignupClosed),
        ("2022-05-19", SignupClosed),
        ("2022-05-20", Running),
        ("2022-06-18", Running),
        ("2022-06-19", Ended),
    ] {
        assert_eq!(report(d).status, s, "{d}");
    }
    let r = report("2022-05-10");
    let opens = r
        .key_dates
        .iter()
        .find(|k| k.kind == report::KeyDateKind::SignupCloses)
        .unwrap();
    assert_eq!(opens.days_from_today, 6);
    assert_eq!(r.key_dates.first().unwrap().days_from_today, -20);
}

#[test]
fn a_bad_calendar_is_refused_naming_the_field() {
    let field = |c: Campaign| {
        calendar_with(c)
            .check()
            .unwrap_err()
            .field()
            .map(str::to_owned)
    };
    let mut c = campaign();
    c.signup.end = day("2022-04-19");
    assert_eq!(field(c).as_deref(), Some("campaigns[0].signup.end"));
    let mut c = campaign();
    c.signup.end = day("2022-06-19");
    assert_eq!(field(c).as_deref(), Some("campaigns[0].signup.end"));
    let mut c = campaign();
    c.warm_up = Some(Phase {
        start: day("2022-05-17"),
        end: day("2022-05-20"),
    });
    assert_eq!(field(c).as_deref(), Some("campaigns[0].warmUp"));
    let mut c = campaign();
    c.id = "616 2022".into();
    assert_eq!(field(c).as_deref(), Some("campaigns[0].id"));
    let mut c = campaign();
    c.gates.push(Gate::MinOverallScore { min: f64::NAN });
    assert_eq!(field(c).as_deref(), Some("campaigns[0].gates[4].min"));
    let mut c = campaign();
    c.gates.push(Gate::MerchantTypes { types: vec![] });
    assert_eq!(field(c).as_deref(), Some("campaigns[0].gates[4].types"));
    let mut c = campaign();
    c.rewards[1].top_n = Some(0);
    assert_eq!(field(c).as_deref(), Some("campaigns[0].rewards[1].topN"));
    let twice = CampaignCalendar {
        source: String::new(),
        campaigns: vec![campaign(), campaign()],
    };
    assert_eq!(twice.check().unwrap_err().field(), Some("campaigns[1].id"));
    // Unknown fields and gate kinds are refused when reading.
    let text = DEMO_CALENDAR_JSON.replace("\"minTier\"", "\"minVibes\"");
    assert!(serde_json::from_str::<CampaignCalendar>(&text).is_err());
}

/// Unfolds and splits the events of an .ics into their properties.
fn events(ics: &str) -> Vec<Vec<(String, String)>> {
    assert!(ics.ends_with("\r\n") && ics.starts_with("BEGIN:VCALENDAR\r\n"));
    let unfolded = ics.replace("\r\n ", "");
    let mut out = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(line.len() <= 75 || !ics.contains(line), "folded: {line}");
        match line {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => out.extend(current.take()),
            _ => {
                if let (Some(e), Some((k, v))) = (current.as_mut(), line.split_once(':')) {
                    e.push((k.to_owned(), v.to_owned()));
                }
            }
        }
    }
    out
}

#[test]
fn chosen_campaigns_export_as_ics_and_read_back() {
    let mut c = campaign();
    c.warm_up = Some(Phase {
        start: day("2022-05-17"),
        end: day("2022-05-19"),
    });
    let cal = calendar_with(c);
    let stamp: crate::model::Timestamp = "2022-04-01T00:00:00Z".parse().unwrap();
    let ics = campaigns_ics(&cal, &["616-2022".to_owned()], stamp).unwrap();
    let ev = events(&ics);
    assert_eq!(ev.len(), 3);
    let get = |e: &Vec<(String, String)>, k: &str| {
        e.iter()
            .find(|(x, _)| x == k)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(get(&ev[0], "DTSTART;VALUE=DATE"), "20220420");
    assert_eq!(get(&ev[0], "DTEND;VALUE=DATE"), "20220517");
    assert_eq!(get(&ev[1], "DTSTART;VALUE=DATE"), "20220517");
    assert_eq!(get(&ev[2], "DTSTART;VALUE=DATE"), "20220520");
    assert_eq!(get(&ev[2], "DTEND;VALUE=DATE"), "20220619");
    assert_eq!(get(&ev[2], "SUMMARY"), "活动 · 616 实在购物节");
    assert_eq!(get(&ev[2], "UID"), "616-2022-event@livetrust");
    assert_eq!(get(&ev[2], "DTSTAMP"), "20220401T000000Z");
    let err = campaigns_ics(&cal, &["618".to_owned()], stamp).unwrap_err();
    assert_eq!(err.field(), Some("campaignIds[0]"));
}

#[test]
fn a_merchant_of_a_generated_marketplace_gets_every_gate_with_its_value() {
    use crate::generate::{generate, GenerateConfig};
    let data = generate(&GenerateConfig {
        merchants: 40,
        ..GenerateConfig::default()
    })
    .unwrap();
    let as_of = GenerateConfig::default().as_of;
    let cal = demo_calendar().unwrap();
    let config = crate::index::IndexConfig::default();
    let mut eligible = 0;
    for m in data.merchants.iter().take(10) {
        let r = run(&data, &m.id, as_of, as_of, &cal, &config).unwrap();
        let c = &r.campaigns[0];
        assert_eq!(c.status, CampaignStatus::Ended);
        assert_eq!(c.gates.len(), 4);
        assert_eq!(c.eligible, c.gates.iter().all(|g| g.passed));
        // Orders always have a value; a failed gate with a value has suggestions when the index
        // has any for it.
        assert!(c.gates[1].value.is_some());
        // What to improve works on a failed gate: the tier gate takes any suggestion, the
        // service gate the service dimension's, the complaint gate the complaint rate's.
        let failed = |k: usize| !c.gates[k].passed;
        for s in &c.improve {
            assert!(
                failed(0)
                    || (failed(2) && s.dimension == Dimension::Service)
                    || (failed(3) && s.metric == MetricId::ComplaintRate),
                "{s:?} for {:?}",
                c.gates
            );
        }
        if c.eligible {
            assert!(c.improve.is_empty());
        }
        eligible += usize::from(c.eligible);
    }
    assert!(eligible < 10, "the gates tell merchants apart");
    assert_eq!(
        run(&data, "nobody", as_of, as_of, &cal, &config)
            .unwrap_err()
            .field(),
        Some("merchantId")
    );
}
