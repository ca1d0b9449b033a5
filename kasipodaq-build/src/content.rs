//! The content folder read and checked at build time: the statements
//! ([`load`]), the Platform and Union Day pages ([`points`]) and the
//! accessibility statement's texts ([`accessibility`]).

pub mod accessibility;
pub mod load;
pub mod points;
