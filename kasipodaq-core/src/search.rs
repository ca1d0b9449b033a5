//! The archive's full-text search results as the app shows them: Pagefind
//! (tools/search-index.mjs) finds the pages; these rules read what it
//! returns, so they are tested here without a browser.

use crate::urls::Page;

/// A Pagefind excerpt (escaped text with `<mark>` around the words found)
/// as runs of plain text, `true` where marked. The app makes its own
/// elements from them: nothing of the excerpt becomes HTML.
pub fn excerpt_runs(excerpt: &str) -> Vec<(bool, String)> {
    let mut runs = Vec::new();
    let mut marked = false;
    let mut rest = excerpt;
    loop {
        let tag = if marked { "</mark>" } else { "<mark>" };
        let (text, next) = match rest.find(tag) {
            Some(at) => (&rest[..at], Some(&rest[at + tag.len()..])),
            None => (rest, None),
        };
        let text = unescape(text);
        if !text.is_empty() {
            runs.push((marked, text));
        }
        match next {
            Some(next) => {
                rest = next;
                marked = !marked;
            }
            None => return runs,
        }
    }
}

/// Undoes the HTML escaping of an excerpt's text, in one pass; any other
/// tag or entity stays as written (it shows, it is never markup).
fn unescape(text: &str) -> String {
    const ENTITIES: [(&str, char); 6] =
        [("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&#x27;", '\''), ("&amp;", '&')];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match ENTITIES.iter().find(|(entity, _)| rest.starts_with(entity)) {
            Some((entity, c)) => {
                out.push(*c);
                rest = &rest[entity.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The link of a result: the statement page Pagefind names, rebuilt by our
/// own URL rules, with `#pn` of its paragraph; `None` for any address that
/// is not one of our statements (a result never brings a link of its own).
pub fn statement_href(url: &str, paragraph: Option<u32>) -> Option<String> {
    match Page::parse(url)? {
        (lang, Page::Statement(slug)) => {
            let fragment = paragraph.map(|n| format!("#p{n}")).unwrap_or_default();
            Some(format!("{}{fragment}", Page::Statement(slug).path(lang)))
        }
        _ => None,
    }
}

/// The paragraph (`n` of `#pn`) holding the word at `location`, from the
/// page's anchors (`(id, location of the first word after it)`, in page
/// order): the last paragraph anchor at or before the word.
pub fn paragraph_at(anchors: &[(String, u32)], location: u32) -> Option<u32> {
    anchors
        .iter()
        .filter(|(_, at)| *at <= location)
        .filter_map(|(id, _)| id.strip_prefix('p')?.parse::<u32>().ok().filter(|n| *n > 0))
        .last()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_becomes_marked_and_plain_runs() {
        assert_eq!(
            excerpt_runs("the <mark>trade</mark> unions &amp; <mark>workers</mark>"),
            [
                (false, "the ".to_string()),
                (true, "trade".to_string()),
                (false, " unions & ".to_string()),
                (true, "workers".to_string())
            ]
        );
        assert_eq!(excerpt_runs(""), []);
        assert_eq!(excerpt_runs("<mark>Кәсіподақ</mark>"), [(true, "Кәсіподақ".to_string())]);
    }

    #[test]
    fn nothing_in_an_excerpt_becomes_markup() {
        let runs = excerpt_runs("&lt;script&gt;alert(1)&lt;/script&gt; <b>x</b> <mark>y");
        assert_eq!(runs[0], (false, "<script>alert(1)</script> <b>x</b> ".to_string()));
        assert_eq!(runs[1], (true, "y".to_string()), "an unclosed mark ends with the text");
        assert_eq!(excerpt_runs("&amp;lt;"), [(false, "&lt;".to_string())], "unescaped once");
    }

    #[test]
    fn a_result_links_only_to_one_of_our_statements() {
        assert_eq!(
            statement_href("/en/statements/2019-05-12-x/", Some(3)).as_deref(),
            Some("/en/statements/2019-05-12-x/#p3")
        );
        assert_eq!(
            statement_href("/ru/statements/2019-05-12-x", None).as_deref(),
            Some("/ru/statements/2019-05-12-x/")
        );
        for hostile in [
            "javascript:alert(1)",
            "https://evil.example/en/statements/x/",
            "//evil.example/en/statements/x/",
            "/en/statements/",
            "/en/contacts/",
            "/en/statements/x/\"><script>",
            "",
        ] {
            assert_eq!(statement_href(hostile, Some(1)), None, "{hostile}");
        }
    }

    #[test]
    fn a_word_is_in_the_last_paragraph_that_starts_before_it() {
        let anchors: Vec<(String, u32)> =
            [("share-heading", 0), ("p1", 12), ("p2", 40), ("p10", 90)].map(|(id, at)| (id.to_string(), at)).into();
        assert_eq!(paragraph_at(&anchors, 5), None, "in the header, before the text");
        assert_eq!(paragraph_at(&anchors, 12), Some(1));
        assert_eq!(paragraph_at(&anchors, 39), Some(1));
        assert_eq!(paragraph_at(&anchors, 40), Some(2));
        assert_eq!(paragraph_at(&anchors, 1000), Some(10));
        let odd: Vec<(String, u32)> = [("p0", 1), ("px", 2), ("pp3", 3)].map(|(id, at)| (id.to_string(), at)).into();
        assert_eq!(paragraph_at(&odd, 10), None);
    }
}
