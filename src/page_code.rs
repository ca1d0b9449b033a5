//! The code of the pages that need most of it (the archive, a statement,
//! contacts): in the release, each is a WebAssembly file of its own
//! (`tools/split.mjs`), so a page downloads and compiles only its own code
//! and what every page shares (docs/performance.md, "Size").
//!
//! The app waits for a page's file before it shows that page: the takeover
//! before it builds the page (`crate::start`), a move before the address
//! changes (`crate::address`). The view is then built at once, as without
//! the split, and the page never shows half built.

use kasipodaq_core::urls::Page;
use leptos::prelude::*;
use std::future::Future;

use crate::routes::{contacts::ContactsPage, statement::StatementPage, statements::StatementsPage};

/// The page's file could not be had: the host is unreachable, or the site
/// was published again and the file replaced (`src/split-fetch.js`).
#[derive(Debug)]
pub struct Unavailable;

/// Loads the code of the page at `path` (percent-encoded, as `location`
/// gives it). Ready when first polled if it is loaded already, or part of
/// every page's.
#[cfg_attr(not(kasipodaq_split), allow(unused_variables))]
pub fn load(path: &str) -> impl Future<Output = Result<(), Unavailable>> + 'static {
    #[cfg(kasipodaq_split)]
    let page = Page::parse(path).map(|(_, page)| page);
    async move {
        #[cfg(kasipodaq_split)]
        {
            let loaded = match page {
                Some(Page::Statements(_)) => split::load_archive().await,
                Some(Page::Statement(_)) => split::load_statement().await,
                Some(Page::Contacts) => split::load_contacts().await,
                _ => Ok(()),
            };
            return loaded.map_err(|_| Unavailable);
        }
        #[allow(unreachable_code)]
        Ok(())
    }
}

/// Calls `then` once the code of the page at `path` is loaded, or cannot
/// be: at once when it is here already.
#[cfg(not(feature = "ssr"))]
pub fn when_loaded(path: &str, then: impl FnOnce(Result<(), Unavailable>) + 'static) {
    let mut loading = Box::pin(load(path));
    match now(loading.as_mut()) {
        Some(loaded) => then(loaded),
        None => leptos::task::spawn_local(async move { then(loading.await) }),
    }
}

/// The future's output if it is ready when first polled.
#[cfg(not(feature = "ssr"))]
fn now<T>(future: std::pin::Pin<&mut impl Future<Output = T>>) -> Option<T> {
    use std::task::{Context, Poll, Waker};
    match future.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

/// The page's view, for a page whose code is in its own file.
pub fn view(page: Page) -> AnyView {
    #[cfg(kasipodaq_split)]
    return match page {
        Page::Statements(_) => at_once(split::archive()),
        Page::Statement(slug) => at_once(split::statement(slug)),
        Page::Contacts => at_once(split::contacts()),
        _ => ().into_any(),
    };
    #[allow(unreachable_code)]
    match page {
        Page::Statements(_) => view! { <StatementsPage/> }.into_any(),
        Page::Statement(slug) => view! { <StatementPage slug=slug/> }.into_any(),
        Page::Contacts => view! { <ContactsPage/> }.into_any(),
        _ => ().into_any(),
    }
}

/// The view, built now when the page's file is here: the takeover and every
/// move awaited [`load`], so the future is ready when first polled. Should
/// it not be, the view comes once the file is here, and a file that cannot
/// be had loads the page from the host, which shows it without the app.
#[cfg(kasipodaq_split)]
fn at_once(future: impl Future<Output = Result<AnyView, leptos::wasm_split::SplitLoaderError>> + 'static) -> AnyView {
    let mut future = Box::pin(future);
    match now(future.as_mut()) {
        Some(Ok(view)) => view,
        Some(Err(_)) => {
            let _ = window().location().reload();
            ().into_any()
        }
        None => {
            let loaded = RwSignal::new_local(None::<AnyView>);
            leptos::task::spawn_local(ScopedFuture::new_untracked(async move {
                match future.await {
                    Ok(view) => loaded.set(Some(view)),
                    Err(_) => {
                        let _ = window().location().reload();
                    }
                }
            }));
            // Taken out of its signal once: a view is not a value to clone.
            (move || {
                loaded.track();
                loaded.try_write_untracked().and_then(|mut view| view.take())
            })
            .into_any()
        }
    }
}

/// The split points: wasm-split (`tools/split.mjs`) moves each function and
/// all that only it calls into the file of its name.
#[cfg(kasipodaq_split)]
mod split {
    use super::*;
    use leptos::wasm_split::SplitLoaderError;

    #[leptos::wasm_split::wasm_split(archive, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_archive))]
    pub fn archive() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <StatementsPage/> }.into_any())
    }

    #[leptos::wasm_split::wasm_split(statement, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_statement))]
    pub fn statement(slug: String) -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <StatementPage slug=slug/> }.into_any())
    }

    #[leptos::wasm_split::wasm_split(contacts, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_contacts))]
    pub fn contacts() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <ContactsPage/> }.into_any())
    }
}
