//! The Kasipodaq portal: a client-side Leptos app.
//!
//! One module per concern: `i18n` (the reactive language and the Fluent
//! catalogue), `browser` (storage and the browser's languages and clock), `contacts`
//! (the live headquarters contacts),
//! `routes` (one file per page), `components` (the shell and small shared
//! pieces). Rules that need no browser live in the `kasipodaq-core` crate.

// The prerender (`ssr`) keeps each page's full view type, nested deeper
// than the compiler's default query depth in a build from scratch.
#![recursion_limit = "512"]

pub mod address;
pub mod app;
pub mod browser;
pub mod components;
pub mod contacts;
pub mod content;
pub mod fetch;
pub mod i18n;
pub mod json;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routes;
#[cfg(not(feature = "ssr"))]
pub mod search;

/// Starts the app: on a page with a headers or texts file (the home page,
/// the archive, a statement, Platform, Union Day, the accessibility
/// statement) once they have arrived (the page preloads them beside the
/// WebAssembly, so this rarely waits), at once elsewhere. The page itself
/// starts the app's downloads only once its largest paint has been
/// reported (the starter script, `src/start.js`): a takeover soon after a paint
/// made Chromium drop that paint's Largest Contentful Paint record and
/// report the app's identical element instead (docs/performance.md,
/// "Starting the app").
///
/// If they cannot be fetched, the prerendered page stays as it is:
/// fully readable, and its links lead to other prerendered pages.
#[cfg(not(feature = "ssr"))]
pub fn start() {
    // A panic's message and place in the console, for development: in the
    // release it costs WebAssembly (docs/performance.md, "Size"), and no
    // reader opens the console (a panic there still shows as an error with
    // its WebAssembly stack).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // Leptos's own executor starts with the mount: wasm-bindgen's until then.
    wasm_bindgen_futures::spawn_local(async move {
        // The WebAssembly was decoded and instantiated in one task: the app
        // starts in the next, so a slow phone's main thread is not blocked
        // by both at once (docs/performance.md, "The takeover's tasks").
        fetch::sleep(0).await;
        // Read now, while it is the loaded page's (content::on_loaded_page).
        content::on_loaded_page();
        let path = leptos::prelude::window().location().pathname().unwrap_or_default();
        let lang = kasipodaq_core::urls::lang_of_path(&path).unwrap_or_else(i18n::visitor_language);
        let files = async {
            match kasipodaq_core::urls::Page::parse(&path) {
                Some((_, page)) => content::load_files_of(&page).await,
                None => Ok(()),
            }
        };
        // No such page (the host answered its not-found page: its files are
        // Gone) is the app's to say, in the reader's language.
        match futures::future::join(files, content::load_messages(lang)).await {
            (Ok(()) | Err(content::FileFailure::Gone), Ok(())) => {}
            _ => {
                leptos::logging::warn!(
                    "the page's messages, headers or texts could not be fetched: the page stays static"
                );
                return;
            }
        }
        take_over().await;
        // The other languages' messages, so that a switch to one waits for
        // nothing (the offline worker keeps them too).
        for other in kasipodaq_core::Lang::ALL {
            let _ = content::load_messages(other).await;
        }
        // For tests and measurements: every language's messages are here (or failed).
        let _ = js_sys::Reflect::set(&leptos::prelude::window(), &"kasipodaqLanguages".into(), &true.into());
    });
}

