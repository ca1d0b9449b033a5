//! Where the contacts page reads `contacts.json`: the build setting
//! `KASIPODAQ_CONTACTS_URL`, checked before the prerender writes it into
//! every page's `<meta name="kasipodaq-contacts-endpoint">` and, for another
//! server, into the pages' `connect-src`.

use kasipodaq_core::files::texts::TEXTS_FOLDER;

/// The build setting's name, as the build's messages give it.
pub const CONTACTS_URL_SETTING: &str = "KASIPODAQ_CONTACTS_URL";

/// The checked address of the contacts file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactsEndpoint {
    /// What the pages' endpoint `<meta>` says: an `https://` address, or a
    /// path on the site's own server.
    pub url: String,
    /// The origin (`https://host[:port]`, lowercased) when the file is on
    /// another server: the only origin the pages' `connect-src` adds.
    pub other_origin: Option<String>,
}

impl ContactsEndpoint {
    /// The endpoint from the setting's value (`None` or blank: the
    /// `contacts.json` beside the site, under `base_path`). Accepts an
    /// absolute `https://` address or a path starting with a single `/`
    /// (taken from the top of the host, so a site under a base path names
    /// its folder itself); anything else is refused with a message naming
    /// the setting, as the build prints it.
    pub fn from_setting(setting: Option<&str>, base_path: &str) -> Result<ContactsEndpoint, String> {
        let value = setting.map(str::trim).unwrap_or_default();
        if value.is_empty() {
            return Ok(ContactsEndpoint { url: format!("{base_path}/contacts.json"), other_origin: None });
        }
        let refuse = |why: &str| {
            Err(format!(
                "{CONTACTS_URL_SETTING}: {value:?} {why}; give an https:// address such as \
                 https://data.example.org/contacts.json or a path on this site such as /data/contacts.json"
            ))
        };
        // It goes into an HTML attribute and a request: nothing that could
        // end the attribute or be read two ways.
        if value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`'))
        {
            return refuse("contains a space, a quote, a backslash or an angle bracket");
        }
        let scheme = value.split_once("://").map(|(scheme, _)| scheme.to_ascii_lowercase());
        if scheme.as_deref() == Some("http") {
            return refuse("is a plain http:// address, which browsers refuse to read from an https:// page");
        }
        if scheme.as_deref() == Some("https") {
            let url = match super::parse_url(value) {
                Ok(url) => url,
                Err(why) => return refuse(why),
            };
            if !url.username().is_empty() || url.password().is_some() {
                return refuse("has a user name or password in it");
            }
            let origin = url.origin().ascii_serialization();
            return Ok(ContactsEndpoint { url: value.to_owned(), other_origin: Some(origin) });
        }
        if !value.starts_with('/') || value.starts_with("//") {
            return refuse("is neither an https:// address nor a path starting with /");
        }
        // The offline worker keeps what it fetched from the texts folder
        // for good (those files' names change with their content), so a
        // file replaced there would never be read again.
        if value.starts_with(&format!("{base_path}{TEXTS_FOLDER}")) {
            return refuse("is in the folder of the site's own texts files, which browsers keep without asking again");
        }
        Ok(ContactsEndpoint { url: value.to_owned(), other_origin: None })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::content_security_policy;

    const HINT: &str = "; give an https:// address such as https://data.example.org/contacts.json \
                        or a path on this site such as /data/contacts.json";

    fn refused(value: &str, why: &str) -> String {
        format!("KASIPODAQ_CONTACTS_URL: {value:?} {why}{HINT}")
    }

    #[test]
    fn unset_or_blank_is_the_file_beside_the_site() {
        for setting in [None, Some(""), Some("  ")] {
            let endpoint = ContactsEndpoint::from_setting(setting, "").unwrap();
            assert_eq!(endpoint, ContactsEndpoint { url: "/contacts.json".into(), other_origin: None });
            let endpoint = ContactsEndpoint::from_setting(setting, "/portal").unwrap();
            assert_eq!(endpoint, ContactsEndpoint { url: "/portal/contacts.json".into(), other_origin: None });
        }
    }

    #[test]
    fn a_path_on_the_site_is_kept_as_written() {
        let endpoint = ContactsEndpoint::from_setting(Some(" /data/contacts.json "), "/portal").unwrap();
        assert_eq!(endpoint, ContactsEndpoint { url: "/data/contacts.json".into(), other_origin: None });
    }

    #[test]
    fn another_server_adds_exactly_its_origin_to_connect_src() {
        let endpoint =
            ContactsEndpoint::from_setting(Some("https://Data.Example.org:8443/kasipodaq/contacts.json?v=2"), "")
                .unwrap();
        assert_eq!(endpoint.url, "https://Data.Example.org:8443/kasipodaq/contacts.json?v=2");
        assert_eq!(endpoint.other_origin.as_deref(), Some("https://data.example.org:8443"));
        let connect: Vec<String> = endpoint.other_origin.into_iter().collect();
        let policy = content_security_policy(&["YWJj".into()], &connect);
        let directive = policy.split("; ").find(|d| d.starts_with("connect-src")).unwrap();
        assert_eq!(directive, "connect-src 'self' https://data.example.org:8443");
        // A path on the site itself needs nothing beyond 'self'.
        let endpoint = ContactsEndpoint::from_setting(Some("/data/contacts.json"), "").unwrap();
        let connect: Vec<String> = endpoint.other_origin.into_iter().collect();
        let policy = content_security_policy(&["YWJj".into()], &connect);
        assert!(policy.contains("; connect-src 'self'; "), "{policy}");
    }

    #[test]
    fn anything_else_stops_the_build_naming_the_setting() {
        let plain = "neither an https:// address nor a path starting with /";
        for (value, why) in [
            ("contacts.json", plain),
            ("data/contacts.json", plain),
            ("//data.example.org/contacts.json", plain),
            ("ftp://data.example.org/contacts.json", plain),
            ("javascript:alert(1)", plain),
            (
                "http://data.example.org/contacts.json",
                "is a plain http:// address, which browsers refuse to read from an https:// page",
            ),
            ("https:///contacts.json", "has an empty host"),
            ("https://data example.org/contacts.json", "contains a space, a quote, a backslash or an angle bracket"),
            ("/contacts.json\"><script>", "contains a space, a quote, a backslash or an angle bracket"),
            ("https://data.example.org;/x", "has a host with characters a host name cannot have"),
            ("https://user:secret@data.example.org/contacts.json", "has a user name or password in it"),
            ("https://data.example.org:99999/contacts.json", "has a malformed port"),
            (
                "/texts/contacts.json",
                "is in the folder of the site's own texts files, which browsers keep without asking again",
            ),
        ] {
            let why = if why == plain { format!("is {plain}") } else { why.to_owned() };
            assert_eq!(ContactsEndpoint::from_setting(Some(value), ""), Err(refused(value, &why)), "{value}");
        }
        assert_eq!(
            ContactsEndpoint::from_setting(Some("/portal/texts/contacts.json"), "/portal"),
            Err(refused(
                "/portal/texts/contacts.json",
                "is in the folder of the site's own texts files, which browsers keep without asking again"
            ))
        );
    }

    #[test]
    fn the_exact_message_for_a_relative_path() {
        assert_eq!(
            ContactsEndpoint::from_setting(Some("contacts.json"), "").unwrap_err(),
            "KASIPODAQ_CONTACTS_URL: \"contacts.json\" is neither an https:// address nor a path starting with /; \
             give an https:// address such as https://data.example.org/contacts.json or a path on this site such \
             as /data/contacts.json"
        );
    }
}
