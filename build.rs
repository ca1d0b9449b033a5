//! Bundles every `locales/{lang}/*.ftl` file into the app, so adding a file
//! needs no code change and a language switch needs no network request.

use std::{env, fs, path::Path};

const LANGS: [(&str, &str); 3] = [("kk", "Kk"), ("ru", "Ru"), ("en", "En")];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=locales");
    let mut out = String::from("pub const LOCALE_SOURCES: &[kasipodaq_core::i18n::LocaleSource<'static>] = &[\n");
    for (code, variant) in LANGS {
        let dir = root.join("locales").join(code);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("readable locales folder").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{}: no .ftl files", dir.display());
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let name = file.strip_prefix(root).unwrap_or(&file).display().to_string();
            out.push_str(&format!(
                "    kasipodaq_core::i18n::LocaleSource {{ lang: kasipodaq_core::Lang::{variant}, file: {name:?}, text: include_str!({path:?}) }},\n",
                path = file.display().to_string(),
            ));
        }
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("locales.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
