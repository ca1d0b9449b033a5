//! The page's language and its translations.
//!
//! The address owns the language: it is the first segment of the path, so a
//! language switch is a navigation to the same path under another language,
//! and every text that reads [`I18n::t`] inside a reactive closure follows it
//! at once. `build.rs` packs the catalogues (`kasipodaq_core::i18n::packed`)
//! into one messages file per language: the app fetches the page's own
//! before it takes the page over, and the two others right after, so a
//! switch waits for nothing (a move to a language whose file has not come
//! waits for it: `crate::address`).

#[cfg(not(feature = "ssr"))]
use std::cell::RefCell;

use crate::address::use_address;
#[cfg(not(feature = "ssr"))]
use js_sys::{Array, Intl, Object};
pub use kasipodaq_core::i18n::packed::MessageId;
use kasipodaq_core::{
    i18n::{packed::Packed, Arg, PluralRules},
    lang::preferred_language,
    urls::{lang_of_path, Page},
    Lang,
};
use leptos::prelude::*;

use crate::browser;

// The messages the pages read, packed (kasipodaq_core::i18n::packed); the
// app and the prerender format them the same way. Left out: the
// accessibility statement's body, which the app fetches with that page
// (crate::content). The prerender has every language.
#[cfg(feature = "ssr")]
static CATALOG: Packed<'static> = include!(concat!(env!("OUT_DIR"), "/catalog_app.rs"));

// The app carries only the messages a page shows in every language, and
// fetches each language's others as a texts file (`crate::content::load_messages`):
// built in, all three languages were in every reader's download (docs/performance.md,
// "Each language's messages, fetched with the page").
#[cfg(not(feature = "ssr"))]
static EVERY_LANGUAGE: Packed<'static> = include!(concat!(env!("OUT_DIR"), "/catalog_every_language.rs"));

#[cfg(not(feature = "ssr"))]
thread_local! {
    static LOADED: std::cell::Cell<Packed<'static>> = const { std::cell::Cell::new(Packed { ids: "", id_ends: &[], patterns: [""; 3], pattern_ends: [&[]; 3] }) };
}

/// Whether the messages of `lang` are here (always in the prerender).
pub fn has_messages(lang: Lang) -> bool {
    #[cfg(feature = "ssr")]
    let loaded = CATALOG;
    #[cfg(not(feature = "ssr"))]
    let loaded = LOADED.with(std::cell::Cell::get);
    !loaded.pattern_ends[lang.index()].is_empty()
}

/// Keeps the messages of `lang`, read from its messages file
/// ([`kasipodaq_core::i18n::packed::read_language`]), for the page's life.
#[cfg(not(feature = "ssr"))]
pub fn keep_messages(lang: Lang, patterns: String, ends: Vec<u16>) {
    LOADED.with(|loaded| {
        let mut packed = loaded.get();
        packed.patterns[lang.index()] = patterns.leak();
        packed.pattern_ends[lang.index()] = ends.leak();
        loaded.set(packed);
    });
}

/// The messages the app may show, one constant each (`msg::SITE_NAME` is
/// `site-name` in `locales/*/*.ftl`), written by `build.rs`.
pub mod msg {
    include!(concat!(env!("OUT_DIR"), "/message_ids.rs"));
}

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
pub fn message(lang: Lang, id: MessageId) -> String {
    format_in(lang, id, &[])
}

