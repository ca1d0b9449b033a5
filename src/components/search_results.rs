//! What the archive's search found: the count, each statement with its
//! date, kind, language when it is not the page's, and the passage with
//! the words found marked, linked to the paragraph that holds them.

// The prerender never searches (a page's address reaches it without its
// query), so most of this is the app's alone.
#![cfg_attr(feature = "ssr", allow(dead_code, unused_imports, unused_variables))]

use kasipodaq_core::archive::ArchiveFilter;
use leptos::prelude::*;

use kasipodaq_core::urls::{ArchiveView, Page};

use crate::i18n::msg;
use crate::i18n::{page_href, tr, use_i18n};
#[cfg(not(feature = "ssr"))]
use crate::search::Older;

/// The results of the words in `filter`, within its year and kind.
///
/// In the release this component's code and the search's (`crate::search`)
/// are a WebAssembly file of their own (`tools/split.mjs`), loaded with the
/// search: no page needs them to show itself, and every reader would
/// download them. Until that file is here, the results say "Searching…".
#[component]
pub fn SearchResults(filter: Memo<ArchiveFilter>) -> impl IntoView {
    #[cfg(not(kasipodaq_split))]
    return results(filter);
    #[cfg(kasipodaq_split)]
    {
        // The loaded view is taken out of its signal once, when it is set:
        // a view is not a value to clone.
        let loaded = RwSignal::new_local(None::<AnyView>);
        // Pagefind's module meanwhile, not after: an address with `?q=`
        // searches without the box's focus.
        crate::search::preload_module();
        // Built under this component's owner (its context: the language), as
        // it would be without the split; read nothing on its behalf.
        leptos::task::spawn_local(ScopedFuture::new_untracked(async move {
            let view = match split::results(filter).await {
                Ok(view) => view,
                Err(_) if published_again() => searching(),
                Err(_) => failed(),
            };
            loaded.try_set(Some(view));
        }));
        move || {
            loaded.track();
            loaded.try_write_untracked().and_then(|mut view| view.take()).unwrap_or_else(searching)
        }
    }
}

/// Starts loading the search when a reader is about to use it (the search
/// box's focus): Pagefind's module, the search's own code in the release,
/// and then the index of the page's language (`crate::search::preload_index`).
#[cfg(not(feature = "ssr"))]
pub fn preload(lang: kasipodaq_core::Lang) {
    crate::search::preload_module();
    #[cfg(not(kasipodaq_split))]
    crate::search::preload_index(lang);
    #[cfg(kasipodaq_split)]
    leptos::task::spawn_local(async move {
        let _ = split::preload_index(lang).await;
    });
}

/// The split points: wasm-split (`tools/split.mjs`) moves these functions
/// and all that only they call into the file `search`. A file that cannot
/// be loaded is an `Err`, shown as the search's failure, never a panic.
#[cfg(kasipodaq_split)]
mod split {
    use super::*;
    use leptos::wasm_split::SplitLoaderError;

    #[leptos::wasm_split::wasm_split(search, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn results(filter: Memo<ArchiveFilter>) -> Result<AnyView, SplitLoaderError> {
        Ok(super::results(filter).into_any())
    }

    #[leptos::wasm_split::wasm_split(search, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn preload_index(lang: kasipodaq_core::Lang) -> Result<(), SplitLoaderError> {
        crate::search::preload_index(lang);
        Ok(())
    }
}

/// When the search's file is gone from the host (its fetch says so, once a
/// tab and file: `src/split-fetch.js`), the site was published again since
/// this page was loaded, and this release's search cannot be had any more:
/// the page is loaded again from the host, whose new release searches the
/// same words (the address keeps them).
#[cfg(kasipodaq_split)]
fn published_again() -> bool {
    let window = window();
    let gone = js_sys::Reflect::get(&window, &"kasipodaqGone".into()).is_ok_and(|gone| gone.is_truthy());
    gone && window.location().reload().is_ok()
}

fn searching() -> AnyView {
    view! { <p class="archive-count" role="status">{tr(msg::ARCHIVE_SEARCHING)}</p> }.into_any()
}

fn failed() -> AnyView {
    view! { <p class="archive-partial" role="alert">{tr(msg::ARCHIVE_SEARCH_FAILED)}</p> }.into_any()
}

