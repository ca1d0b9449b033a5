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
pub mod i18n;
pub mod routes;

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
