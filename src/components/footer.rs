use leptos::prelude::*;

use crate::i18n::tr;

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{tr("site-name")}</p>
            <p>
                {tr("footer-official-site")} " "
                <a href="https://kasipodaq.kz/" rel="external">"kasipodaq.kz"</a>
            </p>
        </footer>
    }
}
