//! The service worker that keeps the site readable offline. It precaches only
//! what every visit needs (the app's code, the stylesheet, the icons,
//! `404.html` and the three home pages with their headers file), so `sw.js` is the same size however
//! many statements the archive holds, and keeps what the reader opens, within
//! bounds. Its name for its caches is a hash of the precached files, so a new
//! release is a new worker, which replaces the old caches once no tab of the
//! old release is left.

use super::head::json_string;
use kasipodaq_core::{
    files::{
        headers::HEADERS_FOLDER,
        texts::{MESSAGES_PREFIX, TEXTS_FOLDER},
    },
    urls::{site_path, SERVICE_WORKER_PATH},
    Lang,
};

/// The most pages and texts files the worker keeps of what the reader opened,
/// and their most bytes together: the oldest go first.
pub const KEPT_ENTRIES: usize = 300;
pub const KEPT_BYTES: usize = 5 * 1024 * 1024;

/// How long a page may keep the reader waiting before the worker shows the
/// copy it keeps (if any) while the network's answer still comes in.
pub const SLOW_PAGE: std::time::Duration = std::time::Duration::from_secs(3);

/// The link-preview image: other sites fetch it, the pages never load it.
const PREVIEW_IMAGE: &str = "og-image.png";

/// The home pages' headers file in the build folder.
const HOME_HEADERS: &str = "texts/headers/home.json";

/// What the worker precaches, as paths inside the build folder (`dist/`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Precache {
    /// The app's code, messages and stylesheet (Trunk's `.wasm` and `.js`,
    /// the messages files, the `.css`): precached even when the reader asks
    /// to save data.
    pub code: Vec<String>,
    /// The icons the pages load, `404.html`, the home pages and their
    /// headers file (the latest statements, `texts/headers/home.json`).
    pub extra: Vec<String>,
}

/// Chooses from `files` (every file of the build folder, relative to it, `/`
/// separated) what the worker precaches: only files whose number does not
/// grow with the archive, all at the top of the folder but the home pages.
pub fn precache(files: &[String]) -> Precache {
    let homes: Vec<String> = Lang::ALL.iter().map(|lang| format!("{}/index.html", lang.code())).collect();
    let mut chosen = Precache::default();
    for file in files {
        let extension = file.rsplit_once('.').map_or("", |(_, extension)| extension);
        let top = !file.contains('/');
        // The app's messages are code too: it takes no page over without
        // the page's language's (kasipodaq_core::files::texts::MESSAGES_PREFIX).
        let messages = file
            .strip_prefix(TEXTS_FOLDER.trim_start_matches('/'))
            .is_some_and(|name| name.starts_with(MESSAGES_PREFIX));
        if (top && file != SERVICE_WORKER_PATH.trim_start_matches('/') && matches!(extension, "wasm" | "js" | "css"))
            || messages
        {
            chosen.code.push(file.clone());
        } else if (top && matches!(extension, "svg" | "png" | "ico" | "webp") && file != PREVIEW_IMAGE)
            || file == "404.html"
            || homes.contains(file)
            || file == HOME_HEADERS
        {
            chosen.extra.push(file.clone());
        }
    }
    chosen.code.sort();
    chosen.extra.sort();
    chosen
}

/// The worker for a build folder: `files` are its files (relative, as for
/// [`precache`]) and `read` gives a file's bytes. Its version is a hash of
/// the precached files' names and contents, so files it does not precache
/// (statement pages, texts files) change nothing in it.
pub fn offline_worker(
    files: &[String],
    mut read: impl FnMut(&str) -> Result<Vec<u8>, String>,
) -> Result<String, String> {
    let Precache { code, extra } = precache(files);
    let mut contents = Vec::new();
    for file in code.iter().chain(&extra) {
        contents.extend_from_slice(file.as_bytes());
        contents.extend_from_slice(&read(file)?);
    }
    let version =
        super::sha256_base64(&contents).chars().filter(char::is_ascii_alphanumeric).take(16).collect::<String>();
    // A page is fetched at its folder's address, the one readers use.
    let served = |file: &String| {
        site_path(&match file.strip_suffix("index.html") {
            Some(folder) => format!("/{folder}"),
            None => format!("/{file}"),
        })
    };
    let code: Vec<String> = code.iter().map(served).collect();
    let extra: Vec<String> = extra.iter().map(served).collect();
    Ok(service_worker(&code, &extra, &version, &site_path("/404.html")))
}

