//! The statements archive: its filter (year, kind, words), kept in the URL
//! query so a filtered list can be linked, and the word search over every
//! language version of every statement.

use crate::{
    content::{Kind, Statement},
    urls::{ArchiveView, ARCHIVE_PAGE_SIZE},
};

/// What the archive shows: `?year=2019&kind=letter&q=…`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArchiveFilter {
    pub year: Option<i32>,
    pub kind: Option<Kind>,
    /// The words typed, as typed.
    pub query: String,
}

/// Longest search text we keep from a URL.
const MAX_QUERY: usize = 200;

impl ArchiveFilter {
    /// Reads the URL query values; anything unknown is ignored rather than an
    /// error, so an old or mistyped link still shows the archive.
    pub fn from_query(year: Option<&str>, kind: Option<&str>, query: Option<&str>) -> ArchiveFilter {
        ArchiveFilter {
            year: year.and_then(|y| y.parse().ok()).filter(|y| (1900..=2200).contains(y)),
            kind: kind.and_then(Kind::from_code),
            query: query.unwrap_or_default().chars().take(MAX_QUERY).collect(),
        }
    }

    /// The query string for this filter (`?year=2019&q=…`), or `""` when it
    /// shows everything.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        if let Some(year) = self.year {
            parts.push(format!("year={year}"));
        }
        if let Some(kind) = self.kind {
            parts.push(format!("kind={}", kind.code()));
        }
        // The words as typed, trailing space included: the search box shows
        // this value back, and trimming would eat the space being typed.
        if !self.query.trim().is_empty() {
            parts.push(format!("q={}", encode_query_value(&self.query)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    pub fn is_empty(&self) -> bool {
        self.year.is_none() && self.kind.is_none() && self.query.trim().is_empty()
    }
}

/// Percent-encodes a query value (UTF-8), keeping unreserved characters.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The first value named `name` in a URL query (`year=2019&q=…`, with or
/// without its `?`), decoded as a browser decodes a form: `+` is a space,
/// `%XX` a byte, and bytes that are not UTF-8 become U+FFFD.
pub fn query_value(search: &str, name: &str) -> Option<String> {
    search.strip_prefix('?').unwrap_or(search).split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode_query_part(key) == name).then(|| decode_query_part(value))
    })
}

fn decode_query_part(part: &str) -> String {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
            (b'+', ..) => out.push(b' '),
            (byte, ..) => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Text for matching: lowercase (Cyrillic and Kazakh letters included), `ё`
/// as `е`, and everything that is not a letter or digit as one space.
///
/// In the browser the same rule runs on the browser's own Unicode tables
/// (`toLowerCase`, `\p{Alphabetic}`, `\p{N}`): Rust's would add their own to
/// the WebAssembly (docs/performance.md, "Decisions in the code, measured").
/// A component test checks both give the same words.
pub fn normalize(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        normalize_in_browser(text)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        normalize_in_rust(text)
    }
}

#[cfg(target_arch = "wasm32")]
fn normalize_in_browser(text: &str) -> String {
    use js_sys::{JsString, RegExp};
    thread_local! {
        // Rust's `is_alphanumeric`: Alphabetic or a number (Nd, Nl, No).
        static OTHER: RegExp = RegExp::new(r"[^\p{Alphabetic}\p{N}]+", "gu");
        static YO: RegExp = RegExp::new("ё", "g");
    }
    let lower = JsString::from(text).to_lower_case();
    let words = YO.with(|yo| OTHER.with(|other| lower.replace_by_pattern(yo, "е").replace_by_pattern(other, " ")));
    String::from(words.trim())
}

/// [`normalize`] with Rust's Unicode tables: the rule itself, used on the
/// build machine and as the reference for the browser's.
pub fn normalize_in_rust(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = if c == 'ё' { 'е' } else { c };
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.trim_end().to_string()
}

impl ArchiveFilter {
    /// The query string of the words alone (`?q=…`, or `""`): the year
    /// and kind are in the path of an archive view.
    pub fn words_query(&self) -> String {
        ArchiveFilter { query: self.query.clone(), ..ArchiveFilter::default() }.to_query_string()
    }

