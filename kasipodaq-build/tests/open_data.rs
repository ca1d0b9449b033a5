//! The open data (kasipodaq_build::site::open_data) and the pages at a
//! statement's former address (kasipodaq_build::site::redirect_page).

mod common;

use kasipodaq_build::site::{
    open_data::{index_files, index_path, statement_json, statement_path, Terms},
    redirect_page, sha256_base64, Site,
};
use kasipodaq_core::{
    calendar::Date,
    content::{Change, ChangeKind, Original, Record, Statement},
    urls::Page,
    Lang,
};
use serde_json::Value;

fn site() -> Site {
    Site::new("https://kasipodaq.kz").unwrap()
}

fn day(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn with_record() -> Statement {
    let mut statement = common::statement("2019-10-14-almaty", Some(day("2019-10-14")), "Almaty");
    for version in &mut statement.versions {
        version.paragraphs = vec!["<p>A &amp; <em>B</em>\nC</p>".into(), "<p>Second.</p>".into()].into();
    }
    statement.record = Record {
        published: Some(day("2026-11-23")),
        original: Some(Original { url: "https://kasipodaq.kz/2019/10/14/post/".into(), date: Some(day("2019-10-14")) }),
        dated_by_publication: true,
        formerly: vec!["2019-10-10-almaty".into()],
        changes: vec![Change { date: day("2026-12-04"), lang: Lang::Kk, what: ChangeKind::TranslationCorrected }],
        context: Some(kasipodaq_core::content::Context {
            id: "campaign-2019".into(),
            notice: ["Науқан".into(), "Кампания".into(), "Campaign".into()],
        }),
    };
    statement
}

#[test]
fn a_statement_is_all_its_versions_with_provenance_and_history() {
    let json: Value = serde_json::from_str(&statement_json(&site(), &with_record(), &Terms::default())).unwrap();
    assert_eq!(statement_path("2019-10-14-almaty"), "/data/statements/2019-10-14-almaty.json");
    assert_eq!(json["$schema"], "https://kasipodaq.kz/statement.schema.json");
    assert_eq!(json["format_version"], 1);
    assert_eq!(json["slug"], "2019-10-14-almaty");
    assert_eq!(json["kind"], "letter");
    assert_eq!(json["date"], "2019-10-14");
    assert_eq!(json["source_language"], "ru");
    assert_eq!(json["pages"]["kk"], "https://kasipodaq.kz/kk/statements/2019-10-14-almaty/");
    assert_eq!(json["record"]["published"], "2026-11-23");
    assert_eq!(json["record"]["original"]["url"], "https://kasipodaq.kz/2019/10/14/post/");
    assert_eq!(json["record"]["original"]["date"], "2019-10-14");
    assert_eq!(json["record"]["dated_by_publication"], true);
    assert_eq!(json["record"]["formerly"][0], "2019-10-10-almaty");
    assert_eq!(
        json["record"]["changes"][0],
        serde_json::json!({"date": "2026-12-04", "lang": "kk", "what": "translation-corrected"})
    );
    assert_eq!(json["updated"], "2026-12-04");
    assert_eq!(json["record"]["context"]["id"], "campaign-2019");
    assert_eq!(json["record"]["context"]["notice"]["kk"], "Науқан");
    // Every version, each translation marked as the portal's.
    assert_eq!(json["versions"]["ru"]["translation"], false);
    assert_eq!(json["versions"]["ru"]["translated_by"], Value::Null);
    assert_eq!(json["versions"]["en"]["translated_by"], "portal");
    assert_eq!(json["versions"]["en"]["translated_from"], "ru");
    assert_eq!(json["versions"]["en"]["title"], "Almaty (en)");
    let first = &json["versions"]["kk"]["paragraphs"][0];
    assert_eq!(first["n"], 1);
    assert_eq!(first["html"], "<p>A &amp; <em>B</em>\nC</p>");
    assert_eq!(first["text"], "A & B C");
    assert_eq!(json["versions"]["kk"]["paragraphs"].as_array().unwrap().len(), 2);
    assert_eq!(json["terms_of_reuse"], Value::Null, "none is invented");
}

#[test]
fn the_index_is_paged_and_linked() {
    let statements: Vec<Statement> =
        (0..5).map(|i| common::statement(&format!("s-{i}"), Some(day("2020-01-01")), &format!("T{i}"))).collect();
    let files = index_files(&site(), &statements, &Terms::default(), 2);
    let paths: Vec<&str> = files.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(
        paths,
        ["/data/statements/index.json", "/data/statements/index-2.json", "/data/statements/index-3.json"]
    );
    assert_eq!(index_path(1), "/data/statements/index.json");
    let page = |n: usize| serde_json::from_str::<Value>(&files[n - 1].1).unwrap();
    let (first, second, last) = (page(1), page(2), page(3));
    assert_eq!(first["count"], 5);
    assert_eq!(first["pages"], 3);
    assert_eq!(first["previous"], Value::Null);
    assert_eq!(first["next"], "https://kasipodaq.kz/data/statements/index-2.json");
    assert_eq!(second["previous"], "https://kasipodaq.kz/data/statements/index.json");
    assert_eq!(last["next"], Value::Null);
    assert_eq!(last["statements"].as_array().unwrap().len(), 1);
    let entry = &second["statements"][0];
    assert_eq!(entry["slug"], "s-2");
    assert_eq!(entry["title"]["ru"], "T2 (ru)");
    assert_eq!(entry["data"], "https://kasipodaq.kz/data/statements/s-2.json");
    assert_eq!(entry["pages"]["en"], "https://kasipodaq.kz/en/statements/s-2/");
    // The build's files hold at most 500 each.
    assert_eq!(kasipodaq_build::site::open_data::INDEX_PAGE_SIZE, 500);
    assert_eq!(index_files(&site(), &[], &Terms::default(), 500).len(), 1, "an empty archive still has its index");
}

#[test]
fn terms_of_reuse_are_what_the_federation_states_or_nothing() {
    assert_eq!(Terms::parse("").unwrap(), Terms::default());
    let stated =
        Terms::parse("url = \"https://kasipodaq.kz/terms/\"\n[text]\nkk = \"Қ\"\nru = \"Р\"\nen = \"E\"\n").unwrap();
    let json: Value = serde_json::from_str(&statement_json(&site(), &with_record(), &stated)).unwrap();
    assert_eq!(
        json["terms_of_reuse"],
        serde_json::json!({"text": {"kk": "Қ", "ru": "Р", "en": "E"}, "url": "https://kasipodaq.kz/terms/"})
    );
    assert_eq!(
        Terms::parse("[text]\nkk = \"Қ\"\nru = \"\"\nen = \"E\"\n").unwrap_err(),
        "text: give the terms in kk, ru and en, or in none"
    );
    assert_eq!(Terms::parse("url = \"javascript:x\"\n").unwrap_err(), "url \"javascript:x\": use an https:// address");
    assert!(Terms::parse("licence = \"CC\"\n").unwrap_err().contains("unknown field"));
}

#[test]
fn a_former_address_sends_readers_on_with_their_paragraph() {
    let to = Page::Statement("2019-10-14-almaty".into());
    let html = redirect_page(&site(), Lang::Ru, &to, "День <профсоюзов>", "Заявление переехало:");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ru\">"));
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(html.contains("<link rel=\"canonical\" href=\"https://kasipodaq.kz/ru/statements/2019-10-14-almaty/\">"));
    let script = "location.replace(\"/ru/statements/2019-10-14-almaty/\"+location.hash)";
    assert!(html.contains(&format!("<script>{script}</script>")));
    // The page's own policy allows exactly that script.
    assert!(html.contains(&format!("script-src &#39;sha256-{}&#39;", sha256_base64(script.as_bytes()))));
    assert!(html.contains(
        "<noscript><meta http-equiv=\"refresh\" content=\"0; url=/ru/statements/2019-10-14-almaty/\"></noscript>"
    ));
    assert!(html.contains(
        "<p>Заявление переехало: <a href=\"/ru/statements/2019-10-14-almaty/\">День &lt;профсоюзов&gt;</a></p>"
    ));
}

