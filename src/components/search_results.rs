//! What the archive's search found: the count, each statement with its
//! date, kind, language when it is not the page's, and the passage with
//! the words found marked, linked to the paragraph that holds them.

// The prerender never searches (a page's address reaches it without its
// query), so most of this is the app's alone.
#![cfg_attr(feature = "ssr", allow(dead_code, unused_imports, unused_variables))]

use kasipodaq_core::archive::ArchiveFilter;
use leptos::prelude::*;

use kasipodaq_core::urls::{ArchiveView, Page};

use crate::i18n::{page_href, tr, use_i18n};

/// The results of the words in `filter`, within its year and kind.
#[component]
pub fn SearchResults(filter: Memo<ArchiveFilter>) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(State::Searching);
    #[cfg(not(feature = "ssr"))]
    {
        use std::{cell::Cell, rc::Rc};
        // Each query has a number: an answer to an older one (typing is
        // faster than the search) is dropped.
        let latest = Rc::new(Cell::new(0_u32));
        Effect::new(move |_| {
            let (query, year, kind) = filter.with(|f| (f.query.trim().to_owned(), f.year, f.kind));
            let lang = i18n.lang.get_untracked();
            let number = latest.get() + 1;
            latest.set(number);
            let latest = latest.clone();
            leptos::task::spawn_local(async move {
                use crate::search::{merge_others, more, search, BATCH, FIRST};
                let current = || latest.get() == number;
                // The page's language first; when it finds nothing (a quote
                // pasted in another language), the two others merged in and
                // the words searched again. The first two results as soon as
                // they are read, then the rest of the first ten.
                let mut found = match search(lang, &query, year, kind, FIRST).await {
                    Ok(found) => found,
                    Err(_) => {
                        if current() {
                            state.try_set(State::Failed);
                        }
                        return;
                    }
                };
                if !current() {
                    return;
                }
                if found.total == 0 && merge_others(lang).await.is_ok() && current() {
                    if let Ok(merged) = search(lang, &query, year, kind, FIRST).await {
                        found = merged;
                    }
                }
                if !current() {
                    return;
                }
                state.try_set(State::Found(found.clone()));
                if found.has_more() && more(&mut found, BATCH - FIRST).await.is_ok() && current() {
                    state.try_set(State::Found(found));
                }
            });
        });
    }
    #[cfg(not(feature = "ssr"))]
    let more = move |_| {
        if let State::Found(mut found) = state.get_untracked() {
            leptos::task::spawn_local(async move {
                if crate::search::more(&mut found, crate::search::BATCH).await.is_ok() {
                    state.try_set(State::Found(found));
                }
            });
        }
    };

    move || match state.get() {
        State::Searching => view! { <p class="archive-count" role="status">{tr("archive-searching")}</p> }.into_any(),
        State::Failed => view! { <p class="archive-partial" role="alert">{tr("archive-search-failed")}</p> }.into_any(),
        #[cfg(feature = "ssr")]
        State::Found(()) => ().into_any(),
        #[cfg(not(feature = "ssr"))]
        State::Found(found) => {
            let lang = i18n.lang.get();
            let hits: String = found.hits.iter().map(|hit| hit_html(hit, lang)).collect();
            view! {
                <p class="archive-count" role="status">
                    {move || i18n.t_with("archive-count", &[("count", found.total.into())])}
                    " "
                    <a href=page_href(Page::Statements(ArchiveView::ALL))>{tr("archive-clear")}</a>
                </p>
                // Our own escaped text and paths (hit_html), never the
                // index's markup: the same lists as Leptos views cost
                // several times more WebAssembly.
                <ol class="statement-list" inner_html=hits></ol>
                {found.has_more().then(|| view! {
                    <p><button type="button" class="button button--secondary" on:click=more>{tr("archive-search-more")}</button></p>
                })}
            }
            .into_any()
        }
    }
}

#[derive(Clone)]
enum State {
    Searching,
    Failed,
    #[cfg(not(feature = "ssr"))]
    Found(crate::search::Found),
    #[cfg(feature = "ssr")]
    Found(()),
}

/// One statement found, as a card like the archive's own, in `lang`: every
/// text escaped, the passage's found words in `<mark>`.
#[cfg(not(feature = "ssr"))]
fn hit_html(hit: &crate::search::Hit, lang: kasipodaq_core::Lang) -> String {
    use kasipodaq_core::site::escape;

    use crate::{browser::format_date, i18n::message};
    let date = match hit.date {
        Some(date) => format!("<time datetime=\"{date}\">{}</time>", escape(&format_date(date, lang))),
        None => format!("<span class=\"undated\">{}</span>", escape(&message(lang, "date-not-stated"))),
    };
    let kind = hit
        .kind
        .map(|kind| {
            format!(
                "<span class=\"statement-card__kind\">{}</span>",
                escape(&message(lang, &format!("kind-{}", kind.code())))
            )
        })
        .unwrap_or_default();
    // A version in another language than the page's says which, and is
    // marked with its language.
    let (found_in, lang_attr) = match hit.lang {
        Some(found) if found != lang => (
            format!(
                "<span class=\"statement-card__lang\">{}</span>",
                escape(&message(lang, &format!("search-found-in-{}", found.code())))
            ),
            format!(" lang=\"{}\"", found.code()),
        ),
        _ => (String::new(), String::new()),
    };
    let excerpt: String = hit
        .excerpt
        .iter()
        .map(|(marked, run)| if *marked { format!("<mark>{}</mark>", escape(run)) } else { escape(run) })
        .collect();
    format!(
        "<li class=\"statement-card\"><p class=\"statement-card__title\"><a href=\"{}\"{lang_attr}>{}</a></p><p class=\"statement-card__meta\">{date}{kind}{found_in}</p><p class=\"statement-card__summary\"{lang_attr}>{excerpt}</p></li>",
        escape(&hit.href),
        escape(&hit.title)
    )
}
