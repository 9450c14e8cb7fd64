//! The shared case suite (`tests/cases/*.json`) run against the core natively. The same files are
//! run against the CLI binary (crates/cli/tests) and the wasm package in Chromium
//! (crates/wasm/tests), so all three shells are held to one set of answers. `index.json` is a
//! market whose every number is derived by hand in the case itself.

// Tests state their expectations with unwrap/expect/panic: a failure should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use livetrust_core::peer_tier::{place_against_peers, PeerComparison};
use serde_json::Value;

#[path = "support/subset.rs"]
mod subset;
use subset::assert_subset;

#[test]
fn peer_tier_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/peer_tier.json")).expect("case file parses");
    assert!(cases.len() >= 10);
    for case in &cases {
        let name = &case["name"];
        let parsed = serde_json::from_value::<PeerComparison>(case["input"].clone());
        match (&case.get("output"), parsed) {
            (Some(expected), Ok(input)) => {
                let got = place_against_peers(&input).map(|p| serde_json::to_value(p).unwrap());
                assert_eq!(got.as_ref(), Ok(*expected), "case {name}");
            }
            (Some(_), Err(e)) => panic!("case {name}: input should parse: {e}"),
            (None, parsed) => {
                let expected = &case["error"];
                let error = match parsed {
                    Ok(input) => {
                        serde_json::to_value(place_against_peers(&input).unwrap_err()).unwrap()
                    }
                    Err(_) => serde_json::json!({"kind": "invalidInput"}),
                };
                assert_eq!(error["kind"], expected["kind"], "case {name}: {error}");
                if let Some(field) = expected.get("field") {
                    assert_eq!(&error["field"], field, "case {name}");
                }
            }
        }
    }
}

/// `file:record field kind`, the form the validate cases list problems in.
fn problem_line(p: &Value) -> String {
    format!(
        "{}:{} {} {}",
        p["file"].as_str().unwrap_or(""),
        p["record"],
        p["field"].as_str().unwrap_or(""),
        p["kind"].as_str().unwrap_or("")
    )
}

#[test]
fn validate_cases() {
    use livetrust_core::import::{import_files, ImportOptions, InputFile};
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/validate.json")).expect("case file parses");
    for case in &cases {
        let files: Vec<InputFile> = case["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| InputFile {
                name: f["name"].as_str().unwrap().to_owned(),
                bytes: f["text"].as_str().unwrap().as_bytes().to_vec(),
            })
            .collect();
        let imported = import_files(&files, ImportOptions::default());
        let report = serde_json::to_value(&imported.report).unwrap();
        let got: Vec<String> = report["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(problem_line)
            .collect();
        let mut got_sorted = got.clone();
        got_sorted.sort();
        let expected: Vec<String> = serde_json::from_value(case["problems"].clone()).unwrap();
        assert_eq!(got_sorted, expected, "case {}", case["name"]);
        assert_eq!(
            imported.report.accepted(),
            case["accepted"].as_u64().unwrap(),
            "case {}",
            case["name"]
        );
    }
}

#[test]
fn index_cases() {
    use livetrust_core::import::{import_files, ImportOptions, InputFile};
    use livetrust_core::index::{market_index, IndexConfig};
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/index.json")).expect("case file parses");
    assert!(!cases.is_empty());
    for case in &cases {
        let files: Vec<InputFile> = case["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| InputFile {
                name: f["name"].as_str().unwrap().to_owned(),
                bytes: f["text"].as_str().unwrap().as_bytes().to_vec(),
            })
            .collect();
        let imported = import_files(&files, ImportOptions::default());
        assert!(imported.report.is_clean(), "{}", imported.report.to_text());
        let config: IndexConfig = serde_json::from_value(case["config"].clone()).unwrap();
        let as_of = case["asOf"].as_str().unwrap().parse().unwrap();
        let market = market_index(&imported.dataset, as_of, &config).unwrap();
        for (id, expected) in case["expected"].as_object().unwrap() {
            let report = serde_json::to_value(market.report(id, &config).unwrap()).unwrap();
            assert_subset(expected, &report, &format!("{}: {id}", case["name"]));
        }
    }
}

#[test]
fn preview_cases() {
    use livetrust_core::import::{import_files, ImportOptions, InputFile};
    use livetrust_core::preview::{run, PreviewRequest};
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/preview.json")).expect("case file parses");
    assert!(cases.len() >= 2);
    for case in &cases {
        let files: Vec<InputFile> = case["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| InputFile {
                name: f["name"].as_str().unwrap().to_owned(),
                bytes: f["text"].as_str().unwrap().as_bytes().to_vec(),
            })
            .collect();
        let dataset = (!files.is_empty()).then(|| {
            let imported = import_files(&files, ImportOptions::default());
            assert!(imported.report.is_clean(), "{}", imported.report.to_text());
            imported.dataset
        });
        let request: PreviewRequest = serde_json::from_value(case["request"].clone()).unwrap();
        let outcome = serde_json::to_value(run(&request, dataset.as_ref(), None).unwrap()).unwrap();
        assert_subset(&case["expected"], &outcome, case["name"].as_str().unwrap());
    }
}

#[test]
fn clip_cases() {
    use livetrust_core::clip::{plan, ClipRequest, ClipSource};
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/clip.json")).expect("case file parses");
    assert!(cases.len() >= 6);
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let source: ClipSource = serde_json::from_value(case["source"].clone()).unwrap();
        let request: ClipRequest = serde_json::from_value(case["request"].clone()).unwrap();
        match (plan(&source, &request), case.get("expected")) {
            (Ok(p), Some(expected)) => {
                assert_subset(expected, &serde_json::to_value(p).unwrap(), name);
            }
            (Err(e), None) => {
                assert_subset(&case["error"], &serde_json::to_value(e).unwrap(), name);
            }
            (got, _) => panic!("case {name}: {got:?}"),
        }
    }
}

#[test]
fn staging_cases() {
    use livetrust_core::import::{import_files, ImportOptions, InputFile};
    use livetrust_core::staging::{run, StagingRequest};
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/staging.json")).expect("case file parses");
    assert!(cases.len() >= 6);
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let files: Vec<InputFile> = case["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| InputFile {
                name: f["name"].as_str().unwrap().to_owned(),
                bytes: f["text"].as_str().unwrap().as_bytes().to_vec(),
            })
            .collect();
        let imported = import_files(&files, ImportOptions::default());
        assert!(imported.report.is_clean(), "{}", imported.report.to_text());
        let request: StagingRequest = serde_json::from_value(case["request"].clone()).unwrap();
        let session = case["sessionId"].as_str().unwrap();
        match (
            run(&imported.dataset, session, &request, None),
            case.get("expected"),
        ) {
            (Ok(r), Some(expected)) => {
                assert_subset(expected, &serde_json::to_value(r).unwrap(), name);
            }
            (Err(e), None) => {
                assert_subset(&case["error"], &serde_json::to_value(e).unwrap(), name);
            }
            (got, _) => panic!("case {name}: {got:?}"),
        }
    }
}
