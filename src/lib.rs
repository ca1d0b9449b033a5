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
/// WebAssembly, so this rarely waits), at once elsewhere; and in either
/// case only once the browser has recorded the prerendered page's paints
/// ([`paints_recorded`]).
///
/// If they cannot be fetched, the prerendered page stays as it is:
/// fully readable, and its links lead to other prerendered pages.
#[cfg(not(feature = "ssr"))]
pub fn start() {
    console_error_panic_hook::set_once();
    let path = leptos::prelude::window().location().pathname().unwrap_or_default();
    let page = kasipodaq_core::urls::Page::parse(&path).map(|(_, page)| page);
    // Leptos's own executor starts with the mount: wasm-bindgen's until then.
    wasm_bindgen_futures::spawn_local(async move {
        // Read now, while it is the loaded page's (content::on_loaded_page).
        content::on_loaded_page();
        if let Some(page) = page {
            match content::load_files_of(&page).await {
                // No such page (the host answered its not-found page): the
                // app says so in the reader's language.
                Ok(()) | Err(content::FileFailure::Gone) => {}
                Err(content::FileFailure::Failed) => {
                    leptos::logging::warn!("the page's headers or texts could not be fetched: the page stays static");
                    return;
                }
            }
        }
        paints_recorded().await;
        take_over().await;
    });
}

/// Resolves once the browser has reported the prerendered page's largest
/// paint and then no new one for [`PAINT_SETTLED_MS`], or after
/// [`PAINT_WAIT_MAX_MS`] at most.
///
/// Why: when the app replaced the page within about 100 ms of a paint (a
/// fast connection, the WebAssembly cached), Chromium dropped that paint's
/// Largest Contentful Paint record and reported the app's identical
/// element instead, as if the text had appeared only at the takeover. A
/// page may paint in steps (its heading first, its longest text a frame
/// later), so one report is not enough: the app waits until the reports
/// have settled. On a slow connection the WebAssembly comes long after the
/// page's paints, and this does not wait. A browser without the metric, or
/// a page loaded in a hidden tab (which reports none), takes over at once.
#[cfg(not(feature = "ssr"))]
async fn paints_recorded() {
    use std::{cell::Cell, rc::Rc};
    use wasm_bindgen::{closure::Closure, JsCast};
    const LCP: &str = "largest-contentful-paint";
    let window = leptos::prelude::window();
    let supported = js_sys::Reflect::get(&window, &"PerformanceObserver".into())
        .and_then(|observer| js_sys::Reflect::get(&observer, &"supportedEntryTypes".into()))
        .map(|types| js_sys::Array::from(&types).includes(&LCP.into(), 0))
        .unwrap_or(false);
    if !supported || leptos::prelude::document().hidden() {
        return;
    }
    // How many reports have arrived (one comes once its paint is on screen).
    let reports = Rc::new(Cell::new(0_u32));
    let on_report = Closure::<dyn FnMut()>::new({
        let reports = reports.clone();
        move || reports.set(reports.get() + 1)
    });
    let Ok(observer) = web_sys::PerformanceObserver::new(on_report.as_ref().unchecked_ref()) else {
        return;
    };
    // `type` with `buffered` (web-sys has only `entryTypes`, which ignores
    // `buffered`): a paint reported before now counts too.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"type".into(), &LCP.into());
    let _ = js_sys::Reflect::set(&options, &"buffered".into(), &true.into());
    observer.observe(options.unchecked_ref());
    // Counted in polls, not read from the clock: a page's clock can be set
    // back or stand still (a test's fixed time), a poll always ends.
    let (mut seen, mut quiet_polls) = (0, 0);
    for _ in 0..PAINT_WAIT_MAX_MS / PAINT_POLL_MS {
        fetch::sleep(PAINT_POLL_MS).await;
        if reports.get() == seen {
            quiet_polls += 1;
        } else {
            (seen, quiet_polls) = (reports.get(), 0);
        }
        if seen > 0 && quiet_polls * PAINT_POLL_MS >= PAINT_SETTLED_MS {
            break;
        }
    }
    observer.disconnect();
    drop(on_report);
}

/// How long the largest-paint reports must have been quiet.
#[cfg(not(feature = "ssr"))]
const PAINT_SETTLED_MS: u32 = 200;
/// How often the wait looks at the reports.
#[cfg(not(feature = "ssr"))]
const PAINT_POLL_MS: u32 = 50;
/// The longest the app waits for the reports.
#[cfg(not(feature = "ssr"))]
const PAINT_WAIT_MAX_MS: u32 = 1000;

/// Builds the app off-screen and then puts it on `<body>` in place of the
/// prerendered page.
///
/// Every page is also a prerendered HTML file (`src/bin/prerender.rs`)
/// that shows the same content before the WebAssembly arrives. The app
/// renders the same markup into an element outside the document, in tasks
/// of their own (the first contacts copy, then the header, the page's
/// content and the footer: as one long
/// task it blocked a slow phone's main thread for 110-160 ms under
/// Lighthouse's CPU slowdown; `app::StagedBuild`), and then swaps
/// it in within one task (nothing is painted in between), so the swap
/// neither flashes nor moves anything; the reader's scroll position is kept.
#[cfg(not(feature = "ssr"))]
async fn take_over() {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    let window = window();
    let document = document();
    let (Some(body), Ok(staging)) = (document.body(), document.create_element("div")) else {
        return;
    };
    let contacts = contacts::Initial::read();
    fetch::sleep(0).await;
    let (built, build) = signal(app::BuildPart::Header);
    leptos::mount::mount_to(staging.clone().unchecked_into(), move || {
        provide_context(app::StagedBuild(built));
        provide_context(contacts);
        app::App()
    })
    .forget();
    for part in [app::BuildPart::Page, app::BuildPart::Footer] {
        fetch::sleep(0).await;
        // Built once the reactive system runs, before the next task.
        build.set(part);
    }
    fetch::sleep(0).await;
    let scrolled = window.scroll_y().unwrap_or(0.0);
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
    // After one visit the site reads offline: the worker (written by the
    // prerender) keeps the app and the home pages, and the pages read.
    // Plain http, some private modes and some messengers' browsers have no
    // `navigator.serviceWorker`: there the site simply works online.
    let navigator = window.navigator();
    if js_sys::Reflect::get(&navigator, &"serviceWorker".into()).is_ok_and(|worker| !worker.is_undefined()) {
        let worker = kasipodaq_core::urls::site_path(kasipodaq_core::site::SERVICE_WORKER_PATH);
        let _ = navigator.service_worker().register(&worker);
    }
    // For tests and measurements: the app is in charge of the page.
    let _ = js_sys::Reflect::set(&window, &"kasipodaqReady".into(), &true.into());
}
