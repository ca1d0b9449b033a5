//! The catalogue as the app carries it: every message id once, and per
//! language one string holding every message's pattern, with a table of
//! where each ends.
//!
//! Why: compiled as Rust structures ([`Catalog`]), each piece of each
//! message cost a pointer, a length and a tag per language: more compressed
//! WebAssembly than the text itself (docs/performance.md, "Decisions in the
//! code, measured"). Packed, the tables are two bytes per message and
//! language.
//!
//! A pattern is its text with the placeables marked by control characters,
//! which [`Catalog::pack`] refuses in any translation:
//! - `VAR name END`: the argument `$name`;
//! - `SELECT selector END`, then each variant as `VARIANT key END pattern`
//!   (the default variant's key starts with `*`, a number key is an
//!   integer), then `END_SELECT`.
//!
//! Every message of the site, formatted here with every shape of
//! argument, reads exactly as the reference `fluent-bundle` formats it
//! (`kasipodaq-build/tests/locales.rs`).

use super::{find_arg, missing_argument, with_fallback, write_number, Arg, Catalog, Piece, PluralRules, VariantKey};
use crate::Lang;

const VAR: u8 = 0x01;
const END: u8 = 0x02;
const SELECT: u8 = 0x03;
const VARIANT: u8 = 0x04;
const END_SELECT: u8 = 0x05;
const DEFAULT_MARK: char = '*';
/// Ends each pattern in a messages file ([`PackedCatalog::language_json`]);
/// [`Catalog::pack`] refuses it in any translation, as the marks above.
pub const PATTERN_END: char = '\0';

/// A packed catalogue, borrowed (the app's is `'static`, compiled in).
#[derive(Clone, Copy, Debug)]
pub struct Packed<'a> {
    /// Every message id, sorted, one after the other.
    pub ids: &'a str,
    /// Where each id ends in `ids`.
    pub id_ends: &'a [u16],
    /// Per language, in the order of [`Lang::ALL`]: each message's pattern
    /// in the order of `ids`; an empty one is a missing translation.
    pub patterns: [&'a str; 3],
    /// Where each pattern ends in `patterns`.
    pub pattern_ends: [&'a [u16]; 3],
}

/// A message of the packed catalogue, by its place: `build.rs` writes one
/// named constant per message (`msg::SITE_NAME` for `site-name`), so a
/// misspelt or removed id is a compile error and the app carries no id
/// strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MessageId(pub u16);

/// The owned form, made on the host by [`Catalog::pack`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PackedCatalog {
    ids: String,
    id_ends: Vec<u16>,
    patterns: [String; 3],
    pattern_ends: [Vec<u16>; 3],
}

