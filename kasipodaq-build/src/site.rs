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
use url::{Host, Url};

/// The site's public address: scheme and host (and port), no path. From the
/// build setting `KASIPODAQ_SITE_URL`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    origin: String,
}

impl Site {
    /// Accepts `http://` or `https://` and a host with an optional port and
    /// an optional trailing slash; refuses a path, query, fragment, user
    /// info, whitespace or an empty host. Read by the WHATWG URL parser
    /// (`url`), as browsers read it: the scheme and host lowercased, a
    /// default port dropped, a host in another script in its xn-- form.
    pub fn new(origin: &str) -> Result<Site, String> {
        let refuse = |why: &str| Err(format!("the site address {origin:?} {why}, e.g. https://kasipodaq.kz"));
        // The parser would drop surrounding spaces silently: a value with
        // any is a mistake worth showing.
        if origin.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return refuse("contains whitespace: give only the scheme and host");
        }
        let url = match parse_url(origin) {
            Ok(url) => url,
            Err(why) => return refuse(why),
        };
        if url.scheme() != "http" && url.scheme() != "https" {
            return refuse("must start with https:// or http://");
        }
        for (present, why) in [
            (url.path() != "/", "has a path: give only the scheme and host"),
            (url.query().is_some(), "has a query: give only the scheme and host"),
            (url.fragment().is_some(), "has a fragment: give only the scheme and host"),
            (!url.username().is_empty() || url.password().is_some(), "has user info: give only the scheme and host"),
        ] {
            if present {
                return refuse(why);
            }
        }
        Ok(Site { origin: url.origin().ascii_serialization() })
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

/// An absolute `http(s)://` address read as browsers read it, refused in
/// words a person can act on; its host must be a host name (letters,
/// digits, `-` and `.`, after the xn-- conversion) or an IP address, since
/// the origin goes into the Content-Security-Policy, where a `;` or `,`
/// would start another directive or source.
fn parse_url(value: &str) -> Result<Url, &'static str> {
    // Two slips the parser forgives by reading something else, refused so
    // the address means what it says: `https:///x` (read as the host `x`)
    // and a colon with no port (read as no port).
    if let Some((_, rest)) = value.split_once("://") {
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if authority.is_empty() {
            return Err("has an empty host");
        }
        if authority.ends_with(':') {
            return Err("has a malformed port");
        }
    }
    let url = Url::parse(value).map_err(|error| match error {
        url::ParseError::RelativeUrlWithoutBase => "has no scheme: start it with https:// or http://",
        url::ParseError::EmptyHost => "has an empty host",
        url::ParseError::InvalidPort => "has a malformed port",
        url::ParseError::InvalidIpv6Address | url::ParseError::InvalidIpv4Address => "has a malformed IP address",
        _ => "has a host with characters a host name cannot have",
    })?;
    match url.host() {
        Some(Host::Domain(name)) if name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') => {
            Ok(url)
        }
        Some(Host::Ipv4(_) | Host::Ipv6(_)) => Ok(url),
        Some(Host::Domain(_)) => Err("has a host with characters a host name cannot have"),
        None if matches!(url.scheme(), "http" | "https") => Err("has an empty host"),
        None => Ok(url),
    }
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
    fn a_host_in_another_script_is_written_in_its_xn_form() {
        assert_eq!(Site::new("https://кәсіподақ.kz").unwrap().origin(), "https://xn--80ahrqel1m2whr.kz");
    }
}
