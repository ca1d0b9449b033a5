use kasipodaq_core::urls::Page;
use leptos::prelude::*;

use crate::{
    components::page_meta::PageMeta,
    i18n::{message, text},
};

/// A section page's title (document and `<h1>`) and its one-paragraph lead,
/// both from `page-{key}-title` and `page-{key}-description`.
#[component]
pub fn PageHeader(page: Page) -> impl IntoView {
    let [_, title, description] = crate::i18n::family::page(&page);
    let title = text(move |lang| message(lang, title));
    let description = text(move |lang| message(lang, description));
    view! {
        <PageMeta title=title description=description/>
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{description}</p>
    }
}
