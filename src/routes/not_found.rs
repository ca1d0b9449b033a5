use crate::address::use_address;
use kasipodaq_core::{
    urls::{lang_of_path, Page},
    Lang,
};
use leptos::prelude::*;

use crate::i18n::msg;
use crate::{
    components::{
        page_meta::{NoIndex, PageMeta},
        section_links::SectionLinks,
    },
    i18n::{message, tr, use_i18n},
};

/// Anything the portal does not publish: says so in the visitor's language and
/// offers the home page in each language and the sections. Where the address
/// names no language of ours (also the site's `404.html`), the notice is
/// repeated in the two other languages.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    let address = use_address();
    let title = tr(msg::NOT_FOUND_TITLE);
    let text = tr(msg::NOT_FOUND_TEXT);
    let others = move || {
        let page_lang = i18n.lang.get();
        address.pathname.with(|path| lang_of_path(path).is_none()).then(|| {
            Lang::ALL
                .into_iter()
                .filter(|lang| *lang != page_lang)
                .map(|lang| {
                    view! {
                        <div class="not-found__other" lang=lang.code()>
                            <p><strong>{message(lang, msg::NOT_FOUND_TITLE)}</strong></p>
                            <p>{message(lang, msg::NOT_FOUND_TEXT)}</p>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <PageMeta title=title description=text/>
        <NoIndex/>
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{text}</p>
        {others}
        <HomeLinks/>
        <h2>{tr(msg::NOT_FOUND_SECTIONS)}</h2>
        <SectionLinks/>
    }
}

/// The home page in each language, each link in its own language.
#[component]
pub fn HomeLinks() -> impl IntoView {
    let homes = Lang::ALL
        .into_iter()
        .map(|lang| {
            view! {
                <li>
                    <a href=Page::Home.path(lang) hreflang=lang.code() lang=lang.code()>
                        {message(lang, msg::NOT_FOUND_HOME_LINK)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="not-found__homes">{homes}</ul> }
}
