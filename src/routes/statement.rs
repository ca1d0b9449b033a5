use std::sync::Arc;

use crate::address::use_address;
use kasipodaq_core::{
    content::Statement,
    files::{
        headers::{Headers, Key},
        texts::Paragraphs,
    },
    urls::Page,
    Lang,
};
use leptos::prelude::*;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions};

use crate::i18n::{family, msg, MessageId};
use crate::{
    app::page_end,
    components::{
        copy_button::{CopyButton, ShareButton},
        page_meta::PageMeta,
        passage_link::PassageLink,
        statement_info::{kind_label, text_lang_attr, StatementDate},
        statement_record::{History, RecordFacts},
        texts_file::{fetch_headers, fetch_texts, fetched_view, texts_view},
    },
    content::{load_paragraphs, paragraphs as loaded_paragraphs},
    i18n::{message, page_href, text, tr, use_i18n},
    routes::not_found::NotFoundPage,
};

/// `/{lang}/statements/{slug}/`: one statement, once its headers file is
/// here; an unknown slug gets the not-found page (from the host, when the
/// app finds no headers file for it).
#[component]
pub fn StatementPage(slug: String) -> impl IntoView {
    let key = Key::Statement(slug);
    if cfg!(feature = "ssr") && crate::content::headers(&key).is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let (headers, retry) = fetch_headers(Signal::stored(key));
    fetched_view(headers, retry, (msg::PAGE_LOADING, msg::PAGE_FAILED), |headers| match *headers {
        Some(Headers::Statement { statement, older, newer }) => {
            view! { <StatementView statement=statement older=older.as_ref() newer=newer.as_ref()/> }.into_any()
        }
        _ => view! { <NotFoundPage/> }.into_any(),
    })
    .into_any()
}

/// The address of this statement (and paragraph) as a reader would share it.
fn share_url(statement: &Statement, lang: Lang, fragment: &str) -> String {
    let origin = crate::browser::site_origin();
    format!("{origin}{}{fragment}", Page::Statement(statement.slug.to_string()).path(lang))
}

