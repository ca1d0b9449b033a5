//! Snapshots (insta) of the files the prerender writes with the `site`
//! module, from the real `content/` and `locales/`: the Atom feed of each
//! language, the sitemap index and its file, robots.txt, the offline worker,
//! the Content-Security-Policy, the `<head>` tags of one page of each type
//! in each language, and the page at a statement's former address. Every
//! change to that output is then a diff of `tests/snapshots/*.snap` to
//! review and commit:
//!
//! ```sh
//! INSTA_UPDATE=always cargo test -p kasipodaq-build --test snapshots
//! git diff kasipodaq-build/tests/snapshots/
//! ```
//!
//! The feeds and the sitemap are also read with a real XML parser
//! (quick-xml) to their end, and a few facts are checked on what it read.
//!
//! Everything is fixed: the site's address, the moment of the
//! build (for scheduled statements) and the worker's files. The base path is
//! the top of the host (no `KASIPODAQ_BASE_PATH` when compiling).

mod xml;

use std::{borrow::Cow, path::Path};

use insta::assert_snapshot;

use kasipodaq_build::{
    content::load::read,
    fluent::{compile, read_locales},
    site::{
        atom_feed, content_security_policy, head_tags, offline_worker, pages, redirect_page, robots, sha256_base64,
        sitemap_files, ContactsEndpoint, FeedTexts, PageHead, Site, FEED_ENTRIES, SITEMAP_URL_LIMIT,
    },
};
use kasipodaq_core::{
    content::{in_lang, Statement},
    i18n::{Catalog, PluralRules},
    urls::{ArchiveView, Page, BASE_PATH},
    Lang,
};
use xml::{parse, try_parse};

/// The public address the snapshots are written for.
const SITE_URL: &str = "https://portal.example.kz";

/// The moment of the build: 2030-01-01T00:00:00Z, in Unix seconds. A
/// statement scheduled later is left out, as the prerender leaves it out.
const BUILT_AT: i64 = 1_893_456_000;

/// The statement whose page is snapshotted: a source text with two
/// translations, a context, the portal's own dates and a change.
const STATEMENT: &str = "2023-01-27-appeal-on-mazhilis-and-maslikhat-elections";

/// The longest link-preview description (as in src/prerender.rs).
const PREVIEW_DESCRIPTION_MAX: usize = 300;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn site() -> Site {
    assert_eq!(
        BASE_PATH, "",
        "the snapshots are of a site at the top of its host: compile without KASIPODAQ_BASE_PATH"
    );
    Site::new(SITE_URL).unwrap()
}

/// The statements of `content/` the prerender publishes at [`BUILT_AT`].
fn statements() -> Vec<Statement> {
    let content = read(&root().join("content")).unwrap_or_else(|errors| panic!("content/: {errors:?}"));
    content.published_at(BUILT_AT).0
}

fn catalog() -> Catalog {
    let sources: Vec<_> = read_locales(root()).expect("locales/ is readable").into_iter().map(|(s, _)| s).collect();
    compile(&sources)
        .unwrap_or_else(|errors| panic!("{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")))
}

/// The site's messages have no plural choice: every number is `other`.
struct NoPlurals;
impl PluralRules for NoPlurals {
    fn category(&self, _: Lang, _: f64) -> &str {
        "other"
    }
}

/// A message of the real translations, as the app formats it.
fn message(catalog: &Catalog, lang: Lang, id: &str) -> String {
    let mut errors = Vec::new();
    let text = catalog.pack().unwrap().as_packed().format_checked(lang, id, &[], &NoPlurals, &mut errors);
    assert!(errors.is_empty(), "{id}: {errors:?}");
    text.unwrap_or_else(|| panic!("no message {id} in {lang}"))
}

fn translated_from(catalog: &Catalog, lang: Lang) -> [String; 3] {
    Lang::ALL.map(|source| message(catalog, lang, &format!("translated-from-{}", source.code())))
}

// ---------------------------------------------------------------------------
// The XML reader itself