    /// The view (first page) with this filter's year and kind.
    pub fn view(&self) -> ArchiveView {
        ArchiveView { year: self.year, kind: self.kind, page: 1 }
    }
}

/// The part of `items` on archive page `page` (from 1): empty past the end.
pub fn page_of<T>(items: &[T], page: u32) -> &[T] {
    let start = (page.max(1) as usize - 1).saturating_mul(ARCHIVE_PAGE_SIZE).min(items.len());
    &items[start..(start + ARCHIVE_PAGE_SIZE).min(items.len())]
}

/// How many page numbers the archive's page links show on each side of
/// the current page (the first and last are always shown).
const PAGES_AROUND: u32 = 2;

/// The page numbers linked from page `current` of `last`: the first, the
/// last and those near the current one, `None` where numbers are left out.
pub fn page_numbers(current: u32, last: u32) -> Vec<Option<u32>> {
    let mut shown = Vec::new();
    for n in 1..=last {
        if n == 1 || n == last || n.abs_diff(current) <= PAGES_AROUND {
            shown.push(Some(n));
        } else if shown.last() != Some(&None) {
            shown.push(None);
        }
    }
    shown
}

/// Every page of every archive view that has statements: the whole
/// archive, each year, each kind, and each kind within each year, each from
/// its first page to its last. These are the archive pages the prerender
/// writes and the sitemap lists.
pub fn views(statements: &[Statement]) -> Vec<ArchiveView> {
    use std::collections::BTreeMap;
    let mut counts: BTreeMap<(Option<i32>, Option<Kind>), usize> = BTreeMap::new();
    for statement in statements {
        let year = statement.year();
        for key in [(None, None), (None, Some(statement.kind))] {
            *counts.entry(key).or_default() += 1;
        }
        if year.is_some() {
            for key in [(year, None), (year, Some(statement.kind))] {
                *counts.entry(key).or_default() += 1;
            }
        }
    }
    // Whole archive first, then years (newest first), kinds, and years by kind.
    let mut keys: Vec<_> = counts.into_iter().collect();
    keys.sort_by_key(|((year, kind), _)| {
        let group = match (year, kind) {
            (None, None) => 0,
            (Some(_), None) => 1,
            (None, Some(_)) => 2,
            (Some(_), Some(_)) => 3,
        };
        (group, std::cmp::Reverse(*year), *kind)
    });
    if keys.is_empty() {
        return vec![ArchiveView::ALL];
    }
    let mut all = Vec::new();
    for ((year, kind), count) in keys {
        for page in 1..=ArchiveView::page_count(count) {
            all.push(ArchiveView { year, kind, page });
        }
    }
    all
}

