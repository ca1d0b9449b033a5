//! The four commands. Each prints what it did or what is wrong, one line
//! per problem as `file:line: message`, and fails on a content problem.

use std::{
    fs,
    path::{Path, PathBuf},
};

use kasipodaq_build::{
    content::{
        load::{self, ContentError, PAGES_FOLDER},
        points,
    },
    site::open_data::Terms,
};
use kasipodaq_core::{
    calendar::{kazakhstan_date_at, Date},
    contacts,
    content::Kind,
    urls::is_valid_slug,
    Lang,
};

use crate::Options;

pub enum Failed {
    /// Problems in the content, already printed.
    Content,
    /// The command was given wrong arguments.
    Usage(String),
}

/// How the folder is named in messages: from the current folder when it
/// is inside it, as the content's own messages name files.
fn shown(options: &Options) -> String {
    relative(&options.content)
}

fn relative(path: &Path) -> String {
    let here = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&here).unwrap_or(path).display().to_string()
}

fn print_problems(problems: &[ContentError]) {
    for problem in problems {
        eprintln!("{problem}");
    }
    eprintln!("{} problem(s): nothing is published until they are fixed", problems.len());
}

/// Every rule the build applies: the statements, the Platform and Union Day
/// pages, the open data's terms and the contacts file.
pub fn check(options: &Options) -> Result<(), Failed> {
    let content = load::read(&options.content).map_err(|problems| {
        print_problems(&problems);
        Failed::Content
    })?;
    let count = content.statements.len();
    let later: Vec<_> = content.scheduled.iter().filter(|s| s.at > options.now).cloned().collect();
    let mut problems = Vec::new();
    for page in ["platform", "union-day"] {
        let path = options.content.join(PAGES_FOLDER).join(format!("{page}.toml"));
        let name = format!("{}/{PAGES_FOLDER}/{page}.toml", shown(options));
        // Checked against every statement, then against those published now.
        match points::load(&path, &name, &content.statements) {
            Ok(parsed) => problems.extend(points::check_published(&parsed, &name, &later)),
            Err(mut found) => problems.append(&mut found),
        }
    }
    let terms = options.content.join(PAGES_FOLDER).join("open-data.toml");
    if let Ok(text) = fs::read_to_string(&terms) {
        if let Err(problem) = Terms::parse(&text) {
            problems.push(ContentError::new(terms.display().to_string(), problem));
        }
    }
    let mut notes = Vec::new();
    if let Some(file) = &options.contacts {
        check_contacts(file, options.now, &mut problems, &mut notes);
    }
    if !problems.is_empty() {
        print_problems(&problems);
        return Err(Failed::Content);
    }
    println!("{}: {count} statement(s), every rule holds", shown(options));
    for scheduled in &later {
        println!(
            "scheduled: {} is published from {} on; until then no page, feed or index has it",
            scheduled.slug, scheduled.written
        );
    }
    for stale in &content.stale {
        println!(
            "behind its source: {} was made before {} changed on {} (tools/staff.sh status)",
            stale.path, stale.source_path, stale.since
        );
    }
    for note in notes {
        println!("{note}");
    }
    Ok(())
}

/// The contacts file as the page reads it: refused whole, or with entries
/// left out.
fn check_contacts(file: &Path, now: i64, problems: &mut Vec<ContentError>, notes: &mut Vec<String>) {
    let name = relative(file);
    let body = match fs::read(file) {
        Ok(body) => body,
        Err(e) => {
            problems.push(ContentError::new(name, format!("cannot read: {e}")));
            return;
        }
    };
    match contacts::parse(&body, now) {
        Err(rejection) => problems.push(ContentError::new(
            name,
            format!(
                "the Contacts page would refuse this file and keep showing the last good one: {}",
                rejection_text(&rejection)
            ),
        )),
        Ok(parsed) => {
            for dropped in &parsed.dropped {
                problems.push(ContentError::new(
                    name.clone(),
                    format!(
                        "headquarters entry {} ({}) would be left out: {}",
                        dropped.index + 1,
                        dropped.id.as_deref().unwrap_or("no valid id"),
                        entry_text(&dropped.reason)
                    ),
                ));
            }
            for warning in &parsed.warnings {
                if let contacts::Warning::HotlineDropped(problem) = warning {
                    problems.push(ContentError::new(
                        name.clone(),
                        format!("the hotline would not be shown: {}", entry_text(problem)),
                    ));
                }
            }
            if problems.is_empty() {
                notes.push(format!("{name}: {} headquarters, readable", parsed.contacts.headquarters.len()));
            }
        }
    }
}

