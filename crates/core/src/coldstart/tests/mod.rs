//! Tests of the cold-start assistant: step progress on hand-made merchants at every goal's
//! boundary, the configuration's checks, and the demo's merchants at every stage.

use super::*;
use crate::model::{
    Channel, Dataset, LiveSession, LocalDate, Merchant, MerchantType, Order, Ratings, Review,
    SessionSummary, Timestamp,
};

fn at(minutes: i64) -> Timestamp {
    "2026-10-01T02:00:00Z"
        .parse::<Timestamp>()
        .unwrap()
        .plus_seconds(minutes * 60)
}

fn shop(kind: MerchantType) -> Dataset {
    Dataset {
        merchants: vec![Merchant {
            id: "m1".into(),
            name: "小店".into(),
            category_id: "c".into(),
            merchant_type: kind,
            start_date: LocalDate::from_ymd(2026, 10, 1).unwrap(),
            followers: 120,
        }],
        ..Dataset::default()
    }
}

fn order(d: &mut Dataset, buyer: &str, minute: i64, channel: Channel) {
    let id = format!("o{}", d.orders.len());
    d.orders.push(Order {
        id,
        buyer_id: buyer.into(),
        merchant_id: "m1".into(),
        product_id: "p1".into(),
        channel,
        quantity: 1,
        amount_fen: 990,
        paid_at: at(minute),
        shipped_at: None,
        delivered_at: None,
        refund: None,
    });
}

fn session(d: &mut Dataset, minute: i64, minutes: i64) {
    let id = format!("s{}", d.live_sessions.len());
    d.live_sessions.push(LiveSession {
        id,
        merchant_id: "m1".into(),
        start_at: at(minute),
        end_at: at(minute + minutes),
        signals: None,
        summary: Some(SessionSummary {
            viewer_minutes: 10,
            peak_viewers: 10,
            ..SessionSummary::default()
        }),
        on_air: Vec::new(),
        explain_marks: Vec::new(),
        staged: Vec::new(),
        transcript: Vec::new(),
    });
}

fn review(d: &mut Dataset, order: usize, stars: u8, minute: i64) {
    let o = d.orders[order].clone();
    let id = format!("r{}", d.reviews.len());
    d.reviews.push(Review {
        id,
        order_id: o.id,
        buyer_id: o.buyer_id,
        ratings: Ratings {
            overall: stars,
            quality: None,
            value_for_money: None,
            logistics: None,
            service: None,
        },
        text: String::new(),
        media_count: 0,
        created_at: at(minute),
        helpful_votes: 0,
        reply: None,
    });
}

fn steps(d: &Dataset) -> ColdStartReport {
    run(d, "m1", &ColdStartConfig::default()).unwrap()
}

fn step<'a>(r: &'a ColdStartReport, id: &str) -> &'a StepReport {
    r.steps.iter().find(|s| s.id == id).unwrap()
}

#[test]
fn a_new_streamer_starts_at_the_first_hour_long_session() {
    let mut d = shop(MerchantType::Individual);
    let r = steps(&d);
    assert_eq!(r.next.as_deref(), Some("first-live"));
    assert_eq!(r.done, 0);
    assert_eq!(step(&r, "first-live").status, StepStatus::Next);
    assert_eq!(step(&r, "first-30-orders").status, StepStatus::Later);
    assert_eq!(step(&r, "first-30-orders").missing, 30);
    assert_eq!(step(&r, "first-live").unlocks.id, "starter");
    // 59 minutes is not an hour; 60 is, and the step says when.
    session(&mut d, 0, 59);
    assert_eq!(step(&steps(&d), "first-live").status, StepStatus::Next);
    session(&mut d, 1440, 60);
    let r = steps(&d);
    let first = step(&r, "first-live");
    assert_eq!(
        (first.status, first.value, first.reached_at),
        (StepStatus::Done, 1, Some(at(1440)))
    );
    assert_eq!(r.next.as_deref(), Some("three-lives"));
    assert_eq!(step(&r, "three-lives").missing, 2);
}

