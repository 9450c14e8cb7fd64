//! The wasm package in headless Chromium: the shared case suite through the exported functions,
//! plus what only JavaScript callers can do wrong (NaN, `undefined`, wrong types).

// Tests state their expectations with unwrap/expect/panic: a failure should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(target_arch = "wasm32")]

use livetrust_wasm::{place_against_peers, place_merchant, validate, version, what_if, Market};
use serde_json::Value;
use tsify::Ts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../../core/tests/support/subset.rs"]
mod subset;
use subset::assert_subset;

fn js(json: &Value) -> JsValue {
    js_sys::JSON::parse(&json.to_string()).unwrap()
}

fn to_json(value: &JsValue) -> Value {
    serde_json::from_str(&String::from(js_sys::JSON::stringify(value).unwrap())).unwrap()
}

fn prop(error: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(error, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
}

#[wasm_bindgen_test]
fn shared_cases_give_the_same_answers_as_the_core() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../../core/tests/cases/peer_tier.json")).unwrap();
    for case in &cases {
        let name = &case["name"];
        let result = place_against_peers(Ts::new_unchecked(js(&case["input"])));
        match (case.get("output"), result) {
            (Some(expected), Ok(out)) => {
                assert_eq!(&to_json(&out.js_value()), expected, "case {name}")
            }
            (Some(_), Err(e)) => panic!("case {name} failed: {:?}", prop(&e, "message")),
            (None, Ok(out)) => panic!("case {name} should fail, got {}", to_json(&out.js_value())),
            (None, Err(e)) => {
                assert!(
                    e.is_instance_of::<js_sys::Error>(),
                    "case {name}: a real Error"
                );
                assert_eq!(prop(&e, "name").as_deref(), Some("LivetrustError"));
                assert_eq!(
                    prop(&e, "kind").as_deref(),
                    case["error"]["kind"].as_str(),
                    "case {name}"
                );
                if let Some(field) = case["error"]["field"].as_str() {
                    assert_eq!(prop(&e, "field").as_deref(), Some(field), "case {name}");
                    let message = e
                        .dyn_ref::<js_sys::Error>()
                        .map(|e| String::from(e.message()));
                    assert!(message.unwrap_or_default().contains(field), "case {name}");
                }
            }
        }
    }
}

#[wasm_bindgen_test]
fn nan_from_javascript_names_the_field() {
    let input = js_sys::Object::new();
    js_sys::Reflect::set(&input, &"score".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let peers = js_sys::Array::of1(&JsValue::from_f64(10.0));
    js_sys::Reflect::set(&input, &"peerScores".into(), &peers).unwrap();
    let error = place_against_peers(Ts::new_unchecked(input.into())).unwrap_err();
    assert_eq!(prop(&error, "field").as_deref(), Some("score"));
}

#[wasm_bindgen_test]
fn undefined_and_wrong_types_throw_instead_of_panicking() {
    for bad in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_str("{}"),
        JsValue::from_f64(3.0),
    ] {
        let error = place_against_peers(Ts::new_unchecked(bad)).unwrap_err();
        assert_eq!(prop(&error, "kind").as_deref(), Some("invalidInput"));
    }
    // The module is still alive and answering after the errors.
    assert!(!version().is_empty());
}

/// `{ files: [{ name, bytes: Uint8Array }] }` from a validate case.
fn validate_input(case: &Value) -> JsValue {
    let files = js_sys::Array::new();
    for f in case["files"].as_array().unwrap() {
        let file = js_sys::Object::new();
        js_sys::Reflect::set(&file, &"name".into(), &f["name"].as_str().unwrap().into()).unwrap();
        let bytes = js_sys::Uint8Array::from(f["text"].as_str().unwrap().as_bytes());
        js_sys::Reflect::set(&file, &"bytes".into(), &bytes).unwrap();
        files.push(&file);
    }
    let input = js_sys::Object::new();
    js_sys::Reflect::set(&input, &"files".into(), &files).unwrap();
    input.into()
}

