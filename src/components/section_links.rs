use kasipodaq_core::urls::{Page, NAV_PAGES};
use leptos::prelude::*;

use crate::i18n::{message, page_href, text};

/// The portal's sections (all but home) as a list of links with their
/// descriptions: on the home page and on the not-found page.
#[component]
pub fn SectionLinks() -> impl IntoView {
    let items = NAV_PAGES
        .iter()
        .filter(|page| **page != Page::Home)
        .map(|page| {
            let page = page.clone();
            let [_, title, description] = crate::i18n::family::page(&page);
            view! {
                <li class="section-links__item">
                    <a href=page_href(page)>{text(move |lang| message(lang, title))}</a>
                    <p>{text(move |lang| message(lang, description))}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="section-links">{items}</ul> }
}
