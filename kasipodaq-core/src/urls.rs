//! Every URL of the portal is built and read here, so a link can never point
//! at a path the router does not know. Paths always end in `/`: that is the
//! form a static host serves as `…/index.html`.

use crate::{kind::Kind, Lang};

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

/// Where the open data of a statement is served: an address that does not
/// change with a release (`kasipodaq_build::site::open_data`).
pub fn open_data_path(slug: &str) -> String {
    site_path(&format!("/data/statements/{slug}.json"))
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
    /// The archive: every statement, or one year's or one kind's, a page of
    /// [`ARCHIVE_PAGE_SIZE`] at a time.
    Statements(ArchiveView),
    Statement(String),
    Platform,
    UnionDay,
    Contacts,
    /// The accessibility statement: linked from every page's footer, not a
    /// section of the main navigation.
    Accessibility,
}

/// The sections in the main navigation, in order.
pub const NAV_PAGES: [Page; 5] =
    [Page::Home, Page::Statements(ArchiveView::ALL), Page::Platform, Page::UnionDay, Page::Contacts];

/// How many statements one archive page lists.
pub const ARCHIVE_PAGE_SIZE: usize = 50;

/// Which part of the archive a page lists, read from and written into its
/// path: `/en/statements/`, `/en/statements/2019/`,
/// `/en/statements/kind/letter/`, `/en/statements/2019/kind/letter/`, each
/// with `page/{n}/` after it from the second page on. Every view is a
/// prerendered page of its own, so it works as a plain link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ArchiveView {
    pub year: Option<i32>,
    pub kind: Option<Kind>,
    /// From 1.
    pub page: u32,
}

impl ArchiveView {
    /// Every statement, first page.
    pub const ALL: ArchiveView = ArchiveView { year: None, kind: None, page: 1 };

    /// The same year and kind, page `page`.
    pub fn on_page(self, page: u32) -> ArchiveView {
        ArchiveView { page: page.max(1), ..self }
    }

    /// The path segments after `statements/`, each ending in `/`.
    fn segments(&self) -> String {
        let mut path = String::new();
        if let Some(year) = self.year {
            path += &format!("{year}/");
        }
        if let Some(kind) = self.kind {
            path += &format!("kind/{}/", kind.code());
        }
        if self.page > 1 {
            path += &format!("page/{}/", self.page);
        }
        path
    }

    /// Reads the segments after `statements` (none for the whole archive).
    /// Each view has exactly one path: no `page/1/`, no leading zeros.
    fn parse(mut segments: &[&str]) -> Option<ArchiveView> {
        let mut view = ArchiveView::ALL;
        if let [year, rest @ ..] = segments {
            if is_year_segment(year) {
                view.year = Some(year.parse().ok()?);
                segments = rest;
            }
        }
        if let ["kind", code, rest @ ..] = segments {
            view.kind = Some(Kind::from_code(code)?);
            segments = rest;
        }
        match segments {
            [] => Some(view),
            ["page", n] if !n.starts_with('0') && n.len() <= 6 && n.bytes().all(|b| b.is_ascii_digit()) => {
                let page: u32 = n.parse().ok()?;
                (page >= 2).then_some(ArchiveView { page, ..view })
            }
            _ => None,
        }
    }

    /// How many pages a view of `count` statements takes (at least one: an
    /// empty view still says so on its page).
    pub fn page_count(count: usize) -> u32 {
        count.div_ceil(ARCHIVE_PAGE_SIZE).max(1) as u32
    }
}

/// A year in an archive path: four digits, 1900 to 2200.
fn is_year_segment(segment: &str) -> bool {
    segment.len() == 4
        && segment.bytes().all(|b| b.is_ascii_digit())
        && segment.parse::<i32>().is_ok_and(|year| (1900..=2200).contains(&year))
}

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
            Page::Statements(view) => format!("{base}/{lang}/statements/{}", view.segments()),
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
            ["statements", slug] if is_valid_slug(slug) => Page::Statement(slug.to_string()),
            ["statements", view @ ..] => Page::Statements(ArchiveView::parse(view)?),
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
            Page::Statement(_) | Page::Statements(_) => Page::Statements(ArchiveView::ALL),
            other => other.clone(),
        }
    }

    /// The stable key of this page in the translations (`page-{key}-title`).
    pub fn key(&self) -> &'static str {
        match self {
            Page::Home => "home",
            Page::Statements(_) => "statements",
            Page::Statement(_) => "statement",
            Page::Platform => "platform",
            Page::UnionDay => "union-day",
            Page::Contacts => "contacts",
            Page::Accessibility => "accessibility",
        }
    }
}

