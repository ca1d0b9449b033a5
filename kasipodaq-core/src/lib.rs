//! The portal's rules that need no browser: which languages exist and how a
//! visitor's language is chosen, how every URL is built, the contacts data
//! and its checks, and the translation catalogue. The Leptos app and the
//! build tools both use it, and it is tested on the host in seconds.

pub mod archive;
pub mod calendar;
#[cfg(not(target_arch = "wasm32"))]
pub mod codegen;
pub mod contacts;
pub mod content;
pub mod html;
pub mod i18n;
pub mod kind;
pub mod lang;
pub mod search;
pub mod site;
pub mod urls;

pub use lang::Lang;