/// The years that have statements, newest first.
pub fn years(statements: &[Statement]) -> Vec<i32> {
    let mut years: Vec<i32> = statements.iter().filter_map(Statement::year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_reads_and_writes_the_url_query() {
        let f = ArchiveFilter::from_query(Some("2019"), Some("letter"), Some("ILO 102"));
        assert_eq!(f, ArchiveFilter { year: Some(2019), kind: Some(Kind::Letter), query: "ILO 102".into() });
        assert_eq!(f.to_query_string(), "?year=2019&kind=letter&q=ILO+102");
        assert_eq!(ArchiveFilter::default().to_query_string(), "");
    }

    #[test]
    fn the_words_are_kept_as_typed() {
        let f = ArchiveFilter::from_query(None, None, Some("safe "));
        assert_eq!(f.to_query_string(), "?q=safe+");
        assert_eq!(ArchiveFilter::from_query(None, None, Some("  ")).to_query_string(), "");
    }

    #[test]
    fn unknown_filter_values_are_ignored() {
        let f = ArchiveFilter::from_query(Some("nineteen"), Some("speech"), None);
        assert!(f.is_empty());
        assert_eq!(ArchiveFilter::from_query(Some("99999"), None, None).year, None);
    }

    #[test]
    fn a_page_holds_at_most_fifty_and_nothing_past_the_end() {
        let items: Vec<usize> = (0..120).collect();
        assert_eq!(page_of(&items, 1), &items[..50]);
        assert_eq!(page_of(&items, 3), &items[100..]);
        assert!(page_of(&items, 4).is_empty());
        assert!(page_of(&items, u32::MAX).is_empty());
        assert_eq!(page_of(&items, 0), &items[..50], "page 0 reads as the first");
    }

    #[test]
    fn long_lists_link_the_ends_and_the_pages_near_the_current_one() {
        assert_eq!(page_numbers(1, 1), [Some(1)]);
        assert_eq!(page_numbers(1, 3), [Some(1), Some(2), Some(3)]);
        assert_eq!(page_numbers(1, 200), [Some(1), Some(2), Some(3), None, Some(200)]);
        assert_eq!(
            page_numbers(100, 200),
            [Some(1), None, Some(98), Some(99), Some(100), Some(101), Some(102), None, Some(200)]
        );
        assert_eq!(page_numbers(200, 200), [Some(1), None, Some(198), Some(199), Some(200)]);
        assert_eq!(page_numbers(4, 7), [Some(1), Some(2), Some(3), Some(4), Some(5), Some(6), Some(7)]);
    }

    #[test]
    fn a_view_filters_by_its_year_and_kind_and_keeps_the_words() {
        let view = ArchiveView { year: Some(2019), kind: Some(Kind::Letter), page: 4 };
        let filter = ArchiveFilter { year: Some(2019), kind: Some(Kind::Letter), query: "ILO".into() };
        assert_eq!(filter.words_query(), "?q=ILO");
        assert_eq!(filter.view(), view.on_page(1));
    }

    #[test]
    fn cyrillic_queries_are_percent_encoded() {
        let f = ArchiveFilter::from_query(None, None, Some("кәсіподақ & co"));
        assert_eq!(f.to_query_string(), "?q=%D0%BA%D3%99%D1%81%D1%96%D0%BF%D0%BE%D0%B4%D0%B0%D2%9B+%26+co");
    }

    #[test]
    fn query_values_are_read_as_a_browser_reads_a_form() {
        let words = "кәсіподақ & co";
        let search = ArchiveFilter::from_query(Some("2019"), None, Some(words)).to_query_string();
        assert_eq!(query_value(&search, "q").as_deref(), Some(words));
        assert_eq!(query_value(&search, "year").as_deref(), Some("2019"));
        assert_eq!(query_value(&search, "kind"), None);
        // The first of two, a name without `=`, a name encoded, `%` not
        // followed by two hex digits kept as it is, bytes that are not UTF-8.
        assert_eq!(query_value("q=a&q=b", "q").as_deref(), Some("a"));
        assert_eq!(query_value("?x&q", "q").as_deref(), Some(""));
        assert_eq!(query_value("%71=1", "q").as_deref(), Some("1"));
        assert_eq!(query_value("q=100%&y=%zz%4", "q").as_deref(), Some("100%"));
        assert_eq!(query_value("q=100%&y=%zz%4", "y").as_deref(), Some("%zz%4"));
        assert_eq!(query_value("q=%FF%D0", "q").as_deref(), Some("\u{fffd}\u{fffd}"));
        assert_eq!(query_value("", "q"), None);
    }

    #[test]
    fn a_huge_query_is_cut() {
        let f = ArchiveFilter::from_query(None, None, Some(&"а".repeat(10_000)));
        assert_eq!(f.query.chars().count(), 200);
    }

    #[test]
    fn normalizing_folds_case_yo_and_punctuation() {
        assert_eq!(normalize("«ҚАЗАҚСТАН» Кәсіподақтар!"), "қазақстан кәсіподақтар");
        assert_eq!(normalize("Её, ПРОФСОЮЗ — Workers’"), "ее профсоюз workers");
        assert_eq!(normalize("  "), "");
    }
}
