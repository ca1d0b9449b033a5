use crate::address::use_address;
use kasipodaq_core::{urls::switch_language, Lang};
use leptos::prelude::*;

use crate::i18n::msg;
use crate::{
    browser::save_language,
    i18n::{message, tr, use_i18n},
};

/// The three languages as real links to the same page, query and fragment in
/// each language. The app follows them without a reload or a request; the
/// choice is remembered for the next visit to `/`.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let address = use_address();
    let links = Lang::ALL
        .into_iter()
        .map(|lang| {
            // A fragment never reaches a server: a prerendered page has none.
            let fragment = move || if cfg!(feature = "ssr") { String::new() } else { address.hash.get() };
            let href = move || switch_language(&address.pathname.get(), &address.search.get(), &fragment(), lang);
            view! {
                <li>
                    <a
                        href=href
                        hreflang=lang.code()
                        lang=lang.code()
                        aria-current=move || (i18n.lang.get() == lang).then_some("true")
                        // keep the reader's place: no jump to the top
                        data-noscroll=""
                        on:click=move |_| save_language(lang)
                    >
                        {message(lang, msg::LANGUAGE_AUTONYM)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switcher" aria-label=tr(msg::LANGUAGE_SWITCHER_LABEL)>
            <ul>{links}</ul>
        </nav>
    }
}
