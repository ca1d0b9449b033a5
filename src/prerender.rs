//! The static site around the app (issue 5): every page in every language
//! rendered to its own `index.html` by the same components, content and
//! translations the browser runs, plus `404.html`, the sitemap, `robots.txt`
//! and an Atom feed per language. Runs on the build machine after Trunk
//! (`src/bin/prerender.rs`, called by `tools/build-release.sh`).
//!
//! What only makes sense when read (how long ago the contacts were updated,
//! days until Trade Union Day, the visitor's saved copy of the contacts) is
//! left to the app, which takes the page over when it starts.

use std::{
    collections::{HashMap, HashSet},
    fs,
    path::{Path, PathBuf},
    sync::Mutex,
};

use futures::{executor::block_on, stream, StreamExt};
use kasipodaq_build::{
    content::points,
    site::{self, feed_path, open_data, ContactsEndpoint, FeedTexts, PageHead, Site, APP_TEMPLATE},
};
use kasipodaq_core::{
    files::{headers, texts},
    urls::{site_path, Page, BASE_PATH},
    Lang,
};
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;

use crate::i18n::msg;
use crate::{
    app::App,
    browser,
    content::{headers_file_of, report, texts_file_of, ALL_HEADERS, PAGE_TEXTS, PLATFORM, STATEMENTS, UNION_DAY},
    i18n::{catalog, message},
};

/// The link-preview image (`public/og-image.png`, copied by Trunk).
const PREVIEW_IMAGE: &str = "/og-image.png";

