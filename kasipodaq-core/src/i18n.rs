//! Translations: the `locales/{kk,ru,en}/*.ftl` files, compiled at build time.
//!
//! Fluent is parsed by the official `fluent-syntax` parser on the build host
//! ([`compile`]); what ships in the WebAssembly is only the result — text,
//! variables and select expressions, with message and term references already
//! inlined — and this small resolver. Plural categories come from the
//! browser's own `Intl.PluralRules` (CLDR), so no plural tables are shipped.
//! The host tests check that every message, as the app formats it
//! ([`packed`]), reads exactly as the reference `fluent-bundle` formats it.

use std::borrow::Cow;

use crate::Lang;

pub mod packed;

pub type Text = Cow<'static, str>;

/// A piece of a compiled pattern.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(Text),
    /// `{ $name }`
    Var(Text),
    /// `{ $name -> [key] … *[other] … }`
    Select {
        selector: Text,
        variants: Cow<'static, [Variant]>,
        /// Index of the `*[default]` variant.
        default: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    pub key: VariantKey,
    pub pieces: Cow<'static, [Piece]>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum VariantKey {
    /// `[0]`, `[1]`: matches that exact number.
    Number(f64),
    /// `[one]`, `[few]`, …: a plural category for a number, or an exact
    /// string for a string argument.
    Name(Text),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub id: Text,
    pub pieces: Cow<'static, [Piece]>,
}

/// All messages of the three languages, each list sorted by id.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    /// In the order of [`Lang::ALL`].
    pub languages: [Cow<'static, [Message]>; 3],
}

/// A value passed to a message.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Arg::Str(value)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(value: &'a String) -> Self {
        Arg::Str(value)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(value: $t) -> Self {
                Arg::Num(value as f64)
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize, f64);

/// The CLDR plural category (`one`, `few`, `many`, `other`, …) of a number in
/// a language.
pub trait PluralRules {
    fn category(&self, lang: Lang, number: f64) -> &str;

    /// A number with a fraction, in its shortest form (`2.5`). The app
    /// passes this to the browser's `Number.prototype.toString`, which writes
    /// the same digits: Rust's own float printing would add WebAssembly for
    /// numbers the site never shows (docs/performance.md, "Decisions in the
    /// code, measured").
    fn write_fraction(&self, number: f64) -> String {
        number.to_string()
    }
}

impl Catalog {
    /// The catalogue with only the messages whose id passes `keep`.
    pub fn only(&self, keep: impl Fn(&str) -> bool) -> Catalog {
        let kept = |messages: &Cow<'static, [Message]>| -> Cow<'static, [Message]> {
            Cow::Owned(messages.iter().filter(|m| keep(&m.id)).cloned().collect())
        };
        Catalog { languages: [kept(&self.languages[0]), kept(&self.languages[1]), kept(&self.languages[2])] }
    }

    pub fn messages(&self, lang: Lang) -> &[Message] {
        &self.languages[lang.index()]
    }

    pub fn message(&self, lang: Lang, id: &str) -> Option<&Message> {
        let messages = self.messages(lang);
        messages.binary_search_by(|m| m.id.as_ref().cmp(id)).ok().map(|i| &messages[i])
    }
}

/// The message in `lang`, or, if a translation is missing, its English
/// text, or as a last resort the id itself: a gap is visible but never
/// breaks a page. The tests make sure none of that happens. `format` is the
/// packed catalogue's `format_checked` for one message.
fn with_fallback(lang: Lang, id: &str, mut format: impl FnMut(Lang, &mut Vec<String>) -> Option<String>) -> String {
    let mut ignored = Vec::new();
    format(lang, &mut ignored).or_else(|| format(Lang::FALLBACK, &mut ignored)).unwrap_or_else(|| id.to_string())
}

/// The error of a message formatted without one of its arguments.
fn missing_argument(id: &str, name: &str) -> String {
    format!("{id}: no argument ${name}")
}

fn find_arg<'a>(args: &[(&str, Arg<'a>)], name: &str) -> Option<Arg<'a>> {
    args.iter().find(|(n, _)| *n == name).map(|(_, value)| *value)
}

/// Numbers as Fluent writes them without `NUMBER()`: integers without a
/// fraction, others in their shortest form.
fn write_number(out: &mut String, number: f64, plurals: &dyn PluralRules) {
    use std::fmt::Write;
    if number.fract() == 0.0 && number.abs() < 1e15 {
        let _ = write!(out, "{}", number as i64);
    } else {
        out.push_str(&plurals.write_fraction(number));
    }
}

/// The variable names a message reads, for checks.
pub fn variables(pieces: &[Piece], into: &mut Vec<String>) {
    for piece in pieces {
        match piece {
            Piece::Text(_) => {}
            Piece::Var(name) => into.push(name.to_string()),
            Piece::Select { selector, variants, .. } => {
                into.push(selector.to_string());
                for variant in variants.iter() {
                    variables(&variant.pieces, into);
                }
            }
        }
    }
    into.sort();
    into.dedup();
}