#[test]
fn the_xml_reader_refuses_what_is_not_well_formed() {
    let read = parse(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x=\"1 &amp; &#39;2&#39;\"><b>&lt;T&gt; &#x41;&quot;</b><c/></a>\n",
    );
    assert_eq!((read.name.as_str(), read.attribute("x")), ("a", Some("1 & '2'")));
    assert_eq!(read.text_of("b"), "<T> A\"");
    assert_eq!(read.only("c").children.len(), 0);
    for bad in [
        "<a></a>",                                        // no declaration
        "<?xml version=\"1.0\"?><a><b></a></b>",          // crossed tags
        "<?xml version=\"1.0\"?><a><b></a>",              // unclosed
        "<?xml version=\"1.0\"?><a></a><a></a>",          // two roots
        "<?xml version=\"1.0\"?><a>&nbsp;</a>",           // an HTML entity
        "<?xml version=\"1.0\"?><a>&amp</a>",             // an unended reference
        "<?xml version=\"1.0\"?><a x=\"1\" x=\"2\"></a>", // a repeated attribute
        "<?xml version=\"1.0\"?><a x=1></a>",             // an unquoted attribute
        "<?xml version=\"1.0\"?><a x=\"<\"></a>",         // `<` in an attribute
        "<?xml version=\"1.0\"?><a><!-- note --></a>",    // what the site never writes
        "<?xml version=\"1.0\"?>",                        // no root
    ] {
        assert!(try_parse(bad).is_err(), "read as well formed: {bad}");
    }
}

// ---------------------------------------------------------------------------
// The feeds

#[test]
fn the_atom_feed_of_each_language() {
    let catalog = catalog();
    let statements = statements();
    for lang in Lang::ALL {
        let notices = translated_from(&catalog, lang);
        let texts = FeedTexts {
            title: &message(&catalog, lang, "feed-title"),
            subtitle: &message(&catalog, lang, "feed-subtitle"),
            author: &message(&catalog, lang, "site-name"),
            translated_from: [&notices[0], &notices[1], &notices[2]],
        };
        let xml = atom_feed(&site(), lang, &statements, &texts);

        let feed = parse(&xml);
        assert_eq!(feed.name, "feed");
        assert_eq!(feed.attribute("xmlns"), Some("http://www.w3.org/2005/Atom"));
        assert_eq!(feed.attribute("xml:lang"), Some(lang.code()), "the feed's language");
        assert_eq!(feed.text_of("title"), texts.title);
        assert_eq!(feed.text_of("id"), format!("{SITE_URL}/{lang}/feed.xml"));
        let entries = feed.children("entry");
        // One entry per statement in this language (each statement of
        // content/ has a date), newest first, at most FEED_ENTRIES.
        let expected: Vec<&Statement> = statements.iter().filter(|s| s.has(lang)).take(FEED_ENTRIES).collect();
        assert!(!expected.is_empty());
        assert_eq!(entries.len(), expected.len(), "{lang}: one entry per statement");
        for entry in &entries {
            assert_eq!(entry.attribute("xml:lang"), None, "{lang}: an entry is in the feed's language");
            let href = entry.only("link").attribute("href").expect("a link");
            let statement = expected
                .iter()
                .find(|s| href == format!("{SITE_URL}/{lang}/statements/{}/", s.slug))
                .unwrap_or_else(|| panic!("{lang}: {href} is no statement's page in this language"));
            let version = statement.version(lang);
            assert_eq!(entry.text_of("title"), version.title, "{lang}: the title in the feed's language");
            assert!(entry.text_of("summary").starts_with(version.summary.as_ref()), "{lang}: {}", statement.slug);
            let first_slug = statement.record.formerly.first().unwrap_or(&statement.slug);
            assert_eq!(entry.text_of("id"), format!("{SITE_URL}/{lang}/statements/{first_slug}/"), "its first address");
            for time in ["published", "updated"] {
                assert!(entry.text_of(time).ends_with("T00:00:00Z"), "{time}");
            }
            assert_eq!(entry.only("author").text_of("name"), texts.author);
        }

        assert_snapshot!(format!("feed_{lang}"), xml);
    }
}

// ---------------------------------------------------------------------------
// The sitemap and robots.txt

