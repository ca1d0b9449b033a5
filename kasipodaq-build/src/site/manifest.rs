//! What a build published, for the browser tests and the bench to read
//! instead of reading `content/` and `locales/` a second way: the
//! statements as the build read them (newest first, their paragraphs as
//! plain text), the scheduled ones it left out, and every message as the
//! Fluent compiler compiled it. Written beside the build, never into it
//! (`target/build-manifest/{folder}.json`, by the prerender).

use std::path::Path;

use serde_json::{json, Map, Value};

use crate::content::load::Scheduled;
use kasipodaq_core::{
    content::Statement,
    i18n::{Catalog, Piece, VariantKey},
    Lang,
};

/// The manifest of a build from the content folder `content`.
pub fn build_manifest(content: &Path, statements: &[Statement], scheduled: &[Scheduled], catalog: &Catalog) -> String {
    let statements: Vec<Value> = statements.iter().map(statement).collect();
    let scheduled: Vec<Value> =
        scheduled.iter().map(|later| json!({ "slug": later.slug, "publishAt": later.written })).collect();
    let mut messages = Map::new();
    for lang in Lang::ALL {
        let compiled: Map<String, Value> =
            catalog.messages(lang).iter().map(|message| (message.id.to_string(), pieces(&message.pieces))).collect();
        messages.insert(lang.code().into(), Value::Object(compiled));
    }
    json!({
        "content": content.display().to_string(),
        "statements": statements,
        "scheduled": scheduled,
        "messages": messages,
    })
    .to_string()
}

fn statement(statement: &Statement) -> Value {
    let mut versions = Map::new();
    for lang in Lang::ALL {
        let version = statement.version(lang);
        versions.insert(
            lang.code().into(),
            json!({
                "title": version.title,
                "issuer": version.issuer,
                "summary": version.summary,
                "fallback": version.fallback,
                "paragraphs": version.paragraphs.iter().map(|html| plain_text(html)).collect::<Vec<_>>(),
            }),
        );
    }
    json!({
        "slug": statement.slug,
        "date": statement.date.map(|date| date.to_string()),
        "kind": statement.kind.code(),
        "sourceLanguage": statement.source_language.code(),
        "languages": Lang::ALL.iter().filter(|lang| statement.has(**lang)).map(|lang| lang.code()).collect::<Vec<_>>(),
        "versions": versions,
    })
}

/// A paragraph's text as a reader sees it: its HTML (which the build
/// wrote: no `<` in text) without tags, entities read.
fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = rest[open..].find('>').map_or("", |close| &rest[open + close + 1..]);
    }
    text.push_str(rest);
    kasipodaq_core::html::unescape(&text)
}

/// A compiled pattern: text as strings, `{ "var": name }`, and
/// `{ "select": name, "variants": [{ "key": …, "pieces": … }], "default": i }`
/// with a number key as a number.
fn pieces(pieces: &[Piece]) -> Value {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => json!(text),
            Piece::Var(name) => json!({ "var": name }),
            Piece::Select { selector, variants, default } => json!({
                "select": selector,
                "default": default,
                "variants": variants.iter().map(|variant| json!({
                    "key": match &variant.key {
                        VariantKey::Number(number) => json!(number),
                        VariantKey::Name(name) => json!(name),
                    },
                    "pieces": self::pieces(&variant.pieces),
                })).collect::<Vec<_>>(),
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_is_read_as_text() {
        assert_eq!(
            plain_text("A <em>firm</em> &amp; <a href=\"x\">fair</a> wage &lt;now&gt;"),
            "A firm & fair wage <now>"
        );
        assert_eq!(plain_text("plain"), "plain");
    }
}
