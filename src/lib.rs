//! The Kasipodaq portal: a client-side Leptos app.
//!
//! One module per concern: `i18n` (the reactive language and the Fluent
//! catalogue), `browser` (storage and the browser's languages and clock), `contacts`
//! (the live headquarters contacts),
//! `routes` (one file per page), `components` (the shell and small shared
//! pieces). Rules that need no browser live in the `kasipodaq-core` crate.

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

/// Starts the app: on a page with a texts file (a statement, Platform,
/// Union Day, the accessibility statement) once its texts have arrived (the
/// page preloads them beside the WebAssembly, so this rarely waits), at once
/// elsewhere.
///
/// If the texts cannot be fetched, the prerendered page stays as it is:
/// fully readable, and its links lead to other prerendered pages.
#[cfg(not(feature = "ssr"))]
pub fn start() {
    console_error_panic_hook::set_once();
    let path = leptos::prelude::window().location().pathname().unwrap_or_default();
    match kasipodaq_core::urls::Page::parse(&path) {
        // Leptos's own executor starts with the mount: wasm-bindgen's until then.
        Some((_, page)) if content::texts_file_of(&page).is_some() => {
            wasm_bindgen_futures::spawn_local(async move {
                match content::load_texts_of(&page).await {
                    Ok(()) => take_over(),
                    Err(()) => leptos::logging::warn!("the page's texts could not be fetched: the page stays static"),
                }
            })
        }
        _ => take_over(),
    }
}

/// Mounts the app on `<body>`, in place of the prerendered page.
///
/// Every page is also a prerendered HTML file (`src/bin/prerender.rs`)
/// that shows the same content before the WebAssembly arrives. The app
/// renders the same markup, so swapping one for the other within one task
/// (nothing is painted in between) neither flashes nor moves anything; the
/// reader's scroll position is kept across the swap.
#[cfg(not(feature = "ssr"))]
fn take_over() {
    let window = leptos::prelude::window();
    let body = leptos::prelude::document().body().expect("a page has a body");
    let scrolled = window.scroll_y().unwrap_or(0.0);
    while let Some(child) = body.first_child() {
        let _ = body.remove_child(&child);
    }
    leptos::mount::mount_to_body(app::App);
    if scrolled > 0.0 {
        // At once: the stylesheet's smooth scrolling is for the reader's own moves.
        let options = web_sys::ScrollToOptions::new();
        options.set_top(scrolled);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        window.scroll_to_with_scroll_to_options(&options);
    }
    // After one visit the site reads offline: the worker keeps every page
    // and file of this release (written by the prerender).
    let worker = kasipodaq_core::urls::site_path(kasipodaq_core::site::SERVICE_WORKER_PATH);
    let _ = window.navigator().service_worker().register(&worker);
    // For tests and measurements: the app is in charge of the page.
    let _ = js_sys::Reflect::set(&window, &"kasipodaqReady".into(), &true.into());
}
