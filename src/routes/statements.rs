use kasipodaq_core::{
    archive::{years, ArchiveFilter},
    content::Kind,
    urls::Page,
};
use leptos::prelude::*;
use leptos_router::{
    hooks::{use_navigate, use_query_map},
    NavigateOptions,
};

use crate::{
    components::{
        page_header::PageHeader,
        statement_info::{kind_label, StatementCard},
    },
    content::{filtered, search_words_loaded, STATEMENTS},
    i18n::{page_href, tr, use_i18n},
};

/// `/{lang}/statements/`: every statement, newest first, filtered by year,
/// kind and words as the reader types. The filter lives in the URL query, so
/// a filtered list can be linked and survives a language switch.
#[component]
pub fn StatementsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| ArchiveFilter::from_query(q.get_str("year"), q.get_str("kind"), q.get_str("q")))
    });
    let navigate = use_navigate();
    // Each change replaces the history entry: typing is not a trail of pages.
    let apply = move |change: &dyn Fn(&mut ArchiveFilter)| {
        let mut next = filter.get_untracked();
        change(&mut next);
        let url = format!("{}{}", Page::Statements.path(i18n.lang.get_untracked()), next.to_query_string());
        navigate(&url, NavigateOptions { replace: true, scroll: false, ..Default::default() });
    };
    // The app carries the statements' headers; the words of their texts come
    // in a file fetched when the archive opens (kept for the visit). Until
    // then, and if it cannot come, the search covers the headers, and says so
    // when a search is typed.
    let words = RwSignal::new(if search_words_loaded() { Some(true) } else { None });
    #[cfg(not(feature = "ssr"))]
    if words.get_untracked().is_none() {
        leptos::task::spawn_local(async move {
            let loaded = crate::content::load_search_words().await.is_ok();
            words.try_set(Some(loaded));
        });
    }
    let results = Memo::new(move |_| {
        words.track();
        filter.with(filtered)
    });
    let partial = move || {
        (words.get() == Some(false) && filter.with(|f| !f.query.trim().is_empty()))
            .then(|| view! { <p class="archive-partial">{tr("archive-search-partial")}</p> })
    };

    let year_options = years(STATEMENTS)
        .into_iter()
        .map(|year| {
            view! { <option value=year.to_string() selected=move || filter.with(|f| f.year == Some(year))>{year}</option> }
        })
        .collect_view();
    let kind_options = Kind::ALL
        .into_iter()
        .filter(|kind| STATEMENTS.iter().any(|s| s.kind == *kind))
        .map(|kind| {
            view! { <option value=kind.code() selected=move || filter.with(|f| f.kind == Some(kind))>{kind_label(kind)}</option> }
        })
        .collect_view();

    let on_search = {
        let apply = apply.clone();
        move |ev: leptos::ev::Event| {
            let words = event_target_value(&ev);
            apply(&|f| f.query = words.clone());
        }
    };
    let on_year = {
        let apply = apply.clone();
        move |ev: leptos::ev::Event| {
            let year = event_target_value(&ev).parse().ok();
            apply(&|f| f.year = year);
        }
    };
    let on_kind = {
        let apply = apply.clone();
        move |ev: leptos::ev::Event| {
            let kind = Kind::from_code(&event_target_value(&ev));
            apply(&|f| f.kind = kind);
        }
    };

    view! {
        <PageHeader page=Page::Statements/>
        <form class="archive-filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field field--wide">
                <label for="archive-q">{tr("archive-search-label")}</label>
                <input
                    id="archive-q"
                    type="search"
                    autocomplete="off"
                    maxlength="200"
                    aria-describedby="archive-q-hint"
                    prop:value=move || filter.with(|f| f.query.clone())
                    on:input=on_search
                />
                <p class="field__hint" id="archive-q-hint">{tr("archive-search-hint")}</p>
            </div>
            <div class="field">
                <label for="archive-year">{tr("archive-filter-year")}</label>
                <select id="archive-year" on:change=on_year>
                    <option value="" selected=move || filter.with(|f| f.year.is_none())>{tr("archive-all-years")}</option>
                    {year_options}
                </select>
            </div>
            <div class="field">
                <label for="archive-kind">{tr("archive-filter-kind")}</label>
                <select id="archive-kind" on:change=on_kind>
                    <option value="" selected=move || filter.with(|f| f.kind.is_none())>{tr("archive-all-kinds")}</option>
                    {kind_options}
                </select>
            </div>
        </form>
        <p class="archive-count" role="status">
            {move || i18n.t_with("archive-count", &[("count", results.with(|r| r.len()).into())])}
            {move || (!filter.with(ArchiveFilter::is_empty)).then(|| view! {
                " "
                <a href=page_href(Page::Statements)>{tr("archive-clear")}</a>
            })}
        </p>
        {partial}
        <ol class="statement-list">
            // A handful of statements: rebuilding the list on each keystroke is
            // cheaper, in bytes shipped, than keyed diffing.
            {move || results.get().into_iter().map(|statement| view! { <StatementCard statement=statement/> }).collect_view()}
        </ol>
    }
}
