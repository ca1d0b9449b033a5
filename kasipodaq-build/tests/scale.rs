//! The archive at the federation's scale (issue 13): the feeds carry only the
//! newest statements and the sitemap is an index of files within the
//! protocol's limit, on archives built here.

mod common;

use std::collections::BTreeMap;

use kasipodaq_build::site::{
    atom_feed, pages, robots, sitemap_file_path, sitemap_files, FeedTexts, Site, FEED_ENTRIES, SITEMAP_PATH,
    SITEMAP_URL_LIMIT,
};
use kasipodaq_core::{
    calendar::Date,
    content::{Kind, Statement},
    urls::site_path,
    Lang,
};

const ORIGIN: &str = "https://kasipodaq.kz";

fn site() -> Site {
    Site::new(ORIGIN).unwrap()
}

/// A statement whose title in each language is `{slug} ({lang})`, of a
/// kind that varies with the slug.
fn statement(slug: &str, date: Option<Date>) -> Statement {
    Statement { kind: Kind::ALL[slug.len() % Kind::ALL.len()], ..common::statement(slug, date, slug) }
}

/// `count` dated statements, one a month from January 2000 on, given in a
/// shuffled order (the feed must sort them itself), and two undated ones.
fn archive(count: usize) -> Vec<Statement> {
    let mut statements: Vec<Statement> = (0..count)
        .map(|i| (i * 37) % count)
        .map(|i| {
            let date = Date { year: 2000 + (i / 12) as i32, month: (i % 12) as u32 + 1, day: 15 };
            statement(&format!("{date}-statement-{i}"), Some(date))
        })
        .collect();
    statements.push(statement("undated-one", None));
    statements.insert(3, statement("undated-two", None));
    statements
}

fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    xml.split(open.as_str()).skip(1).map(|rest| &rest[..rest.find(close.as_str()).expect("closed")]).collect()
}

#[test]
fn a_feed_carries_only_the_newest_fifty_statements_newest_first() {
    assert_eq!(FEED_ENTRIES, 50);
    let statements = archive(120);
    let texts = FeedTexts { title: "T", subtitle: "S", author: "A", translated_from: ["", "", ""] };
    for lang in Lang::ALL {
        let xml = atom_feed(&site(), lang, &statements, &texts);
        let entries = elements(&xml, "entry");
        assert_eq!(entries.len(), FEED_ENTRIES, "{lang}");
        let mut dated: Vec<&Statement> = statements.iter().filter(|s| s.date.is_some()).collect();
        dated.sort_by_key(|s| std::cmp::Reverse(s.date));
        let expected: Vec<String> = dated[..FEED_ENTRIES]
            .iter()
            .map(|s| format!("{ORIGIN}{}", site_path(&format!("/{lang}/statements/{}/", s.slug))))
            .collect();
        let ids: Vec<&str> = entries.iter().map(|entry| elements(entry, "id")[0]).collect();
        assert_eq!(ids, expected, "{lang}: the newest fifty, newest first");
        let titles: Vec<&str> = entries.iter().map(|entry| elements(entry, "title")[0]).collect();
        assert_eq!(titles[0], format!("{} ({lang})", dated[0].slug));
        // The feed's own time is its newest entry's.
        let head = &xml[..xml.find("<entry>").unwrap()];
        assert_eq!(elements(head, "updated"), [format!("{}T00:00:00Z", dated[0].date.unwrap())]);
    }
}

#[test]
fn a_small_archive_keeps_every_dated_statement_in_its_feed() {
    let statements = archive(FEED_ENTRIES - 1);
    let xml = atom_feed(
        &site(),
        Lang::En,
        &statements,
        &FeedTexts { title: "T", subtitle: "S", author: "A", translated_from: ["", "", ""] },
    );
    assert_eq!(elements(&xml, "entry").len(), FEED_ENTRIES - 1);
}

