use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{move || i18n.t("site-name")}</p>
            <p>
                {move || i18n.t("footer-official-site")} " "
                <a href="https://kasipodaq.kz/" rel="external">"kasipodaq.kz"</a>
            </p>
        </footer>
    }
}
