//! The headers files (kasipodaq_core::files::headers): what each page
//! gets, that the app reads back exactly what the prerender wrote, and that
//! a file for another page, or a hostile one, is refused.

mod common;

use kasipodaq_core::{
    calendar::Date,
    content::{Kind, Statement},
    files::headers::{self, Headers, Key, Refused},
    urls::{ArchiveView, Page, ARCHIVE_PAGE_SIZE},
};
use serde_json::Value;

/// `n` statements, newest first: letters and (every third) appeals, one a
/// year from 2026 back, the last undated.
fn archive(n: usize) -> Vec<Statement> {
    (0..n)
        .map(|i| {
            let date = (i + 1 < n).then(|| Date::new(2026 - i as i32, 5, 1).unwrap());
            let mut s = common::statement(&format!("statement-{i}"), date, &format!("Title {i}"));
            if i % 3 == 0 {
                s.kind = Kind::Appeal;
            }
            s
        })
        .collect()
}

fn parsed(json: &str) -> Value {
    serde_json::from_str(json).unwrap()
}

#[test]
fn each_page_gets_what_it_shows_and_reads_back_without_paragraphs() {
    let all = archive(120);
    let files = headers::files(&all);
    // Home, every archive page and every statement: one file each.
    let views = kasipodaq_core::archive::views(&all).len();
    assert_eq!(files.len(), 1 + views + all.len());
    let read = |key: &Key| {
        let (_, json) = files.iter().find(|(name, _)| *name == key.file_name()).unwrap();
        headers::read(&parsed(json), key).unwrap()
    };
    let Headers::Home { latest } = read(&Key::Home) else { panic!() };
    assert_eq!(latest.iter().map(|s| &*s.slug).collect::<Vec<_>>(), ["statement-0", "statement-1", "statement-2"]);
    assert!(latest[0].versions.iter().all(|v| v.paragraphs.is_empty()));
    let mut header = all[0].clone();
    header.versions.iter_mut().for_each(|v| v.paragraphs = Default::default());
    assert_eq!(latest[0], header, "everything but the paragraphs");

    let Headers::Archive { count, years, kinds, statements } =
        read(&Key::Archive(ArchiveView { year: None, kind: None, page: 3 }))
    else {
        panic!()
    };
    assert_eq!(count, 120);
    assert_eq!(statements.len(), 120 - 2 * ARCHIVE_PAGE_SIZE);
    assert_eq!(statements[0].slug, all[2 * ARCHIVE_PAGE_SIZE].slug);
    assert_eq!(years.len(), 119, "every dated year, newest first");
    assert_eq!(years[0], 2026);
    assert_eq!(kinds, [Kind::Letter, Kind::Appeal]);
    // Within a kind, only the years that have it.
    let Headers::Archive { count, years, .. } =
        read(&Key::Archive(ArchiveView { year: None, kind: Some(Kind::Appeal), page: 1 }))
    else {
        panic!()
    };
    assert_eq!(count, 40);
    assert!(years.iter().all(|y| (2026 - y) % 3 == 0), "{years:?}");

    let Headers::Statement { statement, older, newer } = read(&Key::Statement("statement-0".into())) else { panic!() };
    assert_eq!(statement.slug, "statement-0");
    assert_eq!(older.map(|s| s.slug), Some("statement-1".into()));
    assert_eq!(newer, None);
    let Headers::Statement { older, newer, .. } = read(&Key::Statement("statement-119".into())) else { panic!() };
    assert_eq!((older, newer.map(|s| s.slug)), (None, Some("statement-118".into())));
}

#[test]
fn a_change_rewrites_only_the_files_that_show_it_and_a_page_past_the_end_has_no_file() {
    let all = archive(7);
    let mut changed = all.clone();
    changed[5].versions[1].summary = "Another summary".into();
    let before = headers::files(&all);
    let after = headers::files(&changed);
    assert_eq!(
        before.iter().map(|(name, _)| name).collect::<Vec<_>>(),
        after.iter().map(|(name, _)| name).collect::<Vec<_>>()
    );
    let rewritten: Vec<&str> =
        before.iter().zip(&after).filter(|(a, b)| a.1 != b.1).map(|(a, _)| a.0.as_str()).collect();
    // The statement, its two neighbours (which name it) and the archive
    // pages that list it; not the home page (the latest three) nor any other
    // statement: a rebuild after one change writes only these again.
    for name in [
        "headers/statement-statement-4.json",
        "headers/statement-statement-5.json",
        "headers/statement-statement-6.json",
    ] {
        assert!(rewritten.contains(&name), "{name}: {rewritten:?}");
    }
    assert!(rewritten.contains(&"headers/archive-all-all-1.json"), "{rewritten:?}");
    assert!(
        rewritten
            .iter()
            .all(|name| name.starts_with("headers/archive-") || name.starts_with("headers/statement-statement-")),
        "{rewritten:?}"
    );
    assert_eq!(rewritten.iter().filter(|name| name.starts_with("headers/statement-")).count(), 3, "{rewritten:?}");
    assert_eq!(headers::files(&all), before, "the same content, the same files");
    assert_eq!(headers::of(&all, &Key::Archive(ArchiveView { year: None, kind: None, page: 2 })), None);
    assert_eq!(headers::of(&all, &Key::Statement("missing".into())), None);
}

#[test]
fn stems_and_names_of_each_page() {
    let cases = [
        (Page::Home, "home"),
        (Page::Statements(ArchiveView::ALL), "archive-all-all-1"),
        (
            Page::Statements(ArchiveView { year: Some(2019), kind: Some(Kind::Letter), page: 2 }),
            "archive-2019-letter-2",
        ),
        (Page::Statement("2019-05-12-opened".into()), "statement-2019-05-12-opened"),
    ];
    for (page, stem) in cases {
        assert_eq!(Key::of(&page).unwrap().stem(), stem);
    }
    assert_eq!(Key::of(&Page::Contacts), None);
    assert_eq!(Key::Home.file_name(), "headers/home.json");
    assert_eq!(Key::Statement("2019-05-12-opened".into()).file_name(), "headers/statement-2019-05-12-opened.json");
}

