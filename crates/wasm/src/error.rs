//! The one place where Rust errors become JavaScript exceptions.
//!
//! Thrown values are real `Error` objects (so they carry a stack and print well) named
//! `LivetrustError`, with the core error's serialized fields copied on: `kind` (`invalidField` or
//! `invalidInput`), and for field errors `field` and `reason`.

use livetrust_core::Error;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

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

/// Whether a failed conversion is the caller's shape (`invalidInput`, the message starting with
/// the field path) or a named field's bad value (`invalidField`, as configurations report it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mistake {
    Shape,
    Field,
}

/// Converts a JavaScript argument into `T` as the native shells read JSON: through a JSON value,
/// so unknown keys are rejected (serde-wasm-bindgen alone reads only a struct's known fields and
/// would drop a misspelt one silently) and a wrong value is reported with its field path. A
/// NaN or infinite number anywhere is a field error (`edits[0].value: must be a finite number`),
/// since JSON has no such numbers. Not for inputs holding bytes (`Uint8Array`s).
pub fn from_js<T: DeserializeOwned>(value: JsValue, mistake: Mistake) -> Result<T, JsValue> {
    from_js_precisely(value, mistake)
}

/// [`from_js`] for large inputs (a 4-hour session's signals are 86 400 numbers): the engine's
/// JSON.stringify, parsed by serde_json — one crossing instead of one per element, measured 10×
/// faster. JSON.stringify turns NaN, infinities and `undefined` in arrays into `null` and a Map
/// or Set into `{}`, so text with either, a value it cannot write (a BigInt) and any value that
/// does not parse take [`from_js`]'s route, which gives exactly the errors it always gave. Each
/// type read this way adds its own serde_json parser to the package: kept for the few that need
/// the speed.
#[cfg_attr(not(feature = "clip"), allow(dead_code))]
pub fn from_js_large<T: DeserializeOwned>(value: JsValue, mistake: Mistake) -> Result<T, JsValue> {
    if let Ok(text) = js_sys::JSON::stringify(&value) {
        if let Some(text) = text.as_string() {
            if !text.contains("null") && !text.contains("{}") {
                let mut de = serde_json::Deserializer::from_str(&text);
                if let Ok(parsed) = serde_path_to_error::deserialize(&mut de) {
                    if de.end().is_ok() {
                        return Ok(parsed);
                    }
                }
            }
        }
    }
    from_js_precisely(value, mistake)
}

/// [`from_js`] element by element: every NaN or infinity named by its path, every shape error
/// with its field path.
fn from_js_precisely<T: DeserializeOwned>(value: JsValue, mistake: Mistake) -> Result<T, JsValue> {
    if let Some(path) = non_finite(&value, String::new()) {
        let field = if path.is_empty() {
            "input".to_owned()
        } else {
            path
        };
        return Err(to_js(Error::invalid_field(
            field,
            "must be a finite number",
        )));
    }
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value).map_err(|e| {
        to_js(Error::InvalidInput {
            message: e.to_string(),
        })
    })?;
    serde_path_to_error::deserialize(json).map_err(|e| {
        let path = match e.path().to_string() {
            path if path == "." => String::new(),
            path => path,
        };
        let reason = e.into_inner().to_string();
        to_js(match (mistake, path.is_empty()) {
            (Mistake::Field, false) => Error::invalid_field(path, reason),
            (_, true) => Error::InvalidInput { message: reason },
            (Mistake::Shape, false) => Error::InvalidInput {
                message: format!("{path}: {reason}"),
            },
        })
    })
}

/// The path of the first NaN or infinite number in a plain JavaScript value, if any.
fn non_finite(value: &JsValue, path: String) -> Option<String> {
    if let Some(n) = value.as_f64() {
        return (!n.is_finite()).then_some(path);
    }
    if js_sys::Array::is_array(value) {
        let array: &js_sys::Array = value.unchecked_ref();
        return (0..array.length()).find_map(|i| non_finite(&array.get(i), format!("{path}[{i}]")));
    }
    if value.is_object() && !value.is_instance_of::<js_sys::Uint8Array>() {
        let object: &js_sys::Object = value.unchecked_ref();
        return js_sys::Object::entries(object).iter().find_map(|entry| {
            let pair: js_sys::Array = entry.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            let field = if path.is_empty() {
                key
            } else {
                format!("{path}.{key}")
            };
            non_finite(&pair.get(1), field)
        });
    }
    None
}

/// Rejects keys of a plain object outside `allowed`, for inputs that cannot take the JSON route
/// of [`from_js`] (they hold bytes).
pub fn known_keys(value: &JsValue, allowed: &[&str], path: &str) -> Result<(), JsValue> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Ok(());
    }
    let object: &js_sys::Object = value.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(to_js(Error::InvalidInput {
                message: format!(
                    "{path}unknown field `{key}`, expected one of {}",
                    allowed
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }));
        }
    }
    Ok(())
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

/// The thrown error's TypeScript type: wasm-bindgen cannot see it, since it is built here by hand.
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const LIVETRUST_ERROR_TS: &str = r#"
/**
 * What every export throws for bad input (never a panic): an `Error` named `LivetrustError`.
 * `kind` says whether a named field has a bad value (`invalidField`, with `field` and `reason`)
 * or the input's shape is wrong (`invalidInput`, with `reason`).
 */
export interface LivetrustError extends Error {
    name: "LivetrustError";
    kind: "invalidField" | "invalidInput";
    field?: string;
    reason: string;
}
"#;
