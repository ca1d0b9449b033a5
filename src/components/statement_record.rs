//! A statement's provenance and history: where it was first published,
//! when this portal published it and what the portal changed since.

use kasipodaq_core::content::Record;
use leptos::prelude::*;

use crate::{
    browser::format_date,
    i18n::{format_in, message, text, tr, use_i18n},
};

/// The host of an address, which names the site the text was first on.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// The record's lines for the statement's facts list (`<dl>`): its first
/// publication, and the portal's publication and latest change.
#[component]
pub fn RecordFacts(record: &'static Record) -> impl IntoView {
    let i18n = use_i18n();
    let original = record.original.as_ref().map(|original| {
        let place = text(move |lang| {
            let site = host(&original.url);
            match original.date {
                Some(date) => format_in(
                    lang,
                    "statement-original-where",
                    &[("site", site.into()), ("date", format_date(date, lang).as_str().into())],
                ),
                None => site.to_owned(),
            }
        });
        view! {
            <dt>{tr("statement-original")}</dt>
            <dd><a href=original.url.to_string() rel="external">{place}</a></dd>
        }
    });
    let portal = record.published.map(|published| {
        let line = move || {
            let lang = i18n.lang.get();
            let day = |id, date| format_in(lang, id, &[("date", format_date(date, lang).as_str().into())]);
            match record.updated() {
                Some(updated) => format!("{} · {}", day("statement-published", published), day("statement-updated", updated)),
                None => day("statement-published", published),
            }
        };
        view! {
            <dt>{tr("statement-on-portal")}</dt>
            <dd class="statement__on-portal">{line}</dd>
        }
    });
    (original, portal)
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
                        "{}: {}",
                        message(lang, &format!("history-version-{}", change.lang.code())),
                        message(lang, &format!("change-{}", change.what.code()))
                    )
                });
                view! {
                    <li>
                        <time datetime=change.date.to_string()>{text(move |lang| format_date(change.date, lang))}</time>
                        " — " {line}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="statement__history" aria-labelledby="history-heading">
                <h2 id="history-heading">{tr("statement-history")}</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}