#[test]
fn the_sitemap_is_an_index_of_files_within_the_limit_listing_every_page_once() {
    assert_eq!(SITEMAP_URL_LIMIT, 50_000, "the sitemap protocol's limit");
    let statements = archive(13);
    let pages = pages(&statements);
    let expected: Vec<String> =
        pages.iter().flat_map(|page| Lang::ALL.map(|lang| site().url(&page.path(lang)))).collect();
    let limit = 7;
    assert!(expected.len() > 3 * limit, "the test splits into several files");

    let files = sitemap_files(&site(), &pages, &statements, limit);
    let (index_path, index) = &files[0];
    assert_eq!(*index_path, site_path(SITEMAP_PATH));
    assert!(index.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex "));
    assert!(index.contains(" xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""));
    assert!(index.trim_end().ends_with("</sitemapindex>"));
    assert!(!index.contains("<url>"));
    let listed: Vec<&str> = elements(index, "sitemap").iter().map(|entry| elements(entry, "loc")[0]).collect();
    let parts = &files[1..];
    assert_eq!(parts.len(), expected.len().div_ceil(limit));
    let paths: Vec<String> = (1..=parts.len()).map(sitemap_file_path).collect();
    assert_eq!(paths[0], site_path("/sitemap-1.xml"));
    assert_eq!(parts.iter().map(|(path, _)| path.clone()).collect::<Vec<_>>(), paths);
    let urls: Vec<String> = paths.iter().map(|path| site().url(path)).collect();
    assert_eq!(listed, urls, "the index lists each file by its absolute URL");
    assert!(robots(&site()).contains(&format!("Sitemap: {}\n", site().url(&site_path(SITEMAP_PATH)))));

    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut in_order = Vec::new();
    for (path, xml) in parts {
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "), "{path}");
        assert!(xml.contains(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""), "{path}");
        assert!(xml.trim_end().ends_with("</urlset>"), "{path}");
        let entries = elements(xml, "url");
        assert!(!entries.is_empty() && entries.len() <= limit, "{path}: {} URLs", entries.len());
        for entry in entries {
            let loc = elements(entry, "loc");
            assert_eq!(loc.len(), 1, "{entry}");
            *seen.entry(loc[0].to_string()).or_default() += 1;
            in_order.push(loc[0].to_string());
            // Each URL keeps its alternates in the three languages and x-default.
            let hreflangs: Vec<&str> = entry
                .lines()
                .filter(|line| line.trim_start().starts_with("<xhtml:link "))
                .map(|line| line.split("hreflang=\"").nth(1).unwrap().split('"').next().unwrap())
                .collect();
            assert_eq!(hreflangs, ["kk", "ru", "en", "x-default"], "{entry}");
        }
    }
    assert_eq!(in_order, expected, "every page URL in every language, in order");
    assert!(seen.values().all(|count| *count == 1), "each URL exactly once");
    // A statement keeps its date wherever its URL lands.
    let dated = statements.iter().find(|s| s.date.is_some()).unwrap();
    let loc = site().url(&site_path(&format!("/kk/statements/{}/", dated.slug)));
    let part = parts.iter().find(|(_, xml)| xml.contains(&format!("<loc>{loc}</loc>"))).unwrap();
    let entry = elements(&part.1, "url").into_iter().find(|entry| entry.contains(&loc)).unwrap();
    assert_eq!(elements(entry, "lastmod"), [dated.date.unwrap().to_string()]);
}

#[test]
fn a_site_within_the_limit_has_an_index_of_one_file() {
    let statements = archive(5);
    let pages = pages(&statements);
    let files = sitemap_files(&site(), &pages, &statements, SITEMAP_URL_LIMIT);
    assert_eq!(files.len(), 2);
    assert_eq!(elements(&files[0].1, "loc"), [site().url(&sitemap_file_path(1))]);
    assert_eq!(elements(&files[1].1, "url").len(), pages.len() * 3);
}
