use leptos::prelude::*;

use crate::{components::hotline::HotlineLine, i18n::tr};

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{tr("site-name")}</p>
            <HotlineLine/>
            <p>
                {tr("footer-official-site")} " "
                <a href="https://kasipodaq.kz/" rel="external">"kasipodaq.kz"</a>
            </p>
        </footer>
    }
}
