//! The real translation files: they compile, every message exists in all three
//! languages, formats in the app's packed form exactly as the reference
//! `fluent-bundle` formats it,
//! uses the full plural set where the language needs it, and every message the
//! rules name as a string exists (the app's own are compile-time constants).

use std::{collections::BTreeSet, path::Path};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use intl_pluralrules::{PluralCategory, PluralRuleType};
use kasipodaq_build::{
    content::accessibility,
    fluent::{compile, read_locales, LocaleSource},
};
use kasipodaq_core::{
    i18n::{variables, Arg, Catalog, Piece, PluralRules, VariantKey},
    Lang,
};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn sources() -> Vec<LocaleSource> {
    read_locales(root()).expect("locales/ is readable").into_iter().map(|(s, _)| s).collect()
}

fn catalog() -> Catalog {
    compile(&sources())
        .unwrap_or_else(|errors| panic!("{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")))
}

/// CLDR plural rules, as the browser's `Intl.PluralRules` has them.
struct Cldr;
impl PluralRules for Cldr {
    fn category(&self, lang: Lang, number: f64) -> &str {
        let rules = intl_pluralrules::PluralRules::create(
            lang.code().parse::<unic_langid::LanguageIdentifier>().unwrap(),
            PluralRuleType::CARDINAL,
        )
        .unwrap();
        match rules.select(number).unwrap() {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        }
    }
}

fn ids(catalog: &Catalog, lang: Lang) -> BTreeSet<String> {
    catalog.messages(lang).iter().map(|m| m.id.to_string()).collect()
}

#[test]
fn every_file_compiles() {
    catalog();
}

#[test]
fn every_message_exists_in_all_three_languages() {
    let catalog = catalog();
    let en = ids(&catalog, Lang::En);
    assert!(en.len() > 20, "only {} messages?", en.len());
    for lang in [Lang::Kk, Lang::Ru] {
        let other = ids(&catalog, lang);
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{lang}: missing {missing:?}, not in English {extra:?}");
    }
}

#[test]
fn a_message_takes_the_same_arguments_in_every_language() {
    let catalog = catalog();
    for message in catalog.messages(Lang::En) {
        let mut en = Vec::new();
        variables(&message.pieces, &mut en);
        for lang in [Lang::Kk, Lang::Ru] {
            let mut other = Vec::new();
            variables(&catalog.message(lang, &message.id).unwrap().pieces, &mut other);
            assert_eq!(other, en, "{lang} {}", message.id);
        }
    }
}

const SAMPLE_NUMBERS: [f64; 13] = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 11.0, 21.0, 22.0, 25.0, 101.0, 1.5, -1.0];

