//! The shared case suite (`tests/cases/*.json`) run against the core natively. The same files are
//! run against the CLI binary (crates/cli/tests) and the wasm package in Chromium
//! (crates/wasm/tests), so all three shells are held to one set of answers.

// Tests state their expectations with unwrap/expect/panic: a failure should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use livetrust_core::peer_tier::{place_against_peers, PeerComparison};
use serde_json::Value;

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