#[wasm_bindgen_test]
fn validate_gives_the_same_report_as_the_core_and_the_cli() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../../core/tests/cases/validate.json")).unwrap();
    for case in &cases {
        let report = to_json(
            &validate(Ts::new_unchecked(validate_input(case)))
                .unwrap()
                .js_value(),
        );
        let mut got: Vec<String> = report["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{}:{} {} {}",
                    p["file"].as_str().unwrap(),
                    p["record"],
                    p["field"].as_str().unwrap(),
                    p["kind"].as_str().unwrap()
                )
            })
            .collect();
        got.sort();
        let expected: Vec<String> = serde_json::from_value(case["problems"].clone()).unwrap();
        assert_eq!(got, expected, "case {}", case["name"]);
        let accepted: u64 = report["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["accepted"].as_u64().unwrap())
            .sum();
        assert_eq!(accepted, case["accepted"].as_u64().unwrap());
    }
}

#[wasm_bindgen_test]
fn validate_reports_bad_utf8_and_rejects_a_wrong_input_shape() {
    let input = serde_json::json!({"files": [{"name": "buyers.ndjson", "text": ""}]});
    let js_input = validate_input(&input);
    // Replace the bytes with invalid UTF-8.
    let files = js_sys::Reflect::get(&js_input, &"files".into()).unwrap();
    let file = js_sys::Reflect::get(&files, &0.into()).unwrap();
    let bad = js_sys::Uint8Array::from(&b"{\"id\":\"b\xff\"}\n{\"id\":\"ok\"}\n"[..]);
    js_sys::Reflect::set(&file, &"bytes".into(), &bad).unwrap();
    let report = to_json(&validate(Ts::new_unchecked(js_input)).unwrap().js_value());
    assert_eq!(report["problems"][0]["kind"], "invalidUtf8");
    assert_eq!(report["files"][0]["accepted"], 1);

    let error = validate(Ts::new_unchecked(js(
        &serde_json::json!({"files": [{"name": "x.csv"}]}),
    )))
    .unwrap_err();
    assert_eq!(prop(&error, "kind").as_deref(), Some("invalidInput"));
}

/// The generator gives byte-identical output in the browser and natively (the hash is pinned in
/// the core's native tests too).
#[wasm_bindgen_test]
fn demo_generator_is_byte_identical_to_native() {
    use livetrust_core::generate::{fnv1a64, generate, GenerateConfig};
    let dataset = generate(&GenerateConfig {
        merchants: 40,
        ..GenerateConfig::default()
    })
    .unwrap();
    let json = serde_json::to_string(&dataset).unwrap();
    assert_eq!(fnv1a64(json.as_bytes()), 0x7874_4d4d_19cf_9ee3);
}

/// The `files` of a case as the input of `validate` / `Market.fromFiles`.
fn files_input(files: &Value) -> JsValue {
    validate_input(&serde_json::json!({ "files": files }))
}

fn index_case() -> Value {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../../core/tests/cases/index.json")).unwrap();
    cases[0].clone()
}

#[wasm_bindgen_test]
fn index_reports_match_the_hand_computed_shared_case() {
    let case = index_case();
    let market = Market::from_files(Ts::new_unchecked(files_input(&case["files"]))).unwrap();
    let as_of = case["asOf"].as_str().map(str::to_owned);
    for (id, expected) in case["expected"].as_object().unwrap() {
        let report = market
            .index_report(id, as_of.clone(), js(&case["config"]))
            .unwrap();
        assert_subset(expected, &to_json(&report.js_value()), id);
    }
}

