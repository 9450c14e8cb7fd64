//! Import and validation: a clean fixture, one broken record per rule, a corpus of broken files,
//! and a property test that no input makes the importer panic or lose count.

use super::*;
use proptest::prelude::*;

mod parallel;
mod rules;

const FIXTURE: &[(&str, &str)] = &[
    (
        "categories.json",
        include_str!("../../../tests/fixtures/small/categories.json"),
    ),
    (
        "merchants.csv",
        include_str!("../../../tests/fixtures/small/merchants.csv"),
    ),
    (
        "products.ndjson",
        include_str!("../../../tests/fixtures/small/products.ndjson"),
    ),
    (
        "orders.ndjson",
        include_str!("../../../tests/fixtures/small/orders.ndjson"),
    ),
    (
        "reviews.csv",
        include_str!("../../../tests/fixtures/small/reviews.csv"),
    ),
    (
        "serviceEvents.ndjson",
        include_str!("../../../tests/fixtures/small/serviceEvents.ndjson"),
    ),
];

fn files(replace: &[(&str, &str)]) -> Vec<InputFile> {
    let mut out: Vec<InputFile> = FIXTURE
        .iter()
        .filter(|(name, _)| !replace.iter().any(|(r, _)| r == name))
        .map(|(name, text)| InputFile {
            name: name.to_string(),
            bytes: text.as_bytes().to_vec(),
        })
        .collect();
    out.extend(replace.iter().map(|(name, text)| InputFile {
        name: name.to_string(),
        bytes: text.as_bytes().to_vec(),
    }));
    out
}

fn import(files: &[InputFile]) -> Imported {
    import_files(files, ImportOptions::default())
}

/// The problems as `file:record field kind` strings, easy to compare.
fn problems(report: &ImportReport) -> Vec<String> {
    report
        .problems
        .iter()
        .map(|p| format!("{}:{} {} {:?}", p.file, p.record, p.field, p.kind))
        .collect()
}

fn assert_counts_add_up(report: &ImportReport) {
    for f in &report.files {
        assert_eq!(f.records, f.accepted + f.skipped, "{f:?}");
    }
}

#[test]
fn the_fixture_imports_cleanly_in_any_file_order() {
    let mut input = files(&[]);
    input.reverse();
    let imported = import(&input);
    assert_eq!(problems(&imported.report), Vec::<String>::new());
    let d = &imported.dataset;
    assert_eq!(
        (d.categories.len(), d.merchants.len(), d.products.len()),
        (4, 2, 2)
    );
    assert_eq!(
        (d.orders.len(), d.reviews.len(), d.service_events.len()),
        (3, 2, 2)
    );
    assert_eq!(
        d.orders[1].refund.as_ref().map(|r| r.reason),
        Some(crate::model::RefundReason::Quality)
    );
    assert_eq!(
        d.reviews[0].reply.as_ref().map(|r| r.text.as_str()),
        Some("谢谢亲的支持！")
    );
    assert_eq!(
        d.orders[2].paid_at.to_string(),
        "2026-11-05T00:00:00Z",
        "offsets normalised to UTC"
    );
    assert!(imported.report.is_clean());
    assert_eq!(imported.report.accepted(), 15);
}

