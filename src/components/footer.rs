use kasipodaq_core::urls::{Page, FEDERATION_SITE};
use leptos::prelude::*;

use crate::i18n::msg;
use crate::{
    components::hotline::HotlineLine,
    i18n::{page_href, tr},
};

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{tr(msg::SITE_NAME)}</p>
            <HotlineLine/>
            <p>
                {tr(msg::FOOTER_OFFICIAL_SITE)} " "
                <a href=FEDERATION_SITE rel="external">"kasipodaq.kz"</a>
            </p>
            <p><a href=page_href(Page::Accessibility)>{tr(msg::PAGE_ACCESSIBILITY_TITLE)}</a></p>
        </footer>
    }
}
