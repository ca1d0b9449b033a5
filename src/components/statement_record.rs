//! A statement's provenance and history: its context, where it was first
//! published, when this portal published it and what the portal changed
//! since. Views of text nodes only: the record comes from a headers file
//! fetched at run time, so none of it may become markup (the one address,
//! an `href`, was checked when the file was read: `https://` or `http://`).

use kasipodaq_core::content::{in_lang, Record};
use leptos::prelude::*;

use crate::i18n::{format_date, format_in, message, msg, text, tr, MessageId};

/// The host of an address, which names the site the text was first on.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

fn on_day(lang: kasipodaq_core::Lang, id: MessageId, date: kasipodaq_core::calendar::Date) -> String {
    format_in(lang, id, &[("date", format_date(date, lang).as_str().into())])
}

/// The record's `<dt>`/`<dd>` pairs for the statement's facts list.
#[component]
pub fn RecordFacts(record: &'static Record) -> impl IntoView {
    let context = record.context.as_ref().map(|context| {
        view! {
            <dt>{tr(msg::STATEMENT_CONTEXT)}</dt>
            <dd class="context-note">{text(move |lang| in_lang(&context.notice, lang).to_string())}</dd>
        }
    });
    let original = record.original.as_ref().map(|original| {
        let place = text(move |lang| {
            let site = host(&original.url);
            match original.date {
                Some(date) => format_in(
                    lang,
                    msg::STATEMENT_ORIGINAL_WHERE,
                    &[("site", site.into()), ("date", format_date(date, lang).as_str().into())],
                ),
                None => site.to_owned(),
            }
        });
        view! {
            <dt>{tr(msg::STATEMENT_ORIGINAL)}</dt>
            <dd><a href=original.url.to_string() rel="external">{place}</a></dd>
        }
    });
    let portal = record.published.map(|published| {
        let line = text(move |lang| match record.updated() {
            Some(updated) => {
                format!(
                    "{} · {}",
                    on_day(lang, msg::STATEMENT_PUBLISHED, published),
                    on_day(lang, msg::STATEMENT_UPDATED, updated)
                )
            }
            None => on_day(lang, msg::STATEMENT_PUBLISHED, published),
        });
        view! {
            <dt>{tr(msg::STATEMENT_ON_PORTAL)}</dt>
            <dd class="statement__on-portal">{line}</dd>
        }
    });
    (context, original, portal)
}

/// The dated list of what the portal changed, oldest first; nothing for a
/// statement never changed.
#[component]
pub fn History(record: &'static Record) -> impl IntoView {
    (!record.changes.is_empty()).then(|| {
        let items = record
            .changes
            .iter()
            .map(|&change| {
                let line = text(move |lang| {
                    format!(
                        "{} — {}: {}",
                        format_date(change.date, lang),
                        message(lang, crate::i18n::family::history_version(change.lang)),
                        message(lang, crate::i18n::family::change(change.what))
                    )
                });
                view! { <li>{line}</li> }
            })
            .collect_view();
        view! {
            <section class="statement__history" aria-labelledby="history-heading">
                <h2 id="history-heading">{tr(msg::STATEMENT_HISTORY)}</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}
