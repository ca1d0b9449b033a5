//! The Platform and Union Day page files: one test per rule on the fixtures
//! under `tests/fixtures/pages/`, and the real files.

use std::path::{Path, PathBuf};

use kasipodaq_build::content::{load, points};
use kasipodaq_core::{content::in_lang, Lang};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn errors(case: &str) -> Vec<String> {
    let statements = load::load(&root().join("tests/fixtures/content/valid")).unwrap();
    let path = root().join(format!("tests/fixtures/pages/{case}.toml"));
    match points::load(&path, case, &statements) {
        Ok(_) => panic!("{case} loaded"),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn a_valid_page_loads() {
    let statements = load::load(&root().join("tests/fixtures/content/valid")).unwrap();
    let page = points::load(&root().join("tests/fixtures/pages/valid.toml"), "valid", &statements).unwrap();
    let section = &page.sections[0];
    assert_eq!(in_lang(&section.title, Lang::Kk), "Бірінші");
    assert_eq!(section.original, Some((Lang::Ru, "«Первый»".into())));
    assert_eq!(section.points[0].paragraph, Some(2));
    assert_eq!(in_lang(section.points[1].source.as_ref().unwrap(), Lang::En), "kasipodaq.kz");
}

#[test]
fn point_text_is_escaped_and_language_marks_become_spans() {
    let statements = load::load(&root().join("tests/fixtures/content/valid")).unwrap();
    let page = points::load(&root().join("tests/fixtures/pages/valid.toml"), "valid", &statements).unwrap();
    let point = &page.sections[0].points[1];
    assert_eq!(in_lang(&point.text, Lang::En), "A &lt;b&gt;fact&lt;/b&gt; &amp; <span lang=\"kk\">«Үздік»</span>");
    assert_eq!(in_lang(&point.text, Lang::Ru), "Знак <span lang=\"kk\">«Үздік»</span>");
}

#[test]
fn a_paragraph_must_exist() {
    assert_eq!(
        errors("paragraph-out-of-range"),
        ["paragraph-out-of-range: section 1 (first), point 1: 2020-01-01-valid-statement has paragraphs 1 to 2, not 3"]
    );
}

#[test]
fn a_statement_must_exist() {
    let found = errors("unknown-statement");
    assert_eq!(found[0], "unknown-statement: section 1 (first): no statement \"2020-01-01-no-such-statement\"");
}

#[test]
fn a_point_has_a_paragraph_or_a_source_not_both() {
    assert_eq!(
        errors("paragraph-and-source"),
        ["paragraph-and-source: section 1 (first), point 1: give a paragraph or a source, not both"]
    );
}

#[test]
fn every_language_is_required() {
    let found = errors("missing-language");
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("missing field `kk`"), "{found:?}");
    assert_eq!(errors("empty-text"), ["empty-text: section 1 (first), point 1: text: the en text is empty"]);
}

#[test]
fn the_real_pages_load() {
    let statements = load::load(&root().join("content")).unwrap();
    for page in ["platform", "union-day"] {
        let path = root().join(format!("content/pages/{page}.toml"));
        if let Err(errors) = points::load(&path, page, &statements) {
            panic!("{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"));
        }
    }
}

#[test]
fn the_outline_keeps_each_section_id_statement_and_title_and_nothing_else() {
    let statements = load::load(&root().join("tests/fixtures/content/valid")).unwrap();
    let page = points::load(&root().join("tests/fixtures/pages/valid.toml"), "valid", &statements).unwrap();
    let outline = points::outline(&page);
    assert_eq!(outline.sections.len(), page.sections.len());
    for (brief, full) in outline.sections.iter().zip(page.sections.iter()) {
        assert_eq!((&brief.id, &brief.statement, &brief.title), (&full.id, &full.statement, &full.title));
        // the statement's title too: the app that carries the outline carries no statement
        assert!(brief.points.is_empty() && brief.intro.is_none() && brief.original.is_none());
        assert!(brief.statement_title.is_none());
    }
    assert!(
        page.sections.iter().any(|s| !s.points.is_empty() && s.original.is_some() && s.statement_title.is_some()),
        "the fixture has what is dropped"
    );
}

#[test]
fn the_real_pages_travel_whole_in_their_texts_files() {
    let statements = load::load(&root().join("content")).unwrap();
    for name in ["platform", "union-day"] {
        let shown = format!("content/pages/{name}.toml");
        let page = points::load(&root().join(&shown), &shown, &statements).unwrap();
        let json = kasipodaq_core::files::texts::points_to_json(name, &page);
        let value = serde_json::from_str(&json).unwrap();
        assert_eq!(kasipodaq_core::files::texts::read_points(&value, name), Ok(page), "{name}");
    }
}
