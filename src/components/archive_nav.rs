//! The archive's own links: its pages, and its years and kinds. They are
//! plain links to prerendered pages, so the archive can be read to its
//! oldest statement without the app; with it, the app follows them
//! without a reload.
//!
//! Written as one HTML string: the same lists as Leptos views cost more
//! WebAssembly (docs/performance.md, "Decisions in the code, measured"). The
//! string holds only our own translations, numbers and paths, each escaped.
//! What comes from the view's headers file, fetched at run time, is typed
//! before it gets here: the count and the years as numbers, the kinds as
//! [`Kind`]s (a file with anything else is refused,
//! `kasipodaq_core::files::headers::read`).

use kasipodaq_core::{
    archive::{page_numbers, ArchiveFilter},
    content::Kind,
    files::headers::Headers,
    html::escape,
    urls::{ArchiveView, Page},
    Lang,
};
use leptos::prelude::*;

use crate::i18n::msg;
use crate::i18n::{format_in, message, use_i18n};

/// A link, marked as the current page when it is.
fn link(html: &mut String, href: &str, text: &str, current: bool, extra: &str) {
    let current = if current { " aria-current=\"page\"" } else { "" };
    html.push_str(&format!("<li><a href=\"{}\"{current}{extra}>{}</a></li>", escape(href), escape(text)));
}

/// Previous, numbered and next links of a view with `count` statements
/// (nothing when it fits on one page).
fn pages_html(lang: Lang, filter: &ArchiveFilter, page: u32, count: usize) -> String {
    let mut html = String::new();
    let (base, last) = (filter.view(), ArchiveView::page_count(count));
    let words = filter.words_query();
    if last > 1 {
        let href = |n: u32| format!("{}{words}", Page::Statements(base.on_page(n)).path(lang));
        html +=
            &format!("<nav class=\"archive-pages\" aria-label=\"{}\"><ul>", escape(&message(lang, msg::ARCHIVE_PAGES)));
        if page > 1 {
            link(&mut html, &href(page - 1), &message(lang, msg::ARCHIVE_PAGE_PREVIOUS), false, " rel=\"prev\"");
        }
        for n in page_numbers(page, last) {
            match n {
                Some(n) => {
                    let label = format_in(lang, msg::ARCHIVE_PAGE_LABEL, &[("page", (n as usize).into())]);
                    link(
                        &mut html,
                        &href(n),
                        &n.to_string(),
                        n == page,
                        &format!(" aria-label=\"{}\"", escape(&label)),
                    );
                }
                None => html.push_str("<li aria-hidden=\"true\">…</li>"),
            }
        }
        if page < last {
            link(&mut html, &href(page + 1), &message(lang, msg::ARCHIVE_PAGE_NEXT), false, " rel=\"next\"");
        }
        html.push_str("</ul></nav>");
    }
    html
}

/// `years` and `kinds`: every year and every kind that has statements,
/// within the kind or year already chosen so the two combine (the view's
/// headers file lists them), each list led by the link that drops its
/// choice.
fn browse_html(lang: Lang, filter: &ArchiveFilter, years: &[i32], kinds: &[Kind]) -> String {
    let mut html = format!(
        "<nav class=\"archive-browse\" aria-label=\"{}\"><p class=\"archive-browse__label\">{}</p><ul class=\"archive-browse__list\">",
        escape(&message(lang, msg::ARCHIVE_BROWSE)),
        escape(&message(lang, msg::ARCHIVE_FILTER_YEAR))
    );
    let any_year = ArchiveView { year: None, kind: filter.kind, page: 1 };
    link(
        &mut html,
        &Page::Statements(any_year).path(lang),
        &message(lang, msg::ARCHIVE_ALL_YEARS),
        filter.year.is_none(),
        "",
    );
    for &year in years {
        let view = ArchiveView { year: Some(year), kind: filter.kind, page: 1 };
        link(&mut html, &Page::Statements(view).path(lang), &year.to_string(), filter.year == Some(year), "");
    }
    html += &format!(
        "</ul><p class=\"archive-browse__label\">{}</p><ul class=\"archive-browse__list\">",
        escape(&message(lang, msg::ARCHIVE_FILTER_KIND))
    );
    let any_kind = ArchiveView { year: filter.year, kind: None, page: 1 };
    link(
        &mut html,
        &Page::Statements(any_kind).path(lang),
        &message(lang, msg::ARCHIVE_ALL_KINDS),
        filter.kind.is_none(),
        "",
    );
    for &kind in kinds {
        let view = ArchiveView { year: filter.year, kind: Some(kind), page: 1 };
        let label = message(lang, crate::i18n::family::kind(kind));
        link(&mut html, &Page::Statements(view).path(lang), &label, filter.kind == Some(kind), "");
    }
    html.push_str("</ul></nav>");
    html
}

/// The archive's year and kind links, as the view's headers file (the last
/// one read) gives them.
pub fn archive_browse(filter: Memo<ArchiveFilter>, shown: RwSignal<Option<&'static Headers>>) -> impl IntoView {
    let i18n = use_i18n();
    let html = move || match shown.get() {
        Some(Headers::Archive { years, kinds, .. }) => filter.with(|f| browse_html(i18n.lang.get(), f, years, kinds)),
        _ => String::new(),
    };
    view! { <div class="archive-browse-links" inner_html=html></div> }
}

/// The archive's page links for the view shown.
pub fn archive_pages(view: Memo<ArchiveView>, filter: Memo<ArchiveFilter>, count: Memo<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let html = move || filter.with(|f| pages_html(i18n.lang.get(), f, view.get().page, count.get()));
    view! { <div class="archive-pages-links" inner_html=html></div> }
}
