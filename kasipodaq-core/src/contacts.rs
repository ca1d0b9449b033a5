//! Headquarters contacts: the JSON file union staff edit (by default
//! `public/contacts.json`; the format is explained in `docs/contacts.md` and
//! described by `public/contacts.schema.json`), read strictly and checked here
//! so the page only ever shows checked text.
//!
//! Pure: the app fetches the body and passes it with the current time. The
//! file as a whole is either accepted or rejected ([`Rejection`]); inside an
//! accepted file one bad headquarters entry is dropped and counted
//! ([`Dropped`]) rather than losing every other entry.

mod entry;
mod page;
mod refresh;
mod rfc3339;

pub use page::{
    card_fields, filter, first_of, freshness, grouped, historical_line, hotline_details, mailto_href, regions,
    tel_href, Field, FieldLabel, LevelGroup, Piece, RegionGroup, TimeUnit, SHOWN_AT_ONCE,
};
pub use refresh::{
    retry_delay_ms, Failure, FailureMessage, Validators, MIN_RECHECK_MS, REFRESH_INTERVAL_MS, REQUEST_TIMEOUT_MS,
    RETRY_DELAYS_MS,
};
pub use rfc3339::{parse_rfc3339, TimeProblem};

use serde_json::Value;

use crate::Lang;

/// Larger bodies are refused before parsing (the download is cut as soon as
/// it passes this): room for [`MAX_HEADQUARTERS`] with every field filled in
/// three languages, and no more for a slow phone to parse.
pub const MAX_BODY_BYTES: usize = 6 * 1024 * 1024;

/// The most headquarters a file may list; a file with more is refused
/// (`public/contacts.schema.json` says so as `maxItems`). The page shows them
/// [`SHOWN_AT_ONCE`] at a time, so the number costs the reader little;
/// the limit keeps the check of a file quick on a slow phone.
pub const MAX_HEADQUARTERS: usize = 3_000;

/// Arrays and objects nested deeper than this are refused as not JSON (the
/// limit of `serde_json`'s parser; the app's own reading of `JSON.parse`
/// results keeps it too, so neither can exhaust the stack).
pub const MAX_NESTING: usize = 128;

/// The only `schema_version` this parser reads.
pub const SCHEMA_VERSION: u64 = 1;

/// How far ahead of the visitor's clock `updated_at` may be and still be
/// believed: phone clocks drift by minutes. Further ahead it is clamped to now
/// (a wrong time zone, a phone set a day behind), up to [`MAX_AHEAD_SECONDS`].
pub const MAX_CLOCK_SKEW_SECONDS: i64 = 10 * 60;

/// Further ahead than this, `updated_at` is a typing error (2062 for 2026),
/// not a clock's drift: the file is refused, so staff see it at once instead
/// of a page that says "updated just now" for ever.
pub const MAX_AHEAD_SECONDS: i64 = 24 * 60 * 60;

/// The longest text of each field, in characters (Unicode scalar values,
/// so a Cyrillic letter counts as one). For a localised field the limit
/// applies to each language. `public/contacts.schema.json` repeats them.
pub mod limits {
    pub const ID: usize = 64;
    /// The headquarters name, the head of staff's name and role, the hotline
    /// label, the period of a historical entry or number.
    pub const NAME: usize = 200;
    pub const REGION: usize = 100;
    pub const CITY: usize = 100;
    pub const ADDRESS: usize = 300;
    /// One phone number, which also needs at least [`PHONE_MIN_DIGITS`] digits.
    pub const PHONE: usize = 32;
    pub const PHONE_MIN_DIGITS: usize = 3;
    /// Phone numbers of one headquarters.
    pub const PHONES: usize = 10;
    pub const EMAIL: usize = 254;
    pub const HOURS: usize = 200;
    pub const WEBSITE: usize = 500;
    pub const NOTE: usize = 500;
    /// `YYYY-MM-DDTHH:MM:SS.fffffffff+HH:MM`, the longest form read.
    pub const UPDATED_AT: usize = 35;
}

/// The keys each object of the format may have; any other key is refused.
/// `public/contacts.schema.json` names exactly these (a test checks it).
pub mod keys {
    pub const FILE: &[&str] = &["schema_version", "updated_at", "hotline", "headquarters"];
    pub const HOTLINE: &[&str] = &["phone", "label", "historical"];
    pub const HEADQUARTERS: &[&str] = &[
        "id",
        "level",
        "name",
        "region",
        "city",
        "address",
        "phones",
        "email",
        "hours",
        "head",
        "website",
        "note",
        "historical",
    ];
    pub const HEAD: &[&str] = &["name", "role"];
    pub const LOCALIZED: &[&str] = &["kk", "ru", "en"];
}

