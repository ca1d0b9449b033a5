//! The static-site files of the prerender: the address checks, each page's
//! `<head>` tags, the sitemap, robots.txt, the Atom feeds and the
//! Content-Security-Policy, on small statements built here and the real
//! `content/` folder.

mod common;
mod xml;

use serde_json::Value;
use std::path::Path;

use kasipodaq_build::{
    content::load::load,
    site::{
        app_preloads, atom_feed, content_security_policy, escape, head_tags, pages, robots, sha256_base64,
        sitemap_files, FeedTexts, PageHead, Site,
    },
};
use kasipodaq_core::{
    calendar::Date,
    content::{Kind, Statement, Version},
    urls::{ArchiveView, Page},
    Lang,
};

const ORIGIN: &str = "https://kasipodaq.kz";

/// The site's sitemap as one file (the index's only sitemap file).
fn sitemap(site: &Site, pages: &[Page], statements: &[Statement]) -> String {
    let mut files = sitemap_files(site, pages, statements, usize::MAX);
    assert_eq!(files.len(), 2, "the index and one file");
    files.remove(1).1
}

/// Text no page may show unescaped: it would end an attribute, open a tag or
/// close the JSON-LD script.
const HOSTILE: &str = "Evil \"</script><script>alert('x')</script> & 'co' <!--";

fn site() -> Site {
    Site::new(ORIGIN).unwrap()
}

/// A statement whose title in each language is `{title} ({lang})`.
fn statement(slug: &str, date: Option<&str>, title: &str) -> Statement {
    common::statement(slug, date.map(|text| Date::parse_iso(text).unwrap()), title)
}

fn real_statements() -> Vec<Statement> {
    load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")).unwrap()
}

fn head<'a>(lang: Lang, page: &'a Page, title: &'a str, statement: Option<&'a Statement>) -> PageHead<'a> {
    PageHead {
        lang,
        page,
        title,
        description: "What the page is about",
        site_name: "Federation of Trade Unions",
        image_path: "/og-image.png",
        image_alt: "The federation's emblem",
        statement,
    }
}

/// The value of `attribute` in a tag (a line of `head_tags`).
fn attribute<'a>(tag: &'a str, attribute: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {attribute}=\""))? + attribute.len() + 3;
    let end = start + tag[start..].find('"')?;
    Some(&tag[start..end])
}

/// The `content` of the `<meta>` with this `property` or `name`.
fn meta<'a>(tags: &'a str, key: &str) -> Vec<&'a str> {
    tags.lines()
        .filter(|line| line.starts_with("<meta "))
        .filter(|line| attribute(line, "property") == Some(key) || attribute(line, "name") == Some(key))
        .filter_map(|line| attribute(line, "content"))
        .collect()
}

/// The JSON-LD of the head, parsed.
fn json_ld(tags: &str) -> Option<Value> {
    const OPEN: &str = "<script type=\"application/ld+json\">";
    let start = tags.find(OPEN)? + OPEN.len();
    let end = start + tags[start..].find("</script>")?;
    Some(serde_json::from_str(&tags[start..end]).expect("the JSON-LD is JSON"))
}

/// The text between `<{tag}>` and `</{tag}>`, at each occurrence.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    xml.split(open.as_str()).skip(1).map(|rest| &rest[..rest.find(close.as_str()).expect("closed")]).collect()
}

#[test]
fn a_site_address_is_a_scheme_and_a_host() {
    assert_eq!(Site::new("https://kasipodaq.kz").unwrap().origin(), "https://kasipodaq.kz");
    assert_eq!(Site::new("https://kasipodaq.kz/").unwrap().origin(), "https://kasipodaq.kz");
    assert_eq!(Site::new("http://localhost:8080/").unwrap().origin(), "http://localhost:8080");
    assert_eq!(Site::new("HTTPS://Kasipodaq.KZ").unwrap().origin(), "https://kasipodaq.kz");
}

