//! The statements' headers (titles, summaries, dates, sources) travel
//! outside the app, so that its code is the same size whatever the size of
//! the archive. Each page that shows headers has a headers file of its own,
//! holding exactly what it shows, in all three languages (a language switch
//! needs no request): the home page's latest statements, one archive view's
//! page of at most fifty (with the view's count and the years and kinds it
//! links to), and one statement with its older and newer neighbours.
//!
//! The files are `/texts/headers/{stem}.json`: like the pages, a page's
//! headers file keeps its address from release to release, so the app finds
//! any page's file without a list of names, and a release rewrites only the
//! files (and pages) whose content changed, which keeps a rebuild after one
//! more statement short at any size of the archive. A host revalidates them
//! as it does pages (deploy/nginx.conf). Each file names its own stem inside,
//! and the app refuses one that names another. They hold text only: the app
//! shows it as text, never as HTML.

use serde_json::Value;

use crate::content::{Change, ChangeKind, Context, Kind, Original, Record, Statement, Text, Version};
use crate::{calendar::Date, urls::ArchiveView, urls::Page, Lang};

/// The folder of the headers files, inside the texts folder.
pub const HEADERS_FOLDER: &str = "headers/";

/// How many statements the home page lists.
pub const LATEST: usize = 3;

/// The pages that show headers, each with its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    Home,
    Archive(ArchiveView),
    Statement(String),
}

impl Key {
    /// The headers file `page` needs, if it shows any.
    pub fn of(page: &Page) -> Option<Key> {
        match page {
            Page::Home => Some(Key::Home),
            Page::Statements(view) => Some(Key::Archive(*view)),
            Page::Statement(slug) => Some(Key::Statement(slug.clone())),
            _ => None,
        }
    }

    /// `home`, `archive-2019-letter-2` (`all` for no year or kind),
    /// `statement-{slug}`.
    pub fn stem(&self) -> String {
        match self {
            Key::Home => "home".into(),
            Key::Archive(view) => format!(
                "archive-{}-{}-{}",
                view.year.map_or("all".into(), |y| y.to_string()),
                view.kind.map_or("all", Kind::code),
                view.page
            ),
            Key::Statement(slug) => format!("statement-{slug}"),
        }
    }

    /// The file's name under the texts folder.
    pub fn file_name(&self) -> String {
        format!("{HEADERS_FOLDER}{}.json", self.stem())
    }
}

/// What a headers file holds. Each is read once per page and kept as it
/// is; boxing the statement page's variant would only add indirection.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Headers {
    /// The newest statements, for the home page.
    Home { latest: Vec<Statement> },
    /// One page of an archive view: the view's statement count, the years
    /// (newest first) and kinds its links offer, and the page's statements.
    Archive { count: usize, years: Vec<i32>, kinds: Vec<Kind>, statements: Vec<Statement> },
    /// One statement and its neighbours in the archive (newest first).
    Statement { statement: Statement, older: Option<Statement>, newer: Option<Statement> },
}

/// A statement without its paragraphs: what a headers file carries.
/// Lists show no provenance or history, so theirs is left out.
fn header(statement: &Statement) -> Statement {
    let mut header = statement.clone();
    for version in &mut header.versions {
        version.paragraphs = Default::default();
    }
    header.record = Record::default();
    header
}

/// The statement a statement page shows: with its record.
fn full_header(statement: &Statement) -> Statement {
    Statement { record: statement.record.clone(), ..header(statement) }
}

/// The headers `key` shows, from the whole archive (newest first); `None`
/// for a statement that is not in it or a page past a view's end.
pub fn of(statements: &[Statement], key: &Key) -> Option<Headers> {
    match key {
        Key::Home => Some(Headers::Home { latest: statements.iter().take(LATEST).map(header).collect() }),
        Key::Archive(view) => {
            let in_view = |s: &Statement, year: Option<i32>, kind: Option<Kind>| {
                year.is_none_or(|y| s.year() == Some(y)) && kind.is_none_or(|k| s.kind == k)
            };
            let all: Vec<&Statement> = statements.iter().filter(|s| in_view(s, view.year, view.kind)).collect();
            let page = crate::archive::page_of(&all, view.page);
            if page.is_empty() && view.page > 1 {
                return None;
            }
            let years = crate::archive::years(statements)
                .into_iter()
                .filter(|&year| statements.iter().any(|s| in_view(s, Some(year), view.kind)))
                .collect();
            let kinds = Kind::ALL
                .into_iter()
                .filter(|&kind| statements.iter().any(|s| in_view(s, view.year, Some(kind))))
                .collect();
            Some(Headers::Archive {
                count: all.len(),
                years,
                kinds,
                statements: page.iter().map(|s| header(s)).collect(),
            })
        }
        Key::Statement(slug) => {
            let index = statements.iter().position(|s| s.slug == *slug)?;
            Some(Headers::Statement {
                statement: full_header(&statements[index]),
                older: statements.get(index + 1).map(header),
                newer: index.checked_sub(1).and_then(|i| statements.get(i)).map(header),
            })
        }
    }
}