/// A text in up to three languages. After [`parse`] at least one is present,
/// and none is empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localized {
    pub kk: Option<String>,
    pub ru: Option<String>,
    pub en: Option<String>,
}

impl Localized {
    /// The languages tried after the page's own, in order. Russian first:
    /// it is read across Kazakhstan by speakers of both other languages;
    /// then Kazakh, the state language; English last.
    pub const FALLBACK_ORDER: [Lang; 3] = [Lang::Ru, Lang::Kk, Lang::En];

    /// The text in exactly `lang`, if there is one.
    pub fn exactly(&self, lang: Lang) -> Option<&str> {
        let text = match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        };
        text.as_deref().filter(|text| !text.is_empty())
    }

    /// The text to show on a page in `lang`, and the language it is in (the
    /// page marks text in another language with its own `lang`): `lang`
    /// itself, else the first of [`Self::FALLBACK_ORDER`] that exists.
    pub fn pick(&self, lang: Lang) -> Option<(Lang, &str)> {
        std::iter::once(lang)
            .chain(Self::FALLBACK_ORDER)
            .find_map(|candidate| self.exactly(candidate).map(|text| (candidate, text)))
    }

    /// The text to show on a page in `lang`, as [`Self::pick`] chooses it.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.pick(lang).map(|(_, text)| text)
    }

    fn is_empty(&self) -> bool {
        Lang::ALL.into_iter().all(|lang| self.exactly(lang).is_none())
    }
}

/// Where a headquarters stands in the campaign's structure. The order is the
/// order of the page's sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Republican,
    Regional,
    City,
    District,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Republican, Level::Regional, Level::City, Level::District];

    /// The word in the file (`"level": "regional"`) and in message ids.
    pub const fn code(self) -> &'static str {
        match self {
            Level::Republican => "republican",
            Level::Regional => "regional",
            Level::City => "city",
            Level::District => "district",
        }
    }

    /// Exactly one of the four codes (lowercase).
    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hotline {
    pub phone: String,
    pub label: Option<Localized>,
    /// The period of a number of the past (the 2019 campaign's call
    /// centre): the footer and the home page leave it out, the contacts page
    /// shows it marked with this period. Absent, the file gives the number as
    /// current.
    pub historical: Option<Localized>,
}

impl Hotline {
    /// The file gives it as today's hotline (not marked historical).
    pub fn is_current(&self) -> bool {
        self.historical.is_none()
    }
}

/// The head of staff of a headquarters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub name: Localized,
    pub role: Option<Localized>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headquarters {
    /// `[a-z0-9-]`, 1 to 64 characters, unique in the file.
    pub id: String,
    pub level: Level,
    pub name: Localized,
    pub region: Option<Localized>,
    pub city: Option<Localized>,
    pub address: Option<Localized>,
    /// As written in the file; [`tel_href`] makes the link.
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub hours: Option<Localized>,
    pub head: Option<Head>,
    /// Starts with `https://` or `http://`.
    pub website: Option<String>,
    pub note: Option<Localized>,
    /// The period of a headquarters of the past (a closed campaign's),
    /// shown with it.
    pub historical: Option<Localized>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contacts {
    /// Unix seconds (UTC); never more than [`MAX_CLOCK_SKEW_SECONDS`] after
    /// the `now_unix` given to [`parse`].
    pub updated_at: i64,
    pub hotline: Option<Hotline>,
    /// In file order.
    pub headquarters: Vec<Headquarters>,
}

/// An accepted file: what to show, and what was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub contacts: Contacts,
    pub dropped: Vec<Dropped>,
    pub warnings: Vec<Warning>,
}

/// A headquarters entry left out, and the first problem found in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    /// Position in the file's `headquarters` list, from 0.
    pub index: usize,
    /// The entry's id when it is a valid one, so staff can find the entry.
    pub id: Option<String>,
    pub reason: EntryProblem,
}

/// Why a whole file is refused; the page keeps showing the last good data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    TooLarge {
        bytes: usize,
    },
    /// Not UTF-8 JSON, or nested deeper than 128 levels; `detail` is the JSON
    /// parser's English message with line and column, for the console only.
    NotJson {
        detail: String,
    },
    NotAnObject,
    /// `found` is the version when it is a whole number, `None` when it is
    /// missing or anything else.
    UnsupportedVersion {
        found: Option<u64>,
    },
    MissingField(&'static str),
    /// A key the format does not have (cut to 64 characters).
    UnknownField(String),
    WrongType {
        field: &'static str,
    },
    BadUpdatedAt(TimeProblem),
    /// `updated_at` more than [`MAX_AHEAD_SECONDS`] ahead of the visitor's clock.
    UpdatedAtInFuture {
        ahead_seconds: i64,
    },
    /// More than [`MAX_HEADQUARTERS`] entries.
    TooManyHeadquarters {
        count: usize,
    },
    /// Neither a usable hotline nor any usable headquarters; `dropped` says
    /// why each entry was left out.
    Empty {
        dropped: Vec<Dropped>,
    },
}