/// The worker's script. `code` and `extra` are the site paths it precaches
/// (`/main-ab12.css`, `/en/`; `extra` not when the reader asks to save
/// data); `not_found` is the path of `404.html`; `version` names its caches
/// (e.g. a hash of the files' contents), so a new release installs beside
/// the old one and takes over every tab once active; the old caches stay
/// until every tab open at that moment is closed or reloaded, and answer
/// those tabs' files.
///
/// Pages (navigations) and their headers files come from the network first,
/// so a new release shows at once, and from the cache offline, on a server
/// error, or when the network is silent for [`SLOW_PAGE`] (an unknown path
/// gets `404.html` offline). Precached files and texts files come from the
/// cache first: their names change with their content. Pages and texts files the reader opens are
/// kept (successful same-origin answers only, at most [`KEPT_ENTRIES`] and
/// [`KEPT_BYTES`], the oldest out), unless the reader asks to save data.
/// Anything else, the contacts file and other servers included, is left to
/// the browser: the app keeps its own copy of the contacts.
pub fn service_worker(code: &[String], extra: &[String], version: &str, not_found: &str) -> String {
    let list = |files: &[String]| files.iter().map(|file| json_string(file)).collect::<Vec<_>>().join(",\n  ");
    let constants = format!(
        r#"// Generated by the build (kasipodaq_build::site::service_worker): do not edit.
// The release's constants, then the worker (kasipodaq-build/src/site/offline-worker.js).
const CACHE = {cache};
const KEPT = {kept};
const CODE = [
  {code}
];
const EXTRA = [
  {extra}
];
const NOT_FOUND = {not_found};
const TEXTS = {texts};
const HEADERS = {headers};
const KEPT_ENTRIES = {kept_entries};
const KEPT_BYTES = {kept_bytes};
const SLOW_PAGE_MS = {slow_page_ms};
const ROOT = {root};
"#,
        cache = json_string(&format!("kasipodaq-{version}")),
        kept = json_string(&format!("kasipodaq-{version}-kept")),
        code = list(code),
        extra = list(extra),
        not_found = json_string(not_found),
        texts = json_string(&site_path(TEXTS_FOLDER)),
        headers = json_string(&site_path(&format!("{TEXTS_FOLDER}{HEADERS_FOLDER}"))),
        kept_entries = KEPT_ENTRIES,
        kept_bytes = KEPT_BYTES,
        slow_page_ms = SLOW_PAGE.as_millis(),
        root = json_string(&site_path("/")),
    );
    format!("{constants}\n{WORKER}")
}

