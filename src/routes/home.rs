use kasipodaq_core::{
    content::in_lang,
    files::headers::{Headers, Key},
    urls::{ArchiveView, Page},
};
use leptos::prelude::*;

use crate::i18n::msg;
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
    let title = tr(msg::SITE_NAME);
    let description = tr(msg::PAGE_HOME_DESCRIPTION);
    let (headers, retry) = fetch_headers(Signal::stored(Key::Home));
    let latest = fetched_view(headers, retry, (msg::PAGE_LOADING, msg::PAGE_FAILED), |headers| match *headers {
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
        <p class="lead">{tr(msg::HOME_LEAD)}</p>
        <p>{tr(msg::HOME_FEDERATION_FACTS)}</p>
        <section aria-labelledby="home-latest">
            <h2 id="home-latest">{tr(msg::HOME_LATEST)}</h2>
            <ol class="statement-list">{latest}</ol>
            <p><a href=page_href(Page::Statements(ArchiveView::ALL))>{tr(msg::HOME_ALL_STATEMENTS)}</a></p>
        </section>
        <section aria-labelledby="home-platform">
            <h2 id="home-platform">{tr(msg::HOME_PLATFORM)}</h2>
            <ul>{platform}</ul>
        </section>
        <NextUnionDay/>
        // Where the page has a hotline its height is kept (style/main.css), so
        // a new number arriving with the request moves nothing below it.
        <div class="home-hotline">
            <HotlineLine/>
            <p><a href=page_href(Page::Contacts)>{tr(msg::HOME_ALL_CONTACTS)}</a></p>
        </div>
        <h2>{tr(msg::HOME_SECTIONS)}</h2>
        <SectionLinks/>
    }
}