impl Rejection {
    /// Stable id for the app's translated message.
    pub fn code(&self) -> &'static str {
        match self {
            Rejection::TooLarge { .. } => "too-large",
            Rejection::TooManyHeadquarters { .. } => "too-many-headquarters",
            Rejection::NotJson { .. } => "not-json",
            Rejection::NotAnObject => "not-an-object",
            Rejection::UnsupportedVersion { .. } => "unsupported-version",
            Rejection::MissingField(_) => "missing-field",
            Rejection::UnknownField(_) => "unknown-field",
            Rejection::WrongType { .. } => "wrong-type",
            Rejection::BadUpdatedAt(_) => "bad-updated-at",
            Rejection::UpdatedAtInFuture { .. } => "updated-at-in-future",
            Rejection::Empty { .. } => "empty",
        }
    }
}

/// Why one headquarters entry (or the hotline) is left out. `field` names
/// where the problem is, as a key path inside the entry (`head.name`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryProblem {
    NotAnObject,
    MissingField(&'static str),
    /// A key the format does not have, with its path (`name.de`), cut to 64
    /// characters.
    UnknownField(String),
    WrongType {
        field: &'static str,
    },
    BadId,
    DuplicateId,
    BadLevel,
    BadPhone,
    BadEmail,
    BadLink,
    TooLong {
        field: &'static str,
    },
    /// A control character (tabs and line breaks included), a Unicode line or
    /// paragraph separator, or a bidirectional override that could disguise
    /// the text.
    ControlCharacter {
        field: &'static str,
    },
}

impl EntryProblem {
    /// Stable id for the app's translated message.
    pub fn code(&self) -> &'static str {
        match self {
            EntryProblem::NotAnObject => "not-an-object",
            EntryProblem::MissingField(_) => "missing-field",
            EntryProblem::UnknownField(_) => "unknown-field",
            EntryProblem::WrongType { .. } => "wrong-type",
            EntryProblem::BadId => "bad-id",
            EntryProblem::DuplicateId => "duplicate-id",
            EntryProblem::BadLevel => "bad-level",
            EntryProblem::BadPhone => "bad-phone",
            EntryProblem::BadEmail => "bad-email",
            EntryProblem::BadLink => "bad-link",
            EntryProblem::TooLong { .. } => "too-long",
            EntryProblem::ControlCharacter { .. } => "control-character",
        }
    }
}

/// Something wrong in an accepted file that did not cost an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// `updated_at` was this many seconds ahead of the visitor's clock (more
    /// than [`MAX_CLOCK_SKEW_SECONDS`]), so it was replaced by now.
    FutureUpdatedAt { ahead_seconds: i64 },
    /// The hotline was present but unusable, and is not shown.
    HotlineDropped(EntryProblem),
}

impl Warning {
    /// Stable id for the app's translated message.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::FutureUpdatedAt { .. } => "future-updated-at",
            Warning::HotlineDropped(_) => "hotline-dropped",
        }
    }
}

/// Notepad and other editors may save UTF-8 with this mark in front; it is
/// not JSON, but refusing a file for it would only puzzle staff.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a contacts file. `now_unix` is the visitor's clock, to catch an
/// `updated_at` in the future.
///
/// Order of the checks, each refusing the whole file: size, JSON syntax, a
/// top-level object, `schema_version`, no unknown top-level key,
/// `updated_at`, `headquarters` a list. Then every entry is read on its own
/// and dropped on its first problem; a later entry with the id of a kept one
/// is dropped too. A bad hotline is dropped with a warning. A file left with
/// neither a hotline nor an entry is refused.
pub fn parse(body: &[u8], now_unix: i64) -> Result<Parsed, Rejection> {
    if body.len() > MAX_BODY_BYTES {
        return Err(Rejection::TooLarge { bytes: body.len() });
    }
    let body = body.strip_prefix(UTF8_BOM).unwrap_or(body);
    let json: Value = serde_json::from_slice(body).map_err(|error| Rejection::NotJson { detail: error.to_string() })?;
    check(json, now_unix)
}

/// The checks of [`parse`] on a body already parsed into JSON values: the
/// browser can parse with its own `JSON.parse` and hand the result over, so
/// the app need not ship a JSON parser. The caller has already refused bodies
/// over [`MAX_BODY_BYTES`].
pub fn check(json: Value, now_unix: i64) -> Result<Parsed, Rejection> {
    let Value::Object(file) = json else {
        return Err(Rejection::NotAnObject);
    };
    let mut checking = Checking::begin(&file, now_unix)?;
    let entries = match entry::present(&file, "headquarters") {
        Some(Value::Array(entries)) => entries.as_slice(),
        _ => &[],
    };
    checking.expect(entries.len())?;
    for value in entries {
        checking.entry(value);
    }
    checking.finish()
}

