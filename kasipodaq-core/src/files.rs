//! The files the prerender writes and the app fetches as a reader moves:
//! each page's headers file ([`headers`]: the statements it lists or shows)
//! and each statement's or page's texts file ([`texts`]: its paragraphs in
//! three languages, named by their SHA-256).

pub mod headers;
pub mod texts;
