//! Compiles the translations (`locales/{lang}/*.ftl`) and the statements
//! (`content/`) into the app: adding a file needs no code change, showing a
//! statement or switching language needs no request, and a broken file stops
//! the build with its name and the problem.

use std::{env, fs, path::Path};

use kasipodaq_core::{
    content,
    i18n::compile::{compile, read_locales, to_rust},
};

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
    fs::write(Path::new(&out_dir).join("catalog.rs"), to_rust(&catalog)).expect("OUT_DIR is writable");

    println!("cargo:rerun-if-changed=content");
    let content_dir = root.join("content");
    watch(&content_dir);
    let statements = content::load::load(&content_dir).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("the statements have {} problem(s):\n{}", list.len(), list.join("\n"))
    });
    // The prerender renders every paragraph; the app carries none and
    // fetches each statement's texts file (kasipodaq_core::content::texts).
    fs::write(Path::new(&out_dir).join("statements.rs"), content::load::to_rust(&statements, true))
        .expect("OUT_DIR is writable");
    fs::write(Path::new(&out_dir).join("statement_headers.rs"), content::load::to_rust(&statements, false))
        .expect("OUT_DIR is writable");
    let search_file = content::texts::file_name("search", &content::texts::search_json(&statements));
    fs::write(Path::new(&out_dir).join("search_file.rs"), format!("{search_file:?}")).expect("OUT_DIR is writable");

    for (page, generated) in [("platform", "platform.rs"), ("union-day", "union_day.rs")] {
        let shown = format!("content/pages/{page}.toml");
        let parsed = content::points::load(&root.join(&shown), &shown, &statements).unwrap_or_else(|errors| {
            let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!("{shown} has {} problem(s):\n{}", list.len(), list.join("\n"))
        });
        fs::write(Path::new(&out_dir).join(generated), content::points::to_rust(&parsed)).expect("OUT_DIR is writable");
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
