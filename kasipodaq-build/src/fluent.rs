//! Host side: parses `.ftl` files with the official Fluent parser and turns
//! them into a [`Catalog`], and writes a catalogue as Rust source for the app
//! to include. Every problem names its file and line, so a broken translation
//! stops the build with a message a translator can act on.
//!
//! Supported: text, `{ $variables }`, `{ message }` and `{ -term }`
//! references (inlined here), string and number literals, and select
//! expressions on a variable. Not supported, and reported as an error:
//! functions (`NUMBER()`, `DATETIME()`), attributes, terms with arguments.

use std::{
    borrow::Cow,
    collections::{BTreeMap, HashSet},
};

use fluent_syntax::{ast, parser};

use kasipodaq_core::{
    i18n::{Catalog, Message, Piece, Variant, VariantKey},
    Lang,
};

/// One `.ftl` file of one language.
#[derive(Clone, Debug)]
pub struct LocaleSource {
    pub lang: Lang,
    /// Shown in errors, e.g. `locales/kk/main.ftl`.
    pub file: String,
    pub text: String,
}

/// A problem in a translation file, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].bytes().filter(|b| *b == b'\n').count() + 1
}

/// A message or term as parsed, with where it came from.
struct Entry<'s> {
    file: &'s str,
    line: usize,
    pattern: &'s ast::Pattern<&'s str>,
}

type Entries<'s> = BTreeMap<String, Entry<'s>>;

/// Compiles all sources. Returns the catalogue, or every error found.
pub fn compile(sources: &[LocaleSource]) -> Result<Catalog, Vec<CompileError>> {
    let mut errors = Vec::new();
    let parsed: Vec<(&LocaleSource, ast::Resource<&str>)> = sources
        .iter()
        .map(|source| {
            let resource = match parser::parse(source.text.as_str()) {
                Ok(resource) => resource,
                Err((resource, parse_errors)) => {
                    for e in parse_errors {
                        errors.push(CompileError {
                            file: source.file.clone(),
                            line: line_of(&source.text, e.pos.start),
                            message: format!("Fluent syntax error: {}", e.kind),
                        });
                    }
                    resource
                }
            };
            (source, resource)
        })
        .collect();

    let mut languages: [Vec<Message>; 3] = Default::default();
    for (slot, lang) in Lang::ALL.into_iter().enumerate() {
        // Messages by id, terms by `-id`: one namespace per language.
        let mut entries: Entries<'_> = BTreeMap::new();
        for (source, resource) in parsed.iter().filter(|(s, _)| s.lang == lang) {
            // How often each id was defined so far in this file, to find its line.
            let mut seen_in_file: BTreeMap<String, usize> = BTreeMap::new();
            for entry in &resource.body {
                let (id, pattern, attributes) = match entry {
                    ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
                    ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
                    // Junk is already reported as a syntax error.
                    _ => continue,
                };
                let nth = seen_in_file.entry(id.clone()).or_default();
                let line = line_of(&source.text, definition_offset(&source.text, &id, *nth));
                *nth += 1;
                let error = |message: String| CompileError { file: source.file.clone(), line, message };
                if !attributes.is_empty() {
                    errors.push(error(format!("{id}: attributes are not supported; use a message of its own")));
                }
                let Some(pattern) = pattern else {
                    errors.push(error(format!("{id}: has no value")));
                    continue;
                };
                if let Some(first) = entries.get(&id) {
                    errors.push(error(format!("{id}: defined twice (first in {}:{})", first.file, first.line)));
                    continue;
                }
                entries.insert(id, Entry { file: &source.file, line, pattern });
            }
        }
        for (id, entry) in entries.iter().filter(|(id, _)| !id.starts_with('-')) {
            let mut lowering = Lowering { entries: &entries, stack: vec![id.clone()], errors: Vec::new() };
            let pieces = lowering.pattern(entry.pattern);
            errors.extend(lowering.errors.into_iter().map(|message| CompileError {
                file: entry.file.to_string(),
                line: entry.line,
                message: format!("{id}: {message}"),
            }));
            languages[slot].push(Message { id: Cow::Owned(id.clone()), pieces: Cow::Owned(pieces) });
        }
    }
    if errors.is_empty() {
        Ok(Catalog { languages: languages.map(Cow::Owned) })
    } else {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        errors.dedup();
        Err(errors)
    }
}