fn rejection_text(rejection: &contacts::Rejection) -> String {
    use contacts::Rejection::*;
    match rejection {
        TooLarge { bytes } => format!("it is {bytes} bytes, more than the page reads"),
        TooManyHeadquarters { count } => {
            format!("it lists {count} headquarters, more than the {} the page reads", contacts::MAX_HEADQUARTERS)
        }
        NotJson { detail } => format!("it is not valid JSON ({detail})"),
        NotAnObject => "it must be one JSON object { … }".into(),
        UnsupportedVersion { found } => format!("schema_version must be 1 (found {found:?})"),
        MissingField(field) => format!("\"{field}\" is missing"),
        UnknownField(field) => format!("\"{field}\" is not part of the format (a typo?)"),
        WrongType { field } => format!("\"{field}\" has the wrong type"),
        BadUpdatedAt(problem) => format!(
            "updated_at is not a date and time with offset, e.g. 2026-11-23T10:00:00+05:00 ({})",
            problem.code()
        ),
        UpdatedAtInFuture { ahead_seconds } => {
            format!("updated_at is {} day(s) in the future: a typo in the year?", ahead_seconds / 86_400)
        }
        Empty { .. } => "no usable hotline and no usable headquarters".into(),
    }
}

fn entry_text(problem: &contacts::EntryProblem) -> String {
    use contacts::EntryProblem::*;
    match problem {
        NotAnObject => "it must be an object { … }".into(),
        MissingField(field) => format!("\"{field}\" is missing"),
        UnknownField(field) => format!("\"{field}\" is not part of the format (a typo?)"),
        WrongType { field } => format!("\"{field}\" has the wrong type"),
        BadId => "the id is lowercase a-z, digits and hyphens".into(),
        DuplicateId => "another entry has the same id".into(),
        BadLevel => "level is \"republican\" or \"regional\"".into(),
        BadPhone => "a phone number has digits, spaces, + ( ) and - only".into(),
        BadEmail => "the e-mail address is malformed".into(),
        BadLink => "a link must start with https://".into(),
        TooLong { field } => format!("\"{field}\" is too long"),
        ControlCharacter { field } => format!("\"{field}\" holds an invisible control character"),
    }
}

/// Which statements lack a language, which translations are behind their
/// source, which are scheduled.
pub fn status(options: &Options) -> Result<(), Failed> {
    let content = load::read(&options.content).map_err(|problems| {
        print_problems(&problems);
        Failed::Content
    })?;
    let mut lines = Vec::new();
    for statement in &content.statements {
        let mut notes: Vec<String> = Vec::new();
        let missing: Vec<&str> = Lang::ALL.into_iter().filter(|l| !statement.has(*l)).map(|l| l.code()).collect();
        if !missing.is_empty() {
            notes.push(format!("not yet translated into {}", missing.join(", ")));
        }
        for stale in content.stale.iter().filter(|s| *s.slug == *statement.slug) {
            notes.push(format!(
                "{} behind the {} text changed on {}",
                stale.lang.code(),
                statement.source_language.code(),
                stale.since
            ));
        }
        if let Some(scheduled) = content.scheduled.iter().find(|s| *s.slug == *statement.slug) {
            if scheduled.at > options.now {
                notes.push(format!("scheduled for {}", scheduled.written));
            }
        }
        if !notes.is_empty() {
            lines.push(format!("{}: {}", statement.slug, notes.join("; ")));
        }
    }
    let missing = content.statements.iter().map(|s| Lang::ALL.iter().filter(|l| !s.has(**l)).count()).sum::<usize>();
    let later = content.scheduled.iter().filter(|s| s.at > options.now).count();
    println!(
        "{}: {} statement(s); {missing} translation(s) missing, {} behind their source, {later} scheduled",
        shown(options),
        content.statements.len(),
        content.stale.len()
    );
    for line in lines {
        println!("{line}");
    }
    Ok(())
}

