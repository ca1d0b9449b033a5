//! JSON files (the contacts, the statements' texts) parsed by the browser's
//! own `JSON.parse` and read into `serde_json` values for the core's checks: the
//! app ships no JSON parser of its own, less WebAssembly than
//! `serde_json::from_slice` (docs/performance.md, "Decisions in the code,
//! measured").

use js_sys::{Array, Object, Reflect, JSON};
use kasipodaq_core::contacts::{Rejection, MAX_NESTING};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// `text` as JSON values, or why it is not JSON: a syntax error (with the
/// browser's message, for the console), or nesting deeper than
/// [`MAX_NESTING`], refused before it can exhaust the stack.
pub fn parse(text: &str) -> Result<Value, Rejection> {
    read(&parse_js(text)?, 0)
}

/// `text` through the browser's `JSON.parse`, not yet read into values.
pub fn parse_js(text: &str) -> Result<JsValue, Rejection> {
    // Notepad's byte order mark is not JSON, but no reason to refuse a file.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    JSON::parse(text).map_err(|error| Rejection::NotJson {
        detail: error.dyn_ref::<js_sys::Error>().map(|error| String::from(error.message())).unwrap_or_default(),
    })
}

/// `value` read into values but for its field `key` when that is an array,
/// which is returned apart, for its items to be read one at a time
/// ([`read_item`]).
pub fn split(value: &JsValue, key: &str) -> Result<(Value, Option<Array>), Rejection> {
    let items = (value.is_object() && !Array::is_array(value))
        .then(|| Reflect::get(value, &key.into()).ok())
        .flatten()
        .filter(Array::is_array);
    let Some(items) = items else { return Ok((read(value, 0)?, None)) };
    Ok((Value::Object(read_fields(value.unchecked_ref(), 1, Some(key))?), Some(items.unchecked_into())))
}

/// An item of the array [`split`] set apart, as values.
pub fn read_item(value: &JsValue) -> Result<Value, Rejection> {
    read(value, 2)
}

fn read(value: &JsValue, depth: usize) -> Result<Value, Rejection> {
    if depth > MAX_NESTING {
        return Err(Rejection::NotJson { detail: format!("nested deeper than {MAX_NESTING} levels") });
    }
    Ok(if value.is_null() {
        Value::Null
    } else if let Some(flag) = value.as_bool() {
        Value::Bool(flag)
    } else if let Some(number) = value.as_f64() {
        number_value(number)
    } else if let Some(text) = value.as_string() {
        Value::String(text)
    } else if Array::is_array(value) {
        let items: &Array = value.unchecked_ref();
        Value::Array(items.iter().map(|item| read(&item, depth + 1)).collect::<Result<_, _>>()?)
    } else {
        Value::Object(read_fields(value.unchecked_ref(), depth + 1, None)?)
    })
}

/// The fields of `object` (but `except`) as values, each at `depth`.
fn read_fields(object: &Object, depth: usize, except: Option<&str>) -> Result<Map<String, Value>, Rejection> {
    let mut map = Map::new();
    for key in Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        if except != Some(name.as_str()) {
            let item = Reflect::get(object, &key).unwrap_or(JsValue::NULL);
            map.insert(name, read(&item, depth)?);
        }
    }
    Ok(map)
}

/// Whole numbers become integers (so `"schema_version": 1` reads as the
/// version 1), anything else a float, as `serde_json` would read them.
fn number_value(number: f64) -> Value {
    const SAFE: f64 = 9_007_199_254_740_991.0; // 2^53 - 1
    if number.fract() == 0.0 && number.abs() <= SAFE {
        if number >= 0.0 {
            Value::from(number as u64)
        } else {
            Value::from(number as i64)
        }
    } else {
        Number::from_f64(number).map(Value::Number).unwrap_or(Value::Null)
    }
}