#[wasm_bindgen_test]
fn what_if_through_the_export_moves_a_slightly_below_shop_to_a_better_tier() {
    let case = index_case();
    let market = Market::from_files(Ts::new_unchecked(files_input(&case["files"]))).unwrap();
    let as_of = case["asOf"].as_str().map(str::to_owned);
    // mC: no repeat buyers and half its parcels late: 略低于同行. Three peers give wide
    // intervals, so this placement accepts a tier with 30 % of the interval in its band.
    let mut config = case["config"].clone();
    config["tierSupport"] = serde_json::json!(0.3);
    let placement = market
        .placement("mC", as_of, js(&config))
        .unwrap()
        .js_value();
    let before = to_json(
        &place_merchant(Ts::new_unchecked(placement.clone()))
            .unwrap()
            .js_value(),
    );
    assert_eq!(before["placement"]["tier"], "slightlyBelow");
    let input = js_sys::Object::new();
    js_sys::Reflect::set(&input, &"placement".into(), &placement).unwrap();
    let edits = js(&serde_json::json!([
        { "metric": "repeatBuyerRate", "value": 0.75 },
        { "metric": "shipWithin48hRate", "value": 1.0 },
        { "metric": "deliveryHours", "value": 24.0 }
    ]));
    js_sys::Reflect::set(&input, &"edits".into(), &edits).unwrap();
    let after = to_json(&what_if(Ts::new_unchecked(input.into())).unwrap().js_value());
    let (b, a) = (
        before["overall"]["value"].as_f64().unwrap(),
        after["overall"]["value"].as_f64().unwrap(),
    );
    assert!(a - b >= 30.0, "{b} → {a}");
    assert_eq!(
        after["placement"]["tier"], "leading",
        "{}",
        after["placement"]
    );
}

fn assert_typed(error: &JsValue, kind: &str, field: Option<&str>, what: &str) {
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "{what}: a real Error"
    );
    assert_eq!(
        prop(error, "name").as_deref(),
        Some("LivetrustError"),
        "{what}"
    );
    assert_eq!(prop(error, "kind").as_deref(), Some(kind), "{what}");
    if let Some(field) = field {
        assert_eq!(prop(error, "field").as_deref(), Some(field), "{what}");
    }
}