/// A statement slug: lowercase ASCII letters, digits and single hyphens,
/// neither starting nor ending with a hyphen, and not a name the archive's
/// own pages use (a year such as `2019`, `kind`, `page`).
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !is_year_segment(slug)
        && !["kind", "page"].contains(&slug)
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

/// The federation's own website (`content/SOURCES.md`): where the footer
/// points and where readers report problems (we have no address of our own).
pub const FEDERATION_SITE: &str = "https://kasipodaq.kz/";

/// Where the offline worker is served; the app registers it from there, so
/// it controls the whole site.
pub const SERVICE_WORKER_PATH: &str = "/sw.js";

/// The fragment of a link to words the reader selected in paragraph `n`:
/// `#pN:~:text=…` (the Text Fragments directive, which browsers scroll to and
/// mark; `#pN` highlights the paragraph and names it in the citation).
/// `before` and `after` are the rest of the paragraph's text: a selection
/// that starts or ends inside a word takes the whole word (a directive
/// matches whole words only), and the two words before it become a
/// `prefix-` so that the same words earlier on the page are not taken for
/// them. A long selection is named by its first and last words.
pub fn passage_fragment(n: usize, before: &str, selected: &str, after: &str) -> Option<String> {
    // A word's characters: ASCII letters and digits, and anything above Latin-1's
    // symbols (the Cyrillic of kk and ru included) but punctuation, dashes,
    // quotation marks and other symbols (U+2000–U+2BFF).
    let in_word = |c: char| c.is_ascii_alphanumeric() || (c > '\u{BF}' && !('\u{2000}'..='\u{2BFF}').contains(&c));
    let (before, partial_start) = match selected.starts_with(in_word) {
        true => before.split_at(before.trim_end_matches(in_word).len()),
        false => (before, ""),
    };
    let partial_end = match selected.ends_with(in_word) {
        true => &after[..after.len() - after.trim_start_matches(in_word).len()],
        false => "",
    };
    let whole = [partial_start, selected, partial_end].concat();
    let words: Vec<&str> = whole.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let mut directive = format!("#p{n}:~:text=");
    let prefix: Vec<&str> = before.split_whitespace().collect();
    if !prefix.is_empty() {
        push_directive_part(&mut directive, &prefix[prefix.len().saturating_sub(2)..]);
        directive.push_str("-,");
    }
    const WHOLE_UP_TO: usize = 10;
    const ENDS: usize = 5;
    if words.len() <= WHOLE_UP_TO {
        push_directive_part(&mut directive, &words);
    } else {
        push_directive_part(&mut directive, &words[..ENDS]);
        directive.push(',');
        push_directive_part(&mut directive, &words[words.len() - ENDS..]);
    }
    Some(directive)
}

