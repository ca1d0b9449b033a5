//! The statements' texts travel outside the app. The app carries what the
//! archive, the home page and every statement's header need (titles,
//! summaries, dates, sources); each statement's paragraphs, in all three
//! languages, are a file of their own, `/texts/{slug}-{hash}.json`, written
//! by the prerender and fetched when the statement is shown (the statement's
//! page preloads its own). A reader of one statement no longer downloads all
//! of them, and a language switch still needs no request.
//!
//! The other pages made of long texts travel the same way, so that no
//! reader downloads every page's text with the app: the Platform and Union
//! Day pages (`/texts/platform-{hash}.json`, `/texts/union-day-{hash}.json`:
//! the whole [`PointsPage`]) and the accessibility statement
//! (`/texts/accessibility-{hash}.json`: its body as HTML in each language).
//!
//! A name carries the SHA-256 of the file's content (base64url, 43
//! characters), so a host may cache it for ever, and the app asks the
//! browser to refuse a body with another hash (`fetch` with the name's
//! `integrity`: an altered, cut or stale file never reaches the app). The
//! paragraphs are HTML made at build time from our own Markdown, and only
//! such a file may become HTML on the page. (The hash was checked in the
//! WebAssembly before: code the browser already has; docs/performance.md,
//! "Decisions in the code, measured".)

use std::borrow::Cow;

use serde_json::Value;

#[cfg(not(target_arch = "wasm32"))]
use crate::content::Statement;
use crate::content::{Point, PointsPage, Section, Translated};
use crate::{urls::site_path, Lang};

/// Base64url (RFC 4648, section 5) without padding, as in a texts file's name.
const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// The length of a SHA-256 in base64url without padding.
const DIGEST_NAME_LEN: usize = 43;

/// The folder of the text files, under the site's base path.
pub const TEXTS_FOLDER: &str = "/texts/";

/// The largest texts or headers file the app reads (bigger ones are refused
/// while they stream in, and the page stays as prerendered): several times
/// the longest page's file in three languages.
pub const MAX_BYTES: usize = 512 * 1024;

/// The name (the stem of the file, and written inside it) of the
/// accessibility statement's texts file.
pub const ACCESSIBILITY_PAGE: &str = "accessibility";

/// The start of each language's messages file, `messages-kk-{hash}.json`:
/// the app's translations, of which it fetches the page's language
/// (`kasipodaq_core::i18n::packed::read_language`). No statement's slug
/// starts so (a slug starts with its date).
pub const MESSAGES_PREFIX: &str = "messages-";

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

/// SHA-256 (FIPS 180-4), by the crate made for it.
#[cfg(not(target_arch = "wasm32"))]
fn sha256(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

/// `{stem}-{the SHA-256 of json in base64url}.json`.
#[cfg(not(target_arch = "wasm32"))]
pub fn file_name(stem: &str, json: &str) -> String {
    use base64::Engine;
    let digest = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha256(json.as_bytes()));
    format!("{stem}-{digest}.json")
}

/// The hash part of a texts file's name (`{stem}-{hash}.json`; the hash may
/// itself hold a `-`), if the name has that shape.
fn digest_of(file_name: &str) -> Option<&str> {
    let stem = file_name.strip_suffix(".json")?;
    let at = stem.len().checked_sub(DIGEST_NAME_LEN + 1)?;
    let (before, digest) = (stem.get(..at)?, stem.get(at + 1..)?);
    let shaped = !before.is_empty() && stem.as_bytes()[at] == b'-' && digest.bytes().all(|b| BASE64URL.contains(&b));
    shaped.then_some(digest)
}

/// The `integrity` of the texts file `file_name` for the browser's `fetch`
/// (`sha256-` and the hash in standard base64), if the name has a hash.
pub fn integrity(file_name: &str) -> Option<String> {
    let digest = digest_of(file_name)?;
    let standard: String = digest
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    Some(format!("sha256-{standard}="))
}

/// The site path of a text file, e.g. `/texts/slug-{hash}.json`.
pub fn path(file_name: &str) -> String {
    site_path(&format!("{TEXTS_FOLDER}{file_name}"))
}

