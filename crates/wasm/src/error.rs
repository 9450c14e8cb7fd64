//! The one place where Rust errors become JavaScript exceptions.
//!
//! Thrown values are real `Error` objects (so they carry a stack and print well) named
//! `LivetrustError`, with the core error's serialized fields copied on: `kind` (`invalidField` or
//! `invalidInput`), and for field errors `field` and `reason`.

use livetrust_core::Error;
use wasm_bindgen::JsValue;

/// Converts a core error into a thrown-ready JavaScript `Error`.
pub fn to_js(error: Error) -> JsValue {
    let js_error = js_sys::Error::new(&error.to_string());
    js_error.set_name("LivetrustError");
    let target: &JsValue = js_error.as_ref();
    let set = |key: &str, value: &str| {
        // Reflect.set only fails on frozen or proxied targets; a fresh Error is neither.
        let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), &JsValue::from_str(value));
    };
    match &error {
        Error::InvalidField { field, reason } => {
            set("kind", "invalidField");
            set("field", field);
            set("reason", reason);
        }
        Error::InvalidInput { message } => {
            set("kind", "invalidInput");
            set("reason", message);
        }
    }
    js_error.into()
}

/// Maps a failed conversion of a JavaScript argument into the Rust input type.
pub fn input<T>(converted: Result<T, tsify::Error>) -> Result<T, JsValue> {
    converted.map_err(|e| {
        to_js(Error::InvalidInput {
            message: e.to_string(),
        })
    })
}

/// Maps a failed conversion of a Rust result back to JavaScript (not expected for plain data,
/// but reported rather than unwrapped).
pub fn output<T>(converted: Result<T, tsify::Error>) -> Result<T, JsValue> {
    converted.map_err(|e| {
        to_js(Error::InvalidInput {
            message: format!("could not convert the result: {e}"),
        })
    })
}
