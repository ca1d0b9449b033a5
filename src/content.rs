//! The statements and the Platform and Union Day pages, compiled in by
//! `build.rs` from `content/`. The app carries every statement's header
//! (what the archive, the home page and a statement's header show); each
//! statement's paragraphs, in all three languages, are fetched from its texts
//! file when it is shown (`kasipodaq_core::content::texts`), so a reader of
//! one statement does not download all of them, and a language switch needs
//! no request. The prerender (`ssr`) has every paragraph compiled in.

use std::{
    cell::RefCell,
    sync::Arc,
};

use kasipodaq_core::{
    archive::{self, ArchiveFilter, SearchIndex},
    content::{texts::Paragraphs, PointsPage, Statement},
    Lang,
};

#[cfg(feature = "ssr")]
pub static STATEMENTS: &[Statement] = include!(concat!(env!("OUT_DIR"), "/statements.rs"));
#[cfg(not(feature = "ssr"))]
pub static STATEMENTS: &[Statement] = include!(concat!(env!("OUT_DIR"), "/statement_headers.rs"));
pub static PLATFORM: PointsPage = include!(concat!(env!("OUT_DIR"), "/platform.rs"));
pub static UNION_DAY: PointsPage = include!(concat!(env!("OUT_DIR"), "/union_day.rs"));
/// The name of the archive's search file (the words of every statement).
pub const SEARCH_FILE: &str = include!(concat!(env!("OUT_DIR"), "/search_file.rs"));

thread_local! {
    // Built on the first search, not at start-up, from the headers; rebuilt
    // once the search file has arrived (then `true`).
    static SEARCH_INDEX: RefCell<Option<(SearchIndex, bool)>> = const { RefCell::new(None) };
    // The texts fetched in this visit, by slug.
    static TEXTS: RefCell<Vec<(&'static str, Arc<Paragraphs>)>> = const { RefCell::new(Vec::new()) };
}

/// The statement with this slug and its place in the archive (newest first).
pub fn find(slug: &str) -> Option<(usize, &'static Statement)> {
    STATEMENTS.iter().enumerate().find(|(_, s)| s.slug == slug)
}

/// The statement a path shows, if it is a statement's page.
pub fn statement_at(path: &str) -> Option<&'static Statement> {
    match kasipodaq_core::urls::Page::parse(path)? {
        (_, kasipodaq_core::urls::Page::Statement(slug)) => find(&slug).map(|(_, s)| s),
        _ => None,
    }
}

/// The archive's statements for a filter, newest first.
pub fn filtered(filter: &ArchiveFilter) -> Vec<&'static Statement> {
    SEARCH_INDEX.with(|cell| {
        let mut index = cell.borrow_mut();
        let (index, _) = index.get_or_insert_with(|| (SearchIndex::new(STATEMENTS), false));
        archive::filter(STATEMENTS, index, filter).into_iter().map(|i| &STATEMENTS[i]).collect()
    })
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
#[cfg(not(feature = "ssr"))]
pub async fn load_paragraphs(statement: &'static Statement) -> Result<Arc<Paragraphs>, ()> {
    use kasipodaq_core::content::texts;
    if let Some(done) = paragraphs(statement) {
        return Ok(done);
    }
    let body = fetch_checked(&statement.text_file).await?;
    let read = texts::read(&body, &statement.slug).map_err(|_| ())?;
    let read = Arc::new(read);
    TEXTS.with(|all| all.borrow_mut().push((&*statement.slug, read.clone())));
    Ok(read)
}

/// Fetches the search file once per visit and rebuilds the search index
/// with every word of every statement; `Ok` once it is in use.
#[cfg(not(feature = "ssr"))]
pub async fn load_search_words() -> Result<(), ()> {
    use kasipodaq_core::content::texts;
    if search_words_loaded() {
        return Ok(());
    }
    let body = fetch_checked(SEARCH_FILE).await?;
    let words = texts::read_search(&body).map_err(|_| ())?;
    SEARCH_INDEX.with(|cell| *cell.borrow_mut() = Some((SearchIndex::with_words(STATEMENTS, &words), true)));
    Ok(())
}

/// Whether the archive searches every word of the texts (not only the
/// headers the app carries).
pub fn search_words_loaded() -> bool {
    cfg!(feature = "ssr") || SEARCH_INDEX.with(|cell| cell.borrow().as_ref().is_some_and(|(_, full)| *full))
}

/// A texts file as JSON values, if its content has the hash in its name.
#[cfg(not(feature = "ssr"))]
async fn fetch_checked(file_name: &str) -> Result<serde_json::Value, ()> {
    use kasipodaq_core::{contacts::Validators, content::texts};
    let url = texts::path(file_name);
    let flight = crate::fetch::InFlight::default();
    let answer = crate::fetch::with_retries(&url, &Validators::default(), web_sys::RequestCache::Default, &flight)
        .await
        .map_err(|_| ())?;
    let crate::fetch::Answer::Body { text, .. } = answer else { return Err(()) };
    texts::check(file_name, &text).map_err(|_| ())?;
    crate::json::parse(&text).map_err(|_| ())
}