#[test]
fn a_site_address_with_anything_else_is_refused_by_name() {
    for (bad, why) in [
        ("https://kasipodaq.kz/portal", "has a path"),
        ("https://kasipodaq.kz//", "has a path"),
        ("https://kasipodaq.kz?x=1", "has a query"),
        ("https://kasipodaq.kz/?x=1", "has a query"),
        ("https://kasipodaq.kz#top", "has a fragment"),
        ("https://user@kasipodaq.kz", "has user info"),
        ("kasipodaq.kz", "has no scheme"),
        ("ftp://kasipodaq.kz", "must start with https:// or http://"),
        ("https://kasipodaq .kz", "contains whitespace"),
        (" https://kasipodaq.kz", "contains whitespace"),
        ("https://kasipodaq.kz\n", "contains whitespace"),
        ("https://", "has an empty host"),
        ("https:///", "has an empty host"),
        ("", "has no scheme"),
    ] {
        let message = Site::new(bad).unwrap_err();
        assert!(message.contains(why), "{bad:?}: {message}");
        assert!(message.contains(&format!("{bad:?}")), "the message names the value: {message}");
    }
}

#[test]
fn urls_join_the_origin_and_a_site_path() {
    let site = Site::new("https://kasipodaq.kz/").unwrap();
    assert_eq!(site.url("/"), "https://kasipodaq.kz/");
    assert_eq!(site.url(&Page::Statements(ArchiveView::ALL).path(Lang::En)), "https://kasipodaq.kz/en/statements/");
}

#[test]
#[should_panic(expected = "starts with '/'")]
fn a_url_needs_a_site_path() {
    site().url("en/");
}