/// `new --date D --slug S --kind K --lang L`: a statement folder with its
/// source-language file; `new SLUG --lang L` in an existing folder: the
/// file of a translation. Each header is filled in as far as it can be;
/// `check` names what is left to write.
pub fn new(options: &Options, args: &[String]) -> Result<(), Failed> {
    let mut date = None;
    let mut slug = None;
    let mut kind = None;
    let mut lang = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = || rest.next().cloned().ok_or_else(|| Failed::Usage(format!("{arg} needs a value")));
        match arg.as_str() {
            "--date" => date = Some(value()?),
            "--slug" => slug = Some(value()?),
            "--kind" => kind = Some(value()?),
            "--lang" => lang = Some(value()?),
            other if !other.starts_with('-') && slug.is_none() => slug = Some(other.to_string()),
            other => return Err(Failed::Usage(format!("new: unexpected \"{other}\""))),
        }
    }
    let lang = lang.ok_or_else(|| Failed::Usage("new: --lang kk, ru or en is missing".into()))?;
    let lang =
        Lang::from_code(&lang).ok_or_else(|| Failed::Usage(format!("new: --lang \"{lang}\": use kk, ru or en")))?;
    let slug = slug.ok_or_else(|| Failed::Usage("new: --slug is missing".into()))?;
    let today = kazakhstan_date_at(options.now as f64 * 1000.0);
    let folder_of = |slug: &str| options.content.join(slug);

    // A translation of a statement that exists.
    if date.is_none() && kind.is_none() && folder_of(&slug).is_dir() {
        let folder = folder_of(&slug);
        let source = Lang::ALL
            .into_iter()
            .find_map(|l| {
                let path = folder.join(format!("{}.md", l.code()));
                load::file_revision(&path, &path.display().to_string(), l).ok().map(|(_, source)| source)
            })
            .ok_or_else(|| Failed::Usage(format!("new: {} has no readable language file", folder.display())))?;
        if source == lang {
            return Err(Failed::Usage(format!("new: {} is the statement's source language", lang.code())));
        }
        let path = folder.join(format!("{}.md", lang.code()));
        return write_new(&path, &translation_template(source, &source_header(&folder, source)?, today));
    }

    let date = match date {
        Some(text) => Some(
            Date::parse_iso(&text)
                .ok_or_else(|| Failed::Usage(format!("new: --date \"{text}\": write YYYY-MM-DD, or leave it out")))?,
        ),
        None => None,
    };
    let kind = kind.ok_or_else(|| Failed::Usage("new: --kind is missing".into()))?;
    let kind = Kind::from_code(&kind).ok_or_else(|| {
        let known: Vec<&str> = Kind::ALL.iter().map(|k| k.code()).collect();
        Failed::Usage(format!("new: --kind \"{kind}\": use one of {}", known.join(", ")))
    })?;
    let slug = match date {
        Some(date) if !slug.starts_with(&format!("{date}-")) => format!("{date}-{slug}"),
        _ => slug,
    };
    if !is_valid_slug(&slug) {
        return Err(Failed::Usage(format!(
            "new: \"{slug}\" is not a valid address: lowercase a-z, digits and single hyphens, e.g. appeal-on-wages"
        )));
    }
    let folder = folder_of(&slug);
    if folder.exists() {
        return Err(Failed::Usage(format!("new: {} already exists", folder.display())));
    }
    fs::create_dir_all(&folder).map_err(|e| Failed::Usage(format!("new: cannot create {}: {e}", folder.display())))?;
    write_new(&folder.join(format!("{}.md", lang.code())), &source_template(date, kind, lang, today))
}

fn write_new(path: &Path, text: &str) -> Result<(), Failed> {
    if path.exists() {
        return Err(Failed::Usage(format!("new: {} already exists", path.display())));
    }
    fs::write(path, text).map_err(|e| Failed::Usage(format!("new: cannot write {}: {e}", path.display())))?;
    println!("written: {}", relative(path));
    println!("next: write the empty lines and the text, then run tools/staff.sh check");
    Ok(())
}

/// The federation, as each language names it in the statements.
fn federation(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "Қазақстан Республикасы Кәсіподақтар федерациясы",
        Lang::Ru => "Федерация профсоюзов Республики Казахстан",
        Lang::En => "Federation of Trade Unions of the Republic of Kazakhstan",
    }
}

