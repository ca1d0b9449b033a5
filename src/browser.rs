//! What the app asks of the browser: the saved language, the visitor's
//! languages, today's date in Kazakhstan and dates in the page's language
//! (through the browser's own `Intl`, so no date library is shipped).

use js_sys::{Date, Object, Reflect};
use kasipodaq_core::{calendar, Lang};
use wasm_bindgen::JsValue;

const SAVED_LANGUAGE_KEY: &str = "kasipodaq.lang";

fn local_storage() -> Option<web_sys::Storage> {
    // Storage can be missing or refused (private modes, disabled cookies):
    // then the choice is simply not remembered.
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn saved_language() -> Option<String> {
    local_storage()?.get_item(SAVED_LANGUAGE_KEY).ok().flatten()
}

pub fn save_language(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(SAVED_LANGUAGE_KEY, lang.code());
    }
}

/// `navigator.languages`, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let navigator = window.navigator();
    let mut tags: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if tags.is_empty() {
        tags.extend(navigator.language());
    }
    tags
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object.into()
}

/// Today's date in Kazakhstan (Asia/Almaty), whatever the visitor's clock zone.
pub fn today_in_kazakhstan() -> Option<calendar::Date> {
    // The `en-CA` locale writes dates as YYYY-MM-DD.
    let text: String = Date::new_0()
        .to_locale_date_string("en-CA", &options(&[("timeZone", "Asia/Almaty")]))
        .into();
    calendar::Date::parse_iso(&text)
}

/// A date written out in `lang`, e.g. «10 қазан 2027 ж.», «10 октября 2027 г.»,
/// "10 October 2027".
pub fn format_date(date: calendar::Date, lang: Lang) -> String {
    // Noon UTC, formatted in UTC, is the same calendar day everywhere.
    let utc = Date::utc(date.year as f64, (date.month - 1) as f64) + (date.day as f64 - 1.0) * 86_400_000.0 + 43_200_000.0;
    let js_date = Date::new(&JsValue::from_f64(utc));
    let locale = match lang {
        Lang::En => "en-GB",
        other => other.code(),
    };
    js_date
        .to_locale_date_string(locale, &options(&[("timeZone", "UTC"), ("day", "numeric"), ("month", "long"), ("year", "numeric")]))
        .into()
}
