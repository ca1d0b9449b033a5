//! The archive at the federation's scale (issue 13): the feeds carry only the
//! newest statements, on archives built here.

use std::borrow::Cow;

use kasipodaq_core::{
    calendar::Date,
    content::{Kind, Statement, Version},
    site::{atom_feed, FeedTexts, Site, FEED_ENTRIES},
    urls::site_path,
    Lang,
};

const ORIGIN: &str = "https://kasipodaq.kz";

fn site() -> Site {
    Site::new(ORIGIN).unwrap()
}

/// A statement whose title in each language is `{slug} ({lang})`.
fn statement(slug: &str, date: Option<Date>) -> Statement {
    let version = |lang: Lang| Version {
        title: Cow::Owned(format!("{slug} ({lang})")),
        issuer: "Issuer".into(),
        source: "Source".into(),
        summary: Cow::Owned(format!("Summary of {slug} in {lang}")),
        note: None,
        translation: lang != Lang::Ru,
        paragraphs: Cow::Owned(vec!["<p>Text.</p>".into()]),
    };
    Statement {
        slug: Cow::Owned(slug.to_string()),
        date,
        kind: Kind::ALL[slug.len() % Kind::ALL.len()],
        source_language: Lang::Ru,
        versions: [version(Lang::Kk), version(Lang::Ru), version(Lang::En)],
        text_file: Cow::Owned(format!("{slug}-0123456789abcdef.json")),
    }
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
    let texts = FeedTexts { title: "T", subtitle: "S", author: "A" };
    for lang in Lang::ALL {
        let xml = atom_feed(&site(), lang, &statements, &texts);
        let entries = elements(&xml, "entry");
        assert_eq!(entries.len(), FEED_ENTRIES, "{lang}");
        let mut dated: Vec<&Statement> = statements.iter().filter(|s| s.date.is_some()).collect();
        dated.sort_by(|a, b| b.date.cmp(&a.date));
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
    let xml = atom_feed(&site(), Lang::En, &statements, &FeedTexts { title: "T", subtitle: "S", author: "A" });
    assert_eq!(elements(&xml, "entry").len(), FEED_ENTRIES - 1);
}
