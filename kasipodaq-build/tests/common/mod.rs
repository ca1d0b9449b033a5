//! What several test files build: a statement of the archive.

use std::borrow::Cow;

use kasipodaq_core::{
    calendar::Date,
    content::{Kind, Statement, Version},
    Lang,
};

/// A letter translated from Russian, whose title in each language is
/// `{title} ({lang})`, with one paragraph.
pub fn statement(slug: &str, date: Option<Date>, title: &str) -> Statement {
    let version = |lang: Lang| Version {
        title: Cow::Owned(format!("{title} ({lang})")),
        issuer: "Issuer".into(),
        source: "Source".into(),
        summary: Cow::Owned(format!("Summary of {slug} in {lang}")),
        note: None,
        translation: lang != Lang::Ru,
        fallback: false,
        stale_since: None,
        published: None,
        paragraphs: Cow::Owned(vec!["<p>Text.</p>".into()]),
    };
    Statement {
        slug: Cow::Owned(slug.to_string()),
        date,
        kind: Kind::Letter,
        source_language: Lang::Ru,
        versions: [version(Lang::Kk), version(Lang::Ru), version(Lang::En)],
        text_file: Cow::Owned(format!("{slug}-{}.json", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFG")),
        record: Default::default(),
    }
}
