//! Statements: the editorial files under `content/`, read and checked at build
//! time (`kasipodaq_build::content::load`). What a page shows of their
//! headers (titles, summaries, dates, sources) travels in the page's headers
//! file ([`crate::files::headers`]); their paragraphs in a file per statement
//! ([`crate::files::texts`]), fetched when the statement is shown.

use std::borrow::Cow;

use crate::{calendar::Date, Lang};

pub use crate::kind::Kind;

pub type Text = Cow<'static, str>;

/// One language version of a statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    pub title: Text,
    pub issuer: Text,
    pub source: Text,
    pub summary: Text,
    /// An editor's note, e.g. which typos of the source were fixed.
    pub note: Option<Text>,
    /// `false` for the source text, `true` for our translations.
    pub translation: bool,
    /// No version in this language yet: this is the source-language
    /// version, shown under a notice until the translation is added.
    pub fallback: bool,
    /// A translation made from an earlier revision of the source: the day
    /// the source last changed (its latest `[[changes]]` entry).
    pub stale_since: Option<Date>,
    /// A translation published after the statement: the day it was (its
    /// own `published`); `None` for the source text.
    pub published: Option<Date>,
    /// Paragraph `n` (from 1) is `paragraphs[n - 1]`: HTML made from Markdown
    /// at build time, with raw HTML refused. Empty in the app's copy: the
    /// paragraphs come from [`Statement::text_file`].
    pub paragraphs: Cow<'static, [Text]>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub slug: Text,
    /// `None` where the source gives no date.
    pub date: Option<Date>,
    pub kind: Kind,
    /// The language of the text we were given.
    pub source_language: Lang,
    /// In the order of [`Lang::ALL`].
    pub versions: [Version; 3],
    /// The name of the file with its paragraphs in every language
    /// ([`texts::file_name`] of [`texts::to_json`]).
    pub text_file: Text,
    /// Where it was first published, when the portal published it, and what
    /// the portal changed since. Empty in the headers of lists, which show
    /// none of it.
    pub record: Record,
}

/// A statement's provenance and history.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    /// The day the portal first published the statement.
    pub published: Option<Date>,
    /// Its first publication elsewhere, where one is known.
    pub original: Option<Original>,
    /// The statement's `date` is the day of that first publication, not a
    /// date the text itself gives.
    pub dated_by_publication: bool,
    /// Slugs it was published under before, whose addresses send readers on.
    pub formerly: Vec<Text>,
    /// Oldest first.
    pub changes: Vec<Change>,
    /// The events the statement belongs to, with their notice.
    pub context: Option<Context>,
}

/// A context statements may belong to (`content/pages/contexts.toml`), e.g.
/// an election campaign: one translated notice, shown wherever the
/// statement's text travels.
#[derive(Clone, Debug, PartialEq)]
pub struct Context {
    pub id: Text,
    pub notice: Translated,
}

/// The first publication of a statement's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Original {
    /// An `https://` or `http://` address (checked when read).
    pub url: Text,
    pub date: Option<Date>,
}

/// One change the portal made to a published statement.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub date: Date,
    /// The language version that changed.
    pub lang: Lang,
    pub what: ChangeKind,
}

/// What a change was: each has a message (`change-{code}`) in every language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    TypoFixed,
    TranslationCorrected,
    WordingCorrected,
    DateCorrected,
    SourceAdded,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 5] = [
        ChangeKind::TypoFixed,
        ChangeKind::TranslationCorrected,
        ChangeKind::WordingCorrected,
        ChangeKind::DateCorrected,
        ChangeKind::SourceAdded,
    ];

    /// The word in the files and the open data, and the message id's tail.
    pub const fn code(self) -> &'static str {
        match self {
            ChangeKind::TypoFixed => "typo-fixed",
            ChangeKind::TranslationCorrected => "translation-corrected",
            ChangeKind::WordingCorrected => "wording-corrected",
            ChangeKind::DateCorrected => "date-corrected",
            ChangeKind::SourceAdded => "source-added",
        }
    }

    pub fn from_code(code: &str) -> Option<ChangeKind> {
        ChangeKind::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

impl Record {
    /// The day of the latest change, if any.
    pub fn updated(&self) -> Option<Date> {
        self.changes.iter().map(|c| c.date).max()
    }

    /// The day the page last changed: the latest change, or the portal's
    /// publication.
    pub fn modified(&self) -> Option<Date> {
        self.updated().or(self.published)
    }
}

impl Statement {
    pub fn version(&self, lang: Lang) -> &Version {
        &self.versions[lang.index()]
    }

    /// Whether the statement has its own version in `lang` (not the
    /// source text shown in its place).
    pub fn has(&self, lang: Lang) -> bool {
        !self.version(lang).fallback
    }

    /// The languages the statement exists in, in the order of [`Lang::ALL`].
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL.into_iter().filter(|lang| self.has(*lang))
    }

    /// The language the text shown in `lang` is written in.
    pub fn text_lang(&self, lang: Lang) -> Lang {
        if self.has(lang) {
            lang
        } else {
            self.source_language
        }
    }

    pub fn year(&self) -> Option<i32> {
        self.date.map(|d| d.year)
    }
}

