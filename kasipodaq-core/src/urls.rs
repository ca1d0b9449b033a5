//! Every URL of the portal is built and read here, so a link can never point
//! at a path the router does not know. Paths always end in `/`: that is the
//! form a static host serves as `…/index.html`.

use crate::Lang;

/// A page of the portal, without its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Statements,
    Statement(String),
    Platform,
    UnionDay,
    Contacts,
}

/// The sections in the main navigation, in order.
pub const NAV_PAGES: [Page; 5] = [Page::Home, Page::Statements, Page::Platform, Page::UnionDay, Page::Contacts];

impl Page {
    /// The canonical path of this page in `lang`, e.g. `/kk/statements/`.
    pub fn path(&self, lang: Lang) -> String {
        let lang = lang.code();
        match self {
            Page::Home => format!("/{lang}/"),
            Page::Statements => format!("/{lang}/statements/"),
            Page::Statement(slug) => format!("/{lang}/statements/{slug}/"),
            Page::Platform => format!("/{lang}/platform/"),
            Page::UnionDay => format!("/{lang}/union-day/"),
            Page::Contacts => format!("/{lang}/contacts/"),
        }
    }

    /// Reads a path back into its language and page. `None` for anything the
    /// portal does not publish (the not-found page). The trailing slash is
    /// optional, as static hosts redirect `/en/platform` to `/en/platform/`.
    pub fn parse(path: &str) -> Option<(Lang, Page)> {
        let rest = path.strip_prefix('/')?;
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        let mut segments = rest.split('/');
        let lang = Lang::from_code(segments.next()?)?;
        let segments: Vec<&str> = segments.collect();
        let page = match segments.as_slice() {
            [] => Page::Home,
            ["statements"] => Page::Statements,
            ["statements", slug] if is_valid_slug(slug) => Page::Statement(slug.to_string()),
            ["platform"] => Page::Platform,
            ["union-day"] => Page::UnionDay,
            ["contacts"] => Page::Contacts,
            _ => return None,
        };
        Some((lang, page))
    }

    /// The navigation section this page belongs to: a statement is part of
    /// the archive, so the archive link is marked current on it.
    pub fn section(&self) -> Page {
        match self {
            Page::Statement(_) => Page::Statements,
            other => other.clone(),
        }
    }

    /// The stable key of this page in the translations (`page-{key}-title`).
    pub fn key(&self) -> &'static str {
        match self {
            Page::Home => "home",
            Page::Statements => "statements",
            Page::Statement(_) => "statement",
            Page::Platform => "platform",
            Page::UnionDay => "union-day",
            Page::Contacts => "contacts",
        }
    }
}

/// A statement slug: lowercase ASCII letters, digits and single hyphens,
/// neither starting nor ending with a hyphen.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 120
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

/// The language a path is in, if its first segment names one of ours.
pub fn lang_of_path(path: &str) -> Option<Lang> {
    let first = path.trim_start_matches('/').split('/').next()?;
    Lang::from_code(first)
}