impl PackedCatalog {
    pub fn as_packed(&self) -> Packed<'_> {
        Packed {
            ids: &self.ids,
            id_ends: &self.id_ends,
            patterns: [&self.patterns[0], &self.patterns[1], &self.patterns[2]],
            pattern_ends: [&self.pattern_ends[0], &self.pattern_ends[1], &self.pattern_ends[2]],
        }
    }

    /// A Rust expression of type `kasipodaq_core::i18n::packed::Packed<'static>`,
    /// without the id table: code that carries it names messages by
    /// [`MessageId`] ([`Self::ids_to_rust`]).
    pub fn to_rust(&self) -> String {
        let list = |ends: &[u16]| ends.iter().map(|end| end.to_string()).collect::<Vec<_>>().join(",");
        format!(
            "::kasipodaq_core::i18n::packed::Packed {{ ids: \"\", id_ends: &[], patterns: [{:?}, {:?}, {:?}], \
             pattern_ends: [&[{}], &[{}], &[{}]] }}\n",
            self.patterns[0],
            self.patterns[1],
            self.patterns[2],
            list(&self.pattern_ends[0]),
            list(&self.pattern_ends[1]),
            list(&self.pattern_ends[2]),
        )
    }

    /// A copy with the patterns of the messages `keep` names only (each
    /// message keeps its place, so its [`MessageId`]): what the app carries
    /// of the messages a page shows in every language.
    pub fn keep_only(&self, keep: impl Fn(&str) -> bool) -> PackedCatalog {
        let packed = self.as_packed();
        let mut kept = PackedCatalog { ids: self.ids.clone(), id_ends: self.id_ends.clone(), ..Default::default() };
        for lang in Lang::ALL {
            let (patterns, ends) = (&mut kept.patterns[lang.index()], &mut kept.pattern_ends[lang.index()]);
            for index in 0..self.id_ends.len() {
                if keep(packed.id(index)) {
                    patterns.push_str(packed.pattern_at(lang, index).unwrap_or_default());
                }
                ends.push(u16::try_from(patterns.len()).unwrap_or(u16::MAX));
            }
        }
        kept
    }

    /// The messages file of `lang` (`{"messages":"kk","patterns":"…"}`):
    /// every pattern in the order of the [`MessageId`]s, each ended by
    /// [`PATTERN_END`], in one string (the app reads one string, not a
    /// string per message). The app fetches the page's language only
    /// ([`read_language`]), not all three.
    pub fn language_json(&self, lang: Lang) -> String {
        let packed = self.as_packed();
        let mut patterns = String::new();
        for index in 0..self.id_ends.len() {
            patterns.push_str(packed.pattern_at(lang, index).unwrap_or_default());
            patterns.push(PATTERN_END);
        }
        serde_json::json!({ "messages": lang.code(), "patterns": patterns }).to_string()
    }

    /// One constant per message, `SITE_NAME` for `site-name`, each the
    /// [`MessageId`] of its place in this catalogue.
    pub fn ids_to_rust(&self) -> String {
        let packed = self.as_packed();
        let mut out = String::new();
        for index in 0..self.id_ends.len() {
            let id = packed.id(index);
            let name = id.to_uppercase().replace('-', "_");
            out.push_str(&format!(
                "/// `{id}`\npub const {name}: ::kasipodaq_core::i18n::packed::MessageId = \
                 ::kasipodaq_core::i18n::packed::MessageId({index});\n"
            ));
        }
        out
    }
}

impl Catalog {
    /// The packed form of this catalogue; an error names what cannot be
    /// packed (a control character in a text, a number key that is not an
    /// integer, a language's patterns over 64 KB).
    pub fn pack(&self) -> Result<PackedCatalog, String> {
        let mut ids: Vec<&str> =
            self.languages.iter().flat_map(|messages| messages.iter().map(|m| m.id.as_ref())).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut packed = PackedCatalog {
            ids: String::new(),
            id_ends: Vec::new(),
            patterns: Default::default(),
            pattern_ends: Default::default(),
        };
        for id in &ids {
            packed.ids.push_str(id);
            packed.id_ends.push(offset(packed.ids.len(), "the message ids")?);
        }
        for lang in Lang::ALL {
            let (patterns, ends) = (&mut packed.patterns[lang.index()], &mut packed.pattern_ends[lang.index()]);
            for id in &ids {
                if let Some(message) = self.message(lang, id) {
                    pack_pieces(&message.pieces, patterns).map_err(|e| format!("{} {id}: {e}", lang.code()))?;
                }
                ends.push(offset(patterns.len(), lang.code())?);
            }
        }
        Ok(packed)
    }
}

fn offset(len: usize, what: &str) -> Result<u16, String> {
    u16::try_from(len).map_err(|_| format!("{what}: over {} bytes", u16::MAX))
}

fn pack_pieces(pieces: &[Piece], out: &mut String) -> Result<(), String> {
    for piece in pieces {
        match piece {
            Piece::Text(text) => {
                if let Some(c) = text.chars().find(|c| (0..=5).contains(&(*c as u32))) {
                    return Err(format!("the control character U+{:04X} in {text:?}", c as u32));
                }
                out.push_str(text);
            }
            Piece::Var(name) => {
                push_marked(out, VAR, name);
            }
            Piece::Select { selector, variants, default } => {
                push_marked(out, SELECT, selector);
                for (i, variant) in variants.iter().enumerate() {
                    let mut key = if i == *default { DEFAULT_MARK.to_string() } else { String::new() };
                    match &variant.key {
                        VariantKey::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                            key.push_str(&(*n as i64).to_string());
                        }
                        VariantKey::Number(n) => return Err(format!("the variant key [{n}] is not an integer")),
                        VariantKey::Name(name) => key.push_str(name),
                    }
                    push_marked(out, VARIANT, &key);
                    pack_pieces(&variant.pieces, out)?;
                }
                out.push(END_SELECT as char);
            }
        }
    }
    Ok(())
}

