//! The wasm package in headless Chromium: the shared case suite through the exported functions,
//! plus what only JavaScript callers can do wrong (NaN, `undefined`, wrong types).

// Tests state their expectations with unwrap/expect/panic: a failure should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(target_arch = "wasm32")]

use livetrust_wasm::{place_against_peers, version};
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