#[test]
fn thirty_orders_unlock_the_trust_pool_at_the_thirtieth() {
    let mut d = shop(MerchantType::Brand);
    for k in 0..29 {
        order(&mut d, &format!("b{k}"), k, Channel::Shop);
    }
    let r = steps(&d);
    assert_eq!(step(&r, "first-30-orders").missing, 1);
    assert_eq!(r.next.as_deref(), Some("first-30-orders"));
    order(&mut d, "b29", 100, Channel::LiveRoom);
    let r = steps(&d);
    let s = step(&r, "first-30-orders");
    assert_eq!((s.status, s.reached_at), (StepStatus::Done, Some(at(100))));
    assert_eq!(s.unlocks.id, "trust");
    assert_eq!(r.next.as_deref(), Some("ten-good-reviews"));
}

#[test]
fn a_repeat_buyer_counts_at_their_second_order_and_only_good_reviews_count() {
    let mut d = shop(MerchantType::ServiceProvider);
    order(&mut d, "b1", 0, Channel::Shop);
    order(&mut d, "b2", 5, Channel::Shop);
    assert_eq!(step(&steps(&d), "first-repeat-buyer").value, 0);
    order(&mut d, "b1", 10, Channel::Shop);
    let r = steps(&d);
    assert_eq!(step(&r, "first-repeat-buyer").reached_at, Some(at(10)));
    review(&mut d, 0, 4, 20);
    review(&mut d, 1, 3, 21);
    review(&mut d, 2, 5, 22);
    assert_eq!(step(&steps(&d), "ten-good-reviews").value, 2);
}

#[test]
fn short_video_sales_count_only_short_video_orders() {
    let mut d = shop(MerchantType::Vertical);
    order(&mut d, "b1", 0, Channel::LiveRoom);
    order(&mut d, "b2", 1, Channel::ShortVideo);
    order(&mut d, "b3", 2, Channel::ShortVideo);
    assert_eq!(step(&steps(&d), "first-short-video-sales").missing, 1);
    order(&mut d, "b4", 3, Channel::ShortVideo);
    let r = steps(&d);
    assert_eq!(step(&r, "first-short-video-sales").reached_at, Some(at(3)));
    // A later step done before an earlier one: done, and the earlier one is still next.
    assert_eq!(r.next.as_deref(), Some("first-live"));
}

#[test]
fn a_bad_configuration_names_its_field() {
    let field = |c: ColdStartConfig| c.check().unwrap_err().field().map(str::to_owned);
    let mut c = ColdStartConfig::default();
    c.plans[0].steps[1].unlocks = "vip".into();
    assert_eq!(field(c).as_deref(), Some("plans[0].steps[1].unlocks"));
    let mut c = ColdStartConfig::default();
    c.plans[1].steps[0].goal = Goal::Orders { count: 0 };
    assert_eq!(field(c).as_deref(), Some("plans[1].steps[0].goal.count"));
    let mut c = ColdStartConfig::default();
    c.plans.pop();
    assert_eq!(field(c).as_deref(), Some("plans"));
    let mut c = ColdStartConfig::default();
    c.plans[1].merchant_type = MerchantType::Individual;
    assert_eq!(field(c).as_deref(), Some("plans[1].merchantType"));
    let mut c = ColdStartConfig::default();
    c.plans[2].steps[1].id = c.plans[2].steps[0].id.clone();
    assert_eq!(field(c).as_deref(), Some("plans[2].steps[1].id"));
    assert_eq!(
        run(
            &shop(MerchantType::Brand),
            "nobody",
            &ColdStartConfig::default()
        )
        .unwrap_err()
        .field(),
        Some("merchantId")
    );
}

#[test]
fn the_demo_has_merchants_at_every_stage() {
    let data = crate::generate::generate(&crate::generate::GenerateConfig::default()).unwrap();
    let config = ColdStartConfig::default();
    let mut by_done = std::collections::BTreeMap::new();
    for m in &data.merchants {
        let r = run(&data, &m.id, &config).unwrap();
        let next = r
            .steps
            .iter()
            .filter(|s| s.status == StepStatus::Next)
            .count();
        assert_eq!(next, usize::from(r.next.is_some()), "{}", m.id);
        assert_eq!(
            r.done as usize
                + r.steps
                    .iter()
                    .filter(|s| s.status != StepStatus::Done)
                    .count(),
            r.steps.len()
        );
        *by_done.entry(r.done).or_insert(0) += 1;
    }
    println!("merchants by steps done: {by_done:?}");
    assert!(by_done.len() >= 2, "{by_done:?}");
}

