//! The packed catalogue the app carries (`kasipodaq_core::i18n::packed`):
//! its format, its fallbacks, what it refuses and the Rust it is written as.
//! Every message of the site is compared with the reference `fluent-bundle`
//! in `tests/locales.rs`.

use kasipodaq_build::fluent::{compile, read_locales, LocaleSource};
use kasipodaq_core::{
    i18n::{packed::MessageId, Arg, Catalog, PluralRules},
    Lang,
};

struct Rules;
impl PluralRules for Rules {
    fn category(&self, lang: Lang, n: f64) -> &str {
        // Close enough to CLDR for kk/ru/en to exercise every branch.
        match (lang, n as i64 % 10, n as i64 % 100) {
            (Lang::Ru, 1, m) if m != 11 => "one",
            (Lang::Ru, 2..=4, m) if !(12..=14).contains(&m) => "few",
            (Lang::Ru, _, _) => "many",
            (_, _, _) if n == 1.0 => "one",
            _ => "other",
        }
    }
}

fn site_catalog() -> Catalog {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let sources: Vec<_> = read_locales(&root).unwrap().into_iter().map(|(source, _)| source).collect();
    compile(&sources).unwrap()
}

fn en(text: &str) -> Catalog {
    compile(&[LocaleSource { lang: Lang::En, file: "t.ftl".into(), text: text.into() }]).unwrap()
}

