//! Host side: the Platform and Union Day pages (`content/pages/*.toml`),
//! sections of short points in three languages, each point linked to the
//! statement paragraph it comes from or naming its public source.

use std::{borrow::Cow, collections::BTreeSet, path::Path};

use serde::Deserialize;

use super::load::ContentError;
use kasipodaq_core::{
    content::{language_spans, Point, PointsPage, Section, Statement, Translated},
    urls::is_valid_slug,
    Lang,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSchema {
    section: Vec<SectionSchema>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionSchema {
    id: String,
    statement: Option<String>,
    title: TextSchema,
    intro: Option<TextSchema>,
    original: Option<OriginalSchema>,
    #[serde(default)]
    point: Vec<PointSchema>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OriginalSchema {
    lang: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PointSchema {
    paragraph: Option<u32>,
    source: Option<TextSchema>,
    text: TextSchema,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextSchema {
    kk: String,
    ru: String,
    en: String,
}

const MAX_TEXT: usize = 600;

/// Reads and checks one page file against the loaded statements.
pub fn load(path: &Path, shown: &str, statements: &[Statement]) -> Result<PointsPage, Vec<ContentError>> {
    let error = |message: String| ContentError::new(shown, message);
    let text = std::fs::read_to_string(path).map_err(|e| vec![error(format!("cannot read: {e}"))])?;
    let file: FileSchema = toml::from_str(&text).map_err(|e| vec![error(e.to_string().trim().replace('\n', " "))])?;

    let mut errors = Vec::new();
    let mut ids = BTreeSet::new();
    let mut sections = Vec::new();
    for (s, section) in file.section.into_iter().enumerate() {
        let at = format!("section {} ({})", s + 1, section.id);
        if !is_valid_slug(&section.id) {
            errors.push(error(format!("{at}: id must be lowercase a-z, digits and hyphens")));
        }
        if !ids.insert(section.id.clone()) {
            errors.push(error(format!("{at}: id used twice")));
        }
        let statement = match &section.statement {
            None => None,
            Some(slug) => match statements.iter().find(|st| st.slug == *slug) {
                Some(st) => Some(st),
                None => {
                    errors.push(error(format!("{at}: no statement \"{slug}\"")));
                    None
                }
            },
        };
        let check = |what: &str, t: &TextSchema| {
            translated(t)
                .and_then(|t| {
                    if t.iter().any(|x| x.contains("[[")) {
                        Err("language marks [[…]] are for points only".into())
                    } else {
                        Ok(t)
                    }
                })
                .map_err(|m| error(format!("{at}: {what}: {m}")))
        };
        let title = check("title", &section.title);
        let intro = section.intro.as_ref().map(|i| check("intro", i)).transpose();
        let original = match section.original {
            None => None,
            Some(o) => match Lang::from_code(&o.lang) {
                Some(lang) if !o.text.trim().is_empty() => Some((lang, Cow::Owned(o.text))),
                _ => {
                    errors.push(error(format!("{at}: original needs lang (kk, ru or en) and text")));
                    None
                }
            },
        };
        if section.point.is_empty() {
            errors.push(error(format!("{at}: no points")));
        }
        let mut points = Vec::new();
        for (p, point) in section.point.iter().enumerate() {
            let at = format!("{at}, point {}", p + 1);
            let text = translated(&point.text).and_then(|t| to_html(&t)).map_err(|m| error(format!("{at}: text: {m}")));
            let source =
                point.source.as_ref().map(translated).transpose().map_err(|m| error(format!("{at}: source: {m}")));
            match (point.paragraph, &point.source, statement) {
                (Some(_), Some(_), _) => errors.push(error(format!("{at}: give a paragraph or a source, not both"))),
                (None, None, _) => {
                    errors.push(error(format!("{at}: needs a paragraph of the section's statement or a source")));
                }
                (Some(_), None, None) => errors.push(error(format!("{at}: a paragraph needs the section's statement"))),
                (Some(n), None, Some(st)) => {
                    let count = st.versions[0].paragraphs.len() as u32;
                    if n == 0 || n > count {
                        errors.push(error(format!("{at}: {} has paragraphs 1 to {count}, not {n}", st.slug)));
                    }
                }
                (None, Some(_), _) => {}
            }
            match (text, source) {
                (Ok(text), Ok(source)) => points.push(Point { text, paragraph: point.paragraph, source }),
                (text, source) => errors.extend(text.err().into_iter().chain(source.err())),
            }
        }
        match (title, intro) {
            (Ok(title), Ok(intro)) => sections.push(Section {
                id: Cow::Owned(section.id),
                statement: section.statement.map(Cow::Owned),
                statement_title: statement.map(|st| Lang::ALL.map(|lang| st.version(lang).title.clone())),
                context: statement.and_then(|st| st.record.context.as_ref()).map(|c| c.notice.clone()),
                title,
                intro,
                original,
                points: Cow::Owned(points),
            }),
            (title, intro) => errors.extend(title.err().into_iter().chain(intro.err())),
        }
    }
    if errors.is_empty() {
        Ok(PointsPage { sections: Cow::Owned(sections) })
    } else {
        Err(errors)
    }
}

fn translated(t: &TextSchema) -> Result<Translated, String> {
    let mut out = Vec::new();
    for (lang, text) in [("kk", &t.kk), ("ru", &t.ru), ("en", &t.en)] {
        let text = text.trim();
        if text.is_empty() {
            return Err(format!("the {lang} text is empty"));
        }
        language_spans(text).map_err(|e| format!("the {lang} text: {e}"))?;
        if text.chars().count() > MAX_TEXT {
            return Err(format!("the {lang} text is longer than {MAX_TEXT} characters"));
        }
        out.push(Cow::Owned(text.to_string()));
    }
    let mut out = out.into_iter();
    Ok([out.next().unwrap(), out.next().unwrap(), out.next().unwrap()])
}

use crate::codegen::{cow_str as s, option};

/// A point's text as HTML: escaped, with `[[kk:…]]` marks turned into spans
/// with that `lang`. Done here so the app ships no parser for the marks.
fn to_html(text: &Translated) -> Result<Translated, String> {
    let mut out = Vec::new();
    for one in text.iter() {
        let mut html = String::new();
        for (lang, words) in language_spans(one)? {
            let escaped = kasipodaq_core::html::escape(words);
            match lang {
                Some(lang) => html.push_str(&format!("<span lang=\"{lang}\">{escaped}</span>")),
                None => html.push_str(&escaped),
            }
        }
        out.push(Cow::Owned(html));
    }
    let mut out = out.into_iter();
    Ok([out.next().unwrap(), out.next().unwrap(), out.next().unwrap()])
}

fn t(text: &Translated) -> String {
    format!("[{}, {}, {}]", s(&text[0]), s(&text[1]), s(&text[2]))
}

/// A page may cite a statement only once it is published: a section whose
/// statement is scheduled later than this build is refused, naming when.
pub fn check_published(page: &PointsPage, shown: &str, later: &[super::load::Scheduled]) -> Vec<ContentError> {
    page.sections
        .iter()
        .filter_map(|section| {
            let slug = section.statement.as_deref()?;
            let scheduled = later.iter().find(|s| s.slug == slug)?;
            Some(ContentError::new(
                shown,
                format!(
                    "[[sections]] {}: its statement {slug} is scheduled for {}; the page can cite it from then on",
                    section.id, scheduled.written
                ),
            ))
        })
        .collect()
}

/// The page's sections with their ids, statements and titles only: what the
/// home page lists of the Platform page.
pub fn outline(page: &PointsPage) -> PointsPage {
    let sections = page
        .sections
        .iter()
        .map(|section| Section {
            statement_title: None,
            context: None,
            intro: None,
            original: None,
            points: Cow::Borrowed(&[]),
            ..section.clone()
        })
        .collect();
    PointsPage { sections: Cow::Owned(sections) }
}

/// The page as a Rust expression of type `kasipodaq_core::content::PointsPage`.
pub fn to_rust(page: &PointsPage) -> String {
    const C: &str = "::kasipodaq_core::content";
    let sections: Vec<String> = page
        .sections
        .iter()
        .map(|section| {
            let points: Vec<String> = section
                .points
                .iter()
                .map(|p| {
                    format!(
                        "{C}::Point {{ text: {}, paragraph: {:?}, source: {} }}",
                        t(&p.text),
                        p.paragraph,
                        option(p.source.as_ref(), t)
                    )
                })
                .collect();
            format!(
                "{C}::Section {{ id: {}, statement: {}, statement_title: {}, context: {}, title: {}, intro: {}, original: {}, points: ::std::borrow::Cow::Borrowed(&[{}]) }}",
                s(&section.id),
                option(section.statement.as_ref(), |x| s(x)),
                option(section.statement_title.as_ref(), t),
                option(section.context.as_ref(), t),
                t(&section.title),
                option(section.intro.as_ref(), t),
                section
                    .original
                    .as_ref()
                    .map(|(lang, text)| format!("Some((::kasipodaq_core::Lang::{lang:?}, {}))", s(text)))
                    .unwrap_or_else(|| "None".into()),
                points.join(", ")
            )
        })
        .collect();
    format!("{C}::PointsPage {{ sections: ::std::borrow::Cow::Borrowed(&[{}]) }}", sections.join(",\n"))
}
