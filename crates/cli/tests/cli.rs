//! The CLI against the shared case suite: same JSON in, same JSON out as the core, and typed
//! errors with a non-zero exit status.

// Tests state their expectations with unwrap/expect/panic: a failure should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

#[path = "../../core/tests/support/subset.rs"]
mod subset;
use subset::assert_subset;

/// Writes a case's files into a fresh directory.
fn case_dir(kind: &str, n: usize, files: &Value) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("livetrust-cli-{kind}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for f in files.as_array().unwrap() {
        std::fs::write(
            dir.join(f["name"].as_str().unwrap()),
            f["text"].as_str().unwrap(),
        )
        .unwrap();
    }
    dir
}

fn livetrust(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_livetrust"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("stdin accepts the input");
    let out = child.wait_with_output().expect("the CLI finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn place_matches_the_shared_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../../core/tests/cases/peer_tier.json")).unwrap();
    for case in &cases {
        let name = &case["name"];
        let (code, stdout, stderr) = livetrust(&["place", "-"], &case["input"].to_string());
        if let Some(expected) = case.get("output") {
            assert_eq!(code, 0, "case {name}: {stderr}");
            let got: Value = serde_json::from_str(&stdout).unwrap();
            assert_eq!(&got, expected, "case {name}");
        } else {
            assert_eq!(code, 1, "case {name} must fail: {stdout}");
            let typed: Value = serde_json::from_str(stderr.lines().nth(1).unwrap_or("{}"))
                .unwrap_or_else(|e| panic!("case {name}: typed error line: {e}\n{stderr}"));
            assert_eq!(typed["kind"], case["error"]["kind"], "case {name}");
            if let Some(field) = case["error"].get("field") {
                assert_eq!(&typed["field"], field, "case {name}");
                assert!(
                    stderr.contains(field.as_str().unwrap()),
                    "the message names the field"
                );
            }
        }
    }
}

#[test]
fn unreadable_file_is_a_clear_error() {
    let (code, _, stderr) = livetrust(&["place", "/nonexistent/input.json"], "");
    assert_eq!(code, 2);
    assert!(
        stderr.contains("cannot read /nonexistent/input.json"),
        "{stderr}"
    );
}