fn push_marked(out: &mut String, mark: u8, name: &str) {
    out.push(mark as char);
    out.push_str(name);
    out.push(END as char);
}

impl<'a> Packed<'a> {
    /// The id of the message at `index` (empty in the app's copy, which has no id table).
    pub fn id(&self, index: usize) -> &'a str {
        &self.ids[start(self.id_ends, index)..usize::from(self.id_ends[index])]
    }

    /// The pattern of `id` in `lang`, `None` if it has none.
    pub fn pattern(&self, lang: Lang, id: &str) -> Option<&'a str> {
        let (mut low, mut high) = (0, self.id_ends.len());
        while low < high {
            let middle = (low + high) / 2;
            match self.id(middle).cmp(id) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return self.pattern_at(lang, middle),
            }
        }
        None
    }

    /// The message `id` in `lang` with `args`; `None` if it does not exist.
    /// A missing argument is written as `{$name}` (as Fluent does) and
    /// reported in `errors`.
    pub fn format_checked(
        &self,
        lang: Lang,
        id: &str,
        args: &[(&str, Arg<'_>)],
        plurals: &dyn PluralRules,
        errors: &mut Vec<String>,
    ) -> Option<String> {
        let pattern = self.pattern(lang, id)?;
        let mut out = String::new();
        let mut missing = |name: &str| errors.push(missing_argument(id, name));
        let mut context =
            Context { pattern: pattern.as_bytes(), text: pattern, lang, args, plurals, missing: &mut missing };
        write(&mut out, &mut context, 0);
        Some(out)
    }

    /// The message `id` in `lang` ([`with_fallback`]).
    pub fn format(&self, lang: Lang, id: &str, args: &[(&str, Arg<'_>)], plurals: &dyn PluralRules) -> String {
        with_fallback(lang, id, |lang, errors| self.format_checked(lang, id, args, plurals, errors))
    }

    /// The message `id` in `lang`, else in English (the build refuses an
    /// English catalogue without it, so the last resort, an empty string,
    /// is never shown).
    pub fn format_id(&self, lang: Lang, id: MessageId, args: &[(&str, Arg<'_>)], plurals: &dyn PluralRules) -> String {
        let found = [lang, Lang::FALLBACK].into_iter().find_map(|l| Some((l, self.pattern_at(l, usize::from(id.0))?)));
        found.map_or_else(String::new, |(lang, pattern)| format_pattern(pattern, lang, args, plurals))
    }

    /// The pattern of the message at `index` in `lang`; `None` if it has
    /// none, or this copy has no patterns in `lang` (the app's, before that
    /// language's messages file has come).
    pub fn pattern_at(&self, lang: Lang, index: usize) -> Option<&'a str> {
        let ends = self.pattern_ends[lang.index()];
        let end = usize::from(*ends.get(index)?);
        let pattern = self.patterns[lang.index()].get(start(ends, index)..end)?;
        (!pattern.is_empty()).then_some(pattern)
    }
}

/// A pattern of a packed catalogue written out in `lang` with `args`.
pub fn format_pattern(pattern: &str, lang: Lang, args: &[(&str, Arg<'_>)], plurals: &dyn PluralRules) -> String {
    let mut out = String::new();
    let mut context =
        Context { pattern: pattern.as_bytes(), text: pattern, lang, args, plurals, missing: &mut |_: &str| {} };
    write(&mut out, &mut context, 0);
    out
}

/// Reads a messages file ([`PackedCatalog::language_json`]) of `lang` with
/// `count` messages into one language's patterns and the table of where
/// each ends, as [`Packed`] holds them; an error says what is wrong.
pub fn read_language(value: &serde_json::Value, lang: Lang, count: usize) -> Result<(String, Vec<u16>), String> {
    if value.get("messages").and_then(serde_json::Value::as_str) != Some(lang.code()) {
        return Err(format!("not the messages file of {}", lang.code()));
    }
    let all = value.get("patterns").and_then(serde_json::Value::as_str).ok_or("the patterns are not a string")?;
    let (mut patterns, mut ends) = (String::with_capacity(all.len()), Vec::with_capacity(count));
    for pattern in all.split_terminator(PATTERN_END) {
        patterns.push_str(pattern);
        ends.push(u16::try_from(patterns.len()).map_err(|_| "over 64 KB of patterns")?);
    }
    if ends.len() != count || !all.ends_with(PATTERN_END) {
        return Err(format!("not {count} patterns"));
    }
    Ok((patterns, ends))
}

fn start(ends: &[u16], index: usize) -> usize {
    if index == 0 {
        0
    } else {
        usize::from(ends[index - 1])
    }
}

struct Context<'p, 'a, 'm> {
    pattern: &'p [u8],
    text: &'p str,
    lang: Lang,
    args: &'a [(&'a str, Arg<'a>)],
    plurals: &'a dyn PluralRules,
    missing: &'m mut dyn FnMut(&str),
}

impl<'p> Context<'p, '_, '_> {
    /// The name starting at `at`, and the position after its `END`.
    fn name(&self, at: usize) -> (&'p str, usize) {
        let end = at + self.pattern[at..].iter().position(|&b| b == END).unwrap_or(self.pattern.len() - at);
        (&self.text[at..end], end + 1)
    }
}

/// Writes the pieces from `at` up to the end of the variant (or pattern);
/// returns where it stopped.
fn write(out: &mut String, context: &mut Context<'_, '_, '_>, mut at: usize) -> usize {
    let pattern = context.pattern;
    while at < pattern.len() {
        match pattern[at] {
            VARIANT | END_SELECT => return at,
            VAR => {
                let (name, next) = context.name(at + 1);
                match find_arg(context.args, name) {
                    Some(Arg::Str(text)) => out.push_str(text),
                    Some(Arg::Num(number)) => write_number(out, number, context.plurals),
                    None => {
                        (context.missing)(name);
                        out.push_str("{$");
                        out.push_str(name);
                        out.push('}');
                    }
                }
                at = next;
            }
            SELECT => at = write_select(out, context, at + 1),
            _ => {
                let end = at
                    + pattern[at..].iter().position(|b| (VAR..=END_SELECT).contains(b)).unwrap_or(pattern.len() - at);
                out.push_str(&context.text[at..end]);
                at = end;
            }
        }
    }
    at
}

/// Writes the chosen variant of the select expression after `SELECT` at `at`;
/// returns the position after its `END_SELECT`.
fn write_select(out: &mut String, context: &mut Context<'_, '_, '_>, at: usize) -> usize {
    let (selector, mut at) = context.name(at);
    let arg = find_arg(context.args, selector);
    if arg.is_none() {
        (context.missing)(selector);
    }
    let category = match arg {
        Some(Arg::Num(number)) => Some(context.plurals.category(context.lang, number)),
        _ => None,
    };
    let (mut exact, mut named, mut default) = (None, None, None);
    while context.pattern.get(at) == Some(&VARIANT) {
        let (key, body) = context.name(at + 1);
        let key = match key.strip_prefix(DEFAULT_MARK) {
            Some(key) => {
                default = Some(body);
                key
            }
            None => key,
        };
        match (integer(key), arg) {
            (Some(key), Some(Arg::Num(number))) => {
                if key as f64 == number {
                    exact = exact.or(Some(body));
                }
            }
            (Some(_), _) => {}
            (None, Some(Arg::Num(_))) if Some(key) == category => named = named.or(Some(body)),
            (None, Some(Arg::Str(text))) if key == text => named = named.or(Some(body)),
            (None, _) => {}
        }
        at = skip(context.pattern, body);
    }
    if let Some(chosen) = exact.or(named).or(default) {
        write(out, context, chosen);
    }
    at + 1
}

/// The position of the `VARIANT` or `END_SELECT` that ends the pieces at `at`.
fn skip(pattern: &[u8], mut at: usize) -> usize {
    let mut depth = 0;
    while at < pattern.len() {
        match pattern[at] {
            SELECT => depth += 1,
            VARIANT | END_SELECT if depth == 0 => return at,
            END_SELECT => depth -= 1,
            _ => {}
        }
        at += 1;
    }
    at
}

/// A number key (`0`, `-1`); `None` for a name.
fn integer(key: &str) -> Option<i64> {
    let (negative, digits) = match key.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, key),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = digits.bytes().fold(0i64, |value, b| value.saturating_mul(10).saturating_add(i64::from(b - b'0')));
    Some(if negative { -value } else { value })
}