/// Where the `nth` definition of `id` starts in its file (for its line
/// number): the lines that start with `id =`.
fn definition_offset(text: &str, id: &str, nth: usize) -> usize {
    let mut offset = 0;
    let mut found = Vec::new();
    for line in text.split_inclusive('\n') {
        if line.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('=')) {
            found.push(offset);
        }
        offset += line.len();
    }
    found.get(nth).or(found.last()).copied().unwrap_or(0)
}

struct Lowering<'a, 's> {
    entries: &'a Entries<'s>,
    /// The messages being inlined, to catch a reference cycle.
    stack: Vec<String>,
    errors: Vec<String>,
}

impl Lowering<'_, '_> {
    fn pattern(&mut self, pattern: &ast::Pattern<&str>) -> Vec<Piece> {
        let mut pieces = Vec::new();
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => push_text(&mut pieces, value),
                ast::PatternElement::Placeable { expression } => self.expression(expression, &mut pieces),
            }
        }
        pieces
    }

    fn expression(&mut self, expression: &ast::Expression<&str>, pieces: &mut Vec<Piece>) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline, pieces),
            ast::Expression::Select { selector, variants } => {
                let ast::InlineExpression::VariableReference { id } = selector else {
                    self.errors.push("a select expression must select on a $variable".into());
                    return;
                };
                let mut lowered = Vec::new();
                let mut default = 0;
                let mut seen = HashSet::new();
                for variant in variants {
                    let key = match &variant.key {
                        ast::VariantKey::Identifier { name } => VariantKey::Name(Cow::Owned(name.to_string())),
                        ast::VariantKey::NumberLiteral { value } => match value.parse::<f64>() {
                            Ok(n) => VariantKey::Number(n),
                            Err(_) => {
                                self.errors.push(format!("variant key [{value}] is not a number"));
                                continue;
                            }
                        },
                    };
                    if !seen.insert(format!("{key:?}")) {
                        self.errors.push(format!("variant {key:?} appears twice"));
                    }
                    if variant.default {
                        default = lowered.len();
                    }
                    let pieces = self.pattern(&variant.value);
                    lowered.push(Variant { key, pieces: Cow::Owned(pieces) });
                }
                pieces.push(Piece::Select {
                    selector: Cow::Owned(id.name.to_string()),
                    variants: Cow::Owned(lowered),
                    default,
                });
            }
        }
    }

    fn inline(&mut self, inline: &ast::InlineExpression<&str>, pieces: &mut Vec<Piece>) {
        match inline {
            ast::InlineExpression::StringLiteral { value } => match unescape(value) {
                Some(text) => push_text(pieces, &text),
                None => self.errors.push(format!("bad escape in \"{value}\"")),
            },
            ast::InlineExpression::NumberLiteral { value } => push_text(pieces, value),
            ast::InlineExpression::VariableReference { id } => pieces.push(Piece::Var(Cow::Owned(id.name.to_string()))),
            ast::InlineExpression::MessageReference { id, attribute: None } => {
                self.inline_entry(id.name.to_string(), pieces);
            }
            ast::InlineExpression::TermReference { id, attribute: None, arguments: None } => {
                self.inline_entry(format!("-{}", id.name), pieces);
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression, pieces),
            ast::InlineExpression::FunctionReference { id, .. } => {
                self.errors.push(format!("functions such as {}() are not supported", id.name));
            }
            ast::InlineExpression::MessageReference { .. } | ast::InlineExpression::TermReference { .. } => {
                self.errors.push("attribute references and term arguments are not supported".into());
            }
        }
    }

    fn inline_entry(&mut self, id: String, pieces: &mut Vec<Piece>) {
        let Some(entry) = self.entries.get(&id) else {
            self.errors.push(format!("refers to {id}, which does not exist in this language"));
            return;
        };
        if self.stack.contains(&id) {
            self.errors.push(format!("reference cycle: {} -> {id}", self.stack.join(" -> ")));
            return;
        }
        self.stack.push(id);
        for piece in self.pattern(entry.pattern) {
            match piece {
                Piece::Text(text) => push_text(pieces, &text),
                other => pieces.push(other),
            }
        }
        self.stack.pop();
    }
}

