//! The wasm package in headless Chromium: the shared case suite through the exported functions,
//! plus what only JavaScript callers can do wrong (NaN, `undefined`, wrong types).

// Tests state their expectations with unwrap/expect/panic: a failure should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(target_arch = "wasm32")]

use livetrust_wasm::{place_against_peers, validate, version};
use serde_json::Value;
use tsify::Ts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
    assert_eq!(fnv1a64(json.as_bytes()), 0x3446_9af1_cacf_67ea);
}
