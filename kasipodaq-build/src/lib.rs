//! What runs on the build machine only, never in the browser: reading and
//! checking the content folder ([`content`]), compiling the translations
//! ([`fluent`]), and writing the static site's files beside the app
//! ([`site`]: each page's head, feeds, sitemap, CSP, the offline worker, the
//! open data). `build.rs`, the prerender and the staff command use it; the
//! rules it shares with the app are in `kasipodaq-core`.

pub mod codegen;
pub mod content;
pub mod fluent;
pub mod site;