#[wasm_bindgen_test]
fn every_export_throws_a_typed_error_naming_the_field() {
    let case = index_case();
    let market = Market::from_files(Ts::new_unchecked(files_input(&case["files"]))).unwrap();
    let e = |r: Result<Ts<livetrust_core::index::IndexReport>, JsValue>| match r {
        Ok(report) => panic!(
            "expected an error, got {}",
            to_json(&report.js_value())["merchantId"]
        ),
        Err(e) => e,
    };
    assert_typed(
        &e(market.index_report("nobody", None, JsValue::UNDEFINED)),
        "invalidField",
        Some("merchantId"),
        "indexReport: unknown merchant",
    );
    assert_typed(
        &e(market.index_report("mA", Some("24/11/2026".into()), JsValue::UNDEFINED)),
        "invalidField",
        Some("asOf"),
        "indexReport: bad day",
    );
    assert_typed(
        &e(market.index_report("mA", None, js(&serde_json::json!({"minPeers": 0})))),
        "invalidField",
        Some("minPeers"),
        "indexReport: bad config value",
    );
    assert_typed(
        &e(market.index_report(
            "mA",
            None,
            js(&serde_json::json!({"guard": {"discountWeight": "x"}})),
        )),
        "invalidField",
        Some("guard.discountWeight"),
        "indexReport: bad config type",
    );
    assert_typed(
        &e(market.index_report("mA", None, js(&serde_json::json!({"minPeer": 3})))),
        "invalidField",
        Some("minPeer"),
        "indexReport: misspelt config",
    );
    assert_typed(
        &market
            .placement("nobody", None, JsValue::UNDEFINED)
            .err()
            .unwrap(),
        "invalidField",
        Some("merchantId"),
        "placement",
    );
    assert_typed(
        &Market::from_files(Ts::new_unchecked(JsValue::from_f64(1.0)))
            .err()
            .unwrap(),
        "invalidInput",
        None,
        "fromFiles",
    );
    assert_typed(
        &validate(Ts::new_unchecked(JsValue::NULL)).err().unwrap(),
        "invalidInput",
        None,
        "validate",
    );
    let misspelt = validate(Ts::new_unchecked(js(
        &serde_json::json!({"files": [], "maxProblem": 3}),
    )))
    .err()
    .unwrap();
    assert_typed(&misspelt, "invalidInput", None, "validate: misspelt option");
    assert!(prop(&misspelt, "reason").unwrap().contains("maxProblem"));
    // Unknown keys are rejected as natively, not dropped.
    let typo = place_against_peers(Ts::new_unchecked(js(
        &serde_json::json!({"score": 50, "peerScores": [1], "cutoff": {}}),
    )))
    .err()
    .unwrap();
    assert_typed(
        &typo,
        "invalidInput",
        None,
        "placeAgainstPeers: misspelt key",
    );
    assert!(prop(&typo, "reason").unwrap().contains("cutoff"));
    // A placement with the wrong number of tallies, and garbage.
    let mut placement = to_json(
        &market
            .placement("mA", None, JsValue::UNDEFINED)
            .unwrap()
            .js_value(),
    );
    placement["merchant"]["tallies"]
        .as_array_mut()
        .unwrap()
        .pop();
    assert_typed(
        &place_merchant(Ts::new_unchecked(js(&placement)))
            .err()
            .unwrap(),
        "invalidField",
        Some("merchant.tallies"),
        "placeMerchant: tallies",
    );
    assert_typed(
        &place_merchant(Ts::new_unchecked(JsValue::from_str("x")))
            .err()
            .unwrap(),
        "invalidInput",
        None,
        "placeMerchant: garbage",
    );
    let good = to_json(
        &market
            .placement("mA", None, JsValue::UNDEFINED)
            .unwrap()
            .js_value(),
    );
    for (value, what) in [
        (serde_json::json!(1.5), "a rate above 1"),
        (serde_json::json!(-2), "negative"),
    ] {
        let input = js(
            &serde_json::json!({ "placement": good, "edits": [{ "metric": "shipWithin48hRate", "value": value }] }),
        );
        assert_typed(
            &what_if(Ts::new_unchecked(input)).err().unwrap(),
            "invalidField",
            Some("edits[0].value"),
            what,
        );
    }
    let nan = js(
        &serde_json::json!({ "placement": good, "edits": [{ "metric": "deliveryHours", "value": 0 }] }),
    );
    let edits = js_sys::Reflect::get(&nan, &"edits".into()).unwrap();
    let first = js_sys::Reflect::get(&edits, &0.into()).unwrap();
    js_sys::Reflect::set(&first, &"value".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    assert_typed(
        &what_if(Ts::new_unchecked(nan)).err().unwrap(),
        "invalidField",
        Some("edits[0].value"),
        "whatIf: NaN",
    );
    assert_typed(
        &what_if(Ts::new_unchecked(js(
            &serde_json::json!({ "placement": good, "edits": [{ "metric": "speed", "value": 1 }] }),
        )))
        .err()
        .unwrap(),
        "invalidInput",
        None,
        "whatIf: unknown metric",
    );
    // After all that the module still answers.
    assert!(market.index_report("mA", None, js(&case["config"])).is_ok());
    assert!(!version().is_empty());
}

#[wasm_bindgen_test]
fn previews_match_the_shared_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../../core/tests/cases/preview.json")).unwrap();
    for case in &cases {
        let outcome = if case["files"].as_array().unwrap().is_empty() {
            livetrust_wasm::check_preview(Ts::new_unchecked(js(&case["request"]))).unwrap()
        } else {
            let market =
                Market::from_files(Ts::new_unchecked(files_input(&case["files"]))).unwrap();
            // Twice: the second call reads the kept history and must give the same answer.
            let first = market
                .preview(Ts::new_unchecked(js(&case["request"])))
                .unwrap();
            assert_subset(
                &case["expected"],
                &to_json(&first.js_value()),
                case["name"].as_str().unwrap(),
            );
            market
                .preview(Ts::new_unchecked(js(&case["request"])))
                .unwrap()
        };
        assert_subset(
            &case["expected"],
            &to_json(&outcome.js_value()),
            case["name"].as_str().unwrap(),
        );
    }
}