/// Words joined by spaces and percent-encoded as a directive wants them:
/// everything but ASCII letters, digits and `_.!~*'()` (so `-`, `,` and `&`
/// too, which the directive's own syntax uses).
fn push_directive_part(out: &mut String, words: &[&str]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in words.join(" ").bytes() {
        if byte.is_ascii_alphanumeric() || b"_.!~*'()".contains(&byte) {
            out.push(byte as char);
        } else {
            out.extend(['%', HEX[usize::from(byte >> 4)] as char, HEX[usize::from(byte & 15)] as char]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_path_ends_in_a_slash_under_its_language() {
        let pages = [
            (Page::Home, "/kk/"),
            (Page::Statements(ArchiveView::ALL), "/kk/statements/"),
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
    fn every_archive_view_has_one_path_that_reads_back() {
        let views = [
            (ArchiveView::ALL, "/en/statements/"),
            (ArchiveView::ALL.on_page(2), "/en/statements/page/2/"),
            (ArchiveView { year: Some(2019), kind: None, page: 1 }, "/en/statements/2019/"),
            (ArchiveView { year: Some(1990), kind: None, page: 12 }, "/en/statements/1990/page/12/"),
            (ArchiveView { year: None, kind: Some(Kind::Appeal), page: 1 }, "/en/statements/kind/appeal/"),
            (ArchiveView { year: None, kind: Some(Kind::Letter), page: 3 }, "/en/statements/kind/letter/page/3/"),
            (ArchiveView { year: Some(2023), kind: Some(Kind::Report), page: 1 }, "/en/statements/2023/kind/report/"),
            (
                ArchiveView { year: Some(2023), kind: Some(Kind::Report), page: 200 },
                "/en/statements/2023/kind/report/page/200/",
            ),
        ];
        for (view, path) in views {
            assert_eq!(Page::Statements(view).path(Lang::En), path);
            assert_eq!(Page::parse(path), Some((Lang::En, Page::Statements(view))), "{path}");
            assert_eq!(Page::parse(path.trim_end_matches('/')), Some((Lang::En, Page::Statements(view))), "{path}");
            let under = format!("/portal{path}");
            assert_eq!(Page::Statements(view).path_under("/portal", Lang::En), under);
            assert_eq!(Page::parse_under("/portal", &under), Some((Lang::En, Page::Statements(view))));
        }
        // one path per view, and nothing the archive does not publish
        for path in [
            "/en/statements/page/1/",
            "/en/statements/page/0/",
            "/en/statements/page/02/",
            "/en/statements/page/",
            "/en/statements/page/x/",
            "/en/statements/kind/",
            "/en/statements/kind/memo/",
            "/en/statements/kind/letter/2019/",
            "/en/statements/2019/2019/",
            "/en/statements/2019/x/",
            "/en/statements/2019/page/1/",
            "/en/statements/page/2/kind/letter/",
            "/en/statements/page/1234567/",
        ] {
            assert_eq!(Page::parse(path), None, "{path}");
        }
        assert_eq!(ArchiveView::page_count(0), 1);
        assert_eq!(ArchiveView::page_count(50), 1);
        assert_eq!(ArchiveView::page_count(51), 2);
        assert_eq!(ArchiveView::page_count(10_000), 200);
    }

    #[test]
    fn a_slug_cannot_take_the_name_of_an_archive_page() {
        for reserved in ["2019", "1990", "kind", "page"] {
            assert!(!is_valid_slug(reserved), "{reserved}");
        }
        // a statement's slug may still start with its date
        assert!(is_valid_slug("2019-05-12-x"));
        assert!(is_valid_slug("1234"), "not a year the archive shows: 1234 is outside 1900-2200");
        assert_eq!(
            Page::parse("/en/statements/2019-05-12-x/"),
            Some((Lang::En, Page::Statement("2019-05-12-x".into())))
        );
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
        assert_eq!(Page::Statement("x".into()).section(), Page::Statements(ArchiveView::ALL));
        let view = ArchiveView { year: Some(2019), kind: None, page: 3 };
        assert_eq!(Page::Statements(view).section(), Page::Statements(ArchiveView::ALL));
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

    #[test]
    fn a_passage_link_names_whole_words_with_two_words_before_them() {
        // a selection inside words takes the whole words
        assert_eq!(
            passage_fragment(7, "The federation calls on emp", "loyers to ra", "tify the convention.").as_deref(),
            Some("#p7:~:text=calls%20on-,employers%20to%20ratify")
        );
        // at the start of a paragraph: no prefix; punctuation and directive syntax escaped
        assert_eq!(
            passage_fragment(1, "", "Pay, rest & co-operation", " follow.").as_deref(),
            Some("#p1:~:text=Pay%2C%20rest%20%26%20co%2Doperation")
        );
        // Cyrillic as UTF-8, spaces and line breaks as one space
        assert_eq!(
            passage_fragment(2, "Кәсіподақ ", "ұйымдары\n  қолдайды", "").as_deref(),
            Some("#p2:~:text=%D0%9A%D3%99%D1%81%D1%96%D0%BF%D0%BE%D0%B4%D0%B0%D2%9B-,%D2%B1%D0%B9%D1%8B%D0%BC%D0%B4%D0%B0%D1%80%D1%8B%20%D2%9B%D0%BE%D0%BB%D0%B4%D0%B0%D0%B9%D0%B4%D1%8B")
        );
        // a long selection by its first and last five words
        let long = "one two three four five six seven eight nine ten eleven twelve";
        assert_eq!(
            passage_fragment(3, "", long, "").as_deref(),
            Some("#p3:~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve")
        );
        // quotation marks and dashes end a word
        assert_eq!(
            passage_fragment(4, "«Сая", "сат»", " — бәрі").as_deref(),
            Some("#p4:~:text=%C2%AB-,%D0%A1%D0%B0%D1%8F%D1%81%D0%B0%D1%82%C2%BB")
        );
        assert_eq!(passage_fragment(4, "word—", "next", "”").as_deref(), Some("#p4:~:text=word%E2%80%94-,next"));
        // nothing but spaces: no link
        assert_eq!(passage_fragment(3, "a ", "  ", " b"), None);
    }
}
