//! The statements' texts travel outside the app. The app carries what the
//! archive, the home page and every statement's header need (titles,
//! summaries, dates, sources); each statement's paragraphs, in all three
//! languages, are a file of their own, `/texts/{slug}-{hash}.json`, written
//! by the prerender and fetched when the statement is shown (the statement's
//! page preloads its own). A reader of one statement no longer downloads all
//! of them, and a language switch still needs no request.
//!
//! The archive's search reads one more file, `/texts/search-{hash}.json`:
//! the words of every statement, each once.
//!
//! A name carries the first 16 hexadecimal digits of the SHA-256 of the
//! file's content, so a host may cache it for ever, and the app refuses a
//! body whose hash differs from its name (an altered, cut or stale file): the
//! paragraphs are HTML made at build time from our own Markdown, and only
//! such a file may become HTML on the page.

use serde_json::Value;

use super::Statement;
use crate::{archive::normalize, site::sha256, urls::site_path, Lang};

/// The folder of the text files, under the site's base path.
pub const TEXTS_FOLDER: &str = "/texts/";

/// A statement's paragraphs, in the order of [`Lang::ALL`].
pub type Paragraphs = [Vec<String>; 3];

/// Why a text file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// Its content does not have the hash in its name.
    Altered,
    /// Not the shape this module writes (after the hash matched: a bug).
    Shape(&'static str),
}

/// The text file of `statement`: its JSON, as written by the prerender.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_json(statement: &Statement) -> String {
    let mut file = serde_json::Map::new();
    file.insert("slug".into(), Value::String(statement.slug.to_string()));
    for lang in Lang::ALL {
        let paragraphs = statement.version(lang).paragraphs.iter().map(|p| Value::String(p.to_string())).collect();
        file.insert(lang.code().into(), Value::Array(paragraphs));
    }
    Value::Object(file).to_string()
}

/// The words of every statement (slug → its words, each once, in the order
/// first met), as the archive's search file. A query word never holds a
/// space, so it is found in this list exactly when it is found in the whole
/// text.
#[cfg(not(target_arch = "wasm32"))]
pub fn search_json(statements: &[Statement]) -> String {
    let words = statements
        .iter()
        .map(|s| {
            let all = search_words(s);
            let mut seen = std::collections::BTreeSet::new();
            let unique: Vec<&str> = all.split(' ').filter(|word| seen.insert(*word)).collect();
            (s.slug.to_string(), Value::String(unique.join(" ")))
        })
        .collect();
    Value::Object(words).to_string()
}

/// `{stem}-{first 16 hex digits of the SHA-256 of json}.json`.
pub fn file_name(stem: &str, json: &str) -> String {
    format!("{stem}-{}.json", short_hash(json.as_bytes()))
}

/// The site path of a text file, e.g. `/texts/slug-0123456789abcdef.json`.
pub fn path(file_name: &str) -> String {
    site_path(&format!("{TEXTS_FOLDER}{file_name}"))
}

