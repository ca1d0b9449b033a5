//! A statement's provenance and history: where it was first published,
//! when this portal published it and what the portal changed since.
//!
//! Written as HTML strings rather than views: the same few lines as views
//! cost the WebAssembly about three times the bytes (docs/performance.md).
//! Every text in them is escaped here, and the one address was checked when
//! the headers file was read (`https://` or `http://`, no quotes or angle
//! brackets), so nothing from the data can become markup.

use kasipodaq_core::{content::Record, site::escape, Lang};

use crate::{
    browser::format_date,
    i18n::{format_in, message},
};

/// The host of an address, which names the site the text was first on.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

fn on_day(lang: Lang, id: &str, date: kasipodaq_core::calendar::Date) -> String {
    format_in(lang, id, &[("date", format_date(date, lang).as_str().into())])
}

/// The record's `<dt>`/`<dd>` pairs for the statement's facts list: its
/// context, its first publication, and the portal's publication and latest
/// change.
pub fn facts_html(record: &Record, lang: Lang) -> String {
    let mut html = String::new();
    if let Some(context) = &record.context {
        html += &format!(
            "<dt>{}</dt><dd class=\"context-note\">{}</dd>",
            escape(&message(lang, "statement-context")),
            escape(&context.notice[lang.index()])
        );
    }
    if let Some(original) = &record.original {
        let site = host(&original.url);
        let place = match original.date {
            Some(date) => format_in(
                lang,
                "statement-original-where",
                &[("site", site.into()), ("date", format_date(date, lang).as_str().into())],
            ),
            None => site.to_owned(),
        };
        html += &format!(
            "<dt>{}</dt><dd><a href=\"{}\" rel=\"external\">{}</a></dd>",
            escape(&message(lang, "statement-original")),
            escape(&original.url),
            escape(&place)
        );
    }
    if let Some(published) = record.published {
        let mut line = on_day(lang, "statement-published", published);
        if let Some(updated) = record.updated() {
            line += " · ";
            line += &on_day(lang, "statement-updated", updated);
        }
        html += &format!(
            "<dt>{}</dt><dd class=\"statement__on-portal\">{}</dd>",
            escape(&message(lang, "statement-on-portal")),
            escape(&line)
        );
    }
    html
}

/// The dated list of what the portal changed, oldest first, with its
/// heading; empty for a statement never changed.
pub fn history_html(record: &Record, lang: Lang) -> String {
    if record.changes.is_empty() {
        return String::new();
    }
    let mut html = format!("<h2 id=\"history-heading\">{}</h2><ul>", escape(&message(lang, "statement-history")));
    for change in &record.changes {
        let line = format!(
            "{}: {}",
            message(lang, &format!("history-version-{}", change.lang.code())),
            message(lang, &format!("change-{}", change.what.code()))
        );
        html += &format!(
            "<li><time datetime=\"{}\">{}</time> — {}</li>",
            change.date,
            escape(&format_date(change.date, lang)),
            escape(&line)
        );
    }
    html + "</ul>"
}
