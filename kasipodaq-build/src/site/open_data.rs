//! The open data: every statement as JSON at an address that never changes
//! with a release (`/data/statements/{slug}.json`), and an index of them in
//! files of at most [`INDEX_PAGE_SIZE`] entries, so the index scales with the
//! archive. `docs/open-data.md` describes the fields and what stays stable;
//! `public/statement.schema.json` and `public/statements-index.schema.json`
//! are their JSON Schemas.

use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::Site;
use kasipodaq_core::{
    content::{html_to_text, Statement},
    files::headers::record_json,
    urls::{site_path, Page},
};

/// The most statements one index file lists.
pub const INDEX_PAGE_SIZE: usize = 500;

/// The version of the files' shape: raised only for a change that could
/// break a reader (docs/open-data.md).
pub const FORMAT_VERSION: u32 = 1;

pub use kasipodaq_core::urls::open_data_path as statement_path;

/// The site path of the index's `n`th file (from 1): the first is
/// `index.json`, the address to start from.
pub fn index_path(n: usize) -> String {
    if n <= 1 {
        site_path("/data/statements/index.json")
    } else {
        site_path(&format!("/data/statements/index-{n}.json"))
    }
}

/// The terms under which others may reuse the data, as the federation
/// states them in `content/pages/open-data.toml`; empty until it does, and
/// then the files say that no terms are stated (none is invented here).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    #[serde(default)]
    pub text: Option<TranslatedTerms>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TranslatedTerms {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

impl Terms {
    /// Reads the terms file; a malformed one is an error naming the problem.
    pub fn parse(toml_text: &str) -> Result<Terms, String> {
        let terms: Terms = toml::from_str(toml_text).map_err(|e| e.message().to_string())?;
        if let Some(url) = &terms.url {
            if !url.is_empty() {
                crate::content::load::check_url(url).map_err(|problem| format!("url \"{url}\": {problem}"))?;
            }
        }
        if let Some(text) = &terms.text {
            let given = [&text.kk, &text.ru, &text.en].iter().filter(|t| !t.trim().is_empty()).count();
            if given != 0 && given != 3 {
                return Err("text: give the terms in kk, ru and en, or in none".into());
            }
        }
        Ok(terms)
    }

    fn json(&self) -> Value {
        let text = self.text.as_ref().filter(|t| !t.en.trim().is_empty());
        let url = self.url.as_ref().filter(|u| !u.is_empty());
        if text.is_none() && url.is_none() {
            return Value::Null;
        }
        json!({
            "text": text.map(|t| json!({ "kk": t.kk.trim(), "ru": t.ru.trim(), "en": t.en.trim() })),
            "url": url,
        })
    }
}

fn page_urls(site: &Site, statement: &Statement) -> Value {
    let page = Page::Statement(statement.slug.to_string());
    statement
        .languages()
        .map(|lang| (lang.code().to_owned(), Value::from(site.url(&page.path(lang)))))
        .collect::<Map<_, _>>()
        .into()
}

/// A statement's JSON: every language version with its paragraphs as HTML
/// and as plain text, its provenance, history, kind and dates.
pub fn statement_json(site: &Site, statement: &Statement, terms: &Terms) -> String {
    // Only the languages the statement is published in: a page without its
    // own version shows the source text, which is not a version.
    let versions: Map<String, Value> = statement
        .languages()
        .map(|lang| {
            let v = statement.version(lang);
            let paragraphs: Vec<Value> = v
                .paragraphs
                .iter()
                .enumerate()
                .map(|(i, html)| {
                    let text = html_to_text(html).split_whitespace().collect::<Vec<_>>().join(" ");
                    json!({ "n": i + 1, "html": html, "text": text })
                })
                .collect();
            let version = json!({
                "title": v.title,
                "issuer": v.issuer,
                "source": v.source,
                "summary": v.summary,
                "note": v.note,
                // Ours, made from the source-language version: say so
                // wherever the text travels.
                "translation": v.translation,
                "translated_by": if v.translation { Value::from("portal") } else { Value::Null },
                "translated_from": if v.translation { Value::from(statement.source_language.code()) } else { Value::Null },
                // A translation made before its source last changed.
                "behind_source_since": v.stale_since.map(|d| d.to_string()),
                // A translation published after the statement: its own day.
                "published": v.published.map(|d| d.to_string()),
                "paragraphs": paragraphs,
            });
            (lang.code().to_owned(), version)
        })
        .collect();
    let record = &statement.record;
    let value = json!({
        "$schema": site.url(&site_path("/statement.schema.json")),
        "format_version": FORMAT_VERSION,
        "slug": statement.slug,
        "kind": statement.kind.code(),
        "date": statement.date.map(|d| d.to_string()),
        "source_language": statement.source_language.code(),
        "languages": statement.languages().map(|l| l.code()).collect::<Vec<_>>(),
        "pages": page_urls(site, statement),
        "record": record_json(record),
        "updated": record.modified().map(|d| d.to_string()),
        "versions": versions,
        "terms_of_reuse": terms.json(),
    });
    serde_json::to_string_pretty(&value).expect("JSON of strings") + "\n"
}

/// The index's files as (site path, JSON), newest first as the archive
/// lists them, each with links to the previous and next file.
pub fn index_files(site: &Site, statements: &[Statement], terms: &Terms, page_size: usize) -> Vec<(String, String)> {
    assert!(page_size > 0, "an index file lists at least one statement");
    let chunks: Vec<&[Statement]> = statements.chunks(page_size).collect();
    let pages = chunks.len().max(1);
    (1..=pages)
        .map(|n| {
            let entries: Vec<Value> = chunks
                .get(n - 1)
                .copied()
                .unwrap_or_default()
                .iter()
                .map(|s| {
                    let titles: Map<String, Value> = s
                        .languages()
                        .map(|lang| (lang.code().to_owned(), s.version(lang).title.to_string().into()))
                        .collect();
                    json!({
                        "slug": s.slug,
                        "kind": s.kind.code(),
                        "date": s.date.map(|d| d.to_string()),
                        "source_language": s.source_language.code(),
                        "languages": s.languages().map(|l| l.code()).collect::<Vec<_>>(),
                        "published": s.record.published.map(|d| d.to_string()),
                        "updated": s.record.modified().map(|d| d.to_string()),
                        "title": titles,
                        "data": site.url(&statement_path(&s.slug)),
                        "pages": page_urls(site, s),
                    })
                })
                .collect();
            let link = |n: usize| Value::from(site.url(&index_path(n)));
            let value = json!({
                "$schema": site.url(&site_path("/statements-index.schema.json")),
                "format_version": FORMAT_VERSION,
                "count": statements.len(),
                "page": n,
                "pages": pages,
                "previous": if n > 1 { link(n - 1) } else { Value::Null },
                "next": if n < pages { link(n + 1) } else { Value::Null },
                "statements": entries,
                "terms_of_reuse": terms.json(),
            });
            (index_path(n), serde_json::to_string_pretty(&value).expect("JSON of strings") + "\n")
        })
        .collect()
}
