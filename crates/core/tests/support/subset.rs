//! Comparing a report with a case's expectations (used by the core's, the CLI's and the wasm
//! package's shared-case tests, which include this file).

use serde_json::Value;

/// Checks that `actual` holds everything `expected` says: objects key by key (a `null` in
/// `expected` means the key must be absent or null), arrays element by element with the same
/// length, numbers exactly (the case's numbers are the report's rounded ones).
pub fn assert_subset(expected: &Value, actual: &Value, path: &str) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                let here = format!("{path}.{k}");
                match a.get(k) {
                    Some(x) => assert_subset(v, x, &here),
                    None => assert!(v.is_null(), "{here}: missing, expected {v}"),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            assert_eq!(e.len(), a.len(), "{path}: length");
            for (i, (x, y)) in e.iter().zip(a).enumerate() {
                assert_subset(x, y, &format!("{path}[{i}]"));
            }
        }
        // JSON from JavaScript has one number type: 25 and 25.0 are the same number.
        (Value::Number(e), Value::Number(a)) => assert_eq!(e.as_f64(), a.as_f64(), "{path}"),
        (e, a) => assert_eq!(e, a, "{path}"),
    }
}