#[test]
fn validate_matches_the_shared_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../../core/tests/cases/validate.json")).unwrap();
    for (n, case) in cases.iter().enumerate() {
        let dir = case_dir("validate", n, &case["files"]);
        let dir_arg = dir.to_string_lossy().into_owned();
        let (code, stdout, stderr) = livetrust(&["validate", &dir_arg, "--json"], "");
        let expected: Vec<String> = serde_json::from_value(case["problems"].clone()).unwrap();
        assert_eq!(
            code,
            if expected.is_empty() { 0 } else { 1 },
            "case {}: {stderr}",
            case["name"]
        );
        let report: Value = serde_json::from_str(&stdout).unwrap();
        let mut got: Vec<String> = report["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let file = p["file"].as_str().unwrap();
                let base = file.rsplit('/').next().unwrap();
                format!(
                    "{base}:{} {} {}",
                    p["record"],
                    p["field"].as_str().unwrap(),
                    p["kind"].as_str().unwrap()
                )
            })
            .collect();
        got.sort();
        assert_eq!(got, expected, "case {}", case["name"]);
        let accepted: u64 = report["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["accepted"].as_u64().unwrap())
            .sum();
        assert_eq!(
            accepted,
            case["accepted"].as_u64().unwrap(),
            "case {}",
            case["name"]
        );
        // The text form names file, record and field on one line.
        let (_, text, _) = livetrust(&["validate", &dir_arg], "");
        for line in &expected {
            let (file_record, _) = line.split_once(' ').unwrap();
            assert!(
                text.contains(file_record),
                "case {}: {file_record} in\n{text}",
                case["name"]
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn index_matches_the_shared_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../../core/tests/cases/index.json")).unwrap();
    for (n, case) in cases.iter().enumerate() {
        let data = case_dir("index", n, &case["files"]);
        // The config file lives outside the data directory, which holds only tables.
        let config = std::env::temp_dir().join(format!(
            "livetrust-cli-index-config-{}-{n}.json",
            std::process::id()
        ));
        std::fs::write(&config, case["config"].to_string()).unwrap();
        let (data_arg, config_arg) = (
            data.to_string_lossy().into_owned(),
            config.to_string_lossy().into_owned(),
        );
        let as_of = case["asOf"].as_str().unwrap();
        for (id, expected) in case["expected"].as_object().unwrap() {
            let (code, stdout, stderr) = livetrust(
                &[
                    "index",
                    "--data",
                    &data_arg,
                    "--merchant",
                    id,
                    "--as-of",
                    as_of,
                    "--config",
                    &config_arg,
                ],
                "",
            );
            assert_eq!(code, 0, "{stderr}");
            let report: Value = serde_json::from_str(&stdout).unwrap();
            assert_subset(expected, &report, &format!("{}: {id}", case["name"]));
        }
        std::fs::remove_dir_all(&data).unwrap();
        std::fs::remove_file(&config).unwrap();
    }
}

#[test]
fn a_bad_index_config_is_a_typed_error_naming_the_field() {
    let dir = std::env::temp_dir().join(format!("livetrust-cli-config-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text, field) in [
        ("typo.json", r#"{"minPeer": 3}"#, "minPeer"),
        (
            "type.json",
            r#"{"guard": {"discountWeight": "none"}}"#,
            "guard.discountWeight",
        ),
        (
            "range.json",
            r#"{"guard": {"discountWeight": 2}}"#,
            "guard.discountWeight",
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let (code, _, stderr) = livetrust(
            &[
                "index",
                "--data",
                "/nonexistent",
                "--config",
                &path.to_string_lossy(),
            ],
            "",
        );
        assert_eq!(code, 1, "{name}: {stderr}");
        let typed: Value = serde_json::from_str(stderr.lines().nth(1).unwrap_or("{}")).unwrap();
        assert_eq!(typed["field"], field, "{name}: {stderr}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn reviews_of_a_demo_shop_are_shown_tagged_and_accounted_for() {
    let dir = std::env::temp_dir().join(format!("livetrust-cli-reviews-{}", std::process::id()));
    let out = dir.to_string_lossy().into_owned();
    let (code, _, err) = livetrust(&["demo", "--merchants", "40", "--out", &out], "");
    assert_eq!(code, 0, "{err}");
    let (code, stdout, err) = livetrust(&["reviews", "--data", &out, "--merchant", "m0001"], "");
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["merchantId"], "m0001");
    let shown = report["shown"].as_array().unwrap();
    assert!(!shown.is_empty() && shown.len() <= 9);
    for s in shown {
        assert!(s["ordersAtShop"].as_u64().unwrap() >= 2, "{s}");
    }
    let left_out: u64 = report["filtered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["count"].as_u64().unwrap())
        .sum();
    assert_eq!(
        left_out + report["kept"].as_u64().unwrap(),
        report["reviews"].as_u64().unwrap()
    );
    // A bad setting names its field; an unknown shop is a typed error too.
    let config = dir.join("bad.json");
    std::fs::write(&config, r#"{"minOrders": 1}"#).unwrap();
    let (code, _, err) = livetrust(
        &[
            "reviews",
            "--data",
            &out,
            "--merchant",
            "m0001",
            "--config",
            &config.to_string_lossy(),
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(err.contains("minOrders"), "{err}");
    let (code, _, err) = livetrust(&["reviews", "--data", &out, "--merchant", "nobody"], "");
    assert_eq!(code, 1);
    assert!(err.contains("merchant"), "{err}");
    // Without --merchant: every merchant's report, in the data's order, each as asked alone.
    let (code, stdout, err) = livetrust(&["reviews", "--data", &out], "");
    assert_eq!(code, 0, "{err}");
    let all: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    // The 40 asked for and the 36 of the planted cold-start cohort.
    assert_eq!(all.len(), 40 + 36);
    assert_eq!(all[0]["merchantId"], "m0001");
    assert_eq!(all[0], report, "the same report as asked alone");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn preview_matches_the_shared_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../../core/tests/cases/preview.json")).unwrap();
    for (n, case) in cases.iter().enumerate() {
        let request = &case["request"];
        let mut args: Vec<String> = vec!["preview".into()];
        let data = (!case["files"].as_array().unwrap().is_empty())
            .then(|| case_dir("preview", n, &case["files"]));
        if let Some(dir) = &data {
            args.extend(["--data".into(), dir.to_string_lossy().into_owned()]);
        }
        let draft = std::env::temp_dir().join(format!(
            "livetrust-cli-preview-draft-{}-{n}.json",
            std::process::id()
        ));
        if !request["draft"].is_null() {
            std::fs::write(&draft, request["draft"].to_string()).unwrap();
            args.extend(["--draft".into(), draft.to_string_lossy().into_owned()]);
        }
        if let Some(m) = request["merchantId"].as_str() {
            args.extend(["--merchant".into(), m.to_owned()]);
        }
        if request["generate"].as_bool() == Some(true) {
            args.push("--generate".into());
        }
        args.extend(["--now".into(), request["now"].as_str().unwrap().to_owned()]);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, stdout, stderr) = livetrust(&refs, "");
        let outcome: Value = serde_json::from_str(&stdout).unwrap();
        let clean = outcome["problems"].as_array().unwrap().is_empty();
        // Problems are data, and the exit status says there are some.
        assert_eq!(code, if clean { 0 } else { 1 }, "{stderr}");
        assert_subset(&case["expected"], &outcome, case["name"].as_str().unwrap());
        if let Some(dir) = data {
            std::fs::remove_dir_all(dir).unwrap();
        }
        let _ = std::fs::remove_file(&draft);
    }
}

#[test]
fn a_bad_draft_is_a_typed_error_naming_the_field() {
    let path = std::env::temp_dir().join(format!(
        "livetrust-cli-bad-draft-{}.json",
        std::process::id()
    ));
    std::fs::write(
        &path,
        r#"{"merchantId":"m1","start":"2026-11-24T12:00:00Z","minutes":60,"title":"今晚福利",
            "items":[{"productId":"pa","title":"橙子","listPriceFen":5900,"role":"hero","livePriceFen":56.5}]}"#,
    )
    .unwrap();
    let p = path.to_string_lossy().into_owned();
    let (code, _, stderr) = livetrust(
        &["preview", "--draft", &p, "--now", "2026-11-24T04:00:00Z"],
        "",
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("\"field\":\"items[0].livePriceFen\""),
        "{stderr}"
    );
    let (code, _, stderr) = livetrust(&["preview", "--draft", &p, "--now", "yesterday"], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("\"field\":\"now\""), "{stderr}");
    let (code, _, stderr) = livetrust(&["preview", "--now", "2026-11-24T04:00:00Z"], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("\"field\":\"draft\""), "{stderr}");
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn clip_matches_the_shared_cases_in_every_format() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../../core/tests/cases/clip.json")).unwrap();
    for (n, case) in cases.iter().enumerate() {
        let name = case["name"].as_str().unwrap();
        let dir = std::env::temp_dir();
        let tag = format!("{}-{n}", std::process::id());
        let source = dir.join(format!("livetrust-cli-clip-source-{tag}.json"));
        let request = dir.join(format!("livetrust-cli-clip-request-{tag}.json"));
        std::fs::write(&source, case["source"].to_string()).unwrap();
        std::fs::write(&request, case["request"].to_string()).unwrap();
        let (s, r) = (source.to_string_lossy(), request.to_string_lossy());
        let (code, stdout, stderr) = livetrust(&["clip", "--session", &s, "--request", &r], "");
        match case.get("expected") {
            Some(expected) => {
                assert_eq!(code, 0, "{name}: {stderr}");
                let plan: Value = serde_json::from_str(&stdout).unwrap();
                assert_subset(expected, &plan, name);
                // Every format comes out, naming the recording.
                for format in ["otio", "edl", "vtt", "ffconcat"] {
                    let (code, text, err) = livetrust(
                        &[
                            "clip",
                            "--session",
                            &s,
                            "--request",
                            &r,
                            "--format",
                            format,
                            "--media",
                            "take 1.mp4",
                        ],
                        "",
                    );
                    assert_eq!(code, 0, "{name} {format}: {err}");
                    assert!(!text.is_empty());
                    if format != "vtt" {
                        assert!(
                            text.contains("take 1") || text.contains("TAKE1"),
                            "{format}: {text}"
                        );
                    }
                }
            }
            None => {
                assert_eq!(code, 1, "{name}");
                let typed: Value = serde_json::from_str(stderr.lines().last().unwrap()).unwrap();
                assert_subset(&case["error"], &typed, name);
            }
        }
        let _ = std::fs::remove_file(&source);
        let _ = std::fs::remove_file(&request);
    }
    let (code, _, stderr) = livetrust(&["clip", "--session", "x.json", "--format", "mov"], "");
    assert_eq!(code, 1);
    assert!(stderr.contains("\"field\":\"format\""), "{stderr}");
}

#[test]
fn staging_matches_the_shared_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../../core/tests/cases/staging.json")).unwrap();
    for (n, case) in cases.iter().enumerate() {
        let name = case["name"].as_str().unwrap();
        let dir = case_dir("staging", n, &case["files"]);
        // The request beside the data directory, not in it (it would be read as a table).
        let request = std::env::temp_dir().join(format!(
            "livetrust-cli-staging-request-{}-{n}.json",
            std::process::id()
        ));
        std::fs::write(&request, case["request"].to_string()).unwrap();
        let (code, stdout, stderr) = livetrust(
            &[
                "staging",
                "--data",
                dir.to_str().unwrap(),
                "--session-id",
                case["sessionId"].as_str().unwrap(),
                "--request",
                request.to_str().unwrap(),
            ],
            "",
        );
        match case.get("expected") {
            Some(expected) => {
                assert_eq!(code, 0, "{name}: {stderr}");
                assert_subset(expected, &serde_json::from_str(&stdout).unwrap(), name);
            }
            None => {
                assert_eq!(code, 1, "{name}: {stderr}");
                let typed: Value = serde_json::from_str(stderr.lines().last().unwrap()).unwrap();
                assert_subset(&case["error"], &typed, name);
            }
        }
        std::fs::remove_dir_all(dir).unwrap();
        let _ = std::fs::remove_file(&request);
    }
}

#[test]
fn the_calendar_evaluates_every_gate_and_exports_chosen_campaigns() {
    let dir = std::env::temp_dir().join(format!("livetrust-cli-calendar-{}", std::process::id()));
    let out = dir.to_string_lossy().into_owned();
    let (code, _, err) = livetrust(&["demo", "--merchants", "40", "--out", &out], "");
    assert_eq!(code, 0, "{err}");
    // On a day in the sign-up: open, five days to go.
    let (code, stdout, err) = livetrust(
        &[
            "calendar",
            "--data",
            &out,
            "--merchant",
            "m0001",
            "--today",
            "2022-05-11",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let c = &report["campaigns"][0];
    assert_eq!(c["campaignId"], "616-2022");
    assert_eq!(c["status"], "signupOpen");
    assert_eq!(c["keyDates"][1]["kind"], "signupCloses");
    assert_eq!(c["keyDates"][1]["daysFromToday"], 5);
    let gates = c["gates"].as_array().unwrap();
    assert_eq!(gates.len(), 4);
    assert_eq!(
        c["eligible"].as_bool().unwrap(),
        gates.iter().all(|g| g["passed"].as_bool().unwrap())
    );
    // The chosen campaign as .ics: CRLF lines, all-day phases.
    let (code, ics, err) = livetrust(
        &[
            "calendar",
            "--data",
            &out,
            "--merchant",
            "m0001",
            "--ics",
            "616-2022",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20220520\r\nDTEND;VALUE=DATE:20220619\r\n"));
    // An unknown campaign, a broken calendar file, an unknown merchant: each names its field.
    let (code, _, err) = livetrust(
        &[
            "calendar",
            "--data",
            &out,
            "--merchant",
            "m0001",
            "--ics",
            "618",
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(err.contains("campaignIds[0]"), "{err}");
    let bad = dir.join("..").join(format!(
        "livetrust-cli-calendar-{}.json",
        std::process::id()
    ));
    std::fs::write(
        &bad,
        r#"{"campaigns":[{"id":"x","name":"x","level":"S","signup":{"start":"2027-05-02","end":"2027-05-01"},"event":{"start":"2027-05-20","end":"2027-06-18"}}]}"#,
    )
    .unwrap();
    let (code, _, err) = livetrust(
        &[
            "calendar",
            "--data",
            &out,
            "--merchant",
            "m0001",
            "--calendar",
            &bad.to_string_lossy(),
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(err.contains("campaigns[0].signup.end"), "{err}");
    let (code, _, err) = livetrust(&["calendar", "--data", &out, "--merchant", "nobody"], "");
    assert_eq!(code, 1);
    assert!(err.contains("merchantId"), "{err}");
    std::fs::remove_file(&bad).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn coldstart_shows_the_plan_with_progress_and_names_bad_config() {
    let dir = std::env::temp_dir().join(format!("livetrust-cli-coldstart-{}", std::process::id()));
    let out = dir.to_string_lossy().into_owned();
    let (code, _, err) = livetrust(&["demo", "--merchants", "40", "--out", &out], "");
    assert_eq!(code, 0, "{err}");
    let (code, stdout, err) = livetrust(&["coldstart", "--data", &out, "--merchant", "m0001"], "");
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["merchantId"], "m0001");
    let steps = report["steps"].as_array().unwrap();
    assert!(!steps.is_empty());
    for s in steps {
        let (value, target) = (s["value"].as_u64().unwrap(), s["target"].as_u64().unwrap());
        assert_eq!(
            s["missing"].as_u64().unwrap(),
            target.saturating_sub(value),
            "{s}"
        );
        assert_eq!(s["status"] == "done", value >= target, "{s}");
    }
    let bad = dir.join("..").join(format!(
        "livetrust-cli-coldstart-{}.json",
        std::process::id()
    ));
    std::fs::write(&bad, r#"{"pools":[],"plans":[]}"#).unwrap();
    let (code, _, err) = livetrust(
        &[
            "coldstart",
            "--data",
            &out,
            "--merchant",
            "m0001",
            "--config",
            &bad.to_string_lossy(),
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(err.contains("plans"), "{err}");
    std::fs::remove_file(&bad).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn leverage_reports_a_merchant_and_the_market_and_names_bad_config() {
    let dir = std::env::temp_dir().join(format!("livetrust-cli-leverage-{}", std::process::id()));
    let out = dir.to_string_lossy().into_owned();
    let (code, _, err) = livetrust(&["demo", "--merchants", "40", "--out", &out], "");
    assert_eq!(code, 0, "{err}");
    let (code, stdout, err) = livetrust(&["leverage", "--data", &out, "--market"], "");
    assert_eq!(code, 0, "{err}");
    let market: Value = serde_json::from_str(&stdout).unwrap();
    let merchants = market["merchants"].as_array().unwrap();
    assert_eq!(
        merchants.len() as u64,
        market["merchantsWithTraffic"].as_u64().unwrap()
    );
    let estimated = merchants
        .iter()
        .find(|m| m["verdict"] == "estimated")
        .unwrap();
    let id = estimated["merchantId"].as_str().unwrap();
    let (code, stdout, err) = livetrust(&["leverage", "--data", &out, "--merchant", id], "");
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    // The merchant's own report gives what the market view gives for it.
    assert_eq!(report["lift"], estimated["lift"]);
    let timeline = report["timeline"].as_array().unwrap();
    assert_eq!(timeline.len() as u64, report["sessions"].as_u64().unwrap());
    let pushed = timeline.iter().filter(|s| s["pushed"] == true).count() as u64;
    assert_eq!(pushed, report["pushes"].as_u64().unwrap());
    // One of --merchant and --market.
    let (code, _, _) = livetrust(&["leverage", "--data", &out], "");
    assert_eq!(code, 2);
    let bad = dir.join("..").join(format!(
        "livetrust-cli-leverage-{}.json",
        std::process::id()
    ));
    std::fs::write(&bad, r#"{"minSessions":1}"#).unwrap();
    let (code, _, err) = livetrust(
        &[
            "leverage",
            "--data",
            &out,
            "--market",
            "--config",
            &bad.to_string_lossy(),
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(err.contains("minSessions"), "{err}");
    std::fs::remove_file(&bad).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn traffic_gives_the_cores_report_and_names_bad_input() {
    use livetrust_core::generate::{generate, GenerateConfig};
    use livetrust_core::index::{market_index, IndexConfig};
    use livetrust_core::traffic::{self, TrafficConfig};
    let dir = std::env::temp_dir().join(format!("livetrust-cli-traffic-{}", std::process::id()));
    let out = dir.to_string_lossy().into_owned();
    let (code, _, err) = livetrust(&["demo", "--merchants", "150", "--out", &out], "");
    assert_eq!(code, 0, "{err}");
    let (code, stdout, err) = livetrust(
        &[
            "traffic",
            "--data",
            &out,
            "--merchant",
            "m0002",
            "--what-if-score",
            "80",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let got: Value = serde_json::from_str(&stdout).unwrap();
    // The demo's tables, generated again in memory: the CLI's report is the core's.
    let data = generate(&GenerateConfig {
        merchants: 150,
        ..GenerateConfig::default()
    })
    .unwrap();
    let config = IndexConfig::default();
    let index = market_index(&data, data.day_after_latest_order().unwrap(), &config).unwrap();
    let expected = traffic::run(
        &data,
        &index,
        &config,
        "m0002",
        Some(80.0),
        &TrafficConfig::default(),
    )
    .unwrap();
    // As text: parsing floats back into a Value can move the last bit.
    assert_eq!(
        stdout.trim_end(),
        serde_json::to_string_pretty(&expected).unwrap()
    );
    assert_eq!(got["whatIf"]["score"], 80.0);
    let (code, _, err) = livetrust(
        &[
            "traffic",
            "--data",
            &out,
            "--merchant",
            "m0002",
            "--what-if-score",
            "120",
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(err.contains("whatIfScore"), "{err}");
    let (code, _, err) = livetrust(&["traffic", "--data", &out, "--merchant", "nobody"], "");
    assert_eq!(code, 1);
    assert!(err.contains("merchantId"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn progress_shows_on_a_terminal_only_and_not_with_quiet() {
    let dir = std::env::temp_dir().join(format!("livetrust-cli-progress-{}", std::process::id()));
    let out = dir.to_string_lossy().into_owned();
    let (code, _, err) = livetrust(&["demo", "--merchants", "20", "--out", &out], "");
    assert_eq!(code, 0, "{err}");
    // Piped stderr (not a terminal): the report only.
    let (code, _, err) = livetrust(&["validate", &out], "");
    assert_eq!(code, 0, "{err}");
    assert!(
        !err.contains("records/s") && !err.contains("reading ["),
        "{err}"
    );
    // `script` (util-linux) runs the CLI on a pseudo-terminal.
    let on_terminal = |extra: &str| {
        Command::new("script")
            .args([
                "-qec",
                &format!("{} validate {extra} {out}", env!("CARGO_BIN_EXE_livetrust")),
                "/dev/null",
            ])
            .stdin(Stdio::null())
            .output()
    };
    match on_terminal("") {
        Ok(shown) if shown.status.success() => {
            let text = String::from_utf8_lossy(&shown.stdout);
            assert!(
                text.contains("reading [") && text.contains("records/s"),
                "{text}"
            );
            let quiet = on_terminal("--quiet").unwrap();
            let text = String::from_utf8_lossy(&quiet.stdout);
            assert!(!text.contains("reading ["), "{text}");
            assert!(text.contains("accepted"), "{text}");
        }
        // Without util-linux's `script` there is no pseudo-terminal to test on; the piped case
        // above still ran.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("no `script` on this machine: the terminal case was not run")
        }
        other => panic!("running on a pseudo-terminal failed: {other:?}"),
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