/// Appends text, merging it with a text piece just before it.
fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Piece::Text(last)) = pieces.last_mut() {
        last.to_mut().push_str(text);
    } else {
        pieces.push(Piece::Text(Cow::Owned(text.to_string())));
    }
}

/// The escapes of Fluent string literals: `\\`, `\"`, `\uXXXX`, `\UXXXXXX`.
fn unescape(raw: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let hex = |chars: &mut std::str::Chars<'_>, n: usize| -> Option<char> {
            char::from_u32(u32::from_str_radix(&chars.by_ref().take(n).collect::<String>(), 16).ok()?)
        };
        match chars.next()? {
            '\\' => out.push('\\'),
            '"' => out.push('"'),
            'u' => out.push(hex(&mut chars, 4)?),
            'U' => out.push(hex(&mut chars, 6)?),
            _ => return None,
        }
    }
    Some(out)
}

const PATH: &str = "::kasipodaq_core::i18n";

use crate::codegen::cow_str as borrowed_str;

/// The catalogue as a Rust expression of type `kasipodaq_core::i18n::Catalog`
/// made only of borrowed statics: nothing is parsed or allocated at start-up.
pub fn to_rust(catalog: &Catalog) -> String {
    let mut out = format!("{PATH}::Catalog {{ languages: [\n");
    for messages in &catalog.languages {
        out.push_str("::std::borrow::Cow::Borrowed(&[\n");
        for message in messages.iter() {
            out.push_str(&format!(
                "{PATH}::Message {{ id: {}, pieces: {} }},\n",
                borrowed_str(&message.id),
                pieces_to_rust(&message.pieces)
            ));
        }
        out.push_str("]),\n");
    }
    out.push_str("] }\n");
    out
}

fn pieces_to_rust(pieces: &[Piece]) -> String {
    let items: Vec<String> = pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => format!("{PATH}::Piece::Text({})", borrowed_str(text)),
            Piece::Var(name) => format!("{PATH}::Piece::Var({})", borrowed_str(name)),
            Piece::Select { selector, variants, default } => {
                let variants: Vec<String> = variants
                    .iter()
                    .map(|v| {
                        let key = match &v.key {
                            VariantKey::Number(n) => format!("{PATH}::VariantKey::Number({n:?})"),
                            VariantKey::Name(name) => format!("{PATH}::VariantKey::Name({})", borrowed_str(name)),
                        };
                        format!("{PATH}::Variant {{ key: {key}, pieces: {} }}", pieces_to_rust(&v.pieces))
                    })
                    .collect();
                format!(
                    "{PATH}::Piece::Select {{ selector: {}, variants: ::std::borrow::Cow::Borrowed(&[{}]), default: {default} }}",
                    borrowed_str(selector),
                    variants.join(", ")
                )
            }
        })
        .collect();
    format!("::std::borrow::Cow::Borrowed(&[{}])", items.join(", "))
}

