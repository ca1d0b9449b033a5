//! Every URL of the portal is built and read here, so a link can never point
//! at a path the router does not know. Paths always end in `/`: that is the
//! form a static host serves as `…/index.html`.

use crate::Lang;

/// The folder the site is published under, from the build setting
/// `KASIPODAQ_BASE_PATH`: empty at the top of a host, `/portal` for
/// `https://example.org/portal/`. Read when compiling, so the app, the
/// prerender and the sitemap agree; the app's `build.rs` refuses a malformed
/// one ([`is_valid_base_path`]).
pub const BASE_PATH: &str = match option_env!("KASIPODAQ_BASE_PATH") {
    Some(base) => base,
    None => "",
};

/// A base path is empty, or `/` and segments of lowercase letters, digits,
/// `-`, `_` and `.` separated by single `/`, with no `/` at the end.
pub fn is_valid_base_path(base: &str) -> bool {
    base.is_empty()
        || (base.starts_with('/')
            && base[1..].split('/').all(|segment| {
                !segment.is_empty()
                    && segment != "."
                    && segment != ".."
                    && segment.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
            }))
}

/// The site's own path for `path` (which starts with `/`): under the base
/// path, e.g. `/portal/sitemap.xml`.
pub fn site_path(path: &str) -> String {
    format!("{BASE_PATH}{path}")
}

/// `path` without the base path, or `None` when it lies outside the site.
fn within_site<'a>(path: &'a str, base: &str) -> Option<&'a str> {
    if base.is_empty() {
        return Some(path);
    }
    match path.strip_prefix(base)? {
        "" => Some("/"),
        rest if rest.starts_with('/') => Some(rest),
        _ => None,
    }
}

/// A page of the portal, without its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Statements,
    Statement(String),
    Platform,
    UnionDay,
    Contacts,
    /// The accessibility statement: linked from every page's footer, not a
    /// section of the main navigation.
    Accessibility,
}

/// The sections in the main navigation, in order.
pub const NAV_PAGES: [Page; 5] = [Page::Home, Page::Statements, Page::Platform, Page::UnionDay, Page::Contacts];

impl Page {
    /// The canonical path of this page in `lang`, e.g. `/kk/statements/`
    /// (under [`BASE_PATH`]).
    pub fn path(&self, lang: Lang) -> String {
        self.path_under(BASE_PATH, lang)
    }

    /// [`Self::path`] under the base path `base`.
    pub fn path_under(&self, base: &str, lang: Lang) -> String {
        let lang = lang.code();
        match self {
            Page::Home => format!("{base}/{lang}/"),
            Page::Statements => format!("{base}/{lang}/statements/"),
            Page::Statement(slug) => format!("{base}/{lang}/statements/{slug}/"),
            Page::Platform => format!("{base}/{lang}/platform/"),
            Page::UnionDay => format!("{base}/{lang}/union-day/"),
            Page::Contacts => format!("{base}/{lang}/contacts/"),
            Page::Accessibility => format!("{base}/{lang}/accessibility/"),
        }
    }

    /// Reads a path back into its language and page. `None` for anything the
    /// portal does not publish (the not-found page). The trailing slash is
    /// optional, as static hosts redirect `/en/platform` to `/en/platform/`.
    pub fn parse(path: &str) -> Option<(Lang, Page)> {
        Self::parse_under(BASE_PATH, path)
    }

    /// [`Self::parse`] under the base path `base`.
    pub fn parse_under(base: &str, path: &str) -> Option<(Lang, Page)> {
        let rest = within_site(path, base)?.strip_prefix('/')?;
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
            ["accessibility"] => Page::Accessibility,
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
            Page::Accessibility => "accessibility",
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

/// The language a path is in, if its first segment (under the base path)
/// names one of ours.
pub fn lang_of_path(path: &str) -> Option<Lang> {
    lang_of_path_under(BASE_PATH, path)
}

fn lang_of_path_under(base: &str, path: &str) -> Option<Lang> {
    let first = within_site(path, base)?.trim_start_matches('/').split('/').next()?;
    Lang::from_code(first)
}

/// Whether `path` is the site's root (`/`, or the base path with or without
/// its `/`), where the visitor's language is chosen.
pub fn is_root(path: &str) -> bool {
    matches!(within_site(path, BASE_PATH), Some("/" | ""))
}

/// The same place in another language: the language segment is swapped and
/// the rest of the path, the query (`?…`) and the fragment (`#…`) are kept, so
/// a reader stays on the same page and paragraph. A path that is not under a
/// language leads to the home page of `to` (its query meant nothing to us).
pub fn switch_language(path: &str, query: &str, fragment: &str, to: Lang) -> String {
    switch_language_under(BASE_PATH, path, query, fragment, to)
}

/// [`switch_language`] under the base path `base`.
pub fn switch_language_under(base: &str, path: &str, query: &str, fragment: &str, to: Lang) -> String {
    let Some(from) = lang_of_path_under(base, path) else {
        return Page::Home.path_under(base, to);
    };
    let within = within_site(path, base).unwrap_or(path);
    let rest = &within.trim_start_matches('/')[from.code().len()..];
    let rest = if rest.is_empty() { "/" } else { rest };
    let path = format!("{base}/{}{rest}", to.code());
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
            (Page::Accessibility, "/kk/accessibility/"),
        ];
        for (page, path) in pages {
            assert_eq!(page.path(Lang::Kk), path);
        }
        assert_eq!(Page::Platform.path(Lang::Ru), "/ru/platform/");
    }

