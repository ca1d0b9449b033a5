//! The translation catalogue: one Fluent bundle per language, built from the
//! `locales/{kk,ru,en}/*.ftl` files. The app wraps it in a reactive language
//! signal; the tests use it to check that every message exists and formats in
//! every language.

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use crate::Lang;

/// One `.ftl` file of one language.
#[derive(Clone, Copy, Debug)]
pub struct LocaleSource<'a> {
    pub lang: Lang,
    /// For messages only, e.g. `locales/kk/main.ftl`.
    pub file: &'a str,
    pub text: &'a str,
}

/// A problem in the translation files, naming the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError {
    pub file: String,
    pub message: String,
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

pub struct Catalog {
    /// Indexed in the order of [`Lang::ALL`].
    bundles: Vec<FluentBundle<FluentResource>>,
}

fn index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).expect("every Lang is in Lang::ALL")
}

impl Catalog {
    /// Builds the bundles. Broken files are reported, but everything that
    /// parsed is still loaded, so one bad line in production costs one
    /// message, not the whole page.
    pub fn new(sources: &[LocaleSource<'_>]) -> (Catalog, Vec<CatalogError>) {
        let mut errors = Vec::new();
        let mut bundles: Vec<FluentBundle<FluentResource>> = Lang::ALL
            .iter()
            .map(|lang| {
                let id = lang.code().parse().expect("our language codes are valid BCP 47");
                let mut bundle = FluentBundle::new(vec![id]);
                // All three languages are left-to-right; the isolation marks
                // around placeables would leak into titles, meta tags and
                // copied citations.
                bundle.set_use_isolating(false);
                bundle
            })
            .collect();
        for source in sources {
            let resource = match FluentResource::try_new(source.text.to_string()) {
                Ok(resource) => resource,
                Err((resource, parse_errors)) => {
                    errors.extend(parse_errors.iter().map(|e| CatalogError {
                        file: source.file.to_string(),
                        message: format!("does not parse: {e:?}"),
                    }));
                    resource
                }
            };
            if let Err(add_errors) = bundles[index(source.lang)].add_resource(resource) {
                errors.extend(add_errors.iter().map(|e| CatalogError {
                    file: source.file.to_string(),
                    message: e.to_string(),
                }));
            }
        }
        (Catalog { bundles }, errors)
    }

    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundles[index(lang)].get_message(id).is_some_and(|m| m.value().is_some())
    }

    /// The message `id` in `lang` with `args`; `None` if it does not exist.
    /// Formatting errors (a missing argument) are reported in `errors`, and
    /// the text is still produced with the placeholder's name.
    pub fn format_checked(
        &self,
        lang: Lang,
        id: &str,
        args: Option<&FluentArgs<'_>>,
        errors: &mut Vec<String>,
    ) -> Option<String> {
        let bundle = &self.bundles[index(lang)];
        let pattern = bundle.get_message(id)?.value()?;
        let mut fluent_errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut fluent_errors);
        errors.extend(fluent_errors.iter().map(|e| format!("{id}: {e}")));
        Some(match text {
            Cow::Borrowed(s) => s.to_string(),
            Cow::Owned(s) => s,
        })
    }

    /// The message `id` in `lang`, or, if a translation is missing, its English
    /// text, or as a last resort the id itself, so a gap is visible but never
    /// breaks a page. The tests make sure none of that happens.
    pub fn format(&self, lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let mut ignored = Vec::new();
        self.format_checked(lang, id, args, &mut ignored)
            .or_else(|| self.format_checked(Lang::FALLBACK, id, args, &mut ignored))
            .unwrap_or_else(|| id.to_string())
    }
}

/// Builds Fluent arguments from name/value pairs.
pub fn args<'a>(pairs: &[(&'a str, FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut args = FluentArgs::with_capacity(pairs.len());
    for (name, value) in pairs {
        args.set(*name, value.clone());
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(en: &str, ru: &str) -> (Catalog, Vec<CatalogError>) {
        Catalog::new(&[
            LocaleSource { lang: Lang::En, file: "en.ftl", text: en },
            LocaleSource { lang: Lang::Ru, file: "ru.ftl", text: ru },
        ])
    }

    #[test]
    fn formats_in_the_requested_language() {
        let (c, errors) = catalog("hello = Hello", "hello = Здравствуйте");
        assert!(errors.is_empty());
        assert_eq!(c.format(Lang::Ru, "hello", None), "Здравствуйте");
        assert_eq!(c.format(Lang::En, "hello", None), "Hello");
    }

    #[test]
    fn placeables_carry_no_isolation_marks() {
        let (c, _) = catalog("days = In { $n } days", "");
        let text = c.format(Lang::En, "days", Some(&args(&[("n", 5.into())])));
        assert_eq!(text, "In 5 days");
    }

    #[test]
    fn russian_plurals_use_one_few_many() {
        let ru = "days = { $n ->\n [one] { $n } день\n [few] { $n } дня\n [many] { $n } дней\n *[other] { $n } дня\n}";
        let (c, errors) = catalog("", ru);
        assert!(errors.is_empty(), "{errors:?}");
        let day = |n: i64| c.format(Lang::Ru, "days", Some(&args(&[("n", n.into())])));
        assert_eq!(day(1), "1 день");
        assert_eq!(day(3), "3 дня");
        assert_eq!(day(5), "5 дней");
        assert_eq!(day(21), "21 день");
        assert_eq!(day(111), "111 дней");
    }

    #[test]
    fn a_missing_translation_falls_back_to_english_then_the_id() {
        let (c, _) = catalog("only-en = Only English", "");
        assert_eq!(c.format(Lang::Ru, "only-en", None), "Only English");
        assert_eq!(c.format(Lang::Ru, "nowhere", None), "nowhere");
    }

    #[test]
    fn broken_files_are_reported_with_their_name_and_the_rest_still_loads() {
        let (c, errors) = catalog("good = Good\nbad = { $\n", "");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].file, "en.ftl");
        assert_eq!(c.format(Lang::En, "good", None), "Good");
    }

    #[test]
    fn duplicate_messages_are_reported() {
        let (_, errors) = catalog("a = 1\na = 2", "");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains('a'), "{errors:?}");
    }
}