#[test]
fn a_file_for_another_page_or_with_a_hostile_field_is_refused() {
    let all = archive(3);
    let files = headers::files(&all);
    let key = Key::Statement("statement-1".into());
    let json = &files.iter().find(|(name, _)| *name == key.file_name()).unwrap().1;
    assert!(headers::read(&parsed(json), &key).is_ok());
    assert_eq!(
        headers::read(&parsed(json), &Key::Statement("statement-2".into())),
        Err(Refused("the file is another page's"))
    );
    let altered = |change: &dyn Fn(&mut Value)| {
        let mut value = parsed(json);
        change(&mut value);
        headers::read(&value, &key)
    };
    assert_eq!(altered(&|v| v["statement"]["slug"] = "../../x".into()), Err(Refused("slug")));
    assert_eq!(altered(&|v| v["older"]["text_file"] = "../../contacts.json".into()), Err(Refused("text_file")));
    assert_eq!(altered(&|v| v["statement"]["kind"] = "decree".into()), Err(Refused("kind")));
    assert_eq!(altered(&|v| v["statement"]["date"] = "2019-13-40".into()), Err(Refused("date")));
    assert_eq!(altered(&|v| v["statement"]["en"]["title"] = 5.into()), Err(Refused("title")));
    assert_eq!(
        altered(&|v| v["newer"] = Value::Null),
        Ok(match headers::of(&all, &key).unwrap() {
            Headers::Statement { statement, older, .. } => Headers::Statement { statement, older, newer: None },
            _ => unreachable!(),
        })
    );
}

/// The archive's year and kind links are written as one HTML string
/// (`src/components/archive_nav.rs`, `inner_html`) from this file, fetched
/// at run time: only numbers and known kinds get through.
#[test]
fn an_archive_file_with_markup_in_its_years_kinds_or_count_is_refused() {
    let all = archive(3);
    let files = headers::files(&all);
    let key = Key::Archive(ArchiveView { year: None, kind: None, page: 1 });
    let json = &files.iter().find(|(name, _)| *name == key.file_name()).unwrap().1;
    assert!(headers::read(&parsed(json), &key).is_ok());
    let altered = |change: &dyn Fn(&mut Value)| {
        let mut value = parsed(json);
        change(&mut value);
        headers::read(&value, &key)
    };
    let hostile = "<img src=x onerror=alert(1)>";
    assert_eq!(altered(&|v| v["years"][0] = hostile.into()), Err(Refused("years")));
    assert_eq!(altered(&|v| v["years"][0] = "2019".into()), Err(Refused("years")));
    assert_eq!(altered(&|v| v["kinds"][0] = hostile.into()), Err(Refused("kinds")));
    assert_eq!(altered(&|v| v["count"] = hostile.into()), Err(Refused("count")));
}

#[test]
fn a_statement_page_gets_its_record_and_lists_do_not() {
    use kasipodaq_core::{
        content::{Change, ChangeKind, Original, Record},
        Lang,
    };
    let mut all = archive(3);
    let day = |text| Date::parse_iso(text).unwrap();
    all[1].record = Record {
        published: Some(day("2026-11-23")),
        original: Some(Original { url: "https://kasipodaq.kz/2019/10/14/post/".into(), date: Some(day("2019-10-14")) }),
        dated_by_publication: true,
        formerly: vec!["2019-10-10-old".into()],
        changes: vec![Change { date: day("2026-12-04"), lang: Lang::Ru, what: ChangeKind::TranslationCorrected }],
        context: Some(kasipodaq_core::content::Context {
            id: "campaign-2019".into(),
            notice: ["Науқан".into(), "Кампания".into(), "Campaign".into()],
        }),
    };
    let files = headers::files(&all);
    let read = |key: &Key| {
        let (_, json) = files.iter().find(|(name, _)| *name == key.file_name()).unwrap();
        (parsed(json), headers::read(&parsed(json), key).unwrap())
    };
    let key = Key::Statement("statement-1".into());
    let (json, Headers::Statement { statement, older, newer }) = read(&key) else { panic!() };
    assert_eq!(statement.record, all[1].record, "read back as written");
    assert_eq!(newer.unwrap().record, Record::default(), "a neighbour is a link, not a record");
    assert_eq!(older.unwrap().record, Record::default());
    let (_, Headers::Home { latest }) = read(&Key::Home) else { panic!() };
    assert_eq!(latest[1].record, Record::default());
    // The address becomes a link: anything but http(s) is refused.
    for hostile in ["javascript:alert(1)", "https://e.org/\"><script>", "data:text/html,x"] {
        let mut value = json.clone();
        value["statement"]["record"]["original"]["url"] = hostile.into();
        assert_eq!(headers::read(&value, &key), Err(Refused("record")), "{hostile}");
    }
    let mut value = json.clone();
    value["statement"]["record"]["changes"][0]["what"] = "rewritten".into();
    assert_eq!(headers::read(&value, &key), Err(Refused("record")));
}

#[test]
fn the_archive_made_at_once_is_each_page_as_asked_for_alone() {
    let all = archive(120);
    let made = headers::all(&all);
    let views = kasipodaq_core::archive::views(&all).len();
    assert_eq!(made.len(), 1 + views + all.len());
    for (key, headers) in &made {
        assert_eq!(headers::of(&all, key).as_ref(), Some(headers), "{}", key.stem());
    }
}