/// Builds the app off-screen and then puts it on `<body>` in place of the
/// prerendered page.
///
/// Every page is also a prerendered HTML file (`src/bin/prerender.rs`)
/// that shows the same content before the WebAssembly arrives. The app
/// renders the same markup into an element outside the document, in tasks
/// of their own (the first contacts copy, then the shell, the header, the
/// page's content, a statement's text and the footer: as one task it blocked
/// a slow phone's main thread too long, docs/performance.md, "Starting the
/// app"; `app::StagedBuild`),
/// and then swaps it in within one task (nothing is painted in between), so
/// the swap neither flashes nor moves anything; the reader's scroll position
/// is kept.
#[cfg(not(feature = "ssr"))]
async fn take_over() {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    let window = window();
    let document = document();
    let (Some(body), Ok(staging)) = (document.body(), document.create_element("div")) else {
        return;
    };
    let contacts = contacts::Initial::read_in_steps().await;
    fetch::sleep(0).await;
    let (built, build) = signal(app::BuildPart::Shell);
    mount_to(staging.clone().unchecked_into(), move || {
        provide_context(app::StagedBuild(built));
        provide_context(contacts);
        app::App()
    })
    .forget();
    for part in [app::BuildPart::Header, app::BuildPart::Page, app::BuildPart::PageEnd, app::BuildPart::Footer] {
        fetch::sleep(0).await;
        // Built once the reactive system runs, before the next task.
        build.set(part);
    }
    fetch::sleep(0).await;
    // Read before the paragraphs' text moves: the page is shorter without it,
    // and a selection in a moved node is gone.
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let restore = keep_what_the_reader_did(&window);
    keep_prerendered_text(&staging, &document);
    while let Some(child) = body.first_child() {
        let _ = body.remove_child(&child);
    }
    while let Some(child) = staging.first_child() {
        let _ = body.append_child(&child);
    }
    if scrolled > 0.0 {
        // At once: the stylesheet's smooth scrolling is for the reader's own moves.
        let options = web_sys::ScrollToOptions::new();
        options.set_top(scrolled);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        window.scroll_to_with_scroll_to_options(&options);
    }
    if let Some(restore) = restore {
        let _ = restore.call0(&wasm_bindgen::JsValue::NULL);
    }
    // After one visit the site reads offline: the worker (written by the
    // prerender) keeps the app and the home pages, and the pages read.
    // Plain http, some private modes and some messengers' browsers have no
    // `navigator.serviceWorker`: there the site simply works online.
    let navigator = window.navigator();
    if js_sys::Reflect::get(&navigator, &"serviceWorker".into()).is_ok_and(|worker| !worker.is_undefined()) {
        let worker = kasipodaq_core::urls::site_path(kasipodaq_core::urls::SERVICE_WORKER_PATH);
        let _ = navigator.service_worker().register(&worker);
    }
    // For tests and measurements: the app is in charge of the page.
    let _ = js_sys::Reflect::set(&window, &"kasipodaqReady".into(), &true.into());
}

/// What the reader did on the prerendered page, to be done again on the
/// app's once it is in (the function returned): the words they selected and
/// the control they reached with the keyboard, which the swap would drop.
/// `src/page.js`'s `kasipodaqKeep` does it: in JavaScript it costs the app a
/// fraction of the browser calls' bindings.
#[cfg(not(feature = "ssr"))]
fn keep_what_the_reader_did(window: &web_sys::Window) -> Option<js_sys::Function> {
    use wasm_bindgen::JsCast;
    let keep: js_sys::Function = js_sys::Reflect::get(window, &"kasipodaqKeep".into()).ok()?.dyn_into().ok()?;
    keep.call0(&wasm_bindgen::JsValue::NULL).ok()?.dyn_into().ok()
}

/// Moves the prerendered paragraphs' own text nodes into the app's built
/// paragraphs where both hold the same HTML. The browser's mark on a
/// linked passage (`#:~:text=…`) lives on those nodes: on a rebuilt copy it
/// would be gone. The app's paragraph stays the one it updates.
#[cfg(not(feature = "ssr"))]
fn keep_prerendered_text(staging: &web_sys::Element, document: &web_sys::Document) {
    use wasm_bindgen::JsCast;
    let Ok(built) = staging.query_selector_all(".para__text") else {
        return;
    };
    for i in 0..built.length() {
        let Some(new) = built.item(i).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) else {
            continue;
        };
        let Some(id) = new.parent_element().map(|para| para.id()) else {
            continue;
        };
        let Ok(Some(old)) = document.query_selector(&format!("#{id}>.para__text")) else {
            continue;
        };
        // The app's copy ends in the empty comment Leptos marks it with: it stays.
        let html = new.inner_html();
        if html.strip_suffix("<!---->").unwrap_or(&html) == old.inner_html() {
            let marker = new.last_child().filter(|node| node.node_type() == web_sys::Node::COMMENT_NODE);
            new.set_text_content(None);
            while let Some(child) = old.first_child() {
                let _ = new.append_child(&child);
            }
            if let Some(marker) = marker {
                let _ = new.append_child(&marker);
            }
        }
    }
}
