//! A page's texts file (`crate::content`) as the reader meets it: the texts
//! at once when already fetched (always after the app took a prerendered
//! page over), otherwise a status while they come and, when they cannot
//! come, a translated message with a button that tries again. The rest of
//! the page (its header, its links) is on screen all along. A page's
//! headers file (the statements it lists or shows) comes the same way.

use std::future::Future;

use kasipodaq_core::files::headers::{Headers, Key};
use leptos::prelude::*;

#[cfg(not(feature = "ssr"))]
use crate::content::{load_headers, on_loaded_page, FileFailure};
use crate::i18n::{msg, MessageId};
use crate::{content::headers, i18n::tr};

/// What has come of a texts file: nothing yet, its texts, or a failure.
pub type Fetched<T> = RwSignal<Option<Result<T, ()>>>;

/// The state of the texts `here` already, or else fetched now with `load`;
/// and the function that fetches them again.
pub fn fetch_texts<T, Fut>(
    here: Option<T>,
    load: impl Fn() -> Fut + Copy + Send + Sync + 'static,
) -> (Fetched<T>, impl Fn() + Copy + Send + Sync + 'static)
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, ()>> + 'static,
{
    let state = RwSignal::new(here.map(Ok));
    let fetch = move || {
        #[cfg(not(feature = "ssr"))]
        leptos::task::spawn_local(async move {
            let result = load().await;
            // The reader may have left the page meanwhile.
            state.try_set(Some(result));
        });
        #[cfg(feature = "ssr")]
        let _ = load;
    };
    if state.with_untracked(Option::is_none) {
        fetch();
    }
    let retry = move || {
        state.set(None);
        fetch();
    };
    (state, retry)
}

/// The headers file of `key` (which may change: the archive's view) as
/// [`fetch_texts`] gives a texts file; `None` when the page does not exist.
///
/// A file the host does not have means, on the page the browser loaded,
/// that the page does not exist; after a move, the page is being loaded
/// again from the host (`crate::content::load_headers`).
pub fn fetch_headers(
    key: Signal<Key>,
) -> (Fetched<Option<&'static Headers>>, impl Fn() + Copy + Send + Sync + 'static) {
    let state: Fetched<Option<&'static Headers>> =
        RwSignal::new(key.with_untracked(headers).map(|here| Ok(Some(here))));
    // Each request has a number: an answer for a view the reader has left is dropped.
    let latest = StoredValue::new(0_u32);
    let fetch = move || {
        let key = key.get_untracked();
        if let Some(here) = headers(&key) {
            state.set(Some(Ok(Some(here))));
            return;
        }
        state.set(None);
        latest.update_value(|n| *n += 1);
        #[cfg(not(feature = "ssr"))]
        let number = latest.get_value();
        #[cfg(not(feature = "ssr"))]
        leptos::task::spawn_local(async move {
            let result = load_headers(&key).await;
            if latest.try_get_value() != Some(number) {
                return;
            }
            match result {
                Err(FileFailure::Gone) if !on_loaded_page() => {}
                Err(FileFailure::Gone) => drop(state.try_set(Some(Ok(None)))),
                Err(FileFailure::Failed) => drop(state.try_set(Some(Err(())))),
                Ok(here) => {
                    state.try_set(Some(Ok(Some(here))));
                    request_animation_frame(|| crate::app::focus_heading(true));
                }
            }
        });
    };
    // Again whenever the key changes (not on the first run: its state is set above).
    Effect::new(move |first: Option<()>| {
        key.track();
        if first.is_some() || state.with_untracked(Option::is_none) {
            fetch();
        }
    });
    (state, fetch)
}

/// `show` of the texts once they are here; the status or the failure
/// before.
pub fn texts_view<T: Send + Sync + 'static>(
    state: Fetched<T>,
    retry: impl Fn() + Copy + Send + Sync + 'static,
    show: impl Fn(&T) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    fetched_view(state, retry, (msg::TEXTS_LOADING, msg::TEXTS_FAILED), show)
}

/// `show` of a file once it is here; before, the status and the failure
/// with these messages.
pub fn fetched_view<T: Send + Sync + 'static>(
    state: Fetched<T>,
    retry: impl Fn() + Copy + Send + Sync + 'static,
    (loading, failed): (MessageId, MessageId),
    show: impl Fn(&T) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let retry = Callback::new(move |()| retry());
    move || {
        state.with(|fetched| match fetched {
            Some(Ok(texts)) => show(texts),
            Some(Err(())) => status(Some(retry), failed),
            None => status(None, loading),
        })
    }
}

/// A file's status while it is not here: coming, or failed with a button
/// that tries again. Not generic, so built once for every kind of file.
fn status(retry: Option<Callback<()>>, message: MessageId) -> AnyView {
    match retry {
        Some(retry) => view! {
            <div class="texts-failed" role="alert">
                <p>{tr(message)}</p>
                <button type="button" class="button" on:click=move |_| retry.run(())>{tr(msg::TEXTS_RETRY)}</button>
            </div>
        }
        .into_any(),
        None => view! { <p class="texts-loading" role="status">{tr(message)}</p> }.into_any(),
    }
}
