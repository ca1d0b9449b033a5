//! The statements and the Platform and Union Day pages, compiled into the app
//! by `build.rs` from `content/`: showing them needs no request.

use std::cell::OnceCell;

use kasipodaq_core::{
    archive::{self, ArchiveFilter, SearchIndex},
    content::{PointsPage, Statement},
};

pub static STATEMENTS: &[Statement] = include!(concat!(env!("OUT_DIR"), "/statements.rs"));
pub static PLATFORM: PointsPage = include!(concat!(env!("OUT_DIR"), "/platform.rs"));
pub static UNION_DAY: PointsPage = include!(concat!(env!("OUT_DIR"), "/union_day.rs"));

thread_local! {
    // Built on the first search, not at start-up.
    static SEARCH_INDEX: OnceCell<SearchIndex> = const { OnceCell::new() };
}

/// The statement with this slug and its place in the archive (newest first).
pub fn find(slug: &str) -> Option<(usize, &'static Statement)> {
    STATEMENTS.iter().enumerate().find(|(_, s)| s.slug == slug)
}

/// The archive's statements for a filter, newest first.
pub fn filtered(filter: &ArchiveFilter) -> Vec<&'static Statement> {
    SEARCH_INDEX.with(|cell| {
        let index = cell.get_or_init(|| SearchIndex::new(STATEMENTS));
        archive::filter(STATEMENTS, index, filter).into_iter().map(|i| &STATEMENTS[i]).collect()
    })
}