#[test]
fn each_broken_record_is_reported_with_file_record_field_and_the_rest_is_kept() {
    let orders = concat!(
        r#"{"id":"o1","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"liveRoom","quantity":1,"amountFen":3990,"paidAt":"2026-11-01T12:00:00Z"}"#,
        "\n",
        r#"{"id":"o2","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"tvShopping","quantity":1,"amountFen":3990,"paidAt":"2026-11-01T12:00:00Z"}"#,
        "\n",
        r#"{"id":"o3","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"shop","quantity":1,"amountFen":-5,"paidAt":"2026-11-01T12:00:00Z"}"#,
        "\n",
        r#"{"id":"o4","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"shop","quantity":1,"amountFen":5,"paidAt":"2026-11-02T12:00:00Z","refund":{"kind":"refundOnly","reason":"quality","requestedAt":"2026-11-01T00:00:00Z"}}"#,
        "\n",
        r#"{"id":"o1","buyerId":"b9","merchantId":"m1","productId":"p1","channel":"shop","quantity":1,"amountFen":5,"paidAt":"2026-11-02T12:00:00Z"}"#,
        "\n",
        "\n",
        r#"{"id":"o6","buyerId":"b1","merchantId":"m1","productId":"p2","channel":"shop","quantity":1,"amountFen":5,"paidAt":"2026-11-02T12:00:00Z"}"#,
        "\n",
        r#"{"id":"o7","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"shop","quantity":1,"amountFen":NaN,"paidAt":"2026-11-02T12:00:00Z"}"#,
        "\n",
        r#"{"id":"o8","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"shop","quantity":1,"amountFen":5,"paidAt":"2026-11-02T12:00:00Z","shipedAt":"2026-11-03T12:00:00Z"}"#,
        "\n",
        r#"{"id":"o9","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"shop","quantity":1,"amountFen":5,"paidAt":"2026-11-02T12:00:00Z","deliveredAt":"2026-11-03T12:00:00Z"}"#,
        "\n",
    );
    let mut bad_utf8 = orders.as_bytes().to_vec();
    bad_utf8.extend_from_slice(b"{\"id\":\"o10\xff\"}\n");
    let reviews = "id,orderId,buyerId,overallRating,text,createdAt\nr1,o1,b1,5,好,2026-11-05T02:00:00Z\nr2,o404,b1,5,好,2026-11-05T02:00:00Z\nr3,o1,b2,5,好,2026-11-05T02:00:00Z\nr4,o1,b1,9,好,2026-11-05T02:00:00Z\nr5,o1,b1,5,好,2026-10-01T02:00:00Z\n";
    let mut input = files(&[("reviews.csv", reviews)]);
    input.retain(|f| f.name != "orders.ndjson");
    input.push(InputFile {
        name: "orders.ndjson".into(),
        bytes: bad_utf8,
    });
    let imported = import(&input);
    let report = &imported.report;
    assert_eq!(
        problems(report),
        vec![
            "orders.ndjson:2 channel Shape",
            "orders.ndjson:3 amountFen InvalidValue",
            "orders.ndjson:4 refund.requestedAt InconsistentTime",
            "orders.ndjson:5 id DuplicateId",
            "orders.ndjson:7 productId InvalidValue",
            "orders.ndjson:8 amountFen Syntax",
            "orders.ndjson:9 shipedAt Shape",
            "orders.ndjson:10 deliveredAt InconsistentTime",
            "orders.ndjson:11  InvalidUtf8",
            "reviews.csv:3 orderId UnknownReference",
            "reviews.csv:4 buyerId InvalidValue",
            "reviews.csv:5 ratings.overall InvalidValue",
            "reviews.csv:6 createdAt InconsistentTime",
            // The complaint is about order o2, skipped above: dependants are skipped, not orphaned.
            "serviceEvents.ndjson:2 orderId UnknownReference",
        ]
    );
    let reasons: Vec<&str> = report.problems.iter().map(|p| p.reason.as_str()).collect();
    assert!(
        reasons[0].contains("unknown variant `tvShopping`"),
        "{}",
        reasons[0]
    );
    assert!(
        reasons[1].contains("must not be negative"),
        "{}",
        reasons[1]
    );
    assert!(
        reasons[3].contains("`o1` appears more than once"),
        "{}",
        reasons[3]
    );
    assert!(
        reasons[6].contains("unknown field `shipedAt`"),
        "{}",
        reasons[6]
    );
    assert!(reasons[9].contains("`o404`"), "{}", reasons[9]);
    // Valid records survive their broken neighbours.
    let order_ids: Vec<&str> = imported
        .dataset
        .orders
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(order_ids, ["o1"]);
    let review_ids: Vec<&str> = imported
        .dataset
        .reviews
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(review_ids, ["r1"]);
    let orders_file = report
        .files
        .iter()
        .find(|f| f.file == "orders.ndjson")
        .unwrap();
    assert_eq!(
        (
            orders_file.records,
            orders_file.accepted,
            orders_file.skipped
        ),
        (10, 1, 9)
    );
    assert_counts_add_up(report);
    assert!(report
        .to_text()
        .contains("orders.ndjson:3: amountFen: must not be negative, got -5 fen"));
}

#[test]
fn categories_with_a_missing_parent_are_withdrawn_before_merchants_refer_to_them() {
    let categories = r#"[{"id":"c-x","name":"X","parentId":"c-nope","repurchase":"high"},{"id":"c-food","name":"食品"},{"id":"c-food-fresh","name":"生鲜","parentId":"c-food","repurchase":"high"},{"id":"c-deep","name":"深","parentId":"c-food-fresh","repurchase":"low"}]"#;
    let merchants = "id,name,categoryId,merchantType,startDate,followers\nm1,A,c-food-fresh,brand,2024-01-01,1\nm2,B,c-x,brand,2024-01-01,1\nm3,C,c-food,brand,2024-01-01,1\n";
    let imported = import(&[
        InputFile {
            name: "merchants.csv".into(),
            bytes: merchants.into(),
        },
        InputFile {
            name: "categories.json".into(),
            bytes: categories.into(),
        },
    ]);
    assert_eq!(
        problems(&imported.report),
        vec![
            "categories.json:1 parentId UnknownReference",
            "categories.json:4 parentId InvalidValue",
            "merchants.csv:3 categoryId UnknownReference",
            "merchants.csv:4 categoryId InvalidValue",
        ]
    );
    assert_eq!(imported.dataset.categories.len(), 2);
    assert_counts_add_up(&imported.report);
}

