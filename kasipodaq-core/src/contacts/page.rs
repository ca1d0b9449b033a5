//! What the contacts page computes from checked data: links, the region
//! list and city search, the grouping into sections, and how fresh the data
//! is. The page itself only renders.

use std::cmp::Ordering;

use super::{Headquarters, Hotline, Level, Localized};
use crate::{archive::normalize, Lang};

/// A `tel:` link (`tel:+77172201090`) for a number the file gives in
/// international form, `None` for any other: a local number such as
/// `20-10-90` (no city code) or a domestic `8 …` one dials a different place,
/// or nothing, from a mobile or another city, so the page shows it as text.
///
/// International form: a leading `+`, then 8 to 15 digits (E.164); after
/// `+7` (Kazakhstan, Russia) exactly 10 more, so a local number with `+7`
/// put in front (`+7 20-10-90`) is not taken for a dialable one. No code is
/// ever added: the number is dialled as the file gives it.
pub fn tel_href(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let international = match digits.strip_prefix('7') {
        Some(national) => national.len() == 10,
        None => (8..=15).contains(&digits.len()),
    };
    (phone.trim_start().starts_with('+') && international).then(|| format!("tel:+{digits}"))
}

/// A `mailto:` link. A checked address passes unchanged; any other byte is
/// percent-encoded, so a `?` or `&` can never add headers or a body.
pub fn mailto_href(email: &str) -> String {
    let mut href = String::from("mailto:");
    for byte in email.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'+' | b'-' | b'@') {
            href.push(char::from(byte));
        } else {
            href.push_str(&format!("%{byte:02X}"));
        }
    }
    href
}

/// How many headquarters the page shows at first, and adds with each "show
/// more": a file of thousands rendered at once would keep a slow phone from
/// answering the reader's input.
pub const SHOWN_AT_ONCE: usize = 50;

/// `groups` (from [`grouped`]) cut to their first `limit` headquarters, in
/// order; a region or level left with none goes.
pub fn first_of(mut groups: Vec<LevelGroup<'_>>, mut limit: usize) -> Vec<LevelGroup<'_>> {
    groups.retain_mut(|level| {
        level.regions.retain_mut(|group| {
            group.headquarters.truncate(limit);
            limit -= group.headquarters.len();
            !group.headquarters.is_empty()
        });
        !level.regions.is_empty()
    });
    groups
}

/// The regions of `headquarters` as shown in `lang` (with the usual
/// fallback), each once, in alphabetical order. Two spellings that differ
/// only in case or punctuation count as one region.
pub fn regions(headquarters: &[Headquarters], lang: Lang) -> Vec<String> {
    let mut names: Vec<&str> = headquarters.iter().filter_map(|hq| hq.region.as_ref()?.get(lang)).collect();
    names.sort_by_cached_key(|name| (sort_key(name), *name));
    names.dedup_by_key(|name| normalize(name));
    names.into_iter().map(str::to_owned).collect()
}

/// The headquarters in `region` (a name from [`regions`] in the same
/// `lang`; `None` or blank for all) whose city contains every word of
/// `city_query`, in file order. The city matches in any of its languages,
/// ignoring case, punctuation and the difference between Kazakh letters and
/// their nearest Russian ones. A headquarters without a region is left out
/// when a region is chosen, and one without a city when a city is typed.
pub fn filter<'a>(
    headquarters: &'a [Headquarters],
    region: Option<&str>,
    city_query: &str,
    lang: Lang,
) -> Vec<&'a Headquarters> {
    let region = region.map(normalize).filter(|region| !region.is_empty());
    let query = search_key(city_query);
    let words: Vec<&str> = query.split(' ').filter(|word| !word.is_empty()).collect();
    headquarters
        .iter()
        .filter(|hq| region.is_none() || region_key(hq, lang) == region)
        .filter(|hq| words.is_empty() || hq.city.as_ref().is_some_and(|city| city_contains(city, &words)))
        .collect()
}

fn city_contains(city: &Localized, words: &[&str]) -> bool {
    Lang::ALL.into_iter().filter_map(|lang| city.exactly(lang)).any(|name| {
        let name = search_key(name);
        words.iter().all(|word| name.contains(word))
    })
}

/// One section of the page: the headquarters of one level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelGroup<'a> {
    pub level: Level,
    pub regions: Vec<RegionGroup<'a>>,
}

/// The headquarters of one region within a level, in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionGroup<'a> {
    /// The region as its first headquarters gives it; `None` for those
    /// without a region.
    pub region: Option<&'a Localized>,
    pub headquarters: Vec<&'a Headquarters>,
}