/// The same place in another language: the language segment is swapped and
/// the rest of the path, the query (`?…`) and the fragment (`#…`) are kept, so
/// a reader stays on the same page and paragraph. A path that is not under a
/// language leads to the home page of `to` (its query meant nothing to us).
pub fn switch_language(path: &str, query: &str, fragment: &str, to: Lang) -> String {
    let Some(from) = lang_of_path(path) else {
        return Page::Home.path(to);
    };
    let rest = &path.trim_start_matches('/')[from.code().len()..];
    let rest = if rest.is_empty() { "/" } else { rest };
    let path = format!("/{}{rest}", to.code());
    let query = match query {
        "" | "?" => String::new(),
        q if q.starts_with('?') => q.to_string(),
        q => format!("?{q}"),
    };
    let fragment = match fragment {
        "" | "#" => String::new(),
        f if f.starts_with('#') => f.to_string(),
        f => format!("#{f}"),
    };
    format!("{path}{query}{fragment}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_path_ends_in_a_slash_under_its_language() {
        let pages = [
            (Page::Home, "/kk/"),
            (Page::Statements, "/kk/statements/"),
            (Page::Statement("2019-05-12-x".into()), "/kk/statements/2019-05-12-x/"),
            (Page::Platform, "/kk/platform/"),
            (Page::UnionDay, "/kk/union-day/"),
            (Page::Contacts, "/kk/contacts/"),
        ];
        for (page, path) in pages {
            assert_eq!(page.path(Lang::Kk), path);
        }
        assert_eq!(Page::Platform.path(Lang::Ru), "/ru/platform/");
    }

    #[test]
    fn paths_parse_back_to_their_page() {
        for lang in Lang::ALL {
            for page in NAV_PAGES.iter().cloned().chain([Page::Statement("a-b-1".into())]) {
                assert_eq!(Page::parse(&page.path(lang)), Some((lang, page)));
            }
        }
    }

    #[test]
    fn the_trailing_slash_is_optional_when_reading() {
        assert_eq!(Page::parse("/en/platform"), Some((Lang::En, Page::Platform)));
        assert_eq!(Page::parse("/en"), Some((Lang::En, Page::Home)));
    }

    #[test]
    fn unknown_paths_are_not_pages() {
        for path in [
            "",
            "/",
            "/de/",
            "/EN/",
            "/en/nope/",
            "/en/statements/a/b/",
            "/en/statements/Bad_Slug/",
            "/en/statements//",
            "/en//platform/",
            "en/platform/",
        ] {
            assert_eq!(Page::parse(path), None, "{path}");
        }
    }

    #[test]
    fn slugs_are_lowercase_ascii_with_single_hyphens() {
        assert!(is_valid_slug("2019-05-12-republican-headquarters-opened"));
        assert!(is_valid_slug("xxvi-congress"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "а", "a/b", "a_b", "a.b"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
        assert!(!is_valid_slug(&"a".repeat(121)));
    }

    #[test]
    fn a_statement_is_in_the_archive_section() {
        assert_eq!(Page::Statement("x".into()).section(), Page::Statements);
        assert_eq!(Page::Contacts.section(), Page::Contacts);
    }

    #[test]
    fn switching_language_keeps_path_query_and_fragment() {
        assert_eq!(
            switch_language("/en/statements/2019-05-12-x/", "?q=work", "#p3", Lang::Kk),
            "/kk/statements/2019-05-12-x/?q=work#p3"
        );
        assert_eq!(switch_language("/ru/", "", "", Lang::En), "/en/");
        assert_eq!(switch_language("/ru", "", "", Lang::En), "/en/");
        assert_eq!(switch_language("/ru/platform/", "year=2019", "p2", Lang::En), "/en/platform/?year=2019#p2");
    }

    #[test]
    fn switching_language_keeps_an_unknown_page_under_the_new_language() {
        // so the visitor sees the not-found page in the language they chose
        assert_eq!(switch_language("/en/nope/", "", "", Lang::Ru), "/ru/nope/");
    }

    #[test]
    fn switching_language_outside_a_language_goes_home() {
        assert_eq!(switch_language("/", "", "", Lang::Ru), "/ru/");
        assert_eq!(switch_language("/de/about/", "?x=1", "#p1", Lang::Kk), "/kk/");
        // a segment that only starts like a language is not one
        assert_eq!(switch_language("/english/", "", "", Lang::Kk), "/kk/");
    }

    #[test]
    fn the_language_of_a_path_is_its_first_segment() {
        assert_eq!(lang_of_path("/kk/contacts/"), Some(Lang::Kk));
        assert_eq!(lang_of_path("/kk"), Some(Lang::Kk));
        assert_eq!(lang_of_path("/kkk/"), None);
        assert_eq!(lang_of_path("/"), None);
    }
}
