//! The sentences for problems the importer really reports.

use livetrust_core::import::{import_files, ImportOptions, InputFile};

use super::*;

fn problems(name: &str, text: &str) -> Vec<Problem> {
    import_files(
        &[InputFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }],
        ImportOptions::default(),
    )
    .report
    .problems
}

#[test]
fn shape_problems_name_the_field_and_what_it_should_hold() {
    let orders = concat!(
        r#"{"id":"o1","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"tv","quantity":1,"amountFen":1,"paidAt":"2026-11-01T12:00:00Z"}"#,
        "\n",
        r#"{"id":"o2","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"shop","quantity":1,"amountFen":"abc","paidAt":"2026-11-01T12:00:00Z"}"#,
        "\n",
        r#"{"id":"o3","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"shop","quantity":1,"amountFen":1}"#,
        "\n",
        r#"{"id":"o4","buyerId":"b1","merchantId":"m1","productId":"p1","channel":"shop","quantity":1,"amountFen":1,"paidAt":"2026-11-01T12:00:00Z","shipedAt":"x"}"#,
        "\n",
    );
    let p = problems("orders.ndjson", orders);
    let zh: Vec<String> = p.iter().map(|p| describe(Lang::Zh, p)).collect();
    assert_eq!(
        zh[0],
        "字段「channel」的值「tv」不在可选范围内，应为：liveRoom、shortVideo、shop。"
    );
    assert_eq!(zh[1], "字段「amountFen」的类型不对，应为整数。");
    assert_eq!(zh[2], "缺少必填字段「paidAt」。");
    assert!(zh[3].starts_with("没有名为「shipedAt」的字段"), "{}", zh[3]);
    let en = describe(Lang::En, &p[1]);
    assert_eq!(
        en,
        "Field “amountFen” has the wrong type; it must be a whole number."
    );
    // No sentence falls back to the parser's English.
    for s in &zh {
        assert!(!s.contains("expected") && !s.contains("invalid"), "{s}");
    }
}

#[test]
fn an_unknown_reference_says_which_table_to_choose_too() {
    let p = problems(
        "orders.ndjson",
        r#"{"id":"o1","buyerId":"b1","merchantId":"m9","productId":"p1","channel":"shop","quantity":1,"amountFen":1,"paidAt":"2026-11-01T12:00:00Z"}"#,
    );
    let merchant = p.iter().find(|p| p.field == "merchantId").unwrap();
    assert_eq!(
        describe(Lang::Zh, merchant),
        "字段「merchantId」引用的商家「m9」不在数据中（或那条记录被跳过了）。"
    );
    assert!(fix(Lang::Zh, merchant)
        .unwrap()
        .contains("merchants.ndjson"));
    assert!(fix(Lang::En, merchant).unwrap().contains("merchants table"));
}

#[test]
fn every_kind_has_a_sentence_in_both_languages() {
    let kinds = [
        ProblemKind::Syntax,
        ProblemKind::InvalidUtf8,
        ProblemKind::Shape,
        ProblemKind::InvalidValue,
        ProblemKind::DuplicateId,
        ProblemKind::UnknownReference,
        ProblemKind::InconsistentTime,
        ProblemKind::UnsupportedFile,
    ];
    for kind in kinds {
        let p = Problem {
            file: "orders.ndjson".into(),
            record: 1,
            field: "quantity".into(),
            kind,
            reason: "something".into(),
        };
        let (zh, en) = (describe(Lang::Zh, &p), describe(Lang::En, &p));
        assert!(
            zh.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
            "{kind:?}: {zh}"
        );
        assert!(en.is_ascii() || en.contains('“'), "{kind:?}: {en}");
        assert_ne!(zh, en);
    }
}