/// `headquarters` (e.g. from [`filter`]) in sections by level (republican,
/// regional, city, district; empty levels left out), each split by region:
/// first those without a region, then the regions in alphabetical order of
/// their name in `lang`.
pub fn grouped<'a>(headquarters: &[&'a Headquarters], lang: Lang) -> Vec<LevelGroup<'a>> {
    Level::ALL
        .into_iter()
        .filter_map(|level| {
            let mut regions: Vec<(Option<String>, RegionGroup<'a>)> = Vec::new();
            for &hq in headquarters.iter().filter(|hq| hq.level == level) {
                let key = region_key(hq, lang);
                match regions.iter_mut().find(|(existing, _)| *existing == key) {
                    Some((_, group)) => group.headquarters.push(hq),
                    None => regions.push((key, RegionGroup { region: hq.region.as_ref(), headquarters: vec![hq] })),
                }
            }
            // Each group has its own region (at most one has none), so no two
            // compare equal: the unstable sort gives the same order, and the
            // app carries one sort's code instead of two.
            regions.sort_unstable_by(|(_, a), (_, b)| compare_regions(a.region, b.region, lang));
            let regions: Vec<RegionGroup<'a>> = regions.into_iter().map(|(_, group)| group).collect();
            (!regions.is_empty()).then_some(LevelGroup { level, regions })
        })
        .collect()
}

fn region_key(hq: &Headquarters, lang: Lang) -> Option<String> {
    hq.region.as_ref().and_then(|region| region.get(lang)).map(normalize)
}

fn compare_regions(a: Option<&Localized>, b: Option<&Localized>, lang: Lang) -> Ordering {
    match (a.and_then(|a| a.get(lang)), b.and_then(|b| b.get(lang))) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(a), Some(b)) => sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b)),
    }
}

/// The Kazakh Cyrillic alphabet in its order. The Russian alphabet is the
/// same order without the Kazakh letters, so one order serves both; code
/// point order would put every Kazakh letter after «я».
const CYRILLIC_ORDER: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";

/// A key that sorts names alphabetically: [`normalize`]d, ASCII (digits,
/// Latin) first, then Cyrillic in [`CYRILLIC_ORDER`], then anything else.
fn sort_key(name: &str) -> Vec<u32> {
    const FIRST_CYRILLIC: u32 = 0x80;
    const AFTER_CYRILLIC: u32 = 0x11_0000;
    normalize(name)
        .chars()
        .map(|c| match CYRILLIC_ORDER.chars().position(|letter| letter == c) {
            Some(rank) => FIRST_CYRILLIC + rank as u32,
            None if c.is_ascii() => u32::from(c),
            None => AFTER_CYRILLIC + u32::from(c),
        })
        .collect()
}

/// Text for the city search: [`normalize`]d, with each Kazakh letter as its
/// nearest Russian one, since many phones type Kazakh without them
/// («Нур-Султан» finds «Нұр-Сұлтан»).
fn search_key(text: &str) -> String {
    normalize(text)
        .chars()
        .map(|c| match c {
            'ә' => 'а',
            'ғ' => 'г',
            'қ' => 'к',
            'ң' => 'н',
            'ө' => 'о',
            'ұ' | 'ү' => 'у',
            'һ' => 'х',
            'і' => 'и',
            other => other,
        })
        .collect()
}

/// The unit of "updated 5 minutes ago".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
}

impl TimeUnit {
    /// The unit's name for `Intl.RelativeTimeFormat`.
    pub const fn code(self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
        }
    }
}

/// How long ago `updated_at` was, in whole units of the largest unit that
/// fits: under a minute in seconds, under an hour in minutes, under a day in
/// hours, else days. Never negative (a time slightly ahead of the visitor's
/// clock is "0 seconds ago"). The page writes it with our own plural
/// messages (`time_ago` in the app's `i18n`: "5 minutes ago").
pub fn freshness(updated_at: i64, now: i64) -> (i64, TimeUnit) {
    const MINUTE: i64 = 60;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    let age = now.saturating_sub(updated_at).max(0);
    if age < MINUTE {
        (age, TimeUnit::Second)
    } else if age < HOUR {
        (age / MINUTE, TimeUnit::Minute)
    } else if age < DAY {
        (age / HOUR, TimeUnit::Hour)
    } else {
        (age / DAY, TimeUnit::Day)
    }
}

/// A run of text on the contacts page: plain text (with its language when it
/// is not the page's, after the fallback of [`Localized::pick`]) or a link.
/// The page renders every field of every headquarters from these, so its
/// markup is decided here, once, and tested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text { text: &'a str, lang: Option<Lang> },
    Link { href: String, text: &'a str },
}

