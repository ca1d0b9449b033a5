//! One headquarters entry, or the hotline, read from its JSON value: only the
//! known keys, each of its type, every string checked for length and control
//! characters, then the format of ids, phones, e-mails and links.
//!
//! Written by hand over `serde_json::Value` rather than derived, so that a
//! problem names its field (`WrongType { field: "phones" }`) without reading
//! serde's English error messages.

use serde_json::{Map, Value};

use super::{keys, limits, EntryProblem, Head, Headquarters, Hotline, Level, Localized};

type Object = Map<String, Value>;

/// The value of `key`, unless it is missing or `null` (both mean absent).
pub(super) fn present<'a>(object: &'a Object, key: &str) -> Option<&'a Value> {
    object.get(key).filter(|value| !value.is_null())
}

/// The first key of `object` that is not in `known`, cut to 64 characters:
/// the key comes from the file and only ever reaches a console or a text node.
pub(super) fn unknown_key(object: &Object, known: &[&str]) -> Option<String> {
    object.keys().find(|key| !known.contains(&key.as_str())).map(|key| cut(key))
}

fn cut(text: &str) -> String {
    text.chars().take(64).collect()
}

pub(super) fn hotline(value: &Value) -> Result<Hotline, EntryProblem> {
    let object = value.as_object().ok_or(EntryProblem::NotAnObject)?;
    if let Some(key) = unknown_key(object, keys::HOTLINE) {
        return Err(EntryProblem::UnknownField(key));
    }
    let historical = historical(object)?;
    let phone = match present(object, "phone") {
        None => return Err(EntryProblem::MissingField("phone")),
        Some(value) => phone(value, "phone")?,
    };
    let label = localized(object, "label", "label", limits::NAME)?;
    Ok(Hotline { phone, label, historical })
}

pub(super) fn headquarters(value: &Value) -> Result<Headquarters, EntryProblem> {
    let object = value.as_object().ok_or(EntryProblem::NotAnObject)?;
    if let Some(key) = unknown_key(object, keys::HEADQUARTERS) {
        return Err(EntryProblem::UnknownField(key));
    }
    let historical = historical(object)?;
    let id = match present(object, "id") {
        None => return Err(EntryProblem::MissingField("id")),
        Some(Value::String(id)) if is_valid_id(id) => id.clone(),
        Some(Value::String(_)) => return Err(EntryProblem::BadId),
        Some(_) => return Err(EntryProblem::WrongType { field: "id" }),
    };
    let level = match present(object, "level") {
        None => return Err(EntryProblem::MissingField("level")),
        Some(Value::String(code)) => Level::from_code(code).ok_or(EntryProblem::BadLevel)?,
        Some(_) => return Err(EntryProblem::WrongType { field: "level" }),
    };
    let name = localized(object, "name", "name", limits::NAME)?.ok_or(EntryProblem::MissingField("name"))?;
    let region = localized(object, "region", "region", limits::REGION)?;
    let city = localized(object, "city", "city", limits::CITY)?;
    let address = localized(object, "address", "address", limits::ADDRESS)?;
    let phones = phones(object)?;
    let email = text(object, "email", "email", limits::EMAIL)?;
    if email.as_deref().is_some_and(|email| !is_email(email)) {
        return Err(EntryProblem::BadEmail);
    }
    let hours = localized(object, "hours", "hours", limits::HOURS)?;
    let head = head(object)?;
    let website = text(object, "website", "website", limits::WEBSITE)?;
    if website.as_deref().is_some_and(|website| !is_web_link(website)) {
        return Err(EntryProblem::BadLink);
    }
    let note = localized(object, "note", "note", limits::NOTE)?;
    Ok(Headquarters { id, level, name, region, city, address, phones, email, hours, head, website, note, historical })
}

/// The id of a (possibly broken) entry, when it is a valid id, to name the
/// entry in the list of dropped ones.
pub(super) fn valid_id_of(value: &Value) -> Option<String> {
    value.get("id").and_then(Value::as_str).filter(|id| is_valid_id(id)).map(str::to_owned)
}

fn head(entry: &Object) -> Result<Option<Head>, EntryProblem> {
    let Some(value) = present(entry, "head") else {
        return Ok(None);
    };
    let object = value.as_object().ok_or(EntryProblem::WrongType { field: "head" })?;
    if let Some(key) = unknown_key(object, keys::HEAD) {
        return Err(EntryProblem::UnknownField(format!("head.{key}")));
    }
    let name = localized(object, "name", "head.name", limits::NAME)?.ok_or(EntryProblem::MissingField("head.name"))?;
    let role = localized(object, "role", "head.role", limits::NAME)?;
    Ok(Some(Head { name, role }))
}

