//! A page's texts file (`crate::content`) as the reader meets it: the texts
//! at once when already fetched (always after the app took a prerendered
//! page over), otherwise a status while they come and, when they cannot
//! come, a translated message with a button that tries again. The rest of
//! the page (its header, its links) is on screen all along. A page's
//! headers file (the statements it lists or shows) comes the same way.

use std::future::Future;

use kasipodaq_core::content::headers::{Headers, Key};
use leptos::prelude::*;

use crate::{
    content::{headers, load_headers, HeadersFailure},
    i18n::tr,
};

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
/// A file the host does not have, after a move within the app, means the
/// site was published again since this page was loaded, or the page does
/// not exist: the page is loaded again from the host, which answers with
/// the new release's page or its not-found page, so nothing is lost. On the
/// page the browser loaded, it means the page does not exist.
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
        let number = latest.get_value();
        #[cfg(not(feature = "ssr"))]
        leptos::task::spawn_local(async move {
            let result = load_headers(&key).await;
            if latest.try_get_value() != Some(number) {
                return;
            }
            if result == Err(HeadersFailure::Gone) {
                if crate::content::on_loaded_page() {
                    state.try_set(Some(Ok(None)));
                } else {
                    let _ = window().location().reload();
                }
                return;
            }
            let arrived = result.is_ok();
            state.try_set(Some(result.map(Some).map_err(drop)));
            if arrived {
                request_animation_frame(|| crate::app::focus_heading(true));
            }
        });
        #[cfg(feature = "ssr")]
        let _ = (number, load_headers, HeadersFailure::Gone);
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
    fetched_view(state, retry, ("texts-loading", "texts-failed"), show)
}

/// `show` of a file once it is here; before, the status and the failure
/// with these messages.
pub fn fetched_view<T: Send + Sync + 'static>(
    state: Fetched<T>,
    retry: impl Fn() + Copy + Send + Sync + 'static,
    (loading, failed): (&'static str, &'static str),
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
fn status(retry: Option<Callback<()>>, message: &'static str) -> AnyView {
    match retry {
        Some(retry) => view! {
            <div class="texts-failed" role="alert">
                <p>{tr(message)}</p>
                <button type="button" class="button" on:click=move |_| retry.run(())>{tr("texts-retry")}</button>
            </div>
        }
        .into_any(),
        None => view! { <p class="texts-loading" role="status">{tr(message)}</p> }.into_any(),
    }
}
