//! Host side: reads `content/{slug}/{kk,ru,en}.md`, checks every rule of
//! `content/README.md`, turns the Markdown into HTML, and writes the result as
//! Rust source for the app. A broken file stops the build with a message that
//! names the file and the problem.

use std::{
    borrow::Cow,
    collections::BTreeMap,
    fmt, fs,
    path::{Path, PathBuf},
};

use pulldown_cmark::{Event, Options, Parser, Tag};
use serde::Deserialize;

use kasipodaq_core::{
    calendar::Date,
    content::{
        language_spans, sort_newest_first, Change, ChangeKind, Context, Kind, Original, Record, Statement, Translated,
        Version,
    },
    files::texts,
    urls::is_valid_slug,
    Lang,
};

/// A problem in the content, naming the file (or folder) and, where it is
/// one line's, the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub path: String,
    /// From 1, counting the header's opening `+++`.
    pub line: Option<usize>,
    pub message: String,
}

impl ContentError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> ContentError {
        ContentError { path: path.into(), line: None, message: message.into() }
    }

    pub fn at(path: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> ContentError {
        ContentError { path: path.into(), line, message: message.into() }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// The header of a language file, between the `+++` lines.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    title: String,
    date: Option<String>,
    kind: String,
    issuer: String,
    source: String,
    source_language: String,
    translation: bool,
    summary: String,
    note: Option<String>,
    published: Option<String>,
    dated_by: Option<String>,
    original: Option<OriginalHeader>,
    formerly: Option<Vec<String>>,
    changes: Option<Vec<ChangeHeader>>,
    context: Option<String>,
    publish_at: Option<String>,
    source_revision: Option<String>,
}

/// `[original]`: where the text was first published.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OriginalHeader {
    url: String,
    date: Option<String>,
}

/// One `[[changes]]` entry.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeHeader {
    date: String,
    what: String,
}

/// `content/pages/` holds the Platform and Union Day pages, not a statement.
pub const PAGES_FOLDER: &str = "pages";

/// Longest title or summary we accept: a summary is one sentence.
const MAX_TITLE: usize = 300;
const MAX_SUMMARY: usize = 600;

/// One language file, read and checked on its own.
struct LanguageFile {
    path: String,
    lang: Lang,
    date: Option<Date>,
    kind: Kind,
    source_language: Lang,
    version: Version,
    published: Option<Date>,
    /// `dated_by`, `[original]` and `formerly`: the statement's, so only
    /// the source-language file may give them.
    dated_by_publication: bool,
    original: Option<Original>,
    formerly: Vec<String>,
    changes: Vec<(Date, ChangeKind)>,
    context: Option<String>,
    /// [`revision`] of this file's text.
    revision: String,
    /// A translation's: the revision of the source it was made from, as
    /// `stamp` wrote it, and the header line that gives it.
    source_revision: Option<(String, Option<usize>)>,
    /// The source file's: not before this moment (Unix seconds), as written.
    publish_at: Option<(i64, String)>,
    /// The header's text, to name the line of a field in a message.
    header: String,
}

/// The contexts statements may name, by id, each with its notice.
type Contexts = BTreeMap<String, Translated>;

/// Where the contexts are defined, inside the content folder.
pub const CONTEXTS_FILE: &str = "pages/contexts.toml";

/// One context's notice in the three languages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextNotice {
    kk: String,
    ru: String,
    en: String,
}

/// The contexts of `pages/contexts.toml` (none when the file is absent).
fn load_contexts(dir: &Path) -> Result<Contexts, ContentError> {
    let path = dir.join(CONTEXTS_FILE);
    let shown = display(dir, &path);
    let error = |message: String| ContentError::new(shown.clone(), message);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Contexts::new()),
        Err(e) => return Err(error(format!("cannot read: {e}"))),
    };
    let parsed: BTreeMap<String, ContextNotice> = toml::from_str(&text).map_err(|e| error(e.message().to_string()))?;
    let mut contexts = Contexts::new();
    for (id, notice) in parsed {
        if !is_valid_slug(&id) {
            return Err(error(format!("[{id}]: a context's id is lowercase a-z, digits and single hyphens")));
        }
        let texts = [notice.kk, notice.ru, notice.en].map(|t| t.trim().to_string());
        if let Some(lang) = Lang::ALL.into_iter().find(|lang| texts[lang.index()].is_empty()) {
            return Err(error(format!("[{id}]: the notice in {lang} is empty")));
        }
        if let Some(lang) = Lang::ALL.into_iter().find(|lang| texts[lang.index()].chars().count() > MAX_SUMMARY) {
            return Err(error(format!("[{id}]: the notice in {lang} is longer than {MAX_SUMMARY} characters")));
        }
        contexts.insert(id, texts.map(Cow::Owned));
    }
    Ok(contexts)
}

