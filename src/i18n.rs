//! The page's language and its translations.
//!
//! The router owns the language: it is the first segment of the path, so a
//! language switch is a navigation to the same path under another language,
//! and every text that reads [`I18n::t`] inside a reactive closure follows it
//! at once. The three catalogues are compiled into the WebAssembly by
//! `build.rs` (see `kasipodaq_core::i18n`), so no request is made and nothing
//! is parsed at start-up.

#[cfg(not(feature = "ssr"))]
use std::cell::RefCell;

#[cfg(not(feature = "ssr"))]
use js_sys::{Array, Intl, Object};
use kasipodaq_core::{
    i18n::{packed::Packed, Arg, PluralRules},
    lang::preferred_language,
    urls::{lang_of_path, Page},
    Lang,
};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::browser;

// The messages the pages read, packed (kasipodaq_core::i18n::packed); the
// app and the prerender format them the same way. Left out: the
// accessibility statement's body, which the app fetches with that page
// (crate::content).
static CATALOG: Packed<'static> = include!(concat!(env!("OUT_DIR"), "/catalog_app.rs"));

/// Every message, the accessibility statement's body included (the
/// prerender builds that page's texts file from them).
#[cfg(feature = "ssr")]
pub fn catalog() -> &'static kasipodaq_core::i18n::Catalog {
    static FULL: kasipodaq_core::i18n::Catalog = include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
    &FULL
}

/// Plural categories from the browser's own CLDR data (`Intl.PluralRules`).
#[cfg(not(feature = "ssr"))]
struct BrowserPlurals;

#[cfg(not(feature = "ssr"))]
thread_local! {
    static PLURAL_RULES: RefCell<[Option<Intl::PluralRules>; 3]> = const { RefCell::new([None, None, None]) };
}

#[cfg(not(feature = "ssr"))]
impl PluralRules for BrowserPlurals {
    fn category(&self, lang: Lang, number: f64) -> &str {
        let slot = lang.index();
        let category: String = PLURAL_RULES.with(|rules| {
            let mut rules = rules.borrow_mut();
            let rule = rules[slot]
                .get_or_insert_with(|| Intl::PluralRules::new(&Array::of1(&lang.code().into()), &Object::new()));
            rule.select(number).into()
        });
        static_category(&category)
    }

    fn write_fraction(&self, number: f64) -> String {
        js_sys::Number::from(number).to_string_with_radix(10).map(String::from).unwrap_or_default()
    }
}

/// On the build machine (the prerender), the same CLDR rules from the
/// `intl_pluralrules` crate.
#[cfg(feature = "ssr")]
struct BrowserPlurals;

#[cfg(feature = "ssr")]
impl PluralRules for BrowserPlurals {
    fn category(&self, lang: Lang, number: f64) -> &str {
        use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules as Cldr};
        let locale: unic_langid::LanguageIdentifier = lang.code().parse().expect("kk, ru and en are language ids");
        let rules = Cldr::create(locale, PluralRuleType::CARDINAL).expect("CLDR has kk, ru and en");
        match rules.select(number) {
            Ok(PluralCategory::ZERO) => "zero",
            Ok(PluralCategory::ONE) => "one",
            Ok(PluralCategory::TWO) => "two",
            Ok(PluralCategory::FEW) => "few",
            Ok(PluralCategory::MANY) => "many",
            _ => "other",
        }
    }
}

/// Categories are a handful of fixed words; hand out a static one.
#[cfg(not(feature = "ssr"))]
fn static_category(category: &str) -> &'static str {
    match category {
        "zero" => "zero",
        "one" => "one",
        "two" => "two",
        "few" => "few",
        "many" => "many",
        _ => "other",
    }
}

/// A message in a given language, outside any reactive context.
pub fn message(lang: Lang, id: &str) -> String {
    format_in(lang, id, &[])
}

/// A message with arguments in a given language, outside any reactive context.
pub fn format_in(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    CATALOG.format(lang, id, args, &BrowserPlurals)
}

/// The reactive language of the page, shared through the context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: Memo<Lang>,
}

impl I18n {
    /// The message `id` in the page's language. Read it inside a closure
    /// (`text(move |lang| message(lang, "…")`)) so that it follows a language switch.
    pub fn t(&self, id: &str) -> String {
        message(self.lang.get(), id)
    }

    /// The message `id` with arguments (numbers select plural forms).
    pub fn t_with(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        format_in(self.lang.get(), id, args)
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
    // The visitor's language only where the path names none: reading the
    // saved choice and the browser's languages cost about 3 ms of every
    // page's start (11 ms under Lighthouse's slow-phone CPU) for nothing.
    let lang = Memo::new(move |_| location.pathname.with(|path| lang_of_path(path)).unwrap_or_else(visitor_language));
    let i18n = I18n { lang };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The message `id` as a reactive text that follows the page's language.
///
/// Every use has the same concrete type (`Signal<String>`), so Leptos
/// compiles its rendering once, not once per call site: with a hundred texts
/// on the site this keeps the WebAssembly small.
pub fn tr(id: &'static str) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || i18n.t(id))
}

/// Any text computed from the page's language, with the same benefit as [`tr`].
pub fn text(f: impl Fn(Lang) -> String + Send + Sync + 'static) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || f(i18n.lang.get()))
}

/// The address of `page` in the page's language, for a link that follows a
/// language switch. One function for every such link: each closure given to
/// [`text`] is compiled separately.
pub fn page_href(page: Page) -> Signal<String> {
    text(move |lang| page.path(lang))
}