mod evidence {
    use super::super::*;
    use crate::generate::{generate_with_truth, GenerateConfig, PlantedPath};

    fn demo() -> (crate::model::Dataset, crate::generate::GroundTruth) {
        generate_with_truth(&GenerateConfig {
            merchants: 60,
            ..GenerateConfig::default()
        })
        .unwrap()
    }

    #[test]
    fn the_planted_short_video_advantage_is_found_with_its_cohort() {
        let (data, truth) = demo();
        let planted = &truth.cold_start_cohort;
        let newest = planted.iter().rfind(|p| !p.complete).unwrap();
        let report = run(&data, &newest.merchant_id, &ColdStartConfig::default()).unwrap();
        let e = &report.evidence;
        // The cohort is the planted merchants with 60 days of data; the rest are still starting.
        let complete: Vec<&str> = planted
            .iter()
            .filter(|p| p.complete)
            .map(|p| p.merchant_id.as_str())
            .collect();
        let members: Vec<&str> = e.members.iter().map(|m| m.merchant_id.as_str()).collect();
        assert_eq!(members, complete);
        assert_eq!(e.still_starting as usize, planted.len() - complete.len());
        // The path read from the data is the planted one.
        for m in &e.members {
            let p = planted
                .iter()
                .find(|p| p.merchant_id == m.merchant_id)
                .unwrap();
            let expected = match p.path {
                PlantedPath::ShortVideoFirst => StartPath::ShortVideoFirst,
                PlantedPath::LiveFirst => StartPath::LiveFirst,
            };
            assert_eq!(m.channel_path, Some(expected), "{}", m.merchant_id);
            assert!(m.follower_history);
        }
        let q = &e.questions[0];
        assert_eq!(q.question, Question::ShortVideoOrLive);
        assert_eq!(q.verdict, Verdict::Favours);
        assert_eq!(q.favoured, Some(StartPath::ShortVideoFirst));
        let d = q.difference.unwrap();
        assert!(
            d.low > 0.0 && d.low <= d.estimate && d.estimate <= d.high,
            "{d:?}"
        );
        // The means are the members' outcomes, recomputed here.
        let mean_of = |path| {
            let v: Vec<f64> = e
                .members
                .iter()
                .filter(|m| m.channel_path == Some(path))
                .map(|m| m.outcome_orders as f64)
                .collect();
            v.iter().sum::<f64>() / v.len() as f64
        };
        assert!(
            (d.estimate - (mean_of(StartPath::ShortVideoFirst) - mean_of(StartPath::LiveFirst)))
                .abs()
                < 1e-9
        );
        // Followers first or sales first has no planted effect: the data show none.
        let growth = &e.questions[1];
        assert_eq!(growth.question, Question::FollowersOrSales);
        assert_eq!(growth.verdict, Verdict::NoClearDifference);
        // The same data give the same interval.
        let again = run(&data, &newest.merchant_id, &ColdStartConfig::default()).unwrap();
        assert_eq!(again.evidence, report.evidence);
    }