/// What `dated_by` may say.
const DATED_BY_PUBLICATION: &str = "publication";

/// Every statement under `dir`, read and checked, with what the press
/// office needs to know about them.
#[derive(Debug)]
pub struct Content {
    /// Newest first, scheduled ones included.
    pub statements: Vec<Statement>,
    /// Statements with a `publish_at`, in the order of `statements`.
    pub scheduled: Vec<Scheduled>,
    /// Translations made from an earlier revision of their source.
    pub stale: Vec<Stale>,
}

/// A statement with a `publish_at`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scheduled {
    pub slug: String,
    /// Unix seconds.
    pub at: i64,
    /// As the file writes it.
    pub written: String,
}

/// A translation behind its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    pub path: String,
    pub slug: String,
    pub lang: Lang,
    pub source_path: String,
    /// The source's latest `[[changes]]` entry.
    pub since: Date,
}

impl Content {
    /// The statements published at `now` (Unix seconds), and those left
    /// out because their `publish_at` is later.
    pub fn published_at(self, now: i64) -> (Vec<Statement>, Vec<Scheduled>) {
        let later: Vec<Scheduled> = self.scheduled.into_iter().filter(|s| s.at > now).collect();
        let statements = self.statements.into_iter().filter(|st| !later.iter().any(|s| *s.slug == *st.slug)).collect();
        (statements, later)
    }
}

/// Reads and checks every statement under `dir`, scheduled ones included.
/// Returns them newest first, or every problem found (not just the first),
/// each naming its file.
pub fn load(dir: &Path) -> Result<Vec<Statement>, Vec<ContentError>> {
    read(dir).map(|content| content.statements)
}

/// [`load`], with the scheduled statements and the stale translations.
pub fn read(dir: &Path) -> Result<Content, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut statements = Vec::new();
    let mut scheduled = Vec::new();
    let mut stale = Vec::new();
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return Err(vec![ContentError::new(dir.display().to_string(), format!("cannot read: {e}"))]),
    };
    let contexts = match load_contexts(dir) {
        Ok(contexts) => contexts,
        Err(problem) => return Err(vec![problem]),
    };
    let mut folders: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect();
    folders.sort();
    // Slugs must differ also on hosts that ignore case.
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for folder in folders {
        let shown = display(dir, &folder);
        let slug = folder.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if slug.starts_with('.') || slug.starts_with('_') || slug == PAGES_FOLDER {
            continue; // hidden and draft folders, and the pages, are not statements
        }
        if let Some(first) = seen.insert(slug.to_lowercase(), shown.clone()) {
            errors.push(ContentError::new(shown.clone(), format!("duplicate slug: {first} has the same address")));
            continue;
        }
        if !is_valid_slug(&slug) {
            errors.push(ContentError::new(
                shown,
                "the folder name is not a valid slug: use lowercase a-z, digits and single hyphens, e.g. 2019-05-12-headquarters-opened",
            ));
            continue;
        }
        match load_statement(dir, &folder, &slug, &contexts) {
            Ok(loaded) => {
                statements.push(loaded.statement);
                scheduled.extend(loaded.scheduled);
                stale.extend(loaded.stale);
            }
            Err(mut problems) => errors.append(&mut problems),
        }
    }
    if statements.is_empty() && errors.is_empty() {
        errors.push(ContentError::new(dir.display().to_string(), "no statements"));
    }
    // An old address must send readers to one statement, and never shadow
    // a statement's own address.
    for statement in &statements {
        for old in &statement.record.formerly {
            let path =
                format!("{}/{}", display(dir, &dir.join(statement.slug.as_ref())), statement.source_language.code());
            if let Some(first) = seen.get(&old.to_lowercase()) {
                errors.push(ContentError::new(
                    format!("{path}.md"),
                    format!("formerly: \"{old}\" is already the address of {first}"),
                ));
            } else {
                seen.insert(old.to_lowercase(), format!("{path}.md"));
            }
        }
    }
    if errors.is_empty() {
        sort_newest_first(&mut statements);
        let order = |slug: &str| statements.iter().position(|st| st.slug == slug);
        scheduled.sort_by_key(|s: &Scheduled| order(&s.slug));
        stale.sort_by_key(|s: &Stale| (order(&s.slug), s.lang.index()));
        Ok(Content { statements, scheduled, stale })
    } else {
        Err(errors)
    }
}