/// Whether `body` is what the file named `file_name` holds (on the build
/// machine; in the browser, `fetch` checks it with [`integrity`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn check(file_name: &str, body: &str) -> Result<(), TextError> {
    let digest = digest_of(file_name).ok_or(TextError::Altered)?;
    let stem = &file_name[..file_name.len() - ".json".len() - digest.len() - 1];
    if file_name == self::file_name(stem, body) {
        Ok(())
    } else {
        Err(TextError::Altered)
    }
}

/// Whether `file_name` could be the texts file of the statement `slug`
/// (`{slug}-{hash}.json`): a name read from a file is checked before it
/// becomes a path.
pub fn check_name(file_name: &str, slug: &str) -> Result<(), TextError> {
    let hash = file_name
        .strip_prefix(slug)
        .and_then(|rest| rest.strip_prefix('-'))
        .and_then(|rest| rest.strip_suffix(".json"));
    match hash {
        Some(hash) if hash.len() == DIGEST_NAME_LEN && digest_of(file_name).is_some() => Ok(()),
        _ => Err(TextError::Shape("not a texts file's name")),
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

/// The texts file of a page of points (Platform, Union Day): the whole page,
/// under the name `page` (the file's stem).
#[cfg(not(target_arch = "wasm32"))]
pub fn points_to_json(page_name: &str, page: &PointsPage) -> String {
    use serde_json::json;
    let translated = |text: &Translated| json!([&*text[0], &*text[1], &*text[2]]);
    let sections: Vec<Value> = page
        .sections
        .iter()
        .map(|section| {
            let points: Vec<Value> = section
                .points
                .iter()
                .map(|point| {
                    json!({
                        "text": translated(&point.text),
                        "paragraph": point.paragraph,
                        "source": point.source.as_ref().map(translated),
                    })
                })
                .collect();
            json!({
                "id": &*section.id,
                "statement": section.statement.as_deref(),
                "statement_title": section.statement_title.as_ref().map(translated),
                "context": section.context.as_ref().map(translated),
                "title": translated(&section.title),
                "intro": section.intro.as_ref().map(translated),
                "original": section.original.as_ref().map(|(lang, text)| json!([lang.code(), &**text])),
                "points": points,
            })
        })
        .collect();
    json!({ "page": page_name, "sections": sections }).to_string()
}

/// The page of points in the texts file of `page_name` (already [`check`]ed).
pub fn read_points(value: &Value, page_name: &str) -> Result<PointsPage, TextError> {
    if value.get("page").and_then(Value::as_str) != Some(page_name) {
        return Err(TextError::Shape("the file is another page's"));
    }
    let sections = value
        .get("sections")
        .and_then(Value::as_array)
        .ok_or(TextError::Shape("no sections"))?
        .iter()
        .map(read_section)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(PointsPage { sections: Cow::Owned(sections) })
}

fn read_section(value: &Value) -> Result<Section, TextError> {
    let original = match value.get("original") {
        None | Some(Value::Null) => None,
        Some(original) => {
            let lang = original.get(0).and_then(Value::as_str).and_then(Lang::from_code);
            let text = original.get(1).and_then(Value::as_str);
            let (lang, text) = lang.zip(text).ok_or(TextError::Shape("an original name is not [language, text]"))?;
            Some((lang, Cow::Owned(text.to_owned())))
        }
    };
    let points = value
        .get("points")
        .and_then(Value::as_array)
        .ok_or(TextError::Shape("a section has no points"))?
        .iter()
        .map(|point| {
            let paragraph = match point.get("paragraph") {
                None | Some(Value::Null) => None,
                Some(n) => Some(
                    n.as_u64()
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or(TextError::Shape("a paragraph is not a number"))?,
                ),
            };
            Ok(Point {
                text: translated(point.get("text"))?,
                paragraph,
                source: optional_translated(point.get("source"))?,
            })
        })
        .collect::<Result<Vec<_>, TextError>>()?;
    Ok(Section {
        id: owned_str(value.get("id")).ok_or(TextError::Shape("a section has no id"))?,
        statement: match value.get("statement") {
            None | Some(Value::Null) => None,
            Some(slug) => Some(owned_str(Some(slug)).ok_or(TextError::Shape("a statement is not a slug"))?),
        },
        statement_title: optional_translated(value.get("statement_title"))?,
        context: optional_translated(value.get("context"))?,
        title: translated(value.get("title"))?,
        intro: optional_translated(value.get("intro"))?,
        original,
        points: Cow::Owned(points),
    })
}

fn owned_str(value: Option<&Value>) -> Option<Cow<'static, str>> {
    value.and_then(Value::as_str).map(|s| Cow::Owned(s.to_owned()))
}

/// `[kk, ru, en]`.
fn translated(value: Option<&Value>) -> Result<Translated, TextError> {
    let text = |i: usize| owned_str(value.and_then(|v| v.get(i)));
    match (value.and_then(Value::as_array).map(Vec::len), text(0), text(1), text(2)) {
        (Some(3), Some(kk), Some(ru), Some(en)) => Ok([kk, ru, en]),
        _ => Err(TextError::Shape("a text is not [kk, ru, en]")),
    }
}

fn optional_translated(value: Option<&Value>) -> Result<Option<Translated>, TextError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(_) => translated(value).map(Some),
    }
}

