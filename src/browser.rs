//! What the app asks of the browser: the saved language, the visitor's
//! languages and today's date in Kazakhstan (from the browser's clock).

#[cfg(not(feature = "ssr"))]
pub use in_browser::*;
#[cfg(feature = "ssr")]
pub use prerendered::*;

/// The same questions answered on the build machine, for the prerender:
/// no visitor, no saved choice, and no "today" (a page built today is read
/// later, so nothing counts days from the build).
#[cfg(feature = "ssr")]
mod prerendered {
    use std::sync::OnceLock;

    use kasipodaq_core::{calendar, Lang};

    static SITE_ORIGIN: OnceLock<String> = OnceLock::new();

    /// The public address of the site (scheme and host), set once by the
    /// prerender from the build settings.
    pub fn set_site_origin(origin: &str) {
        let _ = SITE_ORIGIN.set(origin.trim_end_matches('/').to_owned());
    }

    pub fn site_origin() -> String {
        SITE_ORIGIN.get().cloned().unwrap_or_default()
    }

    /// No clock: what depends on the time of reading is left to the app.
    pub fn now_ms() -> Option<f64> {
        None
    }

    pub fn saved_language() -> Option<String> {
        None
    }

    pub fn save_language(_: Lang) {}

    pub fn browser_languages() -> Vec<String> {
        Vec::new()
    }

    pub fn today_in_kazakhstan() -> Option<calendar::Date> {
        None
    }
}

#[cfg(not(feature = "ssr"))]
mod in_browser {
    use js_sys::Date;
    use kasipodaq_core::{calendar, Lang};

    const SAVED_LANGUAGE_KEY: &str = "kasipodaq.lang";

    /// The site's scheme and host, as the visitor reached it.
    pub fn site_origin() -> String {
        web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
    }

    /// The visitor's clock, in milliseconds since 1970.
    pub fn now_ms() -> Option<f64> {
        Some(Date::now())
    }

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

    /// Today's date in Kazakhstan, whatever the visitor's clock zone
    /// (`calendar::kazakhstan_date_at`: why not `Intl`).
    pub fn today_in_kazakhstan() -> Option<calendar::Date> {
        Some(calendar::kazakhstan_date_at(Date::now()))
    }
}