#[test]
fn select_exact_number_category_string_default_and_nesting() {
    let catalog = en("m = { $n ->\n    [0] none\n    [one] one { $what }\n   *[other] { $n } { $kind ->\n        [a] A\n       *[b] B\n    }\n}\n");
    let packed = catalog.pack().unwrap();
    let packed = packed.as_packed();
    let f = |args: &[(&str, Arg<'_>)]| packed.format(Lang::En, "m", args, &Rules);
    assert_eq!(f(&[("n", Arg::Num(0.0))]), "none");
    assert_eq!(f(&[("n", Arg::Num(1.0)), ("what", Arg::Str("x"))]), "one x");
    assert_eq!(f(&[("n", Arg::Num(7.0)), ("kind", Arg::Str("a"))]), "7 A");
    assert_eq!(f(&[("n", Arg::Num(7.0)), ("kind", Arg::Str("zz"))]), "7 B");
    // A string never matches a number key; no argument takes the default.
    assert_eq!(f(&[("n", Arg::Str("0")), ("kind", Arg::Str("a"))]), "0 A");
    let mut errors = Vec::new();
    assert_eq!(packed.format_checked(Lang::En, "m", &[], &Rules, &mut errors).unwrap(), "{$n} B");
    assert_eq!(errors, ["m: no argument $n", "m: no argument $n", "m: no argument $kind"]);
}

#[test]
fn missing_translation_falls_back_to_english_then_the_id() {
    let catalog = compile(&[
        LocaleSource { lang: Lang::En, file: "en.ftl".into(), text: "only-en = English\nboth = B en\n".into() },
        LocaleSource { lang: Lang::Kk, file: "kk.ftl".into(), text: "both = B kk\n".into() },
    ])
    .unwrap();
    let packed = catalog.pack().unwrap();
    let packed = packed.as_packed();
    assert_eq!(packed.pattern(Lang::Kk, "only-en"), None);
    assert_eq!(packed.format(Lang::Kk, "only-en", &[], &Rules), "English");
    assert_eq!(packed.format(Lang::Kk, "both", &[], &Rules), "B kk");
    assert_eq!(packed.format(Lang::Ru, "nowhere", &[], &Rules), "nowhere");
    // Ids before the first and after the last are not found either.
    assert_eq!(packed.pattern(Lang::En, "a"), None);
    assert_eq!(packed.pattern(Lang::En, "zzz"), None);
}

#[test]
fn other_control_characters_are_plain_text() {
    // Only U+0001–U+0005 mark placeables (and U+0000 ends a pattern in a
    // messages file: refused below); another control character is text.
    let catalog = en("m = a\u{6}b\u{7}c { $x }\u{6}\n");
    let packed = catalog.pack().unwrap();
    let text = packed.as_packed().format(Lang::En, "m", &[("x", Arg::Str("y"))], &Rules);
    assert_eq!(text, "a\u{6}b\u{7}c y\u{6}");
}

#[test]
fn refuses_what_cannot_be_packed() {
    let control = en("m = a\u{3}b\n").pack().unwrap_err();
    assert!(control.contains("U+0003"), "{control}");
    // the end of each pattern in a messages file
    let nul = en("m = a\u{0}b\n").pack().unwrap_err();
    assert!(nul.contains("U+0000"), "{nul}");
    let fraction = en("m = { $n ->\n    [1.5] x\n   *[other] y\n}\n").pack().unwrap_err();
    assert!(fraction.contains("[1.5] is not an integer"), "{fraction}");
    let long = format!("m = {}\n", "x".repeat(70_000));
    assert!(en(&long).pack().unwrap_err().contains("over 65535 bytes"));
}

#[test]
fn rust_source_holds_the_same_tables() {
    let catalog = en("a = A\nb = { $x } B\n");
    let source = catalog.pack().unwrap().to_rust();
    // no id strings: the app names messages by their constants
    assert!(source.starts_with("::kasipodaq_core::i18n::packed::Packed { ids: \"\", id_ends: &[]"), "{source}");
    assert!(source.contains(r#"patterns: ["", "", "A\u{1}x\u{2} B"]"#), "{source}");
    let ids = catalog.pack().unwrap().ids_to_rust();
    assert!(
        ids.contains(
            "pub const A: ::kasipodaq_core::i18n::packed::MessageId = ::kasipodaq_core::i18n::packed::MessageId(0);"
        ),
        "{ids}"
    );
    assert!(
        ids.contains(
            "pub const B: ::kasipodaq_core::i18n::packed::MessageId = ::kasipodaq_core::i18n::packed::MessageId(1);"
        ),
        "{ids}"
    );
}

#[test]
fn by_id_every_site_message_formats_as_by_name() {
    let catalog = site_catalog();
    let packed = catalog.pack().unwrap();
    let packed = packed.as_packed();
    for index in 0..packed.id_ends.len() {
        let id = packed.id(index);
        for lang in Lang::ALL {
            let args = [("n", Arg::Num(3.0)), ("count", Arg::Num(21.0)), ("date", Arg::Str("1 May"))];
            assert_eq!(
                packed.format_id(lang, MessageId(index as u16), &args, &Rules),
                packed.format(lang, id, &args, &Rules),
                "{} {id}",
                lang.code()
            );
        }
    }
}

/// Each language's messages file, read back as the app reads it, formats
/// every message of the site exactly as the whole catalogue does.
#[test]
fn each_languages_file_formats_every_site_message_as_the_whole_catalogue() {
    use kasipodaq_core::i18n::packed::{format_pattern, read_language};
    let catalog = site_catalog();
    let packed = catalog.pack().unwrap();
    let whole = packed.as_packed();
    let count = whole.id_ends.len();
    for lang in Lang::ALL {
        let value: serde_json::Value = serde_json::from_str(&packed.language_json(lang)).unwrap();
        let (patterns, ends) = read_language(&value, lang, count).unwrap();
        assert_eq!(ends.len(), count);
        let mut one = whole;
        one.patterns = [""; 3];
        one.pattern_ends = [&[]; 3];
        one.patterns[lang.index()] = &patterns;
        one.pattern_ends[lang.index()] = &ends;
        let args = [("n", Arg::Num(3.0)), ("count", Arg::Num(21.0)), ("date", Arg::Str("1 May"))];
        for index in 0..count {
            let id = MessageId(index as u16);
            let pattern = one.pattern_at(lang, index).unwrap_or_else(|| panic!("{} {}", lang.code(), whole.id(index)));
            assert_eq!(format_pattern(pattern, lang, &args, &Rules), whole.format_id(lang, id, &args, &Rules));
        }
        // The other languages are not in this copy.
        let other = Lang::ALL.into_iter().find(|l| *l != lang).unwrap();
        assert_eq!(one.pattern_at(other, 0), None);
    }
}

#[test]
fn a_messages_file_of_another_language_or_count_is_refused() {
    use kasipodaq_core::i18n::packed::read_language;
    let packed = en("a = A\nb = B\n").pack().unwrap();
    let value: serde_json::Value = serde_json::from_str(&packed.language_json(Lang::En)).unwrap();
    assert_eq!(read_language(&value, Lang::En, 2).unwrap(), ("AB".to_owned(), vec![1, 2]));
    assert!(read_language(&value, Lang::Kk, 2).unwrap_err().contains("not the messages file of kk"));
    assert!(read_language(&value, Lang::En, 3).unwrap_err().contains("not 3 patterns"));
    let hostile = serde_json::json!({ "messages": "en", "patterns": ["A", "B"] });
    assert_eq!(read_language(&hostile, Lang::En, 2).unwrap_err(), "the patterns are not a string");
    let unended = serde_json::json!({ "messages": "en", "patterns": "A\u{0}B" });
    assert!(read_language(&unended, Lang::En, 2).unwrap_err().contains("not 2 patterns"));
}

#[test]
fn the_copy_of_a_few_messages_keeps_every_messages_place() {
    let catalog = en("a = A\nb = B { $x }\nc = C\n");
    let packed = catalog.pack().unwrap();
    let kept = packed.keep_only(|id| id == "b");
    let kept = kept.as_packed();
    assert_eq!(kept.pattern_at(Lang::En, 0), None);
    assert_eq!(kept.pattern_at(Lang::En, 1), Some("B \u{1}x\u{2}"));
    assert_eq!(kept.pattern_at(Lang::En, 2), None);
    assert_eq!(kept.format_id(Lang::Kk, MessageId(1), &[("x", Arg::Str("y"))], &Rules), "B y");
}
