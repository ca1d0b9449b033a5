use kasipodaq_core::{urls::Page, Lang};
use leptos::prelude::*;
use leptos_meta::Meta;

use crate::{
    components::{page_meta::PageMeta, section_links::SectionLinks},
    i18n::{message, tr},
};

/// Anything the portal does not publish: says so in the visitor's language and
/// offers the home page in each language and the sections.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let title = tr("not-found-title");
    let text = tr("not-found-text");
    let homes = Lang::ALL
        .into_iter()
        .map(|lang| {
            view! {
                <li>
                    <a href=Page::Home.path(lang) hreflang=lang.code() lang=lang.code()>
                        {message(lang, "not-found-home-link")}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageMeta title=title description=text/>
        <Meta name="robots" content="noindex"/>
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{text}</p>
        <ul class="not-found__homes">{homes}</ul>
        <h2>{tr("not-found-sections")}</h2>
        <SectionLinks/>
    }
}
