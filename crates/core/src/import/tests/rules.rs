//! One test per import rule, each with a valid record next to the broken one: the broken record
//! is reported with its file, record, field and kind, and the valid one is kept. The cases add
//! records to the small fixture in files of their own (`case/<table>.ndjson`: directories in a
//! file name are ignored, so these are more rows of the same tables).

use super::*;
use crate::import::report::ProblemKind;

struct Case {
    rule: &'static str,
    file: &'static str,
    /// A buyers table to give (the fixture has none); every buyer of the fixture must be in it.
    buyers: &'static [&'static str],
    valid: String,
    invalid: String,
    field: &'static str,
    kind: ProblemKind,
}

fn order(id: &str, extra: &str) -> String {
    format!(
        r#"{{"id":"{id}","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"shop","quantity":1,"amountFen":3990,"paidAt":"2026-11-01T12:00:00Z"{extra}}}"#
    )
}

fn review(id: &str, extra: &str) -> String {
    format!(
        r#"{{"id":"{id}","orderId":"o1","buyerId":"b1","ratings":{{"overall":5}},"createdAt":"2026-11-05T02:00:00Z"{extra}}}"#
    )
}

fn session(id: &str, extra: &str) -> String {
    format!(
        r#"{{"id":"{id}","merchantId":"m1","startAt":"2026-11-01T12:00:00Z","endAt":"2026-11-01T12:00:03Z","signals":{{"viewers":[1,2,3],"comments":[0,0,0],"likes":[0,0,0],"gifts":[0,0,0],"orders":[0,0,0],"gmvFen":[0,0,0]}}{extra}}}"#
    )
}

/// A two-minute session with a summary instead of signals.
fn summarised(id: &str, summary: &str) -> String {
    format!(
        r#"{{"id":"{id}","merchantId":"m1","startAt":"2026-11-01T12:00:00Z","endAt":"2026-11-01T12:02:00Z"{summary}}}"#
    )
}

const SUMMARY: &str =
    r#","summary":{"viewerMinutes":10,"peakViewers":5,"comments":3,"likes":0,"gifts":0}"#;

