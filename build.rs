//! Compiles every `locales/{lang}/*.ftl` file into the app: adding a file
//! needs no code change, a language switch needs no request, and a broken
//! translation stops the build with its file, line and problem.

use std::{env, fs, path::Path};

use kasipodaq_core::i18n::compile::{compile, read_locales, to_rust};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
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
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.rs");
    fs::write(out, to_rust(&catalog)).expect("OUT_DIR is writable");
}
