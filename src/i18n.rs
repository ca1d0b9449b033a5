//! The page's language and its translations.
//!
//! The router owns the language: it is the first segment of the path, so a
//! language switch is a navigation to the same path under another language,
//! and every text that reads [`I18n::t`] inside a reactive closure follows it
//! at once. All three catalogues are in the WebAssembly, so no request is made.

use kasipodaq_core::FluentValue;
use kasipodaq_core::{
    i18n::{args, Catalog},
    lang::preferred_language,
    urls::lang_of_path,
    Lang,
};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::browser;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

thread_local! {
    static CATALOG: Catalog = {
        let (catalog, errors) = Catalog::new(LOCALE_SOURCES);
        for error in errors {
            // The host tests fail on any of these; in a shipped build they
            // cost one message, not the page.
            leptos::logging::error!("translations: {error}");
        }
        catalog
    };
}

/// A message in a given language, outside any reactive context.
pub fn message(lang: Lang, id: &str) -> String {
    CATALOG.with(|catalog| catalog.format(lang, id, None))
}

/// The reactive language of the page, shared through the context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: Memo<Lang>,
}

impl I18n {
    /// The message `id` in the page's language. Read it inside a closure
    /// (`move || i18n.t("…")`) so that it follows a language switch.
    pub fn t(&self, id: &str) -> String {
        message(self.lang.get(), id)
    }

    /// The message `id` with Fluent arguments (numbers select plural forms).
    pub fn t_with(&self, id: &str, pairs: &[(&str, FluentValue<'_>)]) -> String {
        let lang = self.lang.get();
        let args = args(pairs);
        CATALOG.with(|catalog| catalog.format(lang, id, Some(&args)))
    }
}

/// The language a visitor gets where the path names none (`/`, or a
/// not-found path): saved choice, then the browser's languages, then English.
pub fn visitor_language() -> Lang {
    preferred_language(browser::saved_language().as_deref(), &browser::browser_languages())
}

/// Provides the language, derived from the current path. Call inside the
/// `<Router>`.
pub fn provide_i18n() -> I18n {
    let location = use_location();
    let fallback = visitor_language();
    let lang = Memo::new(move |_| location.pathname.with(|path| lang_of_path(path)).unwrap_or(fallback));
    let i18n = I18n { lang };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
