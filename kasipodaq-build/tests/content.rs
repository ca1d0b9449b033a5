//! The content rules of `content/README.md`, one test per rule, on the small
//! fixtures under `tests/fixtures/content/` (one folder per broken case), and
//! the real `content/` folder.

use std::path::{Path, PathBuf};

use kasipodaq_build::content::load::{load, read};
use kasipodaq_core::{content::Kind, Lang};

fn fixtures(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/content").join(case)
}

/// The errors for a fixture case, as the build prints them.
fn errors(case: &str) -> Vec<String> {
    match load(&fixtures(case)) {
        Ok(_) => panic!("{case} loaded without an error"),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn a_valid_folder_loads_newest_first_with_html_paragraphs() {
    let statements = load(&fixtures("valid")).unwrap();
    let slugs: Vec<&str> = statements.iter().map(|s| s.slug.as_ref()).collect();
    assert_eq!(slugs, ["2020-01-01-valid-statement", "undated-statement"]);
    let first = &statements[0];
    assert_eq!(first.kind, Kind::Letter);
    assert_eq!(first.source_language, Lang::En);
    assert_eq!(first.date.unwrap().to_string(), "2020-01-01");
    assert_eq!(first.version(Lang::Ru).title, "Title ru");
    assert!(!first.version(Lang::En).translation);
    assert!(first.version(Lang::Kk).translation);
    assert_eq!(
        first.version(Lang::En).paragraphs.as_ref(),
        ["<p>First paragraph with <em>emphasis</em>.</p>", "<p>Second paragraph.</p>"]
    );
    assert_eq!(statements[1].date, None);
}

#[test]
fn a_statement_may_be_published_before_its_translations() {
    let statements = load(&fixtures("partial")).unwrap();
    let statement = &statements[0];
    assert!(statement.has(Lang::En) && statement.has(Lang::Ru));
    assert!(!statement.has(Lang::Kk));
    assert_eq!(statement.languages().collect::<Vec<_>>(), [Lang::Ru, Lang::En]);
    // The Kazakh page shows the source text, marked as such.
    let kk = statement.version(Lang::Kk);
    assert!(kk.fallback);
    assert_eq!(kk.title, "Title en");
    assert_eq!(kk.paragraphs, statement.version(Lang::En).paragraphs);
    assert_eq!(statement.text_lang(Lang::Kk), Lang::En);
    assert_eq!(statement.text_lang(Lang::Ru), Lang::Ru);
}

#[test]
fn the_source_text_comes_first() {
    assert_eq!(
        errors("missing-source"),
        ["missing-source/2020-01-01-x: the source text en.md is missing: a statement is published in its source language first, its translations follow"]
    );
}

#[test]
fn a_translation_names_the_revision_of_the_source_it_was_checked_against() {
    assert_eq!(
        errors("not-stamped"),
        ["not-stamped/2020-01-01-valid-statement/kk.md: not stamped: once this translation has been checked against the source text, run tools/staff.sh stamp 2020-01-01-valid-statement kk"]
    );
    assert_eq!(
        errors("bad-revision"),
        ["bad-revision/2020-01-01-valid-statement/kk.md:9: source_revision \"by hand\" was not written by tools/staff.sh stamp 2020-01-01-valid-statement kk: delete the line and run it"]
    );
}

#[test]
fn a_translation_behind_its_source_is_listed_with_the_day_the_source_changed() {
    let content = read(&fixtures("stale")).unwrap();
    let listed: Vec<String> =
        content.stale.iter().map(|s| format!("{} behind {} since {}", s.path, s.source_path, s.since)).collect();
    assert_eq!(
        listed,
        [
            "stale/2020-01-01-valid-statement/kk.md behind stale/2020-01-01-valid-statement/en.md since 2020-03-01",
            "stale/2020-01-01-valid-statement/ru.md behind stale/2020-01-01-valid-statement/en.md since 2020-03-01",
        ]
    );
    let statement = &content.statements[0];
    assert_eq!(statement.version(Lang::Ru).stale_since.map(|d| d.to_string()).as_deref(), Some("2020-03-01"));
    assert_eq!(statement.version(Lang::En).stale_since, None);
    // The valid copy, stamped with the current source, is not behind.
    assert!(read(&fixtures("valid")).unwrap().stale.is_empty());
}

#[test]
fn a_source_changed_after_its_translations_says_when() {
    assert_eq!(
        errors("stale-without-change"),
        ["stale-without-change/2020-01-01-valid-statement/en.md: the text changed after its translation stale-without-change/2020-01-01-valid-statement/kk.md was made, and no [[changes]] entry says when: add one (date and what), so readers of the translation see when the source changed",
         "stale-without-change/2020-01-01-valid-statement/en.md: the text changed after its translation stale-without-change/2020-01-01-valid-statement/ru.md was made, and no [[changes]] entry says when: add one (date and what), so readers of the translation see when the source changed"]
    );
}

#[test]
fn a_scheduled_statement_is_left_out_until_its_moment() {
    let at = |text: &str| kasipodaq_core::contacts::parse_rfc3339(text).unwrap();
    let content = read(&fixtures("scheduled")).unwrap();
    assert_eq!(content.statements.len(), 2, "the build checks it like any other");
    let before = read(&fixtures("scheduled")).unwrap().published_at(at("2030-01-01T08:59:59+05:00"));
    let slugs: Vec<&str> = before.0.iter().map(|s| s.slug.as_ref()).collect();
    assert_eq!(slugs, ["undated-statement"]);
    assert_eq!(before.1.len(), 1);
    assert_eq!(before.1[0].slug, "2020-01-01-valid-statement");
    assert_eq!(before.1[0].written, "2030-01-01T09:00:00+05:00");
    let after = content.published_at(at("2030-01-01T04:00:00Z"));
    assert_eq!(after.0.len(), 2);
    assert!(after.1.is_empty());
}

#[test]
fn publish_at_is_the_statements_and_written_in_full() {
    assert_eq!(
        errors("publish-at-malformed"),
        ["publish-at-malformed/2020-01-01-valid-statement/en.md:9: malformed publish_at \"2030-01-01 09:00\": write the date, time and offset, e.g. \"2026-12-10T09:00:00+05:00\""]
    );
    assert_eq!(
        errors("publish-at-wrong"),
        [
            "publish-at-wrong/2020-01-01-valid-statement/kk.md:9: publish_at belongs to the statement, not to a translation: give it in the source-language file en.md only",
        ]
    );
}

#[test]
fn an_unknown_kind_is_refused() {
    let found = errors("unknown-kind");
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(
        found[0],
        "unknown-kind/2020-01-01-x/kk.md:4: unknown kind \"speech\": use one of announcement, letter, address, report, appeal"
    );
}

#[test]
fn a_duplicate_slug_is_refused() {
    // Built here: folders differing only in case cannot live in every checkout.
    let dir = std::env::temp_dir().join(format!("kasipodaq-duplicate-{}", std::process::id()));
    let content = dir.join("content");
    let _ = std::fs::remove_dir_all(&dir);
    for slug in ["2020-01-01-same", "2020-01-01-SAME"] {
        let target = content.join(slug);
        std::fs::create_dir_all(&target).unwrap();
        for lang in ["kk", "ru", "en"] {
            let from = fixtures("valid").join("2020-01-01-valid-statement").join(format!("{lang}.md"));
            std::fs::copy(from, target.join(format!("{lang}.md"))).unwrap();
        }
    }
    let found: Vec<String> = load(&content).unwrap_err().iter().map(|e| e.to_string()).collect();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found, [
            "content/2020-01-01-SAME: the folder name is not a valid slug: use lowercase a-z, digits and single hyphens, e.g. 2019-05-12-headquarters-opened",
            "content/2020-01-01-same: duplicate slug: content/2020-01-01-SAME has the same address",
        ]);
}

#[test]
fn a_malformed_date_is_refused() {
    assert_eq!(
        errors("malformed-date"),
        ["malformed-date/2020-01-01-x/en.md:3: malformed date \"2020-13-01\": write YYYY-MM-DD, or leave the line out if the source gives no date"]
    );
}

#[test]
fn a_file_without_paragraphs_is_refused() {
    assert_eq!(
        errors("no-paragraphs"),
        ["no-paragraphs/2020-01-01-x/en.md:12: no paragraphs: the text goes after the header, paragraphs separated by an empty line"]
    );
}

#[test]
fn a_translation_claiming_to_be_the_source_is_refused() {
    assert_eq!(
        errors("translation-claims-source"),
        ["translation-claims-source/2020-01-01-x/ru.md:8: a translation claims to be the source: the source language is en, so this file needs translation = true"]
    );
}

#[test]
fn paragraph_counts_must_match_between_languages() {
    assert_eq!(
        errors("paragraph-count-mismatch"),
        ["paragraph-count-mismatch/2020-01-01-x: paragraph counts differ (kk.md 3, ru.md 2, en.md 2): paragraph #pN must be the same paragraph in every language"]
    );
}

#[test]
fn raw_html_is_refused() {
    assert_eq!(
        errors("raw-html"),
        ["raw-html/2020-01-01-x/en.md:13: paragraph 1: raw HTML is not allowed; use Markdown"]
    );
}

#[test]
fn a_file_without_a_header_is_refused() {
    assert_eq!(
        errors("no-header"),
        ["no-header/2020-01-01-x/en.md:1: no header: the file must start with a line +++, then the header, then a line +++"]
    );
}

#[test]
fn an_unknown_header_field_is_refused() {
    let found = errors("unknown-field");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("unknown-field/2020-01-01-x/en.md:2: header: unknown field `author`"), "{found:?}");
}