fn statement_json(statement: &Statement) -> Value {
    let mut file = serde_json::Map::new();
    file.insert("slug".into(), statement.slug.to_string().into());
    file.insert("date".into(), statement.date.map(|d| d.to_string()).into());
    file.insert("kind".into(), statement.kind.code().into());
    file.insert("source_language".into(), statement.source_language.code().into());
    file.insert("text_file".into(), statement.text_file.to_string().into());
    for lang in Lang::ALL {
        let v = statement.version(lang);
        let mut version = serde_json::Map::new();
        for (name, text) in [("title", &v.title), ("issuer", &v.issuer), ("source", &v.source), ("summary", &v.summary)]
        {
            version.insert(name.into(), text.to_string().into());
        }
        version.insert("note".into(), v.note.as_ref().map(|n| n.to_string()).into());
        version.insert("translation".into(), v.translation.into());
        // Only where true or known: most versions are neither.
        if v.fallback {
            version.insert("fallback".into(), true.into());
        }
        if let Some(since) = v.stale_since {
            version.insert("stale_since".into(), since.to_string().into());
        }
        file.insert(lang.code().into(), version.into());
    }
    if statement.record != Record::default() {
        file.insert("record".into(), record_json(&statement.record));
    }
    file.into()
}

/// A statement's provenance and history, as the headers file and the open
/// data give them.
pub fn record_json(record: &Record) -> Value {
    let date = |d: Option<Date>| -> Value { d.map(|d| d.to_string()).into() };
    serde_json::json!({
        "published": date(record.published),
        "original": record.original.as_ref().map(|o| serde_json::json!({ "url": o.url, "date": date(o.date) })),
        "dated_by_publication": record.dated_by_publication,
        "formerly": record.formerly,
        "changes": record.changes.iter().map(|c| serde_json::json!({
            "date": c.date.to_string(), "lang": c.lang.code(), "what": c.what.code()
        })).collect::<Vec<_>>(),
        "context": record.context.as_ref().map(|c| serde_json::json!({
            "id": c.id,
            "notice": { "kk": c.notice[0], "ru": c.notice[1], "en": c.notice[2] },
        })),
    })
}

fn optional_date(value: Option<&Value>) -> Result<Option<Date>, Refused> {
    match value {
        Some(Value::Null) | None => Ok(None),
        Some(Value::String(date)) => Ok(Some(Date::parse_iso(date).ok_or(Refused("record"))?)),
        _ => Err(Refused("record")),
    }
}