/// The worker's code, which reads the constants [`service_worker`] writes
/// before it.
const WORKER: &str = include_str!("offline-worker.js");

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    /// A build folder's files with `statements` statement pages and texts files.
    fn dist(statements: usize) -> Vec<String> {
        let mut files = strings(&[
            "index.html",
            "404.html",
            "kasipodaq-portal-ab12_bg.wasm",
            "kasipodaq-portal-ab12.js",
            "main-cd34.css",
            "favicon-ef56.svg",
            "og-image.png",
            "sw.js",
            "robots.txt",
            "sitemap.xml",
            "sitemap-1.xml",
            "contacts.json",
            "texts/search-0011.json",
            "texts/platform-0022.json",
            "texts/headers/home.json",
        ]);
        for lang in ["kk", "ru", "en"] {
            for page in ["", "statements/", "platform/", "union-day/", "contacts/", "accessibility/"] {
                files.push(format!("{lang}/{page}index.html"));
            }
            files.push(format!("{lang}/feed.xml"));
            for n in 0..statements {
                files.push(format!("{lang}/statements/2019-05-{n}-statement/index.html"));
                files.push(format!("{lang}/statements/page/{n}/index.html"));
            }
        }
        for lang in ["kk", "ru", "en"] {
            files.push(format!("texts/messages-{lang}-0123.json"));
        }
        for n in 0..statements {
            files.push(format!("texts/2019-05-{n}-statement-0123.json"));
            files.push(format!("texts/headers/statement-2019-05-{n}-statement.json"));
            files.push(format!("texts/headers/archive-all-all-{n}.json"));
        }
        files
    }

    /// Every file's bytes are its name (so a changed name is a changed file).
    fn read(file: &str) -> Result<Vec<u8>, String> {
        Ok(format!("contents of {file}").into_bytes())
    }

    #[test]
    fn only_the_code_the_icons_the_not_found_page_and_the_home_pages_are_precached() {
        let chosen = precache(&dist(5));
        assert_eq!(
            chosen.code,
            [
                "kasipodaq-portal-ab12.js",
                "kasipodaq-portal-ab12_bg.wasm",
                "main-cd34.css",
                "texts/messages-en-0123.json",
                "texts/messages-kk-0123.json",
                "texts/messages-ru-0123.json"
            ]
        );
        assert_eq!(
            chosen.extra,
            [
                "404.html",
                "en/index.html",
                "favicon-ef56.svg",
                "kk/index.html",
                "ru/index.html",
                "texts/headers/home.json"
            ]
        );
    }

    #[test]
    fn the_worker_is_the_same_for_any_number_of_statements() {
        let small = offline_worker(&dist(5), read).unwrap();
        let large = offline_worker(&dist(10_000), read).unwrap();
        assert_eq!(small, large, "only files the worker does not precache differ");
        assert!(!small.contains("/statements/") && !small.contains("/texts/2019"), "{small}");
        assert!(
            small.contains(
                "const EXTRA = [\n  \"/404.html\",\n  \"/en/\",\n  \"/favicon-ef56.svg\",\n  \"/kk/\",\n  \"/ru/\",\n  \"/texts/headers/home.json\"\n];"
            ),
            "{small}"
        );
        assert!(small.contains("const TEXTS = \"/texts/\";"), "{small}");
    }

    #[test]
    fn a_changed_precached_file_is_a_new_version() {
        let before = offline_worker(&dist(5), read).unwrap();
        let changed = offline_worker(&dist(5), |file| {
            let mut bytes = read(file)?;
            if file == "main-cd34.css" {
                bytes.push(b'!');
            }
            Ok(bytes)
        })
        .unwrap();
        assert_ne!(before, changed);
        let unread = offline_worker(&dist(5), |file| {
            let home = file.starts_with(HOME_HEADERS) || file.starts_with("texts/messages-");
            assert!(home || (!file.starts_with("texts/") && !file.contains("/statements/")), "{file} is read");
            read(file)
        });
        assert_eq!(unread.unwrap(), before);
    }

    #[test]
    fn the_worker_names_its_caches_by_version_and_keeps_within_bounds() {
        let code = strings(&["/main-ab12.css"]);
        let extra = strings(&["/en/"]);
        let script = service_worker(&code, &extra, "3f2a", "/404.html");
        assert!(script.contains("const CACHE = \"kasipodaq-3f2a\";"), "{script}");
        assert!(script.contains("const KEPT = \"kasipodaq-3f2a-kept\";"), "{script}");
        assert!(script.contains("const CODE = [\n  \"/main-ab12.css\"\n];"), "{script}");
        assert!(script.contains("const EXTRA = [\n  \"/en/\"\n];"), "{script}");
        assert!(script.contains("const KEPT_ENTRIES = 300;"), "{script}");
        assert!(script.contains("const KEPT_BYTES = 5242880;"), "{script}");
        assert!(script.contains("saveData() ? CODE : FILES"), "{script}");
        assert!(script.contains("const SLOW_PAGE_MS = 3000;"), "{script}");
        assert!(script.contains("const ROOT = \"/\";"), "{script}");
        assert_ne!(script, service_worker(&code, &extra, "3f2b", "/404.html"), "a new version is a new worker");
    }

    #[test]
    fn file_names_cannot_break_out_of_their_strings() {
        let script = service_worker(&["/a\"b\\c</script>\n".to_owned()], &[], "1", "/404.html");
        assert!(script.contains(r#""/a\"b\\c\u003c/script\u003e\n""#), "{script}");
    }
}
