use kasipodaq_core::{
    archive::{query_value, ArchiveFilter},
    files::headers::{Headers, Key},
    urls::{ArchiveView, Page},
};
use leptos::prelude::*;

use crate::address::{use_address, Scroll};
use crate::i18n::msg;
use crate::{
    components::{
        archive_nav::{archive_browse, archive_pages},
        page_meta::PageMeta,
        search_results::SearchResults,
        statement_info::StatementCard,
        texts_file::{fetch_headers, fetched_view},
    },
    i18n::{format_in, message, page_href, text, tr, use_i18n},
};

/// `/{lang}/statements/…`: the archive, newest first, fifty statements a
/// page. Its year, kind and page are the path (`/en/statements/2019/kind/letter/page/2/`),
/// each a prerendered page that works as a plain link; the words searched
/// are the query (`?q=`). With the app, changing any of them moves to the
/// new address without a reload, and the list follows as the reader types.
#[component]
pub fn StatementsPage() -> impl IntoView {
    let i18n = use_i18n();
    let address = use_address();
    let view = Memo::new(move |_| {
        address.pathname.with(|path| match Page::parse(path) {
            Some((_, Page::Statements(view))) => view,
            _ => ArchiveView::ALL,
        })
    });
    // `?year=` and `?kind=` are the archive's older links: still read, and
    // they win over the path they were added to.
    let filter = Memo::new(move |_| {
        let view = view.get();
        address.search.with(|q| {
            let value = |name| query_value(q, name);
            let old =
                ArchiveFilter::from_query(value("year").as_deref(), value("kind").as_deref(), value("q").as_deref());
            ArchiveFilter { year: old.year.or(view.year), kind: old.kind.or(view.kind), query: old.query }
        })
    });
    // A new year, kind or search starts at the first page; typing replaces
    // the history entry, so it is not a trail of pages.
    let apply = move |change: &dyn Fn(&mut ArchiveFilter)| {
        let mut next = filter.get_untracked();
        change(&mut next);
        let url = format!("{}{}", Page::Statements(next.view()).path(i18n.lang.get_untracked()), next.words_query());
        address.replace(&url, Scroll::Stay);
    };
    // Without words, the view's page of statements (its headers file);
    // with words, what the search finds within the view
    // (components::search_results). The headers file also gives the years
    // and kinds to link to, so a search keeps the first page's.
    let searching = Memo::new(move |_| filter.with(|f| !f.query.trim().is_empty()));
    let key = Memo::new(move |_| {
        let page = if searching.get() { 1 } else { view.with(|v| v.page) };
        Key::Archive(filter.with(ArchiveFilter::view).on_page(page))
    });
    let (headers, retry) = fetch_headers(key.into());
    // The last file read: the year and kind links stay while the next comes.
    let read = move |fetched: &Option<Result<Option<&'static Headers>, ()>>| (*fetched).and_then(Result::ok).flatten();
    let shown = RwSignal::new(headers.with_untracked(read));
    Effect::new(move |_| {
        if let Some(here) = headers.with(read) {
            shown.set(Some(here));
        }
    });
    let count = Memo::new(move |_| match shown.get() {
        Some(Headers::Archive { count, .. }) => *count,
        _ => 0,
    });

    // Each view has a title of its own ("Statements, 2019, Letter, page 2"),
    // so no two archive pages share one.
    let title = text(move |lang| {
        let view = view.get();
        let mut parts = vec![message(lang, msg::PAGE_STATEMENTS_TITLE)];
        parts.extend(view.year.map(|year| year.to_string()));
        parts.extend(view.kind.map(|kind| message(lang, crate::i18n::family::kind(kind))));
        if view.page > 1 {
            parts.push(format_in(lang, msg::ARCHIVE_PAGE, &[("page", (view.page as usize).into())]));
        }
        parts.join(", ")
    });
    let description = tr(msg::PAGE_STATEMENTS_DESCRIPTION);

    let on_search = move |ev: leptos::ev::Event| {
        let words = event_target_value(&ev);
        apply(&|f| f.query = words.clone());
    };
    // The search's code and index come only when a reader is about to use it.
    let on_focus = move |_| {
        #[cfg(not(feature = "ssr"))]
        crate::components::search_results::preload(i18n.lang.get_untracked());
    };
    // Without the app the form goes to the same view with `?q=`; with it
    // the list already follows the words, so a submit only keeps the page.
    // Read once: once the app runs, a submit never leaves the page, so
    // only the prerendered page's address matters (and it is this one).
    let action = Page::Statements(view.get_untracked().on_page(1)).path(i18n.lang.get_untracked());

    view! {
        <PageMeta title=title description=description/>
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{description}</p>
        <form class="archive-filters" role="search" method="get" action=action on:submit=|ev| ev.prevent_default()>
            <div class="field field--wide">
                <label for="archive-q">{tr(msg::ARCHIVE_SEARCH_LABEL)}</label>
                <div class="field__row">
                    <input
                        id="archive-q"
                        name="q"
                        type="search"
                        autocomplete="off"
                        maxlength="200"
                        aria-describedby="archive-q-hint"
                        prop:value=move || filter.with(|f| f.query.clone())
                        on:input=on_search
                        on:focus=on_focus
                    />
                    <button type="submit" class="button">{tr(msg::ARCHIVE_SEARCH_SUBMIT)}</button>
                </div>
                <p class="field__hint" id="archive-q-hint">{tr(msg::ARCHIVE_SEARCH_HINT)}</p>
            </div>
        </form>
        {archive_browse(filter, shown)}
        {move || if searching.get() {
            view! { <SearchResults filter=filter/> }.into_any()
        } else {
            view! {
                <p class="archive-count" role="status">
                    {move || i18n.t_with(msg::ARCHIVE_COUNT, &[("count", count.get().into())])}
                    {move || (!filter.with(ArchiveFilter::is_empty)).then(|| view! {
                        " "
                        <a href=page_href(Page::Statements(ArchiveView::ALL))>{tr(msg::ARCHIVE_CLEAR)}</a>
                    })}
                </p>
                <ol class="statement-list">
                    // Fifty cards at most: rebuilding them is cheaper, in
                    // bytes shipped, than keyed diffing.
                    {fetched_view(headers, retry, (msg::PAGE_LOADING, msg::PAGE_FAILED), |headers| match *headers {
                        Some(Headers::Archive { statements, .. }) => statements
                            .iter()
                            .map(|statement| view! { <StatementCard statement=statement/> })
                            .collect_view()
                            .into_any(),
                        _ => ().into_any(),
                    })}
                </ol>
                {archive_pages(view, filter, count)}
            }.into_any()
        }}
    }
}