/// Every message as the app formats it (the packed catalogue the app
/// carries), with every shape of argument it may meet (none; each sample
/// number; each key of its selects as a string, and a string that matches
/// none), reads exactly as the reference fluent-bundle formats it, with as
/// many errors (each missing argument).
#[test]
fn every_message_formats_as_the_reference_fluent_bundle_does() {
    let catalog = catalog();
    let packed = catalog.pack().unwrap();
    let packed = packed.as_packed();
    let mut compared = 0;
    for lang in Lang::ALL {
        let mut bundle = FluentBundle::new(vec![lang.code().parse().unwrap()]);
        bundle.set_use_isolating(false);
        for source in sources().into_iter().filter(|s| s.lang == lang) {
            bundle.add_resource(FluentResource::try_new(source.text).unwrap()).unwrap();
        }
        for message in catalog.messages(lang) {
            let mut names = Vec::new();
            variables(&message.pieces, &mut names);
            let mut keys = Vec::new();
            select_categories(&message.pieces, &mut keys);
            let texts: BTreeSet<String> = keys.into_iter().flatten().chain(["<b>&".to_owned()]).collect();
            let mut values: Vec<Option<Arg<'_>>> = vec![None];
            if !names.is_empty() {
                values.extend(SAMPLE_NUMBERS.map(|n| Some(Arg::Num(n))));
                values.extend(texts.iter().map(|t| Some(Arg::Str(t))));
            }
            for value in values {
                let ours_args: Vec<(&str, Arg<'_>)> =
                    value.map(|v| names.iter().map(|n| (n.as_str(), v)).collect()).unwrap_or_default();
                let mut problems = Vec::new();
                let ours = packed.format_checked(lang, &message.id, &ours_args, &Cldr, &mut problems).unwrap();

                let mut args = FluentArgs::new();
                for (name, value) in &ours_args {
                    args.set(
                        *name,
                        match value {
                            Arg::Num(number) => FluentValue::from(*number),
                            Arg::Str(text) => FluentValue::from(*text),
                        },
                    );
                }
                let pattern = bundle.get_message(&message.id).unwrap().value().unwrap();
                let mut errors = Vec::new();
                let reference = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert_eq!(ours, reference, "{lang} {} with {value:?}", message.id);
                assert_eq!(
                    problems.len(),
                    errors.len(),
                    "{lang} {} with {value:?}: {problems:?} / {errors:?}",
                    message.id
                );
                if value.is_some() {
                    assert!(problems.is_empty(), "{lang} {}: {problems:?}", message.id);
                }
                compared += 1;
            }
        }
    }
    assert!(compared > 1000, "only {compared} formats compared");
}

fn select_categories(pieces: &[Piece], found: &mut Vec<BTreeSet<String>>) {
    for piece in pieces {
        if let Piece::Select { variants, .. } = piece {
            let names = variants
                .iter()
                .filter_map(|v| match &v.key {
                    VariantKey::Name(name) => Some(name.to_string()),
                    VariantKey::Number(_) => None,
                })
                .collect();
            found.push(names);
            for variant in variants.iter() {
                select_categories(&variant.pieces, found);
            }
        }
    }
}

/// Russian needs one/few/many/other; Kazakh and English one/other (the
/// default `other` may stand for `one` where the words are the same).
#[test]
fn plural_selectors_list_every_category_of_their_language() {
    let catalog = catalog();
    let plural = ["zero", "one", "two", "few", "many", "other"];
    for (lang, required) in
        [(Lang::Ru, &["one", "few", "many", "other"][..]), (Lang::Kk, &["other"]), (Lang::En, &["other"])]
    {
        for message in catalog.messages(lang) {
            let mut selects = Vec::new();
            select_categories(&message.pieces, &mut selects);
            for names in selects.iter().filter(|names| names.iter().any(|n| plural.contains(&n.as_str()))) {
                for category in required {
                    assert!(names.contains(*category), "{lang} {}: no [{category}] variant", message.id);
                }
            }
        }
    }
}

#[test]
fn no_message_is_empty_or_untranslated_english_in_kazakh_or_russian() {
    let catalog = catalog();
    let packed = catalog.pack().unwrap();
    let packed = packed.as_packed();
    for lang in [Lang::Kk, Lang::Ru] {
        for message in catalog.messages(lang) {
            let text = packed.format(lang, &message.id, &[], &Cldr);
            assert!(!text.trim().is_empty(), "{lang} {} is empty", message.id);
        }
    }
    // Kazakh text uses the Kazakh letters, not only the Russian alphabet.
    let kk: String = catalog.messages(Lang::Kk).iter().map(|m| packed.format(Lang::Kk, &m.id, &[], &Cldr)).collect();
    assert!(kk.chars().any(|c| "әғқңөұүһі".contains(c)), "Kazakh catalogue without Kazakh letters");
}

#[test]
fn the_accessibility_statement_builds_in_every_language_and_only_its_body_stays_out_of_the_app() {
    let catalog = catalog();
    let [kk, ru, en] = accessibility::html_in_all(&catalog).unwrap();
    for html in [&kk, &ru, &en] {
        assert_eq!(html.matches("<h2>").count(), 4, "{html}");
        assert!(html.contains("https://kasipodaq.kz/"), "{html}");
    }
    assert!(kk.contains("Tab") && ru.contains("WCAG") && en.contains("WCAG"));
    // Every `a11y-` message is part of the body: nothing the app needs is
    // left out of its catalogue.
    let body: BTreeSet<&str> = accessibility::message_ids().collect();
    let app = catalog.only(|id| !accessibility::is_page_text(id));
    // …and in the packed form the app carries (build.rs).
    let packed = app.pack().unwrap();
    for lang in Lang::ALL {
        for message in catalog.messages(lang) {
            let left_out = accessibility::is_page_text(&message.id);
            assert_eq!(left_out, body.contains(&*message.id), "{}: {}", lang.code(), message.id);
            assert_eq!(app.message(lang, &message.id).is_some(), !left_out, "{}", message.id);
            assert_eq!(packed.as_packed().pattern(lang, &message.id).is_some(), !left_out, "{}", message.id);
        }
    }
}
