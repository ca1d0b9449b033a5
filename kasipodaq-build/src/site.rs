//! The static-site files the prerender writes next to the app: the tags of
//! each page's `<head>` (canonical and language links, link previews,
//! structured data), `sitemap.xml`, `robots.txt`, one Atom feed per language
//! the Content-Security-Policy and the offline service worker. All string building, so it is tested on
//! the host without the app.

mod contacts_endpoint;
mod csp;
mod feeds;
mod head;
mod manifest;
mod offline;
pub mod open_data;
mod template;

pub use contacts_endpoint::{ContactsEndpoint, CONTACTS_URL_SETTING};
pub use csp::content_security_policy;
pub(crate) use csp::sha256;
pub use csp::sha256_base64;
pub use feeds::{
    atom_feed, feed_path, robots, sitemap_file_path, sitemap_files, FeedTexts, FEED_ENTRIES, SITEMAP_PATH,
    SITEMAP_URL_LIMIT,
};
pub use head::redirect_page;
pub use head::{app_preloads, head_tags, PageHead};
pub use kasipodaq_core::urls::SERVICE_WORKER_PATH;
pub use manifest::build_manifest;
pub use offline::offline_worker;
pub use offline::{precache, service_worker, Precache, KEPT_BYTES, KEPT_ENTRIES};
pub use template::{page_template, APP_TEMPLATE};

pub use kasipodaq_core::html::escape;
use kasipodaq_core::{content::Statement, urls::Page};

/// The site's public address: scheme and host (and port), no path. From the
/// build setting `KASIPODAQ_SITE_URL`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    origin: String,
}

impl Site {
    /// Accepts `http://` or `https://` and a host with an optional port and
    /// an optional trailing slash; refuses a path, query, fragment, user
    /// info, whitespace or an empty host. The scheme and host are lowercased,
    /// as they are case-insensitive and a canonical URL has one spelling.
    pub fn new(origin: &str) -> Result<Site, String> {
        let refuse = |why: &str| Err(format!("the site address {origin:?} {why}, e.g. https://kasipodaq.kz"));
        if origin.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return refuse("contains whitespace: give only the scheme and host");
        }
        let Some((scheme, rest)) = origin.split_once("://") else {
            return refuse("has no scheme: start it with https:// or http://");
        };
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return refuse("must start with https:// or http://");
        }
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        if authority.contains('/') {
            return refuse("has a path: give only the scheme and host");
        }
        if authority.contains('?') {
            return refuse("has a query: give only the scheme and host");
        }
        if authority.contains('#') {
            return refuse("has a fragment: give only the scheme and host");
        }
        if authority.contains('@') {
            return refuse("has user info: give only the scheme and host");
        }
        if let Err(why) = check_authority(authority) {
            return refuse(why);
        }
        Ok(Site { origin: format!("{scheme}://{}", authority.to_ascii_lowercase()) })
    }

    /// `scheme://host[:port]`, without a trailing slash.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The absolute URL of a site path such as `/en/statements/`.
    ///
    /// # Panics
    /// If `path` does not start with `/`: every site path does, so another
    /// value is a mistake in the prerender, not in the content.
    pub fn url(&self, path: &str) -> String {
        assert!(path.starts_with('/'), "a site path starts with '/', not {path:?}");
        format!("{}{path}", self.origin)
    }
}

/// Checks `host[:port]` (the host may be a bracketed IPv6 address).
fn check_authority(authority: &str) -> Result<(), &'static str> {
    let (host, port) = if authority.starts_with('[') {
        let end = authority.find(']').ok_or("has an IPv6 host without its closing ]")?;
        let (host, after) = authority.split_at(end + 1);
        let inner = &host[1..host.len() - 1];
        if inner.is_empty() || !inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.') {
            return Err("has a malformed IPv6 host");
        }
        match after {
            "" => (host, None),
            _ => (host, Some(after.strip_prefix(':').ok_or("has text after its IPv6 host")?)),
        }
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if host.is_empty() {
        return Err("has an empty host");
    }
    if !host.is_ascii() {
        return Err("has a host with non-ASCII letters: use its xn-- (punycode) form");
    }
    if !host.starts_with('[') && !host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') {
        return Err("has a host with characters a host name cannot have");
    }
    if let Some(port) = port {
        let valid = !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok();
        if !valid {
            return Err("has a malformed port");
        }
    }
    Ok(())
}

/// Every page that gets its own prerendered file, in a stable order: Home,
/// every page of every archive view ([`kasipodaq_core::archive::views`]), each
/// statement (in the order given), Platform, Union Day, Contacts, the
/// accessibility statement. Each exists in every language of
/// [`kasipodaq_core::Lang::ALL`].
pub fn pages(statements: &[Statement]) -> Vec<Page> {
    let archive_pages = kasipodaq_core::archive::views(statements).into_iter().map(Page::Statements);
    let statement_pages = statements.iter().map(|statement| Page::Statement(statement.slug.to_string()));
    [Page::Home]
        .into_iter()
        .chain(archive_pages)
        .chain(statement_pages)
        .chain([Page::Platform, Page::UnionDay, Page::Contacts, Page::Accessibility])
        .collect()
}

/// The origin of an absolute `http(s)` URL, for `connect-src`:
/// `scheme://host[:port]`, lowercased, user info dropped. A protocol-relative
/// URL (`//host/…`) gives `host[:port]` alone, which CSP matches with the
/// page's own scheme. `None` for a relative path such as `/contacts.json`
/// (same origin, already allowed by `'self'`), another scheme, or a URL whose
/// host is not a valid host (it could otherwise add CSP directives).
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = match url.strip_prefix("//") {
        Some(rest) => (None, rest),
        None => {
            let (scheme, rest) = url.split_once("://")?;
            let scheme = scheme.to_ascii_lowercase();
            (scheme == "http" || scheme == "https").then_some((Some(scheme), rest))?
        }
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let authority = authority.rsplit_once('@').map_or(authority, |(_, host)| host).to_ascii_lowercase();
    check_authority(&authority).ok()?;
    Some(match scheme {
        Some(scheme) => format!("{scheme}://{authority}"),
        None => authority,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_must_be_numbers_that_fit() {
        assert!(Site::new("http://localhost:8080").is_ok());
        for bad in ["http://localhost:", "http://localhost:x", "http://localhost:70000", "http://:80"] {
            assert!(Site::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ipv6_hosts_are_bracketed() {
        assert_eq!(Site::new("http://[::1]:8080/").unwrap().origin(), "http://[::1]:8080");
        assert!(Site::new("http://[::1").is_err());
        assert!(Site::new("http://[::1]x").is_err());
    }

    #[test]
    fn non_ascii_hosts_must_be_punycode() {
        assert!(Site::new("https://кәсіподақ.kz").unwrap_err().contains("punycode"));
    }
}
