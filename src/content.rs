//! The statements and the long texts of other pages, compiled in by
//! `build.rs` from `content/` and `locales/` for the prerender, which has
//! every text. The app carries no statement: what a page shows of the
//! archive (the home page's latest, an archive page, a statement's header
//! and neighbours) comes from that page's headers file
//! (`kasipodaq_core::files::headers`), and the long texts, in all three
//! languages, from a texts file (`kasipodaq_core::files::texts`): each
//! statement's paragraphs, the Platform and Union Day pages, and the
//! accessibility statement. A prerendered page preloads its own files and
//! the app reads them before it takes the page over; a reader of one page
//! downloads nothing of the others, and a language switch needs no request
//! (each language's messages are texts files too, fetched after the
//! takeover: [`load_messages`]).

use std::{cell::RefCell, sync::Arc};

use kasipodaq_core::{
    content::{PointsPage, Statement},
    files::{
        headers::{self, Headers, Key},
        texts::{self, Paragraphs},
    },
    urls::Page,
};

/// The archive as published now, newest first: the prerender's alone, read
/// when it runs from the content folder `build.rs` checked (compiled in, a
/// large archive was a huge Rust literal: docs/performance.md, "Build
/// time"). A statement whose `publish_at` is later than now is left out
/// ([`report`]).
#[cfg(feature = "ssr")]
pub static STATEMENTS: std::sync::LazyLock<Vec<Statement>> = std::sync::LazyLock::new(|| {
    let dir = std::path::Path::new(env!("KASIPODAQ_CONTENT_PATH"));
    let mut content = kasipodaq_build::content::load::read(dir).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("{} changed since the build and has {} problem(s):\n{}", dir.display(), list.len(), list.join("\n"))
    });
    let stale = std::mem::take(&mut content.stale);
    let (published, scheduled) = content.published_at(now());
    let _ = REPORT.set(Report { scheduled, stale });
    published
});

/// What the build tells the press office beside the archive it publishes.
#[cfg(feature = "ssr")]
pub struct Report {
    /// Left out because their `publish_at` is later than now.
    pub scheduled: Vec<kasipodaq_build::content::load::Scheduled>,
    /// Translations behind their source.
    pub stale: Vec<kasipodaq_build::content::load::Stale>,
}

#[cfg(feature = "ssr")]
static REPORT: std::sync::OnceLock<Report> = std::sync::OnceLock::new();

/// The [`Report`] of the content [`STATEMENTS`] was read from.
#[cfg(feature = "ssr")]
pub fn report() -> &'static Report {
    std::sync::LazyLock::force(&STATEMENTS);
    REPORT.get().expect("set when the statements are read")
}

/// The moment the release is built for: `KASIPODAQ_NOW` (RFC 3339), so a
/// release built in steps, and the tests, agree on it; else the clock.
#[cfg(feature = "ssr")]
pub fn now() -> i64 {
    match std::env::var("KASIPODAQ_NOW") {
        Ok(text) => kasipodaq_core::contacts::parse_rfc3339(text.trim()).unwrap_or_else(|_| {
            panic!("KASIPODAQ_NOW={text:?}: write a date, time and offset, e.g. 2026-12-10T09:00:00+05:00")
        }),
        Err(_) => {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
        }
    }
}
// The names of the texts files: PLATFORM_FILE, UNION_DAY_FILE,
// ACCESSIBILITY_FILE, MESSAGES_FILES; in the prerender, their JSON (PAGE_TEXTS).
include!(concat!(env!("OUT_DIR"), "/texts_files.rs"));

/// A page of points (Platform, Union Day): the name and the texts file the
/// app fetches it from; the page itself in the prerender.
pub struct PointsSource {
    /// The stem of its texts file, as written in the file.
    pub name: &'static str,
    pub file: &'static str,
    #[cfg(feature = "ssr")]
    pub page: &'static PointsPage,
}

#[cfg(feature = "ssr")]
static PLATFORM_PAGE: PointsPage = include!(concat!(env!("OUT_DIR"), "/platform.rs"));
#[cfg(feature = "ssr")]
static UNION_DAY_PAGE: PointsPage = include!(concat!(env!("OUT_DIR"), "/union_day.rs"));
/// The Platform page's sections without their points, for the home page.
pub static PLATFORM_OUTLINE: PointsPage = include!(concat!(env!("OUT_DIR"), "/outline_platform.rs"));
pub static PLATFORM: PointsSource = PointsSource {
    name: "platform",
    file: PLATFORM_FILE,
    #[cfg(feature = "ssr")]
    page: &PLATFORM_PAGE,
};
pub static UNION_DAY: PointsSource = PointsSource {
    name: "union-day",
    file: UNION_DAY_FILE,
    #[cfg(feature = "ssr")]
    page: &UNION_DAY_PAGE,
};

