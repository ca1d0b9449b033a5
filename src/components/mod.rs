//! Small pieces shared by the pages.

pub mod footer;
pub mod header;
pub mod language_switcher;
pub mod page_meta;
pub mod section_links;
pub mod page_header;
pub mod copy_button;
pub mod next_union_day;
pub mod points;
pub mod statement_info;
