use crate::address::use_address;
use kasipodaq_core::urls::{Page, NAV_PAGES};
use leptos::prelude::*;

use crate::i18n::msg;
use crate::{
    components::language_switcher::LanguageSwitcher,
    i18n::{message, page_href, text, tr},
};

/// Skip link, the federation's name, the main navigation and the language
/// switcher.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let address = use_address();
    // The section of the page on screen, for `aria-current` in the navigation.
    let current_section =
        Memo::new(move |_| address.pathname.with(|path| Page::parse(path).map(|(_, page)| page.section())));
    let nav_links = NAV_PAGES
        .iter()
        .map(|page| {
            let page = page.clone();
            let href = page_href(page.clone());
            let is_current = {
                let page = page.clone();
                move || current_section.with(|current| current.as_ref() == Some(&page))
            };
            let [label_key, _, _] = crate::i18n::family::page(&page);
            view! {
                <li>
                    <a href=href aria-current=move || is_current().then_some("page")>
                        {text(move |lang| message(lang, label_key))}
                    </a>
                </li>
            }
        })
        .collect_view();

    view! {
        // rel="external": the browser, not the app, follows it, so focus
        // really moves to <main> (the app's move would only scroll).
        <a class="skip-link" href="#main" rel="external">{tr(msg::SKIP_TO_CONTENT)}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-name" href=page_href(Page::Home)>
                    <span class="site-name__short">{tr(msg::SITE_SHORT_NAME)}</span>
                    <span class="site-name__full">{tr(msg::SITE_NAME)}</span>
                </a>
                <LanguageSwitcher/>
            </div>
            <nav class="site-nav" aria-label=tr(msg::NAV_LABEL)>
                <ul>{nav_links}</ul>
            </nav>
        </header>
    }
}