/// `"historical": {"ru": "Президентская избирательная кампания 2019 года", …}`
/// of a hotline or a headquarters: the period it was in use. Present, it
/// needs a text: a mark that says no period (`{}`, only blanks) costs its
/// hotline or entry, as any broken field does, so nothing meant as history
/// is shown as current. `null` is absent, as for every field.
fn historical(entry: &Object) -> Result<Option<Localized>, EntryProblem> {
    match localized(entry, "historical", "historical", limits::NAME)? {
        None if present(entry, "historical").is_some() => Err(EntryProblem::MissingField("historical")),
        period => Ok(period),
    }
}

fn phones(entry: &Object) -> Result<Vec<String>, EntryProblem> {
    let items = match present(entry, "phones") {
        None => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(EntryProblem::WrongType { field: "phones" }),
    };
    if items.len() > limits::PHONES {
        return Err(EntryProblem::TooLong { field: "phones" });
    }
    items.iter().map(|item| phone(item, "phones")).collect()
}

/// One phone number; unlike other texts, an empty one is an error, not absent.
fn phone(value: &Value, field: &'static str) -> Result<String, EntryProblem> {
    let Value::String(raw) = value else {
        return Err(EntryProblem::WrongType { field });
    };
    let number = checked_text(raw, field, limits::PHONE)?.ok_or(EntryProblem::BadPhone)?;
    if is_phone(&number) {
        Ok(number)
    } else {
        Err(EntryProblem::BadPhone)
    }
}

/// An optional plain string; blank counts as absent.
fn text(object: &Object, key: &str, field: &'static str, max_chars: usize) -> Result<Option<String>, EntryProblem> {
    match present(object, key) {
        None => Ok(None),
        Some(Value::String(raw)) => checked_text(raw, field, max_chars),
        Some(_) => Err(EntryProblem::WrongType { field }),
    }
}

/// An optional localised text; one with no language filled in counts as absent.
fn localized(
    object: &Object,
    key: &str,
    field: &'static str,
    max_chars: usize,
) -> Result<Option<Localized>, EntryProblem> {
    let Some(value) = present(object, key) else {
        return Ok(None);
    };
    let languages = value.as_object().ok_or(EntryProblem::WrongType { field })?;
    if let Some(language) = unknown_key(languages, keys::LOCALIZED) {
        return Err(EntryProblem::UnknownField(cut(&format!("{field}.{language}"))));
    }
    let localized = Localized {
        kk: text(languages, "kk", field, max_chars)?,
        ru: text(languages, "ru", field, max_chars)?,
        en: text(languages, "en", field, max_chars)?,
    };
    Ok((!localized.is_empty()).then_some(localized))
}

/// Checks one string of the file: at most `max_chars` characters, no control
/// characters. Returns it without invisible formatting characters and
/// surrounding spaces, `None` when blank.
fn checked_text(raw: &str, field: &'static str, max_chars: usize) -> Result<Option<String>, EntryProblem> {
    if raw.chars().count() > max_chars {
        return Err(EntryProblem::TooLong { field });
    }
    if raw.chars().any(is_forbidden_control) {
        return Err(EntryProblem::ControlCharacter { field });
    }
    let visible: String = raw.chars().filter(|c| !is_invisible_format(*c)).collect();
    let trimmed = visible.trim();
    Ok((!trimmed.is_empty()).then(|| trimmed.to_owned()))
}

/// Characters that show nothing and that no name, address, number or link
/// in Kazakh, Russian or English needs: zero-width spaces and joiners,
/// direction marks, the word joiner and a byte-order mark inside the text.
/// Pasted in with copied text, they would make a number undialable or a
/// link unusable: removed, so the entry is kept as it reads.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Characters no field may hold: C0 and C1 controls (tab and line breaks
/// too: every field is one line), the Unicode line and paragraph
/// separators, and the bidirectional embeddings, overrides and isolates,
/// which can show a text (or a number) in another order than it is stored.
fn is_forbidden_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_valid_id(id: &str) -> bool {
    (1..=limits::ID).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Digits, spaces, `-`, `(`, `)`, and `+` only in front, with at least three
/// digits: a number a person can dial, never letters or an extension.
fn is_phone(number: &str) -> bool {
    let digits = number.bytes().filter(u8::is_ascii_digit).count();
    let allowed = number
        .char_indices()
        .all(|(at, c)| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')') || (c == '+' && at == 0));
    allowed && digits >= limits::PHONE_MIN_DIGITS
}