#[wasm_bindgen_test]
fn the_column_history_scores_typed_arrays_and_names_bad_columns() {
    use livetrust_wasm::AudienceHistory;
    let products = js(&serde_json::json!([
        { "id": "pa", "categoryId": "A" }, { "id": "pc", "categoryId": "B" }
    ]));
    let history = AudienceHistory::new(
        products.clone(),
        2,
        vec![0, 1],
        vec![0, 1],
        vec![0, 0],
        vec![5000, 2000],
        vec![],
        vec![],
        None,
    )
    .unwrap();
    let plan = js(&serde_json::json!([{ "productId": "pa", "livePriceFen": 5000 }]));
    let report = to_json(
        &history
            .package(plan, JsValue::UNDEFINED)
            .unwrap()
            .js_value(),
    );
    // b0 bought pa today at the live price: 1 − e^−1.
    assert_eq!(report["top"][0]["buyerId"], "#0");
    assert_eq!(report["top"][0]["affinity"], 0.6321);
    assert_eq!(report["size"], 1);
    let err = AudienceHistory::new(
        products,
        2,
        vec![0, 2],
        vec![0, 1],
        vec![0, 0],
        vec![5000, 2000],
        vec![],
        vec![],
        None,
    )
    .unwrap_err();
    assert_eq!(prop(&err, "field").as_deref(), Some("purchaseBuyer[1]"));
}

#[wasm_bindgen_test]
fn a_reservation_exports_as_ics_through_the_package() {
    let event = js(&serde_json::json!({
        "uid": "s1@livetrust", "title": "果园直播", "start": "2026-12-05T16:00:00Z",
        "minutes": 60, "stamp": "2026-12-01T00:00:00Z"
    }));
    let ics = livetrust_wasm::reservation_ics(Ts::new_unchecked(event)).unwrap();
    assert!(ics.contains("DTSTART;TZID=Asia/Shanghai:20261206T000000\r\n"));
    let decision =
        livetrust_wasm::reservation_on_start("2026-12-05T12:00:00Z", "2026-12-05T13:00:01Z")
            .unwrap();
    assert_eq!(to_json(&decision.js_value())["kind"], "voidedLate");
    let err = livetrust_wasm::reservation_on_start("soon", "2026-12-05T13:00:01Z").unwrap_err();
    assert_eq!(prop(&err, "field").as_deref(), Some("announced"));
}

#[wasm_bindgen_test]
fn clips_match_the_shared_cases() {
    use livetrust_wasm::{export_clip, plan_clip, ClipPlanner};
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../../core/tests/cases/clip.json")).unwrap();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let once = plan_clip(Ts::new_unchecked(js(&case["source"])), js(&case["request"]));
        match case.get("expected") {
            Some(expected) => {
                let plan = to_json(&once.unwrap().js_value());
                assert_subset(expected, &plan, name);
                // The kept planner gives the same plan, twice.
                let mut planner = ClipPlanner::new(Ts::new_unchecked(js(&case["source"]))).unwrap();
                for _ in 0..2 {
                    let again = planner.plan(js(&case["request"])).unwrap();
                    assert_eq!(to_json(&again.js_value()), plan, "{name}");
                }
                let vtt = export_clip(
                    Ts::new_unchecked(js(&plan)),
                    Ts::new_unchecked(JsValue::from_str("vtt")),
                    None,
                )
                .unwrap();
                assert!(vtt.starts_with("WEBVTT"));
            }
            None => {
                let error = once.err().unwrap();
                assert_subset(&case["error"], &to_json(&error), name);
            }
        }
    }
}