    #[test]
    fn a_merchant_is_told_its_own_path_read_like_the_cohort() {
        let (data, truth) = demo();
        let planted = |p: &PlantedPath| match p {
            PlantedPath::ShortVideoFirst => StartPath::ShortVideoFirst,
            PlantedPath::LiveFirst => StartPath::LiveFirst,
        };
        let mut young_with_path = 0;
        for p in &truth.cold_start_cohort {
            let report = run(&data, &p.merchant_id, &ColdStartConfig::default()).unwrap();
            let own = report
                .evidence
                .own
                .expect("a cohort shop opened inside the data");
            let member = report
                .evidence
                .members
                .iter()
                .find(|m| m.merchant_id == p.merchant_id);
            if p.complete {
                // In the cohort: its own start is exactly its member row.
                let m = member.expect("a complete start is a member");
                assert!(own.paths_final && own.days_open >= 60, "{own:?}");
                assert_eq!(own.channel_path, m.channel_path);
                assert_eq!(own.growth_path, m.growth_path);
            } else {
                // Still starting: not a member, paths so far, never contradicting the plan.
                assert!(member.is_none());
                assert!(own.days_open < 60, "{own:?}");
                assert_eq!(own.paths_final, own.days_open >= 30);
                if let Some(path) = own.channel_path {
                    assert_eq!(path, planted(&p.path), "{}", p.merchant_id);
                    young_with_path += 1;
                }
            }
        }
        assert!(young_with_path > 0, "some young shop has shown its path");
        // A shop that opened before the data begin has no start to read.
        let old = data
            .merchants
            .iter()
            .find(|m| {
                truth
                    .cold_start_cohort
                    .iter()
                    .all(|p| p.merchant_id != m.id)
            })
            .unwrap();
        let first_order = data.orders.iter().map(|o| o.paid_at).min().unwrap();
        assert!(old.start_date < first_order.local_date());
        let report = run(&data, &old.id, &ColdStartConfig::default()).unwrap();
        assert_eq!(report.evidence.own, None);
    }

    #[test]
    fn a_small_cohort_is_too_thin_and_no_history_is_said() {
        let (mut data, truth) = demo();
        let keep: Vec<String> = truth
            .cold_start_cohort
            .iter()
            .filter(|p| p.complete)
            .take(6)
            .map(|p| p.merchant_id.clone())
            .collect();
        let cohort: Vec<&str> = truth
            .cold_start_cohort
            .iter()
            .map(|p| p.merchant_id.as_str())
            .collect();
        data.merchants
            .retain(|m| !cohort.contains(&m.id.as_str()) || keep.contains(&m.id));
        let report = run(&data, &keep[0], &ColdStartConfig::default()).unwrap();
        let e = &report.evidence;
        assert_eq!(e.members.len(), 6);
        assert!(e
            .questions
            .iter()
            .all(|q| q.verdict == Verdict::TooThin && q.difference.is_none()));
        assert_eq!(
            e.questions[0]
                .paths
                .iter()
                .map(|p| p.merchants)
                .sum::<u32>(),
            6
        );
        data.follower_counts.clear();
        let report = run(&data, &keep[0], &ColdStartConfig::default()).unwrap();
        assert_eq!(
            report.evidence.questions[1].verdict,
            Verdict::NoFollowerHistory
        );
        // A merchant that opened before the data has no cohort.
        let old = run(&data, "m0001", &ColdStartConfig::default()).unwrap();
        assert!(old
            .evidence
            .questions
            .iter()
            .all(|q| q.verdict != Verdict::Favours));
    }

    #[test]
    fn bad_evidence_settings_name_the_field() {
        let (data, _) = demo();
        for (edit, field) in [
            (
                (|c: &mut EvidenceConfig| c.window_days = 30) as fn(&mut EvidenceConfig),
                "evidence.windowDays",
            ),
            (|c| c.min_per_path = 1, "evidence.minPerPath"),
            (|c| c.resamples = 5, "evidence.resamples"),
            (|c| c.path_days = 0, "evidence.pathDays"),
            (|c| c.follower_gain = 0, "evidence.followerGain"),
            (|c| c.order_mark = 0, "evidence.orderMark"),
        ] {
            let mut config = ColdStartConfig::default();
            edit(&mut config.evidence);
            match run(&data, "m0001", &config) {
                Err(crate::Error::InvalidField { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field}: {other:?}"),
            }
        }
        // Absent settings take the defaults.
        let json = serde_json::to_value(ColdStartConfig::default()).unwrap();
        let mut without = json.clone();
        without.as_object_mut().unwrap().remove("evidence");
        let parsed: ColdStartConfig = serde_json::from_value(without).unwrap();
        assert_eq!(parsed, ColdStartConfig::default());
    }
}