#[test]
fn every_page_is_listed_in_a_stable_order() {
    let statements = real_statements();
    assert_eq!(statements.len(), 5);
    let pages = pages(&statements);
    let archive: Vec<ArchiveView> =
        pages.iter().filter_map(|page| if let Page::Statements(view) = page { Some(*view) } else { None }).collect();
    assert_eq!(pages[0], Page::Home);
    assert_eq!(pages[1], Page::Statements(ArchiveView::ALL));
    let after_archive = 1 + archive.len();
    assert_eq!(pages[after_archive + 5..], [Page::Platform, Page::UnionDay, Page::Contacts, Page::Accessibility]);
    for (page, statement) in pages[after_archive..after_archive + 5].iter().zip(&statements) {
        assert_eq!(*page, Page::Statement(statement.slug.to_string()));
    }
    // every year, kind and kind within a year that has statements, one page each at this size
    let mut expected = vec![ArchiveView::ALL];
    let mut years: Vec<i32> = statements.iter().filter_map(|s| s.year()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    expected.extend(years.iter().map(|&year| ArchiveView { year: Some(year), kind: None, page: 1 }));
    let kinds: Vec<Kind> = Kind::ALL.into_iter().filter(|k| statements.iter().any(|s| s.kind == *k)).collect();
    expected.extend(kinds.iter().map(|&kind| ArchiveView { year: None, kind: Some(kind), page: 1 }));
    for &year in &years {
        for &kind in &kinds {
            if statements.iter().any(|s| s.year() == Some(year) && s.kind == kind) {
                expected.push(ArchiveView { year: Some(year), kind: Some(kind), page: 1 });
            }
        }
    }
    assert_eq!(archive, expected);
    assert_eq!(pages, self::pages(&statements), "the same input gives the same order");
}

#[test]
fn a_large_archive_is_prerendered_fifty_statements_a_page() {
    // 120 letters of 2019 and 3 undated ones: 123 in all, so 3 pages of the
    // whole archive and of the letters, 3 of 2019 and of its letters.
    let mut statements: Vec<Statement> =
        (0..120).map(|i| statement(&format!("2019-01-01-s{i}"), Some("2019-01-01"), "T")).collect();
    statements.extend((0..3).map(|i| statement(&format!("undated-{i}"), None, "U")));
    let archive: Vec<ArchiveView> = pages(&statements)
        .into_iter()
        .filter_map(|page| if let Page::Statements(view) = page { Some(view) } else { None })
        .collect();
    let view = |year: Option<i32>, kind: Option<Kind>, page| ArchiveView { year, kind, page };
    let mut expected = Vec::new();
    for (year, kind, last) in
        [(None, None, 3), (Some(2019), None, 3), (None, Some(Kind::Letter), 3), (Some(2019), Some(Kind::Letter), 3)]
    {
        expected.extend((1..=last).map(|page| view(year, kind, page)));
    }
    assert_eq!(archive, expected);
    assert_eq!(Page::Statements(view(None, None, 3)).path(Lang::Kk), "/kk/statements/page/3/");
}

#[test]
fn a_statement_head_has_canonical_alternates_open_graph_and_a_news_article() {
    let statement = statement("2019-05-12-opened", Some("2019-05-12"), "Opened");
    let page = Page::Statement("2019-05-12-opened".into());
    let tags = head_tags(&site(), &head(Lang::En, &page, "Opened — Federation", Some(&statement)));

    assert!(tags.ends_with('\n'));
    assert!(!tags.contains("<title"), "the app renders the title");
    // The files the app reads before it takes the page over (the headers,
    // then the texts) are preloaded with the app's code, not among the
    // first view's tags; no page names a release (a release rewrites only
    // the pages whose content changed).
    assert!(!tags.contains("kasipodaq-release"));
    assert!(!tags.contains("preload"));
    assert_eq!(
        app_preloads(Some("headers/statement-x-00000000000000aa.json"), Some(&statement.text_file)),
        concat!(
            "<link rel=\"preload\" href=\"/texts/headers/statement-x-00000000000000aa.json\" as=\"fetch\" type=\"application/json\" crossorigin=\"anonymous\">\n",
            "<link rel=\"preload\" href=\"/texts/2019-05-12-opened-0123456789abcdefghijklmnopqrstuvwxyzABCDEFG.json\" as=\"fetch\" type=\"application/json\" crossorigin=\"anonymous\">\n"
        )
    );
    let canonical = "https://kasipodaq.kz/en/statements/2019-05-12-opened/";
    assert!(tags.contains(&format!("<link rel=\"canonical\" href=\"{canonical}\">\n")));
    let alternates: Vec<(&str, &str)> = tags
        .lines()
        .filter(|line| line.starts_with("<link rel=\"alternate\" hreflang"))
        .map(|line| (attribute(line, "hreflang").unwrap(), attribute(line, "href").unwrap()))
        .collect();
    assert_eq!(
        alternates,
        [
            ("kk", "https://kasipodaq.kz/kk/statements/2019-05-12-opened/"),
            ("ru", "https://kasipodaq.kz/ru/statements/2019-05-12-opened/"),
            ("en", canonical),
            ("x-default", "https://kasipodaq.kz/"),
        ]
    );
    assert_eq!(meta(&tags, "description"), ["What the page is about"]);
    assert_eq!(meta(&tags, "og:type"), ["article"]);
    assert_eq!(meta(&tags, "og:title"), ["Opened — Federation"]);
    assert_eq!(meta(&tags, "og:url"), [canonical]);
    assert_eq!(meta(&tags, "og:site_name"), ["Federation of Trade Unions"]);
    assert_eq!(meta(&tags, "og:locale"), ["en_GB"]);
    assert_eq!(meta(&tags, "og:locale:alternate"), ["kk_KZ", "ru_RU"]);
    assert_eq!(meta(&tags, "og:image"), ["https://kasipodaq.kz/og-image.png"]);
    assert_eq!(meta(&tags, "og:image:alt"), ["The federation&#39;s emblem"]);
    assert_eq!(meta(&tags, "twitter:card"), ["summary_large_image"]);
    assert_eq!(meta(&tags, "twitter:title"), ["Opened — Federation"]);
    assert_eq!(meta(&tags, "twitter:description"), ["What the page is about"]);
    assert_eq!(meta(&tags, "twitter:image"), ["https://kasipodaq.kz/og-image.png"]);

    let article = json_ld(&tags).expect("a statement has JSON-LD");
    assert_eq!(article["@context"], "https://schema.org");
    assert_eq!(article["@type"], "NewsArticle");
    assert_eq!(article["headline"], "Opened (en)", "the statement's own title");
    assert_eq!(article["description"], "What the page is about");
    assert_eq!(article["inLanguage"], "en");
    assert_eq!(article["url"], canonical);
    assert_eq!(article["mainEntityOfPage"], canonical);
    assert_eq!(article["dateCreated"], "2019-05-12", "the day the text is dated");
    assert_eq!(article["datePublished"], "2019-05-12", "no portal date given: the text's");
    assert_eq!(article["dateModified"], Value::Null);
    assert_eq!(article["isBasedOn"], Value::Null);
    // The English is the portal's translation from Russian, and says so.
    assert_eq!(article["translator"]["name"], "Federation of Trade Unions");
    assert_eq!(article["translationOfWork"]["inLanguage"], "ru");
    assert_eq!(article["translationOfWork"]["url"], "https://kasipodaq.kz/ru/statements/2019-05-12-opened/");
    assert_eq!(article["isAccessibleForFree"], true);
    for role in ["publisher", "author"] {
        assert_eq!(article[role]["@type"], "Organization");
        assert_eq!(article[role]["name"], "Federation of Trade Unions");
        assert_eq!(article[role]["url"], "https://kasipodaq.kz/");
    }
}

#[test]
fn the_structured_data_gives_provenance_and_the_portals_dates() {
    use kasipodaq_core::content::{Change, ChangeKind, Original, Record};
    let day = |text| Date::parse_iso(text).unwrap();
    let mut statement = statement("2019-10-14-almaty", Some("2019-10-14"), "Almaty");
    statement.record = Record {
        published: Some(day("2026-11-23")),
        original: Some(Original { url: "https://kasipodaq.kz/2019/10/14/post/".into(), date: Some(day("2019-10-14")) }),
        dated_by_publication: true,
        formerly: vec![],
        changes: vec![Change { date: day("2026-12-04"), lang: Lang::Kk, what: ChangeKind::TranslationCorrected }],
        context: Some(kasipodaq_core::content::Context {
            id: "campaign-2019".into(),
            notice: ["Науқан".into(), "Кампания".into(), "Campaign".into()],
        }),
    };
    let page = Page::Statement(statement.slug.to_string());
    let tags = head_tags(&site(), &head(Lang::Ru, &page, "Almaty", Some(&statement)));
    let article = json_ld(&tags).unwrap();
    assert_eq!(article["dateCreated"], "2019-10-14");
    assert_eq!(article["datePublished"], "2026-11-23");
    assert_eq!(article["dateModified"], "2026-12-04");
    assert_eq!(article["isBasedOn"]["@type"], "CreativeWork");
    assert_eq!(article["isBasedOn"]["url"], "https://kasipodaq.kz/2019/10/14/post/");
    assert_eq!(article["isBasedOn"]["datePublished"], "2019-10-14");
    assert_eq!(article["translator"], Value::Null, "Russian is this statement's source");
    assert!(tags.contains(
        "<link rel=\"alternate\" type=\"application/json\" href=\"/data/statements/2019-10-14-almaty.json\">\n"
    ));
}

#[test]
fn an_undated_statement_has_no_date_published() {
    let statement = statement("xxvi-congress", None, "Congress");
    let page = Page::Statement("xxvi-congress".into());
    let tags = head_tags(&site(), &head(Lang::Kk, &page, "Congress", Some(&statement)));
    let article = json_ld(&tags).unwrap();
    assert_eq!(article["headline"], "Congress (kk)");
    assert_eq!(article.get("datePublished"), None);
    assert_eq!(meta(&tags, "og:locale"), ["kk_KZ"]);
    assert_eq!(meta(&tags, "og:locale:alternate"), ["ru_RU", "en_GB"]);
}

#[test]
fn other_pages_are_websites_without_structured_data() {
    let tags = head_tags(&site(), &head(Lang::Ru, &Page::Contacts, "Contacts", None));
    assert_eq!(meta(&tags, "og:type"), ["website"]);
    assert_eq!(meta(&tags, "og:url"), ["https://kasipodaq.kz/ru/contacts/"]);
    assert!(!tags.contains("<script"));
    assert!(app_preloads(None, None).is_empty());
    assert!(json_ld(&tags).is_none());
    // A page with a texts file (Platform, Union Day, the accessibility
    // statement) preloads it with the app, and has no structured data.
    let tags = head_tags(&site(), &head(Lang::Kk, &Page::Platform, "Platform", None));
    assert!(!tags.contains("preload"));
    assert_eq!(
        app_preloads(None, Some("platform-00000000000000ff.json")),
        "<link rel=\"preload\" href=\"/texts/platform-00000000000000ff.json\" as=\"fetch\" type=\"application/json\" crossorigin=\"anonymous\">\n"
    );
    assert!(json_ld(&tags).is_none());
    assert_eq!(tags.lines().filter(|line| line.starts_with("<link rel=\"alternate\"")).count(), 4);
}

#[test]
fn hostile_text_is_escaped_everywhere_and_cannot_close_the_script() {
    let statement = statement("2020-01-01-x", Some("2020-01-01"), HOSTILE);
    let page = Page::Statement("2020-01-01-x".into());
    let hostile = PageHead {
        description: HOSTILE,
        site_name: HOSTILE,
        image_alt: HOSTILE,
        ..head(Lang::Ru, &page, HOSTILE, Some(&statement))
    };
    let tags = head_tags(&site(), &hostile);

    // One script, opened and closed once: nothing from the text ends it early.
    assert_eq!(tags.matches("<script").count(), 1, "{tags}");
    assert_eq!(tags.matches("</script>").count(), 1, "{tags}");
    assert!(!tags.contains("<!--"));
    let escaped =
        "Evil &quot;&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#39;co&#39; &lt;!--";
    for line in tags.lines().filter(|line| !line.starts_with("<script")) {
        // A tag whose values hold no quote, `<` or `>` stays one tag.
        assert!(line.starts_with('<') && line.ends_with('>'), "{line}");
        assert!(!line[1..line.len() - 1].contains(['<', '>']), "{line}");
    }
    for key in ["description", "og:title", "og:description", "og:site_name", "og:image:alt", "twitter:title"] {
        assert_eq!(meta(&tags, key), [escaped], "{key}");
    }

    let script = tags.lines().find(|line| line.starts_with("<script")).unwrap();
    let json = &script["<script type=\"application/ld+json\">".len()..script.len() - "</script>".len()];
    assert!(!json.contains(['<', '>', '&']), "{json}");
    let article: Value = serde_json::from_str(json).unwrap();
    assert_eq!(article["headline"], format!("{HOSTILE} (ru)"));
    assert_eq!(article["description"], HOSTILE);
    assert_eq!(article["publisher"]["name"], HOSTILE);
}

#[test]
fn escape_covers_the_five_html_specials() {
    assert_eq!(escape(r#"a & b < c > d " e ' f"#), "a &amp; b &lt; c &gt; d &quot; e &#39; f");
    assert_eq!(escape("Қазақстан"), "Қазақстан");
}

#[test]
fn the_sitemap_lists_every_page_in_every_language_with_its_alternates() {
    let statements = real_statements();
    let pages = pages(&statements);
    let xml = sitemap(&site(), &pages, &statements);

    let urlset = xml::parse(&xml);
    assert_eq!(urlset.name, "urlset");
    assert_eq!(urlset.attribute("xmlns"), Some("http://www.sitemaps.org/schemas/sitemap/0.9"));
    assert_eq!(urlset.attribute("xmlns:xhtml"), Some("http://www.w3.org/1999/xhtml"));
    assert_eq!(urlset.children.len(), urlset.children("url").len(), "nothing but <url>");
    let urls = elements(&xml, "url");
    assert_eq!(urls.len(), pages.len() * 3);
    // 5 statements, 5 other pages and 14 archive views (whole, 3 years, 5 kinds, 5 kinds within a year)
    assert_eq!(urls.len(), (5 + 5 + 14) * 3);

    let mut locs = Vec::new();
    for url in &urls {
        let loc = elements(url, "loc");
        assert_eq!(loc.len(), 1, "{url}");
        assert!(loc[0].starts_with("https://kasipodaq.kz/"), "{url}");
        locs.push(loc[0]);
        let links: Vec<&str> = url.lines().filter(|line| line.trim_start().starts_with("<xhtml:link ")).collect();
        let hreflangs: Vec<&str> = links.iter().map(|link| attribute(link, "hreflang").unwrap()).collect();
        assert_eq!(hreflangs, ["kk", "ru", "en", "x-default"], "{url}");
        assert!(links.iter().all(|link| link.trim_end().ends_with("/>")), "{url}");
        assert!(links.iter().any(|link| attribute(link, "href") == Some(loc[0])), "a page is its own alternate");
        assert_eq!(attribute(links[3], "href"), Some("https://kasipodaq.kz/"));
    }
    let expected: Vec<String> =
        pages.iter().flat_map(|page| Lang::ALL.map(|lang| site().url(&page.path(lang)))).collect();
    assert_eq!(locs, expected);

    // Statement pages carry the day the portal last changed them (the
    // undated statement too); other pages none.
    let lastmods: Vec<&str> = urls.iter().flat_map(|url| elements(url, "lastmod")).collect();
    let changed: Vec<String> = statements
        .iter()
        .map(|s| s.record.modified().expect("the portal's publication day").to_string())
        .flat_map(|date| [date.clone(), date.clone(), date])
        .collect();
    assert_eq!(lastmods, changed);
    let undated = statements.iter().find(|s| s.date.is_none()).map(|s| s.slug.to_string());
    if let Some(slug) = undated {
        let url = urls.iter().find(|url| url.contains(&format!("/en/statements/{slug}/"))).unwrap();
        assert!(url.contains("<lastmod>"));
    }
}

#[test]
fn the_accessibility_statement_is_in_the_sitemap_in_every_language_with_its_alternates() {
    let statements = real_statements();
    let xml = sitemap(&site(), &pages(&statements), &statements);
    let urls = elements(&xml, "url");
    for lang in Lang::ALL {
        let loc = format!("https://kasipodaq.kz/{lang}/accessibility/");
        let url = urls.iter().find(|url| elements(url, "loc") == [loc.as_str()]).expect("listed");
        let links: Vec<(&str, &str)> = url
            .lines()
            .filter(|line| line.trim_start().starts_with("<xhtml:link "))
            .map(|line| (attribute(line, "hreflang").unwrap(), attribute(line, "href").unwrap()))
            .collect();
        assert_eq!(
            links,
            [
                ("kk", "https://kasipodaq.kz/kk/accessibility/"),
                ("ru", "https://kasipodaq.kz/ru/accessibility/"),
                ("en", "https://kasipodaq.kz/en/accessibility/"),
                ("x-default", "https://kasipodaq.kz/"),
            ]
        );
        assert!(!url.contains("<lastmod>"), "no date is known for it");
    }
}

#[test]
fn robots_allows_everything_and_names_the_sitemap() {
    let text = robots(&site());
    assert!(text.starts_with("User-agent: *\n"));
    assert!(text.contains("\nAllow: /\n"));
    assert!(!text.contains("Disallow"));
    assert!(text.lines().any(|line| line == "Sitemap: https://kasipodaq.kz/sitemap.xml"));
}

const TRANSLATED_FROM: [&str; 3] = ["From kk.", "From ru.", "From en."];

#[test]
fn the_atom_feed_lists_what_the_portal_published_newest_first() {
    use kasipodaq_core::content::{Change, ChangeKind, Record};
    let day = |text| Date::parse_iso(text).unwrap();
    let mut undated = statement("undated", None, "Undated");
    undated.record = Record {
        published: Some(day("2026-11-23")),
        formerly: vec!["old-undated".into()],
        changes: vec![Change { date: day("2026-12-04"), lang: Lang::En, what: ChangeKind::TranslationCorrected }],
        ..Record::default()
    };
    let mut never = statement("never-published", None, "Never");
    never.record = Record::default();
    let statements = [
        statement("2019-05-12-older", Some("2019-05-12"), "Older"),
        undated,
        never,
        statement("2023-01-27-newer", Some("2023-01-27"), "Newer <b>bold</b> & \"quoted\""),
    ];
    let texts = FeedTexts {
        title: "Statements & letters",
        subtitle: "Of the <federation>",
        author: "FPRK",
        translated_from: TRANSLATED_FROM,
    };
    let xml = atom_feed(&site(), Lang::Ru, &statements, &texts);

    let feed = xml::parse(&xml);
    assert_eq!(feed.name, "feed");
    assert_eq!(feed.attribute("xmlns"), Some("http://www.w3.org/2005/Atom"));
    assert_eq!(feed.attribute("xml:lang"), Some("ru"));
    // What a feed reader gets back is the text as written.
    assert_eq!(feed.text_of("title"), "Statements & letters");
    assert_eq!(feed.text_of("subtitle"), "Of the <federation>");
    assert_eq!(feed.children("entry")[1].text_of("title"), "Newer <b>bold</b> & \"quoted\" (ru)");
    let feed_head = &xml[..xml.find("<entry>").unwrap()];
    assert_eq!(elements(feed_head, "id"), ["https://kasipodaq.kz/ru/feed.xml"]);
    assert_eq!(elements(feed_head, "title"), ["Statements &amp; letters"]);
    assert_eq!(elements(feed_head, "subtitle"), ["Of the &lt;federation&gt;"]);
    assert_eq!(elements(feed_head, "updated"), ["2026-12-04T00:00:00Z"], "the latest change of any entry");
    assert!(feed_head
        .contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://kasipodaq.kz/ru/feed.xml\"/>"));
    assert!(
        feed_head.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://kasipodaq.kz/ru/statements/\"/>")
    );

    let entries = elements(&xml, "entry");
    assert_eq!(entries.len(), 3, "only a statement with no date of any kind is left out");
    assert!(!xml.contains("never-published"));
    // The undated statement is in: the portal published it (and changed it)
    // on known days; it keeps the id of its first address.
    let first = entries[0];
    assert_eq!(elements(first, "id"), ["https://kasipodaq.kz/ru/statements/old-undated/"]);
    assert!(first.contains("href=\"https://kasipodaq.kz/ru/statements/undated/\""));
    assert_eq!(elements(first, "published"), ["2026-11-23T00:00:00Z"]);
    assert_eq!(elements(first, "updated"), ["2026-12-04T00:00:00Z"]);
    let newer = entries[1];
    assert_eq!(elements(newer, "title"), ["Newer &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; (ru)"]);
    assert_eq!(elements(newer, "id"), ["https://kasipodaq.kz/ru/statements/2023-01-27-newer/"]);
    assert!(newer.contains(
        "<link rel=\"alternate\" type=\"text/html\" href=\"https://kasipodaq.kz/ru/statements/2023-01-27-newer/\"/>"
    ));
    assert_eq!(elements(newer, "published"), ["2023-01-27T00:00:00Z"]);
    assert_eq!(elements(newer, "updated"), ["2023-01-27T00:00:00Z"]);
    assert_eq!(elements(newer, "summary"), ["Summary of 2023-01-27-newer in ru"], "the source text says nothing more");
    assert_eq!(elements(newer, "name"), ["FPRK"]);
    assert_eq!(elements(entries[2], "id"), ["https://kasipodaq.kz/ru/statements/2019-05-12-older/"]);
    // A translation says so in its summary.
    let english = atom_feed(&site(), Lang::En, &statements, &texts);
    assert_eq!(elements(elements(&english, "entry")[1], "summary"), ["Summary of 2023-01-27-newer in en From ru."]);
}

#[test]
fn the_real_feeds_carry_every_statement() {
    let statements = real_statements();
    let texts = FeedTexts { title: "T", subtitle: "S", author: "A", translated_from: TRANSLATED_FROM };
    for lang in Lang::ALL {
        let xml = atom_feed(&site(), lang, &statements, &texts);
        let feed = xml::parse(&xml);
        assert_eq!(feed.children("entry").len(), statements.len(), "{lang}");
        assert_eq!(feed.attribute("xml:lang"), Some(lang.code()));
        let published: Vec<&str> = elements(&xml, "published");
        let mut sorted = published.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(published, sorted, "newest first");
        let translations = statements.iter().filter(|s| s.version(lang).translation).count();
        let marked = elements(&xml, "summary")
            .iter()
            .filter(|s| {
                s.ends_with(TRANSLATED_FROM[0]) || s.ends_with(TRANSLATED_FROM[1]) || s.ends_with(TRANSLATED_FROM[2])
            })
            .count();
        assert_eq!(marked, translations, "{lang}: every translation marked, no source text");
    }
}

#[test]
fn the_policy_allows_own_files_hashed_scripts_and_the_given_origins() {
    let hashes = [sha256_base64(b"abc")];
    let origins = ["https://data.kasipodaq.kz".to_string(), "https://data.kasipodaq.kz".to_string()];
    assert_eq!(
        content_security_policy(&hashes, &origins),
        "default-src 'self'; \
         script-src 'self' 'wasm-unsafe-eval' 'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='; \
         style-src 'self'; img-src 'self' data:; connect-src 'self' https://data.kasipodaq.kz; \
         object-src 'none'; base-uri 'self'; form-action 'self'"
    );
    assert_eq!(
        content_security_policy(&[], &[]),
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    );
    assert!(!content_security_policy(&hashes, &origins).contains("frame-ancestors"));
}

#[test]
#[should_panic(expected = "not an origin")]
fn an_origin_cannot_add_directives() {
    content_security_policy(&[], &["https://x.kz; script-src *".to_string()]);
}

#[test]
fn sha256_matches_the_known_vectors() {
    assert_eq!(sha256_base64(b""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    assert_eq!(sha256_base64(b"abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}

/// A statement published in Russian only: the Kazakh and English pages show
/// the Russian text, as the content loader makes them.
fn russian_only() -> Statement {
    let mut only = statement("2026-12-04-appeal", Some("2026-12-04"), "Appeal");
    only.record.published = Some(Date::parse_iso("2026-12-04").unwrap());
    let source = only.version(Lang::Ru).clone();
    for lang in [Lang::Kk, Lang::En] {
        only.versions[lang.index()] = Version { fallback: true, ..source.clone() };
    }
    only
}

#[test]
fn a_statement_not_yet_translated_is_listed_and_indexed_in_its_own_languages_only() {
    let only = russian_only();
    let statements = [only.clone()];
    let texts = FeedTexts { title: "T", subtitle: "S", author: "A", translated_from: TRANSLATED_FROM };
    assert!(atom_feed(&site(), Lang::Ru, &statements, &texts).contains("<entry>"));
    for lang in [Lang::Kk, Lang::En] {
        assert!(!atom_feed(&site(), lang, &statements, &texts).contains("<entry>"), "no {lang} entry");
    }
    let page = Page::Statement(only.slug.to_string());
    let xml = sitemap(&site(), std::slice::from_ref(&page), &statements);
    assert_eq!(elements(&xml, "loc"), ["https://kasipodaq.kz/ru/statements/2026-12-04-appeal/"]);
    assert!(!xml.contains("hreflang=\"kk\"") && xml.contains("hreflang=\"ru\""));

    // The English page shows the Russian text: not indexed, its canonical
    // page the Russian one, no structured data claiming an English article.
    let tags = head_tags(&site(), &head(Lang::En, &page, "Appeal", Some(&only)));
    assert!(tags.contains("<meta name=\"robots\" content=\"noindex\">\n"));
    assert!(tags.contains("<link rel=\"canonical\" href=\"https://kasipodaq.kz/ru/statements/2026-12-04-appeal/\">\n"));
    assert!(!tags.contains("hreflang=\"en\"") && !tags.contains("application/ld+json"));
    let own = head_tags(&site(), &head(Lang::Ru, &page, "Appeal", Some(&only)));
    assert!(!own.contains("robots") && own.contains("application/ld+json"));
    assert!(own.contains(
        "<link rel=\"alternate\" hreflang=\"ru\" href=\"https://kasipodaq.kz/ru/statements/2026-12-04-appeal/\">\n"
    ));
}

#[test]
fn a_translation_published_later_is_new_in_its_languages_feed_on_its_own_day() {
    let day = |text| Date::parse_iso(text).unwrap();
    let mut letter = statement("2026-11-01-letter", Some("2026-11-01"), "Letter");
    letter.record.published = Some(day("2026-11-02"));
    letter.versions[Lang::Kk.index()].published = Some(day("2026-12-04"));
    let texts = FeedTexts { title: "T", subtitle: "S", author: "A", translated_from: TRANSLATED_FROM };
    let statements = [letter];
    let kk = atom_feed(&site(), Lang::Kk, &statements, &texts);
    assert_eq!(elements(&kk, "published"), ["2026-12-04T00:00:00Z"]);
    assert_eq!(elements(&kk, "updated"), ["2026-12-04T00:00:00Z", "2026-12-04T00:00:00Z"]);
    let ru = atom_feed(&site(), Lang::Ru, &statements, &texts);
    assert_eq!(elements(&ru, "published"), ["2026-11-02T00:00:00Z"]);
}
