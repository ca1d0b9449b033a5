use kasipodaq_core::{site::FEDERATION_SITE, urls::Page};
use leptos::prelude::*;

use crate::{
    components::hotline::HotlineLine,
    i18n::{page_href, tr},
};

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{tr("site-name")}</p>
            <HotlineLine/>
            <p>
                {tr("footer-official-site")} " "
                <a href=FEDERATION_SITE rel="external">"kasipodaq.kz"</a>
            </p>
            <p><a href=page_href(Page::Accessibility)>{tr("page-accessibility-title")}</a></p>
        </footer>
    }
}
