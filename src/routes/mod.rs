//! One file per page of the portal (`kasipodaq_core::urls::Page`).

pub mod accessibility;
pub mod contacts;
pub mod home;
pub mod language_redirect;
pub mod not_found;
pub mod platform;
pub mod statement;
pub mod statements;
pub mod union_day;