#[test]
fn a_dated_slug_starts_with_its_date() {
    assert_eq!(
        errors("slug-without-date"),
        ["slug-without-date/x-letter: the slug must start with the statement's date: 2020-01-01-…"]
    );
}

#[test]
fn a_folder_name_must_be_a_valid_slug() {
    let found = errors("bad-slug");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("bad-slug/2020-01-01_Letter: the folder name is not a valid slug"), "{found:?}");
}

#[test]
fn unexpected_files_are_named() {
    assert_eq!(
        errors("unexpected-file"),
        ["unexpected-file/2020-01-01-x: unexpected file de.md: a statement folder holds kk.md, ru.md and en.md"]
    );
}

#[test]
fn the_three_files_describe_the_same_document() {
    assert_eq!(
        errors("kind-differs"),
        ["kind-differs/2020-01-01-x/ru.md:4: kind differs from kind-differs/2020-01-01-x/kk.md"]
    );
}

// The real content.

fn real() -> Vec<kasipodaq_core::content::Statement> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    load(&dir)
        .unwrap_or_else(|errors| panic!("{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")))
}

#[test]
fn the_published_statements_load() {
    let statements = real();
    assert!(!statements.is_empty());
    for statement in &statements {
        for lang in Lang::ALL {
            let version = statement.version(lang);
            assert_eq!(version.translation, lang != statement.source_language, "{} {lang}", statement.slug);
        }
    }
}

