//! The three languages of the portal and how a visitor's language is chosen.

use std::fmt;

/// A language the portal is published in. The order is the order of the
/// language switcher: the state language first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The language used when nothing else tells us what the visitor reads.
    pub const FALLBACK: Lang = Lang::En;

    /// The code in URLs, `hreflang` and `<html lang>`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Its place in [`Lang::ALL`]: the slot of per-language tables (the
    /// three catalogues, a statement's three versions, browser caches).
    pub const fn index(self) -> usize {
        match self {
            Lang::Kk => 0,
            Lang::Ru => 1,
            Lang::En => 2,
        }
    }

    /// The language of a URL segment or a saved choice: exactly `kk`, `ru` or `en`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language of a BCP 47 tag such as the browser reports (`kk-KZ`,
    /// `ru`, `en-GB`, `RU_ru`): its primary subtag, case-insensitive.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::from_code(&primary)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The language for a visitor who opens `/`: the saved choice if it is one of
/// ours, else the first of the browser's languages that we publish in, else
/// English.
pub fn preferred_language<S: AsRef<str>>(saved: Option<&str>, browser: &[S]) -> Lang {
    saved
        .and_then(Lang::from_code)
        .or_else(|| browser.iter().find_map(|tag| Lang::from_tag(tag.as_ref())))
        .unwrap_or(Lang::FALLBACK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }

    #[test]
    fn index_is_the_place_in_all() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang.index(), i);
        }
    }

    #[test]
    fn only_exact_codes_name_a_language_in_urls() {
        assert_eq!(Lang::from_code("KK"), None);
        assert_eq!(Lang::from_code("kk-KZ"), None);
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn browser_tags_match_by_primary_subtag() {
        assert_eq!(Lang::from_tag("kk-KZ"), Some(Lang::Kk));
        assert_eq!(Lang::from_tag("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("RU_ru"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag(" en "), Some(Lang::En));
        assert_eq!(Lang::from_tag("uk-UA"), None);
        assert_eq!(Lang::from_tag("kkk"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn a_saved_choice_wins_over_the_browser() {
        assert_eq!(preferred_language(Some("ru"), &["kk-KZ", "en"]), Lang::Ru);
    }

    #[test]
    fn a_broken_saved_choice_is_ignored() {
        assert_eq!(preferred_language(Some("<script>"), &["kk-KZ"]), Lang::Kk);
        assert_eq!(preferred_language(Some(""), &["ru"]), Lang::Ru);
    }

    #[test]
    fn the_first_browser_language_we_publish_in_wins() {
        assert_eq!(preferred_language(None, &["de-DE", "uk", "kk-KZ", "ru"]), Lang::Kk);
        assert_eq!(preferred_language(None, &["ru-KZ", "kk"]), Lang::Ru);
    }

    #[test]
    fn english_when_nothing_matches() {
        assert_eq!(preferred_language(None, &["de-DE", "fr"]), Lang::En);
        assert_eq!(preferred_language::<&str>(None, &[]), Lang::En);
    }
}