    #[test]
    fn paths_parse_back_to_their_page() {
        for lang in Lang::ALL {
            for page in NAV_PAGES.iter().cloned().chain([Page::Statement("a-b-1".into()), Page::Accessibility]) {
                assert_eq!(Page::parse(&page.path(lang)), Some((lang, page)));
            }
        }
    }

    #[test]
    fn the_accessibility_statement_is_at_accessibility_in_every_language() {
        for (lang, path) in
            [(Lang::Kk, "/kk/accessibility/"), (Lang::Ru, "/ru/accessibility/"), (Lang::En, "/en/accessibility/")]
        {
            assert_eq!(Page::Accessibility.path(lang), path);
            assert_eq!(Page::parse(path), Some((lang, Page::Accessibility)));
            assert_eq!(Page::parse(path.trim_end_matches('/')), Some((lang, Page::Accessibility)));
            // under a base path
            let under = format!("/portal{path}");
            assert_eq!(Page::Accessibility.path_under("/portal", lang), under);
            assert_eq!(Page::parse_under("/portal", &under), Some((lang, Page::Accessibility)));
            assert_eq!(Page::parse_under("/portal", path), None, "outside the base path");
            // a language switch keeps the reader on the statement
            for to in Lang::ALL {
                assert_eq!(switch_language(path, "", "", to), Page::Accessibility.path(to));
            }
        }
        assert_eq!(Page::Accessibility.key(), "accessibility");
        assert_eq!(Page::Accessibility.section(), Page::Accessibility);
        // reached from the footer, not a section of the main navigation
        assert!(!NAV_PAGES.contains(&Page::Accessibility));
        for path in ["/en/accessibility/x/", "/en/Accessibility/", "/en/statements/accessibility/x/", "/accessibility/"]
        {
            assert_eq!(Page::parse(path), None, "{path}");
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

    #[test]
    fn under_a_base_path_every_url_carries_it_and_only_paths_under_it_are_read() {
        let base = "/portal";
        assert_eq!(Page::Platform.path_under(base, Lang::Ru), "/portal/ru/platform/");
        assert_eq!(
            Page::Statement("2019-05-12-x".into()).path_under(base, Lang::En),
            "/portal/en/statements/2019-05-12-x/"
        );
        assert_eq!(Page::parse_under(base, "/portal/kk/contacts/"), Some((Lang::Kk, Page::Contacts)));
        assert_eq!(Page::parse_under(base, "/portal/kk/contacts"), Some((Lang::Kk, Page::Contacts)));
        // the same page outside the base, or a folder that only starts like it
        assert_eq!(Page::parse_under(base, "/kk/contacts/"), None);
        assert_eq!(Page::parse_under(base, "/portalx/kk/contacts/"), None);
        assert_eq!(lang_of_path_under(base, "/portal/en/x"), Some(Lang::En));
        assert_eq!(lang_of_path_under(base, "/en/x"), None);
        assert_eq!(
            switch_language_under(base, "/portal/en/statements/", "?year=2019", "#p2", Lang::Kk),
            "/portal/kk/statements/?year=2019#p2"
        );
        assert_eq!(switch_language_under(base, "/portal/", "", "", Lang::Ru), "/portal/ru/");
    }

    #[test]
    fn base_paths_are_plain_folders_without_a_final_slash() {
        for good in ["", "/portal", "/kasipodaq/site", "/a-b_c.d"] {
            assert!(is_valid_base_path(good), "{good}");
        }
        for bad in ["/", "portal", "/portal/", "/Portal", "/a//b", "/..", "/a b", "/a?b", "/a#b", "//cdn.example"] {
            assert!(!is_valid_base_path(bad), "{bad}");
        }
    }

    #[test]
    fn without_a_base_path_the_site_is_at_the_top_of_its_host() {
        assert_eq!(BASE_PATH, "", "core tests run without KASIPODAQ_BASE_PATH");
        assert_eq!(site_path("/sitemap.xml"), "/sitemap.xml");
        assert!(is_root("/") && is_root("") && !is_root("/en/"));
    }
}