/// Writes the site into `dist` (Trunk's output, whose `index.html` is the
/// template), its pages reading the contacts from `contacts`; returns the
/// files written, relative to `dist`.
pub fn prerender(dist: &Path, site: &Site, contacts: &ContactsEndpoint) -> Result<Vec<PathBuf>, String> {
    let template_path = dist.join("index.html");
    let trunk_page = fs::read_to_string(&template_path).map_err(|e| format!("{}: {e}", template_path.display()))?;
    let template = Template::new(&trunk_page, contacts)?;
    browser::set_site_origin(site.origin());

    let written = std::cell::RefCell::new(Vec::new());
    let write = |served: String, text: String| -> Result<(), String> {
        let relative = relative_path(&served);
        write_file(&dist.join(&relative), &text)?;
        written.borrow_mut().push(relative);
        Ok(())
    };

    // The texts files the app fetches (kasipodaq_core::files::texts):
    // each statement's paragraphs, the Platform
    // and Union Day pages and the accessibility statement's body. The names
    // the app was compiled with must be the names of what is written here.
    // The app refuses a texts or headers file over its cap: the build stops instead.
    let within_cap = |file: &str, json: &str| -> Result<(), String> {
        if json.len() > texts::MAX_BYTES {
            return Err(format!(
                "{file}: {} KB, over the {} KB the app reads",
                json.len() / 1024,
                texts::MAX_BYTES / 1024
            ));
        }
        Ok(())
    };
    let write_texts = |file: &str, json: String| -> Result<(), String> {
        if texts::check(file, &json).is_err() {
            return Err(format!("the app expects another texts file than {file}; rebuild it"));
        }
        within_cap(file, &json)?;
        write(texts::path(file), json)
    };
    // What the press office is told: what waits for its moment, and which
    // translations are behind their source (tools/staff.sh status).
    let report = report();
    for scheduled in &report.scheduled {
        println!("prerender: {} is scheduled for {}: left out of this build", scheduled.slug, scheduled.written);
    }
    for stale in &report.stale {
        println!("prerender: {} is behind its source, changed on {}", stale.path, stale.since);
    }
    for (page, name) in [(&PLATFORM, "pages/platform.toml"), (&UNION_DAY, "pages/union-day.toml")] {
        if let Some(problem) = points::check_published(page.page, name, &report.scheduled).first() {
            return Err(problem.to_string());
        }
    }
    for statement in STATEMENTS.iter() {
        write_texts(&statement.text_file, texts::to_json(statement))?;
    }
    // The Platform, Union Day and accessibility texts, as build.rs made them.
    for (file, json) in PAGE_TEXTS {
        write_texts(file, json.to_owned())?;
    }
    // The headers files (kasipodaq_core::files::headers): what the home
    // page, each archive page and each statement show of the archive.
    let headers_json: HashMap<String, String> =
        ALL_HEADERS.values().map(|(key, h)| (key.file_name(), headers::to_json(key, h))).collect();
    for (file, json) in &headers_json {
        within_cap(file, json)?;
        write(texts::path(file), json.clone())?;
    }

    // The open data: each statement at its own lasting address, and the
    // index of them.
    let terms = open_data_terms()?;
    for statement in STATEMENTS.iter() {
        write(open_data::statement_path(&statement.slug), open_data::statement_json(site, statement, &terms))?;
    }
    for (path, json) in open_data::index_files(site, &STATEMENTS, &terms, open_data::INDEX_PAGE_SIZE) {
        write(path, json)?;
    }

    let pages = site::pages(&STATEMENTS);
    // Each page is made once per set of inputs: a page whose inputs are the
    // last build's is copied from `target/prerender/` instead of rendered
    // (`PageCache`), and the rest are rendered on every core.
    let cache = PageCache::open(dist, &[&template.html, site.origin(), &contacts.url])?;
    let jobs: Vec<(Lang, &Page)> =
        Lang::ALL.iter().flat_map(|&lang| pages.iter().map(move |page| (lang, page))).collect();
    let make = |lang: Lang, page: &Page| -> Result<PathBuf, String> {
        let path = page.path(lang);
        let statement = match page {
            Page::Statement(slug) => STATEMENTS.iter().find(|s| s.slug == *slug),
            _ => None,
        };
        let headers_file = headers_file_of(page);
        // What the page is made of besides the program and the template:
        // its address, what it shows of the archive, its statement whole.
        let inputs = [
            lang.code(),
            &path,
            headers_file.as_ref().and_then(|file| headers_json.get(file)).map_or("", String::as_str),
            &statement.map(|s| format!("{s:?}")).unwrap_or_default(),
        ];
        let relative = relative_path(&path);
        if cache.copy(&inputs, &dist.join(&relative))? {
            return Ok(relative);
        }
        let preloads = site::app_preloads(headers_file.as_deref(), texts_file_of(page));
        let html = template.page(&path, &preloads, |title, description| {
            // A link preview of a translation says whose translation it is,
            // and names the statement's context where it fits.
            let description = match statement {
                Some(s) => preview_description(description, s, lang),
                None => description.to_owned(),
            };
            let head = PageHead {
                lang,
                page,
                title,
                description: &description,
                site_name: &message(lang, msg::SITE_NAME),
                image_path: &site_path(PREVIEW_IMAGE),
                image_alt: &message(lang, msg::PREVIEW_IMAGE_ALT),
                statement,
            };
            let feed = format!(
                "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{}\" title=\"{}\">\n",
                feed_path(lang),
                site::escape(&message(lang, msg::FEED_TITLE))
            );
            site::head_tags(site, &head) + &feed
        });
        // Only a statement's own versions are searched: a page that
        // shows the source text in its place is not indexed.
        let html = match statement {
            Some(statement) if statement.has(lang) => search_marks(html, statement, lang)?,
            _ => html,
        };
        write_file(&dist.join(&relative), &html)?;
        cache.keep(&inputs, &html)?;
        Ok(relative)
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let done: Vec<Result<Vec<PathBuf>, String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|first| {
                let (jobs, make) = (&jobs, &make);
                scope.spawn(move || {
                    jobs.iter().skip(first).step_by(threads).map(|(lang, page)| make(*lang, page)).collect()
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().unwrap_or_else(|_| Err("a page's rendering panicked".into())))
            .collect()
    });
    for files in done {
        written.borrow_mut().extend(files?);
    }
    let (rendered, copied) = cache.finish()?;
    println!("prerender: {rendered} pages rendered, {copied} unchanged since the last build (target/prerender/)");
    for lang in Lang::ALL {
        // A statement's former addresses send readers on.
        for statement in STATEMENTS.iter() {
            let to = Page::Statement(statement.slug.to_string());
            for old in &statement.record.formerly {
                let html = site::redirect_page(
                    site,
                    lang,
                    &to,
                    &statement.version(lang).title,
                    &message(lang, msg::STATEMENT_MOVED),
                );
                write(Page::Statement(old.to_string()).path(lang), html)?;
            }
        }
        let notices = Lang::ALL.map(|source| message(lang, crate::i18n::family::translated_from(source)));
        let texts = FeedTexts {
            title: &message(lang, msg::FEED_TITLE),
            subtitle: &message(lang, msg::FEED_SUBTITLE),
            author: &message(lang, msg::SITE_NAME),
            translated_from: [&notices[0], &notices[1], &notices[2]],
        };
        write(feed_path(lang), site::atom_feed(site, lang, &STATEMENTS, &texts))?;
    }
    // The root chooses a language (the app redirects at once); 404.html is
    // what hosts answer for unknown paths.
    write(site_path("/"), template.page(&site_path("/"), "", |_, _| String::new()))?;
    write(site_path("/404.html"), template.page(&site_path("/404.html"), "", |_, _| String::new()))?;
    for (path, xml) in site::sitemap_files(site, &pages, &STATEMENTS, site::SITEMAP_URL_LIMIT) {
        write(path, xml)?;
    }
    write(site_path("/robots.txt"), site::robots(site))?;
    let worker = service_worker(dist)?;
    write(site_path(site::SERVICE_WORKER_PATH), worker)?;
    // What this build published, for the browser tests and the bench.
    let manifest = beside_build(dist, "build-manifest").with_extension("json");
    let content = Path::new(env!("KASIPODAQ_CONTENT_PATH"));
    let json = site::build_manifest(content, &STATEMENTS, &report.scheduled, catalog());
    write_file(&manifest, &json)?;
    Ok(written.into_inner())
}

/// The longest description we give a link preview: longer ones are cut by
/// the sites that show them.
const PREVIEW_DESCRIPTION_MAX: usize = 300;

/// A statement's link-preview description: its summary, the notice that a
/// translation is the portal's, and its context's notice where the whole
/// stays within [`PREVIEW_DESCRIPTION_MAX`] characters.
fn preview_description(summary: &str, statement: &kasipodaq_core::content::Statement, lang: Lang) -> String {
    let mut description = summary.to_owned();
    if statement.version(lang).translation {
        description =
            format!("{description} {}", message(lang, crate::i18n::family::translated_from(statement.source_language)));
    }
    if let Some(context) = &statement.record.context {
        let with_context = format!(
            "{description} {} {}",
            message(lang, msg::STATEMENT_CONTEXT_PREVIEW),
            kasipodaq_core::content::in_lang(&context.notice, lang)
        );
        if with_context.chars().count() <= PREVIEW_DESCRIPTION_MAX {
            description = with_context;
        }
    }
    description
}

/// The id of "Translated from … by the portal." for a source language.
/// The terms of reuse of the open data, as the federation states them in
/// `pages/open-data.toml` of the content folder (none when the file is
/// absent, as in a generated archive without it).
fn open_data_terms() -> Result<open_data::Terms, String> {
    let path = Path::new(env!("KASIPODAQ_CONTENT_PATH")).join("pages/open-data.toml");
    match fs::read_to_string(&path) {
        Ok(text) => open_data::Terms::parse(&text).map_err(|problem| format!("{}: {problem}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(open_data::Terms::default()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Marks a statement's page for the archive's search (Pagefind, run on the
/// written site by tools/build-release.sh): its article is what is indexed,
/// with its date, kind and year as metadata and filters; the paragraph
/// links and the share and cite block are left out. Only statements are
/// marked, so only they are found. Done here, not in the app's view, so
/// the WebAssembly carries none of it.
fn search_marks(html: String, statement: &kasipodaq_core::content::Statement, lang: Lang) -> Result<String, String> {
    // One element per value: Pagefind reads one `key:value` per attribute.
    let mut tags = String::new();
    let mut tag = |attribute: &str, key: &str, value: &str| {
        tags += &format!("<span hidden data-pagefind-{attribute}=\"{key}:{}\"></span>", site::escape(value));
    };
    tag("meta", "kind", statement.kind.code());
    tag("filter", "kind", statement.kind.code());
    tag("meta", "lang", lang.code());
    if let Some(date) = statement.date {
        tag("meta", "date", &date.to_string());
        tag("filter", "year", &date.year.to_string());
    }
    let marks = [
        ("<article class=\"statement\">", format!("<article class=\"statement\" data-pagefind-body>{tags}")),
        ("class=\"para__link\"", "class=\"para__link\" data-pagefind-ignore".to_owned()),
        ("class=\"statement__share\"", "class=\"statement__share\" data-pagefind-ignore".to_owned()),
        ("class=\"print-url\"", "class=\"print-url\" data-pagefind-ignore".to_owned()),
        ("class=\"statement__facts\"", "class=\"statement__facts\" data-pagefind-ignore".to_owned()),
        ("class=\"origin-note\"", "class=\"origin-note\" data-pagefind-ignore".to_owned()),
        ("class=\"statement__kind\"", "class=\"statement__kind\" data-pagefind-ignore".to_owned()),
    ];
    // Shown only for a statement the portal changed.
    let html = html.replace("class=\"statement__history\"", "class=\"statement__history\" data-pagefind-ignore");
    let mut html = html;
    for (from, to) in marks {
        if !html.contains(from) {
            return Err(format!("{}: no {from} to mark for the search", statement.slug));
        }
        html = html.replace(from, &to);
    }
    Ok(html)
}

/// The offline worker for what is now in `dist`: it precaches only the files
/// whose number does not grow with the archive (`kasipodaq_build::site::precache`),
/// under a version that is the hash of their contents.
fn service_worker(dist: &Path) -> Result<String, String> {
    let mut files = Vec::new();
    collect_files(dist, dist, &mut files)?;
    files.sort();
    site::offline_worker(&files, |relative| fs::read(dist.join(relative)).map_err(|e| format!("{relative}: {e}")))
}

fn collect_files(root: &Path, dir: &Path, into: &mut Vec<String>) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_files(root, &path, into)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            into.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// Trunk's `index.html` made ready to receive pages
/// (`kasipodaq_build::site::page_template`).
struct Template {
    html: String,
}

impl Template {
    fn new(trunk_page: &str, contacts: &ContactsEndpoint) -> Result<Template, String> {
        Ok(Template { html: site::page_template(trunk_page, contacts)? })
    }

    /// The page at `path`: the app rendered into `<body>`, its title, `lang`
    /// and description from the app's own `leptos_meta` tags, and the tags
    /// `head(title, description)` returns before `</head>`.
    /// `app_preloads` go with the app's own downloads (`kasipodaq_build::site::page_template`).
    fn page(&self, path: &str, app_preloads: &str, head: impl FnOnce(&str, &str) -> String) -> String {
        let template = self.html.replacen(APP_TEMPLATE, &format!("{APP_TEMPLATE}{app_preloads}"), 1);
        let rendered = render(&template, path);
        let title = between(&rendered, "<title>", "</title>").map(kasipodaq_core::html::unescape).unwrap_or_default();
        let description_tag = between(&rendered, "<meta name=\"description\" content=\"", "\">").map(str::to_owned);
        let description = description_tag.as_deref().map(kasipodaq_core::html::unescape).unwrap_or_default();
        let mut html = rendered;
        let extra = head(&title, &description);
        if !extra.is_empty() {
            // head_tags carries the description with the other link-preview tags.
            if let Some(tag) = description_tag {
                html = html.replacen(&format!("<meta name=\"description\" content=\"{tag}\">"), "", 1);
            }
        }
        html.replacen("</head>", &format!("{extra}</head>"), 1)
    }
}

/// The app at `path` inside `template`, with the page's title, description
/// and `<html lang>` put in by `leptos_meta`.
fn render(template: &str, path: &str) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(crate::address::PrerenderedPath(path.to_owned()));
        let (meta, output) = ServerMetaContext::new();
        provide_context(meta);
        // Leptos marks where a dynamic part may go with `<!>`, for hydration;
        // the app builds its own copy and takes the page over, so the marks
        // serve no one, and HTML checkers report each as a bogus comment.
        // Text never holds one: the renderer escapes `<` in text.
        let body = view! { <App/> }.to_html().replace("<!>", "");
        let document = template.replacen("<body>", &format!("<body>{body}"), 1);
        block_on(async {
            let injected = output.inject_meta_context(stream::once(async move { document }).boxed()).await;
            injected.collect::<Vec<String>>().await.concat()
        })
    })
}

/// Where the file served at `served` (under the base path) lies in the
/// build folder: at the same place without the base path, a folder's
/// address as its `index.html`.
fn relative_path(served: &str) -> PathBuf {
    let relative = served.strip_prefix(BASE_PATH).unwrap_or(served).trim_start_matches('/');
    PathBuf::from(if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_owned()
    })
}

/// `target/{what}/{name of the build folder}`: what the build keeps of
/// itself outside the site.
fn beside_build(dist: &Path, what: &str) -> PathBuf {
    let folder = dist.file_name().map_or("dist".into(), |name| name.to_string_lossy().into_owned());
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join(what).join(folder)
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The pages of the last build of the same folder, each under the hash of
/// what it was made of (`target/prerender/{folder}/{hash}.html`): the
/// program (its file's size and time), the template, the site's address,
/// the contacts address and the page's own inputs. A rebuild after one more
/// statement renders only the pages it changes (its neighbours, the archive
/// pages that list it, the home page) and copies the others. Pages no
/// build used this time are removed.
struct PageCache {
    dir: PathBuf,
    common: String,
    used: Mutex<HashSet<String>>,
    rendered: std::sync::atomic::AtomicUsize,
}

impl PageCache {
    fn open(dist: &Path, common: &[&str]) -> Result<PageCache, String> {
        let program =
            std::env::current_exe().and_then(fs::metadata).map_err(|e| format!("the prerender's file: {e}"))?;
        let modified = program.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        let dir = beside_build(dist, "prerender");
        fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut parts = vec![format!("{} {modified:?}", program.len())];
        parts.extend(common.iter().map(|part| part.to_string()));
        Ok(PageCache { dir, common: parts.join("\u{0}"), used: Mutex::default(), rendered: Default::default() })
    }

    fn name(&self, inputs: &[&str]) -> String {
        let all = format!("{}\u{0}{}", self.common, inputs.join("\u{0}"));
        let hash = site::sha256_base64(all.as_bytes()).replace('/', "_").replace('+', "-");
        let name = format!("{}.html", hash.trim_end_matches('='));
        self.used.lock().expect("no thread panicked holding it").insert(name.clone());
        name
    }

    /// Copies the page made of `inputs` to `to`, if a build made it before.
    fn copy(&self, inputs: &[&str], to: &Path) -> Result<bool, String> {
        let kept = self.dir.join(self.name(inputs));
        if !kept.is_file() {
            return Ok(false);
        }
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::copy(&kept, to).map_err(|e| format!("{}: {e}", to.display()))?;
        Ok(true)
    }

    /// Keeps the page made of `inputs` for the next build.
    fn keep(&self, inputs: &[&str], html: &str) -> Result<(), String> {
        self.rendered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let kept = self.dir.join(self.name(inputs));
        fs::write(&kept, html).map_err(|e| format!("{}: {e}", kept.display()))
    }

    /// Removes the pages this build did not use; returns how many it
    /// rendered and how many it copied.
    fn finish(self) -> Result<(usize, usize), String> {
        let used = self.used.into_inner().expect("no thread panicked holding it");
        for entry in fs::read_dir(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))? {
            let entry = entry.map_err(|e| e.to_string())?;
            if !used.contains(entry.file_name().to_string_lossy().as_ref()) {
                fs::remove_file(entry.path()).map_err(|e| format!("{}: {e}", entry.path().display()))?;
            }
        }
        let rendered = self.rendered.into_inner();
        Ok((rendered, used.len().saturating_sub(rendered)))
    }
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = from + text[from..].find(end)?;
    Some(&text[from..to])
}
