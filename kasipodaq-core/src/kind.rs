//! The kinds of statement: a leaf module, so that URLs (`urls`) and content
//! can both name them without importing each other.

/// What kind of document a statement is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Announcement,
    Letter,
    Address,
    Report,
    Appeal,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Announcement, Kind::Letter, Kind::Address, Kind::Report, Kind::Appeal];

    /// The word in the files, in URLs (`?kind=letter`) and in message ids
    /// (`kind-letter`).
    pub const fn code(self) -> &'static str {
        match self {
            Kind::Announcement => "announcement",
            Kind::Letter => "letter",
            Kind::Address => "address",
            Kind::Report => "report",
            Kind::Appeal => "appeal",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.code() == code)
    }
}
