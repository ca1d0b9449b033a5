use kasipodaq_core::urls::Page;
use leptos::prelude::*;

use crate::{components::page_meta::PageMeta, i18n::use_i18n};

/// A section page's title (document and `<h1>`) and its one-paragraph lead,
/// both from `page-{key}-title` and `page-{key}-description`.
#[component]
pub fn PageHeader(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let key = page.key();
    let title = Signal::derive(move || i18n.t(&format!("page-{key}-title")));
    let description = Signal::derive(move || i18n.t(&format!("page-{key}-description")));
    view! {
        <PageMeta title=title description=description/>
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{description}</p>
    }
}
