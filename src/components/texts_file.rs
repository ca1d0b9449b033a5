//! A page's texts file (`crate::content`) as the reader meets it: the texts
//! at once when already fetched (always after the app took a prerendered
//! page over), otherwise a status while they come and, when they cannot
//! come, a translated message with a button that tries again. The rest of
//! the page (its header, its links) is on screen all along.

use std::future::Future;

use leptos::prelude::*;

use crate::i18n::tr;

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

/// `show` of the texts once they are here; the status or the failure
/// before.
pub fn texts_view<T: Send + Sync + 'static>(
    state: Fetched<T>,
    retry: impl Fn() + Copy + Send + Sync + 'static,
    show: impl Fn(&T) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        state.with(|fetched| match fetched {
            Some(Ok(texts)) => show(texts),
            Some(Err(())) => view! {
                <div class="texts-failed" role="alert">
                    <p>{tr("texts-failed")}</p>
                    <button type="button" class="button" on:click=move |_| retry()>{tr("texts-retry")}</button>
                </div>
            }
            .into_any(),
            None => view! { <p class="texts-loading" role="status">{tr("texts-loading")}</p> }.into_any(),
        })
    }
}