/// The record [`record_json`] wrote; its address is checked again, as it
/// becomes a link.
fn read_record(value: Option<&Value>) -> Result<Record, Refused> {
    let Some(value) = value else { return Ok(Record::default()) };
    let refused = Refused("record");
    let original = match value.get("original") {
        Some(Value::Null) | None => None,
        Some(original) => {
            let url = original.get("url").and_then(Value::as_str).ok_or(refused)?;
            let safe = (url.starts_with("https://") || url.starts_with("http://"))
                && !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>'));
            if !safe {
                return Err(refused);
            }
            Some(Original { url: Text::Owned(url.to_owned()), date: optional_date(original.get("date"))? })
        }
    };
    let changes = value
        .get("changes")
        .and_then(Value::as_array)
        .ok_or(refused)?
        .iter()
        .map(|c| {
            Some(Change {
                date: Date::parse_iso(c.get("date")?.as_str()?)?,
                lang: Lang::from_code(c.get("lang")?.as_str()?)?,
                what: ChangeKind::from_code(c.get("what")?.as_str()?)?,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or(refused)?;
    let context = match value.get("context") {
        Some(Value::Null) | None => None,
        Some(context) => {
            let notice = context.get("notice").ok_or(refused)?;
            let text = |lang: Lang| notice.get(lang.code()).and_then(Value::as_str).map(|t| Text::Owned(t.to_owned()));
            Some(Context {
                id: Text::Owned(context.get("id").and_then(Value::as_str).ok_or(refused)?.to_owned()),
                notice: [
                    text(Lang::Kk).ok_or(refused)?,
                    text(Lang::Ru).ok_or(refused)?,
                    text(Lang::En).ok_or(refused)?,
                ],
            })
        }
    };
    Ok(Record {
        context,
        published: optional_date(value.get("published"))?,
        original,
        dated_by_publication: value.get("dated_by_publication").and_then(Value::as_bool).ok_or(refused)?,
        formerly: value
            .get("formerly")
            .and_then(Value::as_array)
            .ok_or(refused)?
            .iter()
            .map(|s| s.as_str().map(|s| Text::Owned(s.to_owned())))
            .collect::<Option<_>>()
            .ok_or(refused)?,
        changes,
    })
}

/// The JSON of `headers` in the file of `key`.
pub fn to_json(key: &Key, headers: &Headers) -> String {
    let mut file = serde_json::Map::new();
    file.insert("stem".into(), key.stem().into());
    match headers {
        Headers::Home { latest } => {
            file.insert("latest".into(), latest.iter().map(statement_json).collect());
        }
        Headers::Archive { count, years, kinds, statements } => {
            file.insert("count".into(), (*count).into());
            file.insert("years".into(), years.clone().into());
            file.insert("kinds".into(), kinds.iter().map(|k| Value::from(k.code())).collect());
            file.insert("statements".into(), statements.iter().map(statement_json).collect());
        }
        Headers::Statement { statement, older, newer } => {
            file.insert("statement".into(), statement_json(statement));
            file.insert("older".into(), older.as_ref().map_or(Value::Null, statement_json));
            file.insert("newer".into(), newer.as_ref().map_or(Value::Null, statement_json));
        }
    }
    Value::Object(file).to_string()
}

/// Every page's headers of the archive `statements` (newest first), as
/// [`of`] gives each, made in one pass over the archive: asked one key at a
/// time, a large archive's views cost the build minutes.
#[cfg(not(target_arch = "wasm32"))]
pub fn all(statements: &[Statement]) -> Vec<(Key, Headers)> {
    use std::collections::BTreeMap;
    // Each view's statements, newest first: the whole archive, each year,
    // each kind, each year's kind.
    let mut groups: BTreeMap<(Option<i32>, Option<Kind>), Vec<&Statement>> = BTreeMap::new();
    for statement in statements {
        let year = statement.year();
        for key in [(None, None), (None, Some(statement.kind))] {
            groups.entry(key).or_default().push(statement);
        }
        if year.is_some() {
            for key in [(year, None), (year, Some(statement.kind))] {
                groups.entry(key).or_default().push(statement);
            }
        }
    }
    let mut all = vec![(Key::Home, Headers::Home { latest: statements.iter().take(LATEST).map(header).collect() })];
    for view in crate::archive::views(statements) {
        let in_view = groups.get(&(view.year, view.kind)).map_or(&[][..], Vec::as_slice);
        let page = crate::archive::page_of(in_view, view.page);
        if page.is_empty() && view.page > 1 {
            continue;
        }
        // The years a view links to keep its kind; the kinds keep its year.
        let mut years: Vec<i32> =
            groups.keys().filter(|(_, kind)| *kind == view.kind).filter_map(|(year, _)| *year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        let kinds = Kind::ALL.into_iter().filter(|kind| groups.contains_key(&(view.year, Some(*kind)))).collect();
        let headers = Headers::Archive {
            count: in_view.len(),
            years,
            kinds,
            statements: page.iter().map(|s| header(s)).collect(),
        };
        all.push((Key::Archive(view), headers));
    }
    for (index, statement) in statements.iter().enumerate() {
        let headers = Headers::Statement {
            statement: full_header(statement),
            older: statements.get(index + 1).map(header),
            newer: index.checked_sub(1).and_then(|i| statements.get(i)).map(header),
        };
        all.push((Key::Statement(statement.slug.to_string()), headers));
    }
    all
}

/// Every headers file of the archive `statements` (newest first): each
/// file's name and JSON.
#[cfg(not(target_arch = "wasm32"))]
pub fn files(statements: &[Statement]) -> Vec<(String, String)> {
    all(statements).iter().map(|(key, headers)| (key.file_name(), to_json(key, headers))).collect()
}

/// Why a headers file was not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused(pub &'static str);

fn text(value: &Value, name: &'static str) -> Result<Text, Refused> {
    value.get(name).and_then(Value::as_str).map(|s| Text::Owned(s.to_owned())).ok_or(Refused(name))
}

fn read_statement(value: &Value) -> Result<Statement, Refused> {
    let date = match value.get("date") {
        Some(Value::Null) => None,
        Some(Value::String(date)) => Some(Date::parse_iso(date).ok_or(Refused("date"))?),
        _ => return Err(Refused("date")),
    };
    let kind = value.get("kind").and_then(Value::as_str).and_then(Kind::from_code).ok_or(Refused("kind"))?;
    let source_language = value
        .get("source_language")
        .and_then(Value::as_str)
        .and_then(Lang::from_code)
        .ok_or(Refused("source_language"))?;
    let version = |lang: Lang| -> Result<Version, Refused> {
        let v = value.get(lang.code()).ok_or(Refused("a language"))?;
        Ok(Version {
            title: text(v, "title")?,
            issuer: text(v, "issuer")?,
            source: text(v, "source")?,
            summary: text(v, "summary")?,
            note: match v.get("note") {
                Some(Value::Null) | None => None,
                Some(_) => Some(text(v, "note")?),
            },
            translation: v.get("translation").and_then(Value::as_bool).ok_or(Refused("translation"))?,
            fallback: v.get("fallback").and_then(Value::as_bool).unwrap_or(false),
            // Only the feeds and the open data use it.
            published: None,
            stale_since: match v.get("stale_since") {
                None => None,
                Some(day) => Some(day.as_str().and_then(Date::parse_iso).ok_or(Refused("stale_since"))?),
            },
            paragraphs: Default::default(),
        })
    };
    let slug = text(value, "slug")?;
    // A slug becomes a path: only what the content check lets through.
    if slug.is_empty() || !slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return Err(Refused("slug"));
    }
    let text_file = text(value, "text_file")?;
    if crate::files::texts::check_name(&text_file, &slug).is_err() {
        return Err(Refused("text_file"));
    }
    Ok(Statement {
        slug,
        date,
        kind,
        source_language,
        versions: [version(Lang::Kk)?, version(Lang::Ru)?, version(Lang::En)?],
        text_file,
        record: read_record(value.get("record"))?,
    })
}

fn statements(value: &Value, name: &'static str) -> Result<Vec<Statement>, Refused> {
    value.get(name).and_then(Value::as_array).ok_or(Refused(name))?.iter().map(read_statement).collect()
}

/// The headers in the file of `key`, refused when the file names another
/// page, or is not the shape [`to_json`] writes.
pub fn read(value: &Value, key: &Key) -> Result<Headers, Refused> {
    if value.get("stem").and_then(Value::as_str) != Some(&key.stem()) {
        return Err(Refused("the file is another page's"));
    }
    let neighbour = |name: &'static str| match value.get(name) {
        Some(Value::Null) => Ok(None),
        Some(other) => read_statement(other).map(Some),
        None => Err(Refused(name)),
    };
    Ok(match key {
        Key::Home => Headers::Home { latest: statements(value, "latest")? },
        Key::Archive(_) => Headers::Archive {
            count: value.get("count").and_then(Value::as_u64).ok_or(Refused("count"))? as usize,
            years: value
                .get("years")
                .and_then(Value::as_array)
                .ok_or(Refused("years"))?
                .iter()
                .map(|y| y.as_i64().map(|y| y as i32).ok_or(Refused("years")))
                .collect::<Result<_, _>>()?,
            kinds: value
                .get("kinds")
                .and_then(Value::as_array)
                .ok_or(Refused("kinds"))?
                .iter()
                .map(|k| k.as_str().and_then(Kind::from_code).ok_or(Refused("kinds")))
                .collect::<Result<_, _>>()?,
            statements: statements(value, "statements")?,
        },
        Key::Statement(slug) => {
            let statement = read_statement(value.get("statement").ok_or(Refused("statement"))?)?;
            if statement.slug != *slug {
                return Err(Refused("the file is another statement's"));
            }
            Headers::Statement { statement, older: neighbour("older")?, newer: neighbour("newer")? }
        }
    })
}