fn source_template(date: Option<Date>, kind: Kind, lang: Lang, today: Date) -> String {
    let date_line = match date {
        Some(date) => format!("date = \"{date}\"\n"),
        None => "# no date: the source gives none\n".to_string(),
    };
    format!(
        "+++\n\
         title = \"\"                  # the title, as the source gives it\n\
         {date_line}\
         kind = \"{kind}\"\n\
         issuer = \"{issuer}\"\n\
         source = \"\"                 # where the text comes from, as the source says it\n\
         source_language = \"{lang}\"\n\
         translation = false\n\
         published = \"{today}\"        # the day the portal publishes it\n\
         summary = \"\"                # one sentence: what the statement is about\n\
         # publish_at = \"{today}T09:00:00+05:00\"  # to publish it at a later moment\n\
         +++\n\
         \n",
        kind = kind.code(),
        issuer = federation(lang),
        lang = lang.code(),
    )
}

/// What a translation takes over from its source's header.
struct SourceHeader {
    date: Option<String>,
    kind: String,
}

fn source_header(folder: &Path, source: Lang) -> Result<SourceHeader, Failed> {
    let path = folder.join(format!("{}.md", source.code()));
    let text = fs::read_to_string(&path)
        .map_err(|e| Failed::Usage(format!("new: cannot read the source text {}: {e}", path.display())))?;
    let (_, header, _) =
        load::header_parts(&text).ok_or_else(|| Failed::Usage(format!("new: {} has no header", path.display())))?;
    let value = |field: &str| {
        header.lines().find_map(|line| {
            let rest = line.trim().strip_prefix(field)?.trim_start().strip_prefix('=')?;
            Some(rest.trim().split('#').next().unwrap_or("").trim().trim_matches('"').to_string())
        })
    };
    Ok(SourceHeader { date: value("date"), kind: value("kind").unwrap_or_default() })
}

fn translation_template(source: Lang, header: &SourceHeader, today: Date) -> String {
    let date_line = match &header.date {
        Some(date) => format!("date = \"{date}\"\n"),
        None => String::new(),
    };
    format!(
        "+++\n\
         title = \"\"                  # the title, translated\n\
         {date_line}\
         kind = \"{kind}\"\n\
         issuer = \"\"                 # the issuer, as this language names it\n\
         source = \"\"                 # where the source text comes from, in this language\n\
         source_language = \"{source}\"\n\
         translation = true\n\
         published = \"{today}\"        # the day this translation is published\n\
         summary = \"\"                # the summary, translated\n\
         +++\n\
         \n",
        kind = header.kind,
        source = source.code(),
    )
}

