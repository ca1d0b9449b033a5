//! Small pieces shared by the pages.

pub mod footer;
pub mod header;
pub mod language_switcher;
pub mod page_meta;
pub mod section_links;
pub mod page_header;
