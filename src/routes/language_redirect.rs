use kasipodaq_core::urls::Page;
use leptos::prelude::*;

use crate::address::{use_address, Scroll};
use crate::i18n::msg;
use crate::{
    components::page_meta::PageMeta,
    i18n::{tr, visitor_language},
    routes::not_found::HomeLinks,
};

/// `/`: goes to the home page in the saved language, else the browser's, else
/// English. Replaces the history entry, so "back" does not bounce here.
/// Until then (and without JavaScript) it offers the three home pages.
#[component]
pub fn LanguageRedirect() -> impl IntoView {
    let address = use_address();
    let target = Page::Home.path(visitor_language());
    Effect::new(move |_| address.replace(&target, Scroll::Top));
    let title = tr(msg::SITE_NAME);
    view! {
        <PageMeta title=title description=tr(msg::PAGE_HOME_DESCRIPTION)/>
        <h1 tabindex="-1">{title}</h1>
        <HomeLinks/>
    }
}