fn display(root: &Path, path: &Path) -> String {
    let base = root.parent().unwrap_or(root);
    path.strip_prefix(base).unwrap_or(path).display().to_string()
}

/// One statement folder, read and checked.
struct Loaded {
    statement: Statement,
    scheduled: Option<Scheduled>,
    stale: Vec<Stale>,
}

fn load_statement(root: &Path, folder: &Path, slug: &str, contexts: &Contexts) -> Result<Loaded, Vec<ContentError>> {
    let mut errors = Vec::new();
    let folder_shown = display(root, folder);
    let error = |path: &str, message: String| ContentError::new(path, message);

    // Only kk.md, ru.md and en.md belong in a statement folder.
    let mut names: Vec<String> = fs::read_dir(folder)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    for name in &names {
        let known = Lang::ALL.iter().any(|lang| *name == format!("{}.md", lang.code()));
        if !known && !name.starts_with('.') {
            errors.push(error(
                &folder_shown,
                format!("unexpected file {name}: a statement folder holds kk.md, ru.md and en.md"),
            ));
        }
    }

    // A statement is published in its source language first; its other
    // languages follow as their files are added.
    let mut files = Vec::new();
    for lang in Lang::ALL {
        let path = folder.join(format!("{}.md", lang.code()));
        let shown = display(root, &path);
        match fs::read_to_string(&path) {
            Ok(text) => match parse_file(&shown, lang, &text) {
                Ok(file) => files.push(file),
                Err(mut problems) => errors.append(&mut problems),
            },
            Err(_) if !path.exists() => {}
            Err(e) => errors.push(error(&shown, format!("cannot read: {e}"))),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let Some(first) = files.first() else {
        return Err(vec![error(
            &folder_shown,
            "no language file: a statement folder holds its source text as kk.md, ru.md or en.md, and its translations"
                .into(),
        )]);
    };

    // The files must describe the same document.
    for file in &files[1..] {
        for (field, differs) in [
            ("date", file.date != first.date),
            ("kind", file.kind != first.kind),
            ("source_language", file.source_language != first.source_language),
        ] {
            if differs {
                errors.push(ContentError::at(
                    &file.path,
                    field_line(&file.header, field),
                    format!("{field} differs from {}", first.path),
                ));
            }
        }
    }
    for file in &files {
        let is_source_language = file.lang == file.source_language;
        let line = field_line(&file.header, "translation");
        if !is_source_language && !file.version.translation {
            errors.push(ContentError::at(
                &file.path,
                line,
                format!("a translation claims to be the source: the source language is {}, so this file needs translation = true", file.source_language),
            ));
        }
        if is_source_language && file.version.translation {
            errors.push(ContentError::at(
                &file.path,
                line,
                "this is the source-language file, so it needs translation = false",
            ));
        }
    }
    let source_language = first.source_language;
    let Some(source) = files.iter().find(|f| f.lang == source_language) else {
        errors.push(error(
            &folder_shown,
            format!(
                "the source text {}.md is missing: a statement is published in its source language first, its translations follow",
                source_language.code()
            ),
        ));
        return Err(errors);
    };
    let counts: Vec<usize> = files.iter().map(|f| f.version.paragraphs.len()).collect();
    if counts.iter().any(|c| *c != counts[0]) {
        let list: Vec<String> =
            files.iter().map(|f| format!("{}.md {}", f.lang.code(), f.version.paragraphs.len())).collect();
        errors.push(error(
            &folder_shown,
            format!(
                "paragraph counts differ ({}): paragraph #pN must be the same paragraph in every language",
                list.join(", ")
            ),
        ));
    }
    if let Some(date) = first.date {
        if !slug.starts_with(&format!("{date}-")) {
            errors.push(error(&folder_shown, format!("the slug must start with the statement's date: {date}-…")));
        }
    }
    for file in files.iter().filter(|f| f.lang != source_language && f.publish_at.is_some()) {
        errors.push(ContentError::at(
            &file.path,
            field_line(&file.header, "publish_at"),
            format!(
                "publish_at belongs to the statement, not to a translation: give it in the source-language file {}.md only",
                source_language.code()
            ),
        ));
    }
    let stale = stale_translations(slug, &files, source, &mut errors);
    let scheduled = source.publish_at.as_ref().map(|(at, written)| Scheduled {
        slug: slug.to_string(),
        at: *at,
        written: written.clone(),
    });
    let record = record(&files, first.date, contexts, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let date = first.date;
    let kind = first.kind;
    let versions = Lang::ALL.map(|lang| match files.iter().find(|f| f.lang == lang) {
        Some(file) => {
            let mut version = file.version.clone();
            version.stale_since = stale.iter().find(|s| s.lang == lang).map(|s| s.since);
            version
        }
        None => Version { fallback: true, published: None, ..source.version.clone() },
    });
    let mut statement = Statement {
        slug: Cow::Owned(slug.to_string()),
        date,
        kind,
        source_language,
        versions,
        text_file: Cow::Borrowed(""),
        record,
    };
    statement.text_file = Cow::Owned(texts::file_name(slug, &texts::to_json(&statement)));
    Ok(Loaded { statement, scheduled, stale })
}

/// What `stamp` writes: the revision of the source a translation was made
/// from, as [`REVISION_LEN`] hex digits.
pub const REVISION_LEN: usize = 12;

/// The revision of a language file's text: its title, summary and
/// paragraphs, so a change in spacing or in the header's other lines does
/// not make its translations stale.
pub fn revision(title: &str, summary: &str, paragraphs: &[String]) -> String {
    let text = format!("{}\n{}\n\n{}", title.trim(), summary.trim(), paragraphs.join("\n\n"));
    crate::site::sha256(text.as_bytes())[..REVISION_LEN / 2].iter().map(|b| format!("{b:02x}")).collect()
}

/// Each translation against the revision of the source it was stamped
/// with. A translation never stamped is refused (`stamp` records it); one
/// stamped with an earlier revision is stale since the source's latest
/// `[[changes]]` entry, which the source must then have.
fn stale_translations(
    slug: &str,
    files: &[LanguageFile],
    source: &LanguageFile,
    errors: &mut Vec<ContentError>,
) -> Vec<Stale> {
    let mut stale = Vec::new();
    let stamp = |lang: Lang| format!("tools/staff.sh stamp {slug} {}", lang.code());
    for file in files.iter().filter(|f| f.lang != source.lang) {
        let Some((made_from, line)) = &file.source_revision else {
            errors.push(ContentError::new(
                &file.path,
                format!(
                    "not stamped: once this translation has been checked against the source text, run {}",
                    stamp(file.lang)
                ),
            ));
            continue;
        };
        if *made_from == source.revision {
            continue;
        }
        if made_from.len() != REVISION_LEN || !made_from.bytes().all(|b| b.is_ascii_hexdigit()) {
            errors.push(ContentError::at(
                &file.path,
                *line,
                format!(
                    "source_revision \"{made_from}\" was not written by {}: delete the line and run it",
                    stamp(file.lang)
                ),
            ));
            continue;
        }
        match source.changes.iter().map(|(date, _)| *date).max() {
            Some(since) => stale.push(Stale {
                path: file.path.clone(),
                slug: slug.to_string(),
                lang: file.lang,
                source_path: source.path.clone(),
                since,
            }),
            None => errors.push(ContentError::new(
                &source.path,
                format!(
                    "the text changed after its translation {} was made, and no [[changes]] entry says when: add one (date and what), so readers of the translation see when the source changed",
                    file.path
                ),
            )),
        }
    }
    stale
}

/// One language file, checked on its own: the [`revision`] of its text and
/// the statement's source language (`stamp` reads the source with it).
pub fn file_revision(path: &Path, shown: &str, lang: Lang) -> Result<(String, Lang), Vec<ContentError>> {
    let text = fs::read_to_string(path).map_err(|e| vec![ContentError::new(shown, format!("cannot read: {e}"))])?;
    parse_file(shown, lang, &text).map(|file| (file.revision, file.source_language))
}

/// A file's header as [`split_header`] finds it, for tools that edit one
/// line of it: the text before the header's lines, the header, and the
/// rest from the closing `+++`.
pub fn header_parts(text: &str) -> Option<(&str, &str, &str)> {
    let (header, _) = split_header(text)?;
    let start = header.as_ptr() as usize - text.as_ptr() as usize;
    Some((&text[..start], header, &text[start + header.len()..]))
}

/// The line of the header (from 1, counting the opening `+++`) that sets
/// `field`, or opens the table `[field]` or `[[field]]`.
fn field_line(header: &str, field: &str) -> Option<usize> {
    header
        .lines()
        .position(|line| {
            let line = line.trim();
            line.strip_prefix(field).is_some_and(|rest| rest.trim_start().starts_with('='))
                || line
                    .strip_prefix('[')
                    .and_then(|l| l.strip_suffix(']'))
                    .is_some_and(|name| name.trim_matches(['[', ']']) == field)
        })
        .map(|index| index + 2)
}

/// The statement's provenance and history from its files: `published`,
/// `dated_by`, `[original]` and `formerly` from the source-language file
/// (a translation that gives them is refused), each file's `[[changes]]`.
fn record(files: &[LanguageFile], date: Option<Date>, contexts: &Contexts, errors: &mut Vec<ContentError>) -> Record {
    let error = |path: &str, message: String| ContentError::new(path, message);
    let Some(source) = files.iter().find(|f| f.lang == f.source_language) else { return Record::default() };
    for file in files.iter().filter(|f| f.lang != f.source_language) {
        let given: Vec<&str> = [
            ("dated_by", file.dated_by_publication),
            ("[original]", file.original.is_some()),
            ("formerly", !file.formerly.is_empty()),
            ("context", file.context.is_some()),
        ]
        .into_iter()
        .filter(|(_, given)| *given)
        .map(|(name, _)| name)
        .collect();
        if !given.is_empty() {
            let first_given = given[0].trim_matches(['[', ']']);
            errors.push(ContentError::at(
                &file.path,
                field_line(&file.header, first_given),
                format!(
                    "{} {} to the statement, not to a translation: give {} in the source-language file {}.md only",
                    given.join(", "),
                    if given.len() == 1 { "belongs" } else { "belong" },
                    if given.len() == 1 { "it" } else { "them" },
                    file.source_language
                ),
            ));
        }
        if let (Some(own), Some(first)) = (file.published, source.published) {
            if own < first {
                errors.push(ContentError::at(
                    &file.path,
                    field_line(&file.header, "published"),
                    format!("published {own} is before the source text's ({first}): a translation comes out with or after it"),
                ));
            }
        }
    }
    let Some(published) = source.published else {
        errors.push(error(
            &source.path,
            "published is missing: the day the portal first published this statement, e.g. published = \"2026-11-23\""
                .into(),
        ));
        return Record::default();
    };
    if source.dated_by_publication {
        match (&source.original, date) {
            (Some(Original { date: Some(first), .. }), Some(date)) if *first == date => {}
            _ => errors.push(ContentError::at(
                &source.path,
                field_line(&source.header, "dated_by"),
                "dated_by = \"publication\" needs [original] with a date, and the statement's date must be that date",
            )),
        }
    }
    for old in &source.formerly {
        if !is_valid_slug(old) {
            errors.push(ContentError::at(
                &source.path,
                field_line(&source.header, "formerly"),
                format!("formerly: \"{old}\" is not a slug (lowercase a-z, digits, single hyphens)"),
            ));
        }
    }
    let mut changes = Vec::new();
    for file in files {
        let first = file.published.unwrap_or(published);
        for &(day, what) in &file.changes {
            if day < first {
                errors.push(ContentError::at(
                    &file.path,
                    field_line(&file.header, "changes"),
                    format!("a change of {day} is dated before this text was published ({first})"),
                ));
            }
            changes.push(Change { date: day, lang: file.lang, what });
        }
    }
    changes.sort_by_key(|c| (c.date, c.lang.index()));
    let context = source.context.as_ref().and_then(|id| match contexts.get(id) {
        Some(notice) => Some(Context { id: Cow::Owned(id.clone()), notice: notice.clone() }),
        None => {
            let known: Vec<&str> = contexts.keys().map(String::as_str).collect();
            errors.push(ContentError::at(
                &source.path,
                field_line(&source.header, "context"),
                format!(
                    "unknown context \"{id}\": contexts are defined in {CONTEXTS_FILE} ({})",
                    if known.is_empty() { "none yet".to_string() } else { format!("known: {}", known.join(", ")) }
                ),
            ));
            None
        }
    });
    Record {
        published: Some(published),
        original: source.original.clone(),
        dated_by_publication: source.dated_by_publication,
        formerly: source.formerly.iter().map(|s| Cow::Owned(s.clone())).collect(),
        changes,
        context,
    }
}

/// Splits a file into its TOML header and its body.
pub(crate) fn split_header(text: &str) -> Option<(&str, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text.strip_prefix("+++\n").or_else(|| text.strip_prefix("+++\r\n"))?;
    let end = rest.find("\n+++")?;
    let header = &rest[..end + 1];
    let after = &rest[end + 4..];
    let body = after.strip_prefix("\r\n").or_else(|| after.strip_prefix('\n')).unwrap_or(after);
    Some((header, body))
}

fn parse_file(path: &str, lang: Lang, text: &str) -> Result<LanguageFile, Vec<ContentError>> {
    let Some((header_text, body)) = split_header(text) else {
        return Err(vec![ContentError::at(
            path,
            Some(1),
            "no header: the file must start with a line +++, then the header, then a line +++",
        )]);
    };
    // A problem with one field names its line.
    let on = |field: &str, message: String| ContentError::at(path, field_line(header_text, field), message);
    let header: Header = toml::from_str(header_text).map_err(|e| {
        let line = e.span().map(|span| header_text[..span.start.min(header_text.len())].matches('\n').count() + 2);
        vec![ContentError::at(path, line, format!("header: {}", e.message()))]
    })?;
    let body_line = text[..text.len() - body.len()].matches('\n').count() + 1;

    let mut errors = Vec::new();
    let kind = Kind::from_code(&header.kind);
    if kind.is_none() {
        let known: Vec<&str> = Kind::ALL.iter().map(|k| k.code()).collect();
        errors.push(on("kind", format!("unknown kind \"{}\": use one of {}", header.kind, known.join(", "))));
    }
    let date = match &header.date {
        None => None,
        Some(text) => match Date::parse_iso(text) {
            Some(date) => Some(date),
            None => {
                errors.push(on("date", format!("malformed date \"{text}\": write YYYY-MM-DD, or leave the line out if the source gives no date")));
                None
            }
        },
    };
    let source_language = Lang::from_code(&header.source_language);
    if source_language.is_none() {
        errors.push(on(
            "source_language",
            format!("unknown source_language \"{}\": use kk, ru or en", header.source_language),
        ));
    }
    let publish_at = header.publish_at.as_deref().and_then(|text| match kasipodaq_core::contacts::parse_rfc3339(text.trim()) {
        Ok(at) => Some((at, text.trim().to_string())),
        Err(_) => {
            errors.push(on(
                "publish_at",
                format!("malformed publish_at \"{text}\": write the date, time and offset, e.g. \"2026-12-10T09:00:00+05:00\""),
            ));
            None
        }
    });
    let source_revision = header
        .source_revision
        .as_ref()
        .map(|revision| (revision.trim().to_string(), field_line(header_text, "source_revision")));
    for (field, value) in [
        ("title", Some(&header.title)),
        ("issuer", Some(&header.issuer)),
        ("source", Some(&header.source)),
        ("summary", Some(&header.summary)),
        ("note", header.note.as_ref()),
    ] {
        if let Some(c) = value.and_then(|v| control_character(v)) {
            errors.push(on(field, format!("{field} holds an invisible control character ({c}): {CONTROL_HINT}")));
        }
    }
    for (field, value, max) in [
        ("title", &header.title, MAX_TITLE),
        ("issuer", &header.issuer, MAX_TITLE),
        ("source", &header.source, MAX_SUMMARY),
        ("summary", &header.summary, MAX_SUMMARY),
    ] {
        if value.trim().is_empty() {
            errors.push(on(field, format!("{field} is empty")));
        } else if value.chars().count() > max {
            errors.push(on(field, format!("{field} is longer than {max} characters")));
        }
    }

    let mut day = |field: &str, text: &str| match Date::parse_iso(text) {
        Some(date) => Some(date),
        None => {
            let line = field_line(header_text, field.trim_start_matches('[').split([']', ' ']).next().unwrap_or(field));
            errors.push(ContentError::at(path, line, format!("{field}: malformed date \"{text}\": write YYYY-MM-DD")));
            None
        }
    };
    let published = header.published.as_deref().and_then(|text| day("published", text));
    let original = header.original.as_ref().map(|original| {
        let date = original.date.as_deref().and_then(|text| day("[original] date", text));
        Original { url: Cow::Owned(original.url.trim().to_string()), date }
    });
    let mut changes = Vec::new();
    for change in header.changes.iter().flatten() {
        if let Some(date) = day("[[changes]] date", &change.date) {
            changes.push((date, change.what.as_str()));
        }
    }
    let changes: Vec<(Date, ChangeKind)> = changes
        .into_iter()
        .filter_map(|(date, what)| match ChangeKind::from_code(what) {
            Some(kind) => Some((date, kind)),
            None => {
                let known: Vec<&str> = ChangeKind::ALL.iter().map(|k| k.code()).collect();
                errors.push(on(
                    "changes",
                    format!("[[changes]]: unknown what = \"{what}\": use one of {}", known.join(", ")),
                ));
                None
            }
        })
        .collect();
    if let Some(original) = &original {
        if let Err(problem) = check_url(&original.url) {
            errors.push(on("original", format!("[original] url \"{}\": {problem}", original.url)));
        }
    }
    let dated_by_publication = match header.dated_by.as_deref() {
        None => false,
        Some(DATED_BY_PUBLICATION) => true,
        Some(other) => {
            errors.push(on("dated_by", format!("dated_by = \"{other}\": the only value is \"{DATED_BY_PUBLICATION}\" (the date is that of the first publication), or leave the line out")));
            false
        }
    };

    let blocks = paragraphs(body);
    if blocks.is_empty() {
        errors.push(ContentError::at(
            path,
            Some(body_line),
            "no paragraphs: the text goes after the header, paragraphs separated by an empty line",
        ));
    }
    let mut paragraphs = Vec::new();
    for (n, (line, block)) in blocks.iter().enumerate() {
        if let Some(c) = control_character(block) {
            errors.push(ContentError::at(
                path,
                Some(body_line + line),
                format!("paragraph {} holds an invisible control character ({c}): {CONTROL_HINT}", n + 1),
            ));
            continue;
        }
        match markdown_to_html(block) {
            Ok(html) => paragraphs.push(Cow::Owned(html)),
            Err(problem) => {
                errors.push(ContentError::at(path, Some(body_line + line), format!("paragraph {}: {problem}", n + 1)));
            }
        }
    }
    let blocks: Vec<String> = blocks.into_iter().map(|(_, block)| block).collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(LanguageFile {
        path: path.to_string(),
        lang,
        date,
        kind: kind.expect("checked above"),
        source_language: source_language.expect("checked above"),
        version: Version {
            title: Cow::Owned(header.title.trim().to_string()),
            issuer: Cow::Owned(header.issuer.trim().to_string()),
            source: Cow::Owned(header.source.trim().to_string()),
            summary: Cow::Owned(header.summary.trim().to_string()),
            note: header.note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).map(Cow::Owned),
            translation: header.translation,
            fallback: false,
            stale_since: None,
            published: if header.translation { published } else { None },
            paragraphs: Cow::Owned(paragraphs),
        },
        published,
        dated_by_publication,
        original,
        formerly: header.formerly.unwrap_or_default(),
        changes,
        context: header.context.map(|c| c.trim().to_string()),
        revision: revision(&header.title, &header.summary, &blocks),
        source_revision,
        publish_at,
        header: header_text.to_string(),
    })
}

/// An address the page may link to: `https://` or `http://`, a host, no
/// spaces or quotes.
pub fn check_url(url: &str) -> Result<(), &'static str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).ok_or("use an https:// address")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || !host.contains('.') {
        return Err("the address has no host");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`')) {
        return Err("an address has no spaces, quotes or angle brackets");
    }
    Ok(())
}

/// What to do about a control character: where it usually comes from.
const CONTROL_HINT: &str =
    "delete it (it usually comes with text pasted from a word processor or a PDF; retype the words around it)";

/// The first control character in `text` other than a tab or a line break,
/// named as `U+000B`: invisible in an editor, and not allowed in XML (the
/// feeds, the sitemap).
fn control_character(text: &str) -> Option<String> {
    text.chars().find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')).map(|c| format!("U+{:04X}", c as u32))
}

/// The body's paragraphs: blocks separated by blank lines, each with the
/// index of its first line in the body.
fn paragraphs(body: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut start = 0;
    for (index, line) in body.lines().enumerate() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push((start, current.join("\n")));
                current.clear();
            }
        } else {
            if current.is_empty() {
                start = index;
            }
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push((start, current.join("\n")));
    }
    blocks
}

/// Markdown to HTML. Raw HTML, headings and images are refused: the text is
/// the federation's words, and the page owns its structure.
fn markdown_to_html(markdown: &str) -> Result<String, String> {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, Options::empty()).collect();
    for event in &events {
        match event {
            Event::Html(_) | Event::InlineHtml(_) => return Err("raw HTML is not allowed; use Markdown".into()),
            Event::Start(Tag::Heading { .. }) => {
                return Err("headings are not allowed in the text; the title is in the header".into())
            }
            Event::Start(Tag::Image { .. }) => return Err("images are not allowed in the text".into()),
            Event::Start(Tag::Link { dest_url, .. })
                if !(dest_url.starts_with("https://")
                    || dest_url.starts_with("http://")
                    || dest_url.starts_with('/')
                    || dest_url.starts_with('#')) =>
            {
                return Err(format!("link to \"{dest_url}\": only https://, http://, /… and #… links are allowed"));
            }
            _ => {}
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    // `[[kk:…]]` marks a name in another language; it becomes a span with
    // that `lang` (the words inside are already escaped).
    let mut marked = String::with_capacity(html.len());
    for (lang, text) in language_spans(html.trim_end())? {
        match lang {
            Some(lang) => marked.push_str(&format!("<span lang=\"{lang}\">{text}</span>")),
            None => marked.push_str(text),
        }
    }
    Ok(marked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_is_split_from_the_body() {
        let (header, body) = split_header("+++\ntitle = \"T\"\n+++\n\nText.\n").unwrap();
        assert_eq!(header, "title = \"T\"\n");
        assert_eq!(body, "\nText.\n");
        assert!(split_header("title = \"T\"\n\nText").is_none());
        assert!(split_header("+++\ntitle = \"T\"\n").is_none());
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let blocks = paragraphs("\nA\nB\n\n  \n- x\n- y\n\nC");
        let expected = [(1, "A\nB"), (5, "- x\n- y"), (8, "C")].map(|(line, text)| (line, text.to_string()));
        assert_eq!(blocks, expected);
    }

    #[test]
    fn markdown_becomes_html_and_text_is_escaped() {
        assert_eq!(markdown_to_html("*a* & **b**").unwrap(), "<p><em>a</em> &amp; <strong>b</strong></p>");
        assert_eq!(markdown_to_html("> quoted").unwrap(), "<blockquote>\n<p>quoted</p>\n</blockquote>");
        assert_eq!(markdown_to_html("line\\\nbreak").unwrap(), "<p>line<br />\nbreak</p>");
    }

    #[test]
    fn language_marks_become_spans_with_lang() {
        assert_eq!(
            markdown_to_html("знак [[kk:«Үздік»]] & *x*").unwrap(),
            "<p>знак <span lang=\"kk\">«Үздік»</span> &amp; <em>x</em></p>"
        );
        assert!(markdown_to_html("[[xx:word]]").is_err());
    }

    #[test]
    fn raw_html_headings_images_and_script_links_are_refused() {
        assert!(markdown_to_html("a <script>alert(1)</script>").is_err());
        assert!(markdown_to_html("<div>x</div>").is_err());
        assert!(markdown_to_html("# Title").is_err());
        assert!(markdown_to_html("![x](https://e.org/a.png)").is_err());
        assert!(markdown_to_html("[x](javascript:alert(1))").is_err());
        assert!(markdown_to_html("[x](https://kasipodaq.kz/)").is_ok());
    }
}