#[component]
fn StatementView(
    statement: &'static Statement,
    older: Option<&'static Statement>,
    newer: Option<&'static Statement>,
) -> impl IntoView {
    let i18n = use_i18n();
    let address = use_address();
    let version = move || statement.version(i18n.lang.get());
    let title = Signal::derive(move || version().title.to_string());
    let description = Signal::derive(move || version().summary.to_string());
    // The paragraph named by the fragment, e.g. `#p3`, is highlighted. A
    // fragment never reaches a server, so a prerendered page has none.
    let highlighted = Memo::new(move |_| {
        if cfg!(feature = "ssr") {
            return None;
        }
        address.hash.with(|h| h.strip_prefix("#p").and_then(|n| n.parse::<usize>().ok()))
    });
    // Only a fragment that names a paragraph is part of a shared link.
    let fragment = move || highlighted.get().map(|n| format!("#p{n}")).unwrap_or_default();
    let url = text(move |lang| share_url(statement, lang, &fragment()));
    let page_url = text(move |lang| share_url(statement, lang, ""));
    let citation = Signal::derive(move || {
        let lang = i18n.lang.get();
        let v = version();
        // English quotes the title in “…”: quotation marks inside it become ‘…’.
        let title =
            if lang == Lang::En { v.title.replace('“', "‘").replace('”', "’") } else { v.title.to_string() };
        let date = match statement.date {
            Some(date) => crate::i18n::format_date(date, lang),
            None => message(lang, msg::CITATION_NO_DATE),
        };
        let translated = if v.translation {
            message(lang, family::citation_translated_from(statement.source_language))
        } else {
            String::new()
        };
        let paragraph =
            highlighted.get().map(|n| i18n.t_with(msg::CITATION_PARAGRAPH, &[("n", n.into())])).unwrap_or_default();
        let mut citation = i18n.t_with(
            msg::STATEMENT_CITATION,
            &[
                ("issuer", (&*v.issuer).into()),
                ("title", (&*title).into()),
                ("translated", (&*translated).into()),
                ("date", (&*date).into()),
                ("version", (&*message(lang, family::history_version(statement.text_lang(lang)))).into()),
                ("paragraph", (&*paragraph).into()),
                ("url", (&*share_url(statement, lang, &fragment())).into()),
            ],
        );
        // The day it was read: only the reader's browser knows it.
        if let Some(today) = crate::browser::today_in_kazakhstan() {
            let day = crate::i18n::format_date(today, lang);
            citation =
                format!("{citation} {}", i18n.t_with(msg::STATEMENT_CITATION_ACCESSED, &[("date", (&*day).into())]));
        }
        citation
    });

    // The paragraphs: here at once when already fetched (the app fetches a
    // statement's texts before it takes over its prerendered page),
    // otherwise fetched now.
    let (texts, retry) = fetch_texts(loaded_paragraphs(statement), move || load_paragraphs(statement));

    // Keep the named paragraph in view: on arrival (the browser tried before
    // the text existed), once the text is here, and after a language switch
    // (the text around it changed length).
    // On arrival it jumps (a reader who followed a link wants the paragraph,
    // not an animation, and a smooth scroll could be cut short by the
    // takeover of the prerendered page); after a switch it glides.
    let arrived = std::cell::Cell::new(false);
    Effect::new(move |_| {
        i18n.lang.track();
        let shown = texts.with(|t| matches!(t, Some(Ok(_))));
        if let (true, Some(n)) = (shown, highlighted.get_untracked()) {
            let behavior = if arrived.replace(true) { ScrollBehavior::Smooth } else { ScrollBehavior::Instant };
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&format!("p{n}")) {
                    let options = ScrollIntoViewOptions::new();
                    options.set_behavior(behavior);
                    el.scroll_into_view_with_scroll_into_view_options(&options);
                }
            });
        }
    });

    // Built once per texts file: a language switch only replaces each
    // paragraph's text (the content check keeps #pN the same paragraph, and
    // the count the same, in every language), which makes the switch's own
    // work shorter (docs/performance.md, "The language switch against its
    // floor").
    let paragraph_list = move |all: Arc<Paragraphs>| {
        (1..=all[0].len())
            .map(|n| {
                let id = format!("p{n}");
                let all = Arc::clone(&all);
                let html = move || all[i18n.lang.get().index()].get(n - 1).cloned().unwrap_or_default();
                view! {
                    <div class="para" class:is-highlighted=move || highlighted.get() == Some(n) id=id.clone()>
                        // Build-time HTML from our own Markdown files (raw HTML refused
                        // by the build), from a texts file whose content matched the
                        // hash in its name: the name the page preloads, or after a move
                        // the one the statement's headers file gives (a name of our own
                        // origin's texts folder, checked before it becomes a path).
                        <div class="para__text" inner_html=html></div>
                        <a
                            class="para__link"
                            href=format!("#{id}")
                            aria-label=move || i18n.t_with(msg::STATEMENT_PARAGRAPH_LINK, &[("n", n.into())])
                            title=move || i18n.t_with(msg::STATEMENT_PARAGRAPH_LINK, &[("n", n.into())])
                        >
                            "#" {n}
                        </a>
                    </div>
                }
            })
            .collect_view()
    };
    let paragraphs =
        move || texts_view(texts, retry, move |all: &Arc<Paragraphs>| paragraph_list(Arc::clone(all)).into_any());

    let source_lang = statement.source_language;
    // The language the statement's own words are in: the source's on a page
    // not yet translated.
    let text_lang = move || text_lang_attr(statement, i18n.lang.get());
    // Whose words the page shows: the source text, our translation (and
    // whether the source changed since it was made), or the source text in
    // place of a translation not yet made.
    let origin_note = move || {
        let v = version();
        let source = ("source", source_lang.code().into());
        if v.translation {
            let href = Page::Statement(statement.slug.to_string()).path(source_lang);
            let stale = v.stale_since.map(|day| {
                let date = crate::i18n::format_date(day, i18n.lang.get());
                view! { <p class="origin-note">{i18n.t_with(msg::STATEMENT_STALE, &[source, ("date", (&*date).into())])}</p> }
            });
            view! {
                <p class="origin-note">
                    {i18n.t(family::translated_from(source_lang))} " "
                    <a href=href hreflang=source_lang.code()>{tr(msg::STATEMENT_READ_SOURCE)}</a>
                </p>
                {stale}
            }
            .into_any()
        } else {
            let note = if v.fallback {
                i18n.t_with(msg::STATEMENT_UNTRANSLATED, &[source])
            } else {
                i18n.t(msg::STATEMENT_SOURCE_TEXT)
            };
            view! { <p class="origin-note">{note}</p> }.into_any()
        }
    };

    let neighbour = move |other: Option<&'static Statement>, key: MessageId, rel: &'static str| {
        other.map(|other| {
            view! {
                <li class=format!("neighbours__{rel}")>
                    <span class="neighbours__label">{text(move |lang| message(lang, key))}</span>
                    <a href=page_href(Page::Statement(other.slug.to_string()))>
                        {text(move |lang| other.version(lang).title.to_string())}
                    </a>
                </li>
            }
        })
    };

    view! {
        <PageMeta title=title description=description/>
        <article class="statement">
            <header class="statement__header">
                <p class="statement__kind">{kind_label(statement.kind)}</p>
                <h1 tabindex="-1" lang=text_lang>{title}</h1>
                <p class="statement__date">
                    <StatementDate statement=statement/>
                    {statement.record.dated_by_publication.then(|| view! {
                        " " <span class="statement__dated-by">{tr(msg::STATEMENT_DATED_BY_PUBLICATION)}</span>
                    })}
                </p>
                <dl class="statement__facts">
                    <dt>{tr(msg::STATEMENT_ISSUER)}</dt>
                    <dd lang=text_lang>{move || version().issuer.to_string()}</dd>
                    <dt>{tr(msg::STATEMENT_SOURCE)}</dt>
                    <dd lang=text_lang>{move || version().source.to_string()}</dd>
                    <RecordFacts record=&statement.record/>
                </dl>
                {origin_note}
                <p class="print-url">{url}</p>
            </header>
            // Its text on: one step after the header (app::page_end).
            {page_end(move || view! {
                <div class="statement__text" lang=text_lang>{paragraphs()}</div>
                {move || version().note.as_ref().map(|note| view! {
                    <p class="statement__note"><strong>{tr(msg::STATEMENT_NOTE)}</strong> " " {note.to_string()}</p>
                })}
                <History record=&statement.record/>
                <section class="statement__share" aria-labelledby="share-heading">
                    <h2 id="share-heading">{tr(msg::STATEMENT_SHARE)}</h2>
                    <p class="statement__share-buttons">
                        <ShareButton title=title url=url/>
                        <CopyButton value=url label=msg::STATEMENT_COPY_LINK done=msg::STATEMENT_LINK_COPIED/>
                    </p>
                    <h3>{tr(msg::STATEMENT_CITE)}</h3>
                    <p class="citation">{citation}</p>
                    <p><CopyButton value=citation label=msg::STATEMENT_COPY_CITATION done=msg::STATEMENT_CITATION_COPIED/></p>
                </section>
                <PassageLink page_url=page_url/>
            }.into_any())}
        </article>
        <nav class="neighbours" aria-label=tr(msg::STATEMENT_NEIGHBOURS)>
            <ul>
                {neighbour(older, msg::STATEMENT_OLDER, "older")}
                {neighbour(newer, msg::STATEMENT_NEWER, "newer")}
            </ul>
        </nav>
    }
}
