//! The rules the app carries into the browser, and the build shares: which
//! languages exist and how a visitor's language is chosen, how every URL is
//! built, the calendar, the archive's views and search rules, the contacts
//! data and its checks, the statements and their headers and texts files,
//! and the message resolver. Tested on the host in seconds. What runs only
//! on the build machine is in `kasipodaq-build`.

pub mod archive;
pub mod calendar;
pub mod contacts;
pub mod content;
pub mod files;
pub mod html;
pub mod i18n;
pub mod kind;
pub mod lang;
pub mod search;
pub mod urls;

pub use lang::Lang;
