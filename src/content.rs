//! The statements and the long texts of other pages, compiled in by
//! `build.rs` from `content/` and `locales/`. The app carries every
//! statement's header (what the archive, the home page and a statement's
//! header show). The long texts, in all three languages, are fetched from
//! a texts file when their page is shown (`kasipodaq_core::content::texts`):
//! each statement's paragraphs, the Platform and Union Day pages, and the
//! accessibility statement. A reader of one page does not download all of
//! them, and a language switch needs no request. The prerender (`ssr`) has
//! every text compiled in.

use std::{cell::RefCell, sync::Arc};

use kasipodaq_core::{
    archive::ArchiveFilter,
    content::{
        texts::{self, Paragraphs},
        PointsPage, Statement,
    },
    urls::Page,
    Lang,
};

#[cfg(feature = "ssr")]
pub static STATEMENTS: &[Statement] = include!(concat!(env!("OUT_DIR"), "/statements.rs"));
#[cfg(not(feature = "ssr"))]
pub static STATEMENTS: &[Statement] = include!(concat!(env!("OUT_DIR"), "/statement_headers.rs"));
// The names of the texts files: PLATFORM_FILE, UNION_DAY_FILE,
// ACCESSIBILITY_FILE.
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
}

/// The statement with this slug and its place in the archive (newest first).
pub fn find(slug: &str) -> Option<(usize, &'static Statement)> {
    STATEMENTS.iter().enumerate().find(|(_, s)| s.slug == slug)
}

/// The archive's statements in a year and of a kind, newest first (the
/// words of a filter are for the search, `crate::search`).
pub fn filtered(filter: &ArchiveFilter) -> Vec<&'static Statement> {
    STATEMENTS
        .iter()
        .filter(|s| filter.year.is_none_or(|year| s.year() == Some(year)))
        .filter(|s| filter.kind.is_none_or(|kind| s.kind == kind))
        .collect()
}

/// The paragraphs of `statement` in `lang`, if they are here: in the
/// prerender always; in the app once fetched.
pub fn paragraphs(statement: &'static Statement) -> Option<Arc<Paragraphs>> {
    if cfg!(feature = "ssr") {
        let [kk, ru, en] = [Lang::Kk, Lang::Ru, Lang::En]
            .map(|lang| statement.version(lang).paragraphs.iter().map(|p| p.to_string()).collect());
        return Some(Arc::new([kk, ru, en]));
    }
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
    return kasipodaq_core::content::accessibility::html_in_all(crate::i18n::catalog()).ok().map(Arc::new);
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

/// Fetches the texts `page` shows, if it has a texts file: the app does so
/// before it takes a prerendered page over.
pub async fn load_texts_of(page: &Page) -> Result<(), ()> {
    match page {
        Page::Statement(slug) => match find(slug) {
            Some((_, statement)) => load_paragraphs(statement).await.map(drop),
            None => Ok(()),
        },
        Page::Platform => load_points(&PLATFORM).await.map(drop),
        Page::UnionDay => load_points(&UNION_DAY).await.map(drop),
        Page::Accessibility => load_accessibility_html().await.map(drop),
        Page::Home | Page::Statements(_) | Page::Contacts => Ok(()),
    }
}

/// The texts file `page` shows, if it has one: the prerendered page
/// preloads it.
pub fn texts_file_of(page: &Page) -> Option<&'static str> {
    match page {
        Page::Statement(slug) => find(slug).map(|(_, statement)| &*statement.text_file),
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
    use kasipodaq_core::contacts::Validators;
    let url = texts::path(file_name);
    let flight = crate::fetch::InFlight::default();
    let answer = crate::fetch::with_retries(&url, &Validators::default(), web_sys::RequestCache::Default, &flight)
        .await
        .map_err(|_| ())?;
    let crate::fetch::Answer::Body { text, .. } = answer else { return Err(()) };
    texts::check(file_name, &text).map_err(|_| ())?;
    crate::json::parse(&text).map_err(|_| ())
}
