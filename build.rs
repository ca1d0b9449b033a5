//! Compiles the translations (`locales/{lang}/*.ftl`) and the statements and
//! pages (`content/`, or the folder the build setting `KASIPODAQ_CONTENT_DIR`
//! names) into the app: adding a file needs no code change, and a broken
//! file stops the build with its name and the problem. The long texts, and
//! each language's messages, are compiled into the prerender only; the app
//! gets the names of their texts files (`kasipodaq_core::files::texts`),
//! which the prerender writes.

use std::{env, fs, path::Path};

use kasipodaq_build::{
    content::{self, accessibility},
    fluent::{compile, read_locales, to_rust},
};
use kasipodaq_core::files::texts;

/// The messages a page shows in each of the three languages whatever its own
/// (the language switch's names, the not-found page on an address without a
/// language): the app carries these, and fetches the rest per language.
const SHOWN_IN_EVERY_LANGUAGE: [&str; 4] =
    ["language-autonym", "not-found-title", "not-found-text", "not-found-home-link"];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The folder the site is published under (docs/deployment.md): read by
    // kasipodaq_core::urls when compiling; a malformed one stops the build here.
    println!("cargo:rerun-if-env-changed=KASIPODAQ_BASE_PATH");
    if let Ok(base) = env::var("KASIPODAQ_BASE_PATH") {
        assert!(
            kasipodaq_core::urls::is_valid_base_path(&base),
            "KASIPODAQ_BASE_PATH={base:?}: give the folder the site is published under as /name (or /a/b), \
             lowercase letters, digits, '-', '_' and '.', no '/' at the end; leave it unset at the top of a host"
        );
    }
    println!("cargo:rerun-if-changed=locales");
    let sources = read_locales(root).unwrap_or_else(|e| panic!("locales/: {e}"));
    for (_, path) in &sources {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let sources: Vec<_> = sources.into_iter().map(|(source, _)| source).collect();
    let catalog = compile(&sources).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("the translations have {} problem(s):\n{}", list.len(), list.join("\n"))
    });
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = |name: &str, text: String| fs::write(Path::new(&out_dir).join(name), text).expect("OUT_DIR is writable");
    // The prerender has every message; the app leaves out the accessibility
    // statement's body, which it fetches as the page's texts file.
    out("catalog.rs", to_rust(&catalog));
    // Packed (kasipodaq_core::i18n::packed): the form the app carries.
    let app_catalog = catalog.only(|id| !accessibility::is_page_text(id)).pack();
    let app_catalog = app_catalog.unwrap_or_else(|e| panic!("locales/: {e}"));
    for id in SHOWN_IN_EVERY_LANGUAGE {
        assert!(catalog.message(kasipodaq_core::Lang::En, id).is_some(), "locales/: no message {id}");
    }
    // The prerender's copy: every language.
    out("catalog_app.rs", app_catalog.to_rust());
    // The app fetches the page's language only, as a texts file
    // (`messages-kk-{hash}.json`), and carries just the few messages a page
    // shows in every language.
    out("catalog_every_language.rs", app_catalog.keep_only(|id| SHOWN_IN_EVERY_LANGUAGE.contains(&id)).to_rust());
    // One constant per message (`crate::i18n::msg`): a misspelt id does not compile.
    let count = format!(
        "/// How many messages there are.\npub const COUNT: usize = {};\n",
        app_catalog.as_packed().id_ends.len()
    );
    out("message_ids.rs", app_catalog.ids_to_rust() + &count);
    let statement = accessibility::html_in_all(&catalog).unwrap_or_else(|e| panic!("locales/*/accessibility.ftl: {e}"));
    // The pages' texts files (`kasipodaq_core::files::texts`), made once
    // here: the app gets their names, the prerender writes them as they are.
    let accessibility_json = texts::html_to_json(texts::ACCESSIBILITY_PAGE, &statement);
    let mut texts_files = format!(
        "/// The accessibility statement's texts file.\npub const ACCESSIBILITY_FILE: &str = {:?};\n",
        texts::file_name(texts::ACCESSIBILITY_PAGE, &accessibility_json)
    );
    out("accessibility.json", accessibility_json);
    let mut messages_files = Vec::new();
    for lang in kasipodaq_core::Lang::ALL {
        let json = app_catalog.language_json(lang);
        messages_files.push(texts::file_name(&format!("{}{}", texts::MESSAGES_PREFIX, lang.code()), &json));
        out(&format!("messages-{}.json", lang.code()), json);
    }
    texts_files += &format!(
        "/// Each language's messages file, in the order of `Lang::ALL`.\npub const MESSAGES_FILES: [&str; 3] = {messages_files:?};\n"
    );

    // The content folder: the repository's `content/`, or another one such as
    // a generated archive (tools/gen-archive.mjs) for tests and measurements.
    println!("cargo:rerun-if-env-changed=KASIPODAQ_CONTENT_DIR");
    let content_dir = match env::var("KASIPODAQ_CONTENT_DIR") {
        Ok(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("content"),
    };
    // Only what the app is compiled from is watched: the pages folder and
    // the statements the Platform and Union Day pages cite. A statement
    // added or changed elsewhere reaches the app through the prerender's
    // files, so it compiles nothing (issue 13: a rebuild after one more
    // statement). The staff command, the release's first stage, checks them all.
    let pages = content_dir.join(content::load::PAGES_FOLDER);
    println!("cargo:rerun-if-changed={}", pages.display());
    watch(&pages);
    let statements = content::load::load(&content_dir).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("the statements have {} problem(s):\n{}", list.len(), list.join("\n"))
    });
    // Checked here, so a broken file stops the build; the prerender reads
    // the folder again when it runs, and the app carries no statement: it
    // fetches each page's headers file and each statement's texts file
    // (kasipodaq_core::files::{headers, texts}), which the prerender writes.
    println!("cargo:rustc-env=KASIPODAQ_CONTENT_PATH={}", content_dir.display());

    // The Platform and Union Day pages: whole in the prerender, a texts file
    // for the app.
    for (page, generated, constant) in
        [("platform", "platform.rs", "PLATFORM_FILE"), ("union-day", "union_day.rs", "UNION_DAY_FILE")]
    {
        let path = content_dir.join(content::load::PAGES_FOLDER).join(format!("{page}.toml"));
        let shown = path.strip_prefix(root).unwrap_or(&path).display().to_string();
        let parsed = content::points::load(&path, &shown, &statements).unwrap_or_else(|errors| {
            let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!("{shown} has {} problem(s):\n{}", list.len(), list.join("\n"))
        });
        for slug in parsed.sections.iter().filter_map(|section| section.statement.as_deref()) {
            println!("cargo:rerun-if-changed={}", content_dir.join(slug).display());
            watch(&content_dir.join(slug));
        }
        out(generated, content::points::to_rust(&parsed));
        out(&format!("outline_{generated}"), content::points::to_rust(&content::points::outline(&parsed)));
        let json = texts::points_to_json(page, &parsed);
        let file = texts::file_name(page, &json);
        texts_files +=
            &format!("/// The texts file of `content/pages/{page}.toml`.\npub const {constant}: &str = {file:?};\n");
        out(&format!("{page}.json"), json);
    }
    // Each with its JSON, for the prerender only.
    texts_files += "/// The pages' texts files and their JSON, as the prerender writes them.\n\
        #[cfg(feature = \"ssr\")]\n\
        pub const PAGE_TEXTS: [(&str, &str); 6] = [\n\
        (PLATFORM_FILE, include_str!(concat!(env!(\"OUT_DIR\"), \"/platform.json\"))),\n\
        (UNION_DAY_FILE, include_str!(concat!(env!(\"OUT_DIR\"), \"/union-day.json\"))),\n\
        (ACCESSIBILITY_FILE, include_str!(concat!(env!(\"OUT_DIR\"), \"/accessibility.json\"))),\n\
        (MESSAGES_FILES[0], include_str!(concat!(env!(\"OUT_DIR\"), \"/messages-kk.json\"))),\n\
        (MESSAGES_FILES[1], include_str!(concat!(env!(\"OUT_DIR\"), \"/messages-ru.json\"))),\n\
        (MESSAGES_FILES[2], include_str!(concat!(env!(\"OUT_DIR\"), \"/messages-en.json\"))),\n];\n";
    out("texts_files.rs", texts_files);

    // The open data's terms of reuse, where the federation states them.
    let terms = content_dir.join(content::load::PAGES_FOLDER).join("open-data.toml");
    if let Ok(text) = fs::read_to_string(&terms) {
        if let Err(problem) = kasipodaq_build::site::open_data::Terms::parse(&text) {
            panic!("{}: {problem}", terms.strip_prefix(root).unwrap_or(&terms).display());
        }
    }
}

/// Rebuild when any file under `dir` changes (cargo watches folders only
/// for entries added or removed).
fn watch(dir: &Path) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            watch(&path);
        }
    }
}