/// A plain `local@domain.tld`: ASCII letters, digits and `._+-` before the
/// `@`, a dotted ASCII domain after it. Refuses display names
/// (`Name <a@b.kz>`), spaces, and `?`/`&`, which would add headers to a
/// `mailto:` link.
fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-'))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    local_ok && is_domain(domain)
}

/// At least two dot-separated labels of ASCII letters, digits and inner
/// hyphens (an international domain in its `xn--` form), the last starting
/// with a letter.
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |label: &&str| {
        (1..=63).contains(&label.len())
            && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    let top_ok = labels.last().is_some_and(|top| top.len() >= 2 && top.starts_with(|c: char| c.is_ascii_alphabetic()));
    labels.len() >= 2 && labels.iter().all(label_ok) && top_ok
}

/// `https://` or `http://` (any case) and a host, with no spaces, no
/// user name before the host (`https://kasipodaq.kz@example.com` goes to
/// example.com) and no characters that need quoting in HTML.
fn is_web_link(link: &str) -> bool {
    let scheme_end = ["https://", "http://"]
        .into_iter()
        .find(|scheme| link.get(..scheme.len()).is_some_and(|start| start.eq_ignore_ascii_case(scheme)))
        .map(str::len);
    let Some(rest) = scheme_end.map(|end| &link[end..]) else {
        return false;
    };
    let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host_ok = !host.is_empty()
        && host.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | ':' | '[' | ']'))
        && !host.starts_with(['.', ':']);
    host_ok && !rest.chars().any(|c| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '`' | '\\'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_digits_with_separators_and_a_leading_plus() {
        for good in ["20-10-90", "+7 (7172) 20-10-90", "112", "8 800 080 00 00"] {
            assert!(is_phone(good), "{good}");
        }
        for bad in
            ["12", "1-2", "+-+", "7+7172201090", "20-10-90 ext. 5", "20.10.90", "２０-10-90", "tel:201090", "20/10/90"]
        {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn emails_are_plain_addresses() {
        for good in ["info@kasipodaq.kz", "a.b+c_d-e@mail.example.kz", "x@xn--80ao21a.xn--80ao21a"] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "",
            "info",
            "info@",
            "@kasipodaq.kz",
            "info@kasipodaq",
            "info@@kasipodaq.kz",
            "in fo@kasipodaq.kz",
            "Info <info@kasipodaq.kz>",
            "info@kasipodaq.kz?cc=x@example.com",
            "info@-kasipodaq.kz",
            "info@kasipodaq..kz",
            ".info@kasipodaq.kz",
            "info.@kasipodaq.kz",
            "in..fo@kasipodaq.kz",
            "info@kasipodaq.7z",
            "инфо@kasipodaq.kz",
            "info@кәсіподақ.қаз",
            "a&b@kasipodaq.kz",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn links_are_http_or_https_with_a_host() {
        for good in [
            "https://kasipodaq.kz",
            "http://kasipodaq.kz/",
            "HTTPS://Kasipodaq.kz/news?id=5#top",
            "https://kasipodaq.kz:8443/жаңалықтар",
        ] {
            assert!(is_web_link(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "kasipodaq.kz",
            "//kasipodaq.kz",
            "https://",
            "https:///path",
            "https://kasipodaq.kz@example.com",
            "https://kasipodaq .kz",
            "https://kasipodaq.kz/\"onmouseover=x",
            "ftp://kasipodaq.kz",
            "https:kasipodaq.kz",
            "tel:201090",
            "mailto:info@kasipodaq.kz",
            "https://.kz",
        ] {
            assert!(!is_web_link(bad), "{bad}");
        }
    }

    #[test]
    fn ids_are_lowercase_ascii_digits_and_hyphens() {
        assert!(is_valid_id("republican-public-headquarters"));
        assert!(is_valid_id(&"a".repeat(64)));
        for bad in ["", "Republican", "with space", "штаб", "a_b", &"a".repeat(65)] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn controls_separators_and_bidi_overrides_are_forbidden_other_marks_are_not() {
        for bad in ['\0', '\t', '\n', '\r', '\u{7F}', '\u{85}', '\u{2028}', '\u{202E}', '\u{2067}'] {
            assert!(is_forbidden_control(bad), "{bad:?}");
        }
        for fine in [' ', '\u{A0}', '«', 'ә', '\u{200D}', '<'] {
            assert!(!is_forbidden_control(fine), "{fine:?}");
        }
        for invisible in ['\u{200B}', '\u{200D}', '\u{200E}', '\u{2060}', '\u{FEFF}'] {
            assert!(is_invisible_format(invisible), "{invisible:?}");
        }
        for shown in [' ', '\u{A0}', '\u{AD}', 'ә', '\u{2010}'] {
            assert!(!is_invisible_format(shown), "{shown:?}");
        }
    }
}