#[test]
fn kazakh_versions_use_kazakh_letters() {
    for statement in real() {
        let text: String = statement.version(Lang::Kk).paragraphs.concat();
        assert!(
            text.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c)),
            "{}: kk.md has no Kazakh letters",
            statement.slug
        );
    }
}

#[test]
fn each_statement_names_its_texts_file_and_the_file_gives_back_its_paragraphs() {
    use kasipodaq_core::files::texts;
    for statement in real() {
        let json = texts::to_json(&statement);
        assert_eq!(*statement.text_file, texts::file_name(&statement.slug, &json), "{}", statement.slug);
        assert_eq!(texts::check(&statement.text_file, &json), Ok(()));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let paragraphs = texts::read(&value, &statement.slug).unwrap();
        for lang in Lang::ALL {
            assert_eq!(
                paragraphs[lang.index()],
                statement.version(lang).paragraphs.to_vec(),
                "{} {lang}",
                statement.slug
            );
        }
        // A one-letter change anywhere is refused.
        let altered = json.replacen("<p>", "<p> ", 1);
        assert_eq!(texts::check(&statement.text_file, &altered), Err(texts::TextError::Altered));
    }
}

#[test]
fn provenance_and_history_are_read_from_the_files() {
    use kasipodaq_core::content::{Change, ChangeKind, Original};
    let statements = load(&fixtures("valid-record")).unwrap();
    let record = &statements[0].record;
    let day = |text| kasipodaq_core::calendar::Date::parse_iso(text).unwrap();
    assert_eq!(record.published, Some(day("2020-02-01")));
    assert_eq!(
        record.original,
        Some(Original { url: "https://kasipodaq.kz/2020/01/14/post/".into(), date: Some(day("2020-01-14")) })
    );
    assert!(record.dated_by_publication);
    assert_eq!(record.formerly, ["2020-01-10-old-address"]);
    // Oldest first, each naming the version it changed.
    assert_eq!(
        record.changes,
        [
            Change { date: day("2020-02-15"), lang: Lang::Ru, what: ChangeKind::TranslationCorrected },
            Change { date: day("2020-03-01"), lang: Lang::En, what: ChangeKind::TypoFixed },
        ]
    );
    assert_eq!(record.updated(), Some(day("2020-03-01")));
    assert_eq!(record.modified(), Some(day("2020-03-01")));
}