/// Every field a schema requires is in what the build writes (the schemas
/// in `public/` describe these files to other sites).
#[test]
fn the_files_have_every_field_their_schemas_require() {
    let schema = |name: &str| -> Value {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public").join(name);
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let required = |schema: &Value| -> Vec<String> {
        schema["required"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().to_owned()).collect()
    };
    let statement_schema = schema("statement.schema.json");
    let json: Value = serde_json::from_str(&statement_json(&site(), &with_record(), &Terms::default())).unwrap();
    for key in required(&statement_schema) {
        assert!(json.get(&key).is_some(), "statement: {key}");
    }
    for key in required(&statement_schema["properties"]["record"]) {
        assert!(json["record"].get(&key).is_some(), "record: {key}");
    }
    for key in required(&statement_schema["$defs"]["version"]) {
        assert!(json["versions"]["kk"].get(&key).is_some(), "version: {key}");
    }
    let index_schema = schema("statements-index.schema.json");
    let (_, index) = &index_files(&site(), &[with_record()], &Terms::default(), 500)[0];
    let index: Value = serde_json::from_str(index).unwrap();
    for key in required(&index_schema) {
        assert!(index.get(&key).is_some(), "index: {key}");
    }
    for key in required(&index_schema["properties"]["statements"]["items"]) {
        assert!(index["statements"][0].get(&key).is_some(), "index entry: {key}");
    }
}