/// A message with arguments in a given language, outside any reactive context.
pub fn format_in(lang: Lang, id: MessageId, args: &[(&str, Arg<'_>)]) -> String {
    #[cfg(feature = "ssr")]
    return CATALOG.format_id(lang, id, args, &BrowserPlurals);
    #[cfg(not(feature = "ssr"))]
    {
        let loaded = LOADED.with(std::cell::Cell::get);
        let index = usize::from(id.0);
        let found = [lang, Lang::FALLBACK]
            .into_iter()
            .find_map(|l| Some((l, loaded.pattern_at(l, index).or_else(|| EVERY_LANGUAGE.pattern_at(l, index))?)));
        found.map_or_else(String::new, |(lang, pattern)| {
            kasipodaq_core::i18n::packed::format_pattern(pattern, lang, args, &BrowserPlurals)
        })
    }
}

/// A date written out in `lang` with the translations' pattern («2019 жылғы
/// 12 мамыр», «12 мая 2019 г.», "12 May 2019"), in the browser as in the
/// prerender. Not `Intl.DateTimeFormat`: building one is a long task in the
/// home page's start, as the browser loads the language's data
/// (docs/performance.md, "Starting the app"); for Russian and English it
/// writes exactly these words (a component test compares them), and
/// Chromium's trimmed data has no Kazakh month names ("2019 M05 12").
pub fn format_date(date: kasipodaq_core::calendar::Date, lang: Lang) -> String {
    let month = message(lang, family::month(date.month));
    format_in(
        lang,
        msg::DATE_LONG,
        &[("day", date.day.into()), ("month", (&month).into()), ("year", (date.year as i64).into())],
    )
}

/// "5 minutes ago" in `lang` from our plural messages (`contacts-age-{unit}`).
/// Not `Intl.RelativeTimeFormat`: building one is as long a task in the
/// contacts page's start (docs/performance.md, "Starting the app"; same words
/// for ru and en, compared by a component test), and Chromium's trimmed data
/// writes Kazakh as "-5 min".
pub fn time_ago(count: i64, unit: kasipodaq_core::contacts::TimeUnit, lang: Lang) -> String {
    format_in(lang, family::time_ago(unit), &[("count", count.into())])
}

/// The reactive language of the page, shared through the context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: Memo<Lang>,
}

impl I18n {
    /// The message `id` in the page's language. Read it inside a closure
    /// (`text(move |lang| message(lang, "…")`)) so that it follows a language switch.
    pub fn t(&self, id: MessageId) -> String {
        message(self.lang.get(), id)
    }

    /// The message `id` with arguments (numbers select plural forms).
    pub fn t_with(&self, id: MessageId, args: &[(&str, Arg<'_>)]) -> String {
        format_in(self.lang.get(), id, args)
    }
}

/// The language a visitor gets where the path names none (`/`, or a
/// not-found path): saved choice, then the browser's languages, then English.
pub fn visitor_language() -> Lang {
    preferred_language(browser::saved_language().as_deref(), &browser::browser_languages())
}

/// Provides the language, derived from the current path
/// ([`crate::address`], provided first).
pub fn provide_i18n() -> I18n {
    let address = use_address();
    // The visitor's language only where the path names none: reading the
    // saved choice and the browser's languages slowed every page's start for
    // nothing (docs/performance.md, "Decisions in the code, measured").
    let lang = Memo::new(move |_| address.pathname.with(|path| lang_of_path(path)).unwrap_or_else(visitor_language));
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
pub fn tr(id: MessageId) -> Signal<String> {
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

/// The messages named after a code (`kind-appeal`, `month-5`,
/// `translated-from-kk`, …): a `match` each, so the app builds no id at run
/// time and every one is checked by the compiler.
pub mod family {
    use kasipodaq_core::{
        contacts::{Failure, FailureMessage, FieldLabel, Level, TimeUnit},
        content::{ChangeKind, Kind},
        i18n::packed::MessageId,
        urls::Page,
        Lang,
    };

    use super::msg;

    /// `month-1` … `month-12`.
    pub fn month(month: u32) -> MessageId {
        const MONTHS: [MessageId; 12] = [
            msg::MONTH_1,
            msg::MONTH_2,
            msg::MONTH_3,
            msg::MONTH_4,
            msg::MONTH_5,
            msg::MONTH_6,
            msg::MONTH_7,
            msg::MONTH_8,
            msg::MONTH_9,
            msg::MONTH_10,
            msg::MONTH_11,
            msg::MONTH_12,
        ];
        MONTHS[month.clamp(1, 12) as usize - 1]
    }

    pub fn kind(kind: Kind) -> MessageId {
        match kind {
            Kind::Announcement => msg::KIND_ANNOUNCEMENT,
            Kind::Letter => msg::KIND_LETTER,
            Kind::Address => msg::KIND_ADDRESS,
            Kind::Report => msg::KIND_REPORT,
            Kind::Appeal => msg::KIND_APPEAL,
        }
    }

    pub fn change(change: ChangeKind) -> MessageId {
        match change {
            ChangeKind::TypoFixed => msg::CHANGE_TYPO_FIXED,
            ChangeKind::TranslationCorrected => msg::CHANGE_TRANSLATION_CORRECTED,
            ChangeKind::WordingCorrected => msg::CHANGE_WORDING_CORRECTED,
            ChangeKind::DateCorrected => msg::CHANGE_DATE_CORRECTED,
            ChangeKind::SourceAdded => msg::CHANGE_SOURCE_ADDED,
        }
    }

    /// One message per language, in the order of [`Lang::ALL`].
    fn of_lang(lang: Lang, ids: [MessageId; 3]) -> MessageId {
        ids[lang.index()]
    }

    /// "Translated from Russian", for a page in another language.
    pub fn translated_from(source: Lang) -> MessageId {
        of_lang(source, [msg::TRANSLATED_FROM_KK, msg::TRANSLATED_FROM_RU, msg::TRANSLATED_FROM_EN])
    }

    pub fn citation_translated_from(source: Lang) -> MessageId {
        of_lang(
            source,
            [msg::CITATION_TRANSLATED_FROM_KK, msg::CITATION_TRANSLATED_FROM_RU, msg::CITATION_TRANSLATED_FROM_EN],
        )
    }

    /// "the Kazakh version", in a history line or a citation.
    pub fn history_version(version: Lang) -> MessageId {
        of_lang(version, [msg::HISTORY_VERSION_KK, msg::HISTORY_VERSION_RU, msg::HISTORY_VERSION_EN])
    }

    pub fn search_found_in(found: Lang) -> MessageId {
        of_lang(found, [msg::SEARCH_FOUND_IN_KK, msg::SEARCH_FOUND_IN_RU, msg::SEARCH_FOUND_IN_EN])
    }

    pub fn time_ago(unit: TimeUnit) -> MessageId {
        match unit {
            TimeUnit::Second => msg::CONTACTS_AGE_SECOND,
            TimeUnit::Minute => msg::CONTACTS_AGE_MINUTE,
            TimeUnit::Hour => msg::CONTACTS_AGE_HOUR,
            TimeUnit::Day => msg::CONTACTS_AGE_DAY,
        }
    }

    pub fn level(level: Level) -> MessageId {
        match level {
            Level::Republican => msg::CONTACTS_LEVEL_REPUBLICAN,
            Level::Regional => msg::CONTACTS_LEVEL_REGIONAL,
            Level::City => msg::CONTACTS_LEVEL_CITY,
            Level::District => msg::CONTACTS_LEVEL_DISTRICT,
        }
    }

    /// What the visitor is told when the contacts cannot be refreshed.
    pub fn contacts_failure(failure: &Failure) -> MessageId {
        match failure.message() {
            FailureMessage::Network => msg::CONTACTS_ERROR_NETWORK,
            FailureMessage::Timeout => msg::CONTACTS_ERROR_TIMEOUT,
            FailureMessage::Status => msg::CONTACTS_ERROR_STATUS,
            FailureMessage::Future => msg::CONTACTS_ERROR_FUTURE,
            FailureMessage::TooMany => msg::CONTACTS_ERROR_TOO_MANY,
            FailureMessage::Refused => msg::CONTACTS_ERROR_REFUSED,
        }
    }

    /// The label of a headquarters card's field.
    pub fn card_label(label: FieldLabel) -> MessageId {
        match label {
            FieldLabel::Period => msg::CONTACTS_PERIOD,
            FieldLabel::City => msg::CONTACTS_CITY,
            FieldLabel::Address => msg::CONTACTS_ADDRESS,
            FieldLabel::Phones => msg::CONTACTS_PHONES,
            FieldLabel::Email => msg::CONTACTS_EMAIL,
            FieldLabel::Hours => msg::CONTACTS_HOURS,
            FieldLabel::Head => msg::CONTACTS_HEAD,
            FieldLabel::Website => msg::CONTACTS_WEBSITE,
        }
    }

    /// A page's name in the site's navigation, its title and its one-paragraph description.
    pub fn page(page: &Page) -> [MessageId; 3] {
        match page {
            Page::Home => [msg::PAGE_HOME_NAV, msg::PAGE_HOME_TITLE, msg::PAGE_HOME_DESCRIPTION],
            Page::Statements(_) | Page::Statement(_) => {
                [msg::PAGE_STATEMENTS_NAV, msg::PAGE_STATEMENTS_TITLE, msg::PAGE_STATEMENTS_DESCRIPTION]
            }
            Page::Platform => [msg::PAGE_PLATFORM_NAV, msg::PAGE_PLATFORM_TITLE, msg::PAGE_PLATFORM_DESCRIPTION],
            Page::UnionDay => [msg::PAGE_UNION_DAY_NAV, msg::PAGE_UNION_DAY_TITLE, msg::PAGE_UNION_DAY_DESCRIPTION],
            Page::Contacts => [msg::PAGE_CONTACTS_NAV, msg::PAGE_CONTACTS_TITLE, msg::PAGE_CONTACTS_DESCRIPTION],
            // Not in the navigation: its name there is its title.
            Page::Accessibility => {
                [msg::PAGE_ACCESSIBILITY_TITLE, msg::PAGE_ACCESSIBILITY_TITLE, msg::PAGE_ACCESSIBILITY_DESCRIPTION]
            }
        }
    }
}