fn short_hash(bytes: &[u8]) -> String {
    sha256(bytes)[..8].iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Whether `body` is what the file named `file_name` holds.
pub fn check(file_name: &str, body: &str) -> Result<(), TextError> {
    let expected = file_name.strip_suffix(".json").and_then(|stem| stem.rsplit_once('-')).map(|(_, hash)| hash);
    if expected == Some(short_hash(body.as_bytes()).as_str()) {
        Ok(())
    } else {
        Err(TextError::Altered)
    }
}

/// The paragraphs of the text file of the statement `slug` (already
/// [`check`]ed).
pub fn read(value: &Value, slug: &str) -> Result<Paragraphs, TextError> {
    if value.get("slug").and_then(Value::as_str) != Some(slug) {
        return Err(TextError::Shape("the file is another statement's"));
    }
    let in_lang = |lang: Lang| -> Result<Vec<String>, TextError> {
        value
            .get(lang.code())
            .and_then(Value::as_array)
            .ok_or(TextError::Shape("a language is missing"))?
            .iter()
            .map(|p| p.as_str().map(str::to_owned).ok_or(TextError::Shape("a paragraph is not text")))
            .collect()
    };
    Ok([in_lang(Lang::Kk)?, in_lang(Lang::Ru)?, in_lang(Lang::En)?])
}

/// The search file's words by slug (already [`check`]ed).
pub fn read_search(value: &Value) -> Result<Vec<(String, String)>, TextError> {
    let object = value.as_object().ok_or(TextError::Shape("not an object"))?;
    object
        .iter()
        .map(|(slug, words)| {
            words.as_str().map(|w| (slug.clone(), w.to_owned())).ok_or(TextError::Shape("words are not text"))
        })
        .collect()
}

/// Every word of a statement in all three languages (title, summary, issuer
/// and paragraphs), normalised ([`normalize`]), separated by single spaces.
pub fn search_words(statement: &Statement) -> String {
    let mut all = String::new();
    for version in &statement.versions {
        for part in [&version.title, &version.summary, &version.issuer] {
            all.push_str(part);
            all.push(' ');
        }
        for paragraph in version.paragraphs.iter() {
            all.push_str(&super::html_to_text(paragraph));
            all.push(' ');
        }
    }
    normalize(&all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_carries_the_hash_of_its_content_and_check_refuses_any_other() {
        let name = file_name("a-statement", "{\"x\":1}");
        assert!(name.starts_with("a-statement-") && name.ends_with(".json"), "{name}");
        let hash = &name["a-statement-".len()..name.len() - ".json".len()];
        assert_eq!(hash.len(), 16, "always 16 digits, leading zeros kept: {name}");
        assert!(hash.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        assert_eq!(check(&name, "{\"x\":1}"), Ok(()));
        assert_eq!(check(&name, "{\"x\":2}"), Err(TextError::Altered));
        assert_eq!(check(&name, "{\"x\":1}\n"), Err(TextError::Altered));
        assert_eq!(check(&name, ""), Err(TextError::Altered));
        assert_eq!(check("no-hash.json", "{\"x\":1}"), Err(TextError::Altered));
        assert_eq!(check("nothing", ""), Err(TextError::Altered));
    }

    #[test]
    fn a_text_file_is_read_only_for_its_own_statement_and_shape() {
        let value: Value = serde_json::from_str(r#"{"slug":"s","kk":["<p>а</p>"],"ru":["<p>б</p>","<p>в</p>"],"en":[]}"#).unwrap();
        assert_eq!(
            read(&value, "s"),
            Ok([vec!["<p>а</p>".to_owned()], vec!["<p>б</p>".to_owned(), "<p>в</p>".to_owned()], vec![]])
        );
        assert_eq!(read(&value, "t"), Err(TextError::Shape("the file is another statement's")));
        let missing: Value = serde_json::from_str(r#"{"slug":"s","kk":[],"ru":[]}"#).unwrap();
        assert_eq!(read(&missing, "s"), Err(TextError::Shape("a language is missing")));
        let number: Value = serde_json::from_str(r#"{"slug":"s","kk":[1],"ru":[],"en":[]}"#).unwrap();
        assert_eq!(read(&number, "s"), Err(TextError::Shape("a paragraph is not text")));
    }

    #[test]
    fn the_search_file_maps_slugs_to_words() {
        let value: Value = serde_json::from_str(r#"{"a":"one two","b":"three"}"#).unwrap();
        let words = read_search(&value).unwrap();
        assert_eq!(words, [("a".to_owned(), "one two".to_owned()), ("b".to_owned(), "three".to_owned())]);
        assert!(read_search(&serde_json::from_str(r#"{"a":1}"#).unwrap()).is_err());
        assert!(read_search(&serde_json::from_str(r#"[]"#).unwrap()).is_err());
    }
}