/// Reads every `locales/{lang}/*.ftl` under `root`, sorted by name, with the
/// path of each file (for `rerun-if-changed`).
pub fn read_locales(root: &std::path::Path) -> std::io::Result<Vec<(LocaleSource, std::path::PathBuf)>> {
    let mut sources = Vec::new();
    for lang in Lang::ALL {
        let dir = root.join("locales").join(lang.code());
        let mut files: Vec<_> =
            std::fs::read_dir(&dir)?.map(|entry| entry.map(|e| e.path())).collect::<Result<_, _>>()?;
        files.retain(|path| path.extension().is_some_and(|ext| ext == "ftl"));
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path)?;
            let file = path.strip_prefix(root).unwrap_or(&path).display().to_string();
            sources.push((LocaleSource { lang, file, text }, path));
        }
    }
    Ok(sources)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kasipodaq_core::i18n::{Arg, PluralRules};

    struct English;
    impl PluralRules for English {
        fn category(&self, _: Lang, n: f64) -> &str {
            if n == 1.0 {
                "one"
            } else {
                "other"
            }
        }
    }

    /// The message `id` of `catalog` as the app formats it (packed).
    fn format(catalog: &Catalog, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        catalog.pack().unwrap().as_packed().format(Lang::En, id, args, &English)
    }

    fn en(text: &str) -> Result<Catalog, Vec<CompileError>> {
        compile(&[LocaleSource { lang: Lang::En, file: "en.ftl".into(), text: text.into() }])
    }

    fn errors(text: &str) -> Vec<String> {
        en(text).unwrap_err().into_iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn messages_terms_and_references_are_inlined() {
        let catalog = en("-brand = FPRK\nname = The { -brand }\ntitle = { $page } — { name }\n").unwrap();
        let text = format(&catalog, "title", &[("page", Arg::Str("Home"))]);
        assert_eq!(text, "Home — The FPRK");
        // terms are not messages of their own
        assert!(catalog.message(Lang::En, "-brand").is_none());
    }

    #[test]
    fn selects_match_numbers_exactly_then_by_category() {
        let catalog = en("n = { $n ->\n [0] none\n [one] one item\n *[other] { $n } items\n}\n").unwrap();
        let f = |n: i64| format(&catalog, "n", &[("n", n.into())]);
        assert_eq!((f(0), f(1), f(7)), ("none".into(), "one item".into(), "7 items".into()));
    }

    #[test]
    fn string_literals_are_unescaped() {
        let catalog = en(r#"q = { "\"" }x{ "\u00A0" }"#).unwrap();
        assert_eq!(format(&catalog, "q", &[]), "\"x\u{a0}");
    }

    #[test]
    fn syntax_errors_name_the_file_and_line() {
        let found = errors("ok = fine\nbroken = { $\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("en.ftl:2: Fluent syntax error"), "{found:?}");
    }

    #[test]
    fn unsupported_features_are_errors() {
        assert!(errors("a = { NUMBER($n) }")[0].contains("NUMBER() are not supported"));
        assert!(errors("a = A\n  .title = T")[0].contains("attributes are not supported"));
        assert!(errors("-t = T\na = { -t(x: 1) }")[0].contains("term arguments"));
    }

    #[test]
    fn missing_references_and_cycles_are_errors() {
        assert_eq!(errors("a = { b }"), ["en.ftl:1: a: refers to b, which does not exist in this language"]);
        assert!(errors("a = { b }\nb = { a }")[0].contains("reference cycle"));
    }

    #[test]
    fn duplicate_ids_are_errors() {
        assert_eq!(errors("a = 1\nb = 2\na = 3"), ["en.ftl:3: a: defined twice (first in en.ftl:1)"]);
    }

    #[test]
    fn missing_arguments_are_reported_and_shown_as_fluent_does() {
        let catalog = en("a = Hi { $name }").unwrap();
        let mut problems = Vec::new();
        let text = catalog.pack().unwrap().as_packed().format_checked(Lang::En, "a", &[], &English, &mut problems);
        assert_eq!(text.as_deref(), Some("Hi {$name}"));
        assert_eq!(problems, ["a: no argument $name"]);
    }
}