fn cases() -> Vec<Case> {
    use ProblemKind::*;
    let c = |rule, file, valid: String, invalid: String, field, kind| Case {
        rule,
        file,
        buyers: &[],
        valid,
        invalid,
        field,
        kind,
    };
    let long = "长".repeat(5_001);
    vec![
        c("quantity is at least 1", "orders", order("q1", ""), order("q2", "").replace(r#""quantity":1"#, r#""quantity":0"#), "quantity", InvalidValue),
        c("money is not negative", "orders", order("q3", ""), order("q4", "").replace("3990", "-1"), "amountFen", InvalidValue),
        c("shipped not before paid", "orders", order("t1", r#","shippedAt":"2026-11-01T12:00:00Z""#), order("t2", r#","shippedAt":"2026-11-01T11:59:59Z""#), "shippedAt", InconsistentTime),
        c("delivered not before shipped", "orders", order("t3", r#","shippedAt":"2026-11-02T00:00:00Z","deliveredAt":"2026-11-02T00:00:00Z""#), order("t4", r#","shippedAt":"2026-11-02T00:00:00Z","deliveredAt":"2026-11-01T23:00:00Z""#), "deliveredAt", InconsistentTime),
        c("delivered only when shipped", "orders", order("t5", r#","shippedAt":"2026-11-02T00:00:00Z""#), order("t6", r#","deliveredAt":"2026-11-03T00:00:00Z""#), "deliveredAt", InconsistentTime),
        c("refund requested not before payment", "orders", order("t7", r#","refund":{"kind":"refundOnly","reason":"other","requestedAt":"2026-11-01T12:00:00Z"}"#), order("t8", r#","refund":{"kind":"refundOnly","reason":"other","requestedAt":"2026-11-01T11:00:00Z"}"#), "refund.requestedAt", InconsistentTime),
        c("refund completed not before requested", "orders", order("t9", r#","refund":{"kind":"refundOnly","reason":"other","requestedAt":"2026-11-02T12:00:00Z","completedAt":"2026-11-02T12:00:00Z"}"#), order("t10", r#","refund":{"kind":"refundOnly","reason":"other","requestedAt":"2026-11-02T12:00:00Z","completedAt":"2026-11-02T11:00:00Z"}"#), "refund.completedAt", InconsistentTime),
        c("an id is not empty", "orders", order("i1", ""), order(" ", ""), "id", InvalidValue),
        c("an id has at most 128 characters", "orders", order(&"i".repeat(128), ""), order(&"i".repeat(129), ""), "id", InvalidValue),
        c("an id has no control characters", "orders", order("i2", ""), order("i\\u0007x", ""), "id", InvalidValue),
        c("an id appears once", "orders", order("i3", ""), order("i3", ""), "id", DuplicateId),
        c("a product is sold by the order's merchant", "orders", order("p-ok", ""), order("p-bad", "").replace(r#""productId":"p1""#, r#""productId":"p2""#), "productId", InvalidValue),
        c("an order refers to a known merchant", "orders", order("r1", ""), order("r2", "").replace(r#""merchantId":"m1""#, r#""merchantId":"m404""#), "merchantId", UnknownReference),
        c("a review's text has at most 5000 characters", "reviews", review("rv1", &format!(r#","text":"{}""#, &long[3..])), review("rv2", &format!(r#","text":"{long}""#)), "text", InvalidValue),
        c("a review is not written before its order was paid", "reviews", review("rv3", ""), review("rv4", "").replace("2026-11-05T02:00:00Z", "2026-11-01T11:00:00Z"), "createdAt", InconsistentTime),
        c("a rating is 1 to 5 stars", "reviews", review("rv5", r#","text":"好""#).replace(r#""overall":5"#, r#""overall":1"#), review("rv6", "").replace(r#""overall":5"#, r#""overall":0"#), "ratings.overall", InvalidValue),
        c("a reply has text", "reviews", review("rv7", r#","reply":{"text":"谢谢","repliedAt":"2026-11-05T03:00:00Z"}"#), review("rv8", r#","reply":{"text":"  ","repliedAt":"2026-11-05T03:00:00Z"}"#), "reply.text", InvalidValue),
        c("a reply is not before its review", "reviews", review("rv9", r#","reply":{"text":"谢谢","repliedAt":"2026-11-05T02:00:00Z"}"#), review("rv10", r#","reply":{"text":"谢谢","repliedAt":"2026-11-05T01:00:00Z"}"#), "reply.repliedAt", InconsistentTime),
        c("a review is by the order's buyer", "reviews", review("rv11", ""), review("rv12", "").replace(r#""buyerId":"b1""#, r#""buyerId":"b2""#), "buyerId", InvalidValue),
        c("a complaint is about an order of the same shop", "serviceEvents",
            r#"{"kind":"complaint","id":"c1","merchantId":"m1","buyerId":"b1","orderId":"o1","createdAt":"2026-11-13T07:00:00Z","reason":"quality"}"#.into(),
            r#"{"kind":"complaint","id":"c2","merchantId":"m2","buyerId":"b1","orderId":"o1","createdAt":"2026-11-13T07:00:00Z","reason":"quality"}"#.into(),
            "orderId", InvalidValue),
        c("a session ends after it starts", "liveSessions", session("s1", ""), session("s2", "").replace("12:00:03Z", "12:00:00Z"), "endAt", InconsistentTime),
        c("a session lasts at most 24 hours", "liveSessions", session("s3", ""), session("s4", "").replace("\"endAt\":\"2026-11-01T12:00:03Z\"", "\"endAt\":\"2026-11-02T12:00:01Z\""), "endAt", InvalidValue),
        c("a session has one signal value per second", "liveSessions", session("s5", ""), session("s6", "").replace(r#""viewers":[1,2,3]"#, r#""viewers":[1,2]"#), "signals.viewers", InvalidValue),
        c("GMV per second is not negative", "liveSessions", session("s7", ""), session("s8", "").replace(r#""gmvFen":[0,0,0]"#, r#""gmvFen":[0,-1,0]"#), "signals.gmvFen[1]", InvalidValue),
        c("a session has its signals or a summary", "liveSessions", summarised("s15", SUMMARY), summarised("s16", ""), "signals", Shape),
        c("a summary's viewer-minutes fit its peak audience", "liveSessions", summarised("s17", SUMMARY), summarised("s18", &SUMMARY.replace(r#""viewerMinutes":10"#, r#""viewerMinutes":11"#)), "summary.viewerMinutes", InvalidValue),
        c("a summary next to the signals is what they add up to", "liveSessions", session("s19", r#","summary":{"viewerMinutes":0,"peakViewers":3,"comments":0,"likes":0,"gifts":0}"#), session("s20", r#","summary":{"viewerMinutes":0,"peakViewers":3,"comments":1,"likes":0,"gifts":0}"#), "summary.comments", InvalidValue),
        c("an on-air interval lies within the session", "liveSessions", session("s9", r#","onAir":[{"productId":"p1","startSecond":0,"endSecond":3}]"#), session("s10", r#","onAir":[{"productId":"p1","startSecond":2,"endSecond":4}]"#), "onAir[0]", InvalidValue),
        c("an explain mark is within the session", "liveSessions", session("s11", r#","explainMarks":[{"productId":"p1","second":2}]"#), session("s12", r#","explainMarks":[{"productId":"p1","second":3}]"#), "explainMarks[0].second", InvalidValue),
        c("a session shows its own merchant's products", "liveSessions", session("s13", r#","staged":[{"productId":"p1","plannedSecond":0}]"#), session("s14", r#","staged":[{"productId":"p2","plannedSecond":0}]"#), "staged[0].productId", InvalidValue),
        c("a transcript segment lies within the session", "liveSessions", session("s15", r#","transcript":[{"startMs":0,"endMs":3000,"text":"大家好"}]"#), session("s16", r#","transcript":[{"startMs":1000,"endMs":1000,"text":"大家好"}]"#), "transcript[0]", InvalidValue),
        c("a merchant has a name", "merchants", r#"{"id":"m8","name":"店","categoryId":"c-food-fresh","merchantType":"brand","startDate":"2025-01-01","followers":1}"#.into(), r#"{"id":"m9","name":" ","categoryId":"c-food-fresh","merchantType":"brand","startDate":"2025-01-01","followers":1}"#.into(), "name", InvalidValue),
        c("a merchant is in an L2 category", "merchants", r#"{"id":"m10","name":"店","categoryId":"c-food-fresh","merchantType":"brand","startDate":"2025-01-01","followers":1}"#.into(), r#"{"id":"m11","name":"店","categoryId":"c-food","merchantType":"brand","startDate":"2025-01-01","followers":1}"#.into(), "categoryId", InvalidValue),
        c("an L2 category has a repurchase flag", "categories", r#"{"id":"c-x","name":"X","parentId":"c-food","repurchase":"low"}"#.into(), r#"{"id":"c-y","name":"Y","parentId":"c-food"}"#.into(), "repurchase", InvalidValue),
        Case {
            buyers: &[r#"{"id":"b1"}"#, r#"{"id":"b2"}"#],
            ..c("a cluster key is not empty", "buyers", r#"{"id":"b3","addressCluster":"a1","deviceCluster":"d1"}"#.into(), r#"{"id":"b4","deviceCluster":""}"#.into(), "deviceCluster", InvalidValue)
        },
        Case {
            buyers: &[r#"{"id":"b1","registeredAt":"2026-10-01T00:00:00Z"}"#, r#"{"id":"b2"}"#],
            ..c("an order is not paid before its buyer registered", "orders", order("g1", ""), order("g2", "").replace("2026-11-01T12:00:00Z", "2026-09-30T23:59:59Z"), "paidAt", InconsistentTime)
        },
    ]
}

#[test]
fn each_rule_reports_the_broken_record_and_keeps_the_valid_one_next_to_it() {
    for case in cases() {
        let mut input = files(&[]);
        let name = format!("case/{}.ndjson", case.file);
        let mut lines: Vec<String> = Vec::new();
        if !case.buyers.is_empty() {
            let buyers: Vec<String> = case.buyers.iter().map(|s| (*s).to_owned()).collect();
            if case.file == "buyers" {
                lines = buyers;
            } else {
                input.push(InputFile {
                    name: "case/buyers.ndjson".into(),
                    bytes: buyers.join("\n").into_bytes(),
                });
            }
        }
        let first = lines.len() as u64 + 1;
        lines.push(case.valid.clone());
        lines.push(case.invalid.clone());
        input.push(InputFile {
            name: name.clone(),
            bytes: lines.join("\n").into_bytes(),
        });
        let imported = import(&input);
        assert_eq!(
            problems(&imported.report),
            vec![format!(
                "{name}:{} {} {:?}",
                first + 1,
                case.field,
                case.kind
            )],
            "rule: {}",
            case.rule
        );
        let file = imported
            .report
            .files
            .iter()
            .find(|f| f.file == name)
            .unwrap();
        assert_eq!(
            (file.accepted, file.skipped),
            (lines.len() as u64 - 1, 1),
            "rule: {}: the valid record is kept",
            case.rule
        );
    }
}

#[test]
fn buyers_read_from_csv_with_empty_cells_for_absent_fields() {
    let mut input = files(&[]);
    input.push(InputFile {
        name: "buyers.csv".into(),
        bytes: b"id,registeredAt,addressCluster,deviceCluster\nb1,,,\nb2,2026-01-01T00:00:00+08:00,a7f3,d91c\n".to_vec(),
    });
    let imported = import(&input);
    assert_eq!(problems(&imported.report), Vec::<String>::new());
    let b = &imported.dataset.buyers;
    assert_eq!(b[0].registered_at, None);
    assert_eq!(b[0].device_cluster, None);
    assert_eq!(
        b[1].registered_at.map(|t| t.to_string()).as_deref(),
        Some("2025-12-31T16:00:00Z")
    );
    assert_eq!(b[1].address_cluster.as_deref(), Some("a7f3"));
}

#[test]
fn promotions_and_session_traffic_are_checked_field_by_field() {
    let sessions = [
        session("s1", ""),
        session("s2", "").replace(r#""merchantId":"m1""#, r#""merchantId":"m2""#),
    ]
    .join("\n");
    let promotion = |id: &str, extra: &str| {
        format!(
            r#"{{"id":"{id}","merchantId":"m1","startAt":"2026-11-01T11:00:00Z","endAt":"2026-11-01T13:00:00Z","budgetFen":50000,"goal":"roomViews"{extra}}}"#
        )
    };
    let promotions = [
        promotion("pr1", ""),
        promotion("pr2", "").replace("13:00:00Z", "10:00:00Z"),
        promotion("pr3", "").replace("50000", "-5"),
        promotion("pr4", "").replace(r#""merchantId":"m1""#, r#""merchantId":"m404""#),
        promotion("pr1", ""),
    ]
    .join("\n");
    let traffic = |session: &str, extra: &str| {
        format!(
            r#"{{"sessionId":"{session}","naturalExposure":1000,"paidExposure":200,"paidSpendFen":8000,"gmvFen":12000{extra}}}"#
        )
    };
    let records = [
        traffic("s1", r#","promotionId":"pr1""#),
        traffic("s1", ""),
        traffic("s404", ""),
        traffic("s2", r#","promotionId":"pr1""#),
        traffic("s2", "").replace("8000", "-1"),
        traffic("s2", r#","promotionId":"pr404""#),
    ]
    .join("\n");
    let input = files(&[
        ("case/liveSessions.ndjson", &sessions),
        ("case/promotions.ndjson", &promotions),
        ("case/sessionTraffic.ndjson", &records),
    ]);
    let imported = import(&input);
    assert_eq!(
        problems(&imported.report),
        vec![
            "case/promotions.ndjson:2 endAt InconsistentTime",
            "case/promotions.ndjson:3 budgetFen InvalidValue",
            "case/promotions.ndjson:4 merchantId UnknownReference",
            "case/promotions.ndjson:5 id DuplicateId",
            "case/sessionTraffic.ndjson:2 sessionId DuplicateId",
            "case/sessionTraffic.ndjson:3 sessionId UnknownReference",
            "case/sessionTraffic.ndjson:4 promotionId InvalidValue",
            "case/sessionTraffic.ndjson:5 paidSpendFen InvalidValue",
            "case/sessionTraffic.ndjson:6 promotionId UnknownReference",
        ]
    );
    assert_eq!(imported.dataset.promotions.len(), 1);
    assert_eq!(imported.dataset.session_traffic.len(), 1);
    assert_eq!(
        imported.dataset.session_traffic[0].promotion_id.as_deref(),
        Some("pr1")
    );
}