impl<'a> Piece<'a> {
    /// `text` in `page_lang`, or its fallback marked with its language.
    pub fn localized(text: &'a Localized, page_lang: Lang) -> Option<Piece<'a>> {
        text.pick(page_lang).map(|(lang, text)| Piece::Text { text, lang: (lang != page_lang).then_some(lang) })
    }

    /// Text in the page's own language (labels, separators).
    pub fn plain(text: &'a str) -> Piece<'a> {
        Piece::Text { text, lang: None }
    }

    /// A phone number: a link that dials it when it is in international
    /// form ([`tel_href`]), else text.
    pub fn phone(phone: &'a str) -> Piece<'a> {
        match tel_href(phone) {
            Some(href) => Piece::Link { href, text: phone },
            None => Piece::plain(phone),
        }
    }
}

/// The line that marks a hotline or a headquarters of the past: its period
/// (marked with its language when it falls back), then `notice`, the page's
/// "this headquarters may no longer operate." in its own language.
pub fn historical_line<'a>(period: &'a Localized, lang: Lang, notice: &'a str) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    push_historical(&mut pieces, period, lang, notice);
    pieces
}

// Pushes rather than chains or extends: the WebAssembly then carries no
// iterator code of its own for these few pieces.
fn push_historical<'a>(pieces: &mut Vec<Piece<'a>>, period: &'a Localized, lang: Lang, notice: &'a str) {
    if let Some(period) = Piece::localized(period, lang) {
        pieces.push(period);
    }
    pieces.push(Piece::plain(" — "));
    pieces.push(Piece::plain(notice));
}

/// The paragraph under the hotline box's number: what the number is (its
/// label). A number of the past is not shown as the hotline, so it follows
/// its label here (a link only in international form), then its period and
/// `notice` ("this number may no longer be in service."): "Hotline (call
/// centre) …: 20-10-90. 2019 presidential election campaign — this number may
/// no longer be in service." Empty for a current hotline without a label.
pub fn hotline_details<'a>(hotline: &'a Hotline, lang: Lang, notice: &'a str) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    if let Some(label) = hotline.label.as_ref().and_then(|label| Piece::localized(label, lang)) {
        pieces.push(label);
    }
    if let Some(period) = &hotline.historical {
        if !pieces.is_empty() {
            pieces.push(Piece::plain(": "));
        }
        pieces.push(Piece::phone(&hotline.phone));
        pieces.push(Piece::plain(". "));
        push_historical(&mut pieces, period, lang, notice);
    }
    pieces
}

/// One labelled field of a headquarters card: what it is (the app names it
/// in the reader's language), and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    pub label: FieldLabel,
    pub value: Vec<Piece<'a>>,
}

/// What a field of a headquarters card is. The app maps each to its message
/// in a `match`, so a field without a label does not compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldLabel {
    Period,
    City,
    Address,
    Phones,
    Email,
    Hours,
    Head,
    Website,
}

/// The fields of `hq` shown on its card, in this order, each only when the
/// file has it: for a headquarters of the past, its period and `notice`
/// ("this headquarters may no longer operate.", see [`historical_line`]);
/// place, address, phones (each a `tel:` link when it is in international
/// form, see [`tel_href`], else text), e-mail (a `mailto:` link), opening
/// hours, head of staff ("name — role"), website (a link; the core already
/// refused any but `https:` and `http:`). The name and the note are shown
/// apart, around these.
pub fn card_fields<'a>(hq: &'a Headquarters, lang: Lang, notice: &'a str) -> Vec<Field<'a>> {
    let localized = |label: FieldLabel, text: &'a Option<Localized>| {
        let value = Piece::localized(text.as_ref()?, lang)?;
        Some(Field { label, value: vec![value] })
    };
    let mut fields = Vec::new();
    if let Some(period) = &hq.historical {
        fields.push(Field { label: FieldLabel::Period, value: historical_line(period, lang, notice) });
    }
    fields.extend(localized(FieldLabel::City, &hq.city));
    fields.extend(localized(FieldLabel::Address, &hq.address));
    if !hq.phones.is_empty() {
        let mut value = Vec::new();
        for (index, phone) in hq.phones.iter().enumerate() {
            if index > 0 {
                value.push(Piece::plain(", "));
            }
            value.push(Piece::phone(phone));
        }
        fields.push(Field { label: FieldLabel::Phones, value });
    }
    if let Some(email) = &hq.email {
        fields.push(Field {
            label: FieldLabel::Email,
            value: vec![Piece::Link { href: mailto_href(email), text: email }],
        });
    }
    fields.extend(localized(FieldLabel::Hours, &hq.hours));
    if let Some(head) = &hq.head {
        let mut value: Vec<Piece<'a>> = Piece::localized(&head.name, lang).into_iter().collect();
        if let Some(role) = head.role.as_ref().and_then(|role| Piece::localized(role, lang)) {
            value.extend([Piece::plain(" — "), role]);
        }
        fields.push(Field { label: FieldLabel::Head, value });
    }
    if let Some(website) = &hq.website {
        fields.push(Field {
            label: FieldLabel::Website,
            value: vec![Piece::Link { href: website.clone(), text: website }],
        });
    }
    fields
}