/// [`check`] in steps, for a file read a part at a time (the app reads the
/// entries of a big file in several tasks, so the reader's input never
/// waits for all of them): [`Checking::begin`] with the file's top level,
/// [`Checking::expect`] with the number of entries, [`Checking::entry`]
/// for each, in order, then [`Checking::finish`].
pub struct Checking {
    updated_at: i64,
    hotline: Option<Hotline>,
    warnings: Vec<Warning>,
    headquarters: Vec<Headquarters>,
    // Sorted: a hash set did the same in more of the app's WebAssembly
    // (docs/performance.md, "Issue 17, item 5"), and a file has at most a few thousand.
    kept_ids: Vec<String>,
    dropped: Vec<Dropped>,
    index: usize,
}

impl Checking {
    /// The checks of the top level: the version first (a newer format may
    /// differ in any other way), no unknown field, `updated_at`, the hotline,
    /// and `headquarters` a list if `file` has it (a caller reading the
    /// entries apart leaves it out).
    pub fn begin(file: &serde_json::Map<String, Value>, now_unix: i64) -> Result<Checking, Rejection> {
        let version = file.get("schema_version").and_then(Value::as_u64);
        if version != Some(SCHEMA_VERSION) {
            return Err(Rejection::UnsupportedVersion { found: version });
        }
        if let Some(key) = entry::unknown_key(file, keys::FILE) {
            return Err(Rejection::UnknownField(key));
        }

        let mut warnings = Vec::new();
        let mut updated_at = match entry::present(file, "updated_at") {
            None => return Err(Rejection::MissingField("updated_at")),
            Some(Value::String(text)) => parse_rfc3339(text).map_err(Rejection::BadUpdatedAt)?,
            Some(_) => return Err(Rejection::WrongType { field: "updated_at" }),
        };
        let ahead_seconds = updated_at.saturating_sub(now_unix);
        if ahead_seconds > MAX_AHEAD_SECONDS {
            return Err(Rejection::UpdatedAtInFuture { ahead_seconds });
        }
        if ahead_seconds > MAX_CLOCK_SKEW_SECONDS {
            warnings.push(Warning::FutureUpdatedAt { ahead_seconds });
            updated_at = now_unix;
        }
        if entry::present(file, "headquarters").is_some_and(|entries| !entries.is_array()) {
            return Err(Rejection::WrongType { field: "headquarters" });
        }

        let hotline = match entry::present(file, "hotline").map(entry::hotline) {
            None => None,
            Some(Ok(hotline)) => Some(hotline),
            Some(Err(problem)) => {
                warnings.push(Warning::HotlineDropped(problem));
                None
            }
        };
        Ok(Checking {
            updated_at,
            hotline,
            warnings,
            headquarters: Vec::new(),
            kept_ids: Vec::new(),
            dropped: Vec::new(),
            index: 0,
        })
    }

    /// The number of entries the file lists: more than [`MAX_HEADQUARTERS`]
    /// refuses it.
    pub fn expect(&mut self, count: usize) -> Result<(), Rejection> {
        if count > MAX_HEADQUARTERS {
            return Err(Rejection::TooManyHeadquarters { count });
        }
        self.headquarters.reserve(count);
        self.kept_ids.reserve(count);
        Ok(())
    }

    /// The next entry: kept, or dropped on its first problem. Only kept
    /// entries claim an id: when the first of two entries with one id is
    /// broken, the second is still shown.
    pub fn entry(&mut self, value: &Value) {
        let checked = entry::headquarters(value).and_then(|kept| match self.kept_ids.binary_search(&kept.id) {
            Ok(_) => Err(EntryProblem::DuplicateId),
            Err(at) => {
                self.kept_ids.insert(at, kept.id.clone());
                Ok(kept)
            }
        });
        match checked {
            Ok(kept) => self.headquarters.push(kept),
            Err(reason) => self.dropped.push(Dropped { index: self.index, id: entry::valid_id_of(value), reason }),
        }
        self.index += 1;
    }

    /// The file, unless it is left with neither a hotline nor an entry.
    pub fn finish(self) -> Result<Parsed, Rejection> {
        let Checking { updated_at, hotline, warnings, headquarters, dropped, .. } = self;
        if hotline.is_none() && headquarters.is_empty() {
            return Err(Rejection::Empty { dropped });
        }
        Ok(Parsed { contacts: Contacts { updated_at, hotline, headquarters }, dropped, warnings })
    }
}