/// A text in the three languages, in the order of [`Lang::ALL`].
pub type Translated = [Text; 3];

pub fn in_lang(text: &Translated, lang: Lang) -> &str {
    &text[lang.index()]
}

/// A page made of sections of short points (Platform, Union Day).
#[derive(Clone, Debug, PartialEq)]
pub struct PointsPage {
    pub sections: Cow<'static, [Section]>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The section's anchor on its page.
    pub id: Text,
    /// The statement its `paragraph` points come from.
    pub statement: Option<Text>,
    /// That statement's title, which the section names (the app has no
    /// statement of its own to look it up in).
    pub statement_title: Option<Translated>,
    /// The notice of that statement's context, if it has one.
    pub context: Option<Translated>,
    pub title: Translated,
    pub intro: Option<Translated>,
    /// A name in its own language, shown with its `lang`.
    pub original: Option<(Lang, Text)>,
    pub points: Cow<'static, [Point]>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// HTML made at build time: escaped text, names in another language in
    /// `<span lang>`.
    pub text: Translated,
    /// `#pN` of the section's statement.
    pub paragraph: Option<u32>,
    /// Where a point not taken from a statement was published.
    pub source: Option<Translated>,
}

/// Newest first; statements without a date after all dated ones; then by slug
/// so the order never depends on the file system.
pub fn sort_newest_first(statements: &mut [Statement]) {
    statements.sort_by(|a, b| match (a.date, b.date) {
        (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.slug.cmp(&b.slug)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.slug.cmp(&b.slug),
    });
}

/// Splits a text with language marks, `[[kk:«Үздік әлеуметтік әріптес»]]`,
/// into pieces with the language each is in (`None`: the surrounding text's),
/// so a Kazakh name in a Russian sentence carries its own `lang`.
pub fn language_spans(text: &str) -> Result<Vec<(Option<Lang>, &str)>, String> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        if start > 0 {
            pieces.push((None, &rest[..start]));
        }
        let inner = &rest[start + 2..];
        let end =
            inner.find("]]").ok_or_else(|| format!("a language mark is not closed with ]]: \"{}\"", &rest[start..]))?;
        let marked = &inner[..end];
        let (code, words) = marked
            .split_once(':')
            .ok_or_else(|| format!("a language mark needs a language: [[kk:…]], not [[{marked}]]"))?;
        let lang = Lang::from_code(code)
            .ok_or_else(|| format!("unknown language \"{code}\" in [[{marked}]]: use kk, ru or en"))?;
        if words.trim().is_empty() || words.contains("[[") {
            return Err(format!("[[{marked}]] marks no text"));
        }
        pieces.push((Some(lang), words));
        rest = &inner[end + 2..];
    }
    if rest.contains("]]") {
        return Err(format!("]] without [[ in \"{rest}\""));
    }
    if !rest.is_empty() {
        pieces.push((None, rest));
    }
    Ok(pieces)
}

/// The visible text of build-time HTML: tags dropped, the entities that
/// pulldown-cmark writes decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    crate::html::unescape(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(Kind::from_code("Letter"), None);
        assert_eq!(Kind::from_code("speech"), None);
    }

    #[test]
    fn language_marks_split_the_text() {
        assert_eq!(
            language_spans("Нагрудный знак [[kk:«Үздік әріптес»]] ФПРК").unwrap(),
            [(None, "Нагрудный знак "), (Some(Lang::Kk), "«Үздік әріптес»"), (None, " ФПРК")]
        );
        assert_eq!(language_spans("plain").unwrap(), [(None, "plain")]);
        assert!(language_spans("[[de:Wort]]").unwrap_err().contains("unknown language"));
        assert!(language_spans("[[kk:open").unwrap_err().contains("not closed"));
        assert!(language_spans("[[no language]]").unwrap_err().contains("needs a language"));
        assert!(language_spans("stray]]").is_err());
        assert!(language_spans("[[kk: ]]").is_err());
    }

    #[test]
    fn html_to_text_drops_tags_and_decodes_entities() {
        assert_eq!(
            html_to_text("<p>A &amp; B <em>&lt;x&gt;</em></p>").split_whitespace().collect::<Vec<_>>().join(" "),
            "A & B <x>"
        );
    }
}