/// `stamp SLUG [LANG…]` (or `stamp --all`): records in each translation the
/// revision of the source text it was checked against, then checks the
/// statement; on a problem every file is put back as it was.
pub fn stamp(options: &Options, args: &[String]) -> Result<(), Failed> {
    let (slugs, langs): (Vec<String>, Vec<Lang>) = match args {
        [all] if all == "--all" => (statement_folders(&options.content), Vec::new()),
        [slug, langs @ ..] if !slug.starts_with('-') => {
            let langs = langs
                .iter()
                .map(|code| {
                    Lang::from_code(code).ok_or_else(|| Failed::Usage(format!("stamp: \"{code}\": use kk, ru or en")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            (vec![slug.clone()], langs)
        }
        _ => return Err(Failed::Usage("stamp: give a statement's folder name (and languages), or --all".into())),
    };
    let mut written: Vec<(PathBuf, String)> = Vec::new();
    let mut problems = Vec::new();
    for slug in &slugs {
        let folder = options.content.join(slug);
        if !folder.is_dir() {
            return Err(Failed::Usage(format!("stamp: no statement folder {}", folder.display())));
        }
        match stamp_folder(&folder, &langs, &mut written) {
            Ok(()) => {}
            Err(mut found) => problems.append(&mut found),
        }
    }
    if problems.is_empty() {
        // The stamp says the translation was checked: it must pass every rule.
        if let Err(found) = load::read(&options.content) {
            let ours = |p: &ContentError| slugs.iter().any(|slug| p.path.contains(&format!("/{slug}")));
            problems.extend(found.into_iter().filter(ours));
        }
    }
    if !problems.is_empty() {
        for (path, before) in written.iter().rev() {
            let _ = fs::write(path, before);
        }
        print_problems(&problems);
        eprintln!("nothing stamped");
        return Err(Failed::Content);
    }
    for (path, _) in &written {
        println!("stamped: {}", relative(path));
    }
    if written.is_empty() {
        println!("nothing to stamp: every translation already names the current source text");
    }
    Ok(())
}

fn statement_folders(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with(['.', '_']) && name != PAGES_FOLDER)
        .collect();
    names.sort();
    names
}

/// Stamps the translations `langs` (every one there is, when empty) of one
/// folder, remembering each file's text before.
fn stamp_folder(folder: &Path, langs: &[Lang], written: &mut Vec<(PathBuf, String)>) -> Result<(), Vec<ContentError>> {
    let path_of = |lang: Lang| folder.join(format!("{}.md", lang.code()));
    let present: Vec<Lang> = Lang::ALL.into_iter().filter(|l| path_of(*l).exists()).collect();
    let Some(&any) = present.first() else {
        return Err(vec![ContentError::new(folder.display().to_string(), "no language file")]);
    };
    let shown = |lang: Lang| path_of(lang).display().to_string();
    let (_, source) = load::file_revision(&path_of(any), &shown(any), any)?;
    if !present.contains(&source) {
        return Err(vec![ContentError::new(
            folder.display().to_string(),
            format!("the source text {}.md is missing", source.code()),
        )]);
    }
    let (revision, _) = load::file_revision(&path_of(source), &shown(source), source)?;
    let targets: Vec<Lang> =
        if langs.is_empty() { present.iter().copied().filter(|l| *l != source).collect() } else { langs.to_vec() };
    let mut problems = Vec::new();
    for lang in targets {
        if lang == source {
            problems.push(ContentError::new(shown(lang), "this is the source text: only translations are stamped"));
            continue;
        }
        let path = path_of(lang);
        let Ok(before) = fs::read_to_string(&path) else {
            problems.push(ContentError::new(shown(lang), "no such translation yet (tools/staff.sh new … --lang)"));
            continue;
        };
        let Some(after) = with_revision(&before, &revision) else {
            problems.push(ContentError::new(shown(lang), "no header between +++ lines"));
            continue;
        };
        if after != before {
            fs::write(&path, &after).map_err(|e| vec![ContentError::new(shown(lang), format!("cannot write: {e}"))])?;
            written.push((path, before));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The file with `source_revision = "…"` set: in place of the line that
/// gives it, else after `translation = …`, else before the header's first
/// table, else at the header's end.
fn with_revision(text: &str, revision: &str) -> Option<String> {
    let (before, header, after) = load::header_parts(text)?;
    let line = format!("source_revision = \"{revision}\"");
    let key = |l: &str, name: &str| l.trim_start().strip_prefix(name).is_some_and(|r| r.trim_start().starts_with('='));
    let mut lines: Vec<String> = header.lines().map(str::to_string).collect();
    if let Some(at) = lines.iter().position(|l| key(l, "source_revision")) {
        lines[at] = line;
    } else if let Some(at) = lines.iter().position(|l| key(l, "translation")) {
        lines.insert(at + 1, line);
    } else if let Some(at) = lines.iter().position(|l| l.trim_start().starts_with('[')) {
        lines.insert(at, line);
    } else {
        lines.push(line);
    }
    let newline = if header.contains("\r\n") { "\r\n" } else { "\n" };
    Some(format!("{before}{}{newline}{after}", lines.join(newline)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_revision_line_replaces_the_old_one_or_follows_translation() {
        let file = "+++\ntitle = \"T\"\ntranslation = true\n[[changes]]\ndate = \"2026-12-04\"\n+++\n\nText.\n";
        let stamped = with_revision(file, "0123456789ab").unwrap();
        assert_eq!(
            stamped,
            "+++\ntitle = \"T\"\ntranslation = true\nsource_revision = \"0123456789ab\"\n[[changes]]\ndate = \"2026-12-04\"\n+++\n\nText.\n"
        );
        let again = with_revision(&stamped, "ba9876543210").unwrap();
        assert_eq!(again, stamped.replace("0123456789ab", "ba9876543210"));
    }
}