#[wasm_bindgen_test]
fn staging_matches_the_shared_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("../../core/tests/cases/staging.json")).unwrap();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let market = Market::from_files(Ts::new_unchecked(files_input(&case["files"]))).unwrap();
        let got = market.staging(case["sessionId"].as_str().unwrap(), js(&case["request"]));
        match (got, case.get("expected")) {
            (Ok(report), Some(expected)) => {
                assert_subset(expected, &to_json(&report.js_value()), name)
            }
            (Err(e), None) => {
                assert_eq!(
                    prop(&e, "kind").as_deref(),
                    case["error"]["kind"].as_str(),
                    "{name}"
                );
                assert_eq!(
                    prop(&e, "field").as_deref(),
                    case["error"]["field"].as_str(),
                    "{name}"
                );
            }
            (Ok(_), None) => panic!("case {name}: expected an error"),
            (Err(e), Some(_)) => panic!("case {name}: {:?}", prop(&e, "reason")),
        }
    }
}

#[wasm_bindgen_test]
fn the_campaign_calendar_is_the_cores_and_names_bad_input() {
    use livetrust_core::calendar;
    use livetrust_core::generate::{generate, GenerateConfig};
    let config = GenerateConfig {
        merchants: 20,
        ..GenerateConfig::default()
    };
    let data = generate(&config).unwrap();
    let text = serde_json::to_string(&data).unwrap();
    let files = serde_json::json!([{ "name": "dataset.json", "text": text }]);
    let market = Market::from_files(Ts::new_unchecked(files_input(&files))).unwrap();
    let as_of = data.as_of_or_default(None).unwrap();
    let today: livetrust_core::model::LocalDate = "2022-05-11".parse().unwrap();
    let expected = calendar::run(
        &data,
        "m0001",
        as_of,
        today,
        &calendar::demo_calendar().unwrap(),
        &livetrust_core::index::IndexConfig::default(),
    )
    .unwrap();
    let got = market
        .campaign_calendar("m0001", JsValue::UNDEFINED, Some("2022-05-11".into()))
        .unwrap();
    // Both through JavaScript numbers, so 59 and 59.0 compare equal.
    assert_eq!(
        to_json(&got.js_value()),
        to_json(&js(&serde_json::to_value(&expected).unwrap()))
    );
    let e = market
        .campaign_calendar("m0001", JsValue::UNDEFINED, Some("May 11".into()))
        .unwrap_err();
    assert_eq!(prop(&e, "field").as_deref(), Some("today"));
    let e = market
        .campaign_calendar("nobody", JsValue::UNDEFINED, None)
        .unwrap_err();
    assert_eq!(prop(&e, "field").as_deref(), Some("merchantId"));
    let ics = livetrust_wasm::campaigns_ics(
        JsValue::UNDEFINED,
        vec!["616-2022".into()],
        "2022-04-01T00:00:00Z",
    )
    .unwrap();
    assert!(ics.contains("DTSTART;VALUE=DATE:20220420\r\n"));
    let e = livetrust_wasm::campaigns_ics(
        JsValue::UNDEFINED,
        vec!["618".into()],
        "2022-04-01T00:00:00Z",
    )
    .unwrap_err();
    assert_eq!(prop(&e, "field").as_deref(), Some("campaignIds[0]"));
}

#[wasm_bindgen_test]
fn the_cold_start_plan_is_the_cores_and_names_bad_config() {
    use livetrust_core::coldstart::{self, ColdStartConfig};
    use livetrust_core::generate::{generate, GenerateConfig};
    let data = generate(&GenerateConfig {
        merchants: 20,
        ..GenerateConfig::default()
    })
    .unwrap();
    let files = serde_json::json!([{ "name": "dataset.json", "text": serde_json::to_string(&data).unwrap() }]);
    let market = Market::from_files(Ts::new_unchecked(files_input(&files))).unwrap();
    for m in data.merchants.iter().take(5) {
        let expected = coldstart::run(&data, &m.id, &ColdStartConfig::default()).unwrap();
        let got = market.cold_start(&m.id, JsValue::UNDEFINED).unwrap();
        assert_eq!(
            to_json(&got.js_value()),
            to_json(&js(&serde_json::to_value(&expected).unwrap()))
        );
    }
    let e = market
        .cold_start("m0001", js(&serde_json::json!({"pools": [], "plans": []})))
        .unwrap_err();
    assert_eq!(prop(&e, "field").as_deref(), Some("plans"));
}

