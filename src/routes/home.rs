use kasipodaq_core::{
    content::{
        headers::{Headers, Key},
        in_lang,
    },
    urls::{ArchiveView, Page},
};
use leptos::prelude::*;

use crate::{
    components::{
        hotline::HotlineLine,
        next_union_day::NextUnionDay,
        page_meta::PageMeta,
        section_links::SectionLinks,
        statement_info::StatementCard,
        texts_file::{fetch_headers, fetched_view},
    },
    content::PLATFORM_OUTLINE,
    i18n::{page_href, text, tr},
};

/// `/{lang}/`: what the federation is, the latest statements, the platform in
/// brief, the next Trade Union Day, and the way into every section.
#[component]
pub fn HomePage() -> impl IntoView {
    let title = tr("site-name");
    let description = tr("page-home-description");
    let (headers, retry) = fetch_headers(Signal::stored(Key::Home));
    let latest = fetched_view(headers, retry, ("page-loading", "page-failed"), |headers| match *headers {
        Some(Headers::Home { latest }) => {
            latest.iter().map(|statement| view! { <StatementCard statement=statement/> }).collect_view().into_any()
        }
        _ => ().into_any(),
    });
    let platform = PLATFORM_OUTLINE
        .sections
        .iter()
        .map(|section| {
            let href = text(move |lang| format!("{}#{}", Page::Platform.path(lang), section.id));
            view! { <li><a href=href>{text(move |lang| in_lang(&section.title, lang).to_string())}</a></li> }
        })
        .collect_view();
    view! {
        <PageMeta title=title description=description/>
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{tr("home-lead")}</p>
        <p>{tr("home-federation-facts")}</p>
        <section aria-labelledby="home-latest">
            <h2 id="home-latest">{tr("home-latest")}</h2>
            <ol class="statement-list">{latest}</ol>
            <p><a href=page_href(Page::Statements(ArchiveView::ALL))>{tr("home-all-statements")}</a></p>
        </section>
        <section aria-labelledby="home-platform">
            <h2 id="home-platform">{tr("home-platform")}</h2>
            <ul>{platform}</ul>
        </section>
        <NextUnionDay/>
        // Where the page has a hotline its height is kept (style/main.css), so
        // a new number arriving with the request moves nothing below it.
        <div class="home-hotline">
            <HotlineLine/>
            <p><a href=page_href(Page::Contacts)>{tr("home-all-contacts")}</a></p>
        </div>
        <h2>{tr("home-sections")}</h2>
        <SectionLinks/>
    }
}