fn results(filter: Memo<ArchiveFilter>) -> impl IntoView {
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
                use crate::search::{merge, more, search, BATCH, FIRST};
                let current = || latest.get() == number;
                // The language the words' letters say first (the page's,
                // unless they are Kazakh, or Cyrillic on the English page);
                // when it finds nothing, the others merged in and the words
                // searched again. The first two results as soon as they are
                // read, then the rest of the first five.
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
                if found.total == 0 && merge(lang, "recent").await.is_ok() && current() {
                    if let Ok(merged) = search(lang, &query, year, kind, FIRST).await {
                        found = merged;
                    }
                }
                if !current() {
                    return;
                }
                state.try_set(State::Found(found.clone()));
                if found.has_more() && more(&mut found, BATCH - FIRST).await.is_ok() && current() {
                    state.try_set(State::Found(found.clone()));
                }
                // Then the older statements, which the results say are
                // still being searched (or could not be).
                if found.older != Older::Searching || !current() {
                    return;
                }
                let merged = merge(lang, "older").await;
                found.older = match merged {
                    Ok(false) => Older::Included,
                    Ok(true) => match search(lang, &query, year, kind, BATCH).await {
                        Ok(all) => {
                            found = all;
                            found.older
                        }
                        Err(_) => Older::Failed,
                    },
                    Err(_) => Older::Failed,
                };
                if current() {
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
        State::Searching => searching(),
        State::Failed => failed(),
        #[cfg(feature = "ssr")]
        State::Found(()) => ().into_any(),
        #[cfg(not(feature = "ssr"))]
        State::Found(found) => {
            let lang = i18n.lang.get();
            let more_button = found.has_more();
            let older = found.older;
            let hits = found.hits.into_iter().map(|hit| hit_card(hit, lang)).collect_view();
            view! {
                <p class="archive-count" role="status">
                    {move || i18n.t_with(msg::ARCHIVE_COUNT, &[("count", found.total.into())])}
                    " "
                    <a href=page_href(Page::Statements(ArchiveView::ALL))>{tr(msg::ARCHIVE_CLEAR)}</a>
                    // Results without the older statements say so.
                    {(older != Older::Included).then(|| {
                        let id = if older == Older::Failed { msg::ARCHIVE_SEARCH_OLDER_FAILED } else { msg::ARCHIVE_SEARCH_OLDER };
                        view! { " " <span class="archive-older">{tr(id)}</span> }
                    })}
                </p>
                // Text nodes only: what the index holds never becomes markup.
                <ol class="statement-list">{hits}</ol>
                {more_button.then(|| view! {
                    <p><button type="button" class="button button--secondary" on:click=more>{tr(msg::ARCHIVE_SEARCH_MORE)}</button></p>
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

/// One statement found, as a card like the archive's own, in `lang`, the
/// passage's found words in `<mark>`.
#[cfg(not(feature = "ssr"))]
fn hit_card(hit: crate::search::Hit, lang: kasipodaq_core::Lang) -> impl IntoView {
    use crate::i18n::{format_date, message};
    let date = match hit.date {
        Some(date) => view! { <time datetime=date.to_string()>{format_date(date, lang)}</time> }.into_any(),
        None => view! { <span class="undated">{message(lang, msg::DATE_NOT_STATED)}</span> }.into_any(),
    };
    let kind = hit.kind.map(|kind| message(lang, crate::i18n::family::kind(kind)));
    // A version in another language than the page's says which, and is
    // marked with its language.
    let other = hit.lang.filter(|found| *found != lang);
    let found_in = other.map(|found| message(lang, crate::i18n::family::search_found_in(found)));
    let lang_attr = other.map(|found| found.code());
    let excerpt = hit
        .excerpt
        .into_iter()
        .map(|(marked, run)| if marked { view! { <mark>{run}</mark> }.into_any() } else { run.into_any() })
        .collect_view();
    view! {
        <li class="statement-card">
            <p class="statement-card__title"><a href=hit.href lang=lang_attr>{hit.title}</a></p>
            <p class="statement-card__meta">
                {date}
                {kind.map(|kind| view! { <span class="statement-card__kind">{kind}</span> })}
                {found_in.map(|text| view! { <span class="statement-card__lang">{text}</span> })}
            </p>
            <p class="statement-card__summary" lang=lang_attr>{excerpt}</p>
        </li>
    }
}
