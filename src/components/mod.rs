//! Small pieces shared by the pages.

pub mod archive_nav;
pub mod copy_button;
pub mod footer;
pub mod header;
pub mod headquarters_card;
pub mod hotline;
pub mod language_switcher;
pub mod next_union_day;
pub mod page_header;
pub mod page_meta;
pub mod passage_link;
pub mod points;
pub mod search_results;
pub mod section_links;
pub mod statement_info;
pub mod statement_record;
pub mod texts_file;