#[test]
fn the_sitemap_index_and_its_file() {
    let statements = statements();
    let pages = pages(&statements);
    let files = sitemap_files(&site(), &pages, &statements, SITEMAP_URL_LIMIT);
    let paths: Vec<&str> = files.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(paths, ["/sitemap.xml", "/sitemap-1.xml"], "an archive this size fits one file");

    let index = parse(&files[0].1);
    assert_eq!(index.name, "sitemapindex");
    assert_eq!(index.attribute("xmlns"), Some("http://www.sitemaps.org/schemas/sitemap/0.9"));
    let listed: Vec<&str> = index.children("sitemap").into_iter().map(|sitemap| sitemap.text_of("loc")).collect();
    assert_eq!(listed, [format!("{SITE_URL}/sitemap-1.xml")]);

    let urlset = parse(&files[1].1);
    assert_eq!(urlset.name, "urlset");
    assert_eq!(urlset.attribute("xmlns"), Some("http://www.sitemaps.org/schemas/sitemap/0.9"));
    assert_eq!(urlset.attribute("xmlns:xhtml"), Some("http://www.w3.org/1999/xhtml"));
    assert_eq!(urlset.children.len(), urlset.children("url").len(), "nothing but <url>");
    let mut locs = Vec::new();
    for url in urlset.children("url") {
        let loc = url.text_of("loc");
        assert!(loc.starts_with(&format!("{SITE_URL}/")), "{loc}");
        assert!(url.children("lastmod").len() <= 1, "{loc}");
        let links = url.children("xhtml:link");
        let hreflangs: Vec<&str> = links.iter().map(|link| link.attribute("hreflang").unwrap()).collect();
        assert_eq!(hreflangs.last(), Some(&"x-default"), "{loc}");
        assert!(links.iter().all(|link| link.attribute("rel") == Some("alternate")), "{loc}");
        assert!(links.iter().any(|link| link.attribute("href") == Some(loc)), "{loc} is its own alternate");
        locs.push(loc.to_string());
    }
    let expected: Vec<String> = pages
        .iter()
        .flat_map(|page| {
            let statement = match page {
                Page::Statement(slug) => statements.iter().find(|s| s.slug == slug.as_str()),
                _ => None,
            };
            Lang::ALL
                .into_iter()
                .filter(move |lang| statement.is_none_or(|s| s.has(*lang)))
                .map(|lang| site().url(&page.path(lang)))
        })
        .collect();
    assert_eq!(locs, expected, "every page in each of its languages, once, in order");

    assert_snapshot!("sitemap_index", files[0].1);
    assert_snapshot!("sitemap_1", files[1].1);
}

#[test]
fn robots_txt() {
    assert_snapshot!("robots", robots(&site()));
}

// ---------------------------------------------------------------------------
// The offline worker and the Content-Security-Policy

#[test]
fn the_offline_worker() {
    // A build folder as Trunk and the prerender leave it (names from a real
    // build); the worker precaches what every visit needs, nothing that
    // grows with the archive.
    let files: Vec<String> = [
        "404.html",
        "contacts.json",
        "en/index.html",
        "en/statements/index.html",
        "favicon-e0efda314838e11c.svg",
        "index.html",
        "kasipodaq-portal-66fa16e6c97a93e4.js",
        "kasipodaq-portal-66fa16e6c97a93e4_bg.wasm",
        "kk/index.html",
        "main-bcb54cd2a96a815e.css",
        "og-image.png",
        "robots.txt",
        "ru/index.html",
        "ru/statements/2023-01-27-appeal-on-mazhilis-and-maslikhat-elections/index.html",
        "sitemap.xml",
        "sw.js",
        "texts/2023-01-27-appeal-on-mazhilis-and-maslikhat-elections-0123456789abcdef.json",
        "texts/headers/home.json",
    ]
    .map(String::from)
    .to_vec();
    let worker = offline_worker(&files, |file| Ok(format!("the bytes of {file}").into_bytes())).unwrap();
    assert_snapshot!("service_worker", worker);
}

#[test]
fn the_content_security_policy() {
    // The inline scripts of index.html are hashed by the prerender; fixed
    // scripts here, so a change to index.html does not change this.
    let hashes = [sha256_base64(b"starter script"), sha256_base64(b"second script")];
    let beside = ContactsEndpoint::from_setting(None, BASE_PATH).unwrap();
    let elsewhere =
        ContactsEndpoint::from_setting(Some("https://data.example.kz/fprk/contacts.json"), BASE_PATH).unwrap();
    let policy = |contacts: &ContactsEndpoint| {
        let connect: Vec<String> = contacts.other_origin.iter().cloned().collect();
        content_security_policy(&hashes, &connect)
    };
    assert_snapshot!("csp_contacts_beside_the_site", policy(&beside));
    assert_snapshot!("csp_contacts_on_another_server", policy(&elsewhere));
}

// ---------------------------------------------------------------------------
// The head of one page of each type

