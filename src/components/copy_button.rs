use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{msg, MessageId};
use crate::i18n::{tr, use_i18n};

/// A button that puts `text` on the clipboard and says so in a live region;
/// where the clipboard is refused it shows the text to copy by hand.
#[component]
pub fn CopyButton(
    #[prop(into)] value: Signal<String>,
    /// The button's label.
    label: MessageId,
    /// What is said after a successful copy.
    done: MessageId,
) -> impl IntoView {
    let i18n = use_i18n();
    // None: nothing yet; Some(true): copied; Some(false): refused.
    let outcome = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let copied_text = value.get_untracked();
        let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
        spawn_local(async move {
            let copied = match clipboard {
                Some(clipboard) => JsFuture::from(clipboard.write_text(&copied_text)).await.is_ok(),
                None => false,
            };
            outcome.set(Some(copied));
        });
    };
    view! {
        <span class="copy">
            <button type="button" class="button" on:click=copy>{tr(label)}</button>
            <span class="copy__status" role="status">
                {move || match outcome.get() {
                    Some(true) => i18n.t(done),
                    Some(false) => i18n.t(msg::COPY_FAILED),
                    None => String::new(),
                }}
            </span>
            {move || (outcome.get() == Some(false)).then(|| view! {
                <input class="copy__fallback" type="text" readonly prop:value=value aria-label=tr(label)/>
            })}
        </span>
    }
}

/// A button that opens the browser's share sheet (`navigator.share`) with a
/// title and an address; nothing where the browser has none (the copy
/// button beside it serves there). No third-party script, no tracking.
#[component]
pub fn ShareButton(#[prop(into)] title: Signal<String>, #[prop(into)] url: Signal<String>) -> impl IntoView {
    use wasm_bindgen::JsCast;
    let share = if cfg!(feature = "ssr") {
        None
    } else {
        web_sys::window().and_then(|w| {
            let navigator = w.navigator();
            let share = js_sys::Reflect::get(&navigator, &"share".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
            Some((navigator, share))
        })
    };
    share.map(|(navigator, share)| {
        let open = move |_| {
            let data = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&data, &"title".into(), &title.get_untracked().into());
            let _ = js_sys::Reflect::set(&data, &"url".into(), &url.get_untracked().into());
            if let Ok(promise) = share.call1(&navigator, &data) {
                // A reader who closes the sheet rejects the promise: not an error.
                spawn_local(async move {
                    let _ = JsFuture::from(js_sys::Promise::from(promise)).await;
                });
            }
        };
        view! { <button type="button" class="button share-button" on:click=open>{tr(msg::STATEMENT_SHARE_BUTTON)}</button> }
    })
}