thread_local! {
    // The texts fetched in this visit, by slug.
    static TEXTS: RefCell<Vec<(&'static str, Arc<Paragraphs>)>> = const { RefCell::new(Vec::new()) };
    // The pages of points fetched in this visit, by name (kept for the
    // visit: each is fetched at most once).
    static POINTS: RefCell<Vec<(&'static str, &'static PointsPage)>> = const { RefCell::new(Vec::new()) };
    // The accessibility statement's body in each language, once fetched.
    static ACCESSIBILITY: RefCell<Option<Arc<[String; 3]>>> = const { RefCell::new(None) };
    // The headers files read in this visit (in the prerender: made once
    // from the archive), kept for the visit. A list: a visit reads a few,
    // and a map's code costs the phone more than the search.
    static HEADERS: RefCell<Vec<(Key, &'static Headers)>> = const { RefCell::new(Vec::new()) };
}

/// Every page's headers, by the stem of its file, made once for the whole
/// archive (the prerender writes them and renders the pages from them).
#[cfg(feature = "ssr")]
pub static ALL_HEADERS: std::sync::LazyLock<std::collections::HashMap<String, (Key, Headers)>> =
    std::sync::LazyLock::new(|| headers::all(&STATEMENTS).into_iter().map(|(key, h)| (key.stem(), (key, h))).collect());

/// The headers `key` shows, if they are here: in the prerender always
/// (`None` for a statement not in the archive); in the app once fetched.
pub fn headers(key: &Key) -> Option<&'static Headers> {
    if let Some(found) = HEADERS.with(|all| all.borrow().iter().find(|(k, _)| k == key).map(|(_, h)| *h)) {
        return Some(found);
    }
    #[cfg(feature = "ssr")]
    {
        ALL_HEADERS.get(&key.stem()).map(|(_, headers)| headers)
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// Why a headers or texts file is not here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFailure {
    /// The host has no such file: the site was published again since this
    /// page was loaded (its release is gone), or the page does not exist.
    Gone,
    /// Not fetched (no connection, a server error) or refused.
    Failed,
}

/// Fetches the headers file of `key` as the host has it now (revalidated
/// like a page; the offline worker answers it without a connection) and
/// keeps it for the visit.
pub async fn load_headers(key: &Key) -> Result<&'static Headers, FileFailure> {
    if let Some(done) = headers(key) {
        return Ok(done);
    }
    let read = reload_if_moved(fetch_headers(key).await)?;
    // Kept for the whole visit, so the page's views may borrow it for ever.
    let read: &'static Headers = Box::leak(Box::new(read));
    HEADERS.with(|all| all.borrow_mut().push((key.clone(), read)));
    Ok(read)
}

#[cfg(feature = "ssr")]
async fn fetch_headers(_: &Key) -> Result<Headers, FileFailure> {
    Err(FileFailure::Gone)
}

#[cfg(not(feature = "ssr"))]
async fn fetch_headers(key: &Key) -> Result<Headers, FileFailure> {
    let value = fetch_json(&key.file_name(), false).await?;
    headers::read(&value, key).map_err(|refused| {
        leptos::logging::warn!("a headers file refused: {}", refused.0);
        // After a move, a file this app cannot read is a later release's,
        // whose app reads it: the page is loaded again (`reload_if_moved`).
        if on_loaded_page() {
            FileFailure::Failed
        } else {
            FileFailure::Gone
        }
    })
}

/// Whether the app is still on the page the browser loaded (no move within
/// the app yet): a headers file missing there means the page does not
/// exist (the host answered its not-found page), not a newer release.
pub fn on_loaded_page() -> bool {
    #[cfg(not(feature = "ssr"))]
    {
        thread_local! {
            static LOADED: String = leptos::prelude::window().location().pathname().unwrap_or_default();
        }
        let now = leptos::prelude::window().location().pathname().unwrap_or_default();
        LOADED.with(|loaded| *loaded == now)
    }
    #[cfg(feature = "ssr")]
    true
}

/// The headers file of `page`, if it shows headers: the prerendered page
/// preloads it.
#[cfg(feature = "ssr")]
pub fn headers_file_of(page: &Page) -> Option<String> {
    Key::of(page).filter(|key| headers(key).is_some()).map(|key| key.file_name())
}

/// The paragraphs of `statement` in `lang`, if they are here: in the
/// prerender always; in the app once fetched.
pub fn paragraphs(statement: &'static Statement) -> Option<Arc<Paragraphs>> {
    #[cfg(feature = "ssr")]
    {
        // The page's copy is a header (kasipodaq_core::files::headers): the
        // paragraphs are in the whole archive.
        let whole = STATEMENTS.iter().find(|s| s.slug == statement.slug)?;
        let [kk, ru, en] = kasipodaq_core::Lang::ALL
            .map(|lang| whole.version(lang).paragraphs.iter().map(|p| p.to_string()).collect());
        Some(Arc::new([kk, ru, en]))
    }
    #[cfg(not(feature = "ssr"))]
    TEXTS.with(|texts| texts.borrow().iter().find(|(slug, _)| *slug == statement.slug).map(|(_, p)| p.clone()))
}

/// Fetches the texts file of `statement` (the browser's cache and the
/// offline worker answer it after the first time), checks its hash and
/// keeps it for the visit.
pub async fn load_paragraphs(statement: &'static Statement) -> Result<Arc<Paragraphs>, ()> {
    if let Some(done) = paragraphs(statement) {
        return Ok(done);
    }
    let body = fetch_checked(&statement.text_file).await?;
    let read = Arc::new(texts::read(&body, &statement.slug).map_err(|_| ())?);
    TEXTS.with(|all| all.borrow_mut().push((&*statement.slug, read.clone())));
    Ok(read)
}

/// The page of points `source`, if it is here: in the prerender always; in
/// the app once fetched.
pub fn points(source: &'static PointsSource) -> Option<&'static PointsPage> {
    #[cfg(feature = "ssr")]
    return Some(source.page);
    #[cfg(not(feature = "ssr"))]
    POINTS.with(|all| all.borrow().iter().find(|(name, _)| *name == source.name).map(|(_, page)| *page))
}

/// Fetches the texts file of a page of points, like [`load_paragraphs`].
pub async fn load_points(source: &'static PointsSource) -> Result<&'static PointsPage, ()> {
    if let Some(done) = points(source) {
        return Ok(done);
    }
    let body = fetch_checked(source.file).await?;
    // Kept for the whole visit, so the page's views may borrow it for ever.
    let page: &'static PointsPage = Box::leak(Box::new(texts::read_points(&body, source.name).map_err(|_| ())?));
    POINTS.with(|all| all.borrow_mut().push((source.name, page)));
    Ok(page)
}

/// The accessibility statement's body in each language, if it is here.
pub fn accessibility_html() -> Option<Arc<[String; 3]>> {
    #[cfg(feature = "ssr")]
    return kasipodaq_build::content::accessibility::html_in_all(crate::i18n::catalog()).ok().map(Arc::new);
    #[cfg(not(feature = "ssr"))]
    ACCESSIBILITY.with(|html| html.borrow().clone())
}

/// Fetches the accessibility statement's texts file, like [`load_paragraphs`].
pub async fn load_accessibility_html() -> Result<Arc<[String; 3]>, ()> {
    if let Some(done) = accessibility_html() {
        return Ok(done);
    }
    let body = fetch_checked(ACCESSIBILITY_FILE).await?;
    let html = Arc::new(texts::read_html(&body, texts::ACCESSIBILITY_PAGE).map_err(|_| ())?);
    ACCESSIBILITY.with(|all| *all.borrow_mut() = Some(html.clone()));
    Ok(html)
}

/// Fetches what `page` shows that is not in the app: its headers file, if
/// any, then its texts file, if any. The app does so before it takes a
/// prerendered page over.
pub async fn load_files_of(page: &Page) -> Result<(), FileFailure> {
    if let Some(key) = Key::of(page) {
        load_headers(&key).await?;
    }
    let texts = match page {
        Page::Statement(slug) => match statement(slug) {
            Some(statement) => load_paragraphs(statement).await.map(drop),
            None => Ok(()),
        },
        Page::Platform => load_points(&PLATFORM).await.map(drop),
        Page::UnionDay => load_points(&UNION_DAY).await.map(drop),
        Page::Accessibility => load_accessibility_html().await.map(drop),
        Page::Home | Page::Statements(_) | Page::Contacts => Ok(()),
    };
    texts.map_err(|()| FileFailure::Failed)
}

/// Fetches the messages of `lang` (its messages file, written by
/// `build.rs`), unless they are here: the page's language before the app
/// takes a page over, another one before a move to it
/// (`crate::address`).
pub async fn load_messages(lang: kasipodaq_core::Lang) -> Result<(), FileFailure> {
    if crate::i18n::has_messages(lang) {
        return Ok(());
    }
    #[cfg(not(feature = "ssr"))]
    {
        let value = fetch_json(MESSAGES_FILES[lang.index()], true).await?;
        let read = kasipodaq_core::i18n::packed::read_language(&value, lang, crate::i18n::msg::COUNT);
        let (patterns, ends) = read.map_err(|_| FileFailure::Failed)?;
        // Two moves may have asked for the same language at once.
        if !crate::i18n::has_messages(lang) {
            crate::i18n::keep_messages(lang, patterns, ends);
        }
    }
    Ok(())
}

/// The statement `slug`, if its headers are here.
fn statement(slug: &str) -> Option<&'static Statement> {
    match headers(&Key::Statement(slug.to_owned()))? {
        Headers::Statement { statement, .. } => Some(statement),
        _ => None,
    }
}

/// The texts file `page` shows, if it has one (a statement's once its
/// headers are here): the prerendered page preloads it.
pub fn texts_file_of(page: &Page) -> Option<&'static str> {
    match page {
        Page::Statement(slug) => statement(slug).map(|statement| &*statement.text_file),
        Page::Platform => Some(PLATFORM.file),
        Page::UnionDay => Some(UNION_DAY.file),
        Page::Accessibility => Some(ACCESSIBILITY_FILE),
        Page::Home | Page::Statements(_) | Page::Contacts => None,
    }
}

/// A texts file as JSON values, if its content has the hash in its name.
/// (The prerender has every text and never fetches.)
#[cfg(feature = "ssr")]
async fn fetch_checked(_: &str) -> Result<serde_json::Value, ()> {
    Err(())
}

/// A texts file as JSON values, if its content has the hash in its name.
#[cfg(not(feature = "ssr"))]
async fn fetch_checked(file_name: &str) -> Result<serde_json::Value, ()> {
    reload_if_moved(fetch_json(file_name, true).await).map_err(drop)
}

/// A headers or texts file the host does not have, after a move within the
/// app, means the site was published again since this page was loaded (a
/// texts file's name changes with its content; a page's headers file goes
/// with the page): the page is loaded again from
/// the host, once, and the reader gets the new release's page or its
/// not-found page instead of a failure that Try again could never mend. On
/// the loaded page nothing is reloaded, so there is never a loop.
fn reload_if_moved<T>(result: Result<T, FileFailure>) -> Result<T, FileFailure> {
    if matches!(result, Err(FileFailure::Gone)) && !on_loaded_page() {
        #[cfg(not(feature = "ssr"))]
        let _ = leptos::prelude::window().location().reload();
    }
    result
}

/// The file `file_name` of the texts folder as JSON values; `hashed`: only
/// if its content has the hash in its name (the browser checks it:
/// [`texts::integrity`]). (One function for the texts and headers files:
/// each copy of a request's steps costs kilobytes.)
#[cfg(not(feature = "ssr"))]
async fn fetch_json(file_name: &str, hashed: bool) -> Result<serde_json::Value, FileFailure> {
    use kasipodaq_core::contacts::{Failure, Validators};
    let url = texts::path(file_name);
    let integrity = if hashed { Some(texts::integrity(file_name).ok_or(FileFailure::Failed)?) } else { None };
    let flight = crate::fetch::InFlight::default();
    let ask = crate::fetch::Ask {
        url: &url,
        cache: web_sys::RequestCache::Default,
        validators: &Validators::default(),
        max_bytes: texts::MAX_BYTES,
        integrity: integrity.as_deref(),
    };
    let answer = crate::fetch::with_retries(&ask, &flight).await.map_err(|failure| match failure {
        Failure::Status(404 | 410) => FileFailure::Gone,
        _ => FileFailure::Failed,
    })?;
    let crate::fetch::Answer::Body { text, .. } = answer else { return Err(FileFailure::Failed) };
    // A host that answers every unknown path with a page (as hosts of
    // single-page apps do) has no such file either.
    if text.trim_start().starts_with('<') {
        return Err(FileFailure::Gone);
    }
    crate::json::parse(&text).map_err(|_| FileFailure::Failed)
}