/// Every kind of page; a new kind of [`Page`] stops this from compiling
/// until it has a snapshot test below.
fn one_page_of(kind: &Page) -> Page {
    match kind {
        Page::Home => Page::Home,
        Page::Statements(_) => Page::Statements(ArchiveView::ALL),
        Page::Statement(_) => Page::Statement(STATEMENT.into()),
        Page::Platform => Page::Platform,
        Page::UnionDay => Page::UnionDay,
        Page::Contacts => Page::Contacts,
        Page::Accessibility => Page::Accessibility,
    }
}

/// A statement's link-preview description, as src/prerender.rs writes it:
/// its summary, the translation's notice, and its context's notice when the
/// whole stays within [`PREVIEW_DESCRIPTION_MAX`] characters.
fn preview_description(catalog: &Catalog, statement: &Statement, lang: Lang) -> String {
    let mut description = statement.version(lang).summary.to_string();
    if statement.version(lang).translation {
        description = format!("{description} {}", translated_from(catalog, lang)[statement.source_language.index()]);
    }
    if let Some(context) = &statement.record.context {
        let with_context = format!(
            "{description} {} {}",
            message(catalog, lang, "statement-context-preview"),
            in_lang(&context.notice, lang)
        );
        if with_context.chars().count() <= PREVIEW_DESCRIPTION_MAX {
            description = with_context;
        }
    }
    description
}

/// Snapshots `head_tags` of `page` in each language, with the title and
/// description the app gives that page and the real translations.
fn snapshot_heads(kind: Page) {
    let page = one_page_of(&kind);
    let catalog = catalog();
    let statements = statements();
    let statement = match &page {
        Page::Statement(slug) => {
            Some(statements.iter().find(|s| s.slug == slug.as_str()).unwrap_or_else(|| panic!("no {slug} in content/")))
        }
        _ => None,
    };
    for lang in Lang::ALL {
        let (own_title, description): (Cow<'_, str>, String) = match (&page, statement) {
            (_, Some(statement)) => {
                (statement.version(lang).title.clone(), preview_description(&catalog, statement, lang))
            }
            (Page::Home, _) => {
                (message(&catalog, lang, "site-name").into(), message(&catalog, lang, "page-home-description"))
            }
            (page, _) => (
                message(&catalog, lang, &format!("page-{}-title", page.key())).into(),
                message(&catalog, lang, &format!("page-{}-description", page.key())),
            ),
        };
        let mut errors = Vec::new();
        let title = catalog
            .pack()
            .unwrap()
            .as_packed()
            .format_checked(lang, "document-title", &[("page", own_title.as_ref().into())], &NoPlurals, &mut errors)
            .unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        let head = PageHead {
            lang,
            page: &page,
            title: &title,
            description: &description,
            site_name: &message(&catalog, lang, "site-name"),
            image_path: "/og-image.png",
            image_alt: &message(&catalog, lang, "preview-image-alt"),
            statement,
        };
        let tags = head_tags(&site(), &head);
        assert_snapshot!(format!("head_{}_{lang}", page.key().replace('-', "_")), tags);
    }
}

#[test]
fn the_head_of_the_home_page() {
    snapshot_heads(Page::Home);
}

#[test]
fn the_head_of_the_archive() {
    snapshot_heads(Page::Statements(ArchiveView::ALL));
}

#[test]
fn the_head_of_a_statement() {
    snapshot_heads(Page::Statement(String::new()));
}

#[test]
fn the_head_of_the_platform_page() {
    snapshot_heads(Page::Platform);
}

#[test]
fn the_head_of_the_union_day_page() {
    snapshot_heads(Page::UnionDay);
}

#[test]
fn the_head_of_the_contacts_page() {
    snapshot_heads(Page::Contacts);
}

#[test]
fn the_head_of_the_accessibility_statement() {
    snapshot_heads(Page::Accessibility);
}

// ---------------------------------------------------------------------------
// The page at a statement's former address

#[test]
fn the_page_at_a_former_address() {
    let catalog = catalog();
    let statements = statements();
    let moved = statements.iter().find(|s| !s.record.formerly.is_empty()).expect("a statement of content/ has moved");
    let to = Page::Statement(moved.slug.to_string());
    for lang in Lang::ALL {
        let html =
            redirect_page(&site(), lang, &to, &moved.version(lang).title, &message(&catalog, lang, "statement-moved"));
        assert_snapshot!(format!("former_address_{lang}"), html);
    }
}