/// The texts file of a page whose body is one piece of HTML per language
/// (the accessibility statement), under the name `page_name`.
#[cfg(not(target_arch = "wasm32"))]
pub fn html_to_json(page_name: &str, html: &[String; 3]) -> String {
    serde_json::json!({ "page": page_name, "html": html }).to_string()
}

/// The HTML of each language in the texts file of `page_name` (already
/// [`check`]ed), in the order of [`Lang::ALL`].
pub fn read_html(value: &Value, page_name: &str) -> Result<[String; 3], TextError> {
    if value.get("page").and_then(Value::as_str) != Some(page_name) {
        return Err(TextError::Shape("the file is another page's"));
    }
    let html = |i: usize| value.get("html").and_then(|h| h.get(i)).and_then(Value::as_str).map(str::to_owned);
    match (value.get("html").and_then(Value::as_array).map(Vec::len), html(0), html(1), html(2)) {
        (Some(3), Some(kk), Some(ru), Some(en)) => Ok([kk, ru, en]),
        _ => Err(TextError::Shape("the HTML is not [kk, ru, en]")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standard_base64_sha256(bytes: &[u8]) -> String {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(sha256(bytes))
    }

    #[test]
    fn a_name_carries_the_hash_of_its_content_and_check_refuses_any_other() {
        let name = file_name("a-statement", "{\"x\":1}");
        assert!(name.starts_with("a-statement-") && name.ends_with(".json"), "{name}");
        let hash = &name["a-statement-".len()..name.len() - ".json".len()];
        assert_eq!(hash.len(), 43, "the whole SHA-256 in base64url: {name}");
        assert!(hash.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        // The browser's check: the same hash in standard base64, padded.
        assert_eq!(integrity(&name), Some(format!("sha256-{}", standard_base64_sha256(b"{\"x\":1}"))));
        assert_eq!(check(&name, "{\"x\":1}"), Ok(()));
        assert_eq!(check(&name, "{\"x\":2}"), Err(TextError::Altered));
        assert_eq!(check(&name, "{\"x\":1}\n"), Err(TextError::Altered));
        assert_eq!(check(&name, ""), Err(TextError::Altered));
        assert_eq!(check("no-hash.json", "{\"x\":1}"), Err(TextError::Altered));
        assert_eq!(check("nothing", ""), Err(TextError::Altered));
        assert_eq!(integrity("no-hash.json"), None);
        assert_eq!(integrity(&name.replacen("a-statement", "", 1)), None, "a name with no stem");
    }

    #[test]
    fn a_hash_may_hold_a_dash_and_every_shape_of_name_is_read() {
        // Bodies whose hashes start, end or hold '-' and '_' (found by trying).
        for body in (0..200).map(|i| format!("{{\"x\":{i}}}")) {
            let name = file_name("s", &body);
            assert_eq!(check(&name, &body), Ok(()), "{name}");
            assert_eq!(check_name(&name, "s"), Ok(()), "{name}");
            let standard = integrity(&name).unwrap();
            assert_eq!(standard, format!("sha256-{}", standard_base64_sha256(body.as_bytes())));
        }
        assert_eq!(check_name("s-0123456789abcdef.json", "s"), Err(TextError::Shape("not a texts file's name")));
    }

    #[test]
    fn a_text_file_is_read_only_for_its_own_statement_and_shape() {
        let value: Value =
            serde_json::from_str(r#"{"slug":"s","kk":["<p>а</p>"],"ru":["<p>б</p>","<p>в</p>"],"en":[]}"#).unwrap();
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

    fn a_points_page() -> PointsPage {
        let t = |s: &str| -> Translated {
            [Cow::Owned(format!("{s} kk")), Cow::Owned(format!("{s} ru")), Cow::Owned(format!("{s} en"))]
        };
        PointsPage {
            sections: Cow::Owned(vec![
                Section {
                    id: "first".into(),
                    statement: Some("a-statement".into()),
                    statement_title: Some(t("A statement")),
                    context: Some(t("A campaign")),
                    title: t("Title"),
                    intro: Some(t("Intro <b>")),
                    original: Some((Lang::Kk, "Атауы".into())),
                    points: Cow::Owned(vec![
                        Point { text: t("One"), paragraph: Some(8), source: None },
                        Point { text: t("Two"), paragraph: None, source: Some(t("Source")) },
                    ]),
                },
                Section {
                    id: "second".into(),
                    statement: None,
                    statement_title: None,
                    context: None,
                    title: t("Other"),
                    intro: None,
                    original: None,
                    points: Cow::Owned(vec![]),
                },
            ]),
        }
    }

    #[test]
    fn a_points_page_reads_back_as_written_and_only_for_its_own_name() {
        let page = a_points_page();
        let json = points_to_json("platform", &page);
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(read_points(&value, "platform"), Ok(page));
        assert_eq!(read_points(&value, "union-day"), Err(TextError::Shape("the file is another page's")));
    }

    #[test]
    fn a_points_page_of_another_shape_is_refused_with_what_is_wrong() {
        let json = points_to_json("platform", &a_points_page());
        let altered = |from: &str, to: &str| -> Result<PointsPage, TextError> {
            assert!(json.contains(from), "{from} in {json}");
            read_points(&serde_json::from_str(&json.replacen(from, to, 1)).unwrap(), "platform")
        };
        assert_eq!(
            altered(r#""title":["Title kk","Title ru","Title en"]"#, r#""title":["Title kk","Title ru"]"#),
            Err(TextError::Shape("a text is not [kk, ru, en]"))
        );
        assert_eq!(altered(r#""Title en""#, "3"), Err(TextError::Shape("a text is not [kk, ru, en]")));
        assert_eq!(
            altered(r#""paragraph":8"#, r#""paragraph":-8"#),
            Err(TextError::Shape("a paragraph is not a number"))
        );
        assert_eq!(
            altered(r#""paragraph":8"#, r#""paragraph":"8""#),
            Err(TextError::Shape("a paragraph is not a number"))
        );
        assert_eq!(
            altered(r#"["kk","Атауы"]"#, r#"["xx","Атауы"]"#),
            Err(TextError::Shape("an original name is not [language, text]"))
        );
        assert_eq!(altered(r#""id":"first""#, r#""id":1"#), Err(TextError::Shape("a section has no id")));
        assert_eq!(
            altered(r#""statement":"a-statement""#, r#""statement":[]"#),
            Err(TextError::Shape("a statement is not a slug"))
        );
        assert_eq!(altered(r#""sections":"#, r#""chapters":"#), Err(TextError::Shape("no sections")));
    }

    #[test]
    fn an_html_page_reads_back_as_written_and_only_for_its_own_name_and_shape() {
        let html = ["<p>а</p>".to_owned(), "<p>б</p>".to_owned(), "<p>c</p>".to_owned()];
        let value: Value = serde_json::from_str(&html_to_json("accessibility", &html)).unwrap();
        assert_eq!(read_html(&value, "accessibility"), Ok(html));
        assert_eq!(read_html(&value, "platform"), Err(TextError::Shape("the file is another page's")));
        let short: Value = serde_json::from_str(r#"{"page":"accessibility","html":["a","b"]}"#).unwrap();
        assert_eq!(read_html(&short, "accessibility"), Err(TextError::Shape("the HTML is not [kk, ru, en]")));
        let number: Value = serde_json::from_str(r#"{"page":"accessibility","html":["a","b",3]}"#).unwrap();
        assert_eq!(read_html(&number, "accessibility"), Err(TextError::Shape("the HTML is not [kk, ru, en]")));
    }
}