#[test]
fn a_statement_without_its_portal_publication_date_is_refused() {
    assert_eq!(
        errors("missing-published"),
        ["missing-published/2020-01-01-x/en.md: published is missing: the day the portal first published this statement, e.g. published = \"2026-11-23\""]
    );
}

#[test]
fn provenance_belongs_to_the_source_file_only() {
    assert_eq!(
        errors("record-in-translation"),
        ["record-in-translation/2020-01-01-x/ru.md:13: [original], formerly belong to the statement, not to a translation: give them in the source-language file en.md only"]
    );
}

#[test]
fn malformed_provenance_and_history_are_refused_each_with_its_problem() {
    assert_eq!(
        errors("bad-record"),
        [
            "bad-record/2020-01-01-x/en.md:17: [[changes]]: unknown what = \"rewritten\": use one of typo-fixed, translation-corrected, wording-corrected, date-corrected, source-added",
            "bad-record/2020-01-01-x/en.md:14: [original] url \"javascript:alert(1)\": use an https:// address",
        ]
    );
}

#[test]
fn the_statement_wide_rules_of_the_record_are_checked() {
    // Read without the two per-file problems of bad-record.
    let dir = std::env::temp_dir().join(format!("kasipodaq-record-{}", std::process::id()));
    let folder = dir.join("2020-01-01-x");
    std::fs::create_dir_all(&folder).unwrap();
    for lang in ["kk", "ru", "en"] {
        let text =
            std::fs::read_to_string(fixtures("bad-record").join("2020-01-01-x").join(format!("{lang}.md"))).unwrap();
        let text = text
            .replace("javascript:alert(1)", "https://kasipodaq.kz/post/")
            .replace("\"rewritten\"", "\"typo-fixed\"");
        std::fs::write(folder.join(format!("{lang}.md")), text).unwrap();
    }
    let found: Vec<String> = load(&dir).unwrap_err().iter().map(|e| e.message.clone()).collect();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        found,
        [
            "dated_by = \"publication\" needs [original] with a date, and the statement's date must be that date",
            "formerly: \"Old_Slug\" is not a slug (lowercase a-z, digits, single hyphens)",
            "a change of 2020-01-15 is dated before this text was published (2020-02-01)",
        ]
    );
}

#[test]
fn an_old_address_may_not_be_another_statements_address() {
    let found = errors("formerly-clash");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("formerly-clash/2020-01-01-x/en.md: formerly: \"2020-01-02-y\" is already the address of formerly-clash/2020-01-02-y"),
        "{found:?}"
    );
}

#[test]
fn a_context_is_one_of_the_defined_ones_given_by_the_source_file() {
    let statements = load(&fixtures("valid-record")).unwrap();
    let context = statements[0].record.context.as_ref().unwrap();
    assert_eq!(context.id, "campaign-2019");
    assert_eq!(context.notice[Lang::Ru.index()], "Кампания 2019 года.");
    assert_eq!(
        errors("unknown-context"),
        [
            "unknown-context/2020-01-01-x/ru.md:10: context belongs to the statement, not to a translation: give it in the source-language file en.md only",
            "unknown-context/2020-01-01-x/en.md:10: unknown context \"campaign-2090\": contexts are defined in pages/contexts.toml (known: campaign-2019)",
        ]
    );
}

#[test]
fn an_invisible_control_character_is_refused_where_it_is() {
    assert_eq!(
        errors("control-character"),
        [
            "control-character/2020-01-01-valid-statement/ru.md:2: title holds an invisible control character (U+000B): delete it (it usually comes with text pasted from a word processor or a PDF; retype the words around it)",
            "control-character/2020-01-01-valid-statement/en.md:15: paragraph 2 holds an invisible control character (U+0007): delete it (it usually comes with text pasted from a word processor or a PDF; retype the words around it)",
        ]
    );
}