#[test]
fn a_whole_dataset_in_one_json_object_is_read_in_dependency_order() {
    let text = r#"{"orders":[{"id":"o1","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"shop","quantity":1,"amountFen":5,"paidAt":"2026-11-02T12:00:00Z"}],
      "products":[{"id":"p1","merchantId":"m1","title":"T","listPriceFen":5,"categoryId":"c2"}],
      "merchants":[{"id":"m1","name":"M","categoryId":"c2","merchantType":"fastBrand","startDate":"2025-01-01","followers":0}],
      "categories":[{"id":"c1","name":"L1"},{"id":"c2","name":"L2","parentId":"c1","repurchase":"low"}],
      "favourites":[]}"#;
    let imported = import(&[InputFile {
        name: "marketplace.json".into(),
        bytes: text.into(),
    }]);
    assert_eq!(
        problems(&imported.report),
        vec!["marketplace.json:0  Shape"]
    );
    assert!(imported.report.problems[0]
        .reason
        .contains("unknown table `favourites`"));
    assert_eq!(imported.dataset.orders.len(), 1);
}

#[test]
fn corpus_of_broken_files_is_reported_not_panicked_on() {
    let corpus: Vec<(&str, Vec<u8>)> = vec![
        ("orders.json", br#"[{"id":"o1","buyerId":"b1""#.to_vec()),
        ("orders.json", b"{\"not\": \"an array\"}".to_vec()),
        ("orders.json", b"".to_vec()),
        ("orders.json", b"[1, \"two\", null, [], {}]".to_vec()),
        ("orders.json", b"[] trailing".to_vec()),
        ("orders.ndjson", b"\xEF\xBB\xBF{\"id\":1}\r\n\r\n{\"id\":\r\n".to_vec()),
        ("orders.ndjson", format!("{{\"id\":\"{}\"}}\n", "长".repeat(300_000)).into_bytes()),
        ("orders.ndjson", b"{\"id\":\"a\x01b\"}\n\x00\x00\n".to_vec()),
        ("orders.csv", b"\xEF\xBB\xBFid,buyerId\r\n1,2\n3\n\"unterminated".to_vec()),
        ("orders.csv", b"".to_vec()),
        ("orders.csv", b"id,buyerId,merchantId,productId,channel,quantity,amountFen,paidAt\no1,b1,m1,p1,shop,1,NaN,2026-11-01T00:00:00Z\n".to_vec()),
        ("liveSessions.csv", b"id\n1\n".to_vec()),
        ("merchants.csv", b"id,name,categoryId,merchantType,startDate,followers,color\nm9,A,c-food-fresh,brand,2024-01-01,1,red\n".to_vec()),
        ("reviews.csv", b"id,orderId,buyerId,overallRating,createdAt\nr9,o1,b1,5\n".to_vec()),
        ("buyers.csv", b"id,registeredAt\nb1,yesterday\n".to_vec()),
        ("orders.csv", b"\"id,buyerId\n\"o1\",b1\n".to_vec()),
        ("categories.csv", b"\xff\xfe\x00i\x00d\n".to_vec()),
        ("liveSessions.ndjson", br#"{"id":"s","merchantId":"m1","startAt":"2026-11-01T00:00:00Z","endAt":"2026-11-01T00:00:02Z","signals":{"viewers":[1],"comments":[1,1],"likes":[1,1],"gifts":[1,1],"orders":[1,1],"gmvFen":[1,-1]},"onAir":[{"productId":"p1","startSecond":1,"endSecond":5}]}"#.to_vec()),
        ("notes.txt", b"hello".to_vec()),
        ("whatever.csv", b"a,b\n".to_vec()),
        ("dataset.json", b"[1,2,3]".to_vec()),
    ];
    for (name, bytes) in corpus {
        let mut input = files(&[]);
        input.retain(|f| !f.name.starts_with("orders"));
        input.push(InputFile {
            name: name.into(),
            bytes: bytes.clone(),
        });
        let imported = import(&input);
        assert!(
            imported.report.problem_count > 0 || bytes.is_empty(),
            "{name}: {:?} must report a problem",
            String::from_utf8_lossy(&bytes[..bytes.len().min(80)])
        );
        assert_counts_add_up(&imported.report);
        for p in &imported.report.problems {
            assert!(!p.reason.is_empty(), "{name}: {p:?}");
            assert!(
                p.reason.chars().count() < 2_000,
                "{name}: reasons stay readable"
            );
        }
    }
}

#[test]
fn live_session_problems_name_each_field() {
    let session = r#"{"id":"s","merchantId":"m1","startAt":"2026-11-01T00:00:00Z","endAt":"2026-11-01T00:00:02Z","signals":{"viewers":[1],"comments":[1,1],"likes":[1,1],"gifts":[1,1],"orders":[1,1],"gmvFen":[1,-1]},"onAir":[{"productId":"p2","startSecond":1,"endSecond":5}]}"#;
    let mut input = files(&[]);
    input.push(InputFile {
        name: "liveSessions.ndjson".into(),
        bytes: session.into(),
    });
    let imported = import(&input);
    let fields: Vec<&str> = imported
        .report
        .problems
        .iter()
        .map(|p| p.field.as_str())
        .collect();
    assert_eq!(
        fields,
        [
            "signals.viewers",
            "signals.gmvFen[1]",
            "onAir[0].productId",
            "onAir[0]"
        ]
    );
}

#[test]
fn a_missing_field_is_named() {
    let order = r#"{"id":"o9","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"shop","quantity":1,"amountFen":5,"paidAt":"2026-11-02T12:00:00Z","refund":{"kind":"refundOnly","requestedAt":"2026-11-03T00:00:00Z"}}"#;
    let mut input = files(&[]);
    input.retain(|f| f.name != "orders.ndjson");
    input.push(InputFile {
        name: "orders.ndjson".into(),
        bytes: format!("{{\"id\":\"o1\"}}\n{order}\n").into(),
    });
    let imported = import(&input);
    let fields: Vec<&str> = imported
        .report
        .problems
        .iter()
        .take(2)
        .map(|p| p.field.as_str())
        .collect();
    assert_eq!(fields, ["buyerId", "refund.reason"]);
}

#[test]
fn problem_list_is_capped_but_counted() {
    let lines: String = (0..50).map(|i| format!("{{\"id\":{i}}}\n")).collect();
    let imported = import_files(
        &[InputFile {
            name: "buyers.ndjson".into(),
            bytes: lines.into(),
        }],
        ImportOptions {
            keep_records: true,
            max_problems: 10,
        },
    );
    assert_eq!(imported.report.problems.len(), 10);
    assert_eq!(imported.report.problem_count, 50);
    assert!(imported.report.to_text().contains("… and 40 more problems"));
}

#[test]
fn file_names_map_to_tables_and_formats() {
    assert_eq!(
        file_kind("data/orders.ndjson"),
        Ok(FileKind::Table(Table::Orders, Format::Ndjson))
    );
    assert_eq!(
        file_kind("service_events.csv"),
        Ok(FileKind::Table(Table::ServiceEvents, Format::Csv))
    );
    assert_eq!(
        file_kind("live-sessions.jsonl"),
        Ok(FileKind::Table(Table::LiveSessions, Format::Ndjson))
    );
    assert_eq!(file_kind("shop.json"), Ok(FileKind::Dataset));
    assert!(file_kind("orders.xlsx").unwrap_err().contains(".xlsx"));
    assert!(file_kind("stuff.csv")
        .unwrap_err()
        .contains("must name a table"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_and_counts_add_up(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        which in 0usize..5,
    ) {
        let name = ["orders.json", "orders.ndjson", "orders.csv", "dataset.json", "reviews.csv"][which];
        let mut input = files(&[]);
        input.retain(|f| !f.name.starts_with("orders") && !f.name.starts_with("reviews"));
        input.push(InputFile { name: name.into(), bytes });
        let imported = import(&input);
        assert_counts_add_up(&imported.report);
    }

    #[test]
    fn mutated_valid_lines_never_panic(cut in 0usize..400, insert in any::<u8>()) {
        let mut text = include_str!("../../../tests/fixtures/small/orders.ndjson").as_bytes().to_vec();
        let at = cut.min(text.len());
        text.insert(at, insert);
        let mut input = files(&[]);
        input.retain(|f| f.name != "orders.ndjson");
        input.push(InputFile { name: "orders.ndjson".into(), bytes: text });
        let imported = import(&input);
        assert_counts_add_up(&imported.report);
        // Lines the mutation did not touch are still accepted.
        prop_assert!(imported.dataset.orders.len() >= 2);
    }
}