#[wasm_bindgen_test]
fn leverage_is_the_cores_for_a_merchant_and_the_market_and_names_bad_config() {
    use livetrust_core::generate::{generate, GenerateConfig};
    use livetrust_core::leverage::{self, LeverageConfig};
    let data = generate(&GenerateConfig {
        merchants: 20,
        ..GenerateConfig::default()
    })
    .unwrap();
    let files = serde_json::json!([{ "name": "dataset.json", "text": serde_json::to_string(&data).unwrap() }]);
    let market = Market::from_files(Ts::new_unchecked(files_input(&files))).unwrap();
    let config = LeverageConfig::default();
    for m in data.merchants.iter().take(5) {
        let expected = leverage::run(&data, &m.id, &config).unwrap();
        let got = market.leverage(&m.id, JsValue::UNDEFINED).unwrap();
        assert_eq!(
            to_json(&got.js_value()),
            to_json(&js(&serde_json::to_value(&expected).unwrap()))
        );
    }
    let expected = leverage::market(&data, &config).unwrap();
    let got = market.market_leverage(JsValue::UNDEFINED).unwrap();
    assert_eq!(
        to_json(&got.js_value()),
        to_json(&js(&serde_json::to_value(&expected).unwrap()))
    );
    let e = market
        .market_leverage(js(&serde_json::json!({"maxIntervalWidth": -1})))
        .unwrap_err();
    assert_eq!(prop(&e, "field").as_deref(), Some("maxIntervalWidth"));
}

#[wasm_bindgen_test]
fn traffic_is_the_cores_pinned_to_the_native_bits_and_names_bad_input() {
    use livetrust_core::generate::{generate, GenerateConfig};
    use livetrust_core::index::{market_index, IndexConfig};
    use livetrust_core::traffic::{self, TrafficConfig};
    let data = generate(&GenerateConfig {
        seed: 11,
        merchants: 150,
        cold_start_cohort: 0,
        ..GenerateConfig::default()
    })
    .unwrap();
    let files = serde_json::json!([{ "name": "dataset.json", "text": serde_json::to_string(&data).unwrap() }]);
    let market = Market::from_files(Ts::new_unchecked(files_input(&files))).unwrap();
    // The loose settings of the core's pinned fit (crates/core/src/traffic/tests/mod.rs).
    let config = TrafficConfig {
        min_merchants: 3,
        max_interval_width: 100.0,
        ..TrafficConfig::default()
    };
    let index_config = IndexConfig::default();
    let index = market_index(&data, data.day_after_latest_order().unwrap(), &index_config).unwrap();
    let config_js = js(&serde_json::to_value(&config).unwrap());
    for (m, what_if) in
        data.merchants
            .iter()
            .take(4)
            .zip([None, Some(90.0), Some(10.0), Some(55.5)])
    {
        let expected = traffic::run(&data, &index, &index_config, &m.id, what_if, &config).unwrap();
        let got = market.traffic(&m.id, what_if, config_js.clone()).unwrap();
        assert_eq!(
            to_json(&got.js_value()),
            to_json(&js(&serde_json::to_value(&expected).unwrap()))
        );
        let e = expected.elasticity.unwrap();
        assert_eq!(e.estimate.to_bits(), 0x3fe2_8c08_7a08_593f);
    }
    let e = market
        .traffic("m0001", Some(101.0), JsValue::UNDEFINED)
        .unwrap_err();
    assert_eq!(prop(&e, "field").as_deref(), Some("whatIfScore"));
    let e = market
        .traffic("m0001", None, js(&serde_json::json!({"baseReach": -1})))
        .unwrap_err();
    assert_eq!(prop(&e, "field").as_deref(), Some("baseReach"));
    let e = market
        .traffic("nobody", None, JsValue::UNDEFINED)
        .unwrap_err();
    assert_eq!(prop(&e, "field").as_deref(), Some("merchantId"));
}
